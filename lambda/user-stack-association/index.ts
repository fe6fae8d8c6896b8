/**
 * Handler of `Custom::AppStreamUserStackAssociation`: associates any number of users, of any
 * authentication type, with one AppStream stack, through `custom-resources.Provider` with
 * `isComplete` (return to succeed, throw to fail).
 *
 * onEvent makes no change: it checks the properties (and, for a create, reads which desired users
 * are already associated) and answers at once. Every change is made by isComplete, poll after
 * poll: each poll reads the stack's associations, does as much of the difference as the
 * invocation's time allows, at the rate the service admits, and answers complete when a pass has
 * made all of it. A poll repeated or lost changes nothing, since each starts from the service's state.
 *
 * - Create: associates the desired users that are missing. Its physical id says, until it
 *   completes, which desired users were associated before (`creatingResourceId`); if it fails,
 *   CloudFormation's rollback sends a Delete with that id, which removes exactly what it made.
 * - Update, same stack: associates desired − current (restoring associations removed by hand) and
 *   disassociates old − new while still there (never a user the old properties did not list). If
 *   it fails, CloudFormation's rollback is an update back to the old list, held to the same rules.
 *   A changed stack is a replacement: a create on the new stack; CloudFormation then deletes the old.
 * - Delete: disassociates the listed users still there; a missing stack or user is fine. A Delete
 *   whose physical id this handler did not issue (after a failed onEvent) touches nothing.
 */
import type { AppStreamClient } from '@aws-sdk/client-appstream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { listAssociations, runBatches, type Caller } from './executor';
import {
  creatingResourceId,
  failureMessage,
  fitResponse,
  identify,
  intersection,
  physicalResourceId,
  planCreatePass,
  planDeletePass,
  planUpdatePass,
  userDigest,
  type PassPlan,
} from './plan';
import { parseProps, type AssociationProps, type ObjectReader } from './props';
import { INVOCATION_MARGIN_MS, TOTAL_TIMEOUT_MINUTES } from '../../src/core/private/provider-contract';
import {
  UserStackAssociationAttributes,
  UserStackAssociationProps as Property,
  type UserEntry,
} from '../../src/users/private/user-stack-association-contract';
import { appStreamClient, appStreamPacer, newPacer } from '../shared/appstream';
import { logEvent } from '../shared/log';
import { Deadline, type Pacer } from '../shared/pacing';
import { isNotFound } from '../shared/values';

/** Key of onEvent's answer that carries the start of the operation to every poll. */
export const STARTED_AT = 'UserStackAssociationStartedAt';

/** A poll gives up, with a clear message, this long before the provider's waiter would time out. */
const GIVE_UP_MARGIN_MS = 2 * 60_000;

/** What `onEvent` returns to the Provider framework (merged into the event of every poll). */
export interface OnEventResponse {
  readonly PhysicalResourceId: string;
  readonly [STARTED_AT]?: number;
}

/** What `isComplete` returns. */
export interface IsCompleteResponse {
  readonly IsComplete: boolean;
  readonly PhysicalResourceId?: string;
  readonly Data?: Record<string, unknown>;
}

/** The event of a poll: CloudFormation's event merged with onEvent's answer. */
export type IsCompleteEvent = CloudFormationCustomResourceEvent & Partial<OnEventResponse>;

/** Clients, clock and deadline of one invocation (replaceable in tests). */
export interface Dependencies {
  readonly appstream: AppStreamClient;
  readonly pacer: Pacer;
  readonly readObject: ObjectReader;
  readonly deadline: Deadline;
  readonly now: () => number;
}

let s3: S3Client | undefined;
let s3Pacer: Pacer | undefined;

function defaultDependencies(context?: Partial<Context>): Dependencies {
  const deadline = Deadline.of(context, INVOCATION_MARGIN_MS);
  return {
    appstream: appStreamClient(),
    pacer: appStreamPacer(),
    readObject: async (bucket, key) => {
      s3 ??= new S3Client({ maxAttempts: 1 });
      s3Pacer ??= newPacer();
      const object = await s3Pacer.call(() => s3!.send(new GetObjectCommand({ Bucket: bucket, Key: key })), deadline);
      return object.Body ? object.Body.transformToString('utf-8') : '';
    },
    deadline,
    now: Date.now,
  };
}

