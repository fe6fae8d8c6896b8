import { Duration, Token } from 'aws-cdk-lib';
import { CfnFleet } from 'aws-cdk-lib/aws-appstream';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validateImportedIdentity } from '../../core/private/imported-resource';
import {
  checkArray, checkBoolean, checkDuration, checkEnum, checkEnumLike, checkList, checkNumber, checkObject, checkSize, checkString,
  failType, hasMethods,
} from '../../core/private/input-types';
import {
  ARN_PARTITION, DESCRIPTION_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH, NAME_MAX_LENGTH, NAME_PATTERN, NAME_SOURCE, OU_MAX_LENGTH, ROOT_VOLUME_GIB,
  S3_BUCKET_NAME, S3_KEY_MAX_LENGTH, SECURITY_GROUPS_MAX, USB_FILTER_MAX_LENGTH, USB_FILTER_PATTERN,
} from '../../core/private/limits';
import { validateTags } from '../../core/private/tags';
import { PropsValidator, StringRule } from '../../core/private/validation';
import { FleetAttribute } from '../fleet-attribute';
import { FleetPlatform } from '../fleet-platform';
import type { FleetAttributes, FleetDomainJoin, FleetProps } from '../fleet-props';
import { FleetSessionScriptConfig } from '../fleet-session-script';
import { FleetState, FleetUpdateBehavior } from '../fleet-state';
import { FleetType, StreamView } from '../fleet-type';
import { FleetImageConfig } from '../image';
import { FLEET_NAME_MAX_LENGTH, FLEET_NAME_RULE } from './fleet-name';

// The API model's plain limits live in `limits.ts`. Here are the fleet's limits on which AWS's
// sources disagree, from the AppStream API model (appstream-service-2.json: CreateFleet, UpdateFleet and the
// `Fleet` shape), the CloudFormation registry schema of AWS::AppStream::Fleet and cfn-lint's patches
// to it (extensions/all/aws_appstream_fleet/manual.json). Where these sources disagree, a value is
// refused only beyond the widest bound one of them documents, and warned about
// (`Warnings.VALUE_BEYOND_NARROWEST_LIMIT`) beyond the narrowest: a false refusal blocks a user with
// no way round it, a false acceptance costs a failed deploy. Each `DisputedRange` names its sources.

/** A bound that some AWS source documents, narrower than the widest. */
interface NarrowerBound {
  readonly min?: number;
  readonly max?: number;
  /** Which AWS source documents it. */
  readonly source: string;
}

/** A numeric limit on which AWS's sources disagree. */
interface DisputedRange {
  /** The widest bounds any AWS source documents: outside them a value is refused. */
  readonly min: number;
  readonly max: number;
  /** Which source documents the widest bounds. */
  readonly widestSource: string;
  /** Narrower bounds of other sources: beyond them a value is accepted with a warning. */
  readonly narrower: readonly NarrowerBound[];
}

/** A given fleet or image name: refused only beyond the API pattern's 101 characters. */
const GIVEN_NAME_RULE: StringRule = { ...FLEET_NAME_RULE, max: NAME_MAX_LENGTH };
/** `DisplayName`: API `DisplayName` shape max 100 (no minimum); registry 1 to 100. */
const DISPLAY_NAME = { max: DISPLAY_NAME_MAX_LENGTH, registryMin: 1 };
/** `Description`: API `Description` shape max 256 (no minimum); registry 1 to 256. */
const DESCRIPTION = { max: DESCRIPTION_MAX_LENGTH, registryMin: 1 };
/**
 * `ImageArn`: the API's `Arn` shape (partition aws, aws-cn, aws-iso, aws-iso-b or aws-us-gov) and the
 * registry's pattern (`^arn:[a-z-]+:[a-z-]+:(([a-z]+-)+[0-9])?:([0-9]{12})?:.+$`, maxLength 1024),
 * narrowed to what an image ARN is (`arn:<partition>:appstream:<region>:<account>:image/<Name>`, the
 * account empty for AWS's public images). A partition of the registry's pattern that the API's does
 * not list is accepted with a warning.
 */
