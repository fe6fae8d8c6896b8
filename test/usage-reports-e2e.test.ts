/**
 * The usage-report subscription handler through the provider's entry (`lambda/provider`) and the
 * provider framework's emulator, with the real AWS SDK against the local fake AppStream endpoint:
 * every lifecycle path, with the endpoint rejecting beyond its rate and injecting faults.
 */
import { isComplete, onEvent } from '../lambda/provider';
import { type FaultName, useFakeEndpoint } from './fake-appstream/server';
import { registerUsageReportOperations, UsageReportState } from './fake-appstream/usage-reports';
import { fakeEndpointSuite } from './util/fake-endpoint-suite';
import { type FrameworkOptions, resourceEvents, runCustomResource } from './util/provider-framework';
import { USAGE_REPORT_SUBSCRIPTION_RESOURCE_TYPE, UsageReportPhysicalIds } from '../src/operations/private/usage-reports-contract';

const suite = fakeEndpointSuite({ requestsPerSecond: 50, burst: 2 });
const fake = suite.fake;
let state: UsageReportState;

const events = resourceEvents({ resourceType: USAGE_REPORT_SUBSCRIPTION_RESOURCE_TYPE, logicalResourceId: 'UsageReports' });
const FRAMEWORK: FrameworkOptions = { queryIntervalMs: 5, totalTimeoutMs: 4_000, invocationTimeoutMs: 61_000 };
const run = (event: Parameters<typeof runCustomResource>[1]) => runCustomResource({ onEvent, isComplete }, event, FRAMEWORK);
const { CREATED, ADOPTED } = UsageReportPhysicalIds;

beforeEach(() => {
  state = registerUsageReportOperations(fake);
});

test('create, update, delete of a subscription this resource makes', async () => {
  const created = await run(events.create({}));
  expect(created).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: CREATED, Data: { S3BucketName: state.bucketName } });
  expect(state.subscribedBucket).toBe(state.bucketName);

  const updated = await run(events.update(CREATED, {}, {}));
  expect(updated).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: CREATED });
  expect(fake.count('CreateUsageReportSubscription')).toBe(1);

  const deleted = await run(events.delete(CREATED, {}));
  expect(deleted.Status).toBe('SUCCESS');
  expect(state.subscribedBucket).toBeUndefined();
});

test('a subscription that existed before is adopted and outlives the resource', async () => {
  state.subscribe();

  const created = await run(events.create({}));
  expect(created).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: ADOPTED, Data: { CreatedByThisResource: 'false' } });

  expect((await run(events.delete(ADOPTED, {}))).Status).toBe('SUCCESS');
  expect(state.subscribedBucket).toBe(state.bucketName);
  expect(fake.count('DeleteUsageReportSubscription')).toBe(0);
});

test('a repeated Delete, and a Delete of a subscription removed by hand, succeed', async () => {
  await run(events.create({}));
  state.unsubscribe();

  expect((await run(events.delete(CREATED, {}))).Status).toBe('SUCCESS');
  expect((await run(events.delete(CREATED, {}))).Status).toBe('SUCCESS');
  expect(fake.count('DeleteUsageReportSubscription', 'error:ResourceNotFoundException')).toBe(2);
});

test('an update after the subscription was removed by hand makes it again', async () => {
  const updated = await run(events.update(ADOPTED, {}, {}));

  expect(updated).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: CREATED });
  expect(state.subscribedBucket).toBe(state.bucketName);
});

test('a Describe that lags behind a subscription just made answers Create with the same bucket (no duplicate, no failure)', async () => {
  state.setReadLag(60_000);
  state.subscribe();

  const created = await run(events.create({}));

  expect(created).toMatchObject({ Status: 'SUCCESS', Data: { S3BucketName: state.bucketName } });
});

test.each<FaultName>(['ThrottlingException', 'RequestLimitExceededException', 'http503', 'drop'])('%s is retried', async (fault) => {
  fake.injectFault('*', fault, 2);

  const created = await run(events.create({}));

  expect(created).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: CREATED });
  expect(state.subscribedBucket).toBe(state.bucketName);
});

test('beyond the endpoint\'s rate requests are rejected, and the handler still converges', async () => {
  fake.setRateLimit({ requestsPerSecond: 2, burst: 1, rejectWith: 'RequestLimitExceededException' });
  useFakeEndpoint(suite.endpoint, { retryBaseDelayMs: 1, initialRequestRate: 100 }); // starts far too fast

  const created = await run(events.create({}));
  const deleted = await run(events.delete(created.PhysicalResourceId, {}));

  expect([created.Status, deleted.Status]).toEqual(['SUCCESS', 'SUCCESS']);
  expect(fake.count(undefined, 'throttled')).toBeGreaterThan(0);
  expect(state.subscribedBucket).toBeUndefined();
});

test('a response lost after the subscription was made: the retried Create answers the same bucket', async () => {
  fake.injectFault('CreateUsageReportSubscription', 'lostResponse', 1);

  const created = await run(events.create({}));

  // The retried Create answers the same bucket: AppStream reuses the account's bucket.
  expect(created).toMatchObject({ Status: 'SUCCESS', Data: { S3BucketName: state.bucketName } });
});

test('an error AppStream does not retry fails the resource with its message', async () => {
  fake.injectFault('CreateUsageReportSubscription', { kind: 'error', type: 'InvalidAccountStatusException', message: 'account suspended' }, 1);

  const created = await run(events.create({}));

  expect(created).toMatchObject({ Status: 'FAILED', Reason: expect.stringContaining('account suspended') });
  expect(state.subscribedBucket).toBeUndefined();
});
