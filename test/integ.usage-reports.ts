import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { UsageReports } from '../src/operations/usage-reports';

/*
 * The usage-report subscription of the account and Region, with the Glue tables and the Athena
 * workgroup over the reports. Deploying it subscribes the account (or adopts its subscription, which
 * then stays after the test); AppStream writes the first reports the day after sessions ran, so the
 * assertions check the subscription and that the tables answer a query (empty at first).
 */
const app = new App();
const stack = new Stack(app, 'cdk-appstream-integ-usage-reports');

const reports = new UsageReports(stack, 'UsageReports', {
  queryable: true,
  databaseName: 'cdk_appstream_integ_usage_reports',
  workGroupName: 'cdk-appstream-integ-usage-reports',
});

const integ = new IntegTest(app, 'UsageReportsInteg', {
  testCases: [stack],
});

integ.assertions
  .awsApiCall('AppStream', 'describeUsageReportSubscriptions', {})
  .expect(ExpectedResult.objectLike({
    UsageReportSubscriptions: [{ S3BucketName: reports.bucketName, Schedule: 'DAILY' }],
  }));

integ.assertions
  .awsApiCall('Glue', 'getTable', { DatabaseName: reports.databaseName, Name: reports.sessionsTableName })
  .expect(ExpectedResult.objectLike({ Table: { Name: 'sessions', PartitionKeys: [{ Name: 'schedule' }, { Name: 'year' }, { Name: 'month' }, { Name: 'day' }] } }));

app.synth();
