import { CustomResource, IResource, Resource, Size, SizeRoundingBehavior } from 'aws-cdk-lib';
import { CfnImageBuilder } from 'aws-cdk-lib/aws-appstream';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { replaceableName, validateNames, warnIfNameGiven } from './private/apps-validation';
import { appStreamArn, appStreamResourceName } from './private/arns';
import { IMAGE_BUILDER_STATE_RESOURCE_TYPE, ImageBuilderStateProps } from './private/image-builder-state-contract';
import { validateNetwork, vpcConfigOf } from './private/network';
import { AppStreamProvider } from '../core/private/appstream-provider';
import { checkBoolean, checkEnum, checkEnumLike, checkObject, checkString, checkSize } from '../core/private/input-types';
import { AGENT_VERSION, ROOT_VOLUME_GIB } from '../core/private/limits';
import { newInstanceRole } from '../core/private/service-access';
import { applyTags, validateTags } from '../core/private/tags';
import { PropsValidator } from '../core/private/validation';
import { FleetDomainJoin } from '../fleet/fleet-props';
import { FleetImage } from '../fleet/image';
import { InstanceType } from '../fleet/instance-type';
import { validateDomainJoinTarget } from '../fleet/private/fleet-validation';
import { renderAccessEndpoints } from '../stack/private/stack-validation';

/**
 * The state an image builder is kept in after each deployment that creates it.
 */
export enum ImageBuilderState {
  /**
   * The builder runs: administrators can connect to it. A running builder is billed by the hour
   * for its instance, used or not.
   */
  RUNNING = 'RUNNING',

  /** The builder is stopped: no instance charges; start it to use it. */
  STOPPED = 'STOPPED',
}

/**
 * An AppStream image builder: owned (`ImageBuilder`) or imported.
 */
export interface IImageBuilder extends IResource, iam.IGrantable, ec2.IConnectable {
  /**
   * The name of the image builder.
   * @attribute
   */
  readonly imageBuilderName: string;

  /**
   * The ARN of the image builder.
   * @attribute
   */
  readonly imageBuilderArn: string;

  /**
   * Grants `actions` on this image builder (its ARN) to `grantee`.
   *
   * @param grantee who gets the permissions
   * @param actions IAM actions, such as `appstream:StartImageBuilder`
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;
}

/**
 * Attributes of an image builder defined outside this app.
 */
export interface ImageBuilderAttributes {
  /**
   * The name of the image builder.
   *
   * @default - taken from `imageBuilderArn`
   */
  readonly imageBuilderName?: string;

  /**
   * The ARN of the image builder.
   *
   * @default - built from `imageBuilderName` in this stack's account and region
   */
  readonly imageBuilderArn?: string;

  /**
   * The image builder's security groups, for `connections`.
   *
   * @default - none: `connections` throws
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * The IAM role of the image builder: grants to it go to this role.
   *
   * @default - unknown: grants to the image builder fail
   */
  readonly role?: iam.IRole;
}

/**
 * Properties of an image builder.
 */
export interface ImageBuilderProps {
  /** The instance type of the image builder. */
  readonly instanceType: InstanceType;

  /** The image the image builder starts from (`FleetImage.fromName()`, `.fromArn()`, `.latest()`). */
  readonly image: FleetImage;

  /**
   * The name of the image builder (1 to 101 characters: letters, digits, `_`, `.` and `-`, starting
   * with a letter or digit).
   *
   * An image builder has no CloudFormation update: every change replaces it, and a given name makes
   * every change fail (the new builder is created, with the same name, before the old one is
   * deleted). The construct warns when it is given.
   *
   * @default - a name generated from the construct path and a hash of every property, so that a
   * change gives the new image builder a new name
   */
  readonly imageBuilderName?: string;

  /**
   * The name to display (at most 100 characters).
   *
   * @default - none
   */
  readonly displayName?: string;

