/**
 * The user-stack-association handler, through the one provider handler (`lambda/provider`) and an
 * emulator of the provider framework's polling, with the real AWS SDK against the local fake
 * AppStream endpoint: protocol, pagination, error parsing, the rate limiter and the continuation
 * across polls exercised for real. The fake rejects requests beyond its rate in every test, as AWS does.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { isComplete, onEvent } from '../lambda/provider';
import { FakeAppStream, FakeServiceError, type FaultName, useFakeEndpoint } from './fake-appstream/server';
import { associationEvents, type FakeUser, registerUserOperations, userPoolUsers as pool, type UserStackState } from './fake-appstream/users';
import { type FrameworkOptions, type FrameworkResult, runCustomResource } from './util/provider-framework';

const STACK = 'e2e-stack';
const saved = { ...process.env };
let fake: FakeAppStream;
let state: UserStackState;
let endpoint: string;

const keys = (users: FakeUser[]) => users.map((u) => `${u.AuthenticationType}/${u.UserName}`).sort();
const current = (stack = STACK) => keys(state.associated(stack));
const outsider: FakeUser = { UserName: 'outsider', AuthenticationType: 'SAML' };

const events = associationEvents(STACK);
/** Polls every 5 ms, for up to 4 s; each invocation may run 61 s, so its deadline (60 s before the end) is 1 s away. */
const FRAMEWORK: FrameworkOptions = { queryIntervalMs: 5, totalTimeoutMs: 4_000, invocationTimeoutMs: 61_000 };

function deploy(event: CloudFormationCustomResourceEvent, options: Partial<FrameworkOptions> = {}): Promise<FrameworkResult> {
  return runCustomResource({ onEvent, isComplete }, event, { ...FRAMEWORK, ...options });
}
const create = (users: FakeUser[]) => deploy(events.create(users));
const update = (users: FakeUser[], old: FakeUser[]) => deploy(events.update(users, old));
const remove = (users: FakeUser[], physicalId?: string) => deploy(events.delete(users, physicalId));
/** The Delete of CloudFormation's rollback after a failed create. */
const rollback = (users: FakeUser[], failed: FrameworkResult) => remove(users, failed.PhysicalResourceId);

beforeAll(async () => {
  fake = new FakeAppStream();
  state = registerUserOperations(fake);
  endpoint = await fake.start();
});

afterAll(async () => {
  await fake.stop();
  process.env = saved;
});

beforeEach(() => {
  useFakeEndpoint(endpoint); // and a fresh rate limiter in the handlers
  fake.resetCalls();
  fake.clearFaults();
  fake.setRateLimit({ requestsPerSecond: 400, burst: 20 });
  state.setReadLag(0);
  state.deleteStack(STACK);
  state.addStack(STACK);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

test('create, update, delete against the endpoint with pagination and pre-existing users', async () => {
  state.associate(STACK, [outsider, ...pool(10)]);
  const users = pool(1100);

  const created = await create(users);
  expect(created).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `${STACK}/Users`, Data: { UserCount: 1100 } });
  expect(fake.count('DescribeUserStackAssociations', 'ok')).toBe(2); // 11 associations: one page, in onEvent and in the poll
  expect(fake.count('BatchAssociateUserStack', 'ok')).toBe(Math.ceil(1090 / 25));
  expect(current()).toEqual(keys([...users, outsider]));

  fake.resetCalls();
  const updated = [...users.slice(50), ...pool(100, 'new')];
  await expect(update(updated, users)).resolves.toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `${STACK}/Users` });
  expect(fake.count('DescribeUserStackAssociations', 'ok')).toBe(3); // 1101 associations: three pages of 500
  expect(fake.count('BatchAssociateUserStack', 'ok')).toBe(4);
  expect(fake.count('BatchDisassociateUserStack', 'ok')).toBe(2);
  expect(current()).toEqual(keys([...updated, outsider]));

  fake.resetCalls();
  await expect(remove(updated)).resolves.toMatchObject({ Status: 'SUCCESS' });
  expect(fake.count('BatchDisassociateUserStack', 'ok')).toBe(Math.ceil(1150 / 25));
  expect(current()).toEqual(keys([outsider]));
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
  test('create converges, no batch call succeeds twice', async () => {
    fake.injectFault('DescribeUserStackAssociations', fault, 2);
    fake.injectFault('BatchAssociateUserStack', fault, 3);
    const users = pool(80);

    await expect(create(users)).resolves.toMatchObject({ Status: 'SUCCESS', Data: { UserCount: 80 } });

    expect(current()).toEqual(keys(users));
    const applied = fault === 'lostResponse' ? 3 : 0; // applied, then the answer lost: sent again
    expect(fake.count('BatchAssociateUserStack', 'ok') + applied).toBe(4 + applied);
  });

  test('update and delete converge', async () => {
    const old = pool(60);
    state.associate(STACK, old);
    const desired = [...old.slice(20), ...pool(30, 'new')];
    fake.injectFault('BatchAssociateUserStack', fault, 2);
    fake.injectFault('BatchDisassociateUserStack', fault, 2);

    await expect(update(desired, old)).resolves.toMatchObject({ Status: 'SUCCESS' });
    expect(current()).toEqual(keys(desired));

    fake.injectFault('*', fault, 2);
    await expect(remove(desired)).resolves.toMatchObject({ Status: 'SUCCESS' });
    expect(current()).toEqual([]);
  });
});