const IMAGE_ARN_PATTERN = new RegExp(`^arn:[a-z-]+:appstream:[a-z0-9-]*:([0-9]{12})?:image/${NAME_SOURCE}$`);
const IMAGE_ARN_MAX_LENGTH = 1024;
/**
 * MaxUserDurationInSeconds: CreateFleet, UpdateFleet and the registry schema say 600 to 432000; the
 * API's `Fleet` shape and cfn-lint say 600 to 360000.
 */
const MAX_USER_DURATION: DisputedRange = {
  min: 600,
  max: 432_000,
  widestSource: 'the AppStream API (CreateFleet, UpdateFleet) and the CloudFormation registry schema',
  narrower: [{ max: 360_000, source: 'the AppStream API\'s Fleet shape and cfn-lint' }],
};
/**
 * DisconnectTimeoutInSeconds: CreateFleet, UpdateFleet and the `Fleet` shape say 60 to 36000; the
 * registry schema allows up to 432000, cfn-lint 360000 (and an AWS sample deploys 345600).
 */
const DISCONNECT_TIMEOUT: DisputedRange = {
  min: 60,
  max: 432_000,
  widestSource: 'the CloudFormation registry schema',
  narrower: [
    { max: 36_000, source: 'the AppStream API reference (CreateFleet, UpdateFleet)' },
    { max: 360_000, source: 'cfn-lint' },
  ],
};
/**
 * IdleDisconnectTimeoutInSeconds: the API says 0 (never) or 60 to 36000; the registry schema 0 to
 * 36000 (so 1 to 59 too); cfn-lint 0 to 3600.
 */
const IDLE_DISCONNECT_TIMEOUT: DisputedRange = {
  min: 0,
  max: 36_000,
  widestSource: 'the CloudFormation registry schema and the AppStream API',
  narrower: [
    { min: 60, source: 'the AppStream API (0 to never disconnect idle users, otherwise 60 to 36000)' },
    { max: 3600, source: 'cfn-lint' },
  ],
};
/** "WINDOWS_SERVER_2019, AMAZON_LINUX2 and UBUNTU_PRO_2404 are supported for Elastic fleets." */
const ELASTIC_PLATFORMS = [FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.AMAZON_LINUX2, FleetPlatform.UBUNTU_PRO_2404].map(p => p.value);
const KNOWN_PLATFORMS = [
  FleetPlatform.WINDOWS, FleetPlatform.WINDOWS_SERVER_2016, FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.WINDOWS_SERVER_2022,
  FleetPlatform.WINDOWS_SERVER_2025, FleetPlatform.AMAZON_LINUX2, FleetPlatform.RHEL8, FleetPlatform.ROCKY_LINUX8, FleetPlatform.UBUNTU_PRO_2404,
].map(p => p.value);
/** CreateFleet's InstanceType doc lists only `stream.standard.*` for Elastic fleets. */
const ELASTIC_STREAM_INSTANCE_PREFIX = 'stream.standard.';
/**
 * `FleetAttribute` values of the API model that the registry schema's `AttributesToDelete` enum
 * lacks: accepted (the API documents them, and the registry schema may catch up) with a warning,
 * since CloudFormation refuses a template that names them today.
 */
const ATTRIBUTES_CLOUDFORMATION_REFUSES = ['VOLUME_CONFIGURATION'];
/**
 * The attributes a fleet can be given and deleted at once, with the L1 property that sets each and
 * the props that lead to it: deleting what the same template sets is a contradiction.
 */
