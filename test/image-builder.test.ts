import * as cdk from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ACCOUNT, expectProblems, newStack, onlyResource, REGION, validTemplate } from './util/apps';
import { ImageBuilder, ImageBuilderState } from '../src/apps/image-builder';
import { DirectoryConfig } from '../src/directory/directory-config';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';

const IMAGE = FleetImage.fromName('AppStream-WinServer2022-09-01-2025');

function builder(scope: cdk.Stack, props: Partial<ConstructorParameters<typeof ImageBuilder>[2]> = {}): ImageBuilder {
  return new ImageBuilder(scope, 'Builder', { instanceType: InstanceType.STANDARD_MEDIUM, image: IMAGE, ...props });
}

describe('ImageBuilder', () => {
  test('minimal: instance type, image and a generated name; no VPC, no role', () => {
    const scope = newStack();
    const b = builder(scope);
    const resource = onlyResource(validTemplate(scope), 'AWS::AppStream::ImageBuilder');
    expect(resource.Properties).toEqual({
      Name: expect.stringMatching(/^TestBuilder[0-9A-F]{8}-[0-9a-f]{8}$/),
      InstanceType: 'stream.standard.medium',
      ImageName: 'AppStream-WinServer2022-09-01-2025',
    });
    expect(scope.resolve(b.imageBuilderName)).toEqual({ Ref: expect.stringMatching(/^Builder/) });
    expect(scope.resolve(b.imageBuilderStreamingUrl)).toEqual({ 'Fn::GetAtt': [expect.any(String), 'StreamingUrl'] });
    expect(() => b.connections).toThrow(/only an image builder in a VPC has security groups/);
  });

  test('every property: VPC (one subnet), security group, domain join, role, endpoints, agent, root volume, tags', () => {
    const scope = newStack();
    const vpc = new ec2.Vpc(scope, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const endpoint = vpc.addInterfaceEndpoint('Streaming', { service: ec2.InterfaceVpcEndpointAwsService.APPSTREAM_STREAMING });
    const directory = DirectoryConfig.fromDirectoryConfigAttributes(scope, 'Dir', { directoryName: 'corp.example.com', organizationalUnits: ['OU=A,DC=corp,DC=example,DC=com'] });
    const b = builder(scope, {
      image: FleetImage.fromArn(`arn:aws:appstream:${REGION}:${ACCOUNT}:image/Mine`),
      instanceType: InstanceType.of('stream.graphics.g4dn.xlarge'),
      displayName: 'Builder',
      description: 'Builds images',
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      enableDefaultInternetAccess: true,
      domainJoin: { directory, organizationalUnit: 'OU=A,DC=corp,DC=example,DC=com' },
      accessEndpoints: [endpoint],
      appStreamAgentVersion: '[LATEST]',
      rootVolumeSize: cdk.Size.gibibytes(300),
      tags: { team: 'images' },
    });
    b.connections.allowToAnyIpv4(ec2.Port.tcp(443));
    new s3.Bucket(scope, 'Installers').grantRead(b);
    const template = validTemplate(scope);
    const resource = onlyResource(template, 'AWS::AppStream::ImageBuilder');
    expect(resource.Properties).toEqual({
      Name: expect.any(String),
      InstanceType: 'stream.graphics.g4dn.xlarge',
      ImageArn: `arn:aws:appstream:${REGION}:${ACCOUNT}:image/Mine`,
      DisplayName: 'Builder',
      Description: 'Builds images',
      VpcConfig: { SubnetIds: [{ Ref: expect.stringMatching(/^VpcPublicSubnet1/) }], SecurityGroupIds: [{ 'Fn::GetAtt': [expect.stringMatching(/^BuilderSecurityGroup/), 'GroupId'] }] },
      EnableDefaultInternetAccess: true,
      DomainJoinInfo: { DirectoryName: 'corp.example.com', OrganizationalUnitDistinguishedName: 'OU=A,DC=corp,DC=example,DC=com' },
      AccessEndpoints: [{ EndpointType: 'STREAMING', VpceId: { Ref: expect.stringMatching(/^VpcStreaming/) } }],
      AppstreamAgentVersion: '[LATEST]',
      RootVolumeConfig: { VolumeSizeInGb: 300 },
      IamRoleArn: { 'Fn::GetAtt': [expect.stringMatching(/^BuilderInstanceRole/), 'Arn'] },
      Tags: [{ Key: 'team', Value: 'images' }],
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'appstream.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } }] },
    });
  });

  test('a role given is used as is', () => {
    const scope = newStack();
    const role = iam.Role.fromRoleArn(scope, 'Role', `arn:aws:iam::${ACCOUNT}:role/builder`);
    const b = builder(scope, { role });
    expect(b.role).toBe(role);
    expect(onlyResource(validTemplate(scope), 'AWS::AppStream::ImageBuilder').Properties.IamRoleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/builder`);
  });

  test('every property change gives a new generated name, the role and tags included', () => {
    const name = (change: (scope: cdk.Stack, b: ImageBuilder) => void, props: Partial<ConstructorParameters<typeof ImageBuilder>[2]> = {}) => {
      const scope = newStack();
      change(scope, builder(scope, props));
      return onlyResource(validTemplate(scope), 'AWS::AppStream::ImageBuilder').Properties.Name;
    };
    const none = () => undefined;
    const base = name(none);
    expect(name(none)).toBe(base);
    expect(name(none, { instanceType: InstanceType.STANDARD_LARGE })).not.toBe(base);
    expect(name(none, { image: FleetImage.fromName('Other') })).not.toBe(base);
    expect(name(none, { description: 'x' })).not.toBe(base);
    expect(name((_, b) => { void b.role; })).not.toBe(base);
    expect(name((_, b) => cdk.Tags.of(b).add('a', 'b'))).not.toBe(base);
  });

  test('a given name is kept, with a warning', () => {
    const scope = newStack();
    builder(scope, { imageBuilderName: 'my-builder' });
    expect(onlyResource(validTemplate(scope), 'AWS::AppStream::ImageBuilder').Properties.Name).toBe('my-builder');
    Annotations.fromStack(scope).hasWarning('/Test/Builder', Match.stringLikeRegexp('imageBuilderName is given: a change of any property \\(an image builder has no update\\) replaces'));
  });

  test('importers, grants, connections of imports', () => {
    const scope = newStack();
    const sg = ec2.SecurityGroup.fromSecurityGroupId(scope, 'Sg', 'sg-12345678');
    const role = iam.Role.fromRoleArn(scope, 'Role', `arn:aws:iam::${ACCOUNT}:role/b`);
    const imported = ImageBuilder.fromImageBuilderAttributes(scope, 'Imported', { imageBuilderArn: `arn:aws:appstream:${REGION}:${ACCOUNT}:image-builder/b`, securityGroups: [sg], role });
    expect(imported.imageBuilderName).toBe('b');
    expect(imported.connections.securityGroups).toEqual([sg]);
    expect(imported.grantPrincipal).toBe(role);
    const byName = ImageBuilder.fromImageBuilderName(scope, 'ByName', 'a');
    const grantee = new iam.Role(scope, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });
    byName.grant(grantee, 'appstream:StartImageBuilder', 'appstream:StopImageBuilder');
    validTemplate(scope).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: ['appstream:StartImageBuilder', 'appstream:StopImageBuilder'], Effect: 'Allow', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:appstream:${REGION}:${ACCOUNT}:image-builder/a`]] } }] },
    });
  });

  test('every problem in one error', () => {
    const scope = newStack();
    const vpc = new ec2.Vpc(scope, 'Vpc', { maxAzs: 1, natGateways: 0 });
    const directory = DirectoryConfig.fromDirectoryConfigAttributes(scope, 'Dir', { directoryName: 'corp.example.com', organizationalUnits: ['OU=A'] });
    expectProblems(() => builder(scope, {
      imageBuilderName: 'bad name',
      appStreamAgentVersion: '',
      rootVolumeSize: cdk.Size.gibibytes(100),
      securityGroups: [1, 2, 3, 4, 5, 6].map((i) => ec2.SecurityGroup.fromSecurityGroupId(scope, `Sg${i}`, `sg-${i}`)),
      vpc,
      vpcSubnets: { subnetGroupName: 'Public' },
      domainJoin: { directory, organizationalUnit: 'OU=B' },
      accessEndpoints: [],
      tags: { 'aws:x': 'y' },
    }), 'Test/Builder: invalid ImageBuilder props (7 problems)', [
      'imageBuilderName: must match',
      'tags key "aws:x": must match',
      'appStreamAgentVersion: must be 1 to 100 characters long',
      'rootVolumeSize: must be a whole number of GiB from 200 to 500',
      'securityGroups: must have 0 to 5 items',
      'domainJoin.organizationalUnit: must be one of the directory config\'s organizational units: "OU=A"',
      'accessEndpoints: must have 1 to 4 items',
    ]);
    expectProblems(() => new ImageBuilder(scope, 'Types', { instanceType: 'stream.standard.small', enableDefaultInternetAccess: 'yes', appStreamAgentVersion: 1, rootVolumeSize: 300 } as any),
      'Test/Types: invalid ImageBuilder props (5 problems)', [
        'instanceType: must be',
        'image: is required',
        'enableDefaultInternetAccess: must be a boolean',
        'appStreamAgentVersion: must be a string',
        'rootVolumeSize: must be',
      ]);
    expect(() => builder(newStack(), { domainJoin: { directory: DirectoryConfig.fromDirectoryConfigAttributes(scope, 'D2', { directoryName: 'x.com' }) } }))
      .toThrow(/domainJoin: a domain-joined image builder needs a VPC/);
    const s2 = newStack();
    expect(() => builder(s2, { securityGroups: [] })).toThrow(/securityGroups: are set but vpc is not/);
    expect(() => builder(newStack(), { vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } })).toThrow(/vpcSubnets: is set but vpc is not/);
    expect(() => builder(newStack(), { vpc: 'vpc-1' as any })).toThrow(/vpc: must be an ec2.IVpc such as new ec2.Vpc\(...\)/);
    expect(() => new ImageBuilder(newStack(), 'NoType', { image: IMAGE } as any)).toThrow(/instanceType: is required, such as InstanceType.STANDARD_MEDIUM/);
  });

  test('desiredState: a custom resource after the builder, on the shared provider, allowed to start and stop this builder only', () => {
    const scope = newStack();
    const b = builder(scope, { desiredState: ImageBuilderState.STOPPED });
    const template = validTemplate(scope);
    const builderId = scope.getLogicalId(b.node.defaultChild as cdk.CfnElement);
    const name = onlyResource(template, 'AWS::AppStream::ImageBuilder').Properties.Name;
    const state = onlyResource(template, 'Custom::AppStreamImageBuilderState');
    expect(state.Properties).toEqual({ ServiceToken: expect.anything(), ImageBuilderName: name, DesiredState: 'STOPPED' });
    expect(state.DependsOn).toEqual([builderId]);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          { Action: 'appstream:DescribeImageBuilders', Effect: 'Allow', Resource: '*' },
          {
            Action: ['appstream:StartImageBuilder', 'appstream:StopImageBuilder'],
            Effect: 'Allow',
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:appstream:${REGION}:${ACCOUNT}:image-builder/${name}`]] },
          },
        ]),
      },
    });
  });

  test('without desiredState, no custom resource; a wrong desiredState is refused', () => {
    const scope = newStack();
    builder(scope);
    validTemplate(scope).resourceCountIs('Custom::AppStreamImageBuilderState', 0);
    expect(() => builder(newStack(), { desiredState: 'ON' as any })).toThrow(/desiredState: must be/);
  });
});
