import {
  DescribeFleetsCommand,
  Fleet,
  ResourceNotFoundException,
  StartFleetCommand,
  StopFleetCommand,
} from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { strictAppStreamMock } from './util/strict-appstream-mock';
import { isComplete, IsCompleteEvent, onEvent, refusedChanges } from '../lambda/fleet-state/index';
import { FLEET_STATE_RESOURCE_TYPE, FLEET_UPDATE_GUARD_RESOURCE_TYPE } from '../src/fleet/private/fleet-state-contract';

const appStream = strictAppStreamMock();
const FLEET = 'my-fleet';
const ARN = `arn:aws:appstream:us-east-1:111111111111:fleet/${FLEET}`;

function fleet(state: string, extra: Partial<Fleet> = {}): Fleet {
  return {
    Name: FLEET,
    Arn: ARN,
    InstanceType: 'stream.standard.small',
    State: state as Fleet['State'],
    ComputeCapacityStatus: { Desired: 1 },
    ...extra,
  };
}

function givenFleet(state: string, extra: Partial<Fleet> = {}) {
  appStream.on(DescribeFleetsCommand, { Names: [FLEET] }).resolves({ Fleets: [fleet(state, extra)] });
}

const base = {
  ServiceToken: 'token',
  ResponseURL: 'https://example.com',
  StackId: 'stack',
  RequestId: 'req',
  LogicalResourceId: 'State',
};

function stateEvent(requestType: 'Create' | 'Update' | 'Delete', desired: string, oldDesired = 'STOPPED'): CloudFormationCustomResourceEvent {
  const ResourceProperties = { ServiceToken: 'token', FleetName: FLEET, DesiredState: desired, FleetProperties: {} };
  const ResourceType = FLEET_STATE_RESOURCE_TYPE;
  if (requestType === 'Create') {
    return { ...base, RequestType: 'Create', ResourceType, ResourceProperties };
  }
  if (requestType === 'Update') {
    return {
      ...base,
      RequestType: 'Update',
      ResourceType,
      ResourceProperties,
      PhysicalResourceId: FLEET,
      OldResourceProperties: { ...ResourceProperties, DesiredState: oldDesired },
    };
  }
  return { ...base, RequestType: 'Delete', ResourceType, ResourceProperties, PhysicalResourceId: FLEET };
}

function guardEvent(
  oldProps: Record<string, unknown>,
  newProps: Record<string, unknown>,
  options: { fleetType?: string; stopForUpdates?: string; oldName?: string; oldFleetType?: string } = {},
): CloudFormationCustomResourceEvent {
  const fleetType = options.fleetType ?? 'ON_DEMAND';
  return {
    ...base,
    RequestType: 'Update',
    ResourceType: FLEET_UPDATE_GUARD_RESOURCE_TYPE,
    PhysicalResourceId: FLEET,
    ResourceProperties: {
      ServiceToken: 'token',
      FleetName: FLEET,
      FleetType: fleetType,
      StopForUpdates: options.stopForUpdates ?? 'true',
      FleetProperties: newProps,
    },
    OldResourceProperties: {
      ServiceToken: 'token',
      FleetName: options.oldName ?? FLEET,
      FleetType: options.oldFleetType ?? fleetType,
      StopForUpdates: 'true',
      FleetProperties: oldProps,
    },
  };
}

function completeEvent(event: CloudFormationCustomResourceEvent, target: string, requestedAt: number): IsCompleteEvent {
  return { ...event, PhysicalResourceId: FLEET, Data: { TargetState: target, RequestedAt: String(requestedAt), RefusedChanges: '' } };
}

