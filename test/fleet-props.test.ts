import * as fs from 'fs';
import * as path from 'path';
import { App, Annotations as CoreAnnotations, Duration, Size, Stack, Tags, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CfnFleet } from 'aws-cdk-lib/aws-appstream';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Warnings } from '../src/core/private/warnings';
import { Fleet } from '../src/fleet/fleet';
import { FleetAttribute } from '../src/fleet/fleet-attribute';
import { FleetProps } from '../src/fleet/fleet-props';
import { FleetState } from '../src/fleet/fleet-state';
import { FleetType } from '../src/fleet/fleet-type';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';
import { FLEET_CREATE_ONLY_PROPERTIES } from '../src/fleet/private/fleet-name';

function newStack(id = 'Test'): Stack {
  return new Stack(new App(), id, { env: { account: '123456789012', region: 'us-east-1' } });
}

function build(props: Partial<FleetProps> = {}, stack = newStack(), id = 'Fleet'): Fleet {
  return new Fleet(stack, id, {
    instanceType: InstanceType.STANDARD_MEDIUM,
    image: FleetImage.fromName('MyImage'),
    desiredCapacity: 1,
    ...props,
  });
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

function fleetName(stack: Stack): string {
  const [fleet] = Object.values(Template.fromStack(stack).findResources('AWS::AppStream::Fleet'));
  return fleet.Properties.Name;
}

describe('tags', () => {
  test('are rendered on the fleet and on the resources it creates (its security group, its role)', () => {
    const stack = newStack();
    const fleet = build({ tags: { 'team': 'apps', 'cost-center': '42' }, vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }) }, stack);
    new iam.Role(stack, 'Other', { assumedBy: new iam.AccountRootPrincipal() }).grantAssumeRole(fleet.grantPrincipal);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::AppStream::Fleet', {
      Tags: [{ Key: 'cost-center', Value: '42' }, { Key: 'team', Value: 'apps' }],
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', { Tags: Match.arrayWith([{ Key: 'team', Value: 'apps' }]) });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: Match.objectLike({ Statement: [Match.objectLike({ Principal: { Service: 'appstream.amazonaws.com' } })] }),
      Tags: Match.arrayWith([{ Key: 'team', Value: 'apps' }]),
    });
    t.hasResourceProperties('AWS::IAM::Role', { Description: Match.absent(), Tags: Match.absent() }); // the other role
  });

  test('a fleet without tags renders none', () => {
    const stack = newStack();
    build({}, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { Tags: Match.absent() });
  });

  test('are checked in the constructor, every problem at once', () => {
    const message = errorOf(() => build({ tags: { 'aws:reserved': 'x', 'ok': 'v'.repeat(257), ['k'.repeat(129)]: 'v' } }));
    expect(message).toMatch(/^Test\/Fleet: invalid Fleet props \(3 problems\)/);
    expect(message).toContain('tags key "aws:reserved": must match a key that does not start with aws:');
    expect(message).toMatch(/tags\["ok"\]: must be 0 to 256 characters long/);
    expect(message).toMatch(/tags key "k{129}": must be 1 to 128 characters long/);
  });

  test('more than 50, with those from Tags.of(), are refused at synthesis', () => {
    const stack = newStack();
    const tags: Record<string, string> = {};
    for (let i = 0; i < 50; i++) {
      tags[`k${i}`] = 'v';
    }
    build({ tags }, stack);
    Tags.of(stack).add('one-more', 'v');
    expect(errorOf(() => Template.fromStack(stack))).toMatch(/tags: must have 0 to 50 items \(got "51 items"\)/);
  });
});

