/**
 * The image-lookup handler with the real AWS SDK against the local fake AppStream endpoint:
 * DescribeImages pagination (25 per page), timestamps parsed by the SDK, throttling retried.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { onEvent } from '../lambda/image-lookup';
import { FleetState, registerFleetOperations } from './fake-appstream/fleets';
import { FakeAppStream, useFakeEndpoint } from './fake-appstream/server';
import { resetAppStreamClient } from '../lambda/shared/appstream';
import { IMAGE_LOOKUP_RESOURCE_TYPE } from '../src/fleet/private/image-lookup-contract';

const saved = { ...process.env };
let fake: FakeAppStream;
let state: FleetState;

const lookup = (props: Record<string, string>) => onEvent({
  ServiceToken: 'arn:token',
  ResponseURL: 'https://example.com/r',
  StackId: 'arn:stack',
  RequestId: 'r',
  LogicalResourceId: 'Image',
  ResourceType: IMAGE_LOOKUP_RESOURCE_TYPE,
  RequestType: 'Create',
  ResourceProperties: { ServiceToken: 'arn:token', ...props },
} as CloudFormationCustomResourceEvent);

beforeAll(async () => {
  fake = new FakeAppStream();
  const endpoint = await fake.start();
  useFakeEndpoint(endpoint);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

beforeEach(() => {
  resetAppStreamClient(); // a fresh rate limiter: throttling in one test must not slow the next
  state = registerFleetOperations(fake);
  fake.clearFaults();
  fake.resetCalls();
});

afterAll(async () => {
  await fake.stop();
  process.env = saved;
});

test('reads all 3 pages of 60 images and returns the newest AVAILABLE match', async () => {
  for (let day = 1; day <= 60; day++) {
    const date = new Date(Date.UTC(2025, 0, day)).toISOString();
    state.addImage(`AppStream-WinServer2022-${String(day).padStart(2, '0')}`, date, day === 60 ? { State: 'PENDING' } : {});
  }
  state.addImage('AppStream-AmazonLinux2-99', '2026-01-01T00:00:00Z', { Platform: 'AMAZON_LINUX2' });

  const result = await lookup({ NamePrefix: 'AppStream-WinServer2022-', Platform: 'WINDOWS_SERVER_2022' });

  expect(result.Data).toEqual({
    ImageName: 'AppStream-WinServer2022-59',
    ImageArn: 'arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-59',
  });
  expect(fake.calls.map((c) => c.input.NextToken)).toEqual([undefined, 'images-25', 'images-50']);
  expect(fake.calls.every((c) => c.input.MaxResults === 25)).toBe(true);
});

test('passes the visibility type to the API', async () => {
  state.addImage('golden-1', '2025-01-01T00:00:00Z', { Visibility: 'PRIVATE' });
  state.addImage('golden-2', '2025-02-01T00:00:00Z', { Visibility: 'SHARED' });

  const result = await lookup({ NamePrefix: 'golden-', Type: 'PRIVATE' });

  expect(result.Data?.ImageName).toBe('golden-1');
});

test.each(['RequestLimitExceededException', 'ThrottlingException', 'http503', 'drop'] as const)('%s is retried', async (fault) => {
  state.addImage('x-1', '2025-01-01T00:00:00Z');
  fake.injectFault('DescribeImages', fault, 2);

  const result = await lookup({ NamePrefix: 'x-' });

  expect(result.Data?.ImageName).toBe('x-1');
  expect(fake.count('DescribeImages')).toBe(3);
});

test('no match fails naming the filter', async () => {
  state.addImage('other', '2025-01-01T00:00:00Z');

  await expect(lookup({ NamePrefix: 'golden-' })).rejects.toThrow(/No AVAILABLE image matches name prefix "golden-"/);
});
