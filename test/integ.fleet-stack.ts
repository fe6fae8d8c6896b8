import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack as CdkStack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Fleet } from '../src/fleet/fleet';
import { FleetType, StreamView } from '../src/fleet/fleet-type';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';
import { Stack } from '../src/stack/stack';
import { StorageConnector } from '../src/stack/storage-connector';

/*
 * The foundation: an On-Demand fleet in a VPC's private subnets and a stack with locked-down user
 * settings and home folders, associated. The assertions read both back with DescribeFleets and
 * DescribeStacks. The fleet is created STOPPED (no desired state), so it costs nothing but the VPC.
 */
const app = new App();
const stack = new CdkStack(app, 'cdk-appstream-integ-fleet-stack');

const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const fleet = new Fleet(stack, 'Fleet', {
  instanceType: InstanceType.STANDARD_SMALL,
  fleetType: FleetType.ON_DEMAND,
  image: FleetImage.fromName('AppStream-WinServer2022-09-01-2025'),
  desiredCapacity: 1,
  vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
  maxUserDuration: Duration.hours(2),
  disconnectTimeout: Duration.minutes(5),
  idleDisconnectTimeout: Duration.minutes(10),
  streamView: StreamView.APP,
  displayName: 'cdk-appstream integ',
});
const appStreamStack = new Stack(stack, 'Stack', {
  displayName: 'cdk-appstream integ',
  userSettings: { clipboardCopyToLocalDevice: false, fileDownload: false, printingToLocalDevice: false },
  storageConnectors: [StorageConnector.homeFolders()],
  fleet,
});
appStreamStack.grantCreateStreamingUrl(new iam.Role(stack, 'PortalRole', {
  assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
}));

const integ = new IntegTest(app, 'FleetStackInteg', {
  testCases: [stack],
  diffAssets: false,
});

integ.assertions
  .awsApiCall('AppStream', 'describeFleets', { Names: [fleet.fleetName] })
  .expect(ExpectedResult.objectLike({
    Fleets: [{
      Name: fleet.fleetName,
      FleetType: 'ON_DEMAND',
      InstanceType: 'stream.standard.small',
      MaxUserDurationInSeconds: 7200,
      DisconnectTimeoutInSeconds: 300,
      IdleDisconnectTimeoutInSeconds: 600,
      StreamView: 'APP',
    }],
  }));

integ.assertions
  .awsApiCall('AppStream', 'describeStacks', { Names: [appStreamStack.stackName] })
  .expect(ExpectedResult.objectLike({ Stacks: [{ Name: appStreamStack.stackName, DisplayName: 'cdk-appstream integ' }] }));

integ.assertions
  .awsApiCall('AppStream', 'listAssociatedFleets', { StackName: appStreamStack.stackName })
  .expect(ExpectedResult.objectLike({ Names: [fleet.fleetName] }));

app.synth();
