/**
 * The Provider-framework emulator (test/util/provider-framework.ts) against the behaviour of
 * aws-cdk-lib's runtime (framework.js, cfn-response.js), on a fake clock.
 */
import {
  CREATE_FAILED_PHYSICAL_ID_MARKER,
  type FrameworkOptions,
  resourceEvents,
  runCustomResource,
  type UserHandler,
} from './util/provider-framework';

const events = resourceEvents({ resourceType: 'Custom::Test', logicalResourceId: 'Thing' });
const INTERVAL = 10;
let clock: number;

/** Options on the fake clock: sleeping advances it, and nothing else does unless a handler says so. */
function options(overrides: Partial<FrameworkOptions> = {}): FrameworkOptions {
  return {
    queryIntervalMs: INTERVAL,
    totalTimeoutMs: 100,
    invocationTimeoutMs: 50,
    now: () => clock,
    sleep: async (ms) => { clock += ms; },
    ...overrides,
  };
}

/** A handler whose isComplete answers the given results in turn (the last one from then on), recording what it got. */
function scriptedHandler(onEventResult: any, ...pollResults: any[]) {
  const polls: Array<{ event: any; at: number }> = [];
  const handler: UserHandler = {
    onEvent: jest.fn(async () => onEventResult),
    isComplete: jest.fn(async (event: any) => {
      polls.push({ event, at: clock });
      return pollResults[Math.min(polls.length, pollResults.length) - 1];
    }),
  };
  return { handler, polls };
}

beforeEach(() => {
  clock = 1_000;
});

describe('physical id', () => {
  test('a Create without one from onEvent gets the RequestId', async () => {
    const { handler, polls } = scriptedHandler({}, { IsComplete: true });
    const event = events.create({ Size: 1 });

    const result = await runCustomResource(handler, event, options());

    expect(result).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: event.RequestId });
    expect(polls[0].event.PhysicalResourceId).toBe(event.RequestId);
  });

  test('an Update without one from onEvent keeps the event\'s', async () => {
    const { handler } = scriptedHandler(undefined, { IsComplete: true });
    const result = await runCustomResource(handler, events.update('thing-1', { Size: 2 }, { Size: 1 }), options());
    expect(result).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'thing-1' });
  });

  test('onEvent\'s id goes to every poll; isComplete\'s, if any, is the final one', async () => {
    const { handler, polls } = scriptedHandler({ PhysicalResourceId: 'from-onEvent' },
      { IsComplete: false }, { IsComplete: true, PhysicalResourceId: 'from-isComplete' });

    const result = await runCustomResource(handler, events.create({}), options());

    expect(polls.map((p) => p.event.PhysicalResourceId)).toEqual(['from-onEvent', 'from-onEvent']);
    expect(result.PhysicalResourceId).toBe('from-isComplete');
  });

  test('a Delete may not change it', async () => {
    const { handler } = scriptedHandler({ PhysicalResourceId: 'other' }, { IsComplete: true });
    const result = await runCustomResource(handler, events.delete('thing-1', {}), options());
    expect(result).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'thing-1' });
    expect(result.Reason).toContain('cannot change the physical resource ID');
    expect(handler.isComplete).not.toHaveBeenCalled();
  });
});

test('the poll event is the CloudFormation event merged with onEvent\'s answer, the same at every poll', async () => {
  const { handler, polls } = scriptedHandler({ StartedAt: 42 }, { IsComplete: false }, { IsComplete: true });
  handler.isComplete = jest.fn(async (event: any) => {
    polls.push({ event: structuredClone(event), at: clock });
    event.StartedAt = 'changed by the handler'; // must not reach the next poll: payloads are JSON
    return { IsComplete: polls.length === 2 };
  });
  const event = events.create({ Size: 3 });

  await runCustomResource(handler, event, options());

  expect(polls).toHaveLength(2);
  for (const poll of polls) {
    expect(poll.event).toEqual({ ...event, StartedAt: 42, PhysicalResourceId: event.RequestId });
  }
});

