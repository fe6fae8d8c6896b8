import { DescribeImageBuildersCommand, ImageBuilder, StartImageBuilderCommand, StopImageBuilderCommand } from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import 'aws-sdk-client-mock-jest';
import { strictAppStreamMock } from './util/strict-appstream-mock';
import { isComplete, IsCompleteEvent, onEvent } from '../lambda/image-builder-state/index';
import { isComplete as dispatchIsComplete, onEvent as dispatch } from '../lambda/provider/index';
import { IMAGE_BUILDER_STATE_RESOURCE_TYPE } from '../src/apps/private/image-builder-state-contract';

const appStream = strictAppStreamMock();

const base = {
  ServiceToken: 'token',
  ResponseURL: 'https://example.com',
  StackId: 'stack',
  RequestId: 'req',
  LogicalResourceId: 'DesiredState',
  ResourceType: IMAGE_BUILDER_STATE_RESOURCE_TYPE,
};

function event(requestType: 'Create' | 'Update', desired: string, name = 'builder-a'): CloudFormationCustomResourceEvent {
  const props = { ServiceToken: 'token', ImageBuilderName: name, DesiredState: desired };
  return requestType === 'Create'
    ? { ...base, RequestType: 'Create', ResourceProperties: props }
    : { ...base, RequestType: 'Update', PhysicalResourceId: 'builder-old', ResourceProperties: props, OldResourceProperties: { ...props, ImageBuilderName: 'builder-old' } };
}

function builder(state: string, extra: Partial<ImageBuilder> = {}): { ImageBuilders: ImageBuilder[] } {
  return { ImageBuilders: [{ Name: 'builder-a', State: state as ImageBuilder['State'], ...extra }] };
}

function waiting(target: string, requestedAt: number, desired = target): IsCompleteEvent {
  return { ...(event('Create', desired) as any), Data: { TargetState: target, RequestedAt: String(requestedAt) } };
}

const LONG_AGO = Date.now() - 10 * 60_000;

