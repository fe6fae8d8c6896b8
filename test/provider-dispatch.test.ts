import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import * as fleetState from '../lambda/fleet-state';
import * as imageLookup from '../lambda/image-lookup';
import { isComplete, onEvent } from '../lambda/provider';
import * as users from '../lambda/user-stack-association';
import { FLEET_STATE_RESOURCE_TYPE, FLEET_UPDATE_GUARD_RESOURCE_TYPE } from '../src/fleet/private/fleet-state-contract';
import { IMAGE_LOOKUP_RESOURCE_TYPE } from '../src/fleet/private/image-lookup-contract';
import { USER_STACK_ASSOCIATION_RESOURCE_TYPE } from '../src/users/private/user-stack-association-contract';

// The kind modules are replaced: these tests check only which one the entry hands an event to.
jest.mock('../lambda/user-stack-association', () => ({ onEvent: jest.fn(), isComplete: jest.fn() }));
jest.mock('../lambda/fleet-state', () => ({ onEvent: jest.fn(), isComplete: jest.fn() }));
// A kind whose onEvent does the whole work has no isComplete.
jest.mock('../lambda/image-lookup', () => ({ onEvent: jest.fn() }));

const context = { awsRequestId: 'request-1', getRemainingTimeInMillis: () => 900_000 } as unknown as Context;

function event(resourceType: string): CloudFormationCustomResourceEvent {
  return {
    RequestType: 'Create',
    ServiceToken: 'token',
    ResponseURL: 'https://example.com/response',
    StackId: 'stack',
    RequestId: 'request',
    LogicalResourceId: 'Resource',
    ResourceType: resourceType,
    ResourceProperties: { ServiceToken: 'token' },
  };
}

/** The mocked functions of every kind, to check that only one of them was called. */
const allMocks = [users.onEvent, users.isComplete, fleetState.onEvent, fleetState.isComplete, imageLookup.onEvent] as jest.Mock[];

beforeEach(() => {
  jest.resetAllMocks();
  for (const [i, mock] of allMocks.entries()) {
    mock.mockResolvedValue({ PhysicalResourceId: `answer-${i}`, IsComplete: false });
  }
});

describe.each<[string, { onEvent: unknown; isComplete?: unknown }]>([
  [USER_STACK_ASSOCIATION_RESOURCE_TYPE, users],
  [FLEET_STATE_RESOURCE_TYPE, fleetState],
  [FLEET_UPDATE_GUARD_RESOURCE_TYPE, fleetState],
  [IMAGE_LOOKUP_RESOURCE_TYPE, imageLookup],
])('%s', (resourceType, kind) => {
  test('onEvent goes to its kind\'s onEvent, with the context, and returns its answer', async () => {
    const received = event(resourceType);
    const answer = await onEvent(received, context);

    expect(kind.onEvent).toHaveBeenCalledTimes(1);
    expect(kind.onEvent).toHaveBeenCalledWith(received, context);
    expect(answer).toBe(await (kind.onEvent as jest.Mock).mock.results[0].value);
    for (const other of allMocks.filter((mock) => mock !== kind.onEvent)) {
      expect(other).not.toHaveBeenCalled();
    }
  });

  test('isComplete goes to its kind\'s isComplete, or is complete when the kind has none', async () => {
    const received = { ...event(resourceType), PhysicalResourceId: 'physical', Data: { Started: '1' } };
    const answer = await isComplete(received, context);

    if (kind.isComplete) {
      expect(kind.isComplete).toHaveBeenCalledWith(received, context);
      expect(answer).toBe(await (kind.isComplete as jest.Mock).mock.results[0].value);
    } else {
      expect(answer).toEqual({ IsComplete: true });
    }
    for (const other of allMocks.filter((mock) => mock !== kind.isComplete)) {
      expect(other).not.toHaveBeenCalled();
    }
  });
});

describe('an unknown resource type', () => {
  test.each(['Custom::Unknown', 'constructor', 'toString'])('%s fails onEvent and isComplete, naming it', async (resourceType) => {
    await expect(onEvent(event(resourceType), context)).rejects.toThrow(`Unsupported resource type ${resourceType}`);
    await expect(isComplete(event(resourceType), context)).rejects.toThrow(`Unsupported resource type ${resourceType}`);
    for (const mock of allMocks) {
      expect(mock).not.toHaveBeenCalled();
    }
  });
});

test('a failing kind fails the entry with its error', async () => {
  (fleetState.onEvent as jest.Mock).mockRejectedValue(new Error('Fleet "office" no longer exists'));
  await expect(onEvent(event(FLEET_STATE_RESOURCE_TYPE), context)).rejects.toThrow('Fleet "office" no longer exists');
});