describe('generated names follow the create-only properties', () => {
  test('the create-only properties are those of the registry schema, the name aside', () => {
    expect([...FLEET_CREATE_ONLY_PROPERTIES]).toEqual(['FleetType']);
  });

  test('a change of fleetType gives a new name (the replacement can deploy); the same props give the same name', () => {
    const onDemand = newStack();
    build({}, onDemand);
    const alwaysOn = newStack();
    build({ fleetType: FleetType.ALWAYS_ON }, alwaysOn);
    const again = newStack();
    build({ fleetType: FleetType.ON_DEMAND }, again);

    expect(fleetName(onDemand)).toMatch(/^TestFleet[A-Za-z0-9]{8}-[0-9a-f]{8}$/);
    expect(fleetName(alwaysOn)).not.toBe(fleetName(onDemand));
    expect(fleetName(alwaysOn).split('-')[0]).toBe(fleetName(onDemand).split('-')[0]);
    expect(fleetName(again)).toBe(fleetName(onDemand)); // ON_DEMAND is the default, rendered either way
  });

  test('a change of anything else keeps the name (CloudFormation updates the fleet in place)', () => {
    const a = newStack();
    build({}, a);
    const b = newStack();
    build({ instanceType: InstanceType.STANDARD_LARGE, desiredCapacity: 3, displayName: 'New', tags: { x: 'y' } }, b);
    expect(fleetName(b)).toBe(fleetName(a));
  });

  test('a deep construct path still gives a name of at most 100 characters of the Name pattern', () => {
    const stack = newStack('S'.repeat(120));
    build({}, stack, 'F'.repeat(150));
    const name = fleetName(stack);
    expect(name.length).toBeLessThanOrEqual(100);
    expect(name).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}$/);
  });

  test('a fleet type that is a token is left out of the hash: its unresolved string is numbered by creation order', () => {
    const first = newStack();
    build({ fleetType: Token.asString({ Ref: 'TypeParam' }) as FleetType }, first);
    const second = newStack();
    Token.asString({ Ref: 'Unrelated' }); // shifts the numbering of later tokens
    build({ fleetType: Token.asString({ Ref: 'OtherParam' }) as FleetType }, second);
    expect(fleetName(second)).toBe(fleetName(first));
    Template.fromStack(first).hasResourceProperties('AWS::AppStream::Fleet', { FleetType: { Ref: 'TypeParam' } });
  });

  test('a given name is kept as it is, whatever the fleet type', () => {
    const stack = newStack();
    build({ fleetName: 'my-fleet', fleetType: FleetType.ALWAYS_ON }, stack);
    expect(fleetName(stack)).toBe('my-fleet');
  });

  test('the update guard and the state resource name the same generated fleet', () => {
    const stack = newStack();
    build({ fleetType: FleetType.ALWAYS_ON, desiredState: FleetState.RUNNING }, stack);
    const name = fleetName(stack);
    const t = Template.fromStack(stack);
    t.hasResourceProperties('Custom::AppStreamFleetUpdateGuard', { FleetName: name });
    t.hasResourceProperties('Custom::AppStreamFleetState', { FleetName: name });
  });
});

