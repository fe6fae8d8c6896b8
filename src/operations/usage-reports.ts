import { Aws, CustomResource, Duration, IResource, RemovalPolicy, Resource, Stack, Token } from 'aws-cdk-lib';
import * as athena from 'aws-cdk-lib/aws-athena';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IConstruct } from 'constructs';
import {
  DATABASE_NAME_RULE,
  partitionProjection,
  REPORT_PARTITION_KEYS,
  ReportColumn,
  USAGE_REPORT_TABLES,
  WORK_GROUP_NAME_RULE,
} from './private/usage-report-tables';
import { USAGE_REPORT_SUBSCRIPTION_RESOURCE_TYPE, UsageReportAttributes } from './private/usage-reports-contract';
import { AppStreamProvider } from '../core/private/appstream-provider';
import { checkBoolean, checkString } from '../core/private/input-types';
import { PropsValidator } from '../core/private/validation';

/**
 * The usage reports of AppStream in one account and Region.
 */
export interface IUsageReports extends IResource {
  /**
   * The bucket AppStream writes the reports to, `appstream-logs-<region>-<account>-<random>`.
   * @attribute
   */
  readonly bucketName: string;

  /** The same bucket, for grants (`usageReports.bucket.grantRead(analyst)`). */
  readonly bucket: s3.IBucket;
}

/**
 * Properties of `UsageReports`.
 */
export interface UsageReportsProps {
  /**
   * Also create what it takes to query the reports with SQL at once: a Glue database with a
   * `sessions` and an `applications` table over the reports (CSV, partitions projected from
   * AppStream's `schedule=/year=/month=/day=` folders, so no crawler is needed) and an Athena
   * workgroup whose results go to a bucket of their own.
   *
   * @default false
   */
  readonly queryable?: boolean;

  /**
   * Name of the Glue database (only with `queryable`): lowercase letters, digits and `_`, at most
   * 255 characters.
   *
   * @default 'appstream_usage_reports'
   */
  readonly databaseName?: string;

  /**
   * Name of the Athena workgroup (only with `queryable`): letters, digits, `.`, `_` and `-`, at most
   * 128 characters.
   *
   * @default 'appstream-usage-reports'
   */
  readonly workGroupName?: string;

  /**
   * How long the query results bucket keeps results (only with `queryable`).
   *
   * @default Duration.days(30)
   */
  readonly queryResultsExpiration?: Duration;
}

/**
 * The usage-report subscription of AppStream for the account and Region of the CDK stack
 * (CreateUsageReportSubscription, which CloudFormation lacks): AppStream writes a sessions report
 * and an applications report every day to an S3 bucket of its own making, which this construct
 * exposes. With `queryable: true`, a Glue database, two tables and an Athena workgroup make the
 * reports queryable with SQL.
 *
 * There is one subscription per account and Region: a second `UsageReports` for the same account
 * and Region in one app is refused. A subscription that existed before is adopted and left in place
 * when this construct is removed; one it created is deleted with it (the reports already written
 * stay in the bucket, which AppStream owns).
 *
 * @resource Custom::AppStreamUsageReportSubscription
 */
export class UsageReports extends Resource implements IUsageReports {
  /**
   * Refers to the usage reports of a subscription made outside this app, by the bucket AppStream
   * writes them to.
   *
   * @param bucketName the bucket, `appstream-logs-<region>-<account>-<random>`
   */
  public static fromBucketName(scope: Construct, id: string, bucketName: string): IUsageReports {
    class Import extends Resource implements IUsageReports {
      public readonly bucketName = bucketName;
      public readonly bucket = s3.Bucket.fromBucketName(this, 'Bucket', bucketName);
    }
    return new Import(scope, id);
  }

  public readonly bucketName: string;
  public readonly bucket: s3.IBucket;

  /** The Glue database of the report tables (with `queryable`). */
  public readonly databaseName?: string;

  /** The Glue table over the sessions reports (with `queryable`). */
  public readonly sessionsTableName?: string;

  /** The Glue table over the applications reports (with `queryable`). */
  public readonly applicationsTableName?: string;

