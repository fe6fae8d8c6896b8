/**
 * The contract between the `UserStackAssociation` construct and its handler in
 * `lambda/user-stack-association/`: resource type and property names, imported by both sides.
 */
export const USER_STACK_ASSOCIATION_RESOURCE_TYPE = 'Custom::AppStreamUserStackAssociation';

export const UserStackAssociationProps = {
  /** Name of the AppStream stack. A change replaces the resource. */
  STACK_NAME: 'StackName',
  /** The users inline: a list of `{ UserName, AuthenticationType }` (small lists). */
  USERS: 'Users',
  /**
   * Or the users in an S3 object (large lists): bucket and key of a JSON array of the same shape.
   * Give either USERS or both of these. The handler needs s3:GetObject on the object; on update
   * and delete it also reads the OLD object (keep old assets, as the bootstrap bucket does).
   */
  USERS_BUCKET: 'UsersBucket',
  USERS_KEY: 'UsersKey',
  /**
   * "true" or "false" (CloudFormation passes every scalar as a string); absent means false. Sets
   * SendEmailNotification on the USERPOOL entries only (the welcome e-mail is a user-pool feature).
   */
  SEND_EMAIL_NOTIFICATION: 'SendEmailNotification',
} as const;

export const UserStackAssociationAttributes = {
  /** Number of users associated by this resource. */
  USER_COUNT: 'UserCount',
} as const;

/** One entry of the user list, as the handler receives it. */
export interface UserEntry {
  readonly UserName: string;
  /** API | SAML | USERPOOL | AWS_AD, or a type AWS added later (see `AUTHENTICATION_TYPE_PATTERN`). */
  readonly AuthenticationType: string;
}

/**
 * The shape of an authentication type that both sides accept: the API's values (API, SAML,
 * USERPOOL, AWS_AD) and any that AWS adds later (`AuthenticationType.of('NEW')`), so the construct
 * and the handler never disagree about a type.
 */
export const AUTHENTICATION_TYPE_PATTERN = /^[A-Z][A-Z0-9_]*$/;

/** Length limits of a user name (API model, shape `Username`): 1 to 128 characters. */
export { USER_NAME_MIN_LENGTH, USER_NAME_MAX_LENGTH } from '../../core/private/limits';
