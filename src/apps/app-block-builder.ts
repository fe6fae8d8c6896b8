import { IResource, Lazy, Resource } from 'aws-cdk-lib';
import { CfnAppBlockBuilder } from 'aws-cdk-lib/aws-appstream';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { IAppBlock } from './app-block';
import { replaceableName, validateNames } from './private/apps-validation';
import { appStreamArn, appStreamResourceName } from './private/arns';
import { validateNetwork, vpcConfigOf } from './private/network';
import { checkArray, checkEnumLike, checkObject } from '../core/private/input-types';
import { newInstanceRole } from '../core/private/service-access';
import { applyTags, validateTags } from '../core/private/tags';
import { PropsValidator } from '../core/private/validation';
import { FleetPlatform } from '../fleet/fleet-platform';
import { InstanceType } from '../fleet/instance-type';
import { renderAccessEndpoints } from '../stack/private/stack-validation';

/**
 * An AppStream app block builder: owned (`AppBlockBuilder`) or imported.
 */
export interface IAppBlockBuilder extends IResource, iam.IGrantable, ec2.IConnectable {
  /**
   * The name of the app block builder.
   * @attribute
   */
  readonly appBlockBuilderName: string;

  /**
   * The ARN of the app block builder.
   * @attribute
   */
  readonly appBlockBuilderArn: string;

  /**
   * Grants `actions` on this app block builder (its ARN) to `grantee`.
   *
   * @param grantee who gets the permissions
   * @param actions IAM actions, such as `appstream:StartAppBlockBuilder`
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;
}

/**
 * Attributes of an app block builder defined outside this app.
 */
export interface AppBlockBuilderAttributes {
  /**
   * The name of the app block builder.
   *
   * @default - taken from `appBlockBuilderArn`
   */
  readonly appBlockBuilderName?: string;

  /**
   * The ARN of the app block builder.
   *
   * @default - built from `appBlockBuilderName` in this stack's account and region
   */
  readonly appBlockBuilderArn?: string;

  /**
   * Its security groups, for `connections`.
   *
   * @default - none: `connections` throws
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Its IAM role: grants to it go to this role.
   *
   * @default - unknown: grants to it fail
   */
  readonly role?: iam.IRole;
}

/**
 * Properties of an app block builder.
 */
export interface AppBlockBuilderProps {
  /** The instance type (`stream.standard.small` to `stream.standard.2xlarge`). */
  readonly instanceType: InstanceType;

  /** The VPC of the app block builder. */
  readonly vpc: ec2.IVpc;

  /**
   * The subnets: at least two, in different availability zones.
   *
   * @default - the VPC's private subnets (its default selection)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Security groups (at most 5).
   *
   * @default - a new security group
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Whether it gets default internet access (only in public subnets).
   *
   * @default false
   */
  readonly enableDefaultInternetAccess?: boolean;

  /**
   * The platform (`WINDOWS_SERVER_2019` is the only one the API documents).
   *
   * @default FleetPlatform.WINDOWS_SERVER_2019
   */
  readonly platform?: FleetPlatform;

  /**
   * The IAM role the instances assume (profile `appstream_machine_role`).
   *
   * @default - a new role assumed by `appstream.amazonaws.com`, created when the builder is first
   * granted something or `appBlockBuilder.role` is read
   */
  readonly role?: iam.IRole;

  /**
   * Interface VPC endpoints (1 to 4) through which administrators must connect.
   *
   * @default - over the internet
   */
  readonly accessEndpoints?: ec2.IInterfaceVpcEndpoint[];

  /**
   * The app blocks to build and test with this builder (`addAppBlock()` adds more).
   *
   * @default - none
   */
  readonly appBlocks?: IAppBlock[];

  /**
   * The name (1 to 101 characters: letters, digits, `_`, `.` and `-`, starting with a letter or
   * digit). Changing it replaces the builder.
   *
   * @default - a name generated from the construct path
   */
  readonly appBlockBuilderName?: string;

  /**
   * The display name (at most 100 characters).
   *
   * @default - none
   */
  readonly displayName?: string;

  /**
   * The description (at most 256 characters).
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Tags (at most 50). `Tags.of()` works as well.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** What owned and imported app block builders share. */
export abstract class AppBlockBuilderBase extends Resource implements IAppBlockBuilder {
  public abstract readonly appBlockBuilderName: string;
  public abstract readonly appBlockBuilderArn: string;
  public abstract readonly grantPrincipal: iam.IPrincipal;

  /** Its security groups, when known. */
  protected abstract readonly securityGroups?: ec2.ISecurityGroup[];

  private _connections?: ec2.Connections;

  /** The network connections of the app block builder's instances. */
  public get connections(): ec2.Connections {
    if (!this.securityGroups || this.securityGroups.length === 0) {
      throw new Error(`${this.node.path}: the security groups of this app block builder are not known; import it with securityGroups`);
    }
    this._connections ??= new ec2.Connections({ securityGroups: this.securityGroups });
    return this._connections;
  }

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.appBlockBuilderArn] });
  }
}

/** The IAM resource type of app block builders. */
const RESOURCE_TYPE = 'app-block-builder';

/**
 * An AppStream app block builder: the instance on which you package applications into APPSTREAM2
 * app blocks and test them, with the app blocks associated with it.
 *
 * CloudFormation does not take `DisableIMDSV1` for app block builders (the API does): IMDSv1 stays
 * as AppStream sets it.
 *
 * @resource AWS::AppStream::AppBlockBuilder
 */