describe('limits on which AWS sources disagree: refused beyond the widest, warned beyond the narrowest', () => {
  function warningsOf(props: Partial<FleetProps>): string[] {
    const stack = newStack();
    build(props, stack);
    return Annotations.fromStack(stack).findWarning('/Test/Fleet', Match.anyValue()).map((w) => String(w.entry.data));
  }

  test.each([
    ['disconnectTimeout beyond the API\'s 36000 s (an AWS sample deploys 345600)', { disconnectTimeout: Duration.seconds(345_600) },
      /^disconnectTimeout: 345600 seconds is accepted by the CloudFormation registry schema \(60 to 432000\), but the AppStream API reference \(CreateFleet, UpdateFleet\) says at most 36000: the deployment \(or a linter\) may refuse it/],
    ['disconnectTimeout beyond the API and cfn-lint', { disconnectTimeout: Duration.seconds(432_000) },
      /says at most 36000, and cfn-lint says at most 360000/],
    ['maxUserDuration beyond the Fleet shape\'s and cfn-lint\'s 360000 s', { maxUserDuration: Duration.seconds(400_000) },
      /^maxUserDuration: 400000 seconds is accepted by the AppStream API \(CreateFleet, UpdateFleet\) and the CloudFormation registry schema \(600 to 432000\), but the AppStream API's Fleet shape and cfn-lint says at most 360000/],
    ['idleDisconnectTimeout below the API\'s 60 s', { idleDisconnectTimeout: Duration.seconds(30) },
      /^idleDisconnectTimeout: 30 seconds is accepted by .* but the AppStream API \(0 to never disconnect idle users, otherwise 60 to 36000\) says at least 60/],
    ['idleDisconnectTimeout beyond cfn-lint\'s 3600 s', { idleDisconnectTimeout: Duration.hours(2) },
      /^idleDisconnectTimeout: 7200 seconds .* but cfn-lint says at most 3600/],
    ['a fleet name of 101 characters', { fleetName: 'a'.repeat(101) },
      /^fleetName: "a{101}" has 101 characters; the AppStream API's Name pattern allows 101, but the CloudFormation registry schema allows at most 100/],
    ['an image name of 101 characters', { image: FleetImage.fromName('i'.repeat(101)) }, /^image \(name\): "i{101}" has 101 characters/],
    ['an empty display name', { displayName: '' }, /^displayName: is empty; the AppStream API accepts that, but the CloudFormation registry schema wants at least 1 character/],
    ['an empty description', { description: '' }, /^description: is empty/],
    ['an image ARN in a partition the API does not list', { image: FleetImage.fromArn('arn:aws-eusc:appstream:eusc-de-east-1:123456789012:image/MyImage') },
      /^image \(ARN\): "arn:aws-eusc:.*" has a partition that the CloudFormation registry schema's pattern admits but the AppStream API's Arn pattern does not list/],
  ])('%s: accepted with a warning', (_what, props, message) => {
    const warnings = warningsOf(props as Partial<FleetProps>);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(message);
    expect(warnings[0]).toContain(`[ack: ${Warnings.VALUE_BEYOND_NARROWEST_LIMIT}]`);
  });

  test('values every source accepts give no warning', () => {
    expect(warningsOf({
      fleetName: 'a'.repeat(100),
      displayName: 'd',
      description: 'd',
      maxUserDuration: Duration.seconds(360_000),
      disconnectTimeout: Duration.seconds(36_000),
      idleDisconnectTimeout: Duration.seconds(3600),
    })).toEqual([]);
    expect(warningsOf({ idleDisconnectTimeout: Duration.seconds(0) })).toEqual([]);
    expect(warningsOf({ idleDisconnectTimeout: Duration.seconds(60) })).toEqual([]);
  });

  test('several values give one warning each', () => {
    const warnings = warningsOf({ displayName: '', description: '', disconnectTimeout: Duration.hours(11) });
    expect(warnings).toHaveLength(3);
    expect(warnings.map((w) => w.split(':')[0]).sort()).toEqual(['description', 'disconnectTimeout', 'displayName']);
  });

  test('a warning can be acknowledged by its id', () => {
    const stack = newStack();
    const fleet = build({ disconnectTimeout: Duration.hours(96) }, stack);
    CoreAnnotations.of(fleet).acknowledgeWarning(Warnings.VALUE_BEYOND_NARROWEST_LIMIT, 'AWS sample deploys it');
    Annotations.fromStack(stack).hasNoWarning('/Test/Fleet', Match.anyValue());
  });
});

test('an empty list of security groups is accepted (the API sets no minimum)', () => {
  const stack = newStack();
  build({ vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }), securityGroups: [] }, stack);
  Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { VpcConfig: { SecurityGroupIds: [], SubnetIds: Match.anyValue() } });
});

describe('image ARNs', () => {
  test.each([
    'arn:aws:appstream:us-east-1:123456789012:image/MyImage',
    'arn:aws:appstream:us-west-2::image/AppStream-WinServer2022-09-01-2025', // AWS's public images have no account
    'arn:aws-cn:appstream:cn-north-1:123456789012:image/My.Image_2',
    'arn:aws-us-gov:appstream:us-gov-west-1:123456789012:image/MyImage',
  ])('%s is accepted', (arn) => {
    const stack = newStack();
    build({ image: FleetImage.fromArn(arn) }, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { ImageArn: arn });
  });

  test('a token is not judged', () => {
    const stack = newStack();
    build({ image: FleetImage.fromArn(Token.asString({ Ref: 'ImageArnParam' })) }, stack);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { ImageArn: { Ref: 'ImageArnParam' } });
  });
});