describe('fleet state: onEvent', () => {
  test('starts a STOPPED fleet whose desired state is RUNNING and waits for RUNNING', async () => {
    givenFleet('STOPPED');
    appStream.on(StartFleetCommand, { Name: FLEET }).resolves({});
    const before = Date.now();

    const result = await onEvent(stateEvent('Create', 'RUNNING'));

    expect(appStream).toHaveReceivedCommandWith(StartFleetCommand, { Name: FLEET });
    expect(appStream).toHaveReceivedCommandTimes(StartFleetCommand, 1);
    expect(result.PhysicalResourceId).toBe(FLEET);
    expect(result.Data.TargetState).toBe('RUNNING');
    expect(Number(result.Data.RequestedAt)).toBeGreaterThanOrEqual(before);
  });

  test('stops a RUNNING fleet whose desired state is STOPPED', async () => {
    givenFleet('RUNNING');
    appStream.on(StopFleetCommand, { Name: FLEET }).resolves({});

    const result = await onEvent(stateEvent('Update', 'STOPPED', 'RUNNING'));

    expect(appStream).toHaveReceivedCommandWith(StopFleetCommand, { Name: FLEET });
    expect(result.Data.TargetState).toBe('STOPPED');
  });

  test('stops a STARTING fleet whose desired state is STOPPED', async () => {
    givenFleet('STARTING');
    appStream.on(StopFleetCommand, { Name: FLEET }).resolves({});

    await onEvent(stateEvent('Create', 'STOPPED'));

    expect(appStream).toHaveReceivedCommandTimes(StopFleetCommand, 1);
  });

  test.each([
    ['RUNNING', 'RUNNING'],
    ['STARTING', 'RUNNING'],
    ['STOPPING', 'RUNNING'],
    ['STOPPED', 'STOPPED'],
    ['STOPPING', 'STOPPED'],
  ])('a fleet %s with desired state %s gets no start or stop call (isComplete takes over)', async (state, desired) => {
    givenFleet(state);

    const result = await onEvent(stateEvent('Update', desired));

    expect(appStream).toHaveReceivedCommandTimes(StartFleetCommand, 0);
    expect(appStream).toHaveReceivedCommandTimes(StopFleetCommand, 0);
    expect(result.Data).toEqual({ TargetState: desired, RequestedAt: '0', RefusedChanges: '' });
  });

  test('fails clearly when the fleet does not exist', async () => {
    appStream.on(DescribeFleetsCommand).rejects(new ResourceNotFoundException({ message: 'nope', $metadata: {} }));

    await expect(onEvent(stateEvent('Create', 'RUNNING'))).rejects.toThrow(/Fleet "my-fleet" not found: cannot make it RUNNING/);
  });

  test('rejects a desired state other than RUNNING or STOPPED', async () => {
    await expect(onEvent(stateEvent('Create', 'PAUSED'))).rejects.toThrow(/DesiredState must be RUNNING or STOPPED, got "PAUSED"/);
  });

  test('delete leaves the fleet alone: no call at all', async () => {
    const result = await onEvent(stateEvent('Delete', 'RUNNING'));

    expect(appStream.calls()).toHaveLength(0);
    expect(result.PhysicalResourceId).toBe(FLEET);
    expect(result.Data.TargetState).toBe('NONE');
  });

  test('retries throttling (RequestLimitExceededException, ThrottlingException, ConcurrentModificationException)', async () => {
    const throttled = (name: string) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 400 } });
    appStream.on(DescribeFleetsCommand)
      .rejectsOnce(throttled('RequestLimitExceededException'))
      .rejectsOnce(throttled('ThrottlingException'))
      .resolves({ Fleets: [fleet('STOPPED')] });
    appStream.on(StartFleetCommand)
      .rejectsOnce(throttled('ConcurrentModificationException'))
      .resolves({});

    await onEvent(stateEvent('Create', 'RUNNING'));

    expect(appStream).toHaveReceivedCommandTimes(DescribeFleetsCommand, 3);
    expect(appStream).toHaveReceivedCommandTimes(StartFleetCommand, 2);
  });

  test('does not retry an error that is not transient', async () => {
    givenFleet('STOPPED');
    appStream.on(StartFleetCommand).rejects(Object.assign(new Error('role missing'), { name: 'InvalidRoleException', $metadata: { httpStatusCode: 400 } }));

    await expect(onEvent(stateEvent('Create', 'RUNNING'))).rejects.toThrow(/role missing/);
    expect(appStream).toHaveReceivedCommandTimes(StartFleetCommand, 1);
  });
});

