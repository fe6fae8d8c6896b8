import {
  AppStreamClient,
  BatchAssociateUserStackCommand,
  BatchDisassociateUserStackCommand,
  DescribeUserStackAssociationsCommand,
  type UserStackAssociation,
} from '@aws-sdk/client-appstream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { runCustomResource, type FrameworkOptions, type FrameworkResult } from './util/provider-framework';
import { resetAppStreamClient } from '../lambda/shared/appstream';
import { Deadline, Pacer } from '../lambda/shared/pacing';
import { AdaptiveRateLimiter } from '../lambda/shared/rate-limiter';
import { handlePoll, isComplete, onEvent, STARTED_AT, type Dependencies } from '../lambda/user-stack-association';
import {
  chunk, creatingResourceId, encodedBytes, failureMessage, fitResponse, identify, MAX_REASON_BYTES,
  planCreatePass, planDeletePass, planUpdatePass, userDigest,
} from '../lambda/user-stack-association/plan';
import type { UserEntry } from '../src/users/private/user-stack-association-contract';

process.env.APPSTREAM_RETRY_BASE_DELAY_MS = '1';
process.env.APPSTREAM_INITIAL_REQUEST_RATE = '1000';
process.env.AWS_REGION = 'us-east-1';

const appstream = mockClient(AppStreamClient);
const s3 = mockClient(S3Client);

const STACK = 'my-stack';
const LOGICAL_ID = 'Users1234';

const pool = (n: number, prefix = 'user'): UserEntry[] =>
  Array.from({ length: n }, (_, i) => ({ UserName: `${prefix}${i}@example.com`, AuthenticationType: 'USERPOOL' }));
const saml = (name: string): UserEntry => ({ UserName: name, AuthenticationType: 'SAML' });

function props(users: UserEntry[], extra: Record<string, unknown> = {}, stackName = STACK) {
  return { ServiceToken: 'arn:token', StackName: stackName, Users: users, ...extra };
}

const common = {
  ServiceToken: 'arn:token',
  ResponseURL: 'https://example.com/response',
  StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/cfn/guid',
  RequestId: 'req',
  LogicalResourceId: LOGICAL_ID,
  ResourceType: 'Custom::AppStreamUserStackAssociation',
};
const createEvent = (p: Record<string, unknown>): CloudFormationCustomResourceEvent =>
  ({ ...common, RequestType: 'Create', ResourceProperties: p }) as any;
const updateEvent = (p: Record<string, unknown>, old: Record<string, unknown>, id = `${STACK}/${LOGICAL_ID}`): CloudFormationCustomResourceEvent =>
  ({ ...common, RequestType: 'Update', PhysicalResourceId: id, ResourceProperties: p, OldResourceProperties: old }) as any;
const deleteEvent = (p: Record<string, unknown>, id = `${STACK}/${LOGICAL_ID}`): CloudFormationCustomResourceEvent =>
  ({ ...common, RequestType: 'Delete', PhysicalResourceId: id, ResourceProperties: p }) as any;

const entries = (users: UserEntry[], stackName = STACK): UserStackAssociation[] =>
  users.map((u) => ({ StackName: stackName, UserName: u.UserName, AuthenticationType: u.AuthenticationType as any }));

/** The users of every call of one command, flattened, in call order. */
function sent(command: typeof BatchAssociateUserStackCommand | typeof BatchDisassociateUserStackCommand): UserStackAssociation[][] {
  return appstream.commandCalls(command as any).map((c) => (c.args[0].input as any).UserStackAssociations);
}

const throttle = (name: string) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 400 } });

/**
 * A small stateful AppStream behind the mock: associations per stack, users that fail with a
 * per-entry code. Lets the lifecycle tests check the final state, not just the calls.
 */
class MockState {
  public readonly stacks = new Map<string, Map<string, UserEntry>>();
  public readonly failing = new Map<string, string>();
  /** With n > 0, every n-th request is throttled, as beyond the service's rate. */
  public throttleEvery = 0;
  public requests = 0;
  constructor(...stackNames: string[]) {
    for (const name of stackNames) this.stacks.set(name, new Map());
    appstream.on(DescribeUserStackAssociationsCommand).callsFake((input) => {
      this.admit();
      const stack = this.stacks.get(input.StackName);
      if (!stack) throw Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' });
      const all = [...stack.values()];
      const offset = input.NextToken ? Number(input.NextToken) : 0;
      const page = all.slice(offset, offset + input.MaxResults);
      return {
        UserStackAssociations: entries(page, input.StackName),
        NextToken: offset + input.MaxResults < all.length ? String(offset + input.MaxResults) : undefined,
      };
    });
    const batch = (associate: boolean) => (input: any) => {
      this.admit();
      if (input.UserStackAssociations.length < 1 || input.UserStackAssociations.length > 25) {
        throw Object.assign(new Error('bad batch size'), { name: 'ValidationException' });
      }
      const errors = [];
      for (const e of input.UserStackAssociations) {
        const stack = this.stacks.get(e.StackName);
        const code = !stack ? 'STACK_NOT_FOUND' : this.failing.get(e.UserName);
        if (code) {
          errors.push({ UserStackAssociation: e, ErrorCode: code, ErrorMessage: 'no' });
        } else if (associate) {
          stack!.set(`${e.AuthenticationType}/${e.UserName}`, { UserName: e.UserName, AuthenticationType: e.AuthenticationType });
        } else {
          stack!.delete(`${e.AuthenticationType}/${e.UserName}`);
        }
      }
      return { errors };
    };
    appstream.on(BatchAssociateUserStackCommand).callsFake(batch(true));
    appstream.on(BatchDisassociateUserStackCommand).callsFake(batch(false));
  }
  private admit() {
    this.requests++;
    if (this.throttleEvery > 0 && this.requests % this.throttleEvery === 0) {
      throw throttle(this.requests % 2 ? 'RequestLimitExceededException' : 'ThrottlingException');
    }
  }
  public set(stackName: string, users: UserEntry[]) {
    const map = new Map(users.map((u) => [`${u.AuthenticationType}/${u.UserName}`, u] as const));
    this.stacks.set(stackName, map);
  }
  public users(stackName = STACK): string[] {
    return [...(this.stacks.get(stackName)?.values() ?? [])].map((u) => `${u.AuthenticationType}/${u.UserName}`).sort();
  }
}
const keys = (users: UserEntry[]) => users.map((u) => `${u.AuthenticationType}/${u.UserName}`).sort();

