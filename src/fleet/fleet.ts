import { Annotations, ArnFormat, CfnResource, Duration, IResource, Lazy, Names, Resource, SizeRoundingBehavior, Stack, Tags } from 'aws-cdk-lib';
import { CfnApplicationFleetAssociation } from 'aws-cdk-lib/aws-appstream';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { FleetAutoScalingProps, IScalableFleetCapacity } from './fleet-autoscaling';
import { FleetAttributes, FleetProps } from './fleet-props';
import { FleetState, FleetUpdateBehavior } from './fleet-state';
import { FleetType } from './fleet-type';
import { generatedFleetName } from './private/fleet-name';
import { FleetCfnResource } from './private/fleet-resource';
import { ScalableFleetCapacity } from './private/fleet-scalable-capacity';
import { fleetArnComponents, fleetArnOf, FleetStateResource } from './private/fleet-state-resource';
import { FleetUpdateGuard } from './private/fleet-state-update-guard';
import {
  renderAttributesToDelete, toSeconds, validateFleetAttributes, validateFleetProps, validateFleetPropTypes, validateRenderedFleet,
} from './private/fleet-validation';
import { IApplication } from '../apps/application-interface';
import { checkObject } from '../core/private/input-types';
import { newInstanceRole } from '../core/private/service-access';
import { PropsValidator } from '../core/private/validation';
import { Warnings } from '../core/private/warnings';

/**
 * An AppStream fleet: owned (`Fleet`) or imported (`Fleet.fromFleetName()` and friends).
 */
export interface IFleet extends IResource, iam.IGrantable, ec2.IConnectable {
  /**
   * The name of the fleet.
   * @attribute
   */
  readonly fleetName: string;

  /**
   * The ARN of the fleet.
   * @attribute
   */
  readonly fleetArn: string;

  /**
   * Whether the fleet's instances join an Active Directory domain.
   *
   * @default - unknown (imported fleets that do not say)
   */
  readonly domainJoined?: boolean;

  /**
   * The fleet type.
   *
   * @default - unknown (imported fleets that do not say)
   */
  readonly fleetType?: FleetType;

  /**
   * Grants `actions` on this fleet (its ARN) to `grantee`.
   *
   * @param grantee who gets the permissions
   * @param actions IAM actions, such as `appstream:DescribeFleets`
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;

  /**
   * A CloudWatch metric of this fleet in the `AWS/AppStream` namespace (dimension `Fleet`).
   *
   * @param metricName the metric name, such as `CapacityUtilization`
   * @param props overrides
   * @default - average over 5 minutes
   */
  metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `CapacityUtilization`: in-use capacity as a percentage of actual capacity (instances, or session
   * slots for multi-session fleets).
   *
   * @default - average over 5 minutes
   */
  metricCapacityUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `ActualCapacity`: instances available for streaming or streaming.
   *
   * @default - average over 5 minutes
   */
  metricActualCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `AvailableCapacity`: idle instances available for new sessions.
   *
   * @default - average over 5 minutes
   */
  metricAvailableCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `DesiredCapacity`: instances running or pending.
   *
   * @default - average over 5 minutes
   */
  metricDesiredCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `InUseCapacity`: instances streaming a session (for Elastic fleets: sessions).
   *
   * @default - average over 5 minutes
   */
  metricInUseCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `PendingCapacity`: instances being provisioned.
   *
   * @default - average over 5 minutes
   */
  metricPendingCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `RunningCapacity`: instances running (Always-On fleets).
   *
   * @default - average over 5 minutes
   */
  metricRunningCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `InsufficientCapacityError`: session requests refused for lack of capacity.
   *
   * @default - sum over 5 minutes
   */
  metricInsufficientCapacityError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `InsufficientConcurrencyLimitError`: Elastic fleet session requests refused because
   * `maxConcurrentSessions` was reached.
   *
   * @default - sum over 5 minutes
   */
  metricInsufficientConcurrencyLimitError(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `ActualUserSessionCapacity` (multi-session): session slots available for streaming or streaming.
   *
   * @default - average over 5 minutes
   */
  metricActualUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `AvailableUserSessionCapacity` (multi-session): idle session slots.
   *
   * @default - average over 5 minutes
   */
  metricAvailableUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `DesiredUserSessionCapacity` (multi-session): session slots running or pending.
   *
   * @default - average over 5 minutes
   */
  metricDesiredUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `ActiveUserSessionCapacity` (multi-session): session slots in use.
   *
   * @default - average over 5 minutes
   */
  metricActiveUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `PendingUserSessionCapacity` (multi-session): session slots being provisioned.
   *
   * @default - average over 5 minutes
   */
  metricPendingUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `RunningUserSessionCapacity` (multi-session, Always-On fleets): session slots running.
   *
   * @default - average over 5 minutes
   */
  metricRunningUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * `DrainingCapacity` (multi-session): instances in drain mode.
   *
   * @default - average over 5 minutes
   */
  metricDrainingCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric;

  /**
   * Registers the fleet's desired capacity with Application Auto Scaling (not for Elastic fleets;
   * once per fleet).
   *
   * @param props the capacity limits
   */
  autoScaleCapacity(props: FleetAutoScalingProps): IScalableFleetCapacity;

  /**
   * Makes `application` available on this Elastic fleet (an `AWS::AppStream::ApplicationFleetAssociation`).
   *
   * @param application the application
   */
  addApplication(application: IApplication): void;
}

const METRIC_NAMESPACE = 'AWS/AppStream';

/**
 * What owned and imported fleets share: grants, metrics, auto scaling.
 */
export abstract class FleetBase extends Resource implements IFleet {
  public abstract readonly fleetName: string;
  public abstract readonly fleetArn: string;
  public abstract readonly grantPrincipal: iam.IPrincipal;
  public abstract readonly domainJoined?: boolean;
  public abstract readonly fleetType?: FleetType;

