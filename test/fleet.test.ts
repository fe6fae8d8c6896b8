import { App, CfnParameter, Duration, Resource, Size, Stack, Tags, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { IDirectoryConfig } from '../src/directory/directory-config';
import { Fleet } from '../src/fleet/fleet';
import { FleetPlatform } from '../src/fleet/fleet-platform';
import { FleetProps } from '../src/fleet/fleet-props';
import { FleetSessionScript } from '../src/fleet/fleet-session-script';
import { FleetType, StreamView } from '../src/fleet/fleet-type';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';

const IMAGE = FleetImage.fromName('AppStream-WinServer2022-09-01-2025');

function newStack(): Stack {
  return new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
}

function newVpc(stack: Stack): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
}

function fleet(stack: Stack, props: Partial<FleetProps> = {}, id = 'Fleet'): Fleet {
  return new Fleet(stack, id, {
    instanceType: InstanceType.STANDARD_MEDIUM,
    image: IMAGE,
    desiredCapacity: 1,
    ...props,
  });
}

class FakeDirectory extends Resource implements IDirectoryConfig {
  constructor(scope: Construct, id: string, public readonly directoryName: string, public readonly organizationalUnits?: string[]) {
    super(scope, id);
  }
}

describe('Fleet resource', () => {
  test('a fleet that is granted nothing gets no IAM role', () => {
    const stack = newStack();
    fleet(stack);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Role', 0);
    t.hasResourceProperties('AWS::AppStream::Fleet', { IamRoleArn: Match.absent() });
  });

  test('minimal ON_DEMAND fleet: defaults (name, role on first use, IMDSv1 off, fleet type)', () => {
    const stack = newStack();
    const f = fleet(stack);
    expect(f.role).toBe(f.grantPrincipal); // reading the role creates it, once
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Role', 1);
    t.resourceCountIs('AWS::AppStream::Fleet', 1);
    t.hasResourceProperties('AWS::AppStream::Fleet', {
      Name: Match.stringLikeRegexp('^TestFleet[A-Za-z0-9]+-[0-9a-f]{8}$'),
      InstanceType: 'stream.standard.medium',
      FleetType: 'ON_DEMAND',
      ImageName: 'AppStream-WinServer2022-09-01-2025',
      ComputeCapacity: { DesiredInstances: 1 },
      DisableIMDSV1: true,
      IamRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FleetInstanceRole'), 'Arn'] },
      VpcConfig: Match.absent(),
      DomainJoinInfo: Match.absent(),
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        // only on behalf of this account (AppStream's confused-deputy guidance for fleet roles)
        Statement: [{
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'appstream.amazonaws.com' },
          Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
        }],
      },
    });
    expect(f.fleetType).toBe(FleetType.ON_DEMAND);
    expect(f.domainJoined).toBe(false);
    const logicalId = Object.keys(t.findResources('AWS::AppStream::Fleet'))[0];
    expect(stack.resolve(f.fleetName)).toEqual({ Ref: logicalId });
    expect(stack.resolve(f.fleetArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:fleet/', { Ref: logicalId }]],
    });
    // generated names are valid fleet names
    const name = t.findResources('AWS::AppStream::Fleet')[logicalId].Properties.Name as string;
    expect(name).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}$/);
  });

  test('every property is rendered', () => {
    const stack = newStack();
    const vpc = newVpc(stack);
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com') });
    fleet(stack, {
      fleetName: 'my-fleet_1.0',
      displayName: 'My fleet',
      description: 'Fleet for tests',
      fleetType: FleetType.ALWAYS_ON,
      instanceType: InstanceType.of('stream.compute.large'),
      image: FleetImage.fromArn('arn:aws:appstream:us-east-1:123456789012:image/MyImage'),
      desiredCapacity: 3,
      platform: FleetPlatform.WINDOWS_SERVER_2022,
      usbDeviceFilterStrings: ['Wacom, 3, *, *, 1386, *, 0, 0'],
      streamView: StreamView.DESKTOP,
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroups: [sg],
      enableDefaultInternetAccess: true,
      maxUserDuration: Duration.hours(8),
      disconnectTimeout: Duration.minutes(15),
      idleDisconnectTimeout: Duration.minutes(10),
      rootVolumeSize: Size.gibibytes(300),
      role,
      disableImdsV1: false,
      startOnCreate: true,
    });
    const t = Template.fromStack(stack);
    t.hasResource('AWS::AppStream::Fleet', {
      CreationPolicy: { StartFleet: true },
      Properties: {
        Name: 'my-fleet_1.0',
        DisplayName: 'My fleet',
        Description: 'Fleet for tests',
        FleetType: 'ALWAYS_ON',
        InstanceType: 'stream.compute.large',
        ImageArn: 'arn:aws:appstream:us-east-1:123456789012:image/MyImage',
        ImageName: Match.absent(),
        ComputeCapacity: { DesiredInstances: 3 },
        Platform: 'WINDOWS_SERVER_2022',
        UsbDeviceFilterStrings: ['Wacom, 3, *, *, 1386, *, 0, 0'],
        StreamView: 'DESKTOP',
        VpcConfig: {
          SubnetIds: [{ Ref: Match.stringLikeRegexp('VpcPublicSubnet1') }, { Ref: Match.stringLikeRegexp('VpcPublicSubnet2') }],
          SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Sg'), 'GroupId'] }],
        },
        EnableDefaultInternetAccess: true,
        MaxUserDurationInSeconds: 28800,
        DisconnectTimeoutInSeconds: 900,
        IdleDisconnectTimeoutInSeconds: 600,
        RootVolumeConfig: { VolumeSizeInGb: 300 },
        IamRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Role'), 'Arn'] },
        DisableIMDSV1: false,
      },
    });
    // the given role is used: no role of the fleet's own
    expect(Object.keys(t.findResources('AWS::IAM::Role'))).toEqual([expect.stringMatching(/^Role/)]);
  });

  test('no creation policy unless startOnCreate', () => {
    const stack = newStack();
    fleet(stack);
    const res = Object.values(Template.fromStack(stack).findResources('AWS::AppStream::Fleet'))[0];
    expect(res.CreationPolicy).toBeUndefined();
  });

  test('idle disconnect timeout of 0 is allowed and rendered', () => {
    const stack = newStack();
    fleet(stack, { idleDisconnectTimeout: Duration.seconds(0) });
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { IdleDisconnectTimeoutInSeconds: 0 });
  });

  test('multi-session fleet renders DesiredSessions and MaxSessionsPerInstance', () => {
    const stack = newStack();
    fleet(stack, { desiredCapacity: undefined, desiredSessions: 20, maxSessionsPerInstance: 5 });
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', {
      ComputeCapacity: { DesiredSessions: 20, DesiredInstances: Match.absent() },
      MaxSessionsPerInstance: 5,
    });
  });

  test('Elastic fleet with a session script from a bucket grants AppStream read on the object', () => {
    const stack = newStack();
    const vpc = newVpc(stack);
    const bucket = new s3.Bucket(stack, 'Scripts');
    fleet(stack, {
      fleetType: FleetType.ELASTIC,
      image: undefined,
      desiredCapacity: undefined,
      maxConcurrentSessions: 10,
      platform: FleetPlatform.AMAZON_LINUX2,
      vpc,
      sessionScript: FleetSessionScript.fromBucket(bucket, 'scripts/session.zip'),
    });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::AppStream::Fleet', {
      FleetType: 'ELASTIC',
      MaxConcurrentSessions: 10,
      Platform: 'AMAZON_LINUX2',
      ComputeCapacity: Match.absent(),
      SessionScriptS3Location: { S3Bucket: { Ref: Match.stringLikeRegexp('^Scripts') }, S3Key: 'scripts/session.zip' },
      VpcConfig: { SubnetIds: Match.arrayWith([{ Ref: Match.stringLikeRegexp('PrivateSubnet1') }]) },
    });
    // Only the script object, only GetObject, only for the fleet's account (confused-deputy guidance).
    const appStreamStatements = Object.values(t.findResources('AWS::S3::BucketPolicy'))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement)
      .filter((statement: any) => JSON.stringify(statement.Principal ?? {}).includes('appstream.amazonaws.com'));
    expect(appStreamStatements).toHaveLength(1);
    expect(appStreamStatements[0]).toEqual({
      Effect: 'Allow',
      Principal: { Service: 'appstream.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^Scripts/), 'Arn'] }, '/scripts/session.zip']] },
      Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
    });
  });

  test('session script in a KMS-encrypted bucket: the key lets AppStream decrypt, for the fleet\'s account only', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Scripts', { encryption: s3.BucketEncryption.KMS });
    fleet(stack, {
      fleetType: FleetType.ELASTIC,
      image: undefined,
      desiredCapacity: undefined,
      maxConcurrentSessions: 2,
      platform: FleetPlatform.AMAZON_LINUX2,
      vpc: newVpc(stack),
      sessionScript: FleetSessionScript.fromBucket(bucket, 'a.zip'),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([{
          Effect: 'Allow',
          Principal: { Service: 'appstream.amazonaws.com' },
          Action: 'kms:Decrypt',
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
        }]),
      },
    });
  });

  test('session script in an imported bucket warns that the bucket policy must be changed by hand', () => {
    const stack = newStack();
    const vpc = newVpc(stack);
    fleet(stack, {
      fleetType: FleetType.ELASTIC,
      image: undefined,
      desiredCapacity: undefined,
      maxConcurrentSessions: 2,
      platform: FleetPlatform.WINDOWS_SERVER_2019,
      vpc,
      sessionScript: FleetSessionScript.fromBucket(s3.Bucket.fromBucketName(stack, 'Imported', 'my-scripts'), 'a.zip'),
    });
    Annotations.fromStack(stack).hasWarning('/Test/Fleet', Match.stringLikeRegexp('allow appstream.amazonaws.com s3:GetObject'));
  });

  test('tags via Tags.of land on the fleet', () => {
    const stack = newStack();
    const f = fleet(stack);
    Tags.of(f).add('team', 'euc');
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { Tags: [{ Key: 'team', Value: 'euc' }] });
  });
});