describe('types of the props, from plain JavaScript', () => {
  /** Props as plain JavaScript may pass them. */
  function js(props: Record<string, unknown>): Partial<FleetProps> {
    return props as unknown as Partial<FleetProps>;
  }

  test.each([
    ['a boolean given as a string', { enableDefaultInternetAccess: 'false' },
      'enableDefaultInternetAccess: must be a boolean (true or false), not a string (got "false")'],
    ['disableImdsV1 as a string', { disableImdsV1: 'true' }, 'disableImdsV1: must be a boolean (true or false), not a string (got "true")'],
    ['startOnCreate as a number', { startOnCreate: 1 }, 'startOnCreate: must be a boolean (true or false), not a number (got 1)'],
    ['a fleet type in the wrong case', { fleetType: 'always_on' },
      'fleetType: must be one of FleetType.ALWAYS_ON, FleetType.ON_DEMAND, FleetType.ELASTIC (got "always_on")'],
    ['a stream view in the wrong case', { streamView: 'desktop' }, 'streamView: must be one of StreamView.APP, StreamView.DESKTOP (got "desktop")'],
    ['a desired state that is not one', { desiredState: 'ON' }, 'desiredState: must be one of FleetState.RUNNING, FleetState.STOPPED (got "ON")'],
    ['an update behavior that is not one', { updateBehavior: 'stop' },
      'updateBehavior: must be one of FleetUpdateBehavior.STOP_AND_RESTART, FleetUpdateBehavior.FAIL (got "stop")'],
    ['an instance type given as a string', { instanceType: 'stream.standard.medium' },
      'instanceType: must be an InstanceType such as InstanceType.STANDARD_MEDIUM or InstanceType.of(\'stream.standard.medium\'), not a string (got "stream.standard.medium")'],
    ['an instance type missing', { instanceType: undefined }, 'instanceType: is required, such as InstanceType.STANDARD_MEDIUM'],
    ['an image given as a name', { image: 'name' },
      'image: must be a FleetImage such as FleetImage.fromName("name") or FleetImage.latest({ namePrefix }), not a string (got "name")'],
    ['an image given as an ARN', { image: 'arn:aws:appstream:us-east-1:123456789012:image/X' },
      'image: must be a FleetImage such as FleetImage.fromArn("arn:aws:appstream:us-east-1:123456789012:image/X")'],
    ['a platform given as a string', { platform: 'WINDOWS_SERVER_2022' },
      'platform: must be a FleetPlatform such as FleetPlatform.WINDOWS_SERVER_2022 or FleetPlatform.of(\'WINDOWS_SERVER_2022\'), not a string (got "WINDOWS_SERVER_2022")'],
    ['a duration given as seconds', { disconnectTimeout: 900 },
      'disconnectTimeout: must be a Duration such as Duration.minutes(15) or Duration.seconds(900), not a number (got 900)'],
    ['a duration given as a string', { maxUserDuration: '8h' }, 'maxUserDuration: must be a Duration such as Duration.minutes(15), not a string (got "8h")'],
    ['a size given as a number', { rootVolumeSize: 300 }, 'rootVolumeSize: must be a Size such as Size.gibibytes(300), not a number (got 300)'],
    ['a count given as a string', { desiredCapacity: '2' }, 'desiredCapacity: must be a number, not a string (got "2")'],
    ['a name given as a number', { fleetName: 42 }, 'fleetName: must be a string such as "my-fleet", not a number (got 42)'],
    ['an attribute given as a string', { attributesToDelete: ['IAM_ROLE_ARN'] },
      'attributesToDelete[0]: must be a FleetAttribute such as FleetAttribute.IAM_ROLE_ARN or FleetAttribute.of(\'IAM_ROLE_ARN\'), not a string (got "IAM_ROLE_ARN")'],
    ['a list given as a string', { usbDeviceFilterStrings: 'Wacom, *, *, *, *, *, 0, 0' }, 'usbDeviceFilterStrings: must be an array, not a string (got'],
    ['tags given as a list', { tags: [{ key: 'a', value: 'b' }] }, 'tags: must be an object of tag keys to values such as { team: "engineering" }, not an array (got an array of 1)'],
    ['a tag value given as a number', { tags: { count: 3 } }, 'tags["count"]: must be a string such as "engineering", not a number (got 3)'],
    ['a session script given as a key', { sessionScript: 's3://bucket/key.zip' },
      'sessionScript: must be a FleetSessionScript such as FleetSessionScript.fromBucket(bucket, "scripts/session.zip"), not a string (got "s3://bucket/key.zip")'],
    ['a domain join given as a directory name', { domainJoin: 'corp.example.com' },
      'domainJoin: must be an object whose directory is an IDirectoryConfig such as { directory: directoryConfig }, not a string (got "corp.example.com")'],
    ['a role given as an ARN', { role: 'arn:aws:iam::123456789012:role/R' }, 'role: must be an iam.IRole such as iam.Role.fromRoleArn(...), not a string (got'],
    ['a vpc given as an id', { vpc: 'vpc-123' }, 'vpc: must be an ec2.IVpc such as new ec2.Vpc(...) or ec2.Vpc.fromLookup(...), not a string (got "vpc-123")'],
  ])('%s is refused, naming the construct, the property, the value and what to use', (_what, props, expected) => {
    const message = errorOf(() => build(js(props)));
    expect(message).toMatch(/^Test\/Fleet: invalid Fleet props \(1 problem\)/);
    expect(message).toContain(`  - ${expected}`);
  });

  test('every wrong type is reported at once', () => {
    const message = errorOf(() => build(js({
      instanceType: 'stream.standard.medium',
      image: 'name',
      fleetType: 'always_on',
      enableDefaultInternetAccess: 'false',
      idleDisconnectTimeout: 600,
    })));
    expect(message).toMatch(/\(5 problems\)/);
    for (const property of ['instanceType', 'image', 'fleetType', 'enableDefaultInternetAccess', 'idleDisconnectTimeout']) {
      expect(message).toContain(`  - ${property}:`);
    }
  });

  test('no props at all', () => {
    const stack = newStack();
    expect(() => new Fleet(stack, 'Fleet', undefined as unknown as FleetProps))
      .toThrow('Test/Fleet: invalid Fleet props (1 problem)\n  - props: must be an object with at least instanceType, not undefined (got undefined)');
  });

  test('a FleetImage whose name or ARN is not a string', () => {
    expect(errorOf(() => build({ image: FleetImage.fromName(7 as unknown as string) })))
      .toContain('image (name): must be a string such as FleetImage.fromName("MyImage"), not a number (got 7)');
    expect(errorOf(() => build({ image: FleetImage.fromArn({} as unknown as string) })))
      .toContain('image (ARN): must be a string such as FleetImage.fromArn(');
  });

  test('values of the right types are accepted (enum values as their strings too)', () => {
    const stack = newStack();
    build(js({
      fleetType: 'ALWAYS_ON',
      streamView: 'DESKTOP',
      enableDefaultInternetAccess: false,
      disableImdsV1: false,
      startOnCreate: true,
      maxUserDuration: Duration.hours(8),
      rootVolumeSize: Size.gibibytes(300),
      attributesToDelete: [FleetAttribute.USB_DEVICE_FILTER_STRINGS],
      tags: { team: 'apps' },
    }), stack);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { FleetType: 'ALWAYS_ON', EnableDefaultInternetAccess: false });
  });
});