  /** The security groups of the fleet, when it has any. */
  protected abstract readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * The fleet's own resource, which application associations depend on.
   *
   * @default - none (imported fleets)
   */
  protected fleetResource?: CfnResource;

  private _connections?: ec2.Connections;
  private scalableCapacity?: ScalableFleetCapacity;
  private readonly applicationIds = new Set<string>();

  /** The applications added to the fleet, in the order they were added. */
  public get applications(): IApplication[] {
    return [...this.addedApplications];
  }

  private readonly addedApplications: IApplication[] = [];

  /**
   * The network connections of the fleet's instances. Only fleets in a VPC (or imported with
   * security groups) have them.
   */
  public get connections(): ec2.Connections {
    if (!this.securityGroups || this.securityGroups.length === 0) {
      throw new Error(`${this.node.path}: only a fleet in a VPC has security groups to manage; give the fleet a vpc (or import it with securityGroups)`);
    }
    this._connections ??= new ec2.Connections({ securityGroups: this.securityGroups });
    return this._connections;
  }

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.fleetArn] });
  }

  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: METRIC_NAMESPACE,
      metricName,
      dimensionsMap: { Fleet: this.fleetName },
      period: Duration.minutes(5),
      statistic: cloudwatch.Stats.AVERAGE,
      ...props,
    }).attachTo(this);
  }

  public metricCapacityUtilization(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('CapacityUtilization', props);
  }

  public metricActualCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ActualCapacity', props);
  }

  public metricAvailableCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('AvailableCapacity', props);
  }

  public metricDesiredCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('DesiredCapacity', props);
  }

  public metricInUseCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('InUseCapacity', props);
  }

  public metricPendingCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('PendingCapacity', props);
  }

  public metricRunningCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('RunningCapacity', props);
  }

  public metricInsufficientCapacityError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('InsufficientCapacityError', { statistic: cloudwatch.Stats.SUM, ...props });
  }

  public metricInsufficientConcurrencyLimitError(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('InsufficientConcurrencyLimitError', { statistic: cloudwatch.Stats.SUM, ...props });
  }

  public metricActualUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ActualUserSessionCapacity', props);
  }

  public metricAvailableUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('AvailableUserSessionCapacity', props);
  }

  public metricDesiredUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('DesiredUserSessionCapacity', props);
  }

  public metricActiveUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('ActiveUserSessionCapacity', props);
  }

  public metricPendingUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('PendingUserSessionCapacity', props);
  }

  public metricRunningUserSessionCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('RunningUserSessionCapacity', props);
  }

  public metricDrainingCapacity(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metric('DrainingCapacity', props);
  }

  /**
   * Makes `application` available on this fleet, through an `AWS::AppStream::ApplicationFleetAssociation`
   * that depends on both the fleet and the application, so that CloudFormation deletes the
   * association before either of them. Only Elastic fleets take applications (other fleets run the
   * applications of their image); each application once.
   *
   * @param application the application
   */
  public addApplication(application: IApplication): void {
    const v = new PropsValidator(this);
    if (checkObject(v, 'addApplication()', application, 'an application (IApplication) such as an Application or Application.fromApplicationName()', ['applicationArn', 'node'])) {
      if (this.fleetType !== undefined && this.fleetType !== FleetType.ELASTIC) {
        v.failRule(`addApplication(): only Elastic fleets take applications; an ${this.fleetType} fleet runs the applications installed in its image`);
      }
      const id = `Application${Names.nodeUniqueId(application.node)}`;
      if (this.applicationIds.has(id)) {
        v.fail('addApplication()', application.node.path, 'was already added to this fleet; add each application once');
      }
      v.throwIfInvalid();
      this.applicationIds.add(id);
      this.addedApplications.push(application);
      const association = new CfnApplicationFleetAssociation(this, id, {
        fleetName: this.fleetName,
        applicationArn: application.applicationArn,
      });
      if (this.fleetResource) {
        association.addDependency(this.fleetResource);
      }
      association.node.addDependency(application);
      return;
    }
    v.throwIfInvalid();
  }

  /**
   * Registers the fleet's desired capacity (`appstream:fleet:DesiredCapacity`, resource
   * `fleet/<name>`) with Application Auto Scaling; add policies to the result. Not for Elastic fleets,
   * which scale per session on their own. Once per fleet.
   *
   * @param props the capacity limits
   */
  public autoScaleCapacity(props: FleetAutoScalingProps): IScalableFleetCapacity {
    const validator = new PropsValidator(this);
    if (this.scalableCapacity) {
      validator.failRule('autoScaleCapacity: was already called on this fleet; add policies to the object it returned');
    }
    if (this.fleetType === FleetType.ELASTIC) {
      validator.failRule('autoScaleCapacity: Elastic fleets cannot be auto scaled (they have no desired capacity; raise maxConcurrentSessions instead)');
    }
    const minCapacity = props.minCapacity ?? 1;
    validator.integerInRange('autoScaleCapacity.minCapacity', minCapacity, 0, Number.MAX_SAFE_INTEGER);
    validator.integerInRange('autoScaleCapacity.maxCapacity', props.maxCapacity, 0, Number.MAX_SAFE_INTEGER);
    if (!validator.hasProblems && minCapacity > props.maxCapacity) {
      validator.fail('autoScaleCapacity.maxCapacity', props.maxCapacity, `must be at least minCapacity (${minCapacity})`);
    }
    validator.throwIfInvalid();
    this.scalableCapacity = new ScalableFleetCapacity(this, 'ScalableCapacity', {
      fleetName: this.fleetName,
      minCapacity,
      maxCapacity: props.maxCapacity,
    });
    return this.scalableCapacity;
  }
}