describe('VPC and connections', () => {
  test('a new security group by default in a VPC, exposed as connections', () => {
    const stack = newStack();
    const vpc = newVpc(stack);
    const f = fleet(stack, { vpc });
    const db = new ec2.SecurityGroup(stack, 'Db', { vpc });
    f.connections.allowTo(db, ec2.Port.tcp(5432));
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::AppStream::Fleet', {
      VpcConfig: {
        SubnetIds: [{ Ref: Match.stringLikeRegexp('PrivateSubnet1') }, { Ref: Match.stringLikeRegexp('PrivateSubnet2') }],
        SecurityGroupIds: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^FleetSecurityGroup'), 'GroupId'] }],
      },
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      FromPort: 5432,
      ToPort: 5432,
      GroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Db'), 'GroupId'] },
      SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FleetSecurityGroup'), 'GroupId'] },
    });
  });

  test('connections of a fleet without a VPC throws', () => {
    const stack = newStack();
    const f = fleet(stack);
    expect(() => f.connections).toThrow(/only a fleet in a VPC has security groups/);
  });

  describe('default internet access needs public subnets', () => {
    const WARNING = /enableDefaultInternetAccess works only in public subnets .*2 of the 2 selected subnets are not public subnets of the vpc \(Test\/Vpc\/PrivateSubnet1, Test\/Vpc\/PrivateSubnet2\)/;

    test('in the default (private) subnets it warns, naming them', () => {
      const stack = newStack();
      fleet(stack, { vpc: newVpc(stack), enableDefaultInternetAccess: true });
      Annotations.fromStack(stack).hasWarning('/Test/Fleet', Match.stringLikeRegexp(WARNING.source));
      expect(Annotations.fromStack(stack).findWarning('/Test/Fleet', Match.stringLikeRegexp('default-internet-access-in-private-subnets'))).toHaveLength(1);
    });

    test('with some subnets that are not among the vpc\'s public subnets it warns', () => {
      const stack = newStack();
      const vpc = newVpc(stack);
      const imported = ec2.Subnet.fromSubnetAttributes(stack, 'Imported', { subnetId: 'subnet-1', availabilityZone: 'us-east-1a', routeTableId: 'rtb-1' });
      fleet(stack, { vpc, vpcSubnets: { subnets: [vpc.publicSubnets[0], imported] }, enableDefaultInternetAccess: true });
      Annotations.fromStack(stack).hasWarning('/Test/Fleet', Match.stringLikeRegexp('1 of the 2 selected subnets are not public subnets of the vpc \\(Test/Imported\\)'));
    });

    test('in public subnets, without it, or without a VPC it does not warn', () => {
      const stack = newStack();
      const vpc = newVpc(stack);
      fleet(stack, { vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, enableDefaultInternetAccess: true }, 'Public');
      fleet(stack, { vpc, enableDefaultInternetAccess: false }, 'Off');
      fleet(stack, { vpc }, 'Unset');
      fleet(stack, { enableDefaultInternetAccess: true }, 'NoVpc');
      for (const id of ['Public', 'Off', 'Unset', 'NoVpc']) {
        Annotations.fromStack(stack).hasNoWarning(`/Test/${id}`, Match.stringLikeRegexp('enableDefaultInternetAccess'));
      }
    });
  });
});