const FINAL_ID = `${STACK}/${LOGICAL_ID}`;

/**
 * Runs one CloudFormation event through the provider framework (onEvent, then isComplete until
 * complete), as CloudFormation would see it.
 */
function deploy(event: CloudFormationCustomResourceEvent, options: Partial<FrameworkOptions> = {}): Promise<FrameworkResult> {
  return runCustomResource({ onEvent, isComplete }, event, {
    queryIntervalMs: 1, totalTimeoutMs: 60_000, invocationTimeoutMs: 900_000, ...options,
  });
}

/** The Delete that CloudFormation's rollback sends after a failed create: same properties, the failed response's id. */
const rollbackOf = (create: CloudFormationCustomResourceEvent, failed: FrameworkResult) =>
  deleteEvent(create.ResourceProperties, failed.PhysicalResourceId);

beforeEach(() => {
  resetAppStreamClient();
  appstream.reset();
  s3.reset();
  appstream.onAnyCommand().rejects(new Error('unexpected AppStream call'));
  s3.onAnyCommand().rejects(new Error('unexpected S3 call'));
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('create', () => {
  test('onEvent only reads; the first poll associates a small mixed list in one call and completes with the final id', async () => {
    const state = new MockState(STACK);
    const users = [...pool(2), saml('alice'), { UserName: 'bob', AuthenticationType: 'API' }, { UserName: 'CORP\\carol', AuthenticationType: 'AWS_AD' }];

    const started = await onEvent(createEvent(props(users)));
    expect(started).toEqual({ PhysicalResourceId: `${FINAL_ID}#creating:none`, [STARTED_AT]: expect.any(Number) });
    expect(appstream).toHaveReceivedCommandTimes(BatchAssociateUserStackCommand, 0);

    appstream.resetHistory();
    const result = await deploy(createEvent(props(users)));

    expect(result).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: FINAL_ID, Data: { UserCount: 5 } });
    expect(appstream).toHaveReceivedCommandTimes(DescribeUserStackAssociationsCommand, 2); // onEvent and the one pass
    expect(appstream).toHaveReceivedCommandWith(DescribeUserStackAssociationsCommand, { StackName: STACK, MaxResults: 500 });
    expect(sent(BatchAssociateUserStackCommand)).toEqual([entries(users)]);
    expect(appstream).toHaveReceivedCommandTimes(BatchDisassociateUserStackCommand, 0);
    expect(state.users()).toEqual(keys(users));
  });

  test.each([1, 25, 26, 1010])('%i users take exactly ceil(N/25) batch calls of at most 25', async (n) => {
    const state = new MockState(STACK);
    const users = pool(n);

    await deploy(createEvent(props(users)));

    const calls = sent(BatchAssociateUserStackCommand);
    expect(calls).toHaveLength(Math.ceil(n / 25));
    expect(calls.every((c) => c.length >= 1 && c.length <= 25)).toBe(true);
    expect(calls.flat()).toEqual(expect.arrayContaining(entries(users)));
    expect(state.users()).toEqual(keys(users));
  });

  test('reads every page and associates only the users missing', async () => {
    const state = new MockState(STACK);
    const users = pool(1200);
    state.set(STACK, [...users.slice(0, 600), saml('someone-else')]);

    const result = await deploy(createEvent(props(users)));

    expect(appstream.commandCalls(DescribeUserStackAssociationsCommand).map((c) => c.args[0].input)).toEqual([
      { StackName: STACK, MaxResults: 500 },
      { StackName: STACK, MaxResults: 500, NextToken: '500' },
    ].flatMap((page) => [page]).concat([{ StackName: STACK, MaxResults: 500 }, { StackName: STACK, MaxResults: 500, NextToken: '500' }]));
    expect(sent(BatchAssociateUserStackCommand)).toHaveLength(24);
    expect(sent(BatchAssociateUserStackCommand).flat()).toEqual(expect.arrayContaining(entries(users.slice(600))));
    expect(result.Data).toEqual({ UserCount: 1200 });
    expect(state.users()).toEqual(keys([...users, saml('someone-else')]));
  });

  test('per-entry errors fail the create; the rollback removes exactly the associations it made', async () => {
    const state = new MockState(STACK);
    const users = pool(60);
    state.set(STACK, [users[0], saml('outsider')]);
    state.failing.set(users[30].UserName, 'USER_NAME_NOT_FOUND');
    state.failing.set(users[31].UserName, 'DIRECTORY_NOT_FOUND');
    const create = createEvent(props(users));

    const failed = await deploy(create);

    expect(failed.Status).toBe('FAILED');
    expect(failed.Reason).toMatch(/Failed to associate 2 of 59 user\(s\) with stack my-stack \((USER_NAME_NOT_FOUND x1, DIRECTORY_NOT_FOUND x1|DIRECTORY_NOT_FOUND x1, USER_NAME_NOT_FOUND x1)\): .*user30@example.com \(USERPOOL\): USER_NAME_NOT_FOUND/);
    expect(failed.Reason).toMatch(/CloudFormation's rollback removes the associations this create made$/);
    expect(failed.PhysicalResourceId).toBe(creatingResourceId(STACK, LOGICAL_ID, [users[0]]));

    const rollback = await deploy(rollbackOf(create, failed));

    expect(rollback.Status).toBe('SUCCESS');
    // what existed before stays (the adopted user and the outsider); nothing this create added is left
    expect(state.users()).toEqual(keys([users[0], saml('outsider')]));
    expect(sent(BatchDisassociateUserStackCommand).flat()).not.toContainEqual(expect.objectContaining({ UserName: users[0].UserName }));
  });

  test('a rollback under throttling converges all the same', async () => {
    const state = new MockState(STACK);
    const users = pool(200);
    state.failing.set(users[150].UserName, 'USER_NAME_NOT_FOUND');
    const create = createEvent(props(users));
    const failed = await deploy(create);
    expect(failed.Status).toBe('FAILED');
    expect(state.users().length).toBeGreaterThan(0);

    // the service now rejects one request in three, as it does beyond its rate
    state.throttleEvery = 3;
    const before = state.requests;

    const rollback = await deploy(rollbackOf(create, failed));

    expect(rollback.Status).toBe('SUCCESS');
    expect(state.requests - before).toBeGreaterThan(9); // 1 read, 8 batches, and the throttled ones again
    expect(state.users()).toEqual([]);
  });

  test('a failure message with thousands of long failed names fits the 4 KB response', async () => {
    const state = new MockState(STACK);
    const users = Array.from({ length: 3000 }, (_, i) => ({ UserName: `${'é'.repeat(60)}${i}@example.com`, AuthenticationType: 'USERPOOL' }));
    users.forEach((u) => state.failing.set(u.UserName, 'USER_NAME_NOT_FOUND'));

    const failed = await deploy(createEvent(props(users)));

    expect(encodedBytes(failed.Reason!)).toBeLessThanOrEqual(MAX_REASON_BYTES);
    expect(failed.Reason).toMatch(/^Failed to associate 3000 of 3000 user\(s\) with stack my-stack \(USER_NAME_NOT_FOUND x3000\): é+\d+@example.com \(USERPOOL\): USER_NAME_NOT_FOUND, /);
    expect(failed.Reason).toMatch(/ and \d+ more\. CloudFormation's rollback removes the associations this create made$/);
  });

  test('names full of quotes and backslashes (JSON escapes double them) still fit, with every code counted', async () => {
    const state = new MockState(STACK);
    const users = Array.from({ length: 500 }, (_, i) => saml(`${'"\\'.repeat(60)}${i}`));
    users.forEach((u, i) => state.failing.set(u.UserName, i % 2 ? 'USER_NAME_NOT_FOUND' : 'DIRECTORY_NOT_FOUND'));

    const failed = await deploy(createEvent(props(users)));

    expect(encodedBytes(failed.Reason!)).toBeLessThanOrEqual(MAX_REASON_BYTES);
    expect(failed.Reason).toMatch(/^Failed to associate 500 of 500 user\(s\) with stack my-stack \((DIRECTORY_NOT_FOUND x250, USER_NAME_NOT_FOUND x250|USER_NAME_NOT_FOUND x250, DIRECTORY_NOT_FOUND x250)\): /);
  });

  test('an error that is not retryable fails the create at once; the rollback removes what it made', async () => {
    const state = new MockState(STACK);
    const users = pool(100);
    let calls = 0;
    appstream.on(BatchAssociateUserStackCommand).callsFake((input) => {
      calls += 1;
      if (calls === 2) {
        throw Object.assign(new Error('not allowed'), { name: 'OperationNotPermittedException', $metadata: { httpStatusCode: 400 } });
      }
      for (const e of input.UserStackAssociations) state.stacks.get(STACK)!.set(`${e.AuthenticationType}/${e.UserName}`, e);
      return { errors: [] };
    });
    const create = createEvent(props(users));

    const failed = await deploy(create);

    expect(failed.Status).toBe('FAILED');
    expect(failed.Reason).toMatch(/OperationNotPermittedException|not allowed/);
    expect(state.users().length).toBeGreaterThan(0);
    await deploy(rollbackOf(create, failed));
    expect(state.users()).toEqual([]);
  });

  test('retries throttling and concurrent modification as long as time allows, far beyond a fixed count', async () => {
    const state = new MockState(STACK);
    const describe = appstream.on(DescribeUserStackAssociationsCommand);
    for (let i = 0; i < 12; i++) {
      describe.rejectsOnce(throttle(i % 2 ? 'RequestLimitExceededException' : 'ThrottlingException'));
    }
    describe.callsFake(() => ({ UserStackAssociations: [] }));
    appstream.on(BatchAssociateUserStackCommand)
      .rejectsOnce(throttle('ConcurrentModificationException'))
      .callsFake((input) => {
        for (const e of input.UserStackAssociations) state.stacks.get(STACK)!.set(`${e.AuthenticationType}/${e.UserName}`, e);
        return { errors: [] };
      });

    const result = await deploy(createEvent(props(pool(3))));

    expect(result.Status).toBe('SUCCESS');
    expect(appstream).toHaveReceivedCommandTimes(DescribeUserStackAssociationsCommand, 14);
    expect(appstream).toHaveReceivedCommandTimes(BatchAssociateUserStackCommand, 2);
    expect(state.users()).toEqual(keys(pool(3)));
  });

  test('per-entry INTERNAL_ERROR is sent again', async () => {
    const state = new MockState(STACK);
    const users = pool(3);
    let calls = 0;
    appstream.on(BatchAssociateUserStackCommand).callsFake((input) => {
      calls += 1;
      const errors = input.UserStackAssociations
        .filter((e: any) => calls === 1 && e.UserName === users[1].UserName)
        .map((e: any) => ({ UserStackAssociation: e, ErrorCode: 'INTERNAL_ERROR' }));
      for (const e of input.UserStackAssociations) {
        if (!errors.length) state.stacks.get(STACK)!.set(`${e.AuthenticationType}/${e.UserName}`, e);
      }
      return { errors };
    });

    await deploy(createEvent(props(users)));

    expect(sent(BatchAssociateUserStackCommand)).toEqual([entries(users), entries([users[1]])]);
  });

  test('a missing stack fails onEvent with a clear message, and the Delete that follows touches nothing', async () => {
    new MockState();
    const create = createEvent(props(pool(2)));

    const failed = await deploy(create);

    expect(failed).toMatchObject({ Status: 'FAILED', Reason: 'AppStream stack my-stack not found' });
    expect(appstream).toHaveReceivedCommandTimes(BatchAssociateUserStackCommand, 0);
    appstream.resetHistory();
    await expect(deploy(rollbackOf(create, failed))).resolves.toMatchObject({ Status: 'SUCCESS' });
    expect(appstream.calls()).toHaveLength(0);
  });

  test('a repeated create converges and answers the same physical id', async () => {
    const state = new MockState(STACK);
    const users = pool(30);

    const first = await deploy(createEvent(props(users)));
    const second = await deploy(createEvent(props(users)));

    expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
    expect(sent(BatchAssociateUserStackCommand)).toHaveLength(2); // both from the first create
    expect(state.users()).toEqual(keys(users));
  });

  test.each([
    ['repeated', { repeatPoll: (i: number) => i === 1 }],
    ['lost', { losePoll: (i: number) => i === 1 }],
  ])('a poll %s changes nothing: the same final state, no batch call twice', async (_, hooks) => {
    const state = new MockState(STACK);
    state.set(STACK, [saml('outsider')]);
    const users = pool(120);

    const result = await deploy(createEvent(props(users)), hooks);

    expect(result.Status).toBe('SUCCESS');
    expect(sent(BatchAssociateUserStackCommand)).toHaveLength(5);
    expect(state.users()).toEqual(keys([...users, saml('outsider')]));
  });

  test('more adopted users than a physical id can list: the rollback cannot tell them apart and removes nothing', async () => {
    const state = new MockState(STACK);
    const users = pool(300);
    state.set(STACK, users.slice(0, 200));
    state.failing.set(users[299].UserName, 'USER_NAME_NOT_FOUND');
    const create = createEvent(props(users));

    const failed = await deploy(create);

    expect(failed.PhysicalResourceId).toBe(`${FINAL_ID}#creating:unknown`);
    expect(failed.Reason).toMatch(/a rollback cannot tell this create's own associations apart and leaves them$/);
    appstream.resetHistory();
    await deploy(rollbackOf(create, failed));
    expect(appstream).toHaveReceivedCommandTimes(BatchDisassociateUserStackCommand, 0);
    expect(state.users()).toHaveLength(299);
  });
});

describe('work across invocations', () => {
  /** Dependencies on a virtual clock (waits advance it) at 2 requests/s; the invocation ends at `deadlineAt`. */
  function virtualDeps(clock: { now: number }, deadlineAt: number): Dependencies {
    const limiter = new AdaptiveRateLimiter({ initialRate: 2, growthPerSecond: 0, now: () => clock.now });
    return {
      appstream: new AppStreamClient({ region: 'us-east-1' }),
      pacer: new Pacer(limiter, { sleep: async (ms) => { clock.now += ms; } }),
      readObject: async () => { throw new Error('no S3 here'); },
      deadline: new Deadline(deadlineAt, () => clock.now),
      now: () => clock.now,
    };
  }

  test('the deadline reached mid-slice ends the poll without failing; the next poll continues where it stopped', async () => {
    const state = new MockState(STACK);
    const users = pool(250);
    const clock = { now: 0 };
    appstream.on(BatchAssociateUserStackCommand).callsFake((input) => {
      clock.now += 60_000; // each call "takes" a minute
      for (const e of input.UserStackAssociations) state.stacks.get(STACK)!.set(`${e.AuthenticationType}/${e.UserName}`, e);
      return { errors: [] };
    });
    const event = { ...createEvent(props(users)), PhysicalResourceId: `${FINAL_ID}#creating:none`, [STARTED_AT]: 0 } as any;

    const first = await handlePoll(event, virtualDeps(clock, 150_000));

    expect(first).toEqual({ IsComplete: false });
    const afterFirst = state.users().length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(afterFirst).toBeLessThan(250);

    const second = await handlePoll(event, virtualDeps(clock, clock.now + 900_000));

    expect(second).toEqual({ IsComplete: true, PhysicalResourceId: FINAL_ID, Data: { UserCount: 250 } });
    expect(state.users()).toEqual(keys(users));
    expect(sent(BatchAssociateUserStackCommand)).toHaveLength(10); // nothing sent twice
  });

  test('a poll gives up with a clear message shortly before the provider would time out', async () => {
    new MockState(STACK);
    const clock = { now: 54 * 60_000 };
    const event = { ...createEvent(props(pool(3))), PhysicalResourceId: `${FINAL_ID}#creating:none`, [STARTED_AT]: 0 } as any;

    await expect(handlePoll(event, virtualDeps(clock, Number.POSITIVE_INFINITY)))
      .rejects.toThrow(/^Gave up after 54 minutes, close to the provider's 55: .*CloudFormation's rollback removes the associations this create made/);
  });
});

describe('SendEmailNotification', () => {
  test.each([
    ['true', true],
    ['false', false],
    [undefined, false],
  ])('%s sets the flag on USERPOOL entries only: %s', async (value, expected) => {
    new MockState(STACK);
    const extra = value === undefined ? {} : { SendEmailNotification: value };

    await deploy(createEvent(props([pool(1)[0], saml('alice')], extra)));

    expect(sent(BatchAssociateUserStackCommand)[0]).toEqual([
      { ...entries(pool(1))[0], ...(expected ? { SendEmailNotification: true } : {}) },
      entries([saml('alice')])[0],
    ]);
  });

  test('another value is refused', async () => {
    await expect(onEvent(createEvent(props(pool(1), { SendEmailNotification: 'yes' }))))
      .rejects.toThrow('SendEmailNotification must be "true" or "false", got "yes"');
  });
});

describe('invalid properties', () => {
  test.each([
    [{ Users: pool(1) }, /StackName is required/],
    [props([{ UserName: 'x', AuthenticationType: 'saml' }]), /Users\[0\]\.AuthenticationType must be an API value such as SAML \(upper-case letters, digits and _\), got "saml"/],
    [props([{ UserName: 'x', AuthenticationType: 'NEW-TYPE' }]), /Users\[0\]\.AuthenticationType must be an API value[^\n]*got "NEW-TYPE"/],
    [props([{ UserName: 'x' } as UserEntry]), /Users\[0\]\.AuthenticationType must be an API value[^\n]*got undefined/],
    [props([{ UserName: '', AuthenticationType: 'SAML' }]), /Users\[0\]\.UserName must be a string of 1-128 characters/],
    [props([{ UserName: 'a'.repeat(129), AuthenticationType: 'SAML' }]), /Users\[0\]\.UserName must be a string of 1-128 characters/],
    [props(pool(1), { UsersBucket: 'b', UsersKey: 'k' }), /Give either Users or UsersBucket\/UsersKey, not both/],
    [{ StackName: STACK, UsersBucket: 'b' }, /UsersBucket and UsersKey must both be given/],
  ])('%j', async (p, message) => {
    await expect(onEvent(createEvent(p))).rejects.toThrow(message);
    expect(appstream.calls()).toHaveLength(0);
  });

  test('an authentication type AWS added after this library (AuthenticationType.of) is passed through', async () => {
    const state = new MockState(STACK);
    const users = [{ UserName: 'dave', AuthenticationType: 'NEW_TYPE_2' }, saml('bob')];

    await expect(deploy(createEvent(props(users)))).resolves.toMatchObject({ PhysicalResourceId: FINAL_ID, Data: { UserCount: 2 } });

    expect(sent(BatchAssociateUserStackCommand)).toEqual([entries(users)]);
    expect(state.users()).toEqual(keys(users));
  });

  test('repeated users are sent once', async () => {
    const state = new MockState(STACK);
    const result = await deploy(createEvent(props([...pool(2), ...pool(2), saml('user0@example.com')])));
    expect(result.Data).toEqual({ UserCount: 3 });
    expect(sent(BatchAssociateUserStackCommand)[0]).toHaveLength(3);
    expect(state.users()).toHaveLength(3);
  });
});

describe('user list in S3', () => {
  const body = (text: string) => ({ Body: { transformToString: async () => text } as any });

  test('reads the list from UsersBucket/UsersKey', async () => {
    const state = new MockState(STACK);
    const users = pool(60);
    s3.on(GetObjectCommand, { Bucket: 'assets', Key: 'users.json' }).resolves(body(JSON.stringify(users)));

    const result = await deploy(createEvent({ StackName: STACK, UsersBucket: 'assets', UsersKey: 'users.json' }));

    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Bucket: 'assets', Key: 'users.json' });
    expect(result.Data).toEqual({ UserCount: 60 });
    expect(state.users()).toEqual(keys(users));
  });

  test('update diffs the old and the new object', async () => {
    const state = new MockState(STACK);
    state.set(STACK, pool(60));
    s3.on(GetObjectCommand, { Key: 'old.json' }).resolves(body(JSON.stringify(pool(60))));
    s3.on(GetObjectCommand, { Key: 'new.json' }).resolves(body(JSON.stringify(pool(50))));

    await deploy(updateEvent({ StackName: STACK, UsersBucket: 'b', UsersKey: 'new.json' }, { StackName: STACK, UsersBucket: 'b', UsersKey: 'old.json' }));

    expect(sent(BatchDisassociateUserStackCommand)).toEqual([entries(pool(60).slice(50))]);
    expect(state.users()).toEqual(keys(pool(50)));
  });

  test('an unreadable or malformed object fails with its location', async () => {
    s3.on(GetObjectCommand, { Key: 'gone.json' }).rejects(Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey' }));
    s3.on(GetObjectCommand, { Key: 'bad.json' }).resolves(body('not json'));
    s3.on(GetObjectCommand, { Key: 'obj.json' }).resolves(body('{"UserName":"x"}'));

    await expect(onEvent(createEvent({ StackName: STACK, UsersBucket: 'b', UsersKey: 'gone.json' })))
      .rejects.toThrow('Cannot read the user list s3://b/gone.json: NoSuchKey The specified key does not exist.');
    await expect(onEvent(createEvent({ StackName: STACK, UsersBucket: 'b', UsersKey: 'bad.json' })))
      .rejects.toThrow('The user list s3://b/bad.json is not valid JSON');
    await expect(onEvent(createEvent({ StackName: STACK, UsersBucket: 'b', UsersKey: 'obj.json' })))
      .rejects.toThrow('s3://b/obj.json must be a list of { UserName, AuthenticationType }, got object');
    expect(appstream.calls()).toHaveLength(0);
  });
});

describe('update', () => {
  test('adds and removes only the difference', async () => {
    const state = new MockState(STACK);
    const old = pool(80);
    const desired = [...old.slice(30), ...pool(40, 'new')];
    state.set(STACK, old);

    const result = await deploy(updateEvent(props(desired), props(old)));

    expect(result).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: FINAL_ID, Data: { UserCount: 90 } });
    expect(sent(BatchAssociateUserStackCommand).flat()).toEqual(expect.arrayContaining(entries(pool(40, 'new'))));
    expect(sent(BatchAssociateUserStackCommand)).toHaveLength(2);
    expect(sent(BatchDisassociateUserStackCommand).flat()).toEqual(expect.arrayContaining(entries(old.slice(0, 30))));
    expect(sent(BatchDisassociateUserStackCommand)).toHaveLength(2);
    expect(state.users()).toEqual(keys(desired));
  });

  test('no change makes no batch call and onEvent reads nothing', async () => {
    const state = new MockState(STACK);
    state.set(STACK, pool(10));

    await deploy(updateEvent(props(pool(10), { SendEmailNotification: 'true' }), props(pool(10))));

    expect(appstream).toHaveReceivedCommandTimes(DescribeUserStackAssociationsCommand, 1);
    expect(appstream).toHaveReceivedCommandTimes(BatchAssociateUserStackCommand, 0);
    expect(appstream).toHaveReceivedCommandTimes(BatchDisassociateUserStackCommand, 0);
  });

  test('restores associations removed by hand and never removes users it did not list', async () => {
    const state = new MockState(STACK);
    const users = pool(10);
    state.set(STACK, [...users.slice(2), saml('manual')]); // 0 and 1 removed by hand, one added by hand

    await deploy(updateEvent(props(users.slice(0, 9)), props(users)));

    expect(sent(BatchAssociateUserStackCommand)).toEqual([entries(users.slice(0, 2))]);
    expect(sent(BatchDisassociateUserStackCommand)).toEqual([entries([users[9]])]);
    expect(state.users()).toEqual(keys([...users.slice(0, 9), saml('manual')]));
  });

  test('a repeated update converges', async () => {
    const state = new MockState(STACK);
    state.set(STACK, pool(5));
    const event = updateEvent(props(pool(7)), props(pool(5)));

    await deploy(event);
    await deploy(event);

    expect(sent(BatchAssociateUserStackCommand)).toHaveLength(1);
    expect(state.users()).toEqual(keys(pool(7)));
  });

  test('a changed stack is a replacement: the new id at completion, the new stack gets every user, the old one is untouched', async () => {
    const state = new MockState(STACK, 'other-stack');
    state.set(STACK, pool(5));

    const result = await deploy(updateEvent(props(pool(5), {}, 'other-stack'), props(pool(5))));

    expect(result).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `other-stack/${LOGICAL_ID}`, Data: { UserCount: 5 } });
    expect(appstream).toHaveReceivedCommandWith(DescribeUserStackAssociationsCommand, { StackName: 'other-stack' });
    expect(sent(BatchAssociateUserStackCommand)).toEqual([entries(pool(5), 'other-stack')]);
    expect(appstream).toHaveReceivedCommandTimes(BatchDisassociateUserStackCommand, 0);
    expect(state.users(STACK)).toEqual(keys(pool(5)));
    expect(state.users('other-stack')).toEqual(keys(pool(5)));
  });

  test('a failed replacement on another stack says that the associations made there stay', async () => {
    const state = new MockState(STACK, 'other-stack');
    state.set(STACK, pool(5));
    state.failing.set(pool(5)[4].UserName, 'USER_NAME_NOT_FOUND');

    const failed = await deploy(updateEvent(props(pool(5), {}, 'other-stack'), props(pool(5))));

    expect(failed.Status).toBe('FAILED');
    expect(failed.Reason).toMatch(/CloudFormation's rollback returns to the previous stack; the associations made on the new one stay$/);
    expect(state.users(STACK)).toEqual(keys(pool(5))); // the old stack is untouched
  });

  test('a failed update fails; CloudFormation\'s rollback (an update back to the old list) restores it', async () => {
    const state = new MockState(STACK);
    const old = pool(4);
    state.set(STACK, old);
    const desired = [old[0], saml('newcomer')];
    state.failing.set(old[3].UserName, 'DIRECTORY_NOT_FOUND');

    const failed = await deploy(updateEvent(props(desired), props(old)));

    expect(failed.Status).toBe('FAILED');
    expect(failed.Reason).toMatch(
      /Failed to disassociate 1 of 3 user\(s\) from stack my-stack \(DIRECTORY_NOT_FOUND x1\): user3@example.com \(USERPOOL\): DIRECTORY_NOT_FOUND\. CloudFormation's rollback restores the previous list$/);

    const rollback = await deploy(updateEvent(props(old), props(desired)));

    expect(rollback.Status).toBe('SUCCESS');
    expect(state.users()).toEqual(keys(old));
  });
});

