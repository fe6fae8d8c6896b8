import * as cdk from 'aws-cdk-lib';
import { CfnStack, CfnStackFleetAssociation } from 'aws-cdk-lib/aws-appstream';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { validateStackAttributes, validateStackProps } from './private/stack-validation';
import { IStack } from './stack-interface';
import { StackAttributes, StackProps } from './stack-props';
import { StackTheme, StackThemeOptions } from './stack-theme';
import { SettingPermission, UserAction } from './user-settings';
import { checkObject } from '../core/private/input-types';
import { SESSION_EXPIRE_ACTIONS, STACK_CREATE_STREAMING_URL_ACTIONS, STACK_READ_SESSIONS_ACTIONS } from '../core/private/permissions';
import { validateTags } from '../core/private/tags';
import { PropsValidator } from '../core/private/validation';
import { Warnings } from '../core/private/warnings';
import { IFleet } from '../fleet/fleet';
import { StackUser } from '../users/stack-user';
import { UserStackAssociation } from '../users/user-stack-association';


/**
 * What owned and imported stacks share: the attributes and the grants.
 */
export abstract class StackBase extends cdk.Resource implements IStack {
  /** The name of the stack. */
  public abstract readonly stackName: string;

  /** The ARN of the stack. */
  public abstract readonly stackArn: string;

  /**
   * The fleet associated with this stack (AppStream allows at most one).
   */
  public abstract readonly fleet?: IFleet;

  /**
   * Grants the given actions on this stack's ARN.
   */
  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.stackArn] });
  }

  /**
   * Grants `appstream:CreateStreamingURL` on this stack and its fleet (IAM requires both
   * resource types for this action).
   *
   * When no fleet is known yet, the grant covers every fleet of the stack's account and region
   * and a warning says so: add the fleet before granting.
   */
  public grantCreateStreamingUrl(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: STACK_CREATE_STREAMING_URL_ACTIONS, resourceArns: this.stackAndFleetArns() });
  }

  /**
   * Grants `appstream:DescribeSessions` on this stack and its fleet (IAM requires both resource types).
   */
  public grantReadSessions(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: STACK_READ_SESSIONS_ACTIONS, resourceArns: this.stackAndFleetArns() });
  }

  /**
   * Grants what a portal needs to manage sessions: `appstream:DescribeSessions` on this stack and
   * its fleet, and `appstream:ExpireSession`, which IAM supports only on `*`.
   */
  public grantSessionManagement(grantee: iam.IGrantable): iam.Grant {
    return this.grantReadSessions(grantee).combine(
      iam.Grant.addToPrincipal({ grantee, actions: SESSION_EXPIRE_ACTIONS, resourceArns: ['*'] }),
    );
  }

  private stackAndFleetArns(): string[] {
    const fleet = this.fleet;
    if (fleet !== undefined) {
      return [this.stackArn, fleet.fleetArn];
    }
    cdk.Annotations.of(this).addWarningV2(Warnings.STACK_GRANT_WITHOUT_FLEET,
      'No fleet is associated with this stack yet, so the grant covers every AppStream fleet of the account and region. '
      + 'Add the fleet (addFleet, the fleet prop, or the fleet attribute of an import) before granting.');
    return [this.stackArn, cdk.Arn.format({
      service: 'appstream',
      resource: 'fleet',
      resourceName: '*',
      arnFormat: cdk.ArnFormat.SLASH_RESOURCE_NAME,
      account: this.env.account,
      region: this.env.region,
    }, cdk.Stack.of(this))];
  }
}


/**
 * An AppStream 2.0 (WorkSpaces Applications) stack: user settings, storage, and the fleet users
 * stream from.
 *
 * @resource AWS::AppStream::Stack
 */
export class Stack extends StackBase {
  /**
   * Imports a stack by name (in this CDK stack's account and region).
   *
   * @param scope scope of the import
   * @param id construct id
   * @param stackName the stack's name
   */
  public static fromStackName(scope: Construct, id: string, stackName: string): IStack {
    return Stack.fromStackAttributes(scope, id, { stackName });
  }

