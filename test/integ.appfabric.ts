import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { appfabric } from '../src';

/*
 * An AppFabric app bundle (with a customer managed key) and a user-access audit over it. No SaaS
 * application is connected (that needs a tenant and its credentials), so StartUserAccessTasks starts
 * no task: the execution must still succeed and write its report, which exercises the SDK
 * integrations, the output-casing guard and the report for real. AppFabric allows one app bundle per
 * account and Region: deploy this test where none exists.
 */
const app = new App();
const stack = new Stack(app, 'cdk-appstream-integ-appfabric');

const key = new kms.Key(stack, 'Key', { enableKeyRotation: true, removalPolicy: RemovalPolicy.DESTROY });
const bundle = new appfabric.AppBundle(stack, 'Bundle', { encryptionKey: key });

const results = new s3.Bucket(stack, 'Results', {
  enforceSSL: true,
  removalPolicy: RemovalPolicy.DESTROY,
  autoDeleteObjects: true,
});
const audit = new appfabric.UserAccessAudit(stack, 'Audit', {
  appBundle: bundle,
  resultsBucket: results,
  pollInterval: Duration.seconds(5),
  maxPollRounds: 5,
});

const integ = new IntegTest(app, 'AppFabricInteg', {
  testCases: [stack],
});

integ.assertions
  .awsApiCall('AppFabric', 'getAppBundle', { appBundleIdentifier: bundle.appBundleArn })
  .expect(ExpectedResult.objectLike({ appBundle: { arn: bundle.appBundleArn, customerManagedKeyArn: key.keyArn } }));

const execution = integ.assertions.awsApiCall('SFN', 'startExecution', {
  stateMachineArn: audit.stateMachine.stateMachineArn,
  input: JSON.stringify({ emails: ['integ-test@example.com'] }),
});
execution
  .next(integ.assertions
    .awsApiCall('SFN', 'describeExecution', { executionArn: execution.getAttString('executionArn') })
    .expect(ExpectedResult.objectLike({ status: 'SUCCEEDED' }))
    .waitForAssertions({ totalTimeout: Duration.minutes(10), interval: Duration.seconds(20) }))
  // One report per execution, under the prefix and a date= partition.
  .next(integ.assertions
    .awsApiCall('S3', 'listObjectsV2', { Bucket: results.bucketName, Prefix: audit.resultsPrefix })
    .expect(ExpectedResult.objectLike({ KeyCount: 1 })));

app.synth();
