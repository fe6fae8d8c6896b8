import { IResource, Names, Resource, Token } from 'aws-cdk-lib';
import { CfnApplicationEntitlementAssociation, CfnEntitlement } from 'aws-cdk-lib/aws-appstream';
import { Construct } from 'constructs';
import { IApplication } from './application-interface';
import { replaceableName, validateNames, warnIfNameGiven } from './private/apps-validation';
import { enumLikeValue } from '../core/private/enum-like';
import { checkArray, checkEnum, checkEnumLike, checkObject, checkString } from '../core/private/input-types';
import { PropsValidator } from '../core/private/validation';
import { IStack } from '../stack/stack-interface';
import { AuthenticationType } from '../users/user';
import { UserStackAssociation } from '../users/user-stack-association';

/**
 * A SAML 2.0 attribute (an IAM `PrincipalTag`) that an entitlement matches.
 *
 * An enum-like class: `SamlAttribute.of('newAttribute')` passes one this library does not know yet.
 */
export class SamlAttribute {
  /** `roles`. */
  public static readonly ROLES = new SamlAttribute('roles');
  /** `department`. */
  public static readonly DEPARTMENT = new SamlAttribute('department');
  /** `organization`. */
  public static readonly ORGANIZATION = new SamlAttribute('organization');
  /** `groups`. */
  public static readonly GROUPS = new SamlAttribute('groups');
  /** `title`. */
  public static readonly TITLE = new SamlAttribute('title');
  /** `costCenter`. */
  public static readonly COST_CENTER = new SamlAttribute('costCenter');
  /** `userType`. */
  public static readonly USER_TYPE = new SamlAttribute('userType');

  /**
   * An attribute by its name.
   *
   * @param value the attribute name, such as `department`
   */
  public static of(value: string): SamlAttribute {
    return new SamlAttribute(enumLikeValue({ className: 'SamlAttribute', what: 'the SAML attribute name', example: 'department' }, value));
  }

  /** The attribute name, such as `department`. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  /** The attribute name. */
  public toString(): string {
    return this.value;
  }
}

/**
 * A rule of an entitlement: users whose SAML attribute `name` has the value `value`.
 */
export interface EntitlementAttribute {
  /** The SAML attribute. */
  readonly name: SamlAttribute;

  /** The value the user's attribute must have (at least 1 character). */
  readonly value: string;
}

/** Which applications of the stack an entitlement gives its users. */
export enum AppVisibility {
  /** Every application of the stack's fleet. */
  ALL = 'ALL',
  /** Only the applications added to the entitlement (`addApplication()`). */
  ASSOCIATED = 'ASSOCIATED',
}

/**
 * An entitlement: owned (`Entitlement`) or imported (`Entitlement.fromEntitlementName()`).
 */
export interface IEntitlement extends IResource {
  /**
   * The name of the entitlement.
   * @attribute
   */
  readonly entitlementName: string;

  /** The AppStream stack the entitlement belongs to. */
  readonly appStreamStack: IStack;
}

/**
 * Properties of an entitlement.
 */
export interface EntitlementProps {
  /**
   * The stack whose applications the entitlement gives. Changing it replaces the entitlement.
   *
   * Entitlements apply to SAML 2.0 users only: AppStream gives user-pool and streaming-URL users
   * every application of the stack. A stack that this app associates with users of another
   * authentication type (`UserStackAssociation`, `stack.addUsers()`) is refused at synth.
   */
  readonly stack: IStack;

  /** The SAML attributes that select the users (at least one; a user matching any one is entitled). */
  readonly attributes: EntitlementAttribute[];

  /**
   * Which applications the entitlement gives.
   *
   * @default AppVisibility.ASSOCIATED: the applications added with `applications` or `addApplication()`
   */
  readonly appVisibility?: AppVisibility;

  /**
   * The applications the entitlement gives (with `AppVisibility.ASSOCIATED`).
   *
   * @default - none: add them with `addApplication()`
   */
  readonly applications?: IApplication[];

  /**
   * The name of the entitlement (1 to 101 characters: letters, digits, `_`, `.` and `-`, starting
   * with a letter or digit). A given name makes a change of `stack` fail (the construct warns).
   *
   * @default - a name generated from the construct path and a hash of the stack name
   */
  readonly entitlementName?: string;

  /**
   * The description (at most 256 characters).
   *
   * @default - none
   */
  readonly description?: string;
}

/**
 * An AppStream entitlement: which applications of a stack the SAML 2.0 users with given attributes
 * may launch.
 *
 * Entitlements have no tags (AppStream takes none) and no IAM resource type of their own (their
 * actions are authorized on the stack: grant on `stack` instead).
 *
 * @resource AWS::AppStream::Entitlement
 */
export class Entitlement extends Resource implements IEntitlement {
  /**
   * Imports an entitlement of `stack` by name.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param stack the stack the entitlement belongs to
   * @param entitlementName the entitlement's name
   */
  public static fromEntitlementName(scope: Construct, id: string, stack: IStack, entitlementName: string): IEntitlement {
    class Import extends Resource implements IEntitlement {
      public readonly entitlementName = entitlementName;
      public readonly appStreamStack = stack;
    }
    return new Import(scope, id);
  }

  /**
   * The name of the entitlement.
   * @attribute
   */
  public readonly entitlementName: string;

  /** The AppStream stack the entitlement belongs to. */
  public readonly appStreamStack: IStack;

  /** Which applications the entitlement gives. */
  public readonly appVisibility: AppVisibility;