const DELETABLE_ATTRIBUTES: Array<[FleetAttribute, (fleet: CfnFleet) => unknown, string]> = [
  [FleetAttribute.VPC_CONFIGURATION, (f) => f.vpcConfig, 'vpc'],
  [FleetAttribute.VPC_CONFIGURATION_SECURITY_GROUP_IDS, (f) => f.vpcConfig, 'vpc (a fleet in a VPC always has security groups)'],
  [FleetAttribute.DOMAIN_JOIN_INFO, (f) => f.domainJoinInfo, 'domainJoin'],
  [FleetAttribute.IAM_ROLE_ARN, (f) => f.iamRoleArn, 'role (or the default role that fleet.role or a grant to the fleet creates)'],
  [FleetAttribute.USB_DEVICE_FILTER_STRINGS, (f) => f.usbDeviceFilterStrings, 'usbDeviceFilterStrings'],
  [FleetAttribute.SESSION_SCRIPT_S3_LOCATION, (f) => f.sessionScriptS3Location, 'sessionScript'],
  [FleetAttribute.MAX_SESSIONS_PER_INSTANCE, (f) => f.maxSessionsPerInstance, 'maxSessionsPerInstance'],
];
/** The largest integer we accept for counts that the model leaves unbounded. */
const MAX_COUNT = 2_147_483_647;

/** What the fleet has worked out before validating. */
export interface FleetValidationInput {
  readonly props: FleetProps;
  readonly fleetType: FleetType;
  readonly image?: FleetImageConfig;
  readonly subnets?: ec2.SelectedSubnets;
  readonly sessionScript?: FleetSessionScriptConfig;
}

/** Records every problem of a fleet's props in `validator`. */
export function validateFleetProps(validator: PropsValidator, input: FleetValidationInput): string[] {
  const { props, fleetType } = input;
  const warnings: string[] = [];

  validateName(validator, warnings, 'fleetName', props.fleetName);
  validateOptionalText(validator, warnings, 'displayName', props.displayName, DISPLAY_NAME);
  validateOptionalText(validator, warnings, 'description', props.description, DESCRIPTION);
  validateTags(validator, props.tags);

  validateImage(validator, warnings, input);
  validateTimeouts(validator, warnings, props);
  validator.sizeInRange('rootVolumeSize', props.rootVolumeSize, ROOT_VOLUME_GIB.min, ROOT_VOLUME_GIB.max);
  validator.integerInRange('desiredCapacity', props.desiredCapacity, 0, MAX_COUNT);
  validator.integerInRange('desiredSessions', props.desiredSessions, 0, MAX_COUNT);
  validator.integerInRange('maxSessionsPerInstance', props.maxSessionsPerInstance, 1, MAX_COUNT);
  validator.integerInRange('maxConcurrentSessions', props.maxConcurrentSessions, 1, MAX_COUNT);
  validateUsbFilters(validator, props.usbDeviceFilterStrings);
  validator.string('sessionScript (bucket)', input.sessionScript?.bucket.bucketName, {
    ...S3_BUCKET_NAME,
    patternDescription: 'an S3 bucket name: lower-case letters, digits, "." and "-", not ending with "."',
  });
  validator.string('sessionScript (key)', input.sessionScript?.key, { min: 1, max: S3_KEY_MAX_LENGTH });
  validateNetwork(validator, input);
  validateDomainJoin(validator, props, fleetType);
  validateAttributesToDelete(validator, warnings, props.attributesToDelete);

  if (fleetType === FleetType.ELASTIC) {
    validateElastic(validator, input);
  } else {
    validateInstanceFleet(validator, input);
  }
  return warnings;
}

/** A `Name`-shaped value: refused beyond the API's pattern, warned about beyond the registry's 100 characters. */
function validateName(validator: PropsValidator, warnings: string[], property: string, value: string | undefined): void {
  validator.string(property, value, GIVEN_NAME_RULE);
  if (value !== undefined && !Token.isUnresolved(value) && value.length > FLEET_NAME_MAX_LENGTH && value.length <= NAME_MAX_LENGTH
    && NAME_PATTERN.test(value)) {
    warnings.push(`${property}: ${JSON.stringify(value)} has ${value.length} characters; the AppStream API's Name pattern allows ${NAME_MAX_LENGTH}, `
      + `but the CloudFormation registry schema allows at most ${FLEET_NAME_MAX_LENGTH}: the deployment may fail`);
  }
}

/** A text the API bounds by a maximum only and the registry schema by a minimum too. */
function validateOptionalText(validator: PropsValidator, warnings: string[], property: string, value: string | undefined,
  limit: { max: number; registryMin: number }): void {
  validator.string(property, value, { min: 0, max: limit.max });
  if (value !== undefined && !Token.isUnresolved(value) && value.length < limit.registryMin) {
    warnings.push(`${property}: is empty; the AppStream API accepts that, but the CloudFormation registry schema wants at least ${limit.registryMin} character: `
      + 'the deployment may fail; leave the property out instead');
  }
}

