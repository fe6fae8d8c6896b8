/**
 * The fleet-state and update-guard handler with the real AWS SDK against the local fake AppStream
 * endpoint: a fleet state machine with delays, FleetErrors, refused updates and every kind of
 * throttling, driven the way the provider framework drives it (onEvent, then isComplete until done).
 */
import { AppStreamClient, UpdateFleetCommand } from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { isComplete, onEvent } from '../lambda/fleet-state';
import { FleetState, registerFleetOperations } from './fake-appstream/fleets';
import { FakeAppStream, type FaultName, useFakeEndpoint } from './fake-appstream/server';
import { resetAppStreamClient } from '../lambda/shared/appstream';
import { FLEET_STATE_RESOURCE_TYPE, FLEET_UPDATE_GUARD_RESOURCE_TYPE } from '../src/fleet/private/fleet-state-contract';

const FLEET = 'e2e-fleet';
const saved = { ...process.env };
let fake: FakeAppStream;
let state: FleetState;
let endpoint: string;

const common = { ServiceToken: 'arn:token', ResponseURL: 'https://example.com/r', StackId: 'arn:stack', RequestId: 'r', LogicalResourceId: 'X' };

function stateEvent(requestType: 'Create' | 'Update', desired: string, fleetProperties: object = {}): CloudFormationCustomResourceEvent {
  const ResourceProperties = { ServiceToken: 'arn:token', FleetName: FLEET, DesiredState: desired, FleetProperties: fleetProperties };
  return requestType === 'Create'
    ? { ...common, RequestType: 'Create', ResourceType: FLEET_STATE_RESOURCE_TYPE, ResourceProperties }
    : {
      ...common,
      RequestType: 'Update',
      ResourceType: FLEET_STATE_RESOURCE_TYPE,
      PhysicalResourceId: FLEET,
      ResourceProperties,
      OldResourceProperties: { ...ResourceProperties, FleetProperties: {} },
    };
}

function guardEvent(oldProps: object, newProps: object, stopForUpdates = 'true', fleetType = 'ALWAYS_ON'): CloudFormationCustomResourceEvent {
  const props = (fleetProperties: object, stop: string) => ({
    ServiceToken: 'arn:token', FleetName: FLEET, FleetType: fleetType, StopForUpdates: stop, FleetProperties: fleetProperties,
  });
  return {
    ...common,
    RequestType: 'Update',
    ResourceType: FLEET_UPDATE_GUARD_RESOURCE_TYPE,
    PhysicalResourceId: FLEET,
    ResourceProperties: props(newProps, stopForUpdates),
    OldResourceProperties: props(oldProps, 'true'),
  };
}

/**
 * onEvent, then isComplete until complete, as the provider's waiter does. `graceOver` makes each
 * poll look as if the grace period after StartFleet / StopFleet had passed.
 */
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
  endpoint = await fake.start();
  useFakeEndpoint(endpoint);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

beforeEach(() => {
  resetAppStreamClient(); // a fresh rate limiter: throttling in one test must not slow the next
  state = registerFleetOperations(fake, new FleetState(40, 20));
  fake.clearFaults();
  fake.resetCalls();
});

afterAll(async () => {
  await fake.stop();
  process.env = saved;
});

test('desired RUNNING starts a STOPPED fleet and waits through STARTING until RUNNING', async () => {
  state.addFleet(FLEET);

  const polls = await deploy(stateEvent('Create', 'RUNNING'));

  expect(state.fleet(FLEET).State).toBe('RUNNING');
  expect(polls).toBeGreaterThan(1);
  expect(fake.count('StartFleet')).toBe(1);
});

test('desired STOPPED stops a RUNNING fleet and waits until STOPPED', async () => {
  state.addFleet(FLEET, { state: 'RUNNING' });

  await deploy(stateEvent('Update', 'STOPPED'));

  expect(state.fleet(FLEET).State).toBe('STOPPED');
  expect(fake.count('StopFleet')).toBe(1);
});

test('a fleet already in its desired state gets no StartFleet / StopFleet', async () => {
  state.addFleet(FLEET, { state: 'RUNNING' });

  await deploy(stateEvent('Update', 'RUNNING'));

  expect(fake.count('StartFleet') + fake.count('StopFleet')).toBe(0);
});

test('safe update: guard stops, CloudFormation updates, fleet state restarts', async () => {
  state.addFleet(FLEET, { state: 'RUNNING', fleetType: 'ALWAYS_ON' });
  const sdk = new AppStreamClient({ endpoint, maxAttempts: 1 });
  const change = new UpdateFleetCommand({ Name: FLEET, InstanceType: 'stream.standard.large' });
  // Without the guard, the running fleet refuses the change.
  await expect(sdk.send(change)).rejects.toMatchObject({ name: 'ResourceInUseException' });

  await deploy(guardEvent({ InstanceType: 'stream.standard.small' }, { InstanceType: 'stream.standard.large' }));
  expect(state.fleet(FLEET).State).toBe('STOPPED');
  await sdk.send(change);
  await deploy(stateEvent('Update', 'RUNNING', { InstanceType: 'stream.standard.large' }));

  expect(state.fleet(FLEET)).toMatchObject({ State: 'RUNNING', attributes: { InstanceType: 'stream.standard.large' } });
  expect(fake.calls.map((c) => c.operation).filter((op) => op !== 'DescribeFleets'))
    .toEqual(['UpdateFleet', 'StopFleet', 'UpdateFleet', 'StartFleet']);
});