test('the first poll comes at once, then one every query interval', async () => {
  const { handler, polls } = scriptedHandler({}, { IsComplete: false }, { IsComplete: false }, { IsComplete: true });

  const result = await runCustomResource(handler, events.create({}), options());

  expect(polls.map((p) => p.at - 1_000)).toEqual([0, INTERVAL, 2 * INTERVAL]);
  expect(result).toMatchObject({ polls: 3, invocations: 4, elapsedMs: 2 * INTERVAL });
});

test('Data of onEvent and of isComplete are merged, isComplete\'s winning', async () => {
  const { handler } = scriptedHandler({ Data: { A: 'onEvent', B: 'onEvent' } }, { IsComplete: true, Data: { B: 'isComplete', C: 1 } });
  const result = await runCustomResource(handler, events.create({}), options());
  expect(result.Data).toEqual({ A: 'onEvent', B: 'isComplete', C: 1 });
});

test('IsComplete false with Data fails', async () => {
  const { handler } = scriptedHandler({}, { IsComplete: false, Data: { A: 1 } });
  const result = await runCustomResource(handler, events.update('thing-1', {}, {}), options());
  expect(result).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'thing-1', Reason: '"Data" is not allowed if "IsComplete" is "False"' });
});

describe('failures', () => {
  const failing = (step: 'onEvent' | 'isComplete'): UserHandler => ({
    onEvent: async () => {
      if (step === 'onEvent') throw new Error('onEvent broke');
      return { PhysicalResourceId: 'thing-1' };
    },
    isComplete: async () => { throw new Error('isComplete broke'); },
  });

  test('a Create whose onEvent throws answers the marker id, and the Delete that follows succeeds without the handler', async () => {
    const created = await runCustomResource(failing('onEvent'), events.create({}), options());
    expect(created).toMatchObject({ Status: 'FAILED', PhysicalResourceId: CREATE_FAILED_PHYSICAL_ID_MARKER, Reason: 'onEvent broke' });

    const { handler } = scriptedHandler({}, { IsComplete: true });
    const deleted = await runCustomResource(handler, events.delete(created.PhysicalResourceId, {}), options());
    expect(deleted).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: CREATE_FAILED_PHYSICAL_ID_MARKER, invocations: 0 });
    expect(handler.onEvent).not.toHaveBeenCalled();
  });

  test('an Update whose onEvent throws keeps the event\'s id', async () => {
    const result = await runCustomResource(failing('onEvent'), events.update('thing-0', {}, {}), options());
    expect(result).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'thing-0', Reason: 'onEvent broke' });
  });

  test('an isComplete that returns nothing fails, as the framework cannot read IsComplete', async () => {
    const { handler } = scriptedHandler({ PhysicalResourceId: 'thing-1' }, undefined);
    const result = await runCustomResource(handler, events.create({}), options());
    expect(result).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'thing-1', polls: 1 });
  });

  test('an isComplete that throws fails with the poll event\'s id', async () => {
    const result = await runCustomResource(failing('isComplete'), events.create({}), options());
    expect(result).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'thing-1', Reason: 'isComplete broke', polls: 1 });
  });
});

