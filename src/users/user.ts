import { IResource, Resource, Token } from 'aws-cdk-lib';
import { CfnUser } from 'aws-cdk-lib/aws-appstream';
import { Construct } from 'constructs';
import { UserEnabledResource } from './private/user-enabled-resource';
import { userNameProblem } from './private/user-name';
import { AUTHENTICATION_TYPE_PATTERN } from './private/user-stack-association-contract';
import { enumLikeValue } from '../core/private/enum-like';
import { checkBoolean, checkEnumLike, checkString } from '../core/private/input-types';
import { USER_ATTRIBUTE_MAX_LENGTH, USER_ATTRIBUTE_PATTERN } from '../core/private/limits';
import { PropsValidator } from '../core/private/validation';

/**
 * How a user signs in to AppStream.
 *
 * An enum-like class: AWS adds values over time, so `AuthenticationType.of('NEW_TYPE')` accepts
 * one this library does not name yet.
 */
export class AuthenticationType {
  /** Users who sign in through `CreateStreamingURL` calls of your own application. */
  public static readonly API = new AuthenticationType('API');

  /** Users who sign in through a SAML 2.0 identity provider (federation). */
  public static readonly SAML = new AuthenticationType('SAML');

  /** Users of the AppStream user pool, identified by their e-mail address. */
  public static readonly USERPOOL = new AuthenticationType('USERPOOL');

  /** Users identified by their Active Directory identity (API value `AWS_AD`). */
  public static readonly AWS_AD = new AuthenticationType('AWS_AD');

  /**
   * An authentication type by its API value, such as `'SAML'`.
   *
   * Returns the named constant when the value is one of them.
   */
  public static of(value: string): AuthenticationType {
    const checked = enumLikeValue({
      className: 'AuthenticationType',
      what: "the authentication type's API value",
      example: 'SAML',
      // The API's values are upper case (API, SAML, USERPOOL, AWS_AD); the handler takes the same shape.
      pattern: AUTHENTICATION_TYPE_PATTERN,
      notA: 'an authentication type',
      expected: 'an API value such as SAML (upper-case letters, digits and _)',
    }, value);
    return KNOWN_AUTHENTICATION_TYPES.find((t) => t.value === checked) ?? new AuthenticationType(checked);
  }

  /**
   * The authentication types this version of the library names.
   */
  public static known(): AuthenticationType[] {
    return [...KNOWN_AUTHENTICATION_TYPES];
  }

  /**
   * @param value the value of the API's `AuthenticationType`
   */
  private constructor(public readonly value: string) {}

  /** The API value. */
  public toString(): string {
    return this.value;
  }
}

const KNOWN_AUTHENTICATION_TYPES: readonly AuthenticationType[] = [
  AuthenticationType.API,
  AuthenticationType.SAML,
  AuthenticationType.USERPOOL,
  AuthenticationType.AWS_AD,
];

/**
 * What AppStream does with the welcome e-mail of a new user-pool user.
 *
 * An enum-like class: `MessageAction.of('VALUE')` accepts a value this library does not name yet.
 */
export class MessageAction {
  /** Send no welcome e-mail. */
  public static readonly SUPPRESS = new MessageAction('SUPPRESS');

  /** Send the welcome e-mail again (to a user who exists already). Excludes first and last name. */
  public static readonly RESEND = new MessageAction('RESEND');

  /** A message action by its API value. */
  public static of(value: string): MessageAction {
    return new MessageAction(enumLikeValue({ className: 'MessageAction', what: "the message action's API value", example: 'SUPPRESS' }, value));
  }

  /**
   * @param value the value of the API's `MessageAction`
   */
  private constructor(public readonly value: string) {}

  /** The value as the AppStream API spells it. */
  public toString(): string {
    return this.value;
  }
}

/**
 * An AppStream user: a user-pool user (`User`, `User.fromUserName()`).
 */
export interface IUser extends IResource {
  /**
   * The user name: for a user-pool user, the e-mail address (case-sensitive).
   * @attribute
   */
  readonly userName: string;

  /**
   * How the user signs in.
   */
  readonly authenticationType: AuthenticationType;
}

/**
 * Properties of a `User`.
 */
export interface UserProps {
  /**
   * The user's e-mail address, which is the user name.
   *
   * Case is kept: AppStream user names are case-sensitive, and the user must sign in with the
   * same capitalization. 1 to 128 characters.
   */
  readonly email: string;

