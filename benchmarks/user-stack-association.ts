/**
 * Custom resources that hold up against AWS's real rate limits: the `UserStackAssociation` handler,
 * through the real dispatcher (`lambda/provider`) and an emulator of the Provider framework's
 * isComplete polling, against the local fake AppStream endpoint in its AWS-like mode: requests
 * beyond its rate are rejected (never queued), a share of batch calls may fail with
 * RequestLimitExceededException anyway, and reads lag behind writes.
 *
 * For each N: create N SAML users on a stack that has 3 foreign associations; update (+100 users,
 * −100 users, and 5 kept users removed by hand are restored); delete. For the smallest N, the
 * create is also run with its first poll repeated and with it lost. After each step the fake's
 * true state is checked (foreign associations survive everything): a mismatch exits non-zero.
 *
 * Goals per step: successful batch calls = ⌈changed ÷ 25⌉ per direction (nothing done twice), and
 * handler busy time ≤ 1.1 × successful calls ÷ rate (the service's rate is what limits, not the
 * handler's pacing). A repeated or lost poll must change nothing: its goal is the state alone. (A
 * poll repeated at once reads before the fake's read lag has passed and sends again what it cannot
 * see yet: a few extra calls, shown in the table. Step Functions repeats a poll only after the
 * query interval.) Rows that miss a goal also exit non-zero.
 *
 *   npx projen bench:users
 *   RATE=2 SIZES=10000,50000 npx projen bench:users
 *
 * Environment: RATE (requests/s, default 5), BURST (default 5), SIZES (default 1000,10000,50000),
 * REL_RATE (probability of RequestLimitExceededException on a batch call within the rate, default 0),
 * READ_LAG_MS (default 1000), REJECT_WITH (ThrottlingException | RequestLimitExceededException).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { isComplete, onEvent } from '../lambda/provider';
import { HANDLER_TIMEOUT_MINUTES, QUERY_INTERVAL_SECONDS, TOTAL_TIMEOUT_MINUTES } from '../src/core/private/provider-contract';
import { USER_STACK_ASSOCIATION_RESOURCE_TYPE, UserStackAssociationProps as Property } from '../src/users/private/user-stack-association-contract';
import { FakeAppStream, type RateLimit, useFakeEndpoint } from '../test/fake-appstream/server';
import { type FakeUser, registerUserOperations, userKey } from '../test/fake-appstream/users';
import { type FrameworkOptions, resourceEvents, runCustomResource } from '../test/util/provider-framework';

const STACK = 'bench-stack';
const BATCH_SIZE = 25;
const USERS_ADDED = 100;
const USERS_REMOVED = 100;
const REMOVED_BY_HAND = 5;
const MAX_BUSY_RATIO = 1.1;
const BATCH_OPERATIONS = ['BatchAssociateUserStack', 'BatchDisassociateUserStack'];
const READ_OPERATION = 'DescribeUserStackAssociations';

const settings = {
  rate: numberSetting('RATE', 5, { positive: true }),
  burst: numberSetting('BURST', 5, { positive: true }),
  sizes: sizesSetting(),
  rateLimitExceededRate: numberSetting('REL_RATE', 0, { max: 1 }),
  readLagMs: numberSetting('READ_LAG_MS', 1000),
  rejectWith: rejectWithSetting(),
};

const FRAMEWORK: FrameworkOptions = {
  queryIntervalMs: QUERY_INTERVAL_SECONDS * 1000,
  totalTimeoutMs: TOTAL_TIMEOUT_MINUTES * 60_000,
  invocationTimeoutMs: HANDLER_TIMEOUT_MINUTES * 60_000,
};

interface Step {
  readonly n: number;
  readonly name: string;
  readonly event: CloudFormationCustomResourceEvent;
  /** ⌈associations ÷ 25⌉ + ⌈disassociations ÷ 25⌉ that the step must make. */
  readonly minimumBatches: number;
  /** Every association the stack must have afterwards. */
  readonly expected: readonly FakeUser[];
  readonly hooks?: Pick<FrameworkOptions, 'repeatPoll' | 'losePoll'>;
}

interface Row {
  readonly n: number;
  readonly step: string;
  readonly batches: number;
  readonly minimumBatches: number;
  readonly reads: number;
  readonly attemptsPerSuccess: number;
  readonly busySeconds: number;
  readonly limitSeconds: number;
  readonly elapsedSeconds: number;
  readonly polls: number;
  readonly correct: boolean;
  /** A repeated or lost poll: the goal is that it changes nothing (the state), not the call count. */
  readonly idempotency: boolean;
}

const fake = new FakeAppStream();
const state = registerUserOperations(fake);
const handler = { onEvent, isComplete };
const events = resourceEvents({ resourceType: USER_STACK_ASSOCIATION_RESOURCE_TYPE, logicalResourceId: 'Users' });
const rateLimit: RateLimit = { requestsPerSecond: settings.rate, burst: settings.burst, rejectWith: settings.rejectWith };
const foreign = samlUsers(3, 'foreign');
const rows: Row[] = [];
const print = console.log;

