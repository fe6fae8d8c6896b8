/**
 * Handler of `Custom::AppStreamUserStackAssociation`: associates any number of users, of any
 * authentication type, with one AppStream stack, through `custom-resources.Provider` (return to
 * succeed, throw to fail).
 *
 * - Create: reads the stack's associations (500 per page), associates the desired users that are
 *   missing in chunks of 25, a few chunks at a time. Per-entry `errors[]` fail the resource; a
 *   failed create first removes exactly the associations it made (never pre-existing ones).
 * - Update, same stack: associates desired − current (restoring associations removed by hand) and
 *   disassociates old − new (only users the old properties listed). A failure undoes this update's
 *   changes. A changed stack is a replacement: a new physical id, a create on the new stack;
 *   CloudFormation then sends Delete for the old one.
 * - Delete: disassociates exactly the users the resource lists; a missing stack or user is fine.
 *   A Delete whose physical id this handler did not answer (after a failed create) touches nothing.
 * - The physical id is `<stack name>/<logical id>`, so a retried event answers the same id, and
 *   every step converges when repeated.
 *
 * Time budget: no `isComplete`. 10,000 users are 400 batch calls plus 20 reads; with
 * `APPSTREAM_BATCH_CONCURRENCY` (default 4) calls in flight that is well under a minute at the
 * service's pace, and about 90 s even when throttled to 5 calls/s, far inside Lambda's 15 minutes
 * (the construct gives the function the full 15). As a guard, no new call starts once less than
 * `TIME_MARGIN_MS` remain: the event then fails cleanly (a create rolls back) instead of timing out.
 */
import { AppStreamClient } from '@aws-sdk/client-appstream';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceDeleteEvent,
  CloudFormationCustomResourceEvent,
  CloudFormationCustomResourceUpdateEvent,
  Context,
} from 'aws-lambda';
import { BatchAbortedError, DEFAULT_CONCURRENCY, listAssociations, runBatches, type BatchOutcome } from './executor';
import { failureMessage, fitResponse, intersection, physicalResourceId, planCreate, planUpdate } from './plan';
import { parseProps, type AssociationProps, type ObjectReader } from './props';
import {
  UserStackAssociationAttributes,
  UserStackAssociationProps as Property,
  type UserEntry,
} from '../../src/private/user-stack-association-contract';
import { logEvent } from '../shared/log';
import { withRetries } from '../shared/retry';

/** No new call starts once less than this much of the invocation's time remains. */
export const TIME_MARGIN_MS = 90_000;
/** A rollback keeps going until this much remains. */
const ROLLBACK_MARGIN_MS = 10_000;

/** What `onEvent` returns to the Provider framework. */
export interface OnEventResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, unknown>;
}

/** Clients and settings of one invocation (replaceable in tests). */
export interface Dependencies {
  readonly appstream: AppStreamClient;
  readonly readObject: ObjectReader;
  readonly concurrency: number;
  /** Milliseconds left in this invocation. */
  readonly remainingMs: () => number;
}

