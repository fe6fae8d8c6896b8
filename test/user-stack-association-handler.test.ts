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
import { onEvent } from '../lambda/user-stack-association';
import { chunk, encodedBytes, failureMessage, fitResponse, MAX_REASON_BYTES, planCreate, planUpdate } from '../lambda/user-stack-association/plan';
import type { UserEntry } from '../src/private/user-stack-association-contract';

process.env.APPSTREAM_RETRY_BASE_DELAY_MS = '1';
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

/**
 * A small stateful AppStream behind the mock: associations per stack, users that fail with a
 * per-entry code. Lets the lifecycle tests check the final state, not just the calls.
 */
class MockState {
  public readonly stacks = new Map<string, Map<string, UserEntry>>();
  public readonly failing = new Map<string, string>();
  constructor(...stackNames: string[]) {
    for (const name of stackNames) this.stacks.set(name, new Map());
    appstream.on(DescribeUserStackAssociationsCommand).callsFake((input) => {
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
  public set(stackName: string, users: UserEntry[]) {
    const map = new Map(users.map((u) => [`${u.AuthenticationType}/${u.UserName}`, u] as const));
    this.stacks.set(stackName, map);
  }
  public users(stackName = STACK): string[] {
    return [...(this.stacks.get(stackName)?.values() ?? [])].map((u) => `${u.AuthenticationType}/${u.UserName}`).sort();
  }
}
const keys = (users: UserEntry[]) => users.map((u) => `${u.AuthenticationType}/${u.UserName}`).sort();

beforeEach(() => {
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
  test('associates a small mixed list in one call, after reading the stack', async () => {
    const users = [...pool(2), saml('alice'), { UserName: 'bob', AuthenticationType: 'API' }, { UserName: 'CORP\\carol', AuthenticationType: 'AWS_AD' }];
    appstream.on(DescribeUserStackAssociationsCommand).resolves({ UserStackAssociations: [] });
    appstream.on(BatchAssociateUserStackCommand).resolves({ errors: [] });

    const response = await onEvent(createEvent(props(users)));

    expect(response).toEqual({ PhysicalResourceId: `${STACK}/${LOGICAL_ID}`, Data: { UserCount: 5 } });
    expect(appstream).toHaveReceivedCommandTimes(DescribeUserStackAssociationsCommand, 1);
    expect(appstream).toHaveReceivedCommandWith(DescribeUserStackAssociationsCommand, { StackName: STACK, MaxResults: 500 });
    expect(appstream).toHaveReceivedCommandTimes(BatchAssociateUserStackCommand, 1);
    expect(sent(BatchAssociateUserStackCommand)[0]).toEqual(entries(users));
    expect(appstream).toHaveReceivedCommandTimes(BatchDisassociateUserStackCommand, 0);
  });

  test.each([1, 25, 26, 1010])('%i users take exactly ceil(N/25) batch calls of at most 25', async (n) => {
    const state = new MockState(STACK);
    const users = pool(n);

    await onEvent(createEvent(props(users)));

    const calls = sent(BatchAssociateUserStackCommand);
    expect(calls).toHaveLength(Math.ceil(n / 25));
    expect(calls.every((c) => c.length >= 1 && c.length <= 25)).toBe(true);
    expect(calls.flat()).toEqual(entries(users));
    expect(state.users()).toEqual(keys(users));
  });

  test('reads every page and associates only the users missing', async () => {
    const state = new MockState(STACK);
    const users = pool(1200);
    const preExisting = [...users.slice(0, 600), saml('someone-else')];
    state.set(STACK, preExisting);

    const response = await onEvent(createEvent(props(users)));

    expect(appstream).toHaveReceivedCommandTimes(DescribeUserStackAssociationsCommand, 2);
    expect(appstream.commandCalls(DescribeUserStackAssociationsCommand).map((c) => c.args[0].input)).toEqual([
      { StackName: STACK, MaxResults: 500 },
      { StackName: STACK, MaxResults: 500, NextToken: '500' },
    ]);
    const calls = sent(BatchAssociateUserStackCommand);
    expect(calls).toHaveLength(24);
    expect(calls.flat()).toEqual(entries(users.slice(600)));
    expect(response.Data).toEqual({ UserCount: 1200 });
    expect(state.users()).toEqual(keys([...users, saml('someone-else')]));
  });

  test('per-entry errors fail the create and remove exactly the associations it made', async () => {
    const state = new MockState(STACK);
    const users = pool(60);
    state.set(STACK, [users[0], saml('outsider')]);
    state.failing.set(users[30].UserName, 'USER_NAME_NOT_FOUND');
    state.failing.set(users[31].UserName, 'DIRECTORY_NOT_FOUND');

    await expect(onEvent(createEvent(props(users)))).rejects.toThrow(
      /Failed to associate 2 of 59 user\(s\) with stack my-stack \(USER_NAME_NOT_FOUND x1, DIRECTORY_NOT_FOUND x1\): user30@example.com \(USERPOOL\): USER_NAME_NOT_FOUND, user31@example.com \(USERPOOL\): DIRECTORY_NOT_FOUND\. Changes made by this request were undone/);

    // pre-existing associations stay, nothing this create added is left
    expect(state.users()).toEqual(keys([users[0], saml('outsider')]));
    const undone = sent(BatchDisassociateUserStackCommand).flat();
    expect(undone).toHaveLength(57);
    expect(undone).not.toContainEqual(expect.objectContaining({ UserName: users[0].UserName }));
  });

  test('a failure message with thousands of long failed names fits the 4 KB response', async () => {
    const state = new MockState(STACK);
    const users = Array.from({ length: 3000 }, (_, i) => ({ UserName: `${'é'.repeat(60)}${i}@example.com`, AuthenticationType: 'USERPOOL' }));
    users.forEach((u) => state.failing.set(u.UserName, 'USER_NAME_NOT_FOUND'));

    const error: Error = await onEvent(createEvent(props(users))).then(() => { throw new Error('should fail'); }, (e) => e);

    expect(encodedBytes(error.message)).toBeLessThanOrEqual(MAX_REASON_BYTES);
    expect(error.message).toMatch(/^Failed to associate 3000 of 3000 user\(s\) with stack my-stack \(USER_NAME_NOT_FOUND x3000\): é+0@example.com \(USERPOOL\): USER_NAME_NOT_FOUND, /);
    expect(error.message).toMatch(/ and \d+ more\. Changes made by this request were undone$/);
    expect(appstream).toHaveReceivedCommandTimes(BatchDisassociateUserStackCommand, 0); // nothing was added
  });

  test('names full of quotes and backslashes (JSON escapes double them) still fit, with every code counted', async () => {
    const state = new MockState(STACK);
    const users = Array.from({ length: 500 }, (_, i) => saml(`${'"\\'.repeat(60)}${i}`));
    users.forEach((u, i) => state.failing.set(u.UserName, i % 2 ? 'USER_NAME_NOT_FOUND' : 'DIRECTORY_NOT_FOUND'));

    const error: Error = await onEvent(createEvent(props(users))).then(() => { throw new Error('should fail'); }, (e) => e);

    expect(encodedBytes(error.message)).toBeLessThanOrEqual(MAX_REASON_BYTES);
    expect(error.message).toMatch(/^Failed to associate 500 of 500 user\(s\) with stack my-stack \((DIRECTORY_NOT_FOUND x250, USER_NAME_NOT_FOUND x250|USER_NAME_NOT_FOUND x250, DIRECTORY_NOT_FOUND x250)\): /);
    expect(error.message).toMatch(/ and \d+ more\. Changes made by this request were undone$/);
  });

  test('a call that fails for good stops the create and rolls back what succeeded', async () => {
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
    process.env.APPSTREAM_BATCH_CONCURRENCY = '1';
    try {
      await expect(onEvent(createEvent(props(users)))).rejects.toThrow(
        /Failed to associate users with stack my-stack: OperationNotPermittedException: not allowed\. Changes made by this request were undone/);
    } finally {
      delete process.env.APPSTREAM_BATCH_CONCURRENCY;
    }
    expect(calls).toBe(2);
    expect(state.users()).toEqual([]);
  });

  test('retries throttling and concurrent modification', async () => {
    const state = new MockState(STACK);
    const throttle = (name: string) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 400 } });
    appstream.on(DescribeUserStackAssociationsCommand)
      .rejectsOnce(throttle('RequestLimitExceededException'))
      .rejectsOnce(throttle('ThrottlingException'))
      .callsFake(() => ({ UserStackAssociations: [] }));
    appstream.on(BatchAssociateUserStackCommand)
      .rejectsOnce(throttle('ConcurrentModificationException'))
      .callsFake((input) => {
        for (const e of input.UserStackAssociations) state.stacks.get(STACK)!.set(`${e.AuthenticationType}/${e.UserName}`, e);
        return { errors: [] };
      });

    await onEvent(createEvent(props(pool(3))));

    expect(appstream).toHaveReceivedCommandTimes(DescribeUserStackAssociationsCommand, 3);
    expect(appstream).toHaveReceivedCommandTimes(BatchAssociateUserStackCommand, 2);
    expect(state.users()).toEqual(keys(pool(3)));
  });

  test('per-entry INTERNAL_ERROR is sent again', async () => {
    const state = new MockState(STACK);
    const users = pool(3);
    state.failing.set(users[1].UserName, 'INTERNAL_ERROR');
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

    await onEvent(createEvent(props(users)));

    expect(sent(BatchAssociateUserStackCommand)).toEqual([entries(users), entries([users[1]])]);
  });

  test('a missing stack fails the create with a clear message', async () => {
    new MockState();
    await expect(onEvent(createEvent(props(pool(2))))).rejects.toThrow('AppStream stack my-stack not found');
    expect(appstream).toHaveReceivedCommandTimes(BatchAssociateUserStackCommand, 0);
  });

  test('a repeated create converges and answers the same physical id', async () => {
    const state = new MockState(STACK);
    const users = pool(30);

    const first = await onEvent(createEvent(props(users)));
    const second = await onEvent(createEvent(props(users)));

    expect(second.PhysicalResourceId).toBe(first.PhysicalResourceId);
    expect(sent(BatchAssociateUserStackCommand)).toHaveLength(2); // both from the first create
    expect(state.users()).toEqual(keys(users));
  });

  test('stops starting calls when the time budget is nearly spent, and rolls back', async () => {
    const state = new MockState(STACK);
    let remaining = 200_000;
    appstream.on(BatchAssociateUserStackCommand).callsFake((input) => {
      remaining -= 60_000; // each call "takes" a minute
      for (const e of input.UserStackAssociations) state.stacks.get(STACK)!.set(`${e.AuthenticationType}/${e.UserName}`, e);
      return { errors: [] };
    });
    process.env.APPSTREAM_BATCH_CONCURRENCY = '1';
    try {
      await expect(onEvent(createEvent(props(pool(250))), { getRemainingTimeInMillis: () => remaining }))
        .rejects.toThrow(/Ran out of time to associate users with stack my-stack \(50 of 250 processed\)\. Changes made by this request were undone/);
    } finally {
      delete process.env.APPSTREAM_BATCH_CONCURRENCY;
    }
    expect(appstream).toHaveReceivedCommandTimes(BatchAssociateUserStackCommand, 2);
    expect(state.users()).toEqual([]);
  });
});