describe('fleet state: a start or stop whose answer was lost', () => {
  test('StartFleet failing while the fleet is already STARTING counts as done', async () => {
    appStream.on(DescribeFleetsCommand)
      .resolvesOnce({ Fleets: [fleet('STOPPED')] })
      .resolves({ Fleets: [fleet('STARTING')] });
    appStream.on(StartFleetCommand).rejects(Object.assign(new Error('not stopped'), { name: 'OperationNotPermittedException', $metadata: { httpStatusCode: 400 } }));

    const result = await onEvent(stateEvent('Create', 'RUNNING'));

    expect(result.Data.TargetState).toBe('RUNNING');
    expect(appStream).toHaveReceivedCommandTimes(DescribeFleetsCommand, 2);
  });

  test('StopFleet failing while the fleet is already STOPPING counts as done', async () => {
    appStream.on(DescribeFleetsCommand)
      .resolvesOnce({ Fleets: [fleet('RUNNING')] })
      .resolves({ Fleets: [fleet('STOPPING')] });
    appStream.on(StopFleetCommand).rejects(Object.assign(new Error('busy'), { name: 'OperationNotPermittedException', $metadata: { httpStatusCode: 400 } }));

    const result = await onEvent(stateEvent('Update', 'STOPPED', 'RUNNING'));

    expect(result.Data.TargetState).toBe('STOPPED');
  });
});

describe('fleet state: isComplete', () => {
  const longAgo = 0;

  test.each([
    ['RUNNING', 'RUNNING', true],
    ['STARTING', 'RUNNING', false],
    ['STOPPING', 'RUNNING', false],
    ['STOPPED', 'STOPPED', true],
    ['STOPPING', 'STOPPED', false],
  ])('fleet %s, target %s: complete = %s, no state change issued', async (state, target, complete) => {
    givenFleet(state);

    const result = await isComplete(completeEvent(stateEvent('Create', target), target, longAgo));

    expect(result).toEqual({ IsComplete: complete });
    expect(appStream).toHaveReceivedCommandTimes(StartFleetCommand, 0);
    expect(appStream).toHaveReceivedCommandTimes(StopFleetCommand, 0);
  });

  test('STARTING with FleetErrors fails with the fleet\'s own codes and messages', async () => {
    givenFleet('STARTING', {
      FleetErrors: [
        { ErrorCode: 'IAM_SERVICE_ROLE_IS_MISSING', ErrorMessage: 'The service role is missing' },
        { ErrorCode: 'SUBNET_NOT_FOUND', ErrorMessage: 'subnet-123 was not found' },
      ],
    });

    await expect(isComplete(completeEvent(stateEvent('Create', 'RUNNING'), 'RUNNING', longAgo))).rejects.toThrow(
      'Fleet "my-fleet" did not reach RUNNING (state STARTING): IAM_SERVICE_ROLE_IS_MISSING: The service role is missing; '
      + 'SUBNET_NOT_FOUND: subnet-123 was not found',
    );
  });

  test('STOPPED with FleetErrors after a start fails with them', async () => {
    givenFleet('STOPPED', { FleetErrors: [{ ErrorCode: 'IMAGE_NOT_FOUND', ErrorMessage: 'image gone' }] });

    await expect(isComplete(completeEvent(stateEvent('Create', 'RUNNING'), 'RUNNING', longAgo)))
      .rejects.toThrow(/did not reach RUNNING \(state STOPPED\): IMAGE_NOT_FOUND: image gone/);
  });

  test('right after StartFleet, a stale STOPPED answer (even with old FleetErrors) is waited out', async () => {
    givenFleet('STOPPED', { FleetErrors: [{ ErrorCode: 'IMAGE_NOT_FOUND', ErrorMessage: 'old' }] });

    const result = await isComplete(completeEvent(stateEvent('Create', 'RUNNING'), 'RUNNING', Date.now()));

    expect(result).toEqual({ IsComplete: false });
    expect(appStream).toHaveReceivedCommandTimes(StartFleetCommand, 0);
  });

  test('a fleet that was STOPPING when onEvent ran is started once it is STOPPED', async () => {
    givenFleet('STOPPED');
    appStream.on(StartFleetCommand, { Name: FLEET }).resolves({});

    const result = await isComplete(completeEvent(stateEvent('Update', 'RUNNING'), 'RUNNING', longAgo));

    expect(result).toEqual({ IsComplete: false });
    expect(appStream).toHaveReceivedCommandWith(StartFleetCommand, { Name: FLEET });
  });

  test('a fleet still RUNNING long after StopFleet gets StopFleet again', async () => {
    givenFleet('RUNNING');
    appStream.on(StopFleetCommand, { Name: FLEET }).resolves({});

    const result = await isComplete(completeEvent(stateEvent('Update', 'STOPPED'), 'STOPPED', longAgo));

    expect(result).toEqual({ IsComplete: false });
    expect(appStream).toHaveReceivedCommandTimes(StopFleetCommand, 1);
  });

  test('a fleet deleted while waiting fails the wait', async () => {
    appStream.on(DescribeFleetsCommand).resolves({ Fleets: [] });

    await expect(isComplete(completeEvent(stateEvent('Create', 'RUNNING'), 'RUNNING', longAgo)))
      .rejects.toThrow(/Fleet "my-fleet" no longer exists while waiting for it to be RUNNING/);
  });

  test('nothing to wait for (NONE) and Delete complete at once without a call', async () => {
    expect(await isComplete(completeEvent(stateEvent('Update', 'RUNNING'), 'NONE', longAgo))).toEqual({ IsComplete: true });
    expect(await isComplete(completeEvent(stateEvent('Delete', 'RUNNING'), 'NONE', longAgo))).toEqual({ IsComplete: true });
    expect(appStream.calls()).toHaveLength(0);
  });
});

