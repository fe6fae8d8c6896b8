import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ACCOUNT, expectProblems, newStack, onlyResource, REGION, validTemplate } from './util/apps';
import { AppBlock, AppBlockContent } from '../src/apps/app-block';
import { AppBlockBuilder } from '../src/apps/app-block-builder';
import { FleetPlatform } from '../src/fleet/fleet-platform';
import { InstanceType } from '../src/fleet/instance-type';

function vpcOf(scope: cdk.Stack): ec2.Vpc {
  return (scope.node.tryFindChild('Vpc') as ec2.Vpc | undefined) ?? new ec2.Vpc(scope, 'Vpc', { maxAzs: 2, natGateways: 0 });
}

function packageBlock(scope: cdk.Stack, id: string): AppBlock {
  const bucket = (scope.node.tryFindChild('Packages') as s3.Bucket | undefined) ?? new s3.Bucket(scope, 'Packages');
  return new AppBlock(scope, id, { content: AppBlockContent.appStreamPackage({ bucket }) });
}

describe('AppBlockBuilder', () => {
  test('renders the network, platform, role and the app blocks added later', () => {
    const scope = newStack();
    const vpc = vpcOf(scope);
    const endpoint = vpc.addInterfaceEndpoint('Streaming', { service: ec2.InterfaceVpcEndpointAwsService.APPSTREAM_STREAMING });
    const first = packageBlock(scope, 'First');
    const b = new AppBlockBuilder(scope, 'Builder', {
      instanceType: InstanceType.STANDARD_LARGE,
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      enableDefaultInternetAccess: true,
      accessEndpoints: [endpoint],
      appBlocks: [first],
      displayName: 'Packager',
      description: 'Packages apps',
      tags: { team: 'apps' },
    });
    const second = packageBlock(scope, 'Second');
    b.addAppBlock(second);
    new s3.Bucket(scope, 'Installers').grantRead(b);
    const template = validTemplate(scope);
    const resource = onlyResource(template, 'AWS::AppStream::AppBlockBuilder');
    const ids = [first, second].map((x) => scope.getLogicalId(x.node.defaultChild as cdk.CfnElement));
    expect(resource.Properties).toEqual({
      Name: expect.stringMatching(/^TestBuilder[0-9A-F]{8}-[0-9a-f]{8}$/),
      InstanceType: 'stream.standard.large',
      Platform: 'WINDOWS_SERVER_2019',
      VpcConfig: {
        SubnetIds: [{ Ref: expect.stringMatching(/^VpcPublicSubnet1/) }, { Ref: expect.stringMatching(/^VpcPublicSubnet2/) }],
        SecurityGroupIds: [{ 'Fn::GetAtt': [expect.stringMatching(/^BuilderSecurityGroup/), 'GroupId'] }],
      },
      EnableDefaultInternetAccess: true,
      AccessEndpoints: [{ EndpointType: 'STREAMING', VpceId: { Ref: expect.any(String) } }],
      AppBlockArns: ids.map((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })),
      IamRoleArn: { 'Fn::GetAtt': [expect.stringMatching(/^BuilderInstanceRole/), 'Arn'] },
      DisplayName: 'Packager',
      Description: 'Packages apps',
      Tags: [{ Key: 'team', Value: 'apps' }],
    });
    expect(resource.DependsOn).toEqual(expect.arrayContaining(ids));
    expect(b.connections.securityGroups).toHaveLength(1);
    expect(scope.resolve(b.appBlockBuilderName)).toEqual({ Ref: expect.stringMatching(/^Builder/) });
    expect(scope.resolve(b.appBlockBuilderArn)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Builder/), 'Arn'] });
  });

  test('without app blocks, AppBlockArns is left out; a given role, platform and name are used', () => {
    const scope = newStack();
    const role = iam.Role.fromRoleArn(scope, 'Role', `arn:aws:iam::${ACCOUNT}:role/r`);
    const b = new AppBlockBuilder(scope, 'Builder', {
      instanceType: InstanceType.STANDARD_SMALL, vpc: vpcOf(scope), role, platform: FleetPlatform.of('WINDOWS_SERVER_2019'), appBlockBuilderName: 'packager',
    });
    const properties = onlyResource(validTemplate(scope), 'AWS::AppStream::AppBlockBuilder').Properties;
    expect(properties.AppBlockArns).toBeUndefined();
    expect(properties.Name).toBe('packager');
    expect(properties.IamRoleArn).toBe(`arn:aws:iam::${ACCOUNT}:role/r`);
    expect(b.role).toBe(role);
  });

  test('importers and grants', () => {
    const scope = newStack();
    const imported = AppBlockBuilder.fromAppBlockBuilderAttributes(scope, 'I', { appBlockBuilderArn: `arn:aws:appstream:${REGION}:${ACCOUNT}:app-block-builder/p` });
    expect(imported.appBlockBuilderName).toBe('p');
    expect(() => imported.connections).toThrow(/security groups of this app block builder are not known/);
    const byName = AppBlockBuilder.fromAppBlockBuilderName(scope, 'N', 'q');
    byName.grant(new iam.Role(scope, 'Admin', { assumedBy: new iam.AccountRootPrincipal() }), 'appstream:StartAppBlockBuilder');
    validTemplate(scope).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'appstream:StartAppBlockBuilder', Effect: 'Allow', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:appstream:${REGION}:${ACCOUNT}:app-block-builder/q`]] } }] },
    });
  });

  test('every problem in one error', () => {
    const scope = newStack();
    const oneAz = new ec2.Vpc(scope, 'OneAz', { maxAzs: 1, natGateways: 0 });
    expectProblems(() => new AppBlockBuilder(scope, 'B', {
      instanceType: InstanceType.STANDARD_SMALL,
      vpc: oneAz,
      appBlockBuilderName: '',
      description: 'd'.repeat(300),
      tags: { k: 'v'.repeat(300) },
    }), 'Test/B: invalid AppBlockBuilder props (4 problems)', [
      'appBlockBuilderName: must be 1 to 101 characters long',
      'description: must be 0 to 256 characters long',
      'tags["k"]: must be 0 to 256 characters long',
      'vpcSubnets: must select at least 2 subnets of the vpc (got "1 subnets")',
    ]);
    expectProblems(() => new AppBlockBuilder(scope, 'Types', {} as any), 'Test/Types: invalid AppBlockBuilder props (2 problems)', [
      'instanceType: is required',
      'vpc: is required',
    ]);
    const vpc = vpcOf(scope);
    expect(() => new AppBlockBuilder(scope, 'SameZone', {
      instanceType: InstanceType.STANDARD_SMALL,
      vpc,
      vpcSubnets: { subnets: [vpc.publicSubnets[0], vpc.isolatedSubnets[0] ?? vpc.publicSubnets[0]] },
    })).toThrow(/vpcSubnets: must select subnets in at least two availability zones/);
    const b = new AppBlockBuilder(scope, 'Once', { instanceType: InstanceType.STANDARD_SMALL, vpc });
    const block = packageBlock(scope, 'Block');
    b.addAppBlock(block);
    expect(() => b.addAppBlock(block)).toThrow(/was already added to this app block builder/);
  });
});