  /**
   * The description to display (at most 256 characters).
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * The VPC of the image builder. Required for a domain join.
   *
   * @default - no VPC: AppStream-managed networking
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The subnet of the image builder: an image builder takes one, the first of this selection.
   *
   * @default - the first of the VPC's private subnets (its default selection)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Security groups of the image builder (at most 5).
   *
   * @default - a new security group when `vpc` is set
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Whether the image builder gets default internet access (in a VPC, only in a public subnet).
   *
   * @default false
   */
  readonly enableDefaultInternetAccess?: boolean;

  /**
   * Joins the image builder to an Active Directory domain. Needs `vpc`.
   *
   * @default - not domain-joined
   */
  readonly domainJoin?: FleetDomainJoin;

  /**
   * The IAM role that the image builder assumes (profile `appstream_machine_role`).
   *
   * @default - a new role assumed by `appstream.amazonaws.com`, created when the image builder is
   * first granted something or `imageBuilder.role` is read
   */
  readonly role?: iam.IRole;

  /**
   * Interface VPC endpoints (1 to 4) through which administrators must connect to the image builder.
   *
   * @default - over the internet
   */
  readonly accessEndpoints?: ec2.IInterfaceVpcEndpoint[];

  /**
   * The version of the AppStream agent, such as `[LATEST]` (1 to 100 characters).
   *
   * @default - the agent of the image
   */
  readonly appStreamAgentVersion?: string;

  /**
   * The size of the root volume (200 to 500 GiB, whole GiB).
   *
   * @default - 200 GiB
   */
  readonly rootVolumeSize?: Size;

  /**
   * The state the image builder is put in once created: a custom resource starts or stops it and
   * waits until it is there, failing with the builder's own errors if it ends FAILED. AppStream
   * starts a new builder on its own; `STOPPED` stops it as soon as it is running, so that it costs
   * nothing until someone starts it. Every change of an image builder replaces it, and the new
   * builder is put in this state too.
   *
   * @default - the state is not managed: the builder runs from its creation on
   */
  readonly desiredState?: ImageBuilderState;

  /**
   * Tags for the image builder (at most 50). `Tags.of()` works as well. A change of them replaces
   * the image builder, as every change does.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** What owned and imported image builders share. */
export abstract class ImageBuilderBase extends Resource implements IImageBuilder {
  public abstract readonly imageBuilderName: string;
  public abstract readonly imageBuilderArn: string;
  public abstract readonly grantPrincipal: iam.IPrincipal;

  /** The security groups of the image builder, when it has any. */
  protected abstract readonly securityGroups?: ec2.ISecurityGroup[];

  private _connections?: ec2.Connections;

  /** The network connections of the image builder: only one in a VPC has them. */
  public get connections(): ec2.Connections {
    if (!this.securityGroups || this.securityGroups.length === 0) {
      throw new Error(`${this.node.path}: only an image builder in a VPC has security groups to manage; give it a vpc (or import it with securityGroups)`);
    }
    this._connections ??= new ec2.Connections({ securityGroups: this.securityGroups });
    return this._connections;
  }

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.imageBuilderArn] });
  }
}

/** The IAM resource type of image builders. */
const RESOURCE_TYPE = 'image-builder';

/**
 * An AppStream image builder: the instance on which you install applications and create an image.
 *
 * CloudFormation cannot update an image builder: every change replaces it. CloudFormation does not
 * take `DisableIMDSV1` for image builders either (the API does): IMDSv1 stays as AppStream sets it.
 * An image builder runs, and costs, from its creation until it is stopped or deleted.
 *
 * @resource AWS::AppStream::ImageBuilder
 */
export class ImageBuilder extends ImageBuilderBase {
  /**
   * Imports an image builder by name (in this stack's account and region).
   *
   * @param scope scope of the import
   * @param id construct id
   * @param imageBuilderName the image builder's name
   */
  public static fromImageBuilderName(scope: Construct, id: string, imageBuilderName: string): IImageBuilder {
    return ImageBuilder.fromImageBuilderAttributes(scope, id, { imageBuilderName });
  }

