import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Fleet } from '../src/fleet';
import { FleetState, FleetUpdateBehavior } from '../src/fleet-state';
import { FleetType } from '../src/fleet-type';
import { FleetImage } from '../src/image';
import { InstanceType } from '../src/instance-type';
import { FleetStateResource } from '../src/private/fleet-state-resource';
import { FleetUpdateGuard } from '../src/private/fleet-state-update-guard';
import { ImageLookup } from '../src/private/image-lookup-resource';

/*
 * Fleet operations that CloudFormation lacks: the newest public Windows Server 2022 image found at
 * deploy time, an On-Demand fleet kept RUNNING by the desired-state resource, and the update guard
 * in front of it. The assertion waits until DescribeFleets reports the fleet RUNNING.
 *
 * Until `Fleet` takes `desiredState` / `updateBehavior` / `FleetImage.latest()` itself, this test
 * wires the private constructs directly, the way `Fleet` will.
 *
 * Cost: one stream.standard.small On-Demand instance while the test runs (minutes).
 */
const app = new App();
const stack = new Stack(app, 'cdk-appstream-integ-fleet-operations');

const image = new ImageLookup(stack, 'LatestImage', {
  namePrefix: 'AppStream-WinServer2022-',
  platform: 'WINDOWS_SERVER_2022',
  type: 'PUBLIC',
  refreshToken: 'integ-1',
});

const fleet = new Fleet(stack, 'Fleet', {
  instanceType: InstanceType.STANDARD_SMALL,
  fleetType: FleetType.ON_DEMAND,
  image: FleetImage.fromName(image.imageName),
  desiredCapacity: 1,
  maxUserDuration: Duration.hours(1),
});
const cfnFleet = fleet._resource;
// The fleet's physical name is known before it exists (a generated literal), as the guard needs.
new FleetUpdateGuard(fleet, 'UpdateGuard', {
  fleet: cfnFleet,
  fleetName: cfnFleet.name,
  updateBehavior: FleetUpdateBehavior.STOP_AND_RESTART,
});
new FleetStateResource(fleet, 'DesiredState', {
  fleet: cfnFleet,
  fleetName: cfnFleet.name,
  desiredState: FleetState.RUNNING,
});

const integ = new IntegTest(app, 'FleetOperationsInteg', {
  testCases: [stack],
  diffAssets: false,
});

integ.assertions
  .awsApiCall('AppStream', 'describeFleets', { Names: [fleet.fleetName] })
  .expect(ExpectedResult.objectLike({ Fleets: [{ Name: fleet.fleetName, State: 'RUNNING' }] }));

integ.assertions
  .awsApiCall('AppStream', 'describeImages', { Names: [image.imageName] })
  .expect(ExpectedResult.objectLike({ Images: [{ Name: image.imageName, State: 'AVAILABLE', Platform: 'WINDOWS_SERVER_2022' }] }));

app.synth();
