import { App, Duration, Size, Stack, Tags, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { appStreamSchemaViolations } from './util/cfn-schema-validator';
import { Fleet } from '../src/fleet/fleet';
import { FleetAttribute } from '../src/fleet/fleet-attribute';
import { FleetPlatform } from '../src/fleet/fleet-platform';
import { FleetProps } from '../src/fleet/fleet-props';
import { FleetSessionScript } from '../src/fleet/fleet-session-script';
import { FleetType } from '../src/fleet/fleet-type';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';

function newStack(): Stack {
  return new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
}

/** Builds a fleet from valid ON_DEMAND defaults overridden by `props`. */
function build(props: Partial<FleetProps> = {}, stack = newStack()): Fleet {
  return new Fleet(stack, 'Fleet', {
    instanceType: InstanceType.STANDARD_MEDIUM,
    image: FleetImage.fromName('MyImage'),
    desiredCapacity: 1,
    ...props,
  });
}

function elastic(props: Partial<FleetProps> = {}, stack = newStack()): Fleet {
  return build({
    fleetType: FleetType.ELASTIC,
    image: undefined,
    desiredCapacity: undefined,
    maxConcurrentSessions: 5,
    platform: FleetPlatform.AMAZON_LINUX2,
    ...props,
    vpc: props.vpc ?? new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }),
  }, stack);
}

/** The error thrown by `fn`, for several assertions on one message. */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

