import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Fleet } from '../src/fleet/fleet';
import { FleetPlatform } from '../src/fleet/fleet-platform';
import { FleetState, FleetUpdateBehavior } from '../src/fleet/fleet-state';
import { FleetType } from '../src/fleet/fleet-type';
import { FleetImage, ImageVisibility } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';

/*
 * Fleet operations that CloudFormation lacks: the newest public Windows Server 2022 image found at
 * deploy time (FleetImage.latest), an On-Demand fleet kept RUNNING (desiredState) with the update
 * guard in front of it. The assertion checks that DescribeFleets reports the fleet RUNNING.
 *
 * Cost: one stream.standard.small On-Demand instance while the test runs (minutes).
 */
const app = new App();
const stack = new Stack(app, 'cdk-appstream-integ-fleet-operations');

const fleet = new Fleet(stack, 'Fleet', {
  instanceType: InstanceType.STANDARD_SMALL,
  fleetType: FleetType.ON_DEMAND,
  image: FleetImage.latest({
    namePrefix: 'AppStream-WinServer2022-',
    platform: FleetPlatform.WINDOWS_SERVER_2022,
    visibility: ImageVisibility.PUBLIC,
    refreshToken: 'integ-1',
  }),
  desiredCapacity: 1,
  maxUserDuration: Duration.hours(1),
  desiredState: FleetState.RUNNING,
  updateBehavior: FleetUpdateBehavior.STOP_AND_RESTART,
});

const integ = new IntegTest(app, 'FleetOperationsInteg', {
  testCases: [stack],
  diffAssets: false,
});

integ.assertions
  .awsApiCall('AppStream', 'describeFleets', { Names: [fleet.fleetName] })
  .expect(ExpectedResult.objectLike({ Fleets: [{ Name: fleet.fleetName, State: 'RUNNING', Platform: 'WINDOWS_SERVER_2022' }] }));

app.synth();
