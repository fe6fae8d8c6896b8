import { Duration, Size } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { FleetAttribute } from './fleet-attribute';
import { FleetPlatform } from './fleet-platform';
import { FleetSessionScript } from './fleet-session-script';
import { FleetState, FleetUpdateBehavior } from './fleet-state';
import { FleetType, StreamView } from './fleet-type';
import { FleetImage } from './image';
import { InstanceType } from './instance-type';
import { IApplication } from '../apps/application-interface';
import { IDirectoryConfig } from '../directory/directory-config';

/**
 * How a fleet joins an Active Directory domain.
 */
export interface FleetDomainJoin {
  /**
   * The directory config that says how to join the domain.
   */
  readonly directory: IDirectoryConfig;

  /**
   * The distinguished name of the organizational unit for the fleet's computer accounts; one of the
   * directory config's organizational units.
   *
   * @default - none: AppStream uses the directory config's settings without an OU of its own
   */
  readonly organizationalUnit?: string;
}

/**
 * Properties of a fleet.
 */
export interface FleetProps {
  /**
   * The instance type of the streaming instances.
   */
  readonly instanceType: InstanceType;

  /**
   * The image the streaming instances start from. Required for Always-On and On-Demand fleets;
   * Elastic fleets take none: their applications (`applications`, `addApplication()`) come from app
   * blocks (`Application`, `AppBlock`).
   *
   * @default - none
   */
  readonly image?: FleetImage;

  /**
   * The fleet type.
   *
   * @default FleetType.ON_DEMAND
   */
  readonly fleetType?: FleetType;

  /**
   * The name of the fleet (1 to 100 characters: letters, digits, `_`, `.` and `-`, starting with a
   * letter or digit). Changing it replaces the fleet.
   *
   * A given name blocks every change that CloudFormation makes by replacement (of `fleetName` itself
   * aside): a change of `fleetType` then fails, because the new fleet is created before the old one
   * is deleted and fleet names are unique. Leave it out to let such changes deploy.
   *
   * @default - a name generated from the construct path and a short hash of the create-only
   * properties (`fleetType`), so that a change that replaces the fleet gives the new fleet a new name
   */
  readonly fleetName?: string;

  /**
   * The name shown to users (1 to 100 characters).
   *
   * @default - none
   */
  readonly displayName?: string;

  /**
   * The description shown to users (1 to 256 characters).
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * The desired number of streaming instances of a single-session Always-On or On-Demand fleet.
   * Exactly one of `desiredCapacity` and `desiredSessions` is required for those fleet types; neither
   * is allowed for Elastic fleets.
   *
   * @default - none
   */
  readonly desiredCapacity?: number;

  /**
   * The desired number of user sessions of a multi-session fleet (with `maxSessionsPerInstance`).
   *
   * @default - none
   */
  readonly desiredSessions?: number;

  /**
   * The most user sessions per instance; setting it makes the fleet multi-session (sized with
   * `desiredSessions`). Not for Elastic fleets.
   *
   * @default - a single-session fleet
   */
  readonly maxSessionsPerInstance?: number;

  /**
   * The most concurrent sessions of an Elastic fleet: required for Elastic fleets, not allowed for others.
   *
   * @default - none
   */
  readonly maxConcurrentSessions?: number;

  /**
   * The operating system platform. Required for Elastic fleets (`WINDOWS_SERVER_2019`,
   * `AMAZON_LINUX2` or `UBUNTU_PRO_2404`).
   *
   * @default - the image's platform
   */
  readonly platform?: FleetPlatform;

  /**
   * The session scripts configuration of an Elastic fleet. The fleet lets `appstream.amazonaws.com`
   * read the object.
   *
   * @default - none
   */
  readonly sessionScript?: FleetSessionScript;

  /**
   * USB device filter strings: the USB devices users can redirect into their sessions with the
   * Windows client (each up to 100 characters in AppStream's filter format).
   *
   * @default - no USB redirection
   */
  readonly usbDeviceFilterStrings?: string[];

  /**
   * What users see when they stream.
   *
   * @default StreamView.APP
   */
  readonly streamView?: StreamView;

  /**
   * The VPC of the streaming instances. Required for Elastic and domain-joined fleets.
   *
   * @default - no VPC: AppStream-managed networking
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The subnets of the streaming instances (Elastic fleets: at least two, in different
   * availability zones).
   *
   * @default - the VPC's private subnets (its default selection)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * Security groups of the streaming instances (at most 5).
   *
   * @default - a new security group when `vpc` is set
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Whether the streaming instances get default internet access. In a VPC this works only in public
   * subnets (with a route to an internet gateway): the fleet warns when some selected subnets are
   * not public. Private subnets with a NAT gateway are AWS's recommendation for internet access.
   *
   * @default false
   */
  readonly enableDefaultInternetAccess?: boolean;

  /**
   * The longest a streaming session may last (600 to 432,000 seconds, whole seconds; above 360,000
   * some AWS sources disagree, and the fleet warns).
   *
   * @default - AppStream's default (16 hours)
   */
  readonly maxUserDuration?: Duration;

