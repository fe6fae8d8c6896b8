import * as cdk from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import { APP_BUNDLE_ARN, auditDefinitionOf, RESULTS_BUCKET, runAudit, validateAsl } from './audit-harness';
import { AppFabricError, FakeAppFabric, FakeTenant } from './fake-appfabric';

// The user-access audit's state machine, synthesized, validated with asl-validator and executed
// offline with aws-local-stepfunctions against a local AppFabric stand-in.

const OKTA: FakeTenant = { app: 'OKTA', tenantId: 'example.okta.com', tenantDisplayName: 'Example Okta', users: [] };
const SLACK: FakeTenant = { app: 'SLACK', tenantId: 'T0123', tenantDisplayName: 'Example Slack', users: [] };

function addresses(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `user${i + 1}.test@example.com`);
}

/** Figures of the runs for 1 and 120 addresses, printed at the end for the report. */
const figures: string[] = [];
afterAll(() => {
  if (figures.length > 0) {
    process.stdout.write(`\nuser-access audit, offline runs:\n${figures.map((f) => `  ${f}`).join('\n')}\n`);
  }
});

describe('definition', () => {
  test('is valid Amazon States Language (asl-validator)', () => {
    const { definition } = auditDefinitionOf({ emails: ['a@example.com'], eventBus: events.EventBus.fromEventBusName(new cdk.Stack(), 'Bus', 'audit-bus') });
    const verdict = validateAsl(definition);
    expect(verdict.errors).toEqual([]);
    expect(verdict.isValid).toBe(true);
  });

  test('calls AppFabric through AWS SDK integrations only, no Lambda function', () => {
    const { definition, template } = auditDefinitionOf({ emails: ['a@example.com'] });
    const resources = JSON.stringify(definition).match(/"Resource":"[^"]+"/g) ?? [];
    expect(new Set(resources)).toEqual(new Set([
      '"Resource":"arn:aws:states:::aws-sdk:appfabric:startUserAccessTasks"',
      '"Resource":"arn:aws:states:::aws-sdk:appfabric:batchGetUserAccessTasks"',
      '"Resource":"arn:aws:states:::aws-sdk:s3:putObject"',
    ]));
    expect(template.findResources('AWS::Lambda::Function')).toEqual({});
  });

  test('polls in chunks of at most 50 task ids (States.ArrayPartition)', () => {
    const { definition } = auditDefinitionOf({ emails: ['a@example.com'] });
    expect(JSON.stringify(definition)).toContain('States.ArrayPartition($.taskIds.ids, 50)');
  });
});

