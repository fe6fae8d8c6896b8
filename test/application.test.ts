import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ACCOUNT, bucketAppBlock, expectProblems, FIXTURES, newStack, onlyResource, REGION, validTemplate } from './util/apps';
import { AppBlock } from '../src/apps/app-block';
import { AppStreamFile } from '../src/apps/app-file';
import { Application, ApplicationInstanceFamily } from '../src/apps/application';
import { Fleet } from '../src/fleet/fleet';
import { FleetPlatform } from '../src/fleet/fleet-platform';
import { FleetType } from '../src/fleet/fleet-type';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';

function application(scope: cdk.Stack, props: Partial<ConstructorParameters<typeof Application>[2]> = {}, id = 'App'): Application {
  return new Application(scope, id, {
    appBlock: (scope.node.tryFindChild('AppBlock') as AppBlock | undefined) ?? bucketAppBlock(scope),
    launchPath: 'C:\\Program Files\\App\\app.exe',
    icon: AppStreamFile.fromAsset(path.join(FIXTURES, 'icon.png')),
    platforms: [FleetPlatform.WINDOWS_SERVER_2019],
    ...props,
  });
}

function elasticFleet(scope: cdk.Stack, props: Partial<ConstructorParameters<typeof Fleet>[2]> = {}): Fleet {
  const vpc = (scope.node.tryFindChild('Vpc') as ec2.Vpc | undefined) ?? new ec2.Vpc(scope, 'Vpc', { maxAzs: 2, natGateways: 0 });
  return new Fleet(scope, 'Fleet', {
    fleetType: FleetType.ELASTIC,
    instanceType: InstanceType.STANDARD_MEDIUM,
    platform: FleetPlatform.WINDOWS_SERVER_2019,
    maxConcurrentSessions: 5,
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
    ...props,
  });
}