describe('update guard', () => {
  const oldProps = { InstanceType: 'stream.standard.small', DisplayName: 'Old', ComputeCapacity: { DesiredInstances: '1' } };

  test('stops a RUNNING fleet before a change it refuses and waits for STOPPED', async () => {
    givenFleet('RUNNING');
    appStream.on(StopFleetCommand, { Name: FLEET }).resolves({});

    const result = await onEvent(guardEvent(oldProps, { ...oldProps, InstanceType: 'stream.standard.large' }));

    expect(appStream).toHaveReceivedCommandWith(StopFleetCommand, { Name: FLEET });
    expect(result.PhysicalResourceId).toBe(FLEET);
    expect(result.Data.TargetState).toBe('STOPPED');
    expect(result.Data.RefusedChanges).toBe('InstanceType');
  });

  test('isComplete of the guard waits until STOPPED', async () => {
    const event = guardEvent(oldProps, { ...oldProps, InstanceType: 'stream.standard.large' });
    givenFleet('STOPPING');
    expect(await isComplete(completeEvent(event, 'STOPPED', Date.now()))).toEqual({ IsComplete: false });
    appStream.reset();
    givenFleet('STOPPED');
    expect(await isComplete(completeEvent(event, 'STOPPED', Date.now()))).toEqual({ IsComplete: true });
  });

  test('changes a running fleet accepts need no stop and no call', async () => {
    const result = await onEvent(guardEvent(oldProps, {
      ...oldProps,
      DisplayName: 'New',
      ComputeCapacity: { DesiredInstances: '5' },
      ImageName: 'img-2',
      DisconnectTimeoutInSeconds: '900',
      IdleDisconnectTimeoutInSeconds: '600',
      Tags: [{ Key: 'a', Value: 'b' }],
    }));

    expect(appStream.calls()).toHaveLength(0);
    expect(result.Data.TargetState).toBe('NONE');
  });

  test('a STOPPED fleet needs no stop', async () => {
    givenFleet('STOPPED');

    const result = await onEvent(guardEvent(oldProps, { ...oldProps, InstanceType: 'stream.standard.large' }));

    expect(appStream).toHaveReceivedCommandTimes(StopFleetCommand, 0);
    expect(result.Data.TargetState).toBe('NONE');
  });

  test('a fleet that does not exist is left to CloudFormation', async () => {
    appStream.on(DescribeFleetsCommand).rejects(new ResourceNotFoundException({ message: 'nope', $metadata: {} }));

    const result = await onEvent(guardEvent(oldProps, { ...oldProps, InstanceType: 'stream.standard.large' }));

    expect(result.Data.TargetState).toBe('NONE');
  });

  test('opted out: fails early naming every refused property, without stopping', async () => {
    givenFleet('RUNNING');

    await expect(onEvent(guardEvent(
      oldProps,
      { ...oldProps, InstanceType: 'stream.standard.large', MaxUserDurationInSeconds: '7200', DisplayName: 'New' },
      { stopForUpdates: 'false' },
    ))).rejects.toThrow(/Fleet "my-fleet" is RUNNING and a running fleet cannot change InstanceType, MaxUserDurationInSeconds\. Stop the fleet/);
    expect(appStream).toHaveReceivedCommandTimes(StopFleetCommand, 0);
  });

  test('Elastic fleets: the image is refused, MaxConcurrentSessions is accepted', async () => {
    givenFleet('RUNNING');
    appStream.on(StopFleetCommand).resolves({});

    const accepted = await onEvent(guardEvent({ MaxConcurrentSessions: '10' }, { MaxConcurrentSessions: '20' }, { fleetType: 'ELASTIC' }));
    expect(accepted.Data.TargetState).toBe('NONE');

    const refused = await onEvent(guardEvent({ ImageName: 'a' }, { ImageName: 'b' }, { fleetType: 'ELASTIC' }));
    expect(refused.Data).toMatchObject({ TargetState: 'STOPPED', RefusedChanges: 'ImageName' });
  });

  test('a renamed or retyped fleet is a replacement: nothing to stop', async () => {
    const renamed = await onEvent(guardEvent(oldProps, { ...oldProps, InstanceType: 'x' }, { oldName: 'other' }));
    const retyped = await onEvent(guardEvent(oldProps, { ...oldProps, InstanceType: 'x' }, { oldFleetType: 'ALWAYS_ON' }));

    expect(appStream.calls()).toHaveLength(0);
    expect(renamed.Data.TargetState).toBe('NONE');
    expect(retyped.Data.TargetState).toBe('NONE');
  });

  test('create and delete do nothing', async () => {
    const create = await onEvent({ ...base, RequestType: 'Create', ResourceType: FLEET_UPDATE_GUARD_RESOURCE_TYPE, ResourceProperties: { ServiceToken: 't', FleetName: FLEET } });
    const del = await onEvent({ ...base, RequestType: 'Delete', ResourceType: FLEET_UPDATE_GUARD_RESOURCE_TYPE, PhysicalResourceId: FLEET, ResourceProperties: { ServiceToken: 't', FleetName: FLEET } });

    expect(appStream.calls()).toHaveLength(0);
    expect(create).toMatchObject({ PhysicalResourceId: FLEET, Data: { TargetState: 'NONE' } });
    expect(del).toMatchObject({ PhysicalResourceId: FLEET, Data: { TargetState: 'NONE' } });
  });
});

