import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { APPFABRIC_ERRORS, BATCH_GET_USER_ACCESS_TASKS_MAX_IDS, RESULT_STATUS } from './appfabric-limits';

// The user-access audit, as a Step Functions definition made of AWS SDK integrations only:
//
//   addresses (input `emails`, or the construct's) -> StartTasks: a Map (bounded concurrency) of
//   StartUserAccessTasks, one per address -> the started task ids -> a loop of Wait + PollTasks (a Map
//   of BatchGetUserAccessTasks over States.ArrayPartition(ids, 50)) until no result is IN_PROGRESS or
//   the rounds run out -> one JSON document in S3 (`<prefix>date=YYYY-MM-DD/<execution>.json`) ->
//   optionally an EventBridge event -> succeed, or fail when tasks were left unfinished.
//
// Step Functions' SDK integrations name inputs and outputs in PascalCase (`UserAccessTasksList`,
// `TaskId`, `UserAccessResultsList`, `ResultStatus`) whatever the service's own casing. Nobody can
// check that without an AWS account, so every output is read where a different casing stops the
// execution with `AppFabricAudit.UnexpectedOutput` and a cause that says which key was missing,
// instead of reporting no task at all.

/** The error names the audit's own Fail states use. */
export const AUDIT_ERRORS = {
  NO_ADDRESSES: 'AppFabricAudit.NoAddresses',
  TOO_MANY_ADDRESSES: 'AppFabricAudit.TooManyAddresses',
  UNEXPECTED_OUTPUT: 'AppFabricAudit.UnexpectedOutput',
  POLL_ROUNDS_EXHAUSTED: 'AppFabricAudit.PollRoundsExhausted',
} as const;

/**
 * The most addresses one execution audits. A Standard execution's state holds at most 256 KiB, and
 * the state carries every address's start outcome and every task's result (about 500 bytes per
 * address and connected application): 250 addresses leave room for two applications each.
 */
export const MAX_ADDRESSES_PER_RUN = 250;

/** The `source` of the audit's EventBridge events. */
export const AUDIT_EVENT_SOURCE = 'cdk-appstream.appfabric';
/** The `detail-type` of the audit's EventBridge events. */
export const AUDIT_EVENT_DETAIL_TYPE = 'AppFabric User Access Audit Completed';

/** The retry of every AppFabric call: throttling and internal errors, with backoff and jitter, bounded. */
export const APPFABRIC_RETRY: sfn.RetryProps = {
  errors: [APPFABRIC_ERRORS.THROTTLING, APPFABRIC_ERRORS.INTERNAL_SERVER],
  interval: Duration.seconds(2),
  backoffRate: 2,
  maxAttempts: 6,
  maxDelay: Duration.seconds(60),
  jitterStrategy: sfn.JitterType.FULL,
};

export interface AuditDefinitionOptions {
  readonly appBundleArn: string;
  readonly defaultEmails?: string[];
  readonly maxConcurrency: number;
  readonly pollInterval: Duration;
  readonly maxPollRounds: number;
  readonly bucket: s3.IBucket;
  readonly prefix: string;
  readonly eventBus?: events.IEventBus;
}

/** Fails the execution when an SDK integration's output lacks `key`. */
function unexpectedOutput(scope: Construct, id: string, operation: string, key: string): sfn.Fail {
  return new sfn.Fail(scope, id, {
    error: AUDIT_ERRORS.UNEXPECTED_OUTPUT,
    cause: `${operation} returned no ${key}: the state machine expects the PascalCase keys of Step Functions' AWS SDK integrations; `
      + 'if AWS names them differently, update cdk-appstream (the execution stops here rather than report nothing)',
  });
}

/** An AppFabric call on the app bundle (the resource type both audit actions require), with the retry. */
function appFabricCall(
  scope: Construct, id: string, action: string, appBundleArn: string, parameters: Record<string, unknown>, resultPath?: string,
): tasks.CallAwsService {
  const task = new tasks.CallAwsService(scope, id, {
    service: 'appfabric',
    action,
    parameters: { AppBundleIdentifier: appBundleArn, ...parameters },
    iamResources: [appBundleArn],
    iamAction: `appfabric:${action.charAt(0).toUpperCase()}${action.slice(1)}`,
    resultPath,
  });
  task.addRetry(APPFABRIC_RETRY);
  return task;
}