/** Entry point of the provider's onEvent (through the dispatcher of `lambda/provider`). */
export async function onEvent(event: CloudFormationCustomResourceEvent, context?: Partial<Context>): Promise<OnEventResponse> {
  return handleEvent(event, defaultDependencies(context));
}

/** Entry point of the provider's isComplete (through the dispatcher of `lambda/provider`). */
export async function isComplete(event: IsCompleteEvent, context?: Partial<Context>): Promise<IsCompleteResponse> {
  return handlePoll(event, defaultDependencies(context));
}

/** onEvent: checks and answers the physical id; makes no change. */
export async function handleEvent(event: CloudFormationCustomResourceEvent, deps: Dependencies): Promise<OnEventResponse> {
  logEvent(event);
  return reportFailures(event.RequestType, async () => {
    const startedAt = { [STARTED_AT]: deps.now() };
    if (event.RequestType === 'Delete') {
      return { PhysicalResourceId: event.PhysicalResourceId, ...startedAt };
    }
    const props = await parseProps(event.ResourceProperties, deps.readObject);
    if (event.RequestType === 'Update') {
      const old = await parseProps(event.OldResourceProperties, deps.readObject);
      if (old.stackName === props.stackName) {
        return { PhysicalResourceId: event.PhysicalResourceId, ...startedAt };
      }
    }
    // A create, or a replacement on another stack: note which desired users are there already.
    const current = await readCurrent(props.stackName, deps);
    const adopted = intersection(props.users, current);
    log({ action: 'create', stackName: props.stackName, desired: props.users.length, alreadyAssociated: adopted.length });
    return { PhysicalResourceId: creatingResourceId(props.stackName, event.LogicalResourceId, adopted), ...startedAt };
  });
}

/** isComplete: one pass towards the desired state; complete once a pass has made all of it. */
export async function handlePoll(event: IsCompleteEvent, deps: Dependencies): Promise<IsCompleteResponse> {
  return reportFailures(event.RequestType, async () => {
    const physicalId = event.PhysicalResourceId ?? '';
    if (event.RequestType === 'Delete') {
      return deletePass(event.ResourceProperties, physicalId, event.LogicalResourceId, deps);
    }
    const startedAt = Number(event[STARTED_AT] ?? deps.now());
    if (deps.now() - startedAt > TOTAL_TIMEOUT_MINUTES * 60_000 - GIVE_UP_MARGIN_MS) {
      throw new Error(`Gave up after ${Math.round((deps.now() - startedAt) / 60_000)} minutes, close to the provider's `
        + `${TOTAL_TIMEOUT_MINUTES}: the service admits too few requests for this list. ${rollbackNote(event.RequestType, physicalId)}`);
    }
    const props = await parseProps(event.ResourceProperties, deps.readObject);
    const old = event.RequestType === 'Update' ? await parseProps(event.OldResourceProperties, deps.readObject) : undefined;
    const current = await readCurrent(props.stackName, deps);
    const inPlace = old !== undefined && old.stackName === props.stackName;
    const plan = inPlace ? planUpdatePass(old.users, props.users, current) : planCreatePass(props.users, current);
    const outcome = await runPass(props, plan, deps, inPlace ? 'update' : 'create', current.length);
    if (outcome === 'continue') {
      return { IsComplete: false };
    }
    return {
      IsComplete: true,
      PhysicalResourceId: inPlace ? physicalId : physicalResourceId(props.stackName, event.LogicalResourceId),
      Data: { [UserStackAssociationAttributes.USER_COUNT]: props.users.length },
    };
  }, (message) => `${message}. ${rollbackNote(event.RequestType, event.PhysicalResourceId ?? '')}`);
}