/**
 * An AppStream (WorkSpaces Applications) fleet: the streaming instances that users' sessions run on.
 *
 * @resource AWS::AppStream::Fleet
 */
export class Fleet extends FleetBase {
  /**
   * Imports a fleet by name (in this stack's account and region).
   *
   * @param scope scope of the import
   * @param id construct id
   * @param fleetName the fleet's name
   */
  public static fromFleetName(scope: Construct, id: string, fleetName: string): IFleet {
    return Fleet.fromFleetAttributes(scope, id, { fleetName });
  }

  /**
   * Imports a fleet by ARN.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param fleetArn the fleet's ARN (`arn:aws:appstream:<region>:<account>:fleet/<name>`)
   */
  public static fromFleetArn(scope: Construct, id: string, fleetArn: string): IFleet {
    return Fleet.fromFleetAttributes(scope, id, { fleetArn });
  }

  /**
   * Imports a fleet from its attributes: its name or ARN, and optionally its security groups, role,
   * type and whether it is domain-joined.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param attrs the fleet's attributes
   */
  public static fromFleetAttributes(scope: Construct, id: string, attrs: FleetAttributes): IFleet {
    const v = PropsValidator.forImport(scope, id, 'Fleet.fromFleetAttributes');
    validateFleetAttributes(v, attrs);
    v.throwIfInvalid();
    const stack = Stack.of(scope);
    const fleetName = attrs.fleetName
      ?? stack.splitArn(attrs.fleetArn!, ArnFormat.SLASH_RESOURCE_NAME).resourceName!;
    const fleetArn = attrs.fleetArn ?? fleetArnOf(scope, fleetName);

    class Import extends FleetBase {
      public readonly fleetName = fleetName;
      public readonly fleetArn = fleetArn;
      public readonly grantPrincipal: iam.IPrincipal = attrs.role ?? new iam.UnknownPrincipal({ resource: this });
      public readonly domainJoined = attrs.domainJoined;
      public readonly fleetType = attrs.fleetType;
      protected readonly securityGroups = attrs.securityGroups;
    }
    return new Import(scope, id, { environmentFromArn: attrs.fleetArn });
  }

  /**
   * The name of the fleet.
   * @attribute
   */
  public readonly fleetName: string;