describe('single-property limits', () => {
  test.each([
    ['fleetName', { fleetName: '-starts-with-dash' }, /fleetName: must match a letter or digit followed by letters, digits, "_", "." or "-" \(got "-starts-with-dash"\)/],
    ['fleetName', { fleetName: 'a'.repeat(102) }, /fleetName: must be 1 to 101 characters long/],
    ['fleetName', { fleetName: 'has space' }, /fleetName: must match .* \(got "has space"\)/],
    ['displayName', { displayName: 'd'.repeat(101) }, /displayName: must be 0 to 100 characters long/],
    ['description', { description: 'd'.repeat(257) }, /description: must be 0 to 256 characters long/],
    ['maxUserDuration', { maxUserDuration: Duration.seconds(599) }, /maxUserDuration: must be a whole number of seconds from 600 to 432000, the widest range AWS documents \(the AppStream API \(CreateFleet, UpdateFleet\) and the CloudFormation registry schema\) \(got 9 minutes 59 seconds\)/],
    ['maxUserDuration', { maxUserDuration: Duration.seconds(432001) }, /maxUserDuration: must be a whole number of seconds from 600 to 432000/],
    ['disconnectTimeout', { disconnectTimeout: Duration.seconds(59) }, /disconnectTimeout: must be a whole number of seconds from 60 to 432000, the widest range AWS documents \(the CloudFormation registry schema\) \(got 59 seconds\)/],
    ['disconnectTimeout', { disconnectTimeout: Duration.seconds(432001) }, /disconnectTimeout: must be a whole number of seconds from 60 to 432000/],
    ['idleDisconnectTimeout', { idleDisconnectTimeout: Duration.millis(1500) }, /idleDisconnectTimeout: must be 0 \(never disconnect idle users\) or a whole number of seconds up to 36000, the widest range AWS documents .* \(got 1 second 500 millis\)/],
    ['idleDisconnectTimeout', { idleDisconnectTimeout: Duration.seconds(36001) }, /idleDisconnectTimeout: must be 0 .* up to 36000/],
    ['idleDisconnectTimeout', { idleDisconnectTimeout: Duration.millis(60500) }, /idleDisconnectTimeout: must be 0 .* whole number of seconds/],
    ['rootVolumeSize', { rootVolumeSize: Size.gibibytes(199) }, /rootVolumeSize: must be a whole number of GiB from 200 to 500 \(got 199 GiB\)/],
    ['rootVolumeSize', { rootVolumeSize: Size.gibibytes(501) }, /rootVolumeSize: must be a whole number of GiB from 200 to 500 \(got 501 GiB\)/],
    ['desiredCapacity', { desiredCapacity: -1 }, /desiredCapacity: must be an integer from 0 to 2147483647 \(got -1\)/],
    ['desiredCapacity', { desiredCapacity: 1.5 }, /desiredCapacity: must be an integer from 0 to 2147483647 \(got 1.5\)/],
    ['desiredSessions', { desiredCapacity: undefined, desiredSessions: -2, maxSessionsPerInstance: 2 }, /desiredSessions: must be an integer from 0 to 2147483647 \(got -2\)/],
    ['maxSessionsPerInstance', { desiredCapacity: undefined, desiredSessions: 2, maxSessionsPerInstance: 0 }, /maxSessionsPerInstance: must be an integer from 1 to 2147483647 \(got 0\)/],
    ['usbDeviceFilterStrings', { usbDeviceFilterStrings: ['not a filter'] }, /usbDeviceFilterStrings\[0\]: must match the USB device filter format .* \(got "not a filter"\)/],
    ['usbDeviceFilterStrings', { usbDeviceFilterStrings: [`${'a'.repeat(95)}, 3, *, *, 1, *, 0, 0`] }, /usbDeviceFilterStrings\[0\]: must be 0 to 100 characters long/],
    ['image', { image: FleetImage.fromName('bad name!') }, /image \(name\): must match .* \(got "bad name!"\)/],
    ['image', { image: FleetImage.fromArn('arn:aws:s3:::not-an-image!') }, /image \(ARN\): must match an AppStream image ARN, arn:<partition>:appstream:<region>:<account>:image\/<image name>/],
    ['image', { image: FleetImage.fromArn('arn:aws:appstream:us-east-1:123456789012:fleet/MyFleet') }, /image \(ARN\): must match an AppStream image ARN, .* \(got "arn:aws:appstream:us-east-1:123456789012:fleet\/MyFleet"\)/],
    ['image', { image: FleetImage.fromArn('arn:aws:appstream:us-east-1:12345:image/MyImage') }, /image \(ARN\): must match an AppStream image ARN/],
    ['image', { image: FleetImage.fromArn('arn:aws:appstream:us-east-1:123456789012:image/-bad') }, /image \(ARN\): must match an AppStream image ARN/],
  ])('%s out of range: %o', (_prop, props, message) => {
    expect(() => build(props as Partial<FleetProps>)).toThrow(message);
  });

  test('error names the construct path', () => {
    expect(() => build({ fleetName: '_x' })).toThrow(/^Test\/Fleet: invalid Fleet props \(1 problem\)/);
  });

  test('values at the limits are accepted', () => {
    const stack = newStack();
    build({
      fleetName: 'a'.repeat(100),
      displayName: 'd'.repeat(100),
      description: 'd'.repeat(256),
      maxUserDuration: Duration.seconds(432000),
      disconnectTimeout: Duration.seconds(36000),
      idleDisconnectTimeout: Duration.seconds(60),
      rootVolumeSize: Size.gibibytes(500),
      desiredCapacity: 0,
      usbDeviceFilterStrings: ['Wacom, 3, *, *, 1386, *, 0, 0', ', , , , , , 1, 1'],
    }, stack);
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::Fleet', 1);
  });

  test('tokens are not judged', () => {
    const stack = newStack();
    build({
      fleetName: Token.asString({ Ref: 'NameParam' }),
      displayName: Token.asString({ Ref: 'DisplayParam' }),
      desiredCapacity: Token.asNumber({ Ref: 'CapacityParam' }),
      maxUserDuration: Duration.seconds(Token.asNumber({ Ref: 'DurationParam' })),
      rootVolumeSize: Size.gibibytes(Token.asNumber({ Ref: 'SizeParam' })),
      image: FleetImage.fromName(Token.asString({ Ref: 'ImageParam' })),
      instanceType: InstanceType.of(Token.asString({ Ref: 'TypeParam' })),
      usbDeviceFilterStrings: Token.asList({ Ref: 'UsbParam' }),
    }, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', {
      Name: { Ref: 'NameParam' },
      ImageName: { Ref: 'ImageParam' },
      ComputeCapacity: { DesiredInstances: { Ref: 'CapacityParam' } },
    });
  });
});