/**
 * A duration of whole seconds within the widest bounds of `range` (else a problem), and within each
 * narrower bound (else a warning that names the sources).
 */
function disputedDuration(validator: PropsValidator, warnings: string[], property: string, value: Duration | undefined,
  range: DisputedRange, allowed?: string): void {
  if (value === undefined || value.isUnresolved()) {
    return;
  }
  const seconds = value.toSeconds({ integral: false });
  if (!Number.isInteger(seconds) || seconds < range.min || seconds > range.max) {
    validator.fail(property, value, allowed ?? `must be a whole number of seconds from ${range.min} to ${range.max}, the widest range AWS documents (${range.widestSource})`);
    return;
  }
  const beyond = range.narrower.filter((b) => (b.min !== undefined && seconds < b.min) || (b.max !== undefined && seconds > b.max));
  if (beyond.length > 0) {
    warnings.push(`${property}: ${seconds} seconds is accepted by ${range.widestSource} (${range.min} to ${range.max}), but `
      + beyond.map((b) => `${b.source} says ${b.min !== undefined ? `at least ${b.min}` : `at most ${b.max}`}`).join(', and ')
      + ': the deployment (or a linter) may refuse it');
  }
}

function validateImage(validator: PropsValidator, warnings: string[], input: FleetValidationInput): void {
  const image = input.image;
  if (!image) {
    return;
  }
  if (image.imageName !== undefined && image.imageArn !== undefined) {
    validator.failRule('image: gives both an image name and an image ARN; a fleet takes exactly one');
  }
  if (checkString(validator, 'image (name)', image.imageName, 'FleetImage.fromName("MyImage")')) {
    validateName(validator, warnings, 'image (name)', image.imageName);
  }
  const arn = image.imageArn;
  if (!checkString(validator, 'image (ARN)', arn, 'FleetImage.fromArn("arn:aws:appstream:us-east-1:123456789012:image/MyImage")')
    || arn === undefined || Token.isUnresolved(arn)) {
    return;
  }
  validator.string('image (ARN)', arn, {
    min: 1,
    max: IMAGE_ARN_MAX_LENGTH,
    pattern: IMAGE_ARN_PATTERN,
    patternDescription: 'an AppStream image ARN, arn:<partition>:appstream:<region>:<account>:image/<image name> '
      + '(such as arn:aws:appstream:us-east-1:123456789012:image/MyImage; the account is empty for AWS\'s public images)',
  });
  if (arn.length <= IMAGE_ARN_MAX_LENGTH && IMAGE_ARN_PATTERN.test(arn) && !ARN_PARTITION.test(arn)) {
    warnings.push(`image (ARN): ${JSON.stringify(arn)} has a partition that the CloudFormation registry schema's pattern admits but the AppStream API's Arn pattern does not list `
      + '(aws, aws-cn, aws-iso, aws-iso-b, aws-us-gov): the deployment may fail');
  }
}

function validateTimeouts(validator: PropsValidator, warnings: string[], props: FleetProps): void {
  disputedDuration(validator, warnings, 'maxUserDuration', props.maxUserDuration, MAX_USER_DURATION);
  disputedDuration(validator, warnings, 'disconnectTimeout', props.disconnectTimeout, DISCONNECT_TIMEOUT);
  const idle = props.idleDisconnectTimeout;
  if (idle !== undefined && !idle.isUnresolved() && idle.toSeconds({ integral: false }) === 0) {
    return; // 0: idle users are never disconnected
  }
  disputedDuration(validator, warnings, 'idleDisconnectTimeout', idle, IDLE_DISCONNECT_TIMEOUT,
    `must be 0 (never disconnect idle users) or a whole number of seconds up to ${IDLE_DISCONNECT_TIMEOUT.max}, the widest range AWS documents (${IDLE_DISCONNECT_TIMEOUT.widestSource}; the API asks for 60 or more)`);
}