  /** The fleet type. */
  public readonly fleetType?: FleetType;

  /** Whether the fleet's instances join an Active Directory domain. */
  public readonly domainJoined?: boolean;

  private instanceRole?: iam.IRole;
  private arn?: string;

  protected readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * The underlying `AWS::AppStream::Fleet` resource.
   * @internal
   */
  public readonly _resource: FleetCfnResource;

  /**
   * The IAM role of the fleet's streaming instances. Reading it creates the default role (assumed by
   * `appstream.amazonaws.com` on behalf of this account only: the `aws:SourceAccount` condition of
   * AppStream's cross-service confused-deputy guidance) if the fleet has none yet.
   */
  public get role(): iam.IRole {
    if (!this.instanceRole) {
      this.instanceRole = newInstanceRole(this, 'InstanceRole', `Role of the streaming instances of AppStream fleet ${this.node.path}`);
      this._resource.iamRoleArn = this.instanceRole.roleArn;
    }
    return this.instanceRole;
  }

  /**
   * The ARN of the fleet (built on first use: most apps never need it).
   * @attribute
   */
  public get fleetArn(): string {
    this.arn ??= this.getResourceArnAttribute(fleetArnOf(this, this._resource.ref), fleetArnComponents(this.physicalName));
    return this.arn;
  }

  /**
   * The principal that grants to the fleet go to: its role, created on first use.
   */
  public get grantPrincipal(): iam.IPrincipal {
    return this.role;
  }