describe('SendEmailNotification', () => {
  test.each([
    ['true', true],
    ['false', false],
    [undefined, false],
  ])('%s sets the flag on USERPOOL entries only: %s', async (value, expected) => {
    appstream.on(DescribeUserStackAssociationsCommand).resolves({ UserStackAssociations: [] });
    appstream.on(BatchAssociateUserStackCommand).resolves({ errors: [] });
    const extra = value === undefined ? {} : { SendEmailNotification: value };

    await onEvent(createEvent(props([pool(1)[0], saml('alice')], extra)));

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

    await expect(onEvent(createEvent(props(users)))).resolves.toEqual({ PhysicalResourceId: `${STACK}/${LOGICAL_ID}`, Data: { UserCount: 2 } });

    expect(sent(BatchAssociateUserStackCommand)).toEqual([entries(users)]);
    expect(state.users()).toEqual(keys(users));
  });

  test('repeated users are sent once', async () => {
    const state = new MockState(STACK);
    const response = await onEvent(createEvent(props([...pool(2), ...pool(2), saml('user0@example.com')])));
    expect(response.Data).toEqual({ UserCount: 3 });
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

    const response = await onEvent(createEvent({ StackName: STACK, UsersBucket: 'assets', UsersKey: 'users.json' }));

    expect(s3).toHaveReceivedCommandWith(GetObjectCommand, { Bucket: 'assets', Key: 'users.json' });
    expect(response.Data).toEqual({ UserCount: 60 });
    expect(state.users()).toEqual(keys(users));
  });

  test('update diffs the old and the new object', async () => {
    const state = new MockState(STACK);
    state.set(STACK, pool(60));
    s3.on(GetObjectCommand, { Key: 'old.json' }).resolves(body(JSON.stringify(pool(60))));
    s3.on(GetObjectCommand, { Key: 'new.json' }).resolves(body(JSON.stringify(pool(50))));

    await onEvent(updateEvent({ StackName: STACK, UsersBucket: 'b', UsersKey: 'new.json' }, { StackName: STACK, UsersBucket: 'b', UsersKey: 'old.json' }));

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

    const response = await onEvent(updateEvent(props(desired), props(old)));

    expect(response).toEqual({ PhysicalResourceId: `${STACK}/${LOGICAL_ID}`, Data: { UserCount: 90 } });
    expect(sent(BatchAssociateUserStackCommand)).toEqual([entries(pool(25, 'new')), entries(pool(40, 'new').slice(25))]);
    expect(sent(BatchDisassociateUserStackCommand)).toEqual([entries(old.slice(0, 25)), entries(old.slice(25, 30))]);
    expect(state.users()).toEqual(keys(desired));
  });

  test('no change makes no batch call', async () => {
    const state = new MockState(STACK);
    state.set(STACK, pool(10));

    await onEvent(updateEvent(props(pool(10), { SendEmailNotification: 'true' }), props(pool(10))));

    expect(appstream).toHaveReceivedCommandTimes(DescribeUserStackAssociationsCommand, 1);
    expect(appstream).toHaveReceivedCommandTimes(BatchAssociateUserStackCommand, 0);
    expect(appstream).toHaveReceivedCommandTimes(BatchDisassociateUserStackCommand, 0);
  });

  test('restores associations removed by hand and never removes users it did not list', async () => {
    const state = new MockState(STACK);
    const users = pool(10);
    state.set(STACK, [...users.slice(2), saml('manual')]); // 0 and 1 removed by hand, one added by hand

    await onEvent(updateEvent(props(users.slice(0, 9)), props(users)));

    expect(sent(BatchAssociateUserStackCommand)).toEqual([entries(users.slice(0, 2))]);
    expect(sent(BatchDisassociateUserStackCommand)).toEqual([entries([users[9]])]);
    expect(state.users()).toEqual(keys([...users.slice(0, 9), saml('manual')]));
  });

  test('a repeated update converges', async () => {
    const state = new MockState(STACK);
    state.set(STACK, pool(5));
    const event = updateEvent(props(pool(7)), props(pool(5)));

    await onEvent(event);
    await onEvent(event);

    expect(sent(BatchAssociateUserStackCommand)).toHaveLength(1);
    expect(state.users()).toEqual(keys(pool(7)));
  });

  test('a changed stack is a replacement: new physical id, the new stack gets every user, the old one is untouched', async () => {
    const state = new MockState(STACK, 'other-stack');
    state.set(STACK, pool(5));

    const response = await onEvent(updateEvent(props(pool(5), {}, 'other-stack'), props(pool(5))));

    expect(response).toEqual({ PhysicalResourceId: `other-stack/${LOGICAL_ID}`, Data: { UserCount: 5 } });
    expect(appstream).toHaveReceivedCommandWith(DescribeUserStackAssociationsCommand, { StackName: 'other-stack' });
    expect(sent(BatchAssociateUserStackCommand)).toEqual([entries(pool(5), 'other-stack')]);
    expect(appstream).toHaveReceivedCommandTimes(BatchDisassociateUserStackCommand, 0);
    expect(state.users(STACK)).toEqual(keys(pool(5)));
    expect(state.users('other-stack')).toEqual(keys(pool(5)));
  });

  test('a failed update undoes its own changes', async () => {
    const state = new MockState(STACK);
    const old = pool(4);
    state.set(STACK, old);
    const desired = [old[0], saml('newcomer')];
    state.failing.set(old[3].UserName, 'INTERNAL_ERROR');

    await expect(onEvent(updateEvent(props(desired), props(old)))).rejects.toThrow(
      /Failed to disassociate 1 of 3 user\(s\) from stack my-stack \(INTERNAL_ERROR x1\): user3@example.com \(USERPOOL\): INTERNAL_ERROR\. Changes made by this request were undone/);

    expect(state.users()).toEqual(keys(old));
  });
});