describe('execution', () => {
  test('1 address: starts its tasks, polls until none is IN_PROGRESS, writes one document by date', async () => {
    const fake = new FakeAppFabric({
      appBundleArn: APP_BUNDLE_ARN,
      tenants: [{ ...OKTA, users: ['user1.test@example.com'] }, SLACK],
      readsInProgress: () => 2,
    });
    const { definition } = auditDefinitionOf({ emails: addresses(1) });
    const run = await runAudit(definition, fake, {});

    expect(run.error).toBeUndefined();
    expect(run.objects).toHaveLength(1);
    const [object] = run.objects;
    const doc = object.document;
    // The key's date is the execution's start date (aws-local-stepfunctions sets StartTime itself).
    const day = (doc.startedAt as string).slice(0, 10);
    expect(object).toMatchObject({ Bucket: RESULTS_BUCKET, Key: `user-access-audit/date=${day}/run-1.json`, ContentType: 'application/json' });
    expect(doc).toMatchObject({
      auditId: 'run-1',
      startedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      appBundleArn: APP_BUNDLE_ARN,
      rounds: 3,
      summary: { addressCount: 1, taskCount: 2, unfinished: false, anyFailed: false, anyExpired: false },
    });
    expect(doc.addresses).toEqual([{
      email: 'user1.test@example.com',
      taskCount: 2,
      tasks: [
        { app: 'OKTA', tenantId: 'example.okta.com', taskId: expect.any(String), started: true },
        { app: 'SLACK', tenantId: 'T0123', taskId: expect.any(String), started: true },
      ],
    }]);
    const okta = doc.results.find((r: any) => r.App === 'OKTA');
    const slack = doc.results.find((r: any) => r.App === 'SLACK');
    expect(okta).toMatchObject({ ResultStatus: 'COMPLETED', Email: 'user1.test@example.com', UserStatus: 'ACTIVE', UserId: expect.any(String) });
    // No user with that address in the Slack tenant: the task completes without a user.
    expect(slack).toMatchObject({ ResultStatus: 'COMPLETED' });
    expect(slack.UserId).toBeUndefined();
    expect(run.output).toEqual({ bucket: RESULTS_BUCKET, key: object.Key, summary: doc.summary });
    // 3 rounds (IN_PROGRESS, IN_PROGRESS, done) of 1 chunk each.
    expect(fake.calls).toEqual({ StartUserAccessTasks: 1, BatchGetUserAccessTasks: 3 });
    figures.push(`1 address x 2 apps: 1 execution, ${doc.rounds} rounds, ${fake.calls.StartUserAccessTasks} StartUserAccessTasks and `
      + `${fake.calls.BatchGetUserAccessTasks} BatchGetUserAccessTasks calls, ${run.milliseconds} ms wall time`);
  });

  test('120 addresses: 240 tasks polled in chunks of 50, retries throttled calls, reports FAILED, EXPIRED and unknown users', async () => {
    const emails = addresses(120);
    const fake = new FakeAppFabric({
      appBundleArn: APP_BUNDLE_ARN,
      tenants: [{ ...OKTA, users: emails.slice(0, 100) }, { ...SLACK, users: emails.slice(0, 60) }],
      // Tasks finish after 1 to 4 reads.
      readsInProgress: (email) => 1 + (Number(/user(\d+)/.exec(email)![1]) % 4),
      finalStatus: (email, app) => (email === emails[7] && app === 'SLACK' ? 'FAILED' : email === emails[8] && app === 'OKTA' ? 'EXPIRED' : 'COMPLETED'),
    });
    fake.throttle('StartUserAccessTasks', 3);
    fake.throttle('BatchGetUserAccessTasks', 2);
    const { definition } = auditDefinitionOf({ emails, maxConcurrency: 10 });
    const run = await runAudit(definition, fake, {}, 'run-120');

    expect(run.error).toBeUndefined();
    const doc = run.objects[0].document;
    expect(doc.summary).toEqual({ addressCount: 120, taskCount: 240, unfinished: false, anyFailed: true, anyExpired: true });
    expect(doc.results).toHaveLength(240);
    expect(doc.results.filter((r: any) => r.ResultStatus === 'IN_PROGRESS')).toEqual([]);
    expect(doc.results.find((r: any) => r.Email === emails[7] && r.App === 'SLACK')).toMatchObject({ ResultStatus: 'FAILED', TaskError: { ErrorCode: 'ApplicationError' } });
    expect(doc.results.find((r: any) => r.Email === emails[8] && r.App === 'OKTA')).toMatchObject({ ResultStatus: 'EXPIRED' });
    // Address 110 is in neither tenant.
    expect(doc.results.filter((r: any) => r.Email === emails[109]).map((r: any) => r.UserId)).toEqual([undefined, undefined]);
    // The longest task takes 4 IN_PROGRESS reads: 5 rounds; each reads 240 ids in 5 chunks (50, 50, 50, 50, 40).
    expect(doc.rounds).toBe(5);
    expect(Math.max(...fake.batchSizes)).toBe(50);
    expect(fake.batchSizes.slice(0, 5).sort((a, b) => a - b)).toEqual([40, 50, 50, 50, 50]);
    expect(fake.throttled).toEqual({ StartUserAccessTasks: 3, BatchGetUserAccessTasks: 2 });
    expect(fake.calls).toEqual({ StartUserAccessTasks: 123, BatchGetUserAccessTasks: 5 * 5 + 2 });
    figures.push(`120 addresses x 2 apps (240 tasks): 1 execution, ${doc.rounds} rounds, ${fake.calls.StartUserAccessTasks} StartUserAccessTasks `
      + `(3 throttled, retried) and ${fake.calls.BatchGetUserAccessTasks} BatchGetUserAccessTasks calls (2 throttled, retried; ${fake.batchSizes.length} answered, `
      + `at most ${Math.max(...fake.batchSizes)} ids each), ${run.milliseconds} ms wall time`);
  });

  test('addresses from the execution input take precedence over the construct\'s', async () => {
    const fake = new FakeAppFabric({ appBundleArn: APP_BUNDLE_ARN, tenants: [OKTA], readsInProgress: () => 0 });
    const { definition } = auditDefinitionOf({ emails: ['default@example.com'] });
    const run = await runAudit(definition, fake, { emails: ['input@example.com'] });
    expect(run.objects[0].document.addresses.map((a: any) => a.email)).toEqual(['input@example.com']);
  });

  test('an application that cannot start a task, and an address AppFabric refuses, are reported, not retried', async () => {
    const fake = new FakeAppFabric({ appBundleArn: APP_BUNDLE_ARN, tenants: [OKTA, { ...SLACK, cannotStart: true }], readsInProgress: () => 0 });
    const { definition } = auditDefinitionOf({});
    const run = await runAudit(definition, fake, { emails: ['ok@example.com', 'not an address'] });

    expect(run.error).toBeUndefined();
    const doc = run.objects[0].document;
    expect(doc.addresses[0].tasks[1]).toEqual({ app: 'SLACK', tenantId: 'T0123', started: false, error: { ErrorCode: 'AppAuthorizationNotConnected', ErrorMessage: 'the app authorization is not connected' } });
    expect(doc.addresses[1]).toMatchObject({ email: 'not an address', taskCount: 0, tasks: [], startError: { Error: 'AppFabric.ValidationException' } });
    expect(doc.summary).toMatchObject({ addressCount: 2, taskCount: 1 });
    expect(fake.calls.StartUserAccessTasks).toBe(2);
  });

  test('an error that is not the address\'s (access denied) fails the execution, so that its alarm goes off', async () => {
    const fake = Object.assign(new FakeAppFabric({ appBundleArn: APP_BUNDLE_ARN, tenants: [OKTA] }), {
      startUserAccessTasks: () => {
        throw new AppFabricError('AccessDeniedException', 'not authorized to perform appfabric:StartUserAccessTasks');
      },
    });
    const { definition } = auditDefinitionOf({});
    const run = await runAudit(definition, fake, { emails: ['a@example.com'] });
    expect((run.error as any)?.cause?.name).toBe('AppFabric.AccessDeniedException');
    expect(run.objects).toEqual([]);
  });

  test('no task started at all: a report with no results, no poll', async () => {
    const fake = new FakeAppFabric({ appBundleArn: APP_BUNDLE_ARN, tenants: [] });
    const { definition } = auditDefinitionOf({});
    const run = await runAudit(definition, fake, { emails: ['a@example.com'] });
    expect(run.error).toBeUndefined();
    expect(run.objects[0].document).toMatchObject({ rounds: 0, results: [], summary: { taskCount: 0, unfinished: false } });
    expect(fake.calls.BatchGetUserAccessTasks).toBe(0);
  });

  test('tasks still IN_PROGRESS after maxPollRounds: the report lists them, then the execution fails', async () => {
    const fake = new FakeAppFabric({ appBundleArn: APP_BUNDLE_ARN, tenants: [OKTA], readsInProgress: () => 100 });
    const { definition } = auditDefinitionOf({ maxPollRounds: 3 });
    const run = await runAudit(definition, fake, { emails: ['a@example.com'] });
    expect((run.error as any)?.cause?.name).toBe('AppFabricAudit.PollRoundsExhausted');
    expect(run.objects[0].document.summary).toMatchObject({ unfinished: true });
    expect(fake.calls.BatchGetUserAccessTasks).toBe(3);
  });

  test('throttling that outlasts the retries fails the execution instead of retrying forever', async () => {
    const fake = new FakeAppFabric({ appBundleArn: APP_BUNDLE_ARN, tenants: [OKTA], readsInProgress: () => 0 });
    fake.throttle('BatchGetUserAccessTasks', 1000);
    const { definition } = auditDefinitionOf({});
    const run = await runAudit(definition, fake, { emails: ['a@example.com'] });
    expect((run.error as any)?.cause?.name).toBe('AppFabric.ThrottlingException');
    // The first call and 6 retries (MaxAttempts counts retries).
    expect(fake.calls.BatchGetUserAccessTasks).toBe(7);
    expect(run.objects).toEqual([]);
  });

  test.each([
    ['StartUserAccessTasks', { userAccessTasksList: [] }, 'UserAccessTasksList'],
    ['BatchGetUserAccessTasks', { userAccessResultsList: [] }, 'UserAccessResultsList'],
  ])('an output key in another casing (%s) stops the execution with AppFabricAudit.UnexpectedOutput', async (operation, answer, key) => {
    const fake = new FakeAppFabric({ appBundleArn: APP_BUNDLE_ARN, tenants: [OKTA], readsInProgress: () => 0 });
    const camelCase = operation === 'StartUserAccessTasks'
      ? Object.assign(fake, { startUserAccessTasks: () => answer })
      : Object.assign(fake, { batchGetUserAccessTasks: () => answer });
    const { definition } = auditDefinitionOf({});
    const run = await runAudit(definition, camelCase, { emails: ['a@example.com'] });
    expect((run.error as any)?.cause?.name).toBe('AppFabricAudit.UnexpectedOutput');
    expect((run.error as any)?.cause?.message).toContain(`${operation} returned no ${key}`);
    expect(run.objects).toEqual([]);
  });

  test('an empty output (no application connected) is no task, not an unexpected output', async () => {
    const fake = Object.assign(new FakeAppFabric({ appBundleArn: APP_BUNDLE_ARN, tenants: [] }), { startUserAccessTasks: () => ({}) });
    const { definition } = auditDefinitionOf({});
    const run = await runAudit(definition, fake, { emails: ['a@example.com'] });
    expect(run.error).toBeUndefined();
    expect(run.objects[0].document.addresses).toEqual([{ email: 'a@example.com', taskCount: 0, tasks: [] }]);
  });

  test.each([
    ['no emails', 'AppFabricAudit.NoAddresses', {}],
    ['an empty list', 'AppFabricAudit.NoAddresses', { emails: [] }],
    ['251 addresses', 'AppFabricAudit.TooManyAddresses', { emails: addresses(251) }],
  ])('an input with %s (and no construct addresses) fails with %s', async (_what, error, input) => {
    const fake = new FakeAppFabric({ appBundleArn: APP_BUNDLE_ARN, tenants: [OKTA] });
    const { definition } = auditDefinitionOf({});
    const run = await runAudit(definition, fake, input);
    expect((run.error as any)?.cause?.name).toBe(error);
    expect(fake.calls.StartUserAccessTasks).toBe(0);
  });

  test('with an event bus, publishes the report location and summary', async () => {
    const fake = new FakeAppFabric({ appBundleArn: APP_BUNDLE_ARN, tenants: [OKTA], readsInProgress: () => 0 });
    const { definition } = auditDefinitionOf({ eventBus: events.EventBus.fromEventBusName(new cdk.Stack(), 'Bus', 'audit-bus') });
    const run = await runAudit(definition, fake, { emails: ['a@example.com'] });
    expect(run.error).toBeUndefined();
    expect(run.events).toHaveLength(1);
    expect(run.events[0]).toMatchObject({ Source: 'cdk-appstream.appfabric', DetailType: 'AppFabric User Access Audit Completed' });
    expect(run.events[0].Detail).toMatchObject({ auditId: 'run-1', bucket: RESULTS_BUCKET, key: run.objects[0].Key, summary: { taskCount: 1 } });
  });
});