describe('the update guard reads no aws-cdk-lib internal', () => {
  test('what the guard and the state resource carry is the fleet\'s template, less Name, FleetType and Tags', () => {
    const stack = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    const fleet = build({
      fleetType: FleetType.ALWAYS_ON,
      vpc,
      displayName: 'Apps',
      description: 'Apps for all',
      maxUserDuration: Duration.hours(8),
      disconnectTimeout: Duration.minutes(15),
      idleDisconnectTimeout: Duration.minutes(10),
      rootVolumeSize: Size.gibibytes(300),
      usbDeviceFilterStrings: ['Wacom, 3, *, *, 1386, *, 0, 0'],
      attributesToDelete: [FleetAttribute.DOMAIN_JOIN_INFO],
      desiredState: FleetState.RUNNING,
      tags: { team: 'apps' },
    }, stack);
    fleet.role; // the lazily created role counts too
    const cfn = fleet.node.defaultChild as CfnFleet; // the public escape hatch
    cfn.addPropertyOverride('ComputeCapacity.DesiredInstances', 4);
    cfn.addPropertyDeletionOverride('Description');
    cfn.addOverride('Properties.DisplayName', 'Renamed');
    cfn.addPropertyOverride('Escaped\\.Name', 'kept whole'); // a period escaped in an override path

    const t = Template.fromStack(stack);
    const [rendered] = Object.values(t.findResources('AWS::AppStream::Fleet')).map((r) => r.Properties);
    const { Name: _name, FleetType: _type, Tags: _tags, ...updatable } = rendered;
    expect(updatable.ComputeCapacity).toEqual({ DesiredInstances: 4 });
    expect(updatable.Description).toBeUndefined();
    expect(updatable.DisplayName).toBe('Renamed');
    expect(updatable['Escaped.Name']).toBe('kept whole');
    expect(updatable.AttributesToDelete).toEqual(['DOMAIN_JOIN_INFO']);
    const [guard] = Object.values(t.findResources('Custom::AppStreamFleetUpdateGuard')).map((r) => r.Properties);
    const [state] = Object.values(t.findResources('Custom::AppStreamFleetState')).map((r) => r.Properties);
    expect(guard.FleetProperties).toEqual(updatable);
    expect(state.FleetProperties).toEqual(updatable);
    expect(guard.FleetType).toBe('ALWAYS_ON');
  });

  test('no source file calls _toCloudFormation()', () => {
    const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []);
    const offenders = sources(path.join(__dirname, '..', 'src')).filter((file) => /_toCloudFormation\(/.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