  /**
   * Imports an image builder from its attributes.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param attrs the image builder's attributes
   */
  public static fromImageBuilderAttributes(scope: Construct, id: string, attrs: ImageBuilderAttributes): IImageBuilder {
    const imageBuilderName = appStreamResourceName(scope, id, 'ImageBuilder.fromImageBuilderAttributes', attrs.imageBuilderName, attrs.imageBuilderArn);
    const imageBuilderArn = attrs.imageBuilderArn ?? appStreamArn(scope, RESOURCE_TYPE, imageBuilderName);
    class Import extends ImageBuilderBase {
      public readonly imageBuilderName = imageBuilderName;
      public readonly imageBuilderArn = imageBuilderArn;
      public readonly grantPrincipal: iam.IPrincipal = attrs.role ?? new iam.UnknownPrincipal({ resource: this });
      protected readonly securityGroups = attrs.securityGroups;
    }
    return new Import(scope, id, { environmentFromArn: attrs.imageBuilderArn });
  }

  /**
   * The name of the image builder.
   * @attribute
   */
  public readonly imageBuilderName: string;

  /**
   * The ARN of the image builder.
   * @attribute
   */
  public readonly imageBuilderArn: string;

  /**
   * The URL of a streaming session to the image builder.
   * @attribute
   */
  public readonly imageBuilderStreamingUrl: string;

  protected readonly securityGroups?: ec2.ISecurityGroup[];
  private instanceRole?: iam.IRole;
  private readonly resource: CfnImageBuilder;

  constructor(scope: Construct, id: string, props: ImageBuilderProps) {
    super(scope, id, {
      physicalName: replaceableName(() => this, props?.imageBuilderName, () => this.replacingProperties()),
    });
    const types = new PropsValidator(this);
    checkEnumLike(types, 'instanceType', props?.instanceType, 'InstanceType', 'STANDARD_MEDIUM');
    if (props?.instanceType === undefined) {
      types.failRule('instanceType: is required, such as InstanceType.STANDARD_MEDIUM');
    }
    if (props?.image === undefined) {
      types.failRule('image: is required, such as FleetImage.fromName("AppStream-WinServer2022-09-01-2025")');
    } else {
      checkObject(types, 'image', props.image, 'a FleetImage such as FleetImage.fromName()', ['bind']);
    }
    checkBoolean(types, 'enableDefaultInternetAccess', props?.enableDefaultInternetAccess);
    checkString(types, 'appStreamAgentVersion', props?.appStreamAgentVersion, '"[LATEST]"');
    checkSize(types, 'rootVolumeSize', props?.rootVolumeSize, 'Size.gibibytes(300)');
    checkEnum(types, 'desiredState', props?.desiredState, 'ImageBuilderState', ImageBuilderState);
    types.throwIfInvalid();

    const v = new PropsValidator(this);
    validateNames(v, 'imageBuilderName', { name: props.imageBuilderName, displayName: props.displayName, description: props.description });
    validateTags(v, props.tags);
    v.string('appStreamAgentVersion', props.appStreamAgentVersion, AGENT_VERSION);
    v.sizeInRange('rootVolumeSize', props.rootVolumeSize, ROOT_VOLUME_GIB.min, ROOT_VOLUME_GIB.max);
    const subnets = validateNetwork(v, props, { min: 1, firstOnly: true });
    validateDomainJoinTarget(v, props.domainJoin, props.vpc !== undefined, 'image builder');
    const accessEndpoints = renderAccessEndpoints(v, props.accessEndpoints);
    const image = props.image.bind(this);
    v.throwIfInvalid();

    this.instanceRole = props.role;
    this.securityGroups = props.vpc
      ? props.securityGroups ?? [new ec2.SecurityGroup(this, 'SecurityGroup', { vpc: props.vpc, description: `AppStream image builder ${this.node.path}` })]
      : undefined;
    this.resource = new CfnImageBuilder(this, 'Resource', {
      name: this.physicalName,
      instanceType: props.instanceType.value,
      imageName: image.imageName,
      imageArn: image.imageArn,
      displayName: props.displayName,
      description: props.description,
      vpcConfig: vpcConfigOf(subnets, this.securityGroups),
      enableDefaultInternetAccess: props.enableDefaultInternetAccess,
      domainJoinInfo: props.domainJoin
        ? { directoryName: props.domainJoin.directory.directoryName, organizationalUnitDistinguishedName: props.domainJoin.organizationalUnit }
        : undefined,
      iamRoleArn: props.role?.roleArn,
      accessEndpoints,
      appstreamAgentVersion: props.appStreamAgentVersion,
      rootVolumeConfig: props.rootVolumeSize
        ? { volumeSizeInGb: props.rootVolumeSize.toGibibytes({ rounding: SizeRoundingBehavior.FAIL }) }
        : undefined,
    });
    if (props.domainJoin) {
      this.resource.node.addDependency(props.domainJoin.directory);
    }
    applyTags(this, props.tags, this.resource.tags);
    warnIfNameGiven(this, 'imageBuilderName', props.imageBuilderName, 'any property (an image builder has no update)');

    this.imageBuilderName = this.getResourceNameAttribute(this.resource.ref);
    this.imageBuilderArn = this.getResourceArnAttribute(appStreamArn(this, RESOURCE_TYPE, this.resource.ref), {
      service: 'appstream', resource: RESOURCE_TYPE, resourceName: this.physicalName,
    });
    this.imageBuilderStreamingUrl = this.resource.attrStreamingUrl;

    if (props.desiredState !== undefined) {
      this.keepState(props.desiredState);
    }
  }