  /**
   * How long a session stays alive after the user disconnects (whole seconds): 60 to 36,000 in the
   * AppStream API reference; the CloudFormation registry schema allows up to 432,000, which is
   * accepted with a warning.
   *
   * @default - AppStream's default (15 minutes)
   */
  readonly disconnectTimeout?: Duration;

  /**
   * How long users may stay idle before being disconnected: `Duration.seconds(0)` never
   * disconnects idle users; otherwise 60 to 36,000 seconds (whole minutes are recommended). 1 to 59
   * seconds (which the registry schema allows) and more than an hour (above cfn-lint's limit) are
   * accepted with a warning.
   *
   * @default - AppStream's default (0: idle users are not disconnected)
   */
  readonly idleDisconnectTimeout?: Duration;

  /**
   * The size of the instances' root volume (200 to 500 GiB, whole GiB). Above 200 GiB costs extra,
   * whether instances run or not.
   *
   * @default - 200 GiB
   */
  readonly rootVolumeSize?: Size;

  /**
   * The IAM role that the streaming instances assume (profile `appstream_machine_role`).
   *
   * @default - a new role assumed by `appstream.amazonaws.com`, created when the fleet is first
   * granted something (`bucket.grantRead(fleet)`) or `fleet.role` is read: a fleet that needs no
   * AWS permissions gets no role at all
   */
  readonly role?: iam.IRole;

  /**
   * Whether to disable IMDSv1 and enforce IMDSv2 on the instances (images need an agent from
   * 16 January 2024 or later).
   *
   * @default true
   */
  readonly disableImdsV1?: boolean;

  /**
   * Whether CloudFormation starts the fleet once when it creates it (`CreationPolicy.StartFleet`).
   * It acts on creation only.
   *
   * @default false
   */
  readonly startOnCreate?: boolean;

  /**
   * The state the fleet is put in by every deployment that creates or changes it: a custom
   * resource starts or stops it after CloudFormation creates or updates the fleet (or when this
   * value changes), and waits (10 to 20 minutes for a start) until the fleet is there, failing with
   * the fleet's own errors if it cannot get there. A deployment that changes nothing on the fleet
   * leaves it as it is: a fleet stopped by hand stays stopped until the next change.
   *
   * See `FleetState` for what each state costs.
   *
   * @default - the state is not managed: CloudFormation creates the fleet STOPPED (unless
   * `startOnCreate`) and never starts or stops it afterwards
   */
  readonly desiredState?: FleetState;

  /**
   * What a deployment does when it changes a property that a RUNNING fleet refuses to change.
   * Applies when `desiredState` is RUNNING; with STOPPED a fleet found running (started by hand, or
   * RUNNING before this deployment) is always stopped before such a change, as it is asked to be.
   *
   * @default FleetUpdateBehavior.STOP_AND_RESTART
   */
  readonly updateBehavior?: FleetUpdateBehavior;

  /**
   * Joins the streaming instances to an Active Directory domain. Needs `vpc`; not for Elastic fleets.
   *
   * @default - not domain-joined
   */
  readonly domainJoin?: FleetDomainJoin;

  /**
   * Attributes that CloudFormation deletes from the fleet when it updates it. AppStream keeps a
   * setting such as the IAM role, the VPC configuration or the domain join after its prop is
   * removed; name it here to delete it (each once, and not one the fleet still sets). Deleting
   * `VPC_CONFIGURATION` or `DOMAIN_JOIN_INFO` needs the fleet stopped: `desiredState` stops and
   * restarts it for such a change.
   *
   * @default - none
   */
  readonly attributesToDelete?: FleetAttribute[];

  /**
   * The applications of an Elastic fleet, each associated with it as `addApplication()` does. Only
   * Elastic fleets take applications; an Elastic fleet without any warns at synth.
   *
   * @default - none: add them with `addApplication()`
   */
  readonly applications?: IApplication[];

  /**
   * Tags for the fleet (at most 50; keys of 1 to 128 characters not starting with `aws:`, values of at
   * most 256). They are applied with `Tags.of(fleet)`, so the security group and role the fleet
   * creates carry them too; `Tags.of()` works as well. Checked at synth, with the tags from
   * `Tags.of()` on parent scopes, against AppStream's rules.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Attributes of a fleet defined outside this app.
 */
export interface FleetAttributes {
  /**
   * The name of the fleet.
   *
   * @default - taken from `fleetArn`
   */
  readonly fleetName?: string;

  /**
   * The ARN of the fleet.
   *
   * @default - built from `fleetName` in this stack's account and region
   */
  readonly fleetArn?: string;

  /**
   * The fleet's security groups, for `connections`.
   *
   * @default - none: `connections` throws
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * The IAM role of the fleet's instances: grants to the fleet go to this role.
   *
   * @default - unknown: grants to the fleet fail
   */
  readonly role?: iam.IRole;

  /**
   * Whether the fleet joins an Active Directory domain.
   *
   * @default - unknown
   */
  readonly domainJoined?: boolean;

  /**
   * The fleet type.
   *
   * @default - unknown
   */
  readonly fleetType?: FleetType;
}