export class AppBlockBuilder extends AppBlockBuilderBase {
  /**
   * Imports an app block builder by name (in this stack's account and region).
   *
   * @param scope scope of the import
   * @param id construct id
   * @param appBlockBuilderName the name
   */
  public static fromAppBlockBuilderName(scope: Construct, id: string, appBlockBuilderName: string): IAppBlockBuilder {
    return AppBlockBuilder.fromAppBlockBuilderAttributes(scope, id, { appBlockBuilderName });
  }

  /**
   * Imports an app block builder from its attributes.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param attrs the attributes
   */
  public static fromAppBlockBuilderAttributes(scope: Construct, id: string, attrs: AppBlockBuilderAttributes): IAppBlockBuilder {
    const name = appStreamResourceName(scope, id, 'AppBlockBuilder.fromAppBlockBuilderAttributes', attrs.appBlockBuilderName, attrs.appBlockBuilderArn);
    const arn = attrs.appBlockBuilderArn ?? appStreamArn(scope, RESOURCE_TYPE, name);
    class Import extends AppBlockBuilderBase {
      public readonly appBlockBuilderName = name;
      public readonly appBlockBuilderArn = arn;
      public readonly grantPrincipal: iam.IPrincipal = attrs.role ?? new iam.UnknownPrincipal({ resource: this });
      protected readonly securityGroups = attrs.securityGroups;
    }
    return new Import(scope, id, { environmentFromArn: attrs.appBlockBuilderArn });
  }

  /**
   * The name of the app block builder.
   * @attribute
   */
  public readonly appBlockBuilderName: string;

  /**
   * The ARN of the app block builder.
   * @attribute
   */
  public readonly appBlockBuilderArn: string;

  protected readonly securityGroups?: ec2.ISecurityGroup[];
  private instanceRole?: iam.IRole;
  private readonly resource: CfnAppBlockBuilder;
  private readonly appBlocks: IAppBlock[] = [];

  constructor(scope: Construct, id: string, props: AppBlockBuilderProps) {
    // Only the name is create-only: the generated name need not change with anything else.
    super(scope, id, { physicalName: replaceableName(() => this, props?.appBlockBuilderName, () => []) });
    const v = new PropsValidator(this);
    checkEnumLike(v, 'instanceType', props?.instanceType, 'InstanceType', 'STANDARD_MEDIUM');
    checkEnumLike(v, 'platform', props?.platform, 'FleetPlatform', 'WINDOWS_SERVER_2019');
    if (props?.instanceType === undefined) {
      v.failRule('instanceType: is required, such as InstanceType.STANDARD_MEDIUM');
    }
    if (props?.vpc === undefined) {
      v.failRule('vpc: is required, with subnets in at least two availability zones');
    }
    checkArray(v, 'appBlocks', props?.appBlocks);
    v.throwIfInvalid();

    validateNames(v, 'appBlockBuilderName', { name: props.appBlockBuilderName, displayName: props.displayName, description: props.description });
    validateTags(v, props.tags);
    const subnets = validateNetwork(v, props, { min: 2, twoZones: true });
    const accessEndpoints = renderAccessEndpoints(v, props.accessEndpoints);
    v.throwIfInvalid();

    this.instanceRole = props.role;
    this.securityGroups = props.securityGroups
      ?? [new ec2.SecurityGroup(this, 'SecurityGroup', { vpc: props.vpc, description: `AppStream app block builder ${this.node.path}` })];
    this.resource = new CfnAppBlockBuilder(this, 'Resource', {
      name: this.physicalName,
      displayName: props.displayName,
      description: props.description,
      instanceType: props.instanceType.value,
      platform: (props.platform ?? FleetPlatform.WINDOWS_SERVER_2019).value,
      vpcConfig: vpcConfigOf(subnets, this.securityGroups)!,
      enableDefaultInternetAccess: props.enableDefaultInternetAccess,
      iamRoleArn: props.role?.roleArn,
      accessEndpoints,
      appBlockArns: Lazy.list({ produce: () => this.appBlocks.map((b) => b.appBlockArn) }, { omitEmpty: true }),
    });
    applyTags(this, props.tags, this.resource.cdkTagManager);
    for (const appBlock of props.appBlocks ?? []) {
      this.addAppBlock(appBlock);
    }

    this.appBlockBuilderName = this.getResourceNameAttribute(this.resource.ref);
    this.appBlockBuilderArn = this.getResourceArnAttribute(this.resource.attrArn, {
      service: 'appstream', resource: RESOURCE_TYPE, resourceName: this.physicalName,
    });
  }

  /**
   * Associates an app block with this builder (its `AppBlockArns`), each once.
   *
   * @param appBlock the app block
   */
  public addAppBlock(appBlock: IAppBlock): void {
    const v = new PropsValidator(this);
    if (checkObject(v, 'addAppBlock()', appBlock, 'an app block (IAppBlock) such as an AppBlock', ['appBlockArn', 'node']) && this.appBlocks.includes(appBlock)) {
      v.fail('addAppBlock()', appBlock.node.path, 'was already added to this app block builder; add each app block once');
    }
    v.throwIfInvalid();
    this.appBlocks.push(appBlock);
    this.resource.node.addDependency(appBlock);
  }

  /**
   * The IAM role of the app block builder. Reading it creates the default role if there is none yet.
   */
  public get role(): iam.IRole {
    if (!this.instanceRole) {
      this.instanceRole = newInstanceRole(this, 'InstanceRole', `Role of AppStream app block builder ${this.node.path}`);
      this.resource.iamRoleArn = this.instanceRole.roleArn;
    }
    return this.instanceRole;
  }

  /** The principal that grants go to: its role, created on first use. */
  public get grantPrincipal(): iam.IPrincipal {
    return this.role;
  }
}