  /** The Athena workgroup to run queries in (with `queryable`). */
  public readonly workGroupName?: string;

  /** The bucket of the query results (with `queryable`). */
  public readonly resultsBucket?: s3.IBucket;

  private readonly tableNames: string[] = [];

  constructor(scope: Construct, id: string, props: UsageReportsProps = {}) {
    super(scope, id);
    validateUsageReportsProps(this, props);
    claimAccountAndRegion(this);

    const provider = AppStreamProvider.getOrCreate(this);
    provider.grantUsageReportSubscription();
    const subscription = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: USAGE_REPORT_SUBSCRIPTION_RESOURCE_TYPE,
    });
    this.bucketName = subscription.getAttString(UsageReportAttributes.S3_BUCKET_NAME);
    this.bucket = s3.Bucket.fromBucketName(this, 'Bucket', this.bucketName);

    if (props.queryable) {
      const query = this.makeQueryable(props);
      provider.acknowledgeNagFinding('AwsSolutions-S1',
        'The query results bucket holds only Athena results, which expire; the queries themselves are in the workgroup history.',
        query.resultsBucket);
      this.databaseName = query.databaseName;
      this.workGroupName = query.workGroupName;
      this.resultsBucket = query.resultsBucket;
      this.sessionsTableName = USAGE_REPORT_TABLES.sessions.tableName;
      this.applicationsTableName = USAGE_REPORT_TABLES.applications.tableName;
    }
  }

  /**
   * Lets `grantee` query the reports with Athena in the workgroup: run and read queries in the
   * workgroup, read the database and its two tables, read the reports' folders of the bucket, and
   * read and write the query results bucket.
   *
   * Only for `queryable` usage reports.
   */
  public grantQuery(grantee: iam.IGrantable): iam.Grant {
    if (!this.databaseName || !this.workGroupName || !this.resultsBucket) {
      throw new Error(`${this.node.path}: grantQuery() needs queryable: true (no Glue tables or Athena workgroup otherwise)`);
    }
    const stack = Stack.of(this);
    const grant = iam.Grant.addToPrincipal({
      grantee,
      actions: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:GetQueryResults', 'athena:StopQueryExecution', 'athena:GetWorkGroup'],
      resourceArns: [stack.formatArn({ service: 'athena', resource: 'workgroup', resourceName: this.workGroupName })],
    });
    grant.combine(iam.Grant.addToPrincipal({
      grantee,
      actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions'],
      resourceArns: [
        stack.formatArn({ service: 'glue', resource: 'catalog' }),
        stack.formatArn({ service: 'glue', resource: 'database', resourceName: this.databaseName }),
        ...this.tableNames.map((table) => stack.formatArn({ service: 'glue', resource: 'table', resourceName: `${this.databaseName}/${table}` })),
      ],
    }));
    grant.combine(iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:GetObject'],
      resourceArns: Object.values(USAGE_REPORT_TABLES).map((table) => this.bucket.arnForObjects(`${table.folder}/*`)),
    }));
    grant.combine(iam.Grant.addToPrincipal({
      grantee,
      actions: ['s3:ListBucket', 's3:GetBucketLocation'],
      resourceArns: [this.bucket.bucketArn],
    }));
    grant.combine(this.resultsBucket.grantReadWrite(grantee));
    return grant;
  }

  private makeQueryable(props: UsageReportsProps) {
    const databaseName = props.databaseName ?? 'appstream_usage_reports';
    const workGroupName = props.workGroupName ?? 'appstream-usage-reports';
    const resultsBucket = new s3.Bucket(this, 'QueryResults', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      lifecycleRules: [{ expiration: props.queryResultsExpiration ?? Duration.days(30) }],
      // Query results can always be computed again.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    const database = new glue.CfnDatabase(this, 'Database', {
      catalogId: Aws.ACCOUNT_ID,
      databaseInput: { name: databaseName, description: 'AppStream usage reports (cdk-appstream)' },
    });
    for (const table of Object.values(USAGE_REPORT_TABLES)) {
      const location = `s3://${this.bucketName}/${table.folder}/`;
      const cfnTable = new glue.CfnTable(this, `${table.tableName[0].toUpperCase()}${table.tableName.slice(1)}Table`, {
        catalogId: Aws.ACCOUNT_ID,
        databaseName,
        tableInput: {
          name: table.tableName,
          tableType: 'EXTERNAL_TABLE',
          parameters: { 'classification': 'csv', 'skip.header.line.count': '1', ...partitionProjection(location) },
          partitionKeys: REPORT_PARTITION_KEYS.map(column),
          storageDescriptor: {
            location,
            columns: table.columns.map(column),
            inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
            outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
            serdeInfo: {
              serializationLibrary: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
              parameters: { separatorChar: ',', quoteChar: '"', escapeChar: '\\' },
            },
          },
        },
      });
      cfnTable.addDependency(database);
      this.tableNames.push(table.tableName);
    }
    new athena.CfnWorkGroup(this, 'WorkGroup', {
      name: workGroupName,
      description: 'Queries of the AppStream usage reports (cdk-appstream)',
      // Deleting the stack deletes the workgroup with its saved queries and history.
      recursiveDeleteOption: true,
      workGroupConfiguration: {
        enforceWorkGroupConfiguration: true,
        publishCloudWatchMetricsEnabled: true,
        resultConfiguration: {
          outputLocation: `s3://${resultsBucket.bucketName}/`,
          encryptionConfiguration: { encryptionOption: 'SSE_S3' },
        },
      },
    });
    return { databaseName, workGroupName, resultsBucket };
  }
}