describe('capacity and multi-session rules', () => {
  test('ON_DEMAND and ALWAYS_ON need an image and a capacity', () => {
    const message = errorOf(() => build({ fleetType: FleetType.ALWAYS_ON, image: undefined, desiredCapacity: undefined }));
    expect(message).toMatch(/\(2 problems\)/);
    expect(message).toMatch(/image: is required for an ALWAYS_ON fleet/);
    expect(message).toMatch(/desiredCapacity: is required for an ALWAYS_ON fleet \(or desiredSessions with maxSessionsPerInstance for multi-session\)/);
  });

  test('desiredCapacity and desiredSessions together are refused', () => {
    expect(() => build({ desiredSessions: 4, maxSessionsPerInstance: 2 }))
      .toThrow(/desiredCapacity and desiredSessions: give exactly one/);
  });

  test('multi-session fleet must be sized with desiredSessions', () => {
    expect(() => build({ maxSessionsPerInstance: 4 }))
      .toThrow(/desiredCapacity: a multi-session fleet \(maxSessionsPerInstance is set\) is sized with desiredSessions instead/);
    expect(() => build({ desiredCapacity: undefined, maxSessionsPerInstance: 4 }))
      .toThrow(/desiredSessions: is required for a multi-session ON_DEMAND fleet/);
  });

  test('desiredSessions without maxSessionsPerInstance is refused', () => {
    expect(() => build({ desiredCapacity: undefined, desiredSessions: 4 }))
      .toThrow(/desiredSessions: is only for multi-session fleets; set maxSessionsPerInstance too/);
  });

  test('maxConcurrentSessions and sessionScript are Elastic-only', () => {
    const stack = newStack();
    const message = errorOf(() => build({
      maxConcurrentSessions: 3,
      sessionScript: FleetSessionScript.fromBucket(new s3.Bucket(stack, 'B'), 'x.zip'),
    }, stack));
    expect(message).toMatch(/maxConcurrentSessions: is only for Elastic fleets/);
    expect(message).toMatch(/sessionScript: applies only to Elastic fleets/);
  });
});