  /**
   * Imports a stack by ARN.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param stackArn the stack's ARN (`arn:aws:appstream:<region>:<account>:stack/<name>`)
   */
  public static fromStackArn(scope: Construct, id: string, stackArn: string): IStack {
    return Stack.fromStackAttributes(scope, id, { stackArn });
  }

  /**
   * Imports a stack from its attributes: its name or ARN, and optionally its fleet.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param attrs the stack's attributes
   */
  public static fromStackAttributes(scope: Construct, id: string, attrs: StackAttributes): IStack {
    const v = PropsValidator.forImport(scope, id, 'Stack.fromStackAttributes');
    validateStackAttributes(v, attrs);
    v.throwIfInvalid();
    const stackArn = attrs.stackArn ?? cdk.Stack.of(scope).formatArn(stackArnComponents(attrs.stackName!));
    const stackName = attrs.stackName ?? cdk.Arn.split(stackArn, cdk.ArnFormat.SLASH_RESOURCE_NAME).resourceName!;
    class Import extends StackBase {
      public readonly stackName = stackName;
      public readonly stackArn = stackArn;
      public readonly fleet = attrs.fleet;
    }
    return new Import(scope, id, { environmentFromArn: stackArn });
  }

  /**
   * The name of the stack.
   * @attribute
   */
  public readonly stackName: string;

  private readonly resource: CfnStack;
  /**
   * The domains that may embed this stack's streaming sessions (the `embedHostDomains` prop).
   */
  public readonly embedHostDomains?: string[];

  private arn?: string;
  private associatedFleet?: IFleet;
  private usersAssociation?: UserStackAssociation;
  private readonly domainSigninActions: string[];

  constructor(scope: Construct, id: string, props: StackProps = {}) {
    let generatedName: string | undefined;
    super(scope, id, { physicalName: props.stackName ?? cdk.Lazy.string({ produce: () => generatedName }) });
    generatedName = props.stackName === undefined ? cdk.Names.uniqueResourceName(this, { maxLength: 100 }) : undefined;

    const v = new PropsValidator(this);
    const { userSettings, connectors, accessEndpoints, contentRedirection, agentAccess } = validateStackProps(v, props);
    v.throwIfInvalid();

    this.domainSigninActions = userSettings
      .filter((s) => s.permission === SettingPermission.ENABLED.value
        && (s.action === UserAction.DOMAIN_PASSWORD_SIGNIN.value || s.action === UserAction.DOMAIN_SMART_CARD_SIGNIN.value))
      .map((s) => s.action);

    this.resource = new CfnStack(this, 'Resource', {
      name: this.physicalName,
      displayName: props.displayName,
      description: props.description,
      userSettings: userSettings.length > 0 ? userSettings : undefined,
      storageConnectors: connectors,
      applicationSettings: props.applicationSettings && {
        enabled: props.applicationSettings.enabled,
        settingsGroup: props.applicationSettings.settingsGroup,
      },
      accessEndpoints,
      embedHostDomains: props.embedHostDomains,
      redirectUrl: props.redirectUrl,
      feedbackUrl: props.feedbackUrl,
      streamingExperienceSettings: props.streamingExperienceSettings && {
        preferredProtocol: props.streamingExperienceSettings.preferredProtocol?.value,
      },
      attributesToDelete: props.attributesToDelete?.map((a) => a.value),
    });
    // Properties of the CloudFormation schema that the aws-cdk-lib 2.257.0 L1 does not carry.
    if (contentRedirection) {
      this.resource.addPropertyOverride('ContentRedirection', contentRedirection);
    }
    if (agentAccess) {
      this.resource.addPropertyOverride('AgentAccessConfig', agentAccess);
    }
    for (const [key, value] of Object.entries(props.tags ?? {})) {
      cdk.Tags.of(this).add(key, value);
    }
    // Tags also come from Tags.of() on this stack or a parent: judge what the resource renders.
    this.node.addValidation({
      validate: () => {
        const rendered = new PropsValidator(this);
        validateTags(rendered, this.resource.tags.tagValues());
        for (const warning of rendered.warnings) {
          cdk.Annotations.of(this).addWarningV2(Warnings.VALUE_BEYOND_NARROWEST_LIMIT, warning);
        }
        return rendered.messages;
      },
    });

    this.stackName = this.getResourceNameAttribute(this.resource.ref);
    this.embedHostDomains = props.embedHostDomains && [...props.embedHostDomains];

    if (props.fleet !== undefined) {
      this.addFleet(props.fleet);
    }
  }