function column(c: ReportColumn): glue.CfnTable.ColumnProperty {
  return { name: c.name, type: c.type };
}

function validateUsageReportsProps(scope: Construct, props: UsageReportsProps): void {
  const v = new PropsValidator(scope);
  checkBoolean(v, 'queryable', props.queryable);
  const names = [
    checkString(v, 'databaseName', props.databaseName),
    checkString(v, 'workGroupName', props.workGroupName),
  ];
  if (!names.every((ok) => ok)) {
    v.throwIfInvalid();
  }
  v.string('databaseName', props.databaseName, DATABASE_NAME_RULE);
  v.string('workGroupName', props.workGroupName, WORK_GROUP_NAME_RULE);
  const expiration = props.queryResultsExpiration;
  if (expiration !== undefined && !expiration.isUnresolved()) {
    const days = expiration.toDays({ integral: false });
    if (!Number.isInteger(days) || days < 1) {
      v.fail('queryResultsExpiration', expiration, 'must be a whole number of days, at least 1 (S3 lifecycle expiration)');
    }
  }
  if (!props.queryable) {
    const querySettings = {
      databaseName: props.databaseName,
      workGroupName: props.workGroupName,
      queryResultsExpiration: props.queryResultsExpiration,
    };
    for (const [name, value] of Object.entries(querySettings)) {
      if (value !== undefined) {
        v.fail(name, value, 'applies only with queryable: true');
      }
    }
  }
  v.throwIfInvalid();
}

/** The paths of the `UsageReports` of each app, by account and Region. */
const claims = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Refuses a second `UsageReports` for the account and Region of the first in the same app: both
 * would manage the one subscription, and deleting either would end it for the other.
 * Environment-agnostic stacks count as one environment.
 */
function claimAccountAndRegion(scope: Construct): void {
  const stack = Stack.of(scope);
  const account = Token.isUnresolved(stack.account) ? 'the environment-agnostic account' : `account ${stack.account}`;
  const region = Token.isUnresolved(stack.region) ? 'the environment-agnostic Region' : `Region ${stack.region}`;
  const key = `${account} / ${region}`;
  const app = scope.node.root;
  const byEnvironment = claims.get(app) ?? new Map<string, string>();
  claims.set(app, byEnvironment);
  const first = byEnvironment.get(key);
  if (first !== undefined) {
    throw new Error(`${scope.node.path}: only one UsageReports per account and Region: ${first} already manages the `
      + `usage-report subscription of ${account} in ${region}`);
  }
  byEnvironment.set(key, scope.node.path);
}
