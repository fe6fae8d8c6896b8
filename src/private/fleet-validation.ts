import { Duration, Token } from 'aws-cdk-lib';
import { CfnFleet } from 'aws-cdk-lib/aws-appstream';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { NAME_PATTERN } from './names';
import { validateTags } from './tags';
import { PropsValidator, StringRule } from './validation';
import type { FleetProps } from '../fleet';
import { FleetAttribute } from '../fleet-attribute';
import { FleetPlatform } from '../fleet-platform';
import { FleetSessionScriptConfig } from '../fleet-session-script';
import { FleetType } from '../fleet-type';
import { FleetImageConfig } from '../image';

// Limits from the AppStream API model (appstream-service-2.json, CreateFleet) and the CloudFormation
// registry schema of AWS::AppStream::Fleet. Where they disagree, the comment says which one we follow.

/** `Name` shape: the pattern allows 101 characters, the registry schema caps Name at 100. */
export const FLEET_NAME_MAX_LENGTH = 100;
/** A fleet or image name (`Name` shape, at most 100 characters). */
export const FLEET_NAME_RULE: StringRule = {
  min: 1,
  max: FLEET_NAME_MAX_LENGTH,
  pattern: NAME_PATTERN,
  patternDescription: 'a letter or digit followed by letters, digits, "_", "." or "-"',
};
/** `DisplayName`: API max 100, registry min 1. */
const DISPLAY_NAME_MAX_LENGTH = 100;
/** `Description`: API max 256, registry min 1. */
const DESCRIPTION_MAX_LENGTH = 256;
/** `ImageArn` (`Arn` shape) pattern; the registry adds maxLength 1024. */
const IMAGE_ARN_PATTERN = /^arn:aws(?:-cn|-iso-b|-iso|-us-gov)?:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.\\-]{0,1023}$/;
const IMAGE_ARN_MAX_LENGTH = 1024;
/**
 * MaxUserDurationInSeconds: CreateFleet/UpdateFleet say 600 to 432000 and so does the registry schema
 * (the `Fleet` shape's doc and cfn-lint say 360000): we follow CreateFleet.
 */
const MAX_USER_DURATION = { min: 600, max: 432_000 };
/**
 * DisconnectTimeoutInSeconds: CreateFleet, UpdateFleet and the `Fleet` shape all say 60 to 36000; the
 * registry schema allows up to 432000 and cfn-lint 360000. We follow the API, which is what the service
 * enforces when CloudFormation calls CreateFleet.
 */
const DISCONNECT_TIMEOUT = { min: 60, max: 36_000 };
/**
 * IdleDisconnectTimeoutInSeconds: 0 (disabled) or 60 to 36000 (API); the registry's 0 to 36000 lets
 * 1 to 59 through, which the API refuses. (cfn-lint's 3600 maximum is stale.)
 */
const IDLE_DISCONNECT_TIMEOUT = { min: 60, max: 36_000 };
/** VolumeConfig.VolumeSizeInGb: "Valid range is 200-500 GB" (API). */
const ROOT_VOLUME_GIB = { min: 200, max: 500 };
/** VpcConfig.SecurityGroupIds: max 5. */
export const MAX_SECURITY_GROUPS = 5;
/** UsbDeviceFilterString: 0 to 100 characters matching this pattern (API). */
const USB_FILTER_PATTERN = /^((\w*)\s*(\w*)\s*,\s*(\w*)\s*,\s*\*?(\w*)\s*,\s*\*?(\w*)\s*,\s*\*?\d*\s*,\s*\*?\d*\s*,\s*[0-1]\s*,\s*[0-1]\s*)$/;
const USB_FILTER_MAX_LENGTH = 100;
/** S3Key: 1 to 1024 characters. */
const S3_KEY_MAX_LENGTH = 1024;
/** S3Bucket: 3 to 63 characters of this pattern (API: `^[0-9a-z\.\-]*(?<!\.)$`). */
const S3_BUCKET_NAME = { min: 3, max: 63, pattern: /^[0-9a-z.-]*(?<!\.)$/ };
/** DomainJoinInfo.OrganizationalUnitDistinguishedName: max 2000. */
const OU_MAX_LENGTH = 2000;
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
 * lacks: CloudFormation refuses a template that names them.
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
export function validateFleetProps(validator: PropsValidator, input: FleetValidationInput): void {
  const { props, fleetType } = input;

  validator.string('fleetName', props.fleetName, FLEET_NAME_RULE);
  validator.string('displayName', props.displayName, { min: 1, max: DISPLAY_NAME_MAX_LENGTH });
  validator.string('description', props.description, { min: 1, max: DESCRIPTION_MAX_LENGTH });

  validateImage(validator, input);
  validateTimeouts(validator, props);
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
  validateAttributesToDelete(validator, props.attributesToDelete);

  if (fleetType === FleetType.ELASTIC) {
    validateElastic(validator, input);
  } else {
    validateInstanceFleet(validator, input);
  }
}