describe('refusedChanges', () => {
  test('compares nested values whatever their key order, and scalars as strings', () => {
    expect(refusedChanges('ON_DEMAND',
      { VpcConfig: { SubnetIds: ['a', 'b'], SecurityGroupIds: ['s'] }, MaxUserDurationInSeconds: 3600 },
      { VpcConfig: { SecurityGroupIds: ['s'], SubnetIds: ['a', 'b'] }, MaxUserDurationInSeconds: '3600' },
    )).toEqual([]);
  });

  test('an added, removed or reordered list entry is a change; sorted names', () => {
    expect(refusedChanges('ALWAYS_ON',
      { VpcConfig: { SubnetIds: ['a', 'b'] }, StreamView: 'APP' },
      { VpcConfig: { SubnetIds: ['b', 'a'] }, IamRoleArn: 'arn:role' },
    )).toEqual(['IamRoleArn', 'StreamView', 'VpcConfig']);
  });

  test('an unknown fleet type accepts only the display name and the timeouts', () => {
    expect(refusedChanges('FUTURE', { ImageName: 'a', DisplayName: 'x' }, { ImageName: 'b', DisplayName: 'y' })).toEqual(['ImageName']);
  });
});

describe('what a running fleet accepts, per fleet type (API model, UpdateFleet documentation)', () => {
  // Every updatable AWS::AppStream::Fleet property (registry schema, without the create-only Name
  // and FleetType and the TagResource-applied Tags), written out here independently of the contract.
  const UPDATABLE = [
    'AttributesToDelete', 'ComputeCapacity', 'Description', 'DisableIMDSV1', 'DisconnectTimeoutInSeconds', 'DisplayName',
    'DomainJoinInfo', 'EnableDefaultInternetAccess', 'IamRoleArn', 'IdleDisconnectTimeoutInSeconds', 'ImageArn', 'ImageName',
    'InstanceType', 'MaxConcurrentSessions', 'MaxSessionsPerInstance', 'MaxUserDurationInSeconds', 'Platform',
    'RootVolumeConfig', 'SessionScriptS3Location', 'StreamView', 'UsbDeviceFilterStrings', 'VpcConfig',
  ];
  const ALWAYS_ON_AND_ON_DEMAND = ['ComputeCapacity', 'DisconnectTimeoutInSeconds', 'DisplayName', 'IdleDisconnectTimeoutInSeconds', 'ImageArn', 'ImageName'];
  const ELASTIC = ['DisconnectTimeoutInSeconds', 'DisplayName', 'IdleDisconnectTimeoutInSeconds', 'MaxConcurrentSessions', 'SessionScriptS3Location', 'UsbDeviceFilterStrings'];
  const all = (value: string) => Object.fromEntries(UPDATABLE.map((name) => [name, value]));

  test.each([
    ['ALWAYS_ON', ALWAYS_ON_AND_ON_DEMAND],
    ['ON_DEMAND', ALWAYS_ON_AND_ON_DEMAND],
    ['ELASTIC', ELASTIC],
  ])('%s: exactly the documented properties are accepted, every other one is refused', (fleetType, accepted) => {
    expect(refusedChanges(fleetType, all('old'), all('new'))).toEqual(UPDATABLE.filter((name) => !accepted.includes(name)));
  });

  test('tags, name and type never count as a refused change', () => {
    expect(refusedChanges('ON_DEMAND', { Tags: [{ Key: 'a', Value: '1' }], Name: 'a', FleetType: 'ON_DEMAND' }, { Tags: [], Name: 'b', FleetType: 'ELASTIC' })).toEqual([]);
  });
});

