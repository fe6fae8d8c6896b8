/**
 * The stack-theme handler through the provider's entry and the provider framework's emulator, with
 * the real AWS SDK against the local fake AppStream endpoint: every lifecycle path, with the endpoint
 * rejecting beyond its rate and injecting faults. The images are S3 locations AppStream reads as
 * they are (copies of files are Custom::AppStreamObjectCopy resources): no S3 call.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { isComplete, onEvent } from '../lambda/provider';
import { type FaultName, useFakeEndpoint } from './fake-appstream/server';
import { registerThemeOperations, ThemeState } from './fake-appstream/themes';
import { fakeEndpointSuite } from './util/fake-endpoint-suite';
import { type FrameworkOptions, resourceEvents, runCustomResource } from './util/provider-framework';
import { STACK_THEME_RESOURCE_TYPE } from '../src/stack/private/stack-theme-contract';

const s3 = mockClient(S3Client);
const suite = fakeEndpointSuite({ requestsPerSecond: 50, burst: 2 });
const fake = suite.fake;
let state: ThemeState;

const events = resourceEvents({ resourceType: STACK_THEME_RESOURCE_TYPE, logicalResourceId: 'Theme' });
const FRAMEWORK: FrameworkOptions = { queryIntervalMs: 5, totalTimeoutMs: 4_000, invocationTimeoutMs: 61_000 };
const run = (event: Parameters<typeof runCustomResource>[1]) => runCustomResource({ onEvent, isComplete }, event, FRAMEWORK);
const props = (overrides: Record<string, unknown> = {}) => ({
  StackName: 'portal',
  TitleText: 'Example Corp apps',
  ThemeStyling: 'BLUE',
  FooterLinks: [{ DisplayName: 'IT support', FooterLinkURL: 'https://support.example.com' }],
  OrganizationLogo: { Bucket: 'appstream-files', Key: 'cdk-appstream/aaa.png' },
  Favicon: { Bucket: 'appstream-files', Key: 'cdk-appstream/bbb.ico' },
  ...overrides,
});

beforeEach(() => {
  s3.reset();
  s3.onAnyCommand().rejects(new Error('unexpected S3 call'));
  state = registerThemeOperations(fake).addStack('portal', 'portal-2');
});

afterEach(() => expect(s3.calls()).toHaveLength(0));

test('create, update, delete', async () => {
  const created = await run(events.create(props()));
  expect(created).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'portal' });
  expect(state.themes.get('portal')).toMatchObject({ ThemeTitleText: 'Example Corp apps', ThemeStyling: 'BLUE', State: 'ENABLED' });

  const updated = await run(events.update('portal', props({ ThemeStyling: 'RED', FooterLinks: [] }), props()));
  expect(updated.Status).toBe('SUCCESS');
  expect(state.themes.get('portal')).toMatchObject({ ThemeStyling: 'RED', ThemeFooterLinks: undefined });

  expect((await run(events.delete('portal', props()))).Status).toBe('SUCCESS');
  expect(state.themes.has('portal')).toBe(false);
});

test('a repeated Create converges on the template\'s theme', async () => {
  await run(events.create(props()));
  const again = await run(events.create(props({ TitleText: 'Second try' })));

  expect(again.Status).toBe('SUCCESS');
  expect(state.themes.get('portal')?.ThemeTitleText).toBe('Second try');
});

test('a theme just made that Describe does not see yet: Create answers it exists, the handler updates it', async () => {
  state.setReadLag(60_000);
  await run(events.create(props()));

  const again = await run(events.create(props({ ThemeStyling: 'PINK' })));

  expect(again.Status).toBe('SUCCESS');
  expect(fake.count('CreateThemeForStack', 'error:ResourceAlreadyExistsException')).toBe(1);
  expect(state.themes.get('portal')?.ThemeStyling).toBe('PINK');
});

test('a repeated Delete, and a Delete after the stack is gone, succeed', async () => {
  await run(events.create(props()));
  expect((await run(events.delete('portal', props()))).Status).toBe('SUCCESS');
  expect((await run(events.delete('portal', props()))).Status).toBe('SUCCESS');
  state.stacks.delete('portal');
  expect((await run(events.delete('portal', props()))).Status).toBe('SUCCESS');
});

test('the stack replaced: the theme moves to the new stack', async () => {
  await run(events.create(props()));

  const moved = await run(events.update('portal', props({ StackName: 'portal-2' }), props()));

  expect(moved).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'portal-2' });
  expect(state.themes.has('portal-2')).toBe(true);
});

test.each<FaultName>(['ThrottlingException', 'RequestLimitExceededException', 'ConcurrentModificationException', 'http503', 'drop'])('%s is retried', async (fault) => {
  fake.injectFault('*', fault, 2);

  expect((await run(events.create(props()))).Status).toBe('SUCCESS');
  expect(state.themes.has('portal')).toBe(true);
});

test('beyond the endpoint\'s rate requests are rejected, and the handler still converges', async () => {
  fake.setRateLimit({ requestsPerSecond: 3, burst: 1, rejectWith: 'RequestLimitExceededException' });
  useFakeEndpoint(suite.endpoint, { retryBaseDelayMs: 1, initialRequestRate: 100 });

  const created = await run(events.create(props()));
  const updated = await run(events.update('portal', props({ TitleText: 'Renamed' }), props()));

  expect([created.Status, updated.Status]).toEqual(['SUCCESS', 'SUCCESS']);
  expect(fake.count(undefined, 'throttled')).toBeGreaterThan(0);
  expect(state.themes.get('portal')?.ThemeTitleText).toBe('Renamed');
});

test('what AppStream refuses fails the resource with its message', async () => {
  const failed = await run(events.create(props({ StackName: 'no-such-stack' })));

  expect(failed).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('no-such-stack not found') });
});
