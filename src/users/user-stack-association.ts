import * as fs from 'fs';
import * as path from 'path';
import { Annotations, Aspects, CustomResource, FileSystem, IAspect, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct, IConstruct } from 'constructs';
import { compareUsers, USERPOOL, userKey, userNameProblem } from './private/user-name';
import {
  AUTHENTICATION_TYPE_PATTERN,
  USER_STACK_ASSOCIATION_RESOURCE_TYPE,
  UserEntry,
  UserStackAssociationAttributes,
  UserStackAssociationProps as Property,
} from './private/user-stack-association-contract';
import { StackUser } from './stack-user';
import { AuthenticationType } from './user';
import { AppStreamProvider } from '../core/private/appstream-provider';
import { checkArray, checkBoolean, checkEnumLike, checkObject, checkString } from '../core/private/input-types';
import { PropsValidator } from '../core/private/validation';
import { Warnings } from '../core/private/warnings';
import { IStack } from '../stack/stack-interface';


/** The authentication types the API model lists: another one is accepted with a warning. */
const KNOWN_TYPES = new Set(AuthenticationType.known().map((t) => t.value));
/**
 * Properties of a `UserStackAssociation`.
 */
export interface UserStackAssociationProps {
  /**
   * The AppStream stack to entitle the users to.
   *
   * Changing it replaces the resource: the users are associated with the new stack and
   * disassociated from the old one.
   */
  readonly stack: IStack;

  /**
   * The users to associate with the stack, of any authentication type: `StackUser.userPool()`,
   * `.saml()`, `.api()`, `.activeDirectory()`, `.fromUser()`, or a list from
   * `StackUser.fromFile()`.
   *
   * Each user (exact name and authentication type) may appear once, here and in every other
   * association of the same stack. At least one user is required, here or with `addUsers()`.
   *
   * To move a user from one association of a stack to another, remove it in one deployment and add
   * it in the next: in a single deployment CloudFormation may update the receiving association
   * first, and the other one's update then disassociates the user.
   *
   * @default - none: add them with `addUsers()`
   */
  readonly users?: StackUser[];

  /**
   * Whether AppStream sends a welcome e-mail to user-pool users when they are associated.
   * Users of other authentication types receive no e-mail.
   *
   * @default false
   */
  readonly sendEmailNotification?: boolean;
}

/**
 * Lists up to this many users inline in the template; a longer list travels as an S3 asset.
 */
const MAX_INLINE_USERS = 100;

/**
 * ... and only while the inline list stays this small (bytes of JSON): custom-resource events and
 * the 1 MB template must stay small.
 */
const MAX_INLINE_BYTES = 8 * 1024;

/**
 * Entitles users to an AppStream stack: any number of users, of any authentication type (user pool,
 * SAML, API, Active Directory), in one CloudFormation resource.
 *
 * CloudFormation's `AWS::AppStream::StackUserAssociation` takes one user-pool user per resource
 * (and a template holds at most 500 resources). This custom resource calls
 * `BatchAssociateUserStack` and `BatchDisassociateUserStack` in batches of 25; an update associates
 * and disassociates only the difference; a delete removes only the users this resource lists, never
 * other associations of the stack. A listed user who was already associated when the resource was
 * created is adopted: it stays associated if the create fails, and goes when the resource removes it.
 * Lists of more than 100 users are shipped as an S3 asset, so tens of thousands of users fit in one
 * resource: the work continues across the provider's polls at the rate AppStream admits.
 *
 * The one custom-resource provider of the CDK stack serves every association; its role may act
 * only on the AppStream stacks that the associations name.
 *
 * @resource Custom::AppStreamUserStackAssociation
 */
export class UserStackAssociation extends Construct {
  /**
   * The AppStream stack the users are associated with.
   */
  public readonly stack: IStack;

  /**
   * Whether user-pool users receive a welcome e-mail.
   */
  public readonly sendEmailNotification: boolean;

  /**
   * The number of users this resource associated, known at deploy time.
   *
   * @attribute
   */
  public readonly userCount: number;

  private readonly resource: CustomResource;
  private readonly provider: AppStreamProvider;
  private readonly entries: StackUser[] = [];
  private readonly keys = new Set<string>();
  private rendered?: RenderedUsers;