test('beyond the endpoint\'s rate, requests are rejected; the handler slows to what is admitted and loses nothing', async () => {
  fake.setRateLimit({ requestsPerSecond: 40, burst: 5, rejectWith: 'RequestLimitExceededException' });
  useFakeEndpoint(endpoint, { retryBaseDelayMs: 1, initialRequestRate: 200 }); // starts far too fast

  const result = await create(pool(2500));

  expect(result.Status).toBe('SUCCESS');
  expect(current()).toEqual(keys(pool(2500)));
  expect(fake.count('BatchAssociateUserStack', 'ok')).toBe(100);
  expect(fake.count(undefined, 'throttled')).toBeGreaterThan(0);
  // the rate came down: far fewer rejected than admitted requests
  expect(fake.count(undefined, 'throttled')).toBeLessThan(fake.count(undefined, 'ok'));
});

test('a server error on every attempt: each poll ends at its deadline, the provider times out, the rollback removes what the create made', async () => {
  state.associate(STACK, [outsider]);
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
  let failed: FrameworkResult;
  try {
    failed = await deploy(events.create(users), { queryIntervalMs: 5, totalTimeoutMs: 2_500 });
  } finally {
    registerUserOperations(fake, state);
  }

  expect(failed).toMatchObject({ Status: 'FAILED', Reason: 'Operation timed out' });
  expect(failed.polls).toBeGreaterThan(1); // each poll ended at its 1 s deadline
  expect(associateCalls).toBeGreaterThan(10); // retried until each poll's deadline, not a fixed number of times
  expect(current().length).toBeGreaterThan(1);

  await expect(rollback(users, failed)).resolves.toMatchObject({ Status: 'SUCCESS' });
  expect(current()).toEqual(keys([outsider]));
});

test('per-entry errors fail the create and name the users; the rollback leaves what was there before', async () => {
  state.associate(STACK, [pool(1)[0], outsider]);
  state.failUser('user7@example.com');
  state.failUser('user8@example.com', { code: 'DIRECTORY_NOT_FOUND' });
  const users = pool(40);

  const failed = await create(users);

  expect(failed.Status).toBe('FAILED');
  expect(failed.Reason).toBe(
    'Failed to associate 2 of 39 user(s) with stack e2e-stack (USER_NAME_NOT_FOUND x1, DIRECTORY_NOT_FOUND x1): '
    + 'user7@example.com (USERPOOL): USER_NAME_NOT_FOUND, user8@example.com (USERPOOL): DIRECTORY_NOT_FOUND. '
    + 'CloudFormation\'s rollback removes the associations this create made');
  await expect(rollback(users, failed)).resolves.toMatchObject({ Status: 'SUCCESS' });
  expect(current()).toEqual(keys([pool(1)[0], outsider]));
  state.unfailUser('user7@example.com');
  state.unfailUser('user8@example.com');
});

test('delete of a stack that no longer exists succeeds without a batch call', async () => {
  state.deleteStack(STACK);
  await expect(remove(pool(30))).resolves.toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `${STACK}/Users` });
  expect(fake.count('BatchDisassociateUserStack')).toBe(0);
});

describe('repeated, interrupted and lagging work converges', () => {
  test('a repeated create answers the same id and associates only what is missing', async () => {
    const users = pool(60);
    const first = await create(users);
    fake.resetCalls();

    await expect(create(users)).resolves.toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: first.PhysicalResourceId });

    expect(fake.count('BatchAssociateUserStack')).toBe(0);
    expect(current()).toEqual(keys(users));
  });

  test('an update retried after a partial run (half added, half removed) converges and keeps outsiders', async () => {
    const old = pool(60);
    const desired = [...old.slice(30), ...pool(40, 'new')];
    // The first attempt died after adding 20 of the new users and removing 10 of the old ones.
    state.associate(STACK, [outsider, ...old.slice(10), ...pool(20, 'new')]);

    await expect(update(desired, old)).resolves.toMatchObject({ Status: 'SUCCESS', Data: { UserCount: 70 } });

    expect(current()).toEqual(keys([outsider, ...desired]));
    expect(fake.count('BatchAssociateUserStack', 'ok')).toBe(1); // the 20 new users still missing
    expect(fake.count('BatchDisassociateUserStack', 'ok')).toBe(1); // the 20 of old − new still there
  });

  test('a repeated delete succeeds and keeps outsiders', async () => {
    state.associate(STACK, [outsider, ...pool(30)]);
    await remove(pool(30));
    await expect(remove(pool(30))).resolves.toMatchObject({ Status: 'SUCCESS' });
    expect(current()).toEqual(keys([outsider]));
  });

  test('the Delete that follows a failed onEvent (framework marker as physical id) disassociates nothing', async () => {
    state.associate(STACK, pool(30));
    const marker = 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED';
    fake.resetCalls();

    await expect(remove(pool(40), marker)).resolves.toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: marker });

    expect(fake.calls).toHaveLength(0);
    expect(current()).toEqual(keys(pool(30)));
  });

  test('with reads that lag writes and polls that are lost or repeated, the lifecycle still converges', async () => {
    state.setReadLag(20);
    state.associate(STACK, [outsider]);
    const users = pool(300);
    const hooks = { losePoll: (poll: number) => poll === 1, repeatPoll: (poll: number) => poll === 2, queryIntervalMs: 50, totalTimeoutMs: 2_000 };

    await expect(deploy(events.create(users), hooks)).resolves.toMatchObject({ Status: 'SUCCESS' });
    expect(current()).toEqual(keys([outsider, ...users]));

    const desired = [...users.slice(100), ...pool(50, 'new')];
    await expect(deploy(events.update(desired, users), hooks)).resolves.toMatchObject({ Status: 'SUCCESS' });
    expect(current()).toEqual(keys([outsider, ...desired]));

    await expect(deploy(events.delete(desired), hooks)).resolves.toMatchObject({ Status: 'SUCCESS' });
    expect(current()).toEqual(keys([outsider]));
  });
});
