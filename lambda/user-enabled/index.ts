/**
 * Handler of `Custom::AppStreamUserEnabled`: keeps a user-pool user enabled or disabled
 * (EnableUser / DisableUser), after CloudFormation created or updated the `AWS::AppStream::User`
 * it depends on.
 *
 * - Create / Update: EnableUser or DisableUser (both idempotent, so a repeated event converges).
 *   A user that CloudFormation has just created may not be found at once: isComplete tries again
 *   for up to `USER_NOT_FOUND_GRACE_MS`, then fails naming the user.
 * - Delete: the user goes back to AppStream's default, enabled (the prop was removed, or the user
 *   is about to be deleted); a user already gone is fine.
 *
 * The user name is an e-mail address (the API marks it sensitive): it is never logged.
 */
import { createHash } from 'node:crypto';
import { DisableUserCommand, EnableUserCommand } from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import {
  USER_NOT_FOUND_GRACE_MS,
  UserEnabledAttributes,
  UserEnabledProps,
} from '../../src/users/private/user-enabled-contract';
import { appStreamCalls, type AppStreamCalls } from '../shared/appstream';
import { logEvent } from '../shared/log';
import { isNotFound } from '../shared/values';

/** What onEvent returns to the provider framework. */
export interface OnEventResponse {
  readonly PhysicalResourceId: string;
  readonly Data: Record<string, string>;
}

/** What isComplete receives: the CloudFormation event merged with onEvent's response. */
export type IsCompleteEvent = CloudFormationCustomResourceEvent & Partial<OnEventResponse>;

/** The user and the state to keep it in, parsed from the properties. */
export interface UserEnabledTarget {
  readonly userName: string;
  readonly authenticationType: string;
  readonly enabled: boolean;
}

export async function onEvent(event: CloudFormationCustomResourceEvent, context?: Partial<Context>): Promise<OnEventResponse> {
  logEvent(withoutUserNames(event));
  const calls = appStreamCalls(context);
  if (event.RequestType === 'Delete') {
    // A user already gone (apply answers false) has nothing to give back.
    await apply(calls, { ...parseProps(event.ResourceProperties), enabled: true });
    return answer(event.PhysicalResourceId, true, Date.now());
  }
  const target = parseProps(event.ResourceProperties);
  return answer(physicalIdOf(target), await apply(calls, target), Date.now());
}

export async function isComplete(event: IsCompleteEvent, context?: Partial<Context>): Promise<{ IsComplete: boolean }> {
  if (event.RequestType === 'Delete' || event.Data?.[UserEnabledAttributes.APPLIED] === 'true') {
    return { IsComplete: true };
  }
  const target = parseProps(event.ResourceProperties);
  if (await apply(appStreamCalls(context), target)) {
    return { IsComplete: true };
  }
  const requestedAt = Number(event.Data?.[UserEnabledAttributes.REQUESTED_AT] ?? '0');
  if (Date.now() - requestedAt < USER_NOT_FOUND_GRACE_MS) {
    return { IsComplete: false };
  }
  throw new Error(`User-pool user not found after ${USER_NOT_FOUND_GRACE_MS / 1000} s: cannot ${target.enabled ? 'enable' : 'disable'} it`);
}

/** EnableUser or DisableUser; false when the user is not found. */
async function apply(calls: AppStreamCalls, target: UserEnabledTarget): Promise<boolean> {
  const input = { UserName: target.userName, AuthenticationType: target.authenticationType as 'USERPOOL' };
  try {
    await calls.call((client) => target.enabled
      ? client.send(new EnableUserCommand(input))
      : client.send(new DisableUserCommand(input)));
    return true;
  } catch (error) {
    if (isNotFound(error)) {
      return false;
    }
    throw error;
  }
}

export function parseProps(props: Record<string, unknown>): UserEnabledTarget {
  const userName = props[UserEnabledProps.USER_NAME];
  if (typeof userName !== 'string' || userName.length === 0) {
    throw new Error(`Missing property ${UserEnabledProps.USER_NAME}`);
  }
  const enabled = String(props[UserEnabledProps.ENABLED]);
  if (enabled !== 'true' && enabled !== 'false') {
    throw new Error(`${UserEnabledProps.ENABLED} must be "true" or "false", got "${enabled}"`);
  }
  const authenticationType = String(props[UserEnabledProps.AUTHENTICATION_TYPE] ?? 'USERPOOL');
  return { userName, authenticationType, enabled: enabled === 'true' };
}

/**
 * One id per user, without the e-mail address in it (CloudFormation shows physical ids in its
 * events): a new user (a replaced `AWS::AppStream::User`) is a new resource.
 */
export function physicalIdOf(target: UserEnabledTarget): string {
  return `${target.authenticationType}/${createHash('sha256').update(target.userName).digest('hex').slice(0, 32)}`;
}

function answer(physicalResourceId: string, applied: boolean, requestedAt: number): OnEventResponse {
  return {
    PhysicalResourceId: physicalResourceId,
    Data: {
      [UserEnabledAttributes.APPLIED]: String(applied),
      [UserEnabledAttributes.REQUESTED_AT]: String(requestedAt),
    },
  };
}

/** The event with the user names masked, for the log. */
function withoutUserNames(event: CloudFormationCustomResourceEvent): CloudFormationCustomResourceEvent {
  const mask = (props: Record<string, unknown>) => ({ ...props, [UserEnabledProps.USER_NAME]: '(user name)' });
  return {
    ...event,
    ResourceProperties: mask(event.ResourceProperties),
    ...('OldResourceProperties' in event ? { OldResourceProperties: mask(event.OldResourceProperties) } : {}),
    ...('PhysicalResourceId' in event ? { PhysicalResourceId: '(user)' } : {}),
  } as unknown as CloudFormationCustomResourceEvent;
}