describe('delete', () => {
  test('disassociates exactly the listed users, in chunks of 25', async () => {
    const state = new MockState(STACK);
    const users = pool(60);
    state.set(STACK, [...users, saml('outsider')]);

    const response = await onEvent(deleteEvent(props(users)));

    expect(response).toEqual({ PhysicalResourceId: `${STACK}/${LOGICAL_ID}` });
    expect(sent(BatchDisassociateUserStackCommand)).toEqual([entries(users.slice(0, 25)), entries(users.slice(25, 50)), entries(users.slice(50))]);
    expect(appstream).toHaveReceivedCommandTimes(DescribeUserStackAssociationsCommand, 0);
    expect(state.users()).toEqual(keys([saml('outsider')]));
  });

  test('a missing stack or user is fine (per-entry codes and ResourceNotFoundException)', async () => {
    appstream.on(BatchDisassociateUserStackCommand)
      .resolvesOnce({ errors: [{ UserStackAssociation: entries(pool(1))[0], ErrorCode: 'USER_NAME_NOT_FOUND' }] })
      .resolvesOnce({ errors: entries(pool(50).slice(25)).map((e) => ({ UserStackAssociation: e, ErrorCode: 'STACK_NOT_FOUND' })) })
      .rejectsOnce(Object.assign(new Error('gone'), { name: 'ResourceNotFoundException' }));
    process.env.APPSTREAM_BATCH_CONCURRENCY = '1';
    try {
      await expect(onEvent(deleteEvent(props(pool(60))))).resolves.toEqual({ PhysicalResourceId: `${STACK}/${LOGICAL_ID}` });
    } finally {
      delete process.env.APPSTREAM_BATCH_CONCURRENCY;
    }
    expect(appstream).toHaveReceivedCommandTimes(BatchDisassociateUserStackCommand, 3);
  });

  test('other per-entry errors fail the delete', async () => {
    const state = new MockState(STACK);
    state.set(STACK, pool(3));
    state.failing.set(pool(3)[2].UserName, 'DIRECTORY_NOT_FOUND');

    await expect(onEvent(deleteEvent(props(pool(3))))).rejects.toThrow(
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

    await expect(onEvent(deleteEvent(props(pool(3)), id))).resolves.toEqual({ PhysicalResourceId: id });

    expect(appstream.calls()).toHaveLength(0);
    expect(state.users()).toEqual(keys(pool(3)));
  });

  test('a delete after a create that failed on invalid properties succeeds without reading them', async () => {
    const invalid = { ServiceToken: 'arn:token', StackName: STACK, UsersBucket: 'bucket', UsersKey: 'gone.json', Users: pool(1) };

    await expect(onEvent(deleteEvent(invalid, 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED')))
      .resolves.toEqual({ PhysicalResourceId: 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED' });
    await expect(onEvent(deleteEvent({ ServiceToken: 'arn:token' }, 'req'))).resolves.toEqual({ PhysicalResourceId: 'req' });

    expect(appstream.calls()).toHaveLength(0);
    expect(s3.calls()).toHaveLength(0);
  });

  test('a repeated delete succeeds', async () => {
    const state = new MockState(STACK);
    state.set(STACK, pool(3));
    await onEvent(deleteEvent(props(pool(3))));
    await onEvent(deleteEvent(props(pool(3))));
    expect(state.users()).toEqual([]);
  });
});

describe('planner', () => {
  const u = (name: string, type = 'USERPOOL'): UserEntry => ({ UserName: name, AuthenticationType: type });

  test('keys are case-sensitive and include the authentication type', () => {
    const plan = planCreate([u('A@x.com'), u('a@x.com'), u('bob', 'SAML')], [u('a@x.com'), u('bob', 'API')]);
    expect(plan.toAssociate).toEqual([u('A@x.com'), u('bob', 'SAML')]);
    expect(plan.alreadyAssociated).toEqual([u('a@x.com')]);
  });

  test('update removes only what the old list had', () => {
    const plan = planUpdate([u('a'), u('b')], [u('b'), u('c')], [u('b'), u('z')]);
    expect(plan).toEqual({ toAssociate: [u('c')], toDisassociate: [u('a')] });
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
