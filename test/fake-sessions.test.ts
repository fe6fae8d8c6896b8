/**
 * The fake endpoint's session operations answer as AWS does, never friendlier: what the API model
 * refuses, the fake refuses, and an expired session stays visible while reads lag.
 */
import { AppStreamClient, CreateStreamingURLCommand, DescribeSessionsCommand, ExpireSessionCommand } from '@aws-sdk/client-appstream';
import { FakeAppStream } from './fake-appstream/server';
import { registerSessionOperations, SessionState } from './fake-appstream/sessions';

let fake: FakeAppStream;
let client: AppStreamClient;
let state: SessionState;
let now: number;

beforeAll(async () => {
  fake = new FakeAppStream();
  const endpoint = await fake.start();
  client = new AppStreamClient({ endpoint, region: 'us-east-1', maxAttempts: 1, credentials: { accessKeyId: 'fake', secretAccessKey: 'fake' } });
});

afterAll(async () => {
  client.destroy();
  await fake.stop();
});

beforeEach(() => {
  now = 1_000_000;
  state = registerSessionOperations(fake, new SessionState(() => now)).addStackAndFleet('stack', 'fleet', ['Excel']);
});

const url = (input: Record<string, unknown>) => client.send(new CreateStreamingURLCommand({ StackName: 'stack', FleetName: 'fleet', UserId: 'user-1', ...input }));

test('CreateStreamingURL answers a URL valid for the validity asked (60 s by default)', async () => {
  const before = Math.floor(Date.now() / 1000);
  const answer = await url({});
  expect(answer.StreamingURL).toMatch(/^https:\/\/appstream2\.us-east-1\.aws\.amazon\.com\/authenticate\?parameters=/);
  expect(answer.Expires!.getTime() / 1000).toBeGreaterThanOrEqual(before + 60);
  expect(state.issued).toEqual([expect.objectContaining({ UserId: 'user-1', Validity: 60 })]);
});

test.each([
  ['a user id of 33 characters', { UserId: 'u'.repeat(33) }, 'ValidationException'],
  ['a user id of 1 character', { UserId: 'u' }, 'ValidationException'],
  ['a user id with a space', { UserId: 'user one' }, 'ValidationException'],
  ['validity 0', { Validity: 0 }, 'ValidationException'],
  ['validity above 604800', { Validity: 604_801 }, 'ValidationException'],
  ['a stack that does not exist', { StackName: 'nope' }, 'ResourceNotFoundException'],
  ["a fleet that is not the stack's", { FleetName: 'other' }, 'InvalidParameterCombinationException'],
  ['an application the fleet does not offer', { ApplicationId: 'Word' }, 'ResourceNotFoundException'],
])('CreateStreamingURL refuses %s', async (_name, input, error) => {
  await expect(url(input)).rejects.toMatchObject({ name: error });
});

test('CreateStreamingURL on a fleet that is not running: ResourceNotAvailableException', async () => {
  state.fleets.get('fleet')!.running = false;
  await expect(url({})).rejects.toMatchObject({ name: 'ResourceNotAvailableException' });
});

test('DescribeSessions refuses a user id without authentication type, and pages beyond 50', async () => {
  await expect(client.send(new DescribeSessionsCommand({ StackName: 'stack', FleetName: 'fleet', UserId: 'user-1' })))
    .rejects.toMatchObject({ name: 'InvalidParameterCombinationException' });
  await expect(client.send(new DescribeSessionsCommand({ StackName: 'stack', FleetName: 'fleet', Limit: 51 })))
    .rejects.toMatchObject({ name: 'ValidationException' });
  await expect(client.send(new DescribeSessionsCommand({ StackName: 'stack', FleetName: 'fleet', NextToken: 'forged' })))
    .rejects.toMatchObject({ name: 'InvalidParameterCombinationException' });
});

test('DescribeSessions pages 20 by default, API sessions unless told otherwise', async () => {
  for (let i = 0; i < 25; i++) {
    state.startSession('stack', 'fleet', `user-${i}`);
  }
  state.startSession('stack', 'fleet', 'saml-user', 'SAML');
  const first = await client.send(new DescribeSessionsCommand({ StackName: 'stack', FleetName: 'fleet' }));
  expect(first.Sessions).toHaveLength(20);
  const second = await client.send(new DescribeSessionsCommand({ StackName: 'stack', FleetName: 'fleet', NextToken: first.NextToken }));
  expect(second.Sessions).toHaveLength(5);
  expect(second.NextToken).toBeUndefined();
  const saml = await client.send(new DescribeSessionsCommand({ StackName: 'stack', FleetName: 'fleet', AuthenticationType: 'SAML' }));
  expect(saml.Sessions!.map((s) => s.UserId)).toEqual(['saml-user']);
});

test('an expired session still shows while reads lag; ExpireSession of an unknown or ended session succeeds', async () => {
  state.setReadLag(1_000);
  const id = state.startSession('stack', 'fleet', 'user-1');
  await client.send(new ExpireSessionCommand({ SessionId: id }));
  expect(state.isActive(id)).toBe(false);
  const during = await client.send(new DescribeSessionsCommand({ StackName: 'stack', FleetName: 'fleet' }));
  expect(during.Sessions!.map((s) => s.Id)).toEqual([id]);
  now += 1_000;
  const after = await client.send(new DescribeSessionsCommand({ StackName: 'stack', FleetName: 'fleet' }));
  expect(after.Sessions).toEqual([]);
  await client.send(new ExpireSessionCommand({ SessionId: id }));
  await client.send(new ExpireSessionCommand({ SessionId: 'unknown' }));
});

test('beyond its rate it rejects, and never queues', async () => {
  fake.setRateLimit({ requestsPerSecond: 1, burst: 1 });
  try {
    const answers = await Promise.allSettled([url({}), url({}), url({})]);
    expect(answers.map((a) => a.status).sort()).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(answers.filter((a) => a.status === 'rejected').map((a) => (a as PromiseRejectedResult).reason.name)).toEqual(['ThrottlingException', 'ThrottlingException']);
  } finally {
    fake.setRateLimit(undefined);
  }
});