describe('Elastic rules', () => {
  test('Elastic needs maxConcurrentSessions, platform and a VPC', () => {
    const message = errorOf(() => build({ fleetType: FleetType.ELASTIC, image: undefined, desiredCapacity: undefined }));
    expect(message).toMatch(/\(3 problems\)/);
    expect(message).toMatch(/maxConcurrentSessions: is required for an Elastic fleet/);
    expect(message).toMatch(/platform: is required for an Elastic fleet \(one of WINDOWS_SERVER_2019, AMAZON_LINUX2, UBUNTU_PRO_2404\)/);
    expect(message).toMatch(/vpc: is required for an Elastic fleet, with subnets in at least two availability zones/);
  });

  test('Elastic forbids capacity, sessions per instance and domain join', () => {
    const stack = newStack();
    const message = errorOf(() => elastic({
      desiredCapacity: 2,
      desiredSessions: 2,
      maxSessionsPerInstance: 2,
      domainJoin: { directory: { directoryName: 'corp.example.com' } as any },
    }, stack));
    expect(message).toMatch(/desiredCapacity: is not allowed for an Elastic fleet/);
    expect(message).toMatch(/desiredSessions: is not allowed for an Elastic fleet/);
    expect(message).toMatch(/maxSessionsPerInstance: is not allowed for an Elastic fleet/);
    expect(message).toMatch(/domainJoin: Elastic fleets cannot join an Active Directory domain/);
  });

  test('Elastic platform must be one Elastic supports; unknown platforms are not judged', () => {
    expect(() => elastic({ platform: FleetPlatform.WINDOWS_SERVER_2022 }))
      .toThrow(/platform: must be one that Elastic fleets support: WINDOWS_SERVER_2019, AMAZON_LINUX2, UBUNTU_PRO_2404 \(got "WINDOWS_SERVER_2022"\)/);
    const stack = newStack();
    elastic({ platform: FleetPlatform.of('FUTURE_OS') }, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { Platform: 'FUTURE_OS' });
  });

  test('Elastic needs two subnets in different AZs', () => {
    expect(() => elastic({ vpcSubnets: { availabilityZones: ['dummy1a'] } }))
      .toThrow(/vpcSubnets: must select at least two subnets in different availability zones for an Elastic fleet \(got "1 subnet"\)/);
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, subnetConfiguration: [{ name: 'a', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }, { name: 'b', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    expect(() => elastic({ vpc, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } }, stack))
      .toThrow(/vpcSubnets: must select subnets in at least two availability zones for an Elastic fleet/);
  });

  test('Elastic takes only stream.standard instance types', () => {
    expect(() => elastic({ instanceType: InstanceType.COMPUTE_LARGE }))
      .toThrow(/instanceType: must be a stream.standard.\* instance type for an Elastic fleet \(got "stream.compute.large"\)/);
  });
});

describe('network rules', () => {
  test('at most 5 security groups', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    const sgs = [0, 1, 2, 3, 4, 5].map(i => new ec2.SecurityGroup(stack, `Sg${i}`, { vpc }));
    expect(() => build({ vpc, securityGroups: sgs }, stack)).toThrow(/securityGroups: must have 0 to 5 items \(got "6 items"\)/);
  });

  test('vpcSubnets and securityGroups need a vpc', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    const message = errorOf(() => build({ vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, securityGroups: [new ec2.SecurityGroup(stack, 'Sg', { vpc })] }, stack));
    expect(message).toMatch(/vpcSubnets: is set but vpc is not/);
    expect(message).toMatch(/securityGroups: are set but vpc is not/);
  });

  test('a domain join OU longer than 2000 characters is refused', () => {
    const stack = newStack();
    expect(() => build({ vpc: new ec2.Vpc(stack, 'Vpc'), domainJoin: { directory: { directoryName: 'corp.example.com' } as any, organizationalUnit: 'O'.repeat(2001) } }, stack))
      .toThrow(/domainJoin.organizationalUnit: must be 1 to 2000 characters long/);
  });
});

test('an image source that gives both a name and an ARN is refused', () => {
  class Both extends FleetImage {
    public bind() {
      return { imageName: 'Img', imageArn: 'arn:aws:appstream:us-east-1:123456789012:image/Img' };
    }
  }
  expect(() => build({ image: new Both() })).toThrow(/image: gives both an image name and an image ARN/);
});

describe('Elastic-only limits', () => {
  test('maxConcurrentSessions must be a positive integer', () => {
    expect(() => elastic({ maxConcurrentSessions: 0 })).toThrow(/maxConcurrentSessions: must be an integer from 1 to 2147483647 \(got 0\)/);
  });

  test.each([
    ['an empty key', (stack: Stack) => FleetSessionScript.fromBucket(new s3.Bucket(stack, 'B'), ''), /sessionScript \(key\): must be 1 to 1024 characters long \(got ""\)/],
    ['a key over 1024 characters', (stack: Stack) => FleetSessionScript.fromBucket(new s3.Bucket(stack, 'B'), 'k'.repeat(1025)), /sessionScript \(key\): must be 1 to 1024 characters long/],
    ['a bucket name with upper case', (stack: Stack) => FleetSessionScript.fromBucket(s3.Bucket.fromBucketName(stack, 'B', 'My_Bucket'), 'k.zip'), /sessionScript \(bucket\): must match an S3 bucket name: .* \(got "My_Bucket"\)/],
  ])('the session script location is checked: %s', (_name, script, message) => {
    const stack = newStack();
    expect(() => elastic({ sessionScript: script(stack) }, stack)).toThrow(message);
  });

  test('a session script in a bucket whose name is a token is not judged', () => {
    const stack = newStack();
    elastic({ sessionScript: FleetSessionScript.fromBucket(new s3.Bucket(stack, 'B'), 'scripts/session.zip') }, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', {
      SessionScriptS3Location: { S3Bucket: { Ref: 'B08E7C7AF' }, S3Key: 'scripts/session.zip' },
    });
  });
});