/** The address part: which addresses, how many, and StartUserAccessTasks for each. */
function startTasks(scope: Construct, o: AuditDefinitionOptions, next: sfn.IChainable): sfn.IChainable {
  const start = appFabricCall(scope, 'StartUserAccessTasks', 'startUserAccessTasks', o.appBundleArn, { 'Email.$': '$.email' }, '$.response');
  const startFailed = new sfn.Pass(scope, 'StartFailed', {
    parameters: { 'email.$': '$.email', 'taskCount': 0, 'tasks': [], 'startError.$': '$.startError' },
  });
  // An address AppFabric refuses is that address's problem: reported, and the audit goes on. Anything
  // else (access denied, no such bundle, throttling beyond the retries) fails the execution and its alarm.
  start.addCatch(startFailed, { errors: [APPFABRIC_ERRORS.VALIDATION], resultPath: '$.startError' });

  // One entry per application tenant: its task id when started (no `taskId` key otherwise, so that
  // `$..tasks[*].taskId` lists started tasks only), or the error AppFabric gave instead.
  const taskItem = new sfn.Choice(scope, 'TaskStarted')
    .when(sfn.Condition.isPresent('$.TaskId'), new sfn.Pass(scope, 'StartedTask', {
      parameters: { 'app.$': '$.App', 'tenantId.$': '$.TenantId', 'taskId.$': '$.TaskId', 'started': true },
    }))
    .when(sfn.Condition.isPresent('$.Error'), new sfn.Pass(scope, 'TaskNotStarted', {
      parameters: { 'app.$': '$.App', 'tenantId.$': '$.TenantId', 'started': false, 'error.$': '$.Error' },
    }))
    .otherwise(unexpectedOutput(scope, 'UnexpectedTaskItem', 'StartUserAccessTasks', 'TaskId nor Error in a UserAccessTasksList item'));
  const readTasks = new sfn.Map(scope, 'ReadStartedTasks', { itemsPath: '$.response.UserAccessTasksList', resultPath: '$.tasks' });
  readTasks.itemProcessor(taskItem);
  readTasks.next(new sfn.Pass(scope, 'StartedTasksOfAddress', {
    parameters: { 'email.$': '$.email', 'taskCount.$': 'States.ArrayLength($.tasks)', 'tasks.$': '$.tasks' },
  }));

  const startOutput = new sfn.Choice(scope, 'StartOutputKnown')
    .when(sfn.Condition.isPresent('$.response.UserAccessTasksList'), readTasks)
    // An empty list may be left out of the output altogether: only an empty object means "no task".
    .when(sfn.Condition.stringEquals('$.responseText.text', '{}'), new sfn.Pass(scope, 'NoTaskForAddress', {
      parameters: { 'email.$': '$.email', 'taskCount': 0, 'tasks': [] },
    }))
    .otherwise(unexpectedOutput(scope, 'UnexpectedStartOutput', 'StartUserAccessTasks', 'UserAccessTasksList'));

  const perAddress = start
    .next(new sfn.Pass(scope, 'InspectStartOutput', {
      parameters: { 'text.$': 'States.JsonToString($.response)' },
      resultPath: '$.responseText',
    }))
    .next(startOutput);

  const map = new sfn.Map(scope, 'StartTasks', {
    itemsPath: '$.emails',
    itemSelector: { 'email.$': '$$.Map.Item.Value' },
    maxConcurrency: o.maxConcurrency,
    resultPath: '$.started',
  });
  map.itemProcessor(perAddress);

  const noAddresses = new sfn.Fail(scope, 'NoAddresses', {
    error: AUDIT_ERRORS.NO_ADDRESSES,
    cause: 'no e-mail address to audit: pass {"emails": ["..."]} as the execution input, or set the construct\'s emails',
  });
  const countAddresses = new sfn.Pass(scope, 'CountAddresses', {
    parameters: { 'addresses.$': 'States.ArrayLength($.emails)' },
    resultPath: '$.count',
  }).next(new sfn.Choice(scope, 'AddressCountAllowed')
    .when(sfn.Condition.numberEquals('$.count.addresses', 0), noAddresses)
    .when(sfn.Condition.numberGreaterThan('$.count.addresses', MAX_ADDRESSES_PER_RUN), new sfn.Fail(scope, 'TooManyAddresses', {
      error: AUDIT_ERRORS.TOO_MANY_ADDRESSES,
      cause: `one execution audits at most ${MAX_ADDRESSES_PER_RUN} addresses (its state holds at most 256 KiB): start several executions`,
    }))
    .otherwise(map.next(next)));

  const useInput = new sfn.Pass(scope, 'UseInputAddresses', { parameters: { 'emails.$': '$.emails' } }).next(countAddresses);
  const chooseAddresses = new sfn.Choice(scope, 'ChooseAddresses').when(sfn.Condition.isPresent('$.emails'), useInput);
  return o.defaultEmails
    ? chooseAddresses.otherwise(new sfn.Pass(scope, 'UseDefaultAddresses', { result: sfn.Result.fromObject({ emails: o.defaultEmails }) }).next(countAddresses))
    : chooseAddresses.otherwise(noAddresses);
}