describe('fleet replacement (a new fleet name)', () => {
  const OLD = 'old-fleet';

  test('the state resource starts the new fleet and never calls anything on the old one', async () => {
    // Only the new fleet is mocked: any call naming the old one hits the default rejection.
    givenFleet('STOPPED');
    appStream.on(StartFleetCommand, { Name: FLEET }).resolves({});
    const update = stateEvent('Update', 'RUNNING', 'RUNNING') as CloudFormationCustomResourceEvent & { OldResourceProperties: Record<string, unknown> };
    update.OldResourceProperties.FleetName = OLD;
    (update as { PhysicalResourceId: string }).PhysicalResourceId = OLD;

    const result = await onEvent(update);

    expect(appStream.calls().map((call) => call.args[0].input)).toEqual([{ Names: [FLEET] }, { Name: FLEET }]);
    // A new physical id: CloudFormation then deletes the old one, which leaves the old fleet alone.
    expect(result).toMatchObject({ PhysicalResourceId: FLEET, Data: { TargetState: 'RUNNING' } });
    appStream.resetHistory();
    await onEvent({
      ...base,
      RequestType: 'Delete',
      ResourceType: FLEET_STATE_RESOURCE_TYPE,
      PhysicalResourceId: OLD,
      ResourceProperties: { ServiceToken: 't', FleetName: OLD, DesiredState: 'RUNNING' },
    });
    expect(appStream.calls()).toHaveLength(0);
  });

  test('the guard neither stops the old fleet nor the new one', async () => {
    const result = await onEvent(guardEvent({ InstanceType: 'a' }, { InstanceType: 'b' }, { oldName: OLD }));

    expect(appStream.calls()).toHaveLength(0);
    expect(result).toMatchObject({ PhysicalResourceId: FLEET, Data: { TargetState: 'NONE' } });
  });
});
