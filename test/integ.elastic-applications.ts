import * as path from 'path';
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack as CdkStack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AppBlock, AppBlockContent } from '../src/apps/app-block';
import { AppStreamFile } from '../src/apps/app-file';
import { Application } from '../src/apps/application';
import { Entitlement, SamlAttribute } from '../src/apps/entitlement';
import { Fleet } from '../src/fleet/fleet';
import { FleetPlatform } from '../src/fleet/fleet-platform';
import { FleetType } from '../src/fleet/fleet-type';
import { InstanceType } from '../src/fleet/instance-type';
import { Stack } from '../src/stack/stack';

/*
 * The Elastic app flow: an app block made from a local folder (zipped, copied into the stack's
 * files bucket, which AppStream may read) with its setup script, an application with its icon, an
 * Elastic fleet that streams it, a stack, and an entitlement for the SAML users of one department.
 * The assertions read them back. The fleet is created STOPPED, so it costs nothing but the VPC.
 */
const FILES = path.join(__dirname, 'fixtures', 'integ-apps');
const app = new App();
const stack = new CdkStack(app, 'cdk-appstream-integ-elastic-applications');

const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const appBlock = new AppBlock(stack, 'NotepadBlock', {
  content: AppBlockContent.custom({
    source: AppStreamFile.fromAsset(path.join(FILES, 'notepad')),
    setupScript: {
      file: AppStreamFile.fromAsset(path.join(FILES, 'setup.ps1')),
      executablePath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      executableParameters: '-ExecutionPolicy Bypass -File setup.ps1',
      timeout: Duration.minutes(5),
    },
  }),
});
const notepad = new Application(stack, 'Notepad', {
  appBlock,
  launchPath: 'C:\\AppStream\\AppBlocks\\notepad\\notepad.exe',
  icon: AppStreamFile.fromAsset(path.join(FILES, 'notepad.png')),
  platforms: [FleetPlatform.WINDOWS_SERVER_2019],
  displayName: 'Notepad',
});
const fleet = new Fleet(stack, 'Elastic', {
  fleetType: FleetType.ELASTIC,
  instanceType: InstanceType.STANDARD_MEDIUM,
  platform: FleetPlatform.WINDOWS_SERVER_2019,
  maxConcurrentSessions: 2,
  vpc,
  applications: [notepad],
});
const appStreamStack = new Stack(stack, 'Portal', { fleet });
const entitlement = new Entitlement(stack, 'Engineers', {
  stack: appStreamStack,
  attributes: [{ name: SamlAttribute.DEPARTMENT, value: 'engineering' }],
  applications: [notepad],
});

const integ = new IntegTest(app, 'ElasticApplicationsInteg', {
  testCases: [stack],
  diffAssets: false,
});

integ.assertions
  .awsApiCall('AppStream', 'describeAppBlocks', { Arns: [appBlock.appBlockArn] })
  .expect(ExpectedResult.objectLike({ AppBlocks: [{ PackagingType: 'CUSTOM', State: 'ACTIVE' }] }));

integ.assertions
  .awsApiCall('AppStream', 'describeApplicationFleetAssociations', { FleetName: fleet.fleetName })
  .expect(ExpectedResult.objectLike({ ApplicationFleetAssociations: [{ FleetName: fleet.fleetName, ApplicationArn: notepad.applicationArn }] }));

integ.assertions
  .awsApiCall('AppStream', 'listEntitledApplications', { StackName: appStreamStack.stackName, EntitlementName: entitlement.entitlementName })
  .expect(ExpectedResult.objectLike({ EntitledApplications: [{ ApplicationIdentifier: notepad.applicationName }] }));

app.synth();