/** The polling part: chunks of at most 50 ids, rounds until no task is IN_PROGRESS or the rounds run out. */
function pollTasks(scope: Construct, o: AuditDefinitionOptions, report: sfn.IChainable): sfn.IChainable {
  const batchGet = appFabricCall(scope, 'BatchGetUserAccessTasks', 'batchGetUserAccessTasks', o.appBundleArn, { 'TaskIdList.$': '$' });
  const chunk = batchGet.next(new sfn.Choice(scope, 'BatchOutputKnown')
    .when(sfn.Condition.isPresent('$.UserAccessResultsList'), new sfn.Pass(scope, 'ResultsOfChunk', { outputPath: '$.UserAccessResultsList' }))
    .otherwise(unexpectedOutput(scope, 'UnexpectedBatchOutput', 'BatchGetUserAccessTasks', 'UserAccessResultsList')));
  const poll = new sfn.Map(scope, 'PollTasks', { itemsPath: '$.chunks', maxConcurrency: o.maxConcurrency, resultPath: '$.pages' });
  poll.itemProcessor(chunk);

  const wait = new sfn.Wait(scope, 'WaitForTasks', { time: sfn.WaitTime.duration(o.pollInterval) });
  // Each round reads every task again and keeps only that round's results: nothing accumulates.
  const readRound = new sfn.Pass(scope, 'ReadRound', {
    parameters: {
      'started.$': '$.started',
      'chunks.$': '$.chunks',
      'round.$': 'States.MathAdd($.round, 1)',
      'results.$': '$.pages[*][*]',
      'statuses.$': '$.pages[*][*].ResultStatus',
    },
  });
  const flags = new sfn.Pass(scope, 'FlagRound', {
    parameters: {
      'inProgress.$': `States.ArrayContains($.statuses, '${RESULT_STATUS.IN_PROGRESS}')`,
      'anyFailed.$': `States.ArrayContains($.statuses, '${RESULT_STATUS.FAILED}')`,
      'anyExpired.$': `States.ArrayContains($.statuses, '${RESULT_STATUS.EXPIRED}')`,
    },
    resultPath: '$.flags',
  });
  const loop = new sfn.Choice(scope, 'TasksFinished')
    .when(sfn.Condition.booleanEquals('$.flags.inProgress', false), report)
    .when(sfn.Condition.numberGreaterThanEquals('$.round', o.maxPollRounds), report)
    .otherwise(wait);
  wait.next(poll).next(readRound).next(flags).next(loop);

  const noTaskStarted = new sfn.Pass(scope, 'NoTaskStarted', {
    parameters: {
      'started.$': '$.started',
      'round': 0,
      'results': [],
      'flags': { inProgress: false, anyFailed: false, anyExpired: false },
    },
  }).next(report);
  const initPoll = new sfn.Pass(scope, 'PartitionTaskIds', {
    parameters: {
      'started.$': '$.started',
      'round': 0,
      'chunks.$': `States.ArrayPartition($.taskIds.ids, ${BATCH_GET_USER_ACCESS_TASKS_MAX_IDS})`,
    },
  }).next(wait);
  // Paths that match nothing fail an execution, so the ids are collected only once something to
  // collect is known to exist: first any address with task items, then any item with a task id.
  const collectIds = new sfn.Pass(scope, 'CollectTaskIds', {
    parameters: { 'ids.$': '$.started[*].tasks[*].taskId' },
    resultPath: '$.taskIds',
  }).next(initPoll);
  const anyStarted = new sfn.Pass(scope, 'FlagStartedTasks', {
    parameters: { 'flags.$': '$.started[*].tasks[*].started' },
    resultPath: '$.startedFlags',
  }).next(new sfn.Pass(scope, 'AnyTaskStarted', {
    parameters: { 'any.$': 'States.ArrayContains($.startedFlags.flags, true)' },
    resultPath: '$.startedFlags',
  })).next(new sfn.Choice(scope, 'TaskIdsToPoll')
    .when(sfn.Condition.booleanEquals('$.startedFlags.any', true), collectIds)
    .otherwise(noTaskStarted));
  return new sfn.Pass(scope, 'CountTaskItems', {
    parameters: { 'counts.$': '$.started[*].taskCount' },
    resultPath: '$.taskItems',
  }).next(new sfn.Pass(scope, 'SummarizeTaskItems', {
    parameters: {
      'distinct.$': 'States.ArrayLength(States.ArrayUnique($.taskItems.counts))',
      'zero.$': 'States.ArrayContains($.taskItems.counts, 0)',
    },
    resultPath: '$.taskItems',
  })).next(new sfn.Choice(scope, 'AnyTaskItems')
    .when(sfn.Condition.and(sfn.Condition.numberEquals('$.taskItems.distinct', 1), sfn.Condition.booleanEquals('$.taskItems.zero', true)), noTaskStarted)
    .otherwise(anyStarted));
}

