/**
 * The contract between `User`'s `enabled` prop and its handler in `lambda/user-enabled/`: resource
 * type, property and attribute names, imported by both sides.
 */

/** Enables or disables a user-pool user (EnableUser / DisableUser; CloudFormation has no property for it). */
export const USER_ENABLED_RESOURCE_TYPE = 'Custom::AppStreamUserEnabled';

/** Properties. CloudFormation passes every scalar as a string. */
export const UserEnabledProps = {
  /** The user's e-mail address (case-sensitive). */
  USER_NAME: 'UserName',
  /** Always `USERPOOL`: the API asks for it. */
  AUTHENTICATION_TYPE: 'AuthenticationType',
  /** "true" to enable the user, "false" to disable it. */
  ENABLED: 'Enabled',
} as const;

/** Attributes onEvent passes to isComplete. */
export const UserEnabledAttributes = {
  /** "true" once EnableUser / DisableUser went through; "false" while the user is not found yet. */
  APPLIED: 'Applied',
  /** Epoch milliseconds of the first attempt. */
  REQUESTED_AT: 'RequestedAt',
} as const;

/**
 * How long a user that CloudFormation has just created may still be unknown to EnableUser /
 * DisableUser (AppStream's reads are eventually consistent) before the resource fails.
 */
export const USER_NOT_FOUND_GRACE_MS = 120_000;