describe('delete', () => {
  test('disassociates exactly the listed users still there, in chunks of 25', async () => {
    const state = new MockState(STACK);
    const users = pool(60);
    state.set(STACK, [...users, saml('outsider')]);

    const result = await deploy(deleteEvent(props(users)));

    expect(result).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: FINAL_ID });
    expect(sent(BatchDisassociateUserStackCommand)).toHaveLength(3);
    expect(sent(BatchDisassociateUserStackCommand).flat()).toEqual(expect.arrayContaining(entries(users)));
    expect(state.users()).toEqual(keys([saml('outsider')]));
  });

  test('a missing stack or user is fine (per-entry codes and ResourceNotFoundException)', async () => {
    const state = new MockState(STACK);
    state.set(STACK, pool(60));
    appstream.on(BatchDisassociateUserStackCommand)
      .resolvesOnce({ errors: [{ UserStackAssociation: entries(pool(1))[0], ErrorCode: 'USER_NAME_NOT_FOUND' }] })
      .resolvesOnce({ errors: entries(pool(50).slice(25)).map((e) => ({ UserStackAssociation: e, ErrorCode: 'STACK_NOT_FOUND' })) })
      .rejectsOnce(Object.assign(new Error('gone'), { name: 'ResourceNotFoundException' }));

    const first = await deploy(deleteEvent(props(pool(60))));
    expect(first.Status).toBe('SUCCESS');
    expect(appstream).toHaveReceivedCommandTimes(BatchDisassociateUserStackCommand, 3);

    state.stacks.delete(STACK);
    appstream.resetHistory();
    await expect(deploy(deleteEvent(props(pool(60))))).resolves.toMatchObject({ Status: 'SUCCESS' });
    expect(appstream).toHaveReceivedCommandTimes(BatchDisassociateUserStackCommand, 0);
  });

  test('other per-entry errors fail the delete', async () => {
    const state = new MockState(STACK);
    state.set(STACK, pool(3));
    state.failing.set(pool(3)[2].UserName, 'DIRECTORY_NOT_FOUND');

    const failed = await deploy(deleteEvent(props(pool(3))));

    expect(failed.Status).toBe('FAILED');
    expect(failed.Reason).toContain(
      'Failed to disassociate 1 of 3 user(s) from stack my-stack (DIRECTORY_NOT_FOUND x1): user2@example.com (USERPOOL): DIRECTORY_NOT_FOUND');
  });

  test.each([
    ['the Provider framework\'s marker after a failed create', 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED'],
    ['a request id', 'e5f1a0c2-0b7e-4d5c-9a43-1f2e3d4c5b6a'],
    ['the id of another logical resource', `${STACK}/OtherUsers`],
    ['the id of another stack', `other-stack/${LOGICAL_ID}`],
  ])('a delete with a physical id this handler did not answer (%s) touches nothing', async (_, id) => {
    const state = new MockState(STACK);
    state.set(STACK, pool(3));

    await expect(deploy(deleteEvent(props(pool(3)), id))).resolves.toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: id });

    expect(appstream.calls()).toHaveLength(0);
    expect(state.users()).toEqual(keys(pool(3)));
  });

  test('a delete after a create that failed on invalid properties succeeds without reading them', async () => {
    const invalid = { ServiceToken: 'arn:token', StackName: STACK, UsersBucket: 'bucket', UsersKey: 'gone.json', Users: pool(1) };

    await expect(deploy(deleteEvent(invalid, 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED')))
      .resolves.toMatchObject({ Status: 'SUCCESS' });
    await expect(deploy(deleteEvent({ ServiceToken: 'arn:token' }, 'req'))).resolves.toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'req' });

    expect(appstream.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
  });

  test('a repeated delete succeeds', async () => {
    const state = new MockState(STACK);
    state.set(STACK, pool(3));
    await deploy(deleteEvent(props(pool(3))));
    await deploy(deleteEvent(props(pool(3))));
    expect(state.users()).toEqual([]);
  });
});