function validateUsbFilters(validator: PropsValidator, filters: string[] | undefined): void {
  if (filters === undefined || Token.isUnresolved(filters)) {
    return;
  }
  filters.forEach((filter, i) => validator.string(`usbDeviceFilterStrings[${i}]`, filter, {
    max: USB_FILTER_MAX_LENGTH,
    pattern: USB_FILTER_PATTERN,
    patternDescription: 'the USB device filter format "name, class, subclass, protocol, vendor id, product id, redirect as composite (0|1), strict (0|1)"',
  }));
}

function validateNetwork(validator: PropsValidator, input: FleetValidationInput): void {
  const props = input.props;
  if (!props.vpc) {
    if (props.vpcSubnets) {
      validator.failRule('vpcSubnets: is set but vpc is not; give the vpc the subnets belong to');
    }
    if (props.securityGroups) {
      validator.failRule('securityGroups: are set but vpc is not; security groups apply only to a fleet in a VPC');
    }
    return;
  }
  // The API caps the list at 5 and sets no minimum (nor does the registry schema).
  validator.listLength('securityGroups', props.securityGroups, 0, SECURITY_GROUPS_MAX);
  const subnets = input.subnets;
  if (subnets && !Token.isUnresolved(subnets.subnetIds) && subnets.subnetIds.length === 0) {
    validator.fail('vpcSubnets', '0 subnets', 'must select at least one subnet of the vpc');
  }
}

function validateAttributesToDelete(validator: PropsValidator, warnings: string[], attributes: FleetAttribute[] | undefined): void {
  if (attributes === undefined || Token.isUnresolved(attributes)) {
    return;
  }
  const seen = new Map<string, number>();
  attributes.forEach((attribute, i) => {
    const property = `attributesToDelete[${i}]`;
    const value = attribute.value;
    validator.string(property, value, { min: 1 });
    if (Token.isUnresolved(value)) {
      return;
    }
    const first = seen.get(value);
    if (first !== undefined) {
      validator.fail(property, value, `repeats attributesToDelete[${first}]; name each attribute once`);
    } else {
      seen.set(value, i);
    }
    if (ATTRIBUTES_CLOUDFORMATION_REFUSES.includes(value)) {
      warnings.push(`${property}: ${JSON.stringify(value)} is an attribute the AppStream API documents, but the CloudFormation registry schema's `
        + 'AttributesToDelete of AWS::AppStream::Fleet does not list it: the deployment may fail; if it does, delete it with the UpdateFleet API instead');
    }
  });
}

/**
 * Records, at synthesis, the problems that only the finished fleet shows: the tags that
 * `Tags.of()` gave it, and attributes it is asked both to set and to delete.
 */
export function validateRenderedFleet(validator: PropsValidator, fleet: CfnFleet, attributesToDelete: FleetAttribute[] | undefined): void {
  validateTags(validator, fleet.tags.tagValues());
  (attributesToDelete ?? []).forEach((attribute, i) => {
    for (const [deletable, setBy, props] of DELETABLE_ATTRIBUTES) {
      if (attribute.value === deletable.value && setBy(fleet) !== undefined) {
        validator.fail(`attributesToDelete[${i}]`, attribute.value, `deletes what the fleet sets through ${props}; leave it out of attributesToDelete, or stop setting it`);
      }
    }
  });
}

/** The attributes to delete as the template takes them: sorted, each once; undefined for none. */
export function renderAttributesToDelete(attributes: FleetAttribute[] | undefined): string[] | undefined {
  if (attributes === undefined || attributes.length === 0) {
    return undefined;
  }
  return [...new Set(attributes.map((a) => a.value))].sort();
}

function validateDomainJoin(validator: PropsValidator, props: FleetProps, fleetType: FleetType): void {
  if (props.domainJoin && fleetType === FleetType.ELASTIC) {
    validator.failRule('domainJoin: Elastic fleets cannot join an Active Directory domain (DomainJoinInfo is not allowed for Elastic fleets)');
  }
  validateDomainJoinTarget(validator, props.domainJoin, props.vpc !== undefined, 'fleet');
}

