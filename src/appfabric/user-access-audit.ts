import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { IAppBundle } from './app-bundle';
import { EMAIL } from './private/appfabric-limits';
import { auditDefinition, MAX_ADDRESSES_PER_RUN } from './private/audit-definition';
import { checkArray, checkBoolean, checkNumber, checkString } from '../core/private/input-types';
import { PropsValidator } from '../core/private/validation';

/** The allowed range of `maxConcurrency`: an inline Map state runs at most 40 iterations at once. */
const MAX_CONCURRENCY = { min: 1, max: 40 };
/** The allowed range of `pollInterval`, in seconds. */
const POLL_INTERVAL_SECONDS = { min: 1, max: 3600 };
/**
 * The allowed range of `maxPollRounds`. A Standard execution's history holds at most 25,000 events;
 * a round of 5 chunks takes about 40, and the start of 250 addresses about 5,000.
 */
const MAX_POLL_ROUNDS = { min: 1, max: 200 };

/**
 * Properties of a `UserAccessAudit`.
 */
export interface UserAccessAuditProps {
  /** The app bundle whose connected applications are audited. */
  readonly appBundle: IAppBundle;

  /**
   * The e-mail addresses to audit when an execution's input has no `emails` list (a scheduled run
   * uses these), at most 250.
   *
   * @default - every execution must pass `{"emails": [...]}`
   */
  readonly emails?: string[];

  /**
   * The bucket the reports go to, one JSON document per execution.
   *
   * @default - a new bucket: S3-managed encryption, public access blocked, TLS enforced, retained when the stack is deleted
   */
  readonly resultsBucket?: s3.IBucket;

  /**
   * The key prefix of the reports, which are written to `<prefix>date=YYYY-MM-DD/<execution name>.json`.
   *
   * @default 'user-access-audit/'
   */
  readonly resultsPrefix?: string;

  /**
   * How many StartUserAccessTasks (and BatchGetUserAccessTasks) calls run at once, 1 to 40.
   *
   * @default 5
   */
  readonly maxConcurrency?: number;

  /**
   * How long to wait between two polls of the tasks, 1 second to 1 hour.
   *
   * @default Duration.seconds(30)
   */
  readonly pollInterval?: Duration;

  /**
   * After how many polls tasks still IN_PROGRESS are given up: the report lists them and the
   * execution fails with `AppFabricAudit.PollRoundsExhausted`. 1 to 200.
   *
   * @default 40
   */
  readonly maxPollRounds?: number;

  /**
   * An event bus that receives an `AppFabric User Access Audit Completed` event (source
   * `cdk-appstream.appfabric`) with the report's location and summary after each execution.
   *
   * @default - no event
   */
  readonly eventBus?: events.IEventBus;

  /**
   * When EventBridge Scheduler runs the audit (with the construct's `emails`), such as
   * `scheduler.ScheduleExpression.rate(Duration.days(1))`.
   *
   * @default - not scheduled: start executions yourself
   */
  readonly schedule?: scheduler.ScheduleExpression;

  /**
   * Whether the state machine logs errors to a new log group (without execution data, which holds
   * e-mail addresses and names).
   *
   * @default false
   */
  readonly logErrors?: boolean;
}

/**
 * A user-access audit of the applications connected to an AppFabric app bundle: "which of these
 * people can use which SaaS application?", answered by a Step Functions state machine made of AWS
 * SDK integrations only (no Lambda function).
 *
 * For each address it starts the tasks (StartUserAccessTasks, a bounded number at once), polls their
 * results in chunks of 50 (BatchGetUserAccessTasks) until none is IN_PROGRESS, retries throttling and
 * internal errors with backoff, and writes one JSON document per execution to S3
 * (`<prefix>date=YYYY-MM-DD/<execution name>.json`); the README describes the document.
 */
export class UserAccessAudit extends Construct {
  /** The state machine. */
  public readonly stateMachine: sfn.StateMachine;

  /** The bucket of the reports. */
  public readonly resultsBucket: s3.IBucket;

  /** The key prefix of the reports. */
  public readonly resultsPrefix: string;

  /** The alarm that goes off when an execution fails, times out or is aborted. */
  public readonly failureAlarm: cloudwatch.Alarm;