describe('grants', () => {
  test('bucket.grantRead(fleet) lands on the fleet role', () => {
    const stack = newStack();
    const f = fleet(stack);
    const bucket = new s3.Bucket(stack, 'Data');
    bucket.grantRead(f);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^FleetInstanceRole') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['s3:GetObject*']) })]) },
    });
  });

  test('the default role is created once, on the first grant, and set as the fleet\'s IamRoleArn', () => {
    const stack = newStack();
    const f = fleet(stack);
    new s3.Bucket(stack, 'Data').grantRead(f);
    new s3.Bucket(stack, 'Logs').grantWrite(f);
    expect(f.role).toBe(f.grantPrincipal);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::IAM::Role', 1);
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'appstream.amazonaws.com' } })] },
    });
    const roleId = Object.keys(t.findResources('AWS::IAM::Role'))[0];
    expect(roleId).toMatch(/^FleetInstanceRole/);
    t.hasResourceProperties('AWS::AppStream::Fleet', { IamRoleArn: { 'Fn::GetAtt': [roleId, 'Arn'] } });
  });

  test('fleet.grant scopes actions to the fleet ARN', () => {
    const stack = newStack();
    const f = fleet(stack);
    const fn = new iam.Role(stack, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    f.grant(fn, 'appstream:DescribeFleets');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Portal') }],
      PolicyDocument: {
        Statement: [{
          Action: 'appstream:DescribeFleets',
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:fleet/', { Ref: Match.stringLikeRegexp('^Fleet') }]] },
        }],
      },
    });
  });
});