  /**
   * The ARN of the stack (built on first use: most apps never need it).
   * @attribute
   */
  public get stackArn(): string {
    this.arn ??= this.getResourceArnAttribute(
      cdk.Stack.of(this).formatArn(stackArnComponents(this.resource.ref)),
      stackArnComponents(this.physicalName));
    return this.arn;
  }

  /**
   * The fleet associated with this stack (AppStream allows at most one), set by the `fleet` prop
   * or `addFleet()`.
   */
  public get fleet(): IFleet | undefined {
    return this.associatedFleet;
  }

  /**
   * Entitles users of any authentication type to this stack, through one
   * `UserStackAssociation` (`Custom::AppStreamUserStackAssociation`) that this stack creates on the
   * first call and every later call adds to.
   *
   * @param users the users to associate
   * @returns the association that holds them
   */
  public addUsers(...users: StackUser[]): UserStackAssociation {
    this.usersAssociation ??= new UserStackAssociation(this, 'Users', { stack: this });
    this.usersAssociation.addUsers(...users);
    return this.usersAssociation;
  }

  /**
   * Brands this stack's catalog page: title, logo, favicon, footer links and color
   * (`Custom::AppStreamStackTheme`). A stack has one theme.
   *
   * @param options the branding
   */
  public theme(options: StackThemeOptions): StackTheme {
    return new StackTheme(this, 'Theme', { ...options, stack: this });
  }

  /**
   * Associates `fleet` with this stack through an `AWS::AppStream::StackFleetAssociation` that
   * depends on both, so CloudFormation deletes the association first. A stack takes one fleet.
   */
  public addFleet(fleet: IFleet): void {
    const v = new PropsValidator(this);
    checkObject(v, 'addFleet()', fleet, 'a fleet (IFleet) such as a Fleet or Fleet.fromFleetName()', ['fleetName', 'node']);
    v.throwIfInvalid();
    const existing = this.associatedFleet;
    if (existing !== undefined) {
      throw new Error(`${this.node.path}: stack ${describeName(this.physicalName, this.node.path)} already has fleet `
        + `${describeName(existing.fleetName, existing.node.path)}; AppStream associates at most one fleet with a stack `
        + `(cannot add ${describeName(fleet.fleetName, fleet.node.path)})`);
    }
    this.associatedFleet = fleet;
    const association = new CfnStackFleetAssociation(this, 'FleetAssociation', {
      fleetName: fleet.fleetName,
      stackName: this.stackName,
    });
    association.addDependency(this.resource);
    association.node.addDependency(fleet);

    if (fleet.domainJoined === false && this.domainSigninActions.length > 0) {
      cdk.Annotations.of(this).addWarningV2(Warnings.DOMAIN_SIGNIN_WITHOUT_DOMAIN_JOIN,
        `userSettings enable ${this.domainSigninActions.join(' and ')}, but fleet ${describeName(fleet.fleetName, fleet.node.path)} `
        + 'is not joined to an Active Directory domain, so users cannot sign in that way.');
    }
  }
}

/** The parts of the ARN of the AppStream stack named `stackName`. */
function stackArnComponents(stackName: string): cdk.ArnComponents {
  return { service: 'appstream', resource: 'stack', resourceName: stackName, arnFormat: cdk.ArnFormat.SLASH_RESOURCE_NAME };
}

function describeName(name: string, path: string): string {
  return cdk.Token.isUnresolved(name) ? `'${path}'` : `'${name}' (${path})`;
}