async function deletePass(
  properties: Record<string, unknown>, physicalId: string, logicalId: string, deps: Dependencies,
): Promise<IsCompleteResponse> {
  const stackName = properties?.[Property.STACK_NAME];
  const identity = typeof stackName === 'string' ? identify(physicalId, stackName, logicalId) : { kind: 'foreign' as const };
  if (identity.kind === 'foreign') {
    // Not an id this handler issued for these properties (the provider framework's marker after a
    // failed onEvent, or an id of another stack): it associated nothing. Skip before reading the
    // properties, which may be the invalid ones that failed the create.
    log({ action: 'delete', skipped: 'the physical id was not issued by this handler: nothing to disassociate' });
    return { IsComplete: true };
  }
  if (identity.kind === 'creating' && identity.adoptedDigests === undefined) {
    log({ action: 'delete', skipped: 'a create that did not complete, with too many users associated before it to tell its own apart' });
    return { IsComplete: true };
  }
  const props = await parseProps(properties, deps.readObject);
  let current: UserEntry[];
  try {
    current = await listAssociations(caller(deps), props.stackName);
  } catch (error) {
    if (isNotFound(error)) {
      return { IsComplete: true }; // the stack is gone, and its associations with it
    }
    throw error;
  }
  const adopted = identity.kind === 'creating' ? identity.adoptedDigests : undefined;
  const plan = planDeletePass(props.users, current, (user) => adopted?.has(userDigest(user)) ?? false);
  const outcome = await runPass(props, plan, deps, identity.kind === 'creating' ? 'rollback' : 'delete', current.length);
  return { IsComplete: outcome === 'complete' };
}

/**
 * Makes the changes of one pass: associations first, then disassociations, until done or out of
 * time. Per-entry failures fail the operation with a message that names each failed entry.
 */
async function runPass(
  props: AssociationProps, plan: PassPlan, deps: Dependencies, action: string, currentCount: number,
): Promise<'complete' | 'continue'> {
  const c = caller(deps);
  let outOfTime = false;
  for (const [batchAction, users] of [['associate', plan.toAssociate], ['disassociate', plan.toDisassociate]] as const) {
    if (users.length === 0 || outOfTime) {
      continue;
    }
    const outcome = await runBatches(c, batchAction, props.stackName, users, props.sendEmailNotification);
    if (outcome.failed.length > 0) {
      throw new Error(failureMessage(batchAction, props.stackName, outcome.failed, users.length));
    }
    outOfTime = outcome.outOfTime;
  }
  log({
    action,
    stackName: props.stackName,
    current: currentCount,
    toAssociate: plan.toAssociate.length,
    toDisassociate: plan.toDisassociate.length,
    outOfTime,
    requestRate: Number(deps.pacer.limiter.rate.toFixed(2)),
  });
  return outOfTime ? 'continue' : 'complete';
}

/** What happens after a failure, for the message CloudFormation shows. */
function rollbackNote(requestType: string, physicalId: string): string {
  if (requestType === 'Delete') {
    return 'CloudFormation retries the delete when asked to; users already removed stay removed';
  }
  if (requestType === 'Update') {
    return physicalId.includes('#creating:')
      ? 'CloudFormation\'s rollback returns to the previous stack; the associations made on the new one stay'
      : 'CloudFormation\'s rollback restores the previous list';
  }
  return physicalId.endsWith('#creating:unknown')
    ? 'Many listed users were associated before, so a rollback cannot tell this create\'s own associations apart and leaves them'
    : 'CloudFormation\'s rollback removes the associations this create made';
}

function caller(deps: Dependencies): Caller {
  return { client: deps.appstream, pacer: deps.pacer, deadline: deps.deadline };
}

/** Reads the stack's associations; a missing stack is an error with a clear message. */
async function readCurrent(stackName: string, deps: Dependencies): Promise<UserEntry[]> {
  try {
    return await listAssociations(caller(deps), stackName);
  } catch (error) {
    if (isNotFound(error)) {
      throw new Error(`AppStream stack ${stackName} not found`);
    }
    throw error;
  }
}

/** Runs `work`; a failure is logged and rethrown with a message that fits CloudFormation's 4 KB response. */
async function reportFailures<T>(requestType: string, work: () => Promise<T>, explain: (message: string) => string = (m) => m): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const message = explain((error as Error)?.message ?? String(error));
    console.error(JSON.stringify({ failed: requestType, message: fitResponse(message) }));
    throw new Error(fitResponse(message));
  }
}

function log(fields: Record<string, unknown>): void {
  console.log(JSON.stringify(fields));
}