describe('importers', () => {
  test('fromFleetName builds the ARN', () => {
    const stack = newStack();
    const f = Fleet.fromFleetName(stack, 'Imported', 'existing');
    expect(f.fleetName).toBe('existing');
    expect(stack.resolve(f.fleetArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:fleet/existing']],
    });
    expect(f.domainJoined).toBeUndefined();
    expect(f.fleetType).toBeUndefined();
    expect(() => f.connections).toThrow(/security groups/);
  });

  test('fromFleetArn takes the name and environment from the ARN', () => {
    const stack = newStack();
    const f = Fleet.fromFleetArn(stack, 'Imported', 'arn:aws:appstream:eu-west-1:210987654321:fleet/other');
    expect(f.fleetName).toBe('other');
    expect(f.fleetArn).toBe('arn:aws:appstream:eu-west-1:210987654321:fleet/other');
    expect(f.env.region).toBe('eu-west-1');
    expect(f.env.account).toBe('210987654321');
  });

  test('fromFleetAttributes: role receives grants, security groups give connections', () => {
    const stack = newStack();
    const vpc = newVpc(stack);
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com') });
    const f = Fleet.fromFleetAttributes(stack, 'Imported', {
      fleetName: 'existing', securityGroups: [sg], role, domainJoined: true, fleetType: FleetType.ALWAYS_ON,
    });
    expect(f.domainJoined).toBe(true);
    expect(f.fleetType).toBe(FleetType.ALWAYS_ON);
    expect(f.connections.securityGroups).toEqual([sg]);
    new s3.Bucket(stack, 'Data').grantRead(f);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', { Roles: [{ Ref: Match.stringLikeRegexp('^Role') }] });
  });

  test('fromFleetAttributes without a role: grants to the fleet fail, naming it', () => {
    const stack = newStack();
    const f = Fleet.fromFleetName(stack, 'Imported', 'existing');
    expect(() => new s3.Bucket(stack, 'Data').grantRead(f)).toThrow(/Test\/Imported, resource imported without a role/);
  });

  test('fromFleetAttributes needs a name or an ARN', () => {
    expect(() => Fleet.fromFleetAttributes(newStack(), 'Imported', {}))
      .toThrow(/Test\/Imported: invalid Fleet\.fromFleetAttributes attributes \(1 problem\)\n  - fleetName or fleetArn is required$/);
  });

  test('fromFleetAttributes reports every wrong attribute at once, as plain JavaScript may give them', () => {
    const attrs: any = {
      fleetName: 'other',
      fleetArn: 'arn:aws:appstream:us-east-1:222222222222:fleet/existing',
      securityGroups: ['sg-123'],
      role: 'arn:aws:iam::111111111111:role/r',
      domainJoined: 'false',
      fleetType: 'always_on',
    };
    expect(() => Fleet.fromFleetAttributes(newStack(), 'Imported', attrs)).toThrow(new RegExp([
      'invalid Fleet\\.fromFleetAttributes attributes \\(5 problems\\)',
      '  - fleetName: must be the name in fleetArn \\(arn:aws:appstream:us-east-1:222222222222:fleet/existing\\) \\(got "other"\\)',
      '  - securityGroups\\[0\\]: .*security group',
      '  - role: .*IAM role',
      '  - domainJoined: .*boolean',
      '  - fleetType: must be one of FleetType\\.ALWAYS_ON, FleetType\\.ON_DEMAND, FleetType\\.ELASTIC \\(got "always_on"\\)',
    ].join('[\\s\\S]*')));
  });

  test.each([
    ['an ARN of another service', { fleetArn: 'arn:aws:s3:::bucket' }, /fleetArn: must match an AppStream fleet ARN/],
    ['a stack ARN', { fleetArn: 'arn:aws:appstream:us-east-1:222222222222:stack/s' }, /fleetArn: must match an AppStream fleet ARN/],
    ['a name with a space', { fleetName: 'has space' }, /fleetName: must match/],
    ['a name that is a number', { fleetName: 42 }, /fleetName: .*string/],
  ])('fromFleetAttributes refuses %s', (_, attrs, error) => {
    expect(() => Fleet.fromFleetAttributes(newStack(), 'Imported', attrs as any)).toThrow(error);
  });

  test('fromFleetAttributes does not judge tokens', () => {
    const stack = newStack();
    const name = new CfnParameter(stack, 'FleetName').valueAsString;
    const arn = new CfnParameter(stack, 'FleetArn').valueAsString;
    expect(Fleet.fromFleetAttributes(stack, 'Imported', { fleetName: name, fleetArn: arn }).fleetName).toBe(name);
  });
});