async function main(): Promise<void> {
  // The handlers' production settings: 200 ms backoff base, their own first request rate.
  useFakeEndpoint(await fake.start(), { retryBaseDelayMs: 200 });
  state.setReadLag(settings.readLagMs);
  for (const operation of BATCH_OPERATIONS) {
    if (settings.rateLimitExceededRate > 0) {
      fake.injectFaultRate(operation, 'RequestLimitExceededException', settings.rateLimitExceededRate);
    }
  }
  try {
    const smallest = Math.min(...settings.sizes);
    for (const n of settings.sizes) {
      if (n === smallest) {
        await idempotentCreates(n);
      }
      await lifecycle(n);
    }
  } finally {
    await fake.stop();
    report();
  }
}

/** Create, update and delete of N users on a stack with foreign associations. */
async function lifecycle(n: number): Promise<void> {
  const initial = samlUsers(n, 'user');
  const removedCount = Math.min(USERS_REMOVED, Math.floor(n / 2));
  const kept = initial.slice(removedCount);
  const updated = [...kept, ...samlUsers(USERS_ADDED, 'new')];
  const removedByHand = kept.slice(0, REMOVED_BY_HAND);

  freshStack();
  const created = await runStep({
    n, name: 'create', event: events.create(properties(initial)), minimumBatches: batchesFor(n, 0), expected: [...initial, ...foreign],
  });

  state.disassociate(STACK, removedByHand);
  await runStep({
    n,
    name: `update +${USERS_ADDED} −${removedCount}, ${removedByHand.length} restored`,
    event: events.update(created, properties(updated), properties(initial)),
    minimumBatches: batchesFor(USERS_ADDED + removedByHand.length, removedCount),
    expected: [...updated, ...foreign],
  });

  await runStep({
    n, name: 'delete', event: events.delete(created, properties(updated)), minimumBatches: batchesFor(0, updated.length), expected: foreign,
  });
}

/** Creates whose first poll is delivered twice, or lost: the same state, and nothing done twice. */
async function idempotentCreates(n: number): Promise<void> {
  const users = samlUsers(n, 'user');
  const variants: Array<[name: string, hooks: Step['hooks']]> = [
    ['create, poll 1 repeated', { repeatPoll: (poll) => poll === 1 }],
    ['create, poll 1 lost', { losePoll: (poll) => poll === 1 }],
  ];
  for (const [name, hooks] of variants) {
    freshStack();
    await runStep({ n, name, event: events.create(properties(users)), minimumBatches: batchesFor(n, 0), expected: [...users, ...foreign], hooks });
  }
}

/** Runs one step through the framework emulator, records its row; returns the physical id. */
async function runStep(step: Step): Promise<string> {
  // The time between two deployments: the step's reads see what was done by hand before it.
  await new Promise((resolve) => setTimeout(resolve, settings.readLagMs));
  fake.setRateLimit(rateLimit); // a full bucket, as after any pause
  fake.resetCalls();
  print(`N=${step.n} ${step.name} ...`);
  const result = await withoutLogs(() => runCustomResource(handler, step.event, { ...FRAMEWORK, ...step.hooks }));

  const successes = fake.count(undefined, 'ok');
  const mismatch = describeMismatch(state.associated(STACK), step.expected);
  rows.push({
    n: step.n,
    step: step.name,
    batches: BATCH_OPERATIONS.reduce((sum, operation) => sum + fake.count(operation, 'ok'), 0),
    minimumBatches: step.minimumBatches,
    reads: fake.count(READ_OPERATION, 'ok'),
    attemptsPerSuccess: fake.calls.length / Math.max(1, successes),
    busySeconds: result.busyMs / 1000,
    limitSeconds: successes / settings.rate,
    elapsedSeconds: result.elapsedMs / 1000,
    polls: result.polls,
    correct: result.Status === 'SUCCESS' && mismatch === undefined,
    idempotency: step.hooks !== undefined,
  });
  if (result.Status !== 'SUCCESS') {
    throw new Error(`N=${step.n} ${step.name}: ${result.Status} ${result.Reason}`);
  }
  if (mismatch) {
    throw new Error(`N=${step.n} ${step.name}: wrong associations afterwards: ${mismatch}`);
  }
  return result.PhysicalResourceId;
}