  private readonly resource: CfnEntitlement;
  private readonly applicationIds = new Set<string>();

  constructor(scope: Construct, id: string, props: EntitlementProps) {
    super(scope, id, {
      physicalName: replaceableName(() => this, props?.entitlementName, () => this.resource.stackName),
    });
    const v = new PropsValidator(this);
    checkObject(v, 'stack', props?.stack, 'an AppStream stack (IStack) such as a Stack or Stack.fromStackName()', ['stackName', 'node']);
    if (props?.stack === undefined) {
      v.failRule('stack: is required, the AppStream stack whose applications the entitlement gives');
    }
    checkEnum(v, 'appVisibility', props?.appVisibility, 'AppVisibility', AppVisibility);
    if (props?.attributes === undefined) {
      v.failRule('attributes: is required, at least one { name: SamlAttribute.DEPARTMENT, value: "engineering" }');
    } else if (checkArray(v, 'attributes', props.attributes)) {
      props.attributes.forEach((a, i) => {
        if (checkObject(v, `attributes[${i}]`, a, 'an EntitlementAttribute such as { name: SamlAttribute.DEPARTMENT, value: "engineering" }', ['name', 'value'])) {
          checkEnumLike(v, `attributes[${i}].name`, a.name, 'SamlAttribute', 'DEPARTMENT');
          checkString(v, `attributes[${i}].value`, a.value, '"engineering"');
        }
      });
    }
    checkArray(v, 'applications', props?.applications);
    v.throwIfInvalid();

    validateNames(v, 'entitlementName', { name: props.entitlementName, description: props.description });
    v.listLength('attributes', props.attributes, 1, Number.MAX_SAFE_INTEGER);
    const seen = new Set<string>();
    props.attributes.forEach((a, i) => {
      v.string(`attributes[${i}].name`, a.name.value, { min: 1 });
      v.string(`attributes[${i}].value`, a.value, { min: 1 });
      const key = JSON.stringify([a.name.value, a.value]);
      if (!Token.isUnresolved(key) && seen.has(key)) {
        v.fail(`attributes[${i}]`, `${a.name.value}=${a.value}`, 'is listed twice; each rule may appear once');
      }
      seen.add(key);
    });
    v.throwIfInvalid();

    this.appStreamStack = props.stack;
    this.appVisibility = props.appVisibility ?? AppVisibility.ASSOCIATED;
    this.resource = new CfnEntitlement(this, 'Resource', {
      name: this.physicalName,
      stackName: props.stack.stackName,
      description: props.description,
      appVisibility: this.appVisibility,
      attributes: props.attributes.map((a) => ({ name: a.name.value, value: a.value })),
    });
    this.resource.node.addDependency(props.stack);
    this.entitlementName = this.physicalName;
    warnIfNameGiven(this, 'entitlementName', props.entitlementName, 'stack');

    for (const application of props.applications ?? []) {
      this.addApplication(application);
    }
    this.node.addValidation({ validate: () => this.validateUsers() });
  }

  /**
   * Entitles the users of this entitlement to `application` (an
   * `AWS::AppStream::ApplicationEntitlementAssociation` that depends on both, so CloudFormation deletes
   * it first). Only for `AppVisibility.ASSOCIATED`; each application once.
   *
   * @param application the application, which must be one of the stack's fleet
   */
  public addApplication(application: IApplication): void {
    const v = new PropsValidator(this);
    if (checkObject(v, 'addApplication()', application, 'an application (IApplication) such as an Application or Application.fromApplicationName()', ['applicationName', 'node'])) {
      if (this.appVisibility === AppVisibility.ALL) {
        v.failRule('addApplication(): the entitlement gives every application of the stack (AppVisibility.ALL); use AppVisibility.ASSOCIATED to name applications');
      }
      const id = `Application${Names.nodeUniqueId(application.node)}`;
      if (this.applicationIds.has(id)) {
        v.fail('addApplication()', application.node.path, 'was already added to this entitlement; add each application once');
      }
      v.throwIfInvalid();
      this.applicationIds.add(id);
      const association = new CfnApplicationEntitlementAssociation(this, id, {
        stackName: this.appStreamStack.stackName,
        entitlementName: this.entitlementName,
        applicationIdentifier: application.applicationName,
      });
      association.addDependency(this.resource);
      association.node.addDependency(application);
      return;
    }
    v.throwIfInvalid();
  }

  /**
   * Entitlements apply to SAML 2.0 users only: a stack that this app also associates with users of
   * another authentication type would give those users every application, whatever the entitlement says.
   */
  private validateUsers(): string[] {
    const others = new Map<string, string[]>();
    for (const construct of this.node.root.node.findAll()) {
      if (construct instanceof UserStackAssociation && construct.stack === this.appStreamStack) {
        for (const user of construct.users) {
          if (user.authenticationType.value !== AuthenticationType.SAML.value) {
            const names = others.get(construct.node.path) ?? [];
            names.push(`${user.userName} (${user.authenticationType.value})`);
            others.set(construct.node.path, names);
          }
        }
      }
    }
    return [...others.entries()].map(([path, users]) =>
      `stack: entitlements apply to SAML 2.0 users only, but ${path} associates the stack with users of other authentication types, `
      + `whom AppStream gives every application of the stack: ${users.slice(0, 5).join(', ')}${users.length > 5 ? `, and ${users.length - 5} more` : ''}. `
      + 'Entitle those users through another stack, or federate them through SAML.');
  }
}