describe('domain join', () => {
  const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';

  test('renders DomainJoinInfo and depends on the directory config', () => {
    const stack = newStack();
    const vpc = newVpc(stack);
    const dir = new FakeDirectory(stack, 'Dir', 'corp.example.com', [OU]);
    new iam.Role(dir, 'Resource', { assumedBy: new iam.AccountRootPrincipal() }); // a resource to depend on
    const f = fleet(stack, { vpc, domainJoin: { directory: dir, organizationalUnit: OU } });
    expect(f.domainJoined).toBe(true);
    const t = Template.fromStack(stack);
    t.hasResource('AWS::AppStream::Fleet', {
      Properties: { DomainJoinInfo: { DirectoryName: 'corp.example.com', OrganizationalUnitDistinguishedName: OU } },
      DependsOn: Match.arrayWith([Match.stringLikeRegexp('^Dir')]),
    });
  });

  test('OU must be one of the directory config OUs', () => {
    const stack = newStack();
    const dir = new FakeDirectory(stack, 'Dir', 'corp.example.com', [OU]);
    expect(() => fleet(stack, { vpc: newVpc(stack), domainJoin: { directory: dir, organizationalUnit: 'OU=Other,DC=corp' } }))
      .toThrow(/domainJoin\.organizationalUnit: must be one of the directory config's organizational units: "OU=AppStream,DC=corp,DC=example,DC=com" \(got "OU=Other,DC=corp"\)/);
  });

  test('OU is not judged when the directory config does not list its OUs or the OU is a token', () => {
    const stack = newStack();
    const vpc = newVpc(stack);
    fleet(stack, { vpc, domainJoin: { directory: new FakeDirectory(stack, 'Dir', 'corp.example.com'), organizationalUnit: 'OU=Any' } }, 'A');
    const dir = new FakeDirectory(stack, 'Dir2', 'corp.example.com', [OU]);
    fleet(stack, { vpc, domainJoin: { directory: dir, organizationalUnit: Token.asString({ Ref: 'OuParam' }) } }, 'B');
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::Fleet', 2);
  });

  test('a domain-joined fleet without a VPC is refused, saying why', () => {
    const stack = newStack();
    const dir = new FakeDirectory(stack, 'Dir', 'corp.example.com', [OU]);
    expect(() => fleet(stack, { domainJoin: { directory: dir } })).toThrow(/domainJoin: a domain-joined fleet needs a VPC/);
  });
});
