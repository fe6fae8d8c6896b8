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
  /** Or the users in an S3 object (large lists): bucket and key of a JSON array of the same shape. */
  USERS_BUCKET: 'UsersBucket',
  USERS_KEY: 'UsersKey',
  /** "true" or "false" (CloudFormation passes every scalar as a string). */
  SEND_EMAIL_NOTIFICATION: 'SendEmailNotification',
} as const;

export const UserStackAssociationAttributes = {
  /** Number of users associated by this resource. */
  USER_COUNT: 'UserCount',
} as const;

/** One entry of the user list, as the handler receives it. */
export interface UserEntry {
  readonly UserName: string;
  /** API | SAML | USERPOOL | AWS_AD */
  readonly AuthenticationType: string;
}