function report(): void {
  const lines = [
    `Fake AppStream: ${settings.rate} requests/s, burst ${settings.burst}, rejecting with ${settings.rejectWith}; `
      + `RequestLimitExceededException on ${percent(settings.rateLimitExceededRate)} of batch calls; reads lag ${settings.readLagMs} ms.`,
    `Goal: batch calls = minimum, busy ≤ ${MAX_BUSY_RATIO} × successful calls ÷ rate, state correct (repeated and lost polls: state correct).`,
    '',
    '| N | rate (/s) | REL | step | batch calls | minimum | reads | attempts per success | busy (s) | limit (s) | busy ÷ limit | elapsed (s) | polls | met |',
    '|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|',
  ];
  let allMet = rows.length > 0;
  for (const row of rows) {
    const ratio = row.busySeconds / row.limitSeconds;
    const met = row.idempotency ? row.correct : row.correct && row.batches === row.minimumBatches && ratio <= MAX_BUSY_RATIO;
    allMet &&= met;
    lines.push(`| ${row.n.toLocaleString('en-US')} | ${settings.rate} | ${percent(settings.rateLimitExceededRate)} | ${row.step} `
      + `| ${row.batches} | ${row.minimumBatches} | ${row.reads} | ${row.attemptsPerSuccess.toFixed(2)} | ${row.busySeconds.toFixed(1)} `
      + `| ${row.limitSeconds.toFixed(1)} | ${ratio.toFixed(2)} | ${row.elapsedSeconds.toFixed(1)} | ${row.polls} | ${met ? 'yes' : 'NO'} |`);
  }
  const table = lines.join('\n');
  print(`\n${table}`);
  const file = `.bench/user-stack-association-${settings.rate}rps-${settings.rateLimitExceededRate}.md`;
  mkdirSync('.bench', { recursive: true });
  writeFileSync(file, `# UserStackAssociation against AWS-like rate limits\n\n${table}\n`);
  print(`\nWritten to ${file}`);
  if (!allMet) {
    process.exitCode = 1;
  }
}

/** Runs `work` with console.log silenced: the handler logs every pass. */
async function withoutLogs<T>(work: () => Promise<T>): Promise<T> {
  console.log = () => undefined;
  try {
    return await work();
  } finally {
    console.log = print;
  }
}

function freshStack(): void {
  state.deleteStack(STACK);
  state.addStack(STACK);
  state.associate(STACK, foreign);
}

function properties(users: readonly FakeUser[]): Record<string, unknown> {
  return { [Property.STACK_NAME]: STACK, [Property.USERS]: users };
}

function batchesFor(associations: number, disassociations: number): number {
  return Math.ceil(associations / BATCH_SIZE) + Math.ceil(disassociations / BATCH_SIZE);
}

/** `count` SAML users `<prefix>-00001@example.com`, … */
function samlUsers(count: number, prefix: string): FakeUser[] {
  return Array.from({ length: count }, (_, i) => ({
    UserName: `${prefix}-${String(i + 1).padStart(5, '0')}@example.com`,
    AuthenticationType: 'SAML',
  }));
}

/** What differs between the actual and the expected associations, or undefined if nothing. */
function describeMismatch(actual: readonly FakeUser[], expected: readonly FakeUser[]): string | undefined {
  const actualKeys = new Set(actual.map(userKey));
  const expectedKeys = new Set(expected.map(userKey));
  const name = (key: string) => key.replace('\u0000', '/');
  const missing = [...expectedKeys].filter((key) => !actualKeys.has(key)).map(name);
  const extra = [...actualKeys].filter((key) => !expectedKeys.has(key)).map(name);
  if (missing.length === 0 && extra.length === 0) {
    return undefined;
  }
  return `${missing.length} missing (${missing.slice(0, 5).join(', ')}), ${extra.length} extra (${extra.slice(0, 5).join(', ')})`;
}

function percent(fraction: number): string {
  return `${+(fraction * 100).toFixed(2)} %`;
}

function numberSetting(name: string, fallback: number, limits: { positive?: boolean; max?: number } = {}): number {
  const text = process.env[name];
  const value = text === undefined || text === '' ? fallback : Number(text);
  const valid = Number.isFinite(value) && (limits.positive ? value > 0 : value >= 0) && value <= (limits.max ?? Infinity);
  if (!valid) {
    throw new Error(`${name} must be a ${limits.positive ? 'positive' : 'non-negative'} number${limits.max !== undefined ? ` ≤ ${limits.max}` : ''}, got "${text}"`);
  }
  return value;
}

function sizesSetting(): number[] {
  const text = process.env.SIZES ?? '1000,10000,50000';
  const sizes = text.split(',').map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new Error(`SIZES must be a comma-separated list of positive integers, got "${text}"`);
  }
  return sizes;
}

function rejectWithSetting(): NonNullable<RateLimit['rejectWith']> {
  const value = process.env.REJECT_WITH ?? 'ThrottlingException';
  if (value !== 'ThrottlingException' && value !== 'RequestLimitExceededException') {
    throw new Error(`REJECT_WITH must be ThrottlingException or RequestLimitExceededException, got "${value}"`);
  }
  return value;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