/**
 * Records the problems of a domain join of a fleet or an image builder (`what`): it needs a VPC, and
 * its organizational unit (at most 2,000 characters) must be one of the directory config's, when known.
 */
export function validateDomainJoinTarget(validator: PropsValidator, join: FleetDomainJoin | undefined, hasVpc: boolean, what: string): void {
  if (!join) {
    return;
  }
  if (!hasVpc) {
    validator.failRule(`domainJoin: a domain-joined ${what} needs a VPC whose subnets reach the directory's domain controllers; set vpc (and vpcSubnets)`);
  }
  const ou = join.organizationalUnit;
  validator.string('domainJoin.organizationalUnit', ou, { min: 1, max: OU_MAX_LENGTH });
  const known = join.directory.organizationalUnits;
  if (ou !== undefined && !Token.isUnresolved(ou) && known !== undefined && !Token.isUnresolved(known)
    && known.every(k => !Token.isUnresolved(k)) && !known.includes(ou)) {
    validator.fail('domainJoin.organizationalUnit', ou, `must be one of the directory config's organizational units: ${known.map(k => JSON.stringify(k)).join(', ')}`);
  }
}

function validateElastic(validator: PropsValidator, input: FleetValidationInput): void {
  const props = input.props;
  if (props.maxConcurrentSessions === undefined) {
    validator.failRule('maxConcurrentSessions: is required for an Elastic fleet');
  }
  const platform = props.platform?.value;
  if (platform === undefined) {
    validator.failRule(`platform: is required for an Elastic fleet (one of ${ELASTIC_PLATFORMS.join(', ')})`);
  } else if (!Token.isUnresolved(platform) && KNOWN_PLATFORMS.includes(platform) && !ELASTIC_PLATFORMS.includes(platform)) {
    validator.fail('platform', platform, `must be one that Elastic fleets support: ${ELASTIC_PLATFORMS.join(', ')}`);
  }
  if (!props.vpc) {
    validator.failRule('vpc: is required for an Elastic fleet, with subnets in at least two availability zones');
  } else if (input.subnets && !Token.isUnresolved(input.subnets.subnetIds) && input.subnets.subnetIds.length > 0) {
    const azs = input.subnets.availabilityZones;
    if (input.subnets.subnetIds.length < 2) {
      validator.fail('vpcSubnets', `${input.subnets.subnetIds.length} subnet`, 'must select at least two subnets in different availability zones for an Elastic fleet');
    } else if (azs.length > 0 && azs.every(az => !Token.isUnresolved(az)) && new Set(azs).size < 2) {
      validator.fail('vpcSubnets', `subnets in ${azs[0]} only`, 'must select subnets in at least two availability zones for an Elastic fleet');
    }
  }
  const capacityProps = [
    ['desiredCapacity', props.desiredCapacity],
    ['desiredSessions', props.desiredSessions],
    ['maxSessionsPerInstance', props.maxSessionsPerInstance],
  ] as const;
  for (const [name, value] of capacityProps) {
    if (value !== undefined) {
      validator.failRule(`${name}: is not allowed for an Elastic fleet, which scales per session up to maxConcurrentSessions`);
    }
  }
  const instanceType = props.instanceType.value;
  if (!Token.isUnresolved(instanceType) && !instanceType.startsWith(ELASTIC_STREAM_INSTANCE_PREFIX)) {
    validator.fail('instanceType', instanceType, 'must be a stream.standard.* instance type for an Elastic fleet');
  }
}

