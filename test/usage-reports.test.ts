import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SESSIONS_REPORT_COLUMNS } from '../src/operations/private/usage-report-tables';
import { UsageReports } from '../src/operations/usage-reports';

const ENV = { account: '123456789012', region: 'eu-west-1' };

function setup(env: cdk.Environment | undefined = ENV) {
  const app = new cdk.App();
  return new cdk.Stack(app, 'TestStack', { env });
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('UsageReports', () => {
  test('the subscription is a custom resource on the shared provider, which may manage it on "*" only', () => {
    const stack = setup();
    const reports = new UsageReports(stack, 'UsageReports');
    const template = Template.fromStack(stack);

    template.resourceCountIs('Custom::AppStreamUsageReportSubscription', 1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Effect: 'Allow',
          Action: ['appstream:CreateUsageReportSubscription', 'appstream:DescribeUsageReportSubscriptions', 'appstream:DeleteUsageReportSubscription'],
          Resource: '*',
        }]),
      },
    });
    expect(stack.resolve(reports.bucketName)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^UsageReports/), 'S3BucketName'] });
    expect(stack.resolve(reports.bucket.bucketName)).toEqual(stack.resolve(reports.bucketName));
    expect(reports.databaseName).toBeUndefined();
    expect(reports.workGroupName).toBeUndefined();
    template.resourceCountIs('AWS::Glue::Database', 0);
    template.resourceCountIs('AWS::Athena::WorkGroup', 0);
  });

  test('the reports bucket takes grants', () => {
    const stack = setup();
    const reports = new UsageReports(stack, 'UsageReports');
    const role = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
    reports.bucket.grantRead(role, 'sessions/*');

    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Analyst') }],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['s3:GetObject*']) })]) },
    });
  });

  test('queryable: a Glue database, two partition-projected CSV tables over the reports, an Athena workgroup and its results bucket', () => {
    const stack = setup();
    const reports = new UsageReports(stack, 'UsageReports', { queryable: true });
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::Glue::Database', { DatabaseInput: { Name: 'appstream_usage_reports' } });
    template.resourceCountIs('AWS::Glue::Table', 2);
    const bucket = { 'Fn::GetAtt': [Match.stringLikeRegexp('^UsageReports'), 'S3BucketName'] };
    template.hasResourceProperties('AWS::Glue::Table', {
      DatabaseName: 'appstream_usage_reports',
      TableInput: {
        Name: 'sessions',
        TableType: 'EXTERNAL_TABLE',
        PartitionKeys: [{ Name: 'schedule' }, { Name: 'year' }, { Name: 'month' }, { Name: 'day' }].map((k) => ({ ...k, Type: 'string' })),
        Parameters: Match.objectLike({
          'skip.header.line.count': '1',
          'projection.enabled': 'true',
          'projection.month.digits': '2',
          'storage.location.template': { 'Fn::Join': ['', ['s3://', bucket, '/sessions/schedule=${schedule}/year=${year}/month=${month}/day=${day}/']] },
        }),
        StorageDescriptor: Match.objectLike({
          Location: { 'Fn::Join': ['', ['s3://', bucket, '/sessions/']] },
          Columns: SESSIONS_REPORT_COLUMNS.map((c) => ({ Name: c.name, Type: c.type })),
          SerdeInfo: Match.objectLike({ SerializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde' }),
        }),
      },
    });
    template.hasResourceProperties('AWS::Glue::Table', {
      TableInput: Match.objectLike({
        Name: 'applications',
        StorageDescriptor: Match.objectLike({ Columns: [{ Name: 'user_session_id', Type: 'string' }, { Name: 'application_name', Type: 'string' }] }),
      }),
    });
    template.hasResourceProperties('AWS::Athena::WorkGroup', {
      Name: 'appstream-usage-reports',
      RecursiveDeleteOption: true,
      WorkGroupConfiguration: Match.objectLike({
        EnforceWorkGroupConfiguration: true,
        ResultConfiguration: { OutputLocation: Match.anyValue(), EncryptionConfiguration: { EncryptionOption: 'SSE_S3' } },
      }),
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: { Rules: [{ ExpirationInDays: 30, Status: 'Enabled' }] },
      PublicAccessBlockConfiguration: Match.objectLike({ BlockPublicAcls: true, RestrictPublicBuckets: true }),
    });
    expect(reports.databaseName).toBe('appstream_usage_reports');
    expect(reports.sessionsTableName).toBe('sessions');
    expect(reports.applicationsTableName).toBe('applications');
    expect(reports.workGroupName).toBe('appstream-usage-reports');
    expect(reports.resultsBucket).toBeDefined();
  });

  test('databaseName, workGroupName and queryResultsExpiration', () => {
    const stack = setup();
    new UsageReports(stack, 'UsageReports', {
      queryable: true, databaseName: 'usage_2', workGroupName: 'Usage.Reports-2', queryResultsExpiration: cdk.Duration.days(7),
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Glue::Database', { DatabaseInput: { Name: 'usage_2' } });
    template.hasResourceProperties('AWS::Athena::WorkGroup', { Name: 'Usage.Reports-2' });
    template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: [{ ExpirationInDays: 7, Status: 'Enabled' }] } });
  });

  test('grantQuery: the workgroup, the database and its tables, the report folders and the results bucket', () => {
    const stack = setup();
    const reports = new UsageReports(stack, 'UsageReports', { queryable: true });
    const role = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
    reports.grantQuery(role);

    const statements = Template.fromStack(stack).findResources('AWS::IAM::Policy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp('^Analyst') }] } });
    const text = JSON.stringify(statements);
    expect(text).toContain('arn:');
    expect(text).toContain(':workgroup/appstream-usage-reports');
    expect(text).toContain(':database/appstream_usage_reports');
    expect(text).toContain(':table/appstream_usage_reports/sessions');
    expect(text).toContain(':table/appstream_usage_reports/applications');
    expect(text).toContain('/sessions/*');
    expect(text).toContain('/applications/*');
    expect(text).toContain('athena:StartQueryExecution');
    expect(text).not.toMatch(/"Resource":"\*"/);
  });

  test('grantQuery without queryable says what is missing', () => {
    const stack = setup();
    const reports = new UsageReports(stack, 'UsageReports');
    const role = new iam.Role(stack, 'Analyst', { assumedBy: new iam.AccountRootPrincipal() });
    expect(() => reports.grantQuery(role)).toThrow(/grantQuery\(\) needs queryable: true/);
  });

  test('every problem is reported at once', () => {
    const stack = setup();
    const message = errorOf(() => new UsageReports(stack, 'Bad', {
      queryable: true, databaseName: 'Has-Dash', workGroupName: 'no spaces', queryResultsExpiration: cdk.Duration.hours(36),
    }));
    expect(message).toContain('TestStack/Bad: invalid UsageReports props (3 problems)');
    expect(message).toContain('databaseName: must match lowercase letters, digits and "_" (Athena) (got "Has-Dash")');
    expect(message).toContain('workGroupName: must match letters, digits, ".", "_" and "-" (got "no spaces")');
    expect(message).toContain('queryResultsExpiration: must be a whole number of days, at least 1');
  });

  test('names too long, and query settings without queryable', () => {
    const stack = setup();
    const message = errorOf(() => new UsageReports(stack, 'Bad', { databaseName: 'a'.repeat(256), workGroupName: 'w'.repeat(129) }));
    expect(message).toContain('databaseName: must be 1 to 255 characters long');
    expect(message).toContain('workGroupName: must be 1 to 128 characters long');
    expect(message).toContain('databaseName: applies only with queryable: true');
    expect(message).toContain('workGroupName: applies only with queryable: true');
  });

  test('wrong types from plain JavaScript', () => {
    const stack = setup();
    const message = errorOf(() => new UsageReports(stack, 'Bad', { queryable: 'yes', databaseName: 7 } as any));
    expect(message).toContain('queryable: must be a boolean (true or false), not a string');
    expect(message).toContain('databaseName: must be a string, not a number');
  });

  test('a second UsageReports for the same account and Region in one app is refused, naming the first', () => {
    const app = new cdk.App();
    const first = new cdk.Stack(app, 'First', { env: ENV });
    const second = new cdk.Stack(app, 'Second', { env: ENV });
    new UsageReports(first, 'UsageReports');

    expect(() => new UsageReports(second, 'UsageReports')).toThrow(
      'Second/UsageReports: only one UsageReports per account and Region: First/UsageReports already manages the usage-report subscription of account 123456789012 in Region eu-west-1');
  });

  test('other Regions and accounts each have their own', () => {
    const app = new cdk.App();
    new UsageReports(new cdk.Stack(app, 'A', { env: ENV }), 'UsageReports');
    new UsageReports(new cdk.Stack(app, 'B', { env: { ...ENV, region: 'us-east-1' } }), 'UsageReports');
    new UsageReports(new cdk.Stack(app, 'C', { env: { ...ENV, account: '210987654321' } }), 'UsageReports');
    // and in another app, the same environment again
    new UsageReports(new cdk.Stack(new cdk.App(), 'D', { env: ENV }), 'UsageReports');
  });

  test('environment-agnostic stacks count as one environment', () => {
    const app = new cdk.App();
    new UsageReports(new cdk.Stack(app, 'A'), 'UsageReports');
    expect(() => new UsageReports(new cdk.Stack(app, 'B'), 'UsageReports')).toThrow(/environment-agnostic account in the environment-agnostic Region/);
  });

  test('fromBucketName', () => {
    const stack = setup();
    const imported = UsageReports.fromBucketName(stack, 'Imported', 'appstream-logs-eu-west-1-123456789012-abcd');
    expect(imported.bucketName).toBe('appstream-logs-eu-west-1-123456789012-abcd');
    expect(imported.bucket.bucketName).toBe('appstream-logs-eu-west-1-123456789012-abcd');
    Template.fromStack(stack).resourceCountIs('Custom::AppStreamUsageReportSubscription', 0);
  });
});