  /**
   * The IAM role of the image builder. Reading it creates the default role (assumed by
   * `appstream.amazonaws.com` on behalf of this account only) if there is none yet.
   */
  public get role(): iam.IRole {
    if (!this.instanceRole) {
      this.instanceRole = newInstanceRole(this, 'InstanceRole', `Role of AppStream image builder ${this.node.path}`);
      this.resource.iamRoleArn = this.instanceRole.roleArn;
    }
    return this.instanceRole;
  }

  /** The principal that grants to the image builder go to: its role, created on first use. */
  public get grantPrincipal(): iam.IPrincipal {
    return this.role;
  }

  /**
   * `Custom::AppStreamImageBuilderState` on the builder, after it (`DependsOn`). It names the builder
   * by its physical name, as the provider's grant does, so that both always name the same builder.
   */
  private keepState(desiredState: ImageBuilderState): void {
    const provider = AppStreamProvider.getOrCreate(this);
    provider.grantDescribeImageBuilders();
    provider.grantStartStopImageBuilder(appStreamArn(this, RESOURCE_TYPE, this.physicalName));
    const state = new CustomResource(this, 'DesiredState', {
      serviceToken: provider.serviceToken,
      resourceType: IMAGE_BUILDER_STATE_RESOURCE_TYPE,
      properties: {
        [ImageBuilderStateProps.IMAGE_BUILDER_NAME]: this.physicalName,
        [ImageBuilderStateProps.DESIRED_STATE]: desiredState,
      },
    });
    state.node.addDependency(this.resource);
  }

  /** Every property but the name: an image builder has no update, so each replaces it. */
  private replacingProperties(): unknown {
    const r = this.resource;
    return [r.instanceType, r.imageName, r.imageArn, r.displayName, r.description, r.vpcConfig, r.enableDefaultInternetAccess,
      r.domainJoinInfo, r.iamRoleArn, r.accessEndpoints, r.appstreamAgentVersion, r.rootVolumeConfig, r.tags.renderTags()];
  }
}