test('the guard lets changes a running fleet accepts through without a stop', async () => {
  state.addFleet(FLEET, { state: 'RUNNING', fleetType: 'ALWAYS_ON' });

  await deploy(guardEvent({ ComputeCapacity: { DesiredInstances: '1' } }, { ComputeCapacity: { DesiredInstances: '3' } }));

  expect(state.fleet(FLEET).State).toBe('RUNNING');
  expect(fake.count()).toBe(0);
});

test.each([
  ['a new image', { ImageName: 'image-1' }, { ImageName: 'image-2' }, true],
  ['more concurrent sessions', { MaxConcurrentSessions: '10' }, { MaxConcurrentSessions: '20' }, false],
])('Elastic fleet, %s: the guard stops it only if the running fleet would refuse the update', async (_what, before, after, stops) => {
  state.addFleet(FLEET, { state: 'RUNNING', fleetType: 'ELASTIC' });
  const sdk = new AppStreamClient({ endpoint, maxAttempts: 1 });

  await deploy(guardEvent(before, after, 'true', 'ELASTIC'));
  expect(state.fleet(FLEET).State).toBe(stops ? 'STOPPED' : 'RUNNING');
  // CloudFormation's own update of the fleet now succeeds either way.
  await sdk.send(new UpdateFleetCommand({ Name: FLEET, ...Object.fromEntries(Object.entries(after).map(([k, v]) => [k, k === 'MaxConcurrentSessions' ? Number(v) : v])) }));
  await deploy(stateEvent('Update', 'RUNNING', after));

  expect(state.fleet(FLEET).State).toBe('RUNNING');
  expect(fake.count('StopFleet')).toBe(stops ? 1 : 0);
  expect(fake.count('StartFleet')).toBe(stops ? 1 : 0);
});

test('opted out: the guard fails naming the property and leaves the fleet RUNNING', async () => {
  state.addFleet(FLEET, { state: 'RUNNING', fleetType: 'ALWAYS_ON' });

  await expect(deploy(guardEvent({ StreamView: 'APP' }, { StreamView: 'DESKTOP' }, 'false')))
    .rejects.toThrow(/is RUNNING and a running fleet cannot change StreamView/);
  expect(state.fleet(FLEET).State).toBe('RUNNING');
  expect(fake.count('StopFleet')).toBe(0);
});

test.each([false, true])('a fleet that cannot start fails with its FleetErrors (fall back to STOPPED: %s)', async (fallBack) => {
  state.addFleet(FLEET);
  state.failStart(FLEET, [
    { ErrorCode: 'SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES', ErrorMessage: 'Subnet subnet-1 has too few addresses' },
  ], fallBack);

  await expect(deploy(stateEvent('Create', 'RUNNING'), true)).rejects.toThrow(
    /did not reach RUNNING \(state (STARTING|STOPPED)\): SUBNET_HAS_INSUFFICIENT_IP_ADDRESSES: Subnet subnet-1 has too few addresses/,
  );
  expect(fake.count('StartFleet')).toBe(1);
});

test.each<FaultName>([
  'ThrottlingException', 'RequestLimitExceededException', 'ConcurrentModificationException', 'http500', 'http503', 'drop',
])('%s on DescribeFleets and StartFleet is retried', async (fault) => {
  state.addFleet(FLEET);
  fake.injectFault('DescribeFleets', fault, 2);
  fake.injectFault('StartFleet', fault, 1);

  await deploy(stateEvent('Create', 'RUNNING'));

  expect(state.fleet(FLEET).State).toBe('RUNNING');
  expect(fake.count('StartFleet', 'ok')).toBe(1);
  expect(fake.count('DescribeFleets', 'ok')).toBeGreaterThanOrEqual(2);
  expect(fake.count(undefined, 'ok')).toBeLessThan(fake.count());
});

test('beyond the endpoint\'s rate, requests are rejected and the fleet still reaches its state', async () => {
  state.addFleet(FLEET);
  fake.setRateLimit({ requestsPerSecond: 20, burst: 1, rejectWith: 'RequestLimitExceededException' });
  try {
    await deploy(stateEvent('Create', 'RUNNING'));
  } finally {
    fake.setRateLimit(undefined);
  }

  expect(state.fleet(FLEET).State).toBe('RUNNING');
  expect(fake.count('StartFleet', 'ok')).toBe(1);
  expect(fake.count(undefined, 'throttled')).toBeGreaterThan(0);
});

test('a StartFleet whose response was lost is not an error: the fleet is STARTING', async () => {
  state.addFleet(FLEET);
  fake.injectFault('StartFleet', 'lostResponse', 1);

  await deploy(stateEvent('Create', 'RUNNING'));

  expect(state.fleet(FLEET).State).toBe('RUNNING');
  // The retry found the fleet no longer STOPPED; the handler checked and went on.
  expect(fake.count('StartFleet')).toBe(2);
});

test('a fleet that does not exist fails clearly', async () => {
  await expect(deploy(stateEvent('Create', 'RUNNING'))).rejects.toThrow(/Fleet "e2e-fleet" not found/);
});