  constructor(scope: Construct, id: string, props: UserStackAssociationProps) {
    super(scope, id);
    const types = new PropsValidator(this);
    checkObject(types, 'stack', props.stack, 'an AppStream stack (IStack) such as a Stack or Stack.fromStackName()', ['stackName', 'stackArn', 'node']);
    if (props.stack === undefined) {
      types.fail('stack', props.stack, 'is required: the AppStream stack to entitle the users to');
    }
    checkBoolean(types, 'sendEmailNotification', props.sendEmailNotification);
    checkArray(types, 'users', props.users);
    types.throwIfInvalid();
    this.stack = props.stack;
    this.sendEmailNotification = props.sendEmailNotification ?? false;
    this.provider = AppStreamProvider.getOrCreate(this);

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: this.provider.serviceToken,
      resourceType: USER_STACK_ASSOCIATION_RESOURCE_TYPE,
      properties: {
        [Property.STACK_NAME]: this.stack.stackName,
        [Property.USERS]: Lazy.any({ produce: () => this.render().users }),
        [Property.USERS_BUCKET]: Lazy.any({ produce: () => this.render().bucket }),
        [Property.USERS_KEY]: Lazy.any({ produce: () => this.render().key }),
        [Property.SEND_EMAIL_NOTIFICATION]: String(this.sendEmailNotification),
      },
    });
    this.userCount = Token.asNumber(this.resource.getAtt(UserStackAssociationAttributes.USER_COUNT));
    this.provider.grantAssociate(this.stack.stackArn);

    this.add('users', props.users ?? []);

    // The list is final once the app is synthesized: render it (and stage the asset) before
    // CloudFormation's template is resolved.
    Aspects.of(this).add(new RenderUserList(this));
    this.node.addValidation({ validate: () => this.validateAssociation() });
  }

  /**
   * The users of this association, in the order they were added.
   */
  public get users(): StackUser[] {
    return [...this.entries];
  }

  /**
   * Adds users to the association. They are checked as the `users` prop is.
   *
   * @param users the users to add
   */
  public addUsers(...users: StackUser[]): void {
    this.add('addUsers()', users);
  }

  private add(property: string, users: StackUser[]): void {
    if (this.rendered) {
      throw new Error(`${this.node.path}: cannot add users after the user list was rendered (during synthesis)`);
    }
    const v = new PropsValidator(this);
    const added = new Set<string>();
    users.forEach((user, index) => {
      const label = `${property}[${index}]`;
      if (!checkObject(v, label, user, 'a StackUser such as StackUser.saml(\'bob\')', ['authenticationType'])
        || !checkEnumLike(v, `${label}.authenticationType`, user.authenticationType, 'AuthenticationType', 'SAML')
        || !checkString(v, `${label}.userName`, user.userName)) {
        return;
      }
      if (user.userName === undefined) {
        v.fail(`${label}.userName`, user.userName, 'is required');
        return;
      }
      const type = user.authenticationType.value;
      if (!AUTHENTICATION_TYPE_PATTERN.test(type)) {
        v.fail(`${label}.authenticationType`, type, 'must be an API value such as SAML (upper-case letters, digits and _)');
      } else if (!KNOWN_TYPES.has(type)) {
        v.warn(`${label}.authenticationType`, type, `is not one the AppStream API lists (${[...KNOWN_TYPES].join(', ')}); `
          + 'the CloudFormation schema accepts any, the service may refuse it');
      }
      if (Token.isUnresolved(user.userName)) {
        return;
      }
      const problem = userNameProblem(user.userName, type);
      if (problem) {
        v.fail(`${label}.userName`, user.userName, `${problem} (${type} user)`);
        return;
      }
      const key = userKey(user.userName, type);
      if (this.keys.has(key) || added.has(key)) {
        v.fail(label, user.userName, `${type} user listed more than once (names are case-sensitive; each user may appear once)`);
      }
      added.add(key);
    });
    v.throwIfInvalid();
    for (const warning of v.warnings) {
      Annotations.of(this).addWarningV2(Warnings.VALUE_BEYOND_NARROWEST_LIMIT, warning);
    }

    for (const user of users) {
      this.entries.push(user);
      this.keys.add(userKey(user.userName, user.authenticationType.value));
      if (user.user) {
        this.resource.node.addDependency(user.user);
      }
    }
  }

  /** @internal */
  public _render(): void {
    this.render();
  }

  private render(): RenderedUsers {
    if (this.rendered) {
      return this.rendered;
    }
    const users: UserEntry[] = [...this.entries]
      .sort((a, b) => compareUsers(
        { userName: a.userName, authenticationType: a.authenticationType.value },
        { userName: b.userName, authenticationType: b.authenticationType.value }))
      .map((u) => ({ UserName: u.userName, AuthenticationType: u.authenticationType.value }));
    const json = JSON.stringify(users);

    if (this.sendEmailNotification && !this.entries.some((u) => u.authenticationType.value === USERPOOL)) {
      Annotations.of(this).addWarningV2(Warnings.EMAIL_NOTIFICATION_WITHOUT_USER_POOL,
        'sendEmailNotification is true, but only user-pool users receive the welcome e-mail and this association has none');
    }

    if (users.length <= MAX_INLINE_USERS && Buffer.byteLength(json) <= MAX_INLINE_BYTES) {
      this.rendered = { users };
      return this.rendered;
    }
    const tokens = this.entries.filter((u) => Token.isUnresolved(u.userName)).length;
    if (tokens > 0) {
      throw new Error(`${this.node.path}: ${tokens} user name(s) are only known at deploy time, which a list of more than ${MAX_INLINE_USERS} users (shipped as a file) cannot hold; list them in a separate, smaller UserStackAssociation`);
    }
    // The list is sorted and serialized without whitespace, so the same users give the same
    // asset hash. The asset is kept (not deploy-time only): updates and deletes read the old list.
    const dir = FileSystem.mkdtemp('cdk-appstream-users-');
    const file = path.join(dir, 'users.json');
    fs.writeFileSync(file, json);
    const asset = new s3_assets.Asset(this, 'UserList', { path: file });
    this.provider.grantReadUserList(asset);
    this.rendered = { bucket: asset.s3BucketName, key: asset.s3ObjectKey };
    return this.rendered;
  }

  private validateAssociation(): string[] {
    const errors: string[] = [];
    if (this.entries.length === 0) {
      errors.push('a UserStackAssociation needs at least one user: pass users or call addUsers()');
    }
    errors.push(...this.duplicatesInOtherAssociations());

    const fleet = this.stack.fleet;
    const userPoolUsers = this.entries.filter((u) => u.authenticationType.value === USERPOOL);
    if (fleet?.domainJoined === true && userPoolUsers.length > 0) {
      const names = userPoolUsers.slice(0, 5).map((u) => JSON.stringify(u.userName)).join(', ');
      const more = userPoolUsers.length > 5 ? ` and ${userPoolUsers.length - 5} more` : '';
      errors.push(`user-pool (USERPOOL) users cannot be associated with a stack whose fleet is joined to an Active Directory domain (AppStream refuses it): ${names}${more}; domain-joined fleet: ${fleet.node.path}`);
    }
    return errors;
  }

  /**
   * Users that an earlier association of the same AppStream stack lists too (earlier in the
   * construct tree's order): each shared user is reported once, by the later association, naming
   * the first association that lists it.
   */
  private duplicatesInOtherAssociations(): string[] {
    const earlier: UserStackAssociation[] = [];
    for (const other of this.node.root.node.findAll()) {
      if (other === this) {
        break;
      }
      if (other instanceof UserStackAssociation && sameAppStreamStack(this, other)) {
        earlier.push(other);
      }
    }
    const sharedWith = new Map<UserStackAssociation, StackUser[]>();
    for (const user of this.entries) {
      if (Token.isUnresolved(user.userName)) {
        continue;
      }
      const key = userKey(user.userName, user.authenticationType.value);
      const holder = earlier.find((other) => other.keys.has(key));
      if (holder) {
        sharedWith.set(holder, [...sharedWith.get(holder) ?? [], user]);
      }
    }
    return [...sharedWith].map(([other, shared]) => {
      const names = shared.slice(0, 5).map((u) => `${JSON.stringify(u.userName)} (${u.authenticationType.value})`).join(', ');
      const more = shared.length > 5 ? ` and ${shared.length - 5} more` : '';
      return `${shared.length} user(s) are also associated with the same stack by ${other.node.path}: ${names}${more}; each user may appear in one association per stack (deleting one would remove the other's association)`;
    });
  }
}

interface RenderedUsers {
  readonly users?: UserEntry[];
  readonly bucket?: string;
  readonly key?: string;
}

/** Renders an association's user list during synthesis, before the template is resolved. */
class RenderUserList implements IAspect {
  constructor(private readonly association: UserStackAssociation) {}

  public visit(node: IConstruct): void {
    if (node === this.association) {
      this.association._render();
    }
  }
}

/** Whether two associations name the same AppStream stack (same object, or same name in the same account and region). */
function sameAppStreamStack(a: UserStackAssociation, b: UserStackAssociation): boolean {
  if (a.stack === b.stack) {
    return true;
  }
  const nameA = a.stack.stackName;
  const nameB = b.stack.stackName;
  if (Token.isUnresolved(nameA) || Token.isUnresolved(nameB) || nameA !== nameB) {
    return false;
  }
  const stackA = Stack.of(a);
  const stackB = Stack.of(b);
  return stackA.account === stackB.account && stackA.region === stackB.region;
}