describe('timeouts', () => {
  test('never complete: FAILED "Operation timed out" after the first poll and totalTimeout ÷ queryInterval more', async () => {
    const { handler } = scriptedHandler({ PhysicalResourceId: 'thing-1' }, { IsComplete: false });
    const result = await runCustomResource(handler, events.create({}), options({ totalTimeoutMs: 100 }));
    expect(result).toMatchObject({ Status: 'FAILED', PhysicalResourceId: 'thing-1', Reason: 'Operation timed out', polls: 11, elapsedMs: 100 });
  });

  test('slow polls: no poll starts after totalTimeout of wall time', async () => {
    const { handler, polls } = scriptedHandler({}, { IsComplete: false });
    const pollTakingLong = handler.isComplete;
    handler.isComplete = async (event) => {
      const result = await pollTakingLong(event);
      clock += 40;
      return result;
    };

    const result = await runCustomResource(handler, events.create({}), options({ totalTimeoutMs: 100 }));

    expect(polls.map((p) => p.at - 1_000)).toEqual([0, 50, 100]);
    expect(result).toMatchObject({ Status: 'FAILED', Reason: 'Operation timed out', busyMs: 120, elapsedMs: 140 });
  });

  test('each invocation\'s context counts down from the invocation timeout; an overrun fails like a Lambda timeout', async () => {
    const remaining: number[] = [];
    const handler: UserHandler = {
      onEvent: async (_event, context) => { remaining.push(context!.getRemainingTimeInMillis()); clock += 20; return {}; },
      isComplete: async (_event, context) => {
        remaining.push(context!.getRemainingTimeInMillis());
        clock += 30;
        remaining.push(context!.getRemainingTimeInMillis());
        clock += 30;
        return { IsComplete: true };
      },
    };

    const result = await runCustomResource(handler, events.create({}), options({ invocationTimeoutMs: 50 }));

    expect(remaining).toEqual([50, 50, 20]);
    expect(result).toMatchObject({ Status: 'FAILED', Reason: 'Task timed out after 0.05 seconds', busyMs: 80 });
  });

  test('a totalTimeout that is no multiple of the query interval is refused, as by the Provider', async () => {
    const { handler } = scriptedHandler({}, { IsComplete: true });
    await expect(runCustomResource(handler, events.create({}), options({ totalTimeoutMs: 25 }))).rejects.toThrow(/multiple/);
  });
});

describe('idempotency hooks', () => {
  test('repeatPoll invokes isComplete again at once with the same event and uses the second answer', async () => {
    const { handler, polls } = scriptedHandler({}, { IsComplete: true, Data: { Answer: 'first' } }, { IsComplete: true, Data: { Answer: 'second' } });

    const result = await runCustomResource(handler, events.create({}), options({ repeatPoll: (i) => i === 1 }));

    expect(polls).toHaveLength(2);
    expect(polls[1]).toEqual(polls[0]); // same event, same time
    expect(result).toMatchObject({ Status: 'SUCCESS', Data: { Answer: 'second' }, polls: 2, invocations: 3 });
  });

  test('losePoll drops an answer, even a final one, and polls again after the interval', async () => {
    const { handler, polls } = scriptedHandler({}, { IsComplete: true, Data: { Answer: 'lost' } }, { IsComplete: true, Data: { Answer: 'kept' } });

    const result = await runCustomResource(handler, events.create({}), options({ losePoll: (i) => i === 1 }));

    expect(polls.map((p) => p.at - polls[0].at)).toEqual([0, INTERVAL]);
    expect(result).toMatchObject({ Status: 'SUCCESS', Data: { Answer: 'kept' }, polls: 2 });
  });

  test('a lost failure is not reported either', async () => {
    let calls = 0;
    const handler: UserHandler = {
      onEvent: async () => ({}),
      isComplete: async () => {
        calls += 1;
        if (calls === 1) throw new Error('lost');
        return { IsComplete: true };
      },
    };
    const result = await runCustomResource(handler, events.create({}), options({ losePoll: (i) => i === 1 }));
    expect(result).toMatchObject({ Status: 'SUCCESS', polls: 2 });
  });
});

test('resourceEvents builds CloudFormation events with a new RequestId each and ServiceToken among the properties', () => {
  const create = events.create({ Size: 1 });
  const update = events.update('thing-1', { Size: 2 }, { Size: 1 });
  const remove = events.delete('thing-1', { Size: 2 });

  expect(new Set([create.RequestId, update.RequestId, remove.RequestId]).size).toBe(3);
  expect(create).toMatchObject({
    RequestType: 'Create',
    ResourceType: 'Custom::Test',
    LogicalResourceId: 'Thing',
    ResourceProperties: { Size: 1, ServiceToken: create.ServiceToken },
  });
  expect(create.ResponseURL).toMatch(/^https:\/\/example\.invalid\//);
  expect(update).toMatchObject({ PhysicalResourceId: 'thing-1', OldResourceProperties: { Size: 1, ServiceToken: update.ServiceToken } });
  expect(remove).toMatchObject({ RequestType: 'Delete', PhysicalResourceId: 'thing-1' });
});