describe('planner', () => {
  const u = (name: string, type = 'USERPOOL'): UserEntry => ({ UserName: name, AuthenticationType: type });

  test('keys are case-sensitive and include the authentication type', () => {
    const plan = planCreatePass([u('A@x.com'), u('a@x.com'), u('bob', 'SAML')], [u('a@x.com'), u('bob', 'API')]);
    expect(plan).toEqual({ toAssociate: [u('A@x.com'), u('bob', 'SAML')], toDisassociate: [] });
  });

  test('update removes only what the old list had and is still there', () => {
    const plan = planUpdatePass([u('a'), u('b'), u('gone')], [u('b'), u('c')], [u('a'), u('b'), u('z')]);
    expect(plan).toEqual({ toAssociate: [u('c')], toDisassociate: [u('a')] });
  });

  test('delete removes the listed users still there, except those kept', () => {
    const plan = planDeletePass([u('a'), u('b'), u('c')], [u('a'), u('c'), u('z')], (user) => user.UserName === 'c');
    expect(plan).toEqual({ toAssociate: [], toDisassociate: [u('a')] });
  });

  test('the physical id of a create in progress names its adopted users; identify reads it back', () => {
    const adopted = [u('a'), u('b', 'SAML')];
    const id = creatingResourceId('s', 'L', adopted);
    const identity = identify(id, 's', 'L');
    expect(identity).toEqual({ kind: 'creating', adoptedDigests: new Set(adopted.map(userDigest)) });
    expect(identify(creatingResourceId('s', 'L', []), 's', 'L')).toEqual({ kind: 'creating', adoptedDigests: new Set() });
    expect(identify('s/L', 's', 'L')).toEqual({ kind: 'created' });
    expect(identify('s/L', 'other', 'L')).toEqual({ kind: 'foreign' });
    expect(identify(creatingResourceId('s', 'L', pool(500)), 's', 'L')).toEqual({ kind: 'creating' });
    expect(Buffer.byteLength(creatingResourceId('s'.repeat(100), 'L'.repeat(255), pool(80)))).toBeLessThanOrEqual(1024);
  });

  test('user digests do not collide over 50,000 users of every authentication type', () => {
    const digests = new Set<string>();
    for (const type of ['USERPOOL', 'SAML', 'API', 'AWS_AD']) {
      for (let i = 0; i < 12_500; i++) digests.add(userDigest(u(`user${i}@example.com`, type)));
    }
    expect(digests.size).toBe(50_000);
  });

  test('chunk', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 25)).toEqual([]);
  });

  test('failure message lists what fits, then counts the rest', () => {
    const failures = Array.from({ length: 10 }, (_, i) => ({ user: u(`user${i}`), code: 'USER_NAME_NOT_FOUND' }));
    const message = failureMessage('associate', 's', failures, 10, 'undone', 160);
    expect(Buffer.byteLength(message)).toBeLessThanOrEqual(160);
    expect(message).toBe('Failed to associate 10 of 10 user(s) with stack s (USER_NAME_NOT_FOUND x10): user0 (USERPOOL): USER_NAME_NOT_FOUND and 9 more. undone');
  });

  test('fitResponse never splits a character and counts JSON escapes', () => {
    expect(fitResponse('ééé', 6)).toBe('ééé');
    expect(fitResponse('éééé', 7)).toBe('éé...');
    expect(fitResponse('a"b\\c', 7)).toBe('a"b\\c');
    expect(fitResponse('a"b\\cd', 7)).toBe('a"b...');
    expect(fitResponse('""""', 7)).toBe('""...');
  });
});