  /** The schedule, when `schedule` was given. */
  public readonly schedule?: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: UserAccessAuditProps) {
    super(scope, id);
    validateAuditProps(this, props);

    this.resultsPrefix = props.resultsPrefix ?? 'user-access-audit/';
    this.resultsBucket = props.resultsBucket ?? new s3.Bucket(this, 'Results', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const pollInterval = props.pollInterval ?? Duration.seconds(30);
    const maxPollRounds = props.maxPollRounds ?? 40;
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      definitionBody: sfn.DefinitionBody.fromChainable(auditDefinition(this, {
        appBundleArn: props.appBundle.appBundleArn,
        defaultEmails: props.emails,
        maxConcurrency: props.maxConcurrency ?? 5,
        pollInterval,
        maxPollRounds,
        bucket: this.resultsBucket,
        prefix: this.resultsPrefix,
        eventBus: props.eventBus,
      })),
      // Every round may take its wait plus retries; an hour more covers the start and the report.
      timeout: Duration.seconds(pollInterval.toSeconds() * maxPollRounds).plus(Duration.hours(1)),
      logs: props.logErrors ? {
        destination: new logs.LogGroup(this, 'Logs'),
        level: sfn.LogLevel.ERROR,
        includeExecutionData: false,
      } : undefined,
    });
    // Bucket keys (SSE-KMS) need more than the putObject statement CallAwsService adds.
    this.resultsBucket.grantPut(this.stateMachine, `${this.resultsPrefix}*`);

    this.failureAlarm = new cloudwatch.Alarm(this, 'FailureAlarm', {
      alarmDescription: 'An AppFabric user-access audit execution failed, timed out or was aborted',
      metric: new cloudwatch.MathExpression({
        expression: 'failed + timedOut + aborted',
        usingMetrics: {
          failed: this.metricFailed(),
          timedOut: this.stateMachine.metricTimedOut({ statistic: 'Sum' }),
          aborted: this.stateMachine.metricAborted({ statistic: 'Sum' }),
        },
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    if (props.schedule) {
      this.schedule = new scheduler.Schedule(this, 'Schedule', {
        schedule: props.schedule,
        description: 'Runs the AppFabric user-access audit',
        target: new schedulerTargets.StepFunctionsStartExecution(this.stateMachine, {
          input: scheduler.ScheduleTargetInput.fromObject({}),
        }),
      });
    }
  }

  /**
   * Grants starting an audit (`states:StartExecution` on the state machine), with an input such as
   * `{"emails": ["alice@example.com"]}`.
   */
  public grantStartExecution(grantee: iam.IGrantable): iam.Grant {
    return this.stateMachine.grantStartExecution(grantee);
  }

  /** Grants reading the reports: the objects under `resultsPrefix` (and the bucket key, if any). */
  public grantReadResults(grantee: iam.IGrantable): iam.Grant {
    return this.resultsBucket.grantRead(grantee, `${this.resultsPrefix}*`);
  }

  /** The number of executions that failed (metric `ExecutionsFailed`, sum over 5 minutes). */
  public metricFailed(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.stateMachine.metricFailed({ statistic: 'Sum', ...props });
  }

  /** The number of executions that succeeded (metric `ExecutionsSucceeded`, sum over 5 minutes). */
  public metricSucceeded(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.stateMachine.metricSucceeded({ statistic: 'Sum', ...props });
  }

  /** How long executions take (metric `ExecutionTime`, average over 5 minutes). */
  public metricTime(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.stateMachine.metricTime(props);
  }
}

function validateAuditProps(scope: Construct, props: UserAccessAuditProps): void {
  const v = new PropsValidator(scope);
  if (props.appBundle === undefined) {
    v.fail('appBundle', undefined, 'is required');
  }
  checkNumber(v, 'maxConcurrency', props.maxConcurrency);
  checkNumber(v, 'maxPollRounds', props.maxPollRounds);
  checkBoolean(v, 'logErrors', props.logErrors);
  if (checkString(v, 'resultsPrefix', props.resultsPrefix) && props.resultsPrefix !== undefined && !Token.isUnresolved(props.resultsPrefix)) {
    // The prefix is written into the definition's States.Format: braces, quotes and backslashes would break it.
    v.string('resultsPrefix', props.resultsPrefix, {
      max: 900,
      pattern: /^([A-Za-z0-9!\-_.*()/=]+\/)?$/,
      patternDescription: 'empty, or S3 key characters (letters, digits, !-_.*()= and /) ending with "/"',
    });
  }
  v.integerInRange('maxConcurrency', props.maxConcurrency, MAX_CONCURRENCY.min, MAX_CONCURRENCY.max);
  v.integerInRange('maxPollRounds', props.maxPollRounds, MAX_POLL_ROUNDS.min, MAX_POLL_ROUNDS.max);
  v.durationInRange('pollInterval', props.pollInterval, POLL_INTERVAL_SECONDS.min, POLL_INTERVAL_SECONDS.max);
  if (checkArray(v, 'emails', props.emails) && props.emails !== undefined) {
    v.listLength('emails', props.emails, 1, MAX_ADDRESSES_PER_RUN);
    props.emails.forEach((email, i) => {
      if (checkString(v, `emails[${i}]`, email)) {
        v.string(`emails[${i}]`, email, EMAIL);
      }
    });
    const seen = new Set<string>();
    for (const email of props.emails) {
      if (typeof email === 'string' && !Token.isUnresolved(email)) {
        if (seen.has(email)) {
          v.fail('emails', email, 'must list each address once (a repeat would be audited twice)');
        }
        seen.add(email);
      }
    }
  }
  if (props.schedule !== undefined && props.emails === undefined) {
    v.failRule('schedule: a scheduled execution has no input, so emails must be set');
  }
  v.throwIfInvalid();
}