test('image name and ARN lengths', () => {
  expect(() => build({ image: FleetImage.fromName('i'.repeat(102)) })).toThrow(/image \(name\): must be 1 to 101 characters long/);
  expect(() => build({ image: FleetImage.fromArn(`arn:aws:appstream:us-east-1:123456789012:image/${'i'.repeat(1000)}`) }))
    .toThrow(/image \(ARN\): must be 1 to 1024 characters long/);
});

test('a subnet selection that selects nothing is refused', () => {
  const stack = newStack();
  expect(() => build({ vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }), vpcSubnets: { subnets: [] } }, stack))
    .toThrow(/vpcSubnets: must select at least one subnet of the vpc/);
});

test('several problems are reported at once', () => {
  const message = errorOf(() => build({
    fleetName: '!bad',
    description: 'd'.repeat(257),
    disconnectTimeout: Duration.seconds(1),
    rootVolumeSize: Size.gibibytes(10),
    maxConcurrentSessions: 2,
  }));
  expect(message).toMatch(/\(5 problems\)/);
  for (const property of ['fleetName', 'description', 'disconnectTimeout', 'rootVolumeSize', 'maxConcurrentSessions']) {
    expect(message).toContain(`  - ${property}:`);
  }
});

/** The error that synthesizing `stack` throws (the checks `node.addValidation` runs). */
function synthError(stack: Stack): string {
  return errorOf(() => Template.fromStack(stack));
}

describe('tags given with Tags.of() are checked at synthesis', () => {
  function tagged(tags: Record<string, string>): Stack {
    const stack = newStack();
    const fleet = build({}, stack);
    for (const [key, value] of Object.entries(tags)) {
      Tags.of(fleet).add(key, value);
    }
    return stack;
  }

  test('valid tags pass: letters of any script, digits, spaces, _.:/=+-@, an empty value, 50 tags', () => {
    const stack = tagged({ 'cost center': 'Équipe_7 / α+β=γ @home', 'empty': '', 'k:sub/x': 'v' });
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', {
      Tags: Match.arrayWith([{ Key: 'cost center', Value: 'Équipe_7 / α+β=γ @home' }, { Key: 'empty', Value: '' }]),
    });
    expect(() => Template.fromStack(tagged(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']))))).not.toThrow();
    expect(() => Template.fromStack(tagged({ ['k'.repeat(128)]: 'v'.repeat(256) }))).not.toThrow();
  });

  test.each([
    ['more than 50 tags', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])), /tags: must have 0 to 50 items \(got "51 items"\)/],
    ['an empty key', { '': 'v' }, /tags key "": must be 1 to 128 characters long \(got ""\)/],
    ['a key of 129 characters', { ['k'.repeat(129)]: 'v' }, /tags key "k{129}": must be 1 to 128 characters long/],
    ['a value of 257 characters', { team: 'v'.repeat(257) }, /tags\["team"\]: must be 0 to 256 characters long/],
    ['the reserved aws: prefix', { 'aws:owner': 'me' }, /tags key "aws:owner": must match a key that does not start with aws: \(got "aws:owner"\)/],
  ] as Array<[string, Record<string, string>, RegExp]>)('%s is refused, naming the fleet', (_name, tags, message) => {
    const error = synthError(tagged(tags));
    expect(error).toMatch(message);
    expect(error).toContain('[Test/Fleet]');
  });

  test('characters that only the CloudFormation schema accepts are warned about, not refused', () => {
    const stack = tagged({ 'bad#key': 'v', 'team': 'bad#value', 'fine': 'ok' });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('value-beyond-narrowest-limit'));
    expect(warnings.map((w) => w.entry.data)).toEqual([
      expect.stringMatching(/^tags key "bad#key": has characters beyond the AppStream API's \(letters, digits, spaces and _\.:\/=\+-@ after the first\); the CloudFormation schema accepts them, the service may refuse them \(got "bad#key"\) \[ack: cdk-appstream:value-beyond-narrowest-limit\]$/),
      expect.stringMatching(/^tags\["team"\]: has characters beyond the AppStream API's .* \(got "bad#value"\)/),
    ]);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { Tags: Match.arrayWith([{ Key: 'bad#key', Value: 'v' }]) });
  });

  test('tags on a parent scope are checked too, and every problem is reported at once', () => {
    const stack = newStack();
    build({}, stack);
    Tags.of(stack).add('aws:owner', 'me');
    Tags.of(stack).add('team', 'v'.repeat(257));
    Tags.of(stack).add('ok', 'fine');
    const error = synthError(stack);
    expect(error).toMatch(/\[Test\/Fleet\] tags key "aws:owner": must match a key that does not start with aws:/);
    expect(error).toMatch(/\[Test\/Fleet\] tags\["team"\]: must be 0 to 256 characters long/);
    expect(error).not.toContain('"ok"');
  });

  test('tokens are not judged', () => {
    const stack = newStack();
    const fleet = build({}, stack);
    Tags.of(fleet).add(Token.asString({ Ref: 'KeyParam' }), Token.asString({ Ref: 'ValueParam' }));
    Tags.of(fleet).add('team', Token.asString({ Ref: 'ValueParam' }));
    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});