function validateInstanceFleet(validator: PropsValidator, input: FleetValidationInput): void {
  const props = input.props;
  const type = input.fleetType;
  if (!props.image) {
    validator.failRule(`image: is required for an ${type} fleet`);
  }
  if (props.maxConcurrentSessions !== undefined) {
    validator.failRule(`maxConcurrentSessions: is only for Elastic fleets; size an ${type} fleet with desiredCapacity (or desiredSessions for multi-session)`);
  }
  if (props.sessionScript !== undefined) {
    validator.failRule(`sessionScript: applies only to Elastic fleets; an ${type} fleet runs the session scripts configured in its image`);
  }
  const multiSession = props.maxSessionsPerInstance !== undefined;
  if (props.desiredCapacity !== undefined && props.desiredSessions !== undefined) {
    validator.failRule('desiredCapacity and desiredSessions: give exactly one (desiredSessions with maxSessionsPerInstance for a multi-session fleet, desiredCapacity otherwise)');
  } else if (multiSession && props.desiredCapacity !== undefined) {
    validator.failRule('desiredCapacity: a multi-session fleet (maxSessionsPerInstance is set) is sized with desiredSessions instead');
  } else if (!multiSession && props.desiredSessions !== undefined) {
    validator.failRule('desiredSessions: is only for multi-session fleets; set maxSessionsPerInstance too, or use desiredCapacity');
  } else if (props.desiredCapacity === undefined && props.desiredSessions === undefined) {
    validator.failRule(multiSession
      ? `desiredSessions: is required for a multi-session ${type} fleet`
      : `desiredCapacity: is required for an ${type} fleet (or desiredSessions with maxSessionsPerInstance for multi-session)`);
  }
}

/** Seconds of a duration for the template, or undefined. */
export function toSeconds(duration: Duration | undefined): number | undefined {
  return duration?.toSeconds();
}

// ---- Runtime types of the props, for callers in plain JavaScript (TypeScript and jsii check them) ----

/**
 * Records every prop whose JavaScript type is wrong: a string where a boolean belongs (`'false'` would
 * mean true), a value outside an enum, a plain string where an enum-like class or a `FleetImage`
 * belongs, a number where a `Duration` belongs. The other checks assume the types are right, so the
 * fleet reports these alone when there are any.
 */