/** The report part: one JSON document per execution in S3, an optional event, then the verdict. */
function writeReport(scope: Construct, o: AuditDefinitionOptions): sfn.IChainable {
  const build = new sfn.Pass(scope, 'BuildReport', {
    parameters: {
      'report': {
        'auditId.$': '$$.Execution.Name',
        'startedAt.$': '$$.Execution.StartTime',
        'appBundleArn': o.appBundleArn,
        'rounds.$': '$.round',
        'summary': {
          'addressCount.$': 'States.ArrayLength($.started)',
          'taskCount.$': 'States.ArrayLength($.results)',
          'unfinished.$': '$.flags.inProgress',
          'anyFailed.$': '$.flags.anyFailed',
          'anyExpired.$': '$.flags.anyExpired',
        },
        'addresses.$': '$.started',
        'results.$': '$.results',
      },
      'bucket': o.bucket.bucketName,
      'key.$': `States.Format('${o.prefix}date={}/{}.json', States.ArrayGetItem(States.StringSplit($$.Execution.StartTime, 'T'), 0), $$.Execution.Name)`,
    },
  });
  const put = new tasks.CallAwsService(scope, 'WriteReport', {
    service: 's3',
    action: 'putObject',
    parameters: {
      'Bucket': o.bucket.bucketName,
      'Key.$': '$.key',
      'Body.$': 'States.JsonToString($.report)',
      'ContentType': 'application/json',
    },
    iamResources: [o.bucket.arnForObjects(`${o.prefix}*`)],
    iamAction: 's3:PutObject',
    resultPath: sfn.JsonPath.DISCARD,
  });
  put.addRetry({
    errors: [sfn.Errors.TASKS_FAILED],
    interval: Duration.seconds(2),
    backoffRate: 2,
    maxAttempts: 4,
    jitterStrategy: sfn.JitterType.FULL,
  });

  const outcome = new sfn.Pass(scope, 'Outcome', {
    parameters: { 'bucket.$': '$.bucket', 'key.$': '$.key', 'summary.$': '$.report.summary' },
  });
  const verdict = new sfn.Choice(scope, 'AllTasksFinished')
    .when(sfn.Condition.booleanEquals('$.summary.unfinished', true), new sfn.Fail(scope, 'PollRoundsExhausted', {
      error: AUDIT_ERRORS.POLL_ROUNDS_EXHAUSTED,
      cause: `tasks were still IN_PROGRESS after ${o.maxPollRounds} rounds: the report lists them; raise maxPollRounds or pollInterval`,
    }))
    .otherwise(new sfn.Succeed(scope, 'AuditDone'));

  let chain = build.next(put).next(outcome);
  if (o.eventBus) {
    chain = chain.next(new tasks.EventBridgePutEvents(scope, 'PublishAuditEvent', {
      entries: [{
        eventBus: o.eventBus,
        source: AUDIT_EVENT_SOURCE,
        detailType: AUDIT_EVENT_DETAIL_TYPE,
        detail: sfn.TaskInput.fromObject({
          'auditId': sfn.JsonPath.executionName,
          'bucket.$': '$.bucket',
          'key.$': '$.key',
          'summary.$': '$.summary',
        }),
      }],
      resultPath: sfn.JsonPath.DISCARD,
    }));
  }
  return chain.next(verdict);
}

/** The whole audit. */
export function auditDefinition(scope: Construct, o: AuditDefinitionOptions): sfn.IChainable {
  const report = writeReport(scope, o);
  return startTasks(scope, o, pollTasks(scope, o, report));
}
