import { DisableUserCommand, EnableUserCommand } from '@aws-sdk/client-appstream';
import { isComplete, onEvent, parseProps, physicalIdOf } from '../lambda/user-enabled';
import { resourceEvents } from './util/provider-framework';
import { strictAppStreamMock } from './util/strict-appstream-mock';
import { USER_ENABLED_RESOURCE_TYPE, USER_NOT_FOUND_GRACE_MS } from '../src/users/private/user-enabled-contract';

const appStream = strictAppStreamMock();
const events = resourceEvents({ resourceType: USER_ENABLED_RESOURCE_TYPE, logicalResourceId: 'AliceEnabled' });
const EMAIL = 'Alice.Smith@example.com';
const props = (enabled: string, userName = EMAIL) => ({ UserName: userName, AuthenticationType: 'USERPOOL', Enabled: enabled });
const PHYSICAL_ID = physicalIdOf(parseProps(props('false')));
const awsError = (name: string) => Object.assign(new Error(name), { name, $metadata: {} });
const input = { UserName: EMAIL, AuthenticationType: 'USERPOOL' as const };

test('Create with Enabled false disables the user', async () => {
  appStream.on(DisableUserCommand, input).resolves({});

  const result = await onEvent(events.create(props('false')));

  expect(result).toEqual({ PhysicalResourceId: PHYSICAL_ID, Data: { Applied: 'true', RequestedAt: expect.any(String) } });
  expect(appStream).toHaveReceivedCommandWith(DisableUserCommand, input);
  expect(await isComplete({ ...events.create(props('false')), ...result })).toEqual({ IsComplete: true });
});

test('the physical id names the user without its e-mail address; another user, another id', () => {
  expect(PHYSICAL_ID).toMatch(/^USERPOOL\/[0-9a-f]{32}$/);
  expect(PHYSICAL_ID).not.toContain('Alice');
  expect(physicalIdOf(parseProps(props('false', 'bob@example.com')))).not.toBe(PHYSICAL_ID);
});

test('Update flips the user; a repeated event sends the same idempotent call', async () => {
  appStream.on(EnableUserCommand, input).resolves({});

  await onEvent(events.update(PHYSICAL_ID, props('true'), props('false')));
  await onEvent(events.update(PHYSICAL_ID, props('true'), props('false')));

  expect(appStream).toHaveReceivedCommandTimes(EnableUserCommand, 2);
  expect(appStream).not.toHaveReceivedCommand(DisableUserCommand);
});

test('Delete enables the user again (AppStream\'s default)', async () => {
  appStream.on(EnableUserCommand, input).resolves({});

  expect((await onEvent(events.delete(PHYSICAL_ID, props('false')))).PhysicalResourceId).toBe(PHYSICAL_ID);
  expect(appStream).toHaveReceivedCommandTimes(EnableUserCommand, 1);
});

test('Delete of a user already gone succeeds', async () => {
  appStream.on(EnableUserCommand).rejects(awsError('ResourceNotFoundException'));

  expect((await onEvent(events.delete(PHYSICAL_ID, props('false')))).PhysicalResourceId).toBe(PHYSICAL_ID);
});

test('a user not found yet right after its creation: isComplete tries again, within the grace period', async () => {
  appStream.on(DisableUserCommand).rejectsOnce(awsError('ResourceNotFoundException')).resolves({});
  const event = events.create(props('false'));

  const result = await onEvent(event);
  expect(result.Data.Applied).toBe('false');

  expect(await isComplete({ ...event, ...result })).toEqual({ IsComplete: true });
  expect(appStream).toHaveReceivedCommandTimes(DisableUserCommand, 2);
});

test('a user still not found after the grace period fails the resource', async () => {
  appStream.on(DisableUserCommand).rejects(awsError('ResourceNotFoundException'));
  const event = events.create(props('false'));
  const result = await onEvent(event);

  expect(await isComplete({ ...event, ...result })).toEqual({ IsComplete: false });
  const late = { ...result, Data: { ...result.Data, RequestedAt: String(Date.now() - USER_NOT_FOUND_GRACE_MS - 1) } };
  await expect(isComplete({ ...event, ...late })).rejects.toThrow('User-pool user not found after 120 s: cannot disable it');
});

test.each(['ThrottlingException', 'RequestLimitExceededException'])('%s is retried', async (name) => {
  appStream.on(DisableUserCommand).rejectsOnce(awsError(name)).resolves({});

  expect((await onEvent(events.create(props('false')))).Data.Applied).toBe('true');
  expect(appStream).toHaveReceivedCommandTimes(DisableUserCommand, 2);
});

test('any other error fails the resource', async () => {
  appStream.on(EnableUserCommand).rejects(awsError('InvalidAccountStatusException'));

  await expect(onEvent(events.create(props('true')))).rejects.toThrow('InvalidAccountStatusException');
});

test('the log holds neither the user name nor the physical id', async () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  appStream.on(EnableUserCommand).resolves({});

  await onEvent(events.update(PHYSICAL_ID, props('true'), props('false')));

  const text = log.mock.calls.map((args) => args.join(' ')).join('\n');
  expect(text).toContain('Custom::AppStreamUserEnabled');
  expect(text).not.toContain(EMAIL);
  expect(text).not.toContain(PHYSICAL_ID);
});

test.each([
  [{ AuthenticationType: 'USERPOOL', Enabled: 'false' }, 'Missing property UserName'],
  [{ UserName: EMAIL, Enabled: 'maybe' }, 'Enabled must be "true" or "false", got "maybe"'],
])('refuses bad properties %#', async (properties, message) => {
  await expect(onEvent(events.create(properties))).rejects.toThrow(message);
});