describe('Application', () => {
  test('renders every property; the icon is copied where AppStream may read it; it depends on its app block', () => {
    const scope = newStack();
    const app = application(scope, {
      launchParameters: '--safe',
      workingDirectory: 'C:\\Program Files\\App',
      instanceFamilies: [ApplicationInstanceFamily.GENERAL_PURPOSE, ApplicationInstanceFamily.GRAPHICS_G4],
      platforms: [FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.AMAZON_LINUX2],
      displayName: 'App',
      description: 'An app',
      tags: { team: 'apps' },
    });
    const template = validTemplate(scope);
    const resource = onlyResource(template, 'AWS::AppStream::Application');
    const blockId = scope.getLogicalId(scope.node.findChild('AppBlock').node.defaultChild as cdk.CfnElement);
    expect(resource.Properties).toEqual({
      Name: expect.stringMatching(/^TestApp[0-9A-F]{8}-[0-9a-f]{8}$/),
      AppBlockArn: { 'Fn::GetAtt': [blockId, 'Arn'] },
      LaunchPath: 'C:\\Program Files\\App\\app.exe',
      LaunchParameters: '--safe',
      WorkingDirectory: 'C:\\Program Files\\App',
      IconS3Location: { S3Bucket: { Ref: expect.stringMatching(/^AppStreamFiles/) }, S3Key: expect.stringMatching(/^cdk-appstream\/[0-9a-f]{64}\.png$/) },
      Platforms: ['WINDOWS_SERVER_2019', 'AMAZON_LINUX2'],
      InstanceFamilies: ['GENERAL_PURPOSE', 'GRAPHICS_G4'],
      DisplayName: 'App',
      Description: 'An app',
      Tags: [{ Key: 'team', Value: 'apps' }],
    });
    expect(resource.DependsOn).toEqual(expect.arrayContaining([blockId, expect.stringMatching(/^AppIconCopy/)]));
    expect(app.platforms).toEqual([FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.AMAZON_LINUX2]);
    expect(scope.resolve(app.applicationArn)).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
    expect(scope.resolve(app.applicationName)).toBe(resource.Properties.Name);
  });

  test('instance families default to GENERAL_PURPOSE', () => {
    const scope = newStack();
    application(scope);
    expect(onlyResource(validTemplate(scope), 'AWS::AppStream::Application').Properties.InstanceFamilies).toEqual(['GENERAL_PURPOSE']);
  });

  test('the generated name changes with the platforms and the instance families only', () => {
    const name = (props: Partial<ConstructorParameters<typeof Application>[2]>) => {
      const scope = newStack();
      application(scope, props);
      return onlyResource(validTemplate(scope), 'AWS::AppStream::Application').Properties.Name;
    };
    const base = name({});
    expect(name({ launchPath: '/usr/bin/other' })).toBe(base);
    expect(name({ platforms: [FleetPlatform.AMAZON_LINUX2] })).not.toBe(base);
    expect(name({ instanceFamilies: [ApplicationInstanceFamily.GRAPHICS_G4] })).not.toBe(base);
  });

  test('a given name is kept, with a warning', () => {
    const scope = newStack();
    application(scope, { applicationName: 'my-app' });
    expect(onlyResource(validTemplate(scope), 'AWS::AppStream::Application').Properties.Name).toBe('my-app');
    Annotations.fromStack(scope).hasWarning('/Test/App', Match.stringLikeRegexp('applicationName is given: a change of platforms or instanceFamilies replaces'));
  });

  test('importers and grants', () => {
    const scope = newStack();
    const byArn = Application.fromApplicationArn(scope, 'ByArn', `arn:aws:appstream:${REGION}:${ACCOUNT}:application/app-b`);
    expect(byArn.applicationName).toBe('app-b');
    const byName = Application.fromApplicationName(scope, 'ByName', 'app-a');
    expect(scope.resolve(byName.applicationArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:appstream:${REGION}:${ACCOUNT}:application/app-a`]] });
    const role = new iam.Role(scope, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    byArn.grant(role, 'appstream:DescribeApplications');
    validTemplate(scope).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'appstream:DescribeApplications', Effect: 'Allow', Resource: `arn:aws:appstream:${REGION}:${ACCOUNT}:application/app-b` }] },
    });
  });

  test('every problem in one error', () => {
    const scope = newStack();
    expectProblems(() => application(scope, {
      applicationName: 'x'.repeat(102),
      launchPath: '',
      launchParameters: '',
      workingDirectory: '',
      platforms: [FleetPlatform.WINDOWS, FleetPlatform.WINDOWS, FleetPlatform.RHEL8, FleetPlatform.ROCKY_LINUX8, FleetPlatform.AMAZON_LINUX2],
      instanceFamilies: [ApplicationInstanceFamily.of('GRAPHICS_G4'), ApplicationInstanceFamily.GRAPHICS_G4],
      displayName: 'd'.repeat(101),
    }), 'Test/App: invalid Application props (8 problems)', [
      'applicationName: must be 1 to 101 characters long',
      'displayName: must be 0 to 100 characters long',
      'launchPath: must be at least 1 characters long',
      'launchParameters: must be at least 1 characters long',
      'workingDirectory: must be at least 1 characters long',
      'platforms: must have 0 to 4 items (got "5 items")',
      'platforms[1]: is listed twice; each value may appear once (got "WINDOWS")',
      'instanceFamilies[1]: is listed twice; each value may appear once (got "GRAPHICS_G4")',
    ]);
  });

  test('required props and wrong types', () => {
    const scope = newStack();
    expectProblems(() => new Application(scope, 'Bad', { appBlock: 'block' as any, icon: 'icon.png' as any, platforms: 'WINDOWS' as any } as any),
      'Test/Bad: invalid Application props (4 problems)', [
        'appBlock: must be an app block (IAppBlock)',
        'icon: must be an AppStreamFile such as AppStreamFile.fromAsset("icon.png")',
        'launchPath: is required',
        'platforms: must be an array',
      ]);
    expect(() => new Application(scope, 'NoPlatforms', { appBlock: bucketAppBlock(scope), icon: AppStreamFile.fromAsset(path.join(FIXTURES, 'icon.png')), launchPath: 'x' } as any))
      .toThrow(/platforms: is required, such as \[FleetPlatform.WINDOWS_SERVER_2019\]/);
  });
});

describe('fleet applications', () => {
  test('addApplication associates an application with an Elastic fleet; the association depends on both', () => {
    const scope = newStack();
    const fleet = elasticFleet(scope);
    const app = application(scope);
    fleet.addApplication(app);
    const template = validTemplate(scope);
    const association = onlyResource(template, 'AWS::AppStream::ApplicationFleetAssociation');
    const fleetId = scope.getLogicalId(fleet.node.defaultChild as cdk.CfnElement);
    const appId = scope.getLogicalId(app.node.defaultChild as cdk.CfnElement);
    expect(association.Properties).toEqual({ FleetName: { Ref: fleetId }, ApplicationArn: { 'Fn::GetAtt': [appId, 'Arn'] } });
    expect(association.DependsOn).toEqual(expect.arrayContaining([fleetId, appId]));
    expect(fleet.applications).toEqual([app]);
    Annotations.fromStack(scope).hasNoWarning('/Test/Fleet', Match.stringLikeRegexp('elastic-fleet-without-application'));
  });

  test('the applications prop does the same; an imported fleet takes applications too', () => {
    const scope = newStack();
    const app = application(scope);
    elasticFleet(scope, { applications: [app] });
    const imported = Fleet.fromFleetName(scope, 'Imported', 'existing-elastic');
    imported.addApplication(app);
    const associations = Object.values(validTemplate(scope).findResources('AWS::AppStream::ApplicationFleetAssociation')) as any[];
    expect(associations.map((a) => a.Properties.FleetName)).toEqual([{ Ref: expect.any(String) }, 'existing-elastic']);
  });

  test('an Elastic fleet without applications warns at synth', () => {
    const scope = newStack();
    elasticFleet(scope);
    Annotations.fromStack(scope).hasWarning('/Test/Fleet', Match.stringLikeRegexp('This Elastic fleet has no application.*cdk-appstream:elastic-fleet-without-application'));
  });

  test('only Elastic fleets take applications, each once', () => {
    const scope = newStack();
    const app = application(scope);
    const onDemand = new Fleet(scope, 'OnDemand', {
      instanceType: InstanceType.STANDARD_MEDIUM,
      image: FleetImage.fromName('AppStream-WinServer2022-09-01-2025'),
      desiredCapacity: 1,
    });
    expect(() => onDemand.addApplication(app)).toThrow(/addApplication\(\): only Elastic fleets take applications; an ON_DEMAND fleet runs the applications installed in its image/);
    const fleet = elasticFleet(scope);
    fleet.addApplication(app);
    expect(() => fleet.addApplication(app)).toThrow(/addApplication\(\): was already added to this fleet; add each application once \(got "Test\/App"\)/);
    expect(() => fleet.addApplication('app' as any)).toThrow(/addApplication\(\): must be an application \(IApplication\)/);
    expect(() => elasticFleet(newStack(), { applications: 'app' as any })).toThrow(/applications: must be an array/);
  });
});
