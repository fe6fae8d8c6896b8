/**
 * The image-builder-state handler with the real AWS SDK against the local fake AppStream endpoint:
 * a builder state machine with delays, failures, lost responses and a rate limit that rejects,
 * driven the way the provider framework drives it (onEvent, then isComplete until done).
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { ImageBuilderState, registerImageBuilderOperations } from './fake-appstream/image-builders';
import { FakeAppStream, useFakeEndpoint } from './fake-appstream/server';
import { isComplete, onEvent } from '../lambda/image-builder-state';
import { resetAppStreamClient } from '../lambda/shared/appstream';
import { IMAGE_BUILDER_STATE_RESOURCE_TYPE } from '../src/apps/private/image-builder-state-contract';

const BUILDER = 'e2e-builder';
const saved = { ...process.env };
let fake: FakeAppStream;
let state: ImageBuilderState;

function createEvent(desired: string): CloudFormationCustomResourceEvent {
  return {
    ServiceToken: 'arn:token',
    ResponseURL: 'https://example.com/r',
    StackId: 'arn:stack',
    RequestId: 'r',
    LogicalResourceId: 'DesiredState',
    RequestType: 'Create',
    ResourceType: IMAGE_BUILDER_STATE_RESOURCE_TYPE,
    ResourceProperties: { ServiceToken: 'arn:token', ImageBuilderName: BUILDER, DesiredState: desired },
  };
}

/** onEvent, then isComplete until complete; `graceOver` makes each poll look past the grace period. */
async function deploy(event: CloudFormationCustomResourceEvent, graceOver = false): Promise<number> {
  const response = await onEvent(event);
  for (let poll = 1; poll <= 200; poll++) {
    const data = graceOver ? { ...response.Data, RequestedAt: '0' } : response.Data;
    if ((await isComplete({ ...event, ...response, Data: data })).IsComplete) {
      return poll;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('still not complete after 200 polls');
}

beforeAll(async () => {
  fake = new FakeAppStream();
  useFakeEndpoint(await fake.start());
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

beforeEach(() => {
  resetAppStreamClient();
  state = registerImageBuilderOperations(fake, new ImageBuilderState(40, 20));
  fake.clearFaults();
  fake.resetCalls();
});

afterAll(async () => {
  await fake.stop();
  process.env = saved;
});

test('desired STOPPED: a new builder is waited for while PENDING, then stopped as soon as it runs', async () => {
  state.addBuilder(BUILDER);

  await deploy(createEvent('STOPPED'), true);

  expect(state.builder(BUILDER).State).toBe('STOPPED');
  expect(fake.count('StopImageBuilder', 'ok')).toBe(1);
});

test('desired RUNNING: a stopped builder is started and waited for', async () => {
  state.addBuilder(BUILDER, 'STOPPED');

  const polls = await deploy(createEvent('RUNNING'));

  expect(state.builder(BUILDER).State).toBe('RUNNING');
  expect(polls).toBeGreaterThan(1);
  expect(fake.count('StartImageBuilder', 'ok')).toBe(1);
});

test('a builder that ends FAILED fails the deployment with its own errors', async () => {
  state.addBuilder(BUILDER, 'STOPPED');
  state.failStart(BUILDER, [{ ErrorCode: 'IAM_SERVICE_ROLE_IS_MISSING', ErrorMessage: 'role missing' }], { Code: 'INTERNAL_ERROR', Message: 'could not start' });

  await expect(deploy(createEvent('RUNNING'), true)).rejects.toThrow(
    'Image builder "e2e-builder" did not reach RUNNING (state FAILED): IAM_SERVICE_ROLE_IS_MISSING: role missing; INTERNAL_ERROR: could not start');
});

test('a StopImageBuilder whose response was lost is not an error: the builder is STOPPING', async () => {
  state.addBuilder(BUILDER, 'RUNNING');
  fake.injectFault('StopImageBuilder', 'lostResponse', 1);

  await deploy(createEvent('STOPPED'));

  expect(state.builder(BUILDER).State).toBe('STOPPED');
  expect(fake.count('StopImageBuilder')).toBe(2);
});

test('beyond the endpoint\'s rate, requests are rejected and the builder still reaches its state', async () => {
  state.addBuilder(BUILDER, 'STOPPED');
  fake.setRateLimit({ requestsPerSecond: 20, burst: 1, rejectWith: 'RequestLimitExceededException' });
  try {
    await deploy(createEvent('RUNNING'));
  } finally {
    fake.setRateLimit(undefined);
  }

  expect(state.builder(BUILDER).State).toBe('RUNNING');
  expect(fake.count('StartImageBuilder', 'ok')).toBe(1);
  expect(fake.count(undefined, 'throttled')).toBeGreaterThan(0);
});

test('a builder that does not exist fails clearly', async () => {
  await expect(onEvent(createEvent('RUNNING'))).rejects.toThrow(/Image builder "e2e-builder" not found: cannot make it RUNNING/);
});