describe('attributesToDelete', () => {
  test('renders AttributesToDelete, sorted; custom values through FleetAttribute.of', () => {
    const stack = newStack();
    build({
      attributesToDelete: [FleetAttribute.USB_DEVICE_FILTER_STRINGS, FleetAttribute.DOMAIN_JOIN_INFO, FleetAttribute.of('IAM_ROLE_ARN')],
    }, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', {
      AttributesToDelete: ['DOMAIN_JOIN_INFO', 'IAM_ROLE_ARN', 'USB_DEVICE_FILTER_STRINGS'],
    });
  });

  test('none, or an empty list, renders nothing', () => {
    for (const attributesToDelete of [undefined, []]) {
      const stack = newStack();
      build({ attributesToDelete }, stack);
      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { AttributesToDelete: Match.absent() });
    }
  });

  test('an attribute named twice is refused', () => {
    expect(() => build({ attributesToDelete: [FleetAttribute.IAM_ROLE_ARN, FleetAttribute.DOMAIN_JOIN_INFO, FleetAttribute.of('IAM_ROLE_ARN')] }))
      .toThrow(/attributesToDelete\[2\]: repeats attributesToDelete\[0\]; name each attribute once \(got "IAM_ROLE_ARN"\)/);
  });

  test('an empty value is refused', () => {
    // FleetAttribute.of() refuses it, as every enum-like class's of() does.
    expect(() => FleetAttribute.of('')).toThrow(/FleetAttribute.of: expects the attribute's API value as a non-empty string/);
  });

  test('one the API documents but CloudFormation\'s schema does not list yet is accepted with a warning', () => {
    const stack = newStack();
    build({ attributesToDelete: [FleetAttribute.of('VOLUME_CONFIGURATION')] }, stack);
    Annotations.fromStack(stack).hasWarning('/Test/Fleet', Match.stringLikeRegexp(
      'attributesToDelete\\[0\\]: "VOLUME_CONFIGURATION" is an attribute the AppStream API documents, but the CloudFormation registry schema\'s AttributesToDelete .* does not list it.*cdk-appstream:value-beyond-narrowest-limit'));
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { AttributesToDelete: ['VOLUME_CONFIGURATION'] });
  });

  test('deleting what the fleet sets is refused at synthesis, including the role a grant creates', () => {
    const stack = newStack();
    const fleet = build({
      vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }),
      usbDeviceFilterStrings: ['Wacom, 3, *, *, 1386, *, 0, 0'],
      attributesToDelete: [
        FleetAttribute.VPC_CONFIGURATION_SECURITY_GROUP_IDS, FleetAttribute.IAM_ROLE_ARN, FleetAttribute.USB_DEVICE_FILTER_STRINGS,
      ],
    }, stack);
    new s3.Bucket(stack, 'Bucket').grantRead(fleet);
    const error = synthError(stack);
    expect(error).toMatch(/\[Test\/Fleet\] attributesToDelete\[0\]: deletes what the fleet sets through vpc .* \(got "VPC_CONFIGURATION_SECURITY_GROUP_IDS"\)/);
    expect(error).toMatch(/\[Test\/Fleet\] attributesToDelete\[1\]: deletes what the fleet sets through role .* \(got "IAM_ROLE_ARN"\)/);
    expect(error).toMatch(/\[Test\/Fleet\] attributesToDelete\[2\]: deletes what the fleet sets through usbDeviceFilterStrings/);
  });

  test('deleting what the fleet no longer sets passes', () => {
    const stack = newStack();
    build({ attributesToDelete: [FleetAttribute.IAM_ROLE_ARN, FleetAttribute.VPC_CONFIGURATION, FleetAttribute.DOMAIN_JOIN_INFO] }, stack);
    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});