describe('image builder state: onEvent', () => {
  test('a new builder (PENDING) with desired state STOPPED: no call yet, isComplete waits (through the dispatcher)', async () => {
    appStream.on(DescribeImageBuildersCommand, { Names: ['builder-a'] }).resolves(builder('PENDING'));
    const result = await dispatch(event('Create', 'STOPPED'));
    expect(result).toEqual({ PhysicalResourceId: 'builder-a', Data: { TargetState: 'STOPPED', RequestedAt: '0' } });
    expect(appStream).not.toHaveReceivedCommand(StopImageBuilderCommand);
  });

  test('a RUNNING builder with desired state STOPPED is stopped', async () => {
    appStream.on(DescribeImageBuildersCommand).resolves(builder('RUNNING'));
    appStream.on(StopImageBuilderCommand).resolves({});
    const result = await onEvent(event('Create', 'STOPPED'));
    expect(appStream).toHaveReceivedCommandWith(StopImageBuilderCommand, { Name: 'builder-a' });
    expect(Number(result.Data.RequestedAt)).toBeGreaterThan(0);
  });

  test('a STOPPED builder with desired state RUNNING is started; the replacement (a new name) is acted on', async () => {
    appStream.on(DescribeImageBuildersCommand, { Names: ['builder-a'] }).resolves(builder('STOPPED'));
    appStream.on(StartImageBuilderCommand).resolves({});
    const result = await onEvent(event('Update', 'RUNNING'));
    expect(appStream).toHaveReceivedCommandWith(StartImageBuilderCommand, { Name: 'builder-a' });
    expect(result.PhysicalResourceId).toBe('builder-a');
    expect(result.Data.TargetState).toBe('RUNNING');
  });

  test('already in the desired state: no call', async () => {
    appStream.on(DescribeImageBuildersCommand).resolves(builder('RUNNING'));
    await onEvent(event('Create', 'RUNNING'));
    expect(appStream).not.toHaveReceivedCommand(StartImageBuilderCommand);
    expect(appStream).not.toHaveReceivedCommand(StopImageBuilderCommand);
  });

  test('a stop that fails although the builder is now stopping (a repeated event) is fine', async () => {
    appStream.on(DescribeImageBuildersCommand).resolvesOnce(builder('RUNNING')).resolves(builder('STOPPING'));
    appStream.on(StopImageBuilderCommand).rejects(Object.assign(new Error('not permitted'), { name: 'OperationNotPermittedException' }));
    await expect(onEvent(event('Create', 'STOPPED'))).resolves.toBeDefined();
  });

  test('a refused stop fails the resource', async () => {
    appStream.on(DescribeImageBuildersCommand).resolves(builder('RUNNING'));
    appStream.on(StopImageBuilderCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(onEvent(event('Create', 'STOPPED'))).rejects.toThrow(/denied/);
  });

  test('throttling is retried', async () => {
    appStream.on(DescribeImageBuildersCommand)
      .rejectsOnce(Object.assign(new Error('slow down'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }))
      .resolves(builder('RUNNING'));
    appStream.on(StopImageBuilderCommand)
      .rejectsOnce(Object.assign(new Error('limit'), { name: 'RequestLimitExceededException', $metadata: { httpStatusCode: 400 } }))
      .resolves({});
    await onEvent(event('Create', 'STOPPED'));
    expect(appStream).toHaveReceivedCommandTimes(StopImageBuilderCommand, 2);
  });

  test('a builder that does not exist fails clearly; bad properties fail before any call', async () => {
    appStream.on(DescribeImageBuildersCommand).rejects(Object.assign(new Error('nope'), { name: 'ResourceNotFoundException' }));
    await expect(onEvent(event('Create', 'RUNNING'))).rejects.toThrow(/Image builder "builder-a" not found: cannot make it RUNNING/);
    appStream.resetHistory();
    await expect(onEvent(event('Create', 'SOMETIMES'))).rejects.toThrow(/DesiredState must be RUNNING or STOPPED, got "SOMETIMES"/);
    await expect(onEvent(event('Create', 'RUNNING', ''))).rejects.toThrow(/Missing property ImageBuilderName/);
    expect(appStream.calls()).toHaveLength(0);
  });

  test('delete leaves the builder as it is', async () => {
    const result = await onEvent({ ...base, RequestType: 'Delete', PhysicalResourceId: 'builder-a', ResourceProperties: { ServiceToken: 'token', ImageBuilderName: 'builder-a', DesiredState: 'RUNNING' } });
    expect(result).toEqual({ PhysicalResourceId: 'builder-a', Data: { TargetState: 'NONE', RequestedAt: '0' } });
    expect(appStream.calls()).toHaveLength(0);
  });
});

describe('image builder state: isComplete', () => {
  test('complete once the builder is in the target state (through the dispatcher)', async () => {
    appStream.on(DescribeImageBuildersCommand).resolves(builder('STOPPED'));
    await expect(dispatchIsComplete(waiting('STOPPED', Date.now()))).resolves.toEqual({ IsComplete: true });
  });

  test('a new builder that becomes RUNNING is stopped by a later poll', async () => {
    appStream.on(DescribeImageBuildersCommand).resolves(builder('RUNNING'));
    appStream.on(StopImageBuilderCommand).resolves({});
    await expect(isComplete(waiting('STOPPED', 0))).resolves.toEqual({ IsComplete: false });
    expect(appStream).toHaveReceivedCommandWith(StopImageBuilderCommand, { Name: 'builder-a' });
  });

  test('within the grace period after a call, the old state is a stale answer: wait, call nothing', async () => {
    appStream.on(DescribeImageBuildersCommand).resolves(builder('RUNNING'));
    await expect(isComplete(waiting('STOPPED', Date.now()))).resolves.toEqual({ IsComplete: false });
    expect(appStream).not.toHaveReceivedCommand(StopImageBuilderCommand);
  });

  test('a FAILED builder fails with its own errors and state change reason', async () => {
    appStream.on(DescribeImageBuildersCommand).resolves(builder('FAILED', {
      ImageBuilderErrors: [{ ErrorCode: 'INTERNAL_SERVICE_ERROR', ErrorMessage: 'boom' }],
      StateChangeReason: { Code: 'IMAGE_UNAVAILABLE', Message: 'image gone' },
    }));
    await expect(isComplete(waiting('RUNNING', LONG_AGO))).rejects.toThrow(
      'Image builder "builder-a" did not reach RUNNING (state FAILED): INTERNAL_SERVICE_ERROR: boom; IMAGE_UNAVAILABLE: image gone');
  });

  test('a builder deleted while waiting fails clearly; nothing to wait for completes at once', async () => {
    appStream.on(DescribeImageBuildersCommand).resolves({ ImageBuilders: [] });
    await expect(isComplete(waiting('RUNNING', LONG_AGO))).rejects.toThrow(/Image builder "builder-a" no longer exists while waiting for it to be RUNNING/);
    await expect(isComplete(waiting('NONE', 0, 'RUNNING'))).resolves.toEqual({ IsComplete: true });
  });
});
