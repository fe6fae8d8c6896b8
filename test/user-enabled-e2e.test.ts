/**
 * The user-enabled handler through the provider's entry and the provider framework's emulator,
 * with the real AWS SDK against the local fake endpoint (EnableUser / DisableUser), which rejects
 * beyond its rate and may not know a user just created.
 */
import { isComplete, onEvent } from '../lambda/provider';
import { type FaultName, useFakeEndpoint } from './fake-appstream/server';
import { registerUserPoolOperations, UserPoolState } from './fake-appstream/user-pool';
import { fakeEndpointSuite } from './util/fake-endpoint-suite';
import { type FrameworkOptions, resourceEvents, runCustomResource } from './util/provider-framework';
import { USER_ENABLED_RESOURCE_TYPE } from '../src/users/private/user-enabled-contract';

const suite = fakeEndpointSuite({ requestsPerSecond: 50, burst: 2 });
const fake = suite.fake;
let pool: UserPoolState;

const EMAIL = 'alice@example.com';
const events = resourceEvents({ resourceType: USER_ENABLED_RESOURCE_TYPE, logicalResourceId: 'AliceEnabled' });
const props = (enabled: boolean) => ({ UserName: EMAIL, AuthenticationType: 'USERPOOL', Enabled: String(enabled) });
const FRAMEWORK: FrameworkOptions = { queryIntervalMs: 10, totalTimeoutMs: 4_000, invocationTimeoutMs: 61_000 };
const run = (event: Parameters<typeof runCustomResource>[1]) => runCustomResource({ onEvent, isComplete }, event, FRAMEWORK);

beforeEach(() => {
  pool = registerUserPoolOperations(fake);
});

test('disable on create, enable on update, enabled again on delete', async () => {
  pool.addUser(EMAIL);

  const created = await run(events.create(props(false)));
  expect(created.Status).toBe('SUCCESS');
  expect(pool.isEnabled(EMAIL)).toBe(false);

  const updated = await run(events.update(created.PhysicalResourceId, props(true), props(false)));
  expect(updated).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: created.PhysicalResourceId });
  expect(pool.isEnabled(EMAIL)).toBe(true);

  await run(events.update(created.PhysicalResourceId, props(false), props(true)));
  expect(pool.isEnabled(EMAIL)).toBe(false);
  expect((await run(events.delete(created.PhysicalResourceId, props(false)))).Status).toBe('SUCCESS');
  expect(pool.isEnabled(EMAIL)).toBe(true);
});

test('a repeated event converges', async () => {
  pool.addUser(EMAIL);

  const first = await run(events.create(props(false)));
  const second = await run(events.create(props(false)));

  expect([first.Status, second.Status]).toEqual(['SUCCESS', 'SUCCESS']);
  expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
  expect(pool.isEnabled(EMAIL)).toBe(false);
});

test('a user the API does not know yet is disabled once it does', async () => {
  // Not found by onEvent's DisableUser nor by the first poll's: found by the second poll's.
  pool.addUser(EMAIL, { hiddenForRequests: 2 });

  const created = await run(events.create(props(false)));

  expect(created.Status).toBe('SUCCESS');
  expect(created.polls).toBe(2);
  expect(pool.isEnabled(EMAIL)).toBe(false);
  expect(fake.count('DisableUser', 'error:ResourceNotFoundException')).toBe(2);
});

test('the Delete of a user already gone succeeds', async () => {
  expect((await run(events.delete('USERPOOL/abc', props(false)))).Status).toBe('SUCCESS');
});

test.each<FaultName>(['ThrottlingException', 'RequestLimitExceededException', 'http500', 'drop'])('%s is retried', async (fault) => {
  pool.addUser(EMAIL);
  fake.injectFault('DisableUser', fault, 2);

  expect((await run(events.create(props(false)))).Status).toBe('SUCCESS');
  expect(pool.isEnabled(EMAIL)).toBe(false);
});

test('beyond the endpoint\'s rate requests are rejected, and every user still ends as asked', async () => {
  fake.setRateLimit({ requestsPerSecond: 20, burst: 1, rejectWith: 'RequestLimitExceededException' });
  useFakeEndpoint(suite.endpoint, { retryBaseDelayMs: 1, initialRequestRate: 500 });
  const emails = Array.from({ length: 10 }, (_, i) => `user${i}@example.com`);
  emails.forEach((email) => pool.addUser(email));

  const results = await Promise.all(emails.map((email) => run(events.create({ ...props(false), UserName: email }))));

  expect(results.every((r) => r.Status === 'SUCCESS')).toBe(true);
  expect(emails.map((email) => pool.isEnabled(email))).toEqual(emails.map(() => false));
  expect(fake.count(undefined, 'throttled')).toBeGreaterThan(0);
});