function validateImage(validator: PropsValidator, input: FleetValidationInput): void {
  const image = input.image;
  if (!image) {
    return;
  }
  if (image.imageName !== undefined && image.imageArn !== undefined) {
    validator.failRule('image: gives both an image name and an image ARN; a fleet takes exactly one');
  }
  validator.string('image (name)', image.imageName, FLEET_NAME_RULE);
  validator.string('image (ARN)', image.imageArn, { min: 1, max: IMAGE_ARN_MAX_LENGTH, pattern: IMAGE_ARN_PATTERN, patternDescription: 'an ARN such as arn:aws:appstream:us-east-1:123456789012:image/MyImage' });
}

function validateTimeouts(validator: PropsValidator, props: FleetProps): void {
  validator.durationInRange('maxUserDuration', props.maxUserDuration, MAX_USER_DURATION.min, MAX_USER_DURATION.max);
  validator.durationInRange('disconnectTimeout', props.disconnectTimeout, DISCONNECT_TIMEOUT.min, DISCONNECT_TIMEOUT.max);
  const idle = props.idleDisconnectTimeout;
  if (idle !== undefined && !idle.isUnresolved() && idle.toSeconds({ integral: false }) !== 0) {
    const seconds = idle.toSeconds({ integral: false });
    if (!Number.isInteger(seconds) || seconds < IDLE_DISCONNECT_TIMEOUT.min || seconds > IDLE_DISCONNECT_TIMEOUT.max) {
      validator.fail('idleDisconnectTimeout', idle, `must be 0 (never disconnect idle users) or a whole number of seconds from ${IDLE_DISCONNECT_TIMEOUT.min} to ${IDLE_DISCONNECT_TIMEOUT.max}`);
    }
  }
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
  validator.listLength('securityGroups', props.securityGroups, 1, MAX_SECURITY_GROUPS);
  const subnets = input.subnets;
  if (subnets && !Token.isUnresolved(subnets.subnetIds) && subnets.subnetIds.length === 0) {
    validator.fail('vpcSubnets', '0 subnets', 'must select at least one subnet of the vpc');
  }
}

function validateAttributesToDelete(validator: PropsValidator, attributes: FleetAttribute[] | undefined): void {
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
      validator.fail(property, value, 'is not accepted by CloudFormation yet (the AttributesToDelete of AWS::AppStream::Fleet does not list it); '
        + 'delete it with the UpdateFleet API instead');
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
  const join = props.domainJoin;
  if (!join) {
    return;
  }
  if (!props.vpc) {
    validator.failRule('domainJoin: a domain-joined fleet needs a VPC whose subnets reach the directory\'s domain controllers; set vpc (and vpcSubnets)');
  }
  if (fleetType === FleetType.ELASTIC) {
    validator.failRule('domainJoin: Elastic fleets cannot join an Active Directory domain (DomainJoinInfo is not allowed for Elastic fleets)');
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
