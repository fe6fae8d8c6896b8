import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App } from 'aws-cdk-lib';
import { ImagePipelineExampleStack } from '../examples/image-pipeline-stack';

/*
 * Images as code: EC2 Image Builder builds a Windows Server 2022 AMI with an application
 * (aws_imagebuilder L1s), `Image` imports it as an AppStream image and waits until it is
 * AVAILABLE, and an On-Demand fleet streams it (the example app's image pipeline stack). The
 * assertions check that the image is AVAILABLE with its application, and that the fleet uses it.
 *
 * Cost: an m5.large build instance for the AMI (about an hour), the import, and the fleet while
 * the test runs. The image is kept after the test (RETAIN, the default): delete it by hand.
 */
const app = new App();
const stack = new ImagePipelineExampleStack(app, 'cdk-appstream-integ-image-pipeline');

const integ = new IntegTest(app, 'ImagePipelineInteg', {
  testCases: [stack],
  diffAssets: false,
});

integ.assertions
  .awsApiCall('AppStream', 'describeImages', { Names: [stack.image.imageName] })
  .expect(ExpectedResult.objectLike({ Images: [{ Name: stack.image.imageName, State: 'AVAILABLE', Visibility: 'PRIVATE' }] }));
integ.assertions
  .awsApiCall('AppStream', 'describeFleets', { Names: [stack.fleet.fleetName] })
  .expect(ExpectedResult.objectLike({ Fleets: [{ Name: stack.fleet.fleetName, ImageArn: stack.image.imageArn }] }));

app.synth();