function defaultDependencies(context?: Partial<Context>): Dependencies {
  let s3: S3Client | undefined;
  const concurrency = Number(process.env.APPSTREAM_BATCH_CONCURRENCY ?? DEFAULT_CONCURRENCY);
  return {
    appstream: new AppStreamClient({ maxAttempts: 1 }),
    readObject: async (bucket, key) => {
      s3 = s3 ?? new S3Client({ maxAttempts: 1 });
      const object = await withRetries(() => s3!.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
      return object.Body ? object.Body.transformToString('utf-8') : '';
    },
    concurrency: Number.isInteger(concurrency) && concurrency > 0 ? concurrency : DEFAULT_CONCURRENCY,
    remainingMs: () => context?.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY,
  };
}

/** Entry point for `custom-resources.Provider` (`onEventHandler`, handler `index.onEvent`). */
export async function onEvent(event: CloudFormationCustomResourceEvent, context?: Partial<Context>): Promise<OnEventResponse> {
  return handleEvent(event, defaultDependencies(context));
}

/** Dispatches on the request type. */
export async function handleEvent(event: CloudFormationCustomResourceEvent, deps: Dependencies): Promise<OnEventResponse> {
  logEvent(event);
  try {
    switch (event.RequestType) {
      case 'Create': return await onCreate(event, deps);
      case 'Update': return await onUpdate(event, deps);
      case 'Delete': return await onDelete(event, deps);
    }
  } catch (error) {
    // The message becomes the CloudFormation event's reason: keep the response under 4 KB.
    const message = (error as Error)?.message ?? String(error);
    console.error(JSON.stringify({ failed: event.RequestType, message }));
    throw new Error(fitResponse(message));
  }
}

function result(physicalId: string, props: AssociationProps): OnEventResponse {
  return { PhysicalResourceId: physicalId, Data: { [UserStackAssociationAttributes.USER_COUNT]: props.users.length } };
}

function log(fields: Record<string, unknown>): void {
  console.log(JSON.stringify(fields));
}

async function onCreate(event: CloudFormationCustomResourceCreateEvent, deps: Dependencies): Promise<OnEventResponse> {
  const props = await parseProps(event.ResourceProperties, deps.readObject);
  await createOn(props, deps);
  return result(physicalResourceId(props.stackName, event.LogicalResourceId), props);
}

async function onUpdate(event: CloudFormationCustomResourceUpdateEvent, deps: Dependencies): Promise<OnEventResponse> {
  const props = await parseProps(event.ResourceProperties, deps.readObject);
  const old = await parseProps(event.OldResourceProperties, deps.readObject);
  if (props.stackName !== old.stackName) {
    // Replacement: the old stack's associations go when CloudFormation deletes the old resource.
    await createOn(props, deps);
    return result(physicalResourceId(props.stackName, event.LogicalResourceId), props);
  }
  const current = await readCurrent(props.stackName, deps);
  const plan = planUpdate(old.users, props.users, current);
  log({
    action: 'update',
    stackName: props.stackName,
    desired: props.users.length,
    current: current.length,
    toAssociate: plan.toAssociate.length,
    toDisassociate: plan.toDisassociate.length,
  });

  const associated = await runOrUndo('associate', props, plan.toAssociate, deps, async (done) => {
    await undo(props.stackName, done, [], deps);
  });
  await runOrUndo('disassociate', props, plan.toDisassociate, deps, async (done) => {
    // Put back what this update took away (only users that were associated before it).
    await undo(props.stackName, associated, intersection(done, current), deps);
  });
  return result(event.PhysicalResourceId, props);
}

async function onDelete(event: CloudFormationCustomResourceDeleteEvent, deps: Dependencies): Promise<OnEventResponse> {
  // Only a resource this handler created answers `<stack name>/<logical id>`. Anything else (the
  // Provider framework's marker or a request id after a failed create, an id of another
  // provider) associated nothing: succeed without a call, before reading the properties, which
  // may be the invalid ones that failed the create.
  const stackName = event.ResourceProperties?.[Property.STACK_NAME];
  if (typeof stackName !== 'string' || event.PhysicalResourceId !== physicalResourceId(stackName, event.LogicalResourceId)) {
    log({ action: 'delete', skipped: 'the physical id was not issued by this handler: nothing to disassociate' });
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  const props = await parseProps(event.ResourceProperties, deps.readObject);
  log({ action: 'delete', stackName: props.stackName, toDisassociate: props.users.length });
  await runOrUndo('disassociate', props, props.users, deps, async () => { /* nothing to undo */ });
  return { PhysicalResourceId: event.PhysicalResourceId };
}

/** Reads the stack's associations; a missing stack is an error with a clear message. */
async function readCurrent(stackName: string, deps: Dependencies): Promise<UserEntry[]> {
  try {
    return await listAssociations(deps.appstream, stackName);
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') {
      throw new Error(`AppStream stack ${stackName} not found`);
    }
    throw error;
  }
}

/** Associates the desired users missing from the stack; on failure removes the ones it added. */
async function createOn(props: AssociationProps, deps: Dependencies): Promise<void> {
  const current = await readCurrent(props.stackName, deps);
  const plan = planCreate(props.users, current);
  log({
    action: 'create',
    stackName: props.stackName,
    desired: props.users.length,
    alreadyAssociated: plan.alreadyAssociated.length,
    toAssociate: plan.toAssociate.length,
  });
  await runOrUndo('associate', props, plan.toAssociate, deps, async (done) => {
    await undo(props.stackName, done, [], deps);
  });
}

/**
 * Runs one chunked batch operation. On per-entry errors or an aborted run, calls `rollback` with
 * the users it did process, then throws a message that names the failed users (summarized to fit
 * CloudFormation's 4 KB response).
 */
async function runOrUndo(
  action: 'associate' | 'disassociate', props: AssociationProps, users: UserEntry[], deps: Dependencies,
  rollback: (done: UserEntry[]) => Promise<void>,
): Promise<UserEntry[]> {
  if (users.length === 0) {
    return [];
  }
  let outcome: BatchOutcome;
  try {
    outcome = await runBatches(deps.appstream, action, props.stackName, users, {
      concurrency: deps.concurrency,
      sendEmailNotification: props.sendEmailNotification,
      outOfTime: () => deps.remainingMs() < TIME_MARGIN_MS,
    });
  } catch (error) {
    if (error instanceof BatchAbortedError) {
      const note = await undoNote(() => rollback(error.done));
      throw new Error(`${error.message}${note}`);
    }
    throw error;
  }
  if (outcome.failed.length > 0) {
    const note = await undoNote(() => rollback(outcome.done));
    throw new Error(failureMessage(action, props.stackName, outcome.failed, users.length, note.replace(/^\. /, '')));
  }
  log({ action, stackName: props.stackName, done: outcome.done.length });
  return outcome.done;
}

async function undoNote(rollback: () => Promise<void>): Promise<string> {
  try {
    await rollback();
    return '. Changes made by this request were undone';
  } catch (error) {
    return `. Undoing the changes made by this request failed too: ${(error as Error).message}`;
  }
}

/** Removes `added` and puts back `removed` (best effort within the time left). */
async function undo(stackName: string, added: UserEntry[], removed: UserEntry[], deps: Dependencies): Promise<void> {
  const options = { concurrency: deps.concurrency, outOfTime: () => deps.remainingMs() < ROLLBACK_MARGIN_MS };
  const problems: string[] = [];
  for (const [action, users] of [['disassociate', added], ['associate', removed]] as const) {
    if (users.length === 0) {
      continue;
    }
    try {
      const outcome = await runBatches(deps.appstream, action, stackName, users, options);
      if (outcome.failed.length > 0) {
        problems.push(failureMessage(action, stackName, outcome.failed, users.length, '', 400));
      }
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  log({ action: 'undo', stackName, removed: added.length, restored: removed.length, problems: problems.length });
  if (problems.length > 0) {
    throw new Error(problems.join('; '));
  }
}
