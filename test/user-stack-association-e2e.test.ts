/**
 * The user-stack-association handler with the real AWS SDK against the local fake AppStream
 * endpoint: protocol, pagination, error parsing and the retry policy exercised for real.
 */
import { onEvent } from '../lambda/user-stack-association';
import { FakeAppStream, FakeServiceError, type FaultName, useFakeEndpoint } from './fake-appstream/server';
import { associationEvents, type FakeUser, registerUserOperations, userPoolUsers as pool, type UserStackState } from './fake-appstream/users';

const STACK = 'e2e-stack';
const saved = { ...process.env };
let fake: FakeAppStream;
let state: UserStackState;

const keys = (users: FakeUser[]) => users.map((u) => `${u.AuthenticationType}/${u.UserName}`).sort();
const current = (stack = STACK) => keys(state.associated(stack));

const events = associationEvents(STACK);
const create = (users: FakeUser[]) => onEvent(events.create(users));
const update = (users: FakeUser[], old: FakeUser[]) => onEvent(events.update(users, old));
const remove = (users: FakeUser[], physicalId?: string) => onEvent(events.delete(users, physicalId));

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

describe('repeated and interrupted events converge', () => {
  const outsider: FakeUser = { UserName: 'outsider', AuthenticationType: 'SAML' };

  test('a repeated create answers the same id and associates only what is missing', async () => {
    const users = pool(60);
    const first = await create(users);
    fake.resetCalls();

    await expect(create(users)).resolves.toEqual(first);

    expect(fake.count('BatchAssociateUserStack')).toBe(0);
    expect(current()).toEqual(keys(users));
  });

  test('an update retried after a partial run (half added, half removed) converges and keeps outsiders', async () => {
    const old = pool(60);
    const desired = [...old.slice(30), ...pool(40, 'new')];
    // The first attempt died after adding 20 of the new users and removing 10 of the old ones.
    state.associate(STACK, [outsider, ...old.slice(10), ...pool(20, 'new')]);

    await expect(update(desired, old)).resolves.toEqual({ PhysicalResourceId: events.physicalId, Data: { UserCount: 70 } });

    expect(current()).toEqual(keys([outsider, ...desired]));
    expect(fake.count('BatchAssociateUserStack')).toBe(1); // the 20 new users still missing
    expect(fake.count('BatchDisassociateUserStack')).toBe(2); // every user of old − new, present or not
  });

  test('a repeated delete succeeds and keeps outsiders', async () => {
    state.associate(STACK, [outsider, ...pool(30)]);
    await remove(pool(30));
    await expect(remove(pool(30))).resolves.toEqual({ PhysicalResourceId: events.physicalId });
    expect(current()).toEqual(keys([outsider]));
  });

  test('the Delete that follows a failed create (framework marker as physical id) disassociates nothing', async () => {
    state.associate(STACK, pool(30));
    state.failUser('user35@example.com', { code: 'DIRECTORY_NOT_FOUND' });
    try {
      await expect(create(pool(40))).rejects.toThrow(/DIRECTORY_NOT_FOUND/);
    } finally {
      state.unfailUser('user35@example.com');
    }
    fake.resetCalls();

    const marker = 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED';
    await expect(remove(pool(40), marker)).resolves.toEqual({ PhysicalResourceId: marker });

    expect(fake.calls).toHaveLength(0);
    expect(current()).toEqual(keys(pool(30))); // the pre-existing associations, nothing of the failed create
  });
});