export function validateFleetPropTypes(validator: PropsValidator, props: FleetProps | undefined): void {
  if (typeof props !== 'object' || props === null) {
    failType(validator, 'props', props, 'an object with at least instanceType');
    return;
  }
  const instanceType: unknown = props.instanceType;
  if (instanceType === undefined) {
    validator.failRule('instanceType: is required, such as InstanceType.STANDARD_MEDIUM');
  } else {
    checkEnumLike(validator, 'instanceType', instanceType, 'InstanceType', 'STANDARD_MEDIUM', givenOr(instanceType, 'stream.standard.medium'));
  }
  const image: unknown = props.image;
  if (image !== undefined && !hasMethods(image, 'bind')) {
    failType(validator, 'image', image, typeof image === 'string'
      ? `a FleetImage such as FleetImage.${image.startsWith('arn:') ? 'fromArn' : 'fromName'}(${JSON.stringify(image)}) or FleetImage.latest({ namePrefix })`
      : 'a FleetImage such as FleetImage.fromName(), FleetImage.fromArn() or FleetImage.latest()');
  }
  const platform: unknown = props.platform;
  checkEnumLike(validator, 'platform', platform, 'FleetPlatform', 'WINDOWS_SERVER_2022', givenOr(platform, 'WINDOWS_SERVER_2022'));
  checkEnum(validator, 'fleetType', props.fleetType, 'FleetType', FleetType);
  checkEnum(validator, 'streamView', props.streamView, 'StreamView', StreamView);
  checkEnum(validator, 'desiredState', props.desiredState, 'FleetState', FleetState);
  checkEnum(validator, 'updateBehavior', props.updateBehavior, 'FleetUpdateBehavior', FleetUpdateBehavior);
  for (const name of ['enableDefaultInternetAccess', 'disableImdsV1', 'startOnCreate'] as const) {
    checkBoolean(validator, name, props[name]);
  }
  for (const name of ['desiredCapacity', 'desiredSessions', 'maxSessionsPerInstance', 'maxConcurrentSessions'] as const) {
    checkNumber(validator, name, props[name]);
  }
  for (const name of ['maxUserDuration', 'disconnectTimeout', 'idleDisconnectTimeout'] as const) {
    checkDuration(validator, name, props[name]);
  }
  checkSize(validator, 'rootVolumeSize', props.rootVolumeSize, 'Size.gibibytes(300)');
  checkString(validator, 'fleetName', props.fleetName, '"my-fleet"');
  checkString(validator, 'displayName', props.displayName, '"Engineering apps"');
  checkString(validator, 'description', props.description, '"Apps for the engineering team"');
  checkList(validator, 'usbDeviceFilterStrings', props.usbDeviceFilterStrings,
    (item, i) => checkString(validator, `usbDeviceFilterStrings[${i}]`, item, '"Wacom, *, *, *, *, *, 0, 0"'));
  checkList(validator, 'attributesToDelete', props.attributesToDelete,
    (item, i) => checkEnumLike(validator, `attributesToDelete[${i}]`, item, 'FleetAttribute', 'IAM_ROLE_ARN', givenOr(item, 'IAM_ROLE_ARN')));
  checkArray(validator, 'securityGroups', props.securityGroups);
  checkArray(validator, 'applications', props.applications);
  if (props.sessionScript !== undefined && !hasMethods(props.sessionScript, 'bind')) {
    failType(validator, 'sessionScript', props.sessionScript, 'a FleetSessionScript such as FleetSessionScript.fromBucket(bucket, "scripts/session.zip")');
  }
  const domainJoin: unknown = props.domainJoin;
  if (domainJoin !== undefined && (typeof domainJoin !== 'object' || domainJoin === null
    || typeof (domainJoin as { directory?: { directoryName?: unknown } }).directory?.directoryName !== 'string')) {
    failType(validator, 'domainJoin', domainJoin, 'an object whose directory is an IDirectoryConfig such as { directory: directoryConfig }');
  } else if (domainJoin !== undefined) {
    checkString(validator, 'domainJoin.organizationalUnit', props.domainJoin?.organizationalUnit, '"OU=AppStream,DC=corp,DC=example,DC=com"');
  }
  if (props.role !== undefined && (typeof props.role !== 'object' || props.role === null || typeof props.role.roleArn !== 'string')) {
    failType(validator, 'role', props.role, 'an iam.IRole such as iam.Role.fromRoleArn(...)');
  }
  if (props.vpc !== undefined && !hasMethods(props.vpc, 'selectSubnets')) {
    failType(validator, 'vpc', props.vpc, 'an ec2.IVpc such as new ec2.Vpc(...) or ec2.Vpc.fromLookup(...)');
  }
  if (props.tags !== undefined && (typeof props.tags !== 'object' || props.tags === null || Array.isArray(props.tags))) {
    failType(validator, 'tags', props.tags, 'an object of tag keys to values such as { team: "engineering" }');
  } else if (props.tags !== undefined && !Token.isUnresolved(props.tags)) {
    for (const [key, value] of Object.entries(props.tags)) {
      checkString(validator, `tags[${JSON.stringify(key)}]`, value, '"engineering"');
    }
  }
}

/** The string the user gave, to show wrapped in `of()`; otherwise `fallback`. */
function givenOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && !Token.isUnresolved(value) ? value : fallback;
}

/**
 * Records in `v` every problem of the attributes of an imported fleet: their types, the name's
 * limits, the ARN's shape, and a name that contradicts the ARN.
 */
export function validateFleetAttributes(v: PropsValidator, attrs: FleetAttributes): void {
  if (!checkObject(v, 'attrs', attrs, 'an object with fleetName or fleetArn', [])) {
    return;
  }
  validateImportedIdentity(v, {
    resourceType: 'fleet', nameProperty: 'fleetName', name: attrs.fleetName, arnProperty: 'fleetArn', arn: attrs.fleetArn, nameRule: GIVEN_NAME_RULE,
  });
  checkList(v, 'securityGroups', attrs.securityGroups,
    (item, i) => checkObject(v, `securityGroups[${i}]`, item, 'a security group (ec2.ISecurityGroup)', ['securityGroupId']));
  checkObject(v, 'role', attrs.role, 'an IAM role (iam.IRole)', ['roleArn']);
  checkBoolean(v, 'domainJoined', attrs.domainJoined);
  checkEnum(v, 'fleetType', attrs.fleetType, 'FleetType', FleetType);
}