describe('rendered fleets satisfy the CloudFormation registry schema of AWS::AppStream::Fleet', () => {
  function check(stack: Stack): void {
    const template = Template.fromStack(stack);
    expect(Object.keys(template.findResources('AWS::AppStream::Fleet')).length).toBeGreaterThan(0);
    expect(appStreamSchemaViolations(template.toJSON())).toEqual([]);
  }

  test('ON_DEMAND, multi-session ALWAYS_ON and ELASTIC fleets', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    new Fleet(stack, 'OnDemand', { instanceType: InstanceType.STANDARD_SMALL, image: FleetImage.fromName('Img'), desiredCapacity: 1 });
    new Fleet(stack, 'Multi', {
      instanceType: InstanceType.COMPUTE_LARGE,
      image: FleetImage.fromName('Img'),
      fleetType: FleetType.ALWAYS_ON,
      desiredSessions: 10,
      maxSessionsPerInstance: 5,
      maxUserDuration: Duration.hours(2),
      vpc,
    });
    new Fleet(stack, 'Elastic', {
      instanceType: InstanceType.STANDARD_LARGE,
      fleetType: FleetType.ELASTIC,
      maxConcurrentSessions: 3,
      platform: FleetPlatform.WINDOWS_SERVER_2019,
      vpc,
      sessionScript: FleetSessionScript.fromBucket(new s3.Bucket(stack, 'B'), 'k.zip'),
    });
    check(stack);
  });

  test('a fleet with every attribute to delete', () => {
    const stack = newStack();
    new Fleet(stack, 'Fleet', {
      instanceType: InstanceType.STANDARD_SMALL,
      image: FleetImage.fromName('Img'),
      desiredCapacity: 1,
      attributesToDelete: [
        FleetAttribute.VPC_CONFIGURATION, FleetAttribute.VPC_CONFIGURATION_SECURITY_GROUP_IDS, FleetAttribute.DOMAIN_JOIN_INFO,
        FleetAttribute.IAM_ROLE_ARN, FleetAttribute.USB_DEVICE_FILTER_STRINGS, FleetAttribute.SESSION_SCRIPT_S3_LOCATION,
        FleetAttribute.MAX_SESSIONS_PER_INSTANCE,
      ],
    });
    check(stack);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { AttributesToDelete: Match.arrayWith(['MAX_SESSIONS_PER_INSTANCE']) });
  });
});