  constructor(scope: Construct, id: string, props: FleetProps) {
    super(scope, id, {
      physicalName: props?.fleetName ?? Lazy.string({
        produce: () => generatedFleetName(this, { FleetType: this.fleetType }),
      }),
    });
    // From plain JavaScript a prop of the wrong type would change meaning or crash below: check first.
    const types = new PropsValidator(this);
    validateFleetPropTypes(types, props);
    types.throwIfInvalid();

    this.fleetType = props.fleetType ?? FleetType.ON_DEMAND;
    this.domainJoined = props.domainJoin !== undefined;
    const image = props.image?.bind(this);
    const subnets = props.vpc?.selectSubnets(props.vpcSubnets);
    const sessionScript = props.sessionScript?.bind(this);

    const validator = new PropsValidator(this);
    const warnings = validateFleetProps(validator, { props, fleetType: this.fleetType, image, subnets, sessionScript });
    validator.throwIfInvalid();
    for (const warning of warnings) {
      Annotations.of(this).addWarningV2(Warnings.VALUE_BEYOND_NARROWEST_LIMIT, warning);
    }

    this.instanceRole = props.role;

    if (props.vpc) {
      this.securityGroups = props.securityGroups ?? [new ec2.SecurityGroup(this, 'SecurityGroup', {
        vpc: props.vpc,
        description: `AppStream fleet ${this.node.path}`,
      })];
    }
    this._resource = new FleetCfnResource(this, 'Resource', {
      name: this.physicalName,
      instanceType: props.instanceType.value,
      fleetType: this.fleetType,
      imageName: image?.imageName,
      imageArn: image?.imageArn,
      displayName: props.displayName,
      description: props.description,
      computeCapacity: props.desiredCapacity !== undefined || props.desiredSessions !== undefined
        ? { desiredInstances: props.desiredCapacity, desiredSessions: props.desiredSessions }
        : undefined,
      maxSessionsPerInstance: props.maxSessionsPerInstance,
      maxConcurrentSessions: props.maxConcurrentSessions,
      platform: props.platform?.value,
      sessionScriptS3Location: sessionScript
        ? { s3Bucket: sessionScript.bucket.bucketName, s3Key: sessionScript.key }
        : undefined,
      usbDeviceFilterStrings: props.usbDeviceFilterStrings,
      streamView: props.streamView,
      vpcConfig: subnets
        ? { subnetIds: subnets.subnetIds, securityGroupIds: this.securityGroups!.map(sg => sg.securityGroupId) }
        : undefined,
      enableDefaultInternetAccess: props.enableDefaultInternetAccess,
      maxUserDurationInSeconds: toSeconds(props.maxUserDuration),
      disconnectTimeoutInSeconds: toSeconds(props.disconnectTimeout),
      idleDisconnectTimeoutInSeconds: toSeconds(props.idleDisconnectTimeout),
      rootVolumeConfig: props.rootVolumeSize
        ? { volumeSizeInGb: props.rootVolumeSize.toGibibytes({ rounding: SizeRoundingBehavior.FAIL }) }
        : undefined,
      // The default role is created, and set here, only when something asks for it (see `role`).
      iamRoleArn: props.role?.roleArn,
      disableImdsv1: props.disableImdsV1 ?? true,
      domainJoinInfo: props.domainJoin
        ? {
          directoryName: props.domainJoin.directory.directoryName,
          organizationalUnitDistinguishedName: props.domainJoin.organizationalUnit,
        }
        : undefined,
    });
    for (const [key, value] of Object.entries(props.tags ?? {})) {
      Tags.of(this).add(key, value);
    }
    const attributesToDelete = renderAttributesToDelete(props.attributesToDelete);
    if (attributesToDelete) {
      // The L1 of aws-cdk-lib 2.257.0 lacks AttributesToDelete; the registry schema has it.
      this._resource.addPropertyOverride('AttributesToDelete', attributesToDelete);
    }
    // Tags given with Tags.of() and the lazily created role are known only at synthesis.
    this.node.addValidation({
      validate: () => {
        const rendered = new PropsValidator(this);
        validateRenderedFleet(rendered, this._resource, props.attributesToDelete);
        for (const warning of rendered.warnings) {
          Annotations.of(this).addWarningV2(Warnings.VALUE_BEYOND_NARROWEST_LIMIT, warning);
        }
        return rendered.messages;
      },
    });
    if (props.domainJoin) {
      this._resource.node.addDependency(props.domainJoin.directory);
    }
    if (props.enableDefaultInternetAccess && props.vpc && subnets && !subnets.isPendingLookup) {
      const publicSubnets = new Set<ec2.ISubnet>(props.vpc.publicSubnets);
      const others = subnets.subnets.filter((subnet) => !publicSubnets.has(subnet));
      if (others.length > 0) {
        Annotations.of(this).addWarningV2(Warnings.DEFAULT_INTERNET_ACCESS_IN_PRIVATE_SUBNETS,
          'enableDefaultInternetAccess works only in public subnets (with a route to an internet gateway), '
          + `but ${others.length} of the ${subnets.subnets.length} selected subnets are not public subnets of the vpc (${others.map((o) => o.node.path).join(', ')}): `
          + 'select public subnets (vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }), or turn default internet access off and reach the internet through a NAT gateway');
      }
    }
    if (props.startOnCreate) {
      this._resource.cfnOptions.creationPolicy = { ...this._resource.cfnOptions.creationPolicy, startFleet: true };
    }
    if (props.updateBehavior !== undefined && props.desiredState !== FleetState.RUNNING) {
      Annotations.of(this).addWarningV2(Warnings.UPDATE_BEHAVIOR_WITHOUT_RUNNING_STATE,
        'updateBehavior applies only when desiredState is FleetState.RUNNING (with STOPPED a running fleet is always stopped before a change it refuses); it is ignored here');
    }
    if (props.startOnCreate && props.desiredState !== undefined) {
      Annotations.of(this).addWarningV2(Warnings.START_ON_CREATE_WITH_DESIRED_STATE,
        'startOnCreate is redundant with desiredState, which starts or stops the fleet on every deployment that changes it');
    }
    if (props.desiredState !== undefined) {
      // The fleet name must be a literal here, not the fleet's Ref: the guard runs before the fleet.
      // With STOPPED too: a fleet still running (say, RUNNING until this deployment) would refuse the change.
      new FleetUpdateGuard(this, 'UpdateGuard', {
        fleet: this._resource,
        fleetName: this.physicalName,
        updateBehavior: props.desiredState === FleetState.RUNNING
          ? props.updateBehavior ?? FleetUpdateBehavior.STOP_AND_RESTART
          : FleetUpdateBehavior.STOP_AND_RESTART,
      });
      new FleetStateResource(this, 'DesiredState', {
        fleet: this._resource,
        fleetName: this.physicalName,
        desiredState: props.desiredState,
      });
    }

    this.fleetName = this.getResourceNameAttribute(this._resource.ref);
    this.fleetResource = this._resource;

    for (const application of props.applications ?? []) {
      this.addApplication(application);
    }
    if (this.fleetType === FleetType.ELASTIC) {
      // Known only once the app is built: applications may be added after construction.
      this.node.addValidation({
        validate: () => {
          if (this.applications.length === 0) {
            Annotations.of(this).addWarningV2(Warnings.ELASTIC_FLEET_WITHOUT_APPLICATION,
              'This Elastic fleet has no application: users of its stack have nothing to launch. '
              + 'Add one with fleet.addApplication(app) (or the applications prop), or acknowledge this warning when the applications are associated elsewhere.');
          }
          return [];
        },
      });
    }
  }
}