  /**
   * The first (given) name of the user: letters A-Z and a-z, digits, `_`, `-` and whitespace,
   * at most 2,048 characters.
   *
   * @default - none
   */
  readonly firstName?: string;

  /**
   * The last name (surname) of the user: letters A-Z and a-z, digits, `_`, `-` and whitespace,
   * at most 2,048 characters.
   *
   * @default - none
   */
  readonly lastName?: string;

  /**
   * What to do with the welcome e-mail, which carries a temporary password valid for 7 days.
   *
   * `MessageAction.RESEND` cannot be combined with `firstName` or `lastName`.
   *
   * @default - the welcome e-mail is sent
   */
  readonly messageAction?: MessageAction;

  /**
   * Whether the user may sign in. `false` disables the user (DisableUser) once CloudFormation has
   * created it, and a later change enables it again (EnableUser): a custom resource that depends on
   * the user. Removing the prop gives the user back AppStream's default, enabled.
   *
   * @default - enabled, as AppStream creates users (and nothing is added to the stack)
   */
  readonly enabled?: boolean;
}

const USER_ATTRIBUTE_PATTERN_DESCRIPTION = 'letters A-Z/a-z, digits, "_", "-" and whitespace';

/**
 * A user in the AppStream user pool.
 *
 * Only user-pool users exist as resources: users of other authentication types (SAML, API,
 * Active Directory) are named directly in a `UserStackAssociation`. To entitle this user to a
 * stack, pass `StackUser.fromUser(user)` to a `UserStackAssociation`, which then depends on it.
 *
 * @resource AWS::AppStream::User
 */
export class User extends Resource implements IUser {
  /**
   * Refers to a user-pool user that exists outside this app.
   *
   * @param scope the scope of the new construct
   * @param id the id of the new construct
   * @param userName the user's e-mail address, with its exact capitalization
   */
  public static fromUserName(scope: Construct, id: string, userName: string): IUser {
    class Import extends Resource implements IUser {
      public readonly userName = userName;
      public readonly authenticationType: AuthenticationType = AuthenticationType.USERPOOL;
    }
    return new Import(scope, id);
  }

  public readonly userName: string;
  public readonly authenticationType: AuthenticationType = AuthenticationType.USERPOOL;

  constructor(scope: Construct, id: string, props: UserProps) {
    super(scope, id, { physicalName: props.email });
    validateUserProps(this, props);

    const resource = new CfnUser(this, 'Resource', {
      userName: props.email,
      authenticationType: this.authenticationType.value,
      firstName: props.firstName,
      lastName: props.lastName,
      messageAction: props.messageAction?.value,
    });
    if (props.enabled !== undefined) {
      new UserEnabledResource(this, 'Enabled', { user: resource, userName: props.email, enabled: props.enabled });
    }
    // The e-mail itself, not the resource's Ref (whose value CloudFormation documents as the
    // resource id, not the user name). Associations that name this user depend on it explicitly.
    this.userName = props.email;
  }
}

function validateUserProps(scope: Construct, props: UserProps): void {
  const v = new PropsValidator(scope);
  const types = [
    checkString(v, 'email', props.email) && props.email !== undefined,
    checkString(v, 'firstName', props.firstName),
    checkString(v, 'lastName', props.lastName),
    checkEnumLike(v, 'messageAction', props.messageAction, 'MessageAction', 'SUPPRESS'),
  ];
  checkBoolean(v, 'enabled', props.enabled);
  if (props.email === undefined) {
    v.fail('email', props.email, 'is required: the user\'s e-mail address');
  }
  if (!types.every((ok) => ok)) {
    v.throwIfInvalid();
  }
  if (!Token.isUnresolved(props.email)) {
    const problem = userNameProblem(props.email, AuthenticationType.USERPOOL.value);
    if (problem) {
      v.fail('email', props.email, problem);
    }
  }
  for (const [property, value] of [['firstName', props.firstName], ['lastName', props.lastName]] as const) {
    v.string(property, value, {
      min: 1,
      max: USER_ATTRIBUTE_MAX_LENGTH,
      pattern: USER_ATTRIBUTE_PATTERN,
      patternDescription: USER_ATTRIBUTE_PATTERN_DESCRIPTION,
    });
  }
  if (props.messageAction?.value === MessageAction.RESEND.value
    && (props.firstName !== undefined || props.lastName !== undefined)) {
    v.failRule('messageAction: RESEND cannot be combined with firstName or lastName (AppStream refuses it)');
  }
  v.throwIfInvalid();
}
