/**
 * The user-stack-association handler with the real AWS SDK against the local fake AppStream
 * endpoint: protocol, pagination, error parsing and the retry policy exercised for real.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { onEvent } from '../lambda/user-stack-association';
import { FakeAppStream, FakeServiceError, type FaultName, useFakeEndpoint } from './fake-appstream/server';
import { registerUserOperations, type UserStackState } from './fake-appstream/users';

const STACK = 'e2e-stack';
const saved = { ...process.env };
let fake: FakeAppStream;
let state: UserStackState;

const pool = (n: number, prefix = 'user') =>
  Array.from({ length: n }, (_, i) => ({ UserName: `${prefix}${i}@example.com`, AuthenticationType: 'USERPOOL' }));
const keys = (users: { UserName: string; AuthenticationType: string }[]) => users.map((u) => `${u.AuthenticationType}/${u.UserName}`).sort();
const current = (stack = STACK) => keys(state.associated(stack));

const common = {
  ServiceToken: 'arn:token',
  ResponseURL: 'https://example.com/r',
  StackId: 'arn:stack',
  RequestId: 'r',
  LogicalResourceId: 'Users',
  ResourceType: 'Custom::AppStreamUserStackAssociation',
};
const props = (users: object[], stackName = STACK) => ({ ServiceToken: 'arn:token', StackName: stackName, Users: users });
const create = (users: object[]) => onEvent({ ...common, RequestType: 'Create', ResourceProperties: props(users) } as CloudFormationCustomResourceEvent);
const update = (users: object[], old: object[]) => onEvent({
  ...common, RequestType: 'Update', PhysicalResourceId: `${STACK}/Users`, ResourceProperties: props(users), OldResourceProperties: props(old),
} as CloudFormationCustomResourceEvent);
const remove = (users: object[]) => onEvent({
  ...common, RequestType: 'Delete', PhysicalResourceId: `${STACK}/Users`, ResourceProperties: props(users),
} as CloudFormationCustomResourceEvent);

beforeAll(async () => {
  fake = new FakeAppStream();
  state = registerUserOperations(fake);
  const endpoint = await fake.start();
  useFakeEndpoint(endpoint);
});

afterAll(async () => {
  await fake.stop();
  process.env = saved;
});

beforeEach(() => {
  fake.resetCalls();
  fake.clearFaults();
  state.deleteStack(STACK);
  state.addStack(STACK);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

test('create, update, delete against the endpoint with pagination and pre-existing users', async () => {
  state.associate(STACK, [{ UserName: 'outsider', AuthenticationType: 'SAML' }, ...pool(10)]);
  const users = pool(1100);

  const created = await create(users);
  expect(created).toEqual({ PhysicalResourceId: `${STACK}/Users`, Data: { UserCount: 1100 } });
  expect(fake.count('DescribeUserStackAssociations')).toBe(1); // 11 associations: one page
  expect(fake.count('BatchAssociateUserStack')).toBe(Math.ceil(1090 / 25));
  expect(current()).toEqual(keys([...users, { UserName: 'outsider', AuthenticationType: 'SAML' }]));

  fake.resetCalls();
  const updated = [...users.slice(50), ...pool(100, 'new')];
  await update(updated, users);
  expect(fake.count('DescribeUserStackAssociations')).toBe(3); // 1101 associations: three pages of 500
  expect(fake.count('BatchAssociateUserStack')).toBe(4);
  expect(fake.count('BatchDisassociateUserStack')).toBe(2);
  expect(current()).toEqual(keys([...updated, { UserName: 'outsider', AuthenticationType: 'SAML' }]));

  fake.resetCalls();
  await remove(updated);
  expect(fake.count('BatchDisassociateUserStack')).toBe(Math.ceil(1150 / 25));
  expect(current()).toEqual(keys([{ UserName: 'outsider', AuthenticationType: 'SAML' }]));
});

describe.each<FaultName>([
  'ThrottlingException',
  'RequestLimitExceededException',
  'ConcurrentModificationException',
  'http500',
  'http503',
  'drop',
  'lostResponse',
])('%s', (fault) => {
  test('create converges', async () => {
    fake.injectFault('DescribeUserStackAssociations', fault, 2);
    fake.injectFault('BatchAssociateUserStack', fault, 3);
    const users = pool(80);

    await expect(create(users)).resolves.toEqual({ PhysicalResourceId: `${STACK}/Users`, Data: { UserCount: 80 } });

    expect(current()).toEqual(keys(users));
    expect(fake.count('DescribeUserStackAssociations')).toBe(3);
    expect(fake.count('BatchAssociateUserStack')).toBe(4 + 3);
  });

  test('update and delete converge', async () => {
    const old = pool(60);
    state.associate(STACK, old);
    const desired = [...old.slice(20), ...pool(30, 'new')];
    fake.injectFault('BatchAssociateUserStack', fault, 2);
    fake.injectFault('BatchDisassociateUserStack', fault, 2);

    await update(desired, old);
    expect(current()).toEqual(keys(desired));

    fake.injectFault('*', fault, 2);
    await remove(desired);
    expect(current()).toEqual([]);
  });
});

test('a server error on every attempt fails after the attempts cap, and the create rolls back', async () => {
  const users = pool(30);
  let associateCalls = 0;
  fake.register('BatchAssociateUserStack', (input) => {
    associateCalls += 1;
    if (associateCalls > 1) {
      throw new FakeServiceError('InternalFailure', 'boom', 500);
    }
    state.associate(STACK, input.UserStackAssociations);
    return { errors: [] };
  });
  process.env.APPSTREAM_BATCH_CONCURRENCY = '1';
  try {
    await expect(create(users)).rejects.toThrow(
      /^Failed to associate users with stack e2e-stack: InternalFailure: boom\. Changes made by this request were undone$/);
  } finally {
    delete process.env.APPSTREAM_BATCH_CONCURRENCY;
    registerUserOperations(fake, state);
  }
  expect(associateCalls).toBe(1 + 8); // the second chunk: 8 attempts, the default cap
  expect(fake.count('BatchDisassociateUserStack')).toBe(1);
  expect(current()).toEqual([]);
});

test('per-entry errors fail the create, leave nothing behind, and name the users', async () => {
  state.associate(STACK, [pool(1)[0]]);
  state.failUser('user7@example.com');
  state.failUser('user8@example.com', { code: 'DIRECTORY_NOT_FOUND' });

  await expect(create(pool(40))).rejects.toThrow(
    'Failed to associate 2 of 39 user(s) with stack e2e-stack (USER_NAME_NOT_FOUND x1, DIRECTORY_NOT_FOUND x1): '
    + 'user7@example.com (USERPOOL): USER_NAME_NOT_FOUND, user8@example.com (USERPOOL): DIRECTORY_NOT_FOUND. Changes made by this request were undone');

  expect(current()).toEqual(keys([pool(1)[0]]));
  state.unfailUser('user7@example.com');
  state.unfailUser('user8@example.com');
});

test('delete of a stack that no longer exists succeeds', async () => {
  state.deleteStack(STACK);
  await expect(remove(pool(30))).resolves.toEqual({ PhysicalResourceId: `${STACK}/Users` });
  expect(fake.count('BatchDisassociateUserStack')).toBe(2);
});

test('the endpoint paces requests when rate-limited, and the handler absorbs rejections', async () => {
  fake.setRateLimit({ requestsPerSecond: 50, burst: 1, mode: 'reject' });
  process.env.APPSTREAM_RETRY_BASE_DELAY_MS = '20';
  try {
    await create(pool(200));
  } finally {
    fake.setRateLimit(undefined);
    process.env.APPSTREAM_RETRY_BASE_DELAY_MS = '1';
  }
  expect(current()).toEqual(keys(pool(200)));
  expect(fake.count('BatchAssociateUserStack', 'ok')).toBe(8);
  expect(fake.count(undefined, 'throttled')).toBeGreaterThan(0);
});
