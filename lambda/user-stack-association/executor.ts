/**
 * The AppStream side of the handler: paginated reads and chunked batch calls, every call paced by
 * the shared `Pacer` and bounded by the invocation's `Deadline`. Running out of time is not a
 * failure here: the outcome says what was done, and the next poll continues from the service's state.
 */
import {
  AppStreamClient,
  BatchAssociateUserStackCommand,
  BatchDisassociateUserStackCommand,
  DescribeUserStackAssociationsCommand,
  type UserStackAssociation,
  type UserStackAssociationError,
} from '@aws-sdk/client-appstream';
import { chunk, MAX_PAGE_SIZE, userKey, type EntryFailure } from './plan';
import type { UserEntry } from '../../src/users/private/user-stack-association-contract';
import { isDeadlineReached, type Deadline, type Pacer } from '../shared/pacing';
import { isNotFound } from '../shared/values';

/** Rounds in which entries answered with the per-entry code INTERNAL_ERROR are sent again. */
const ENTRY_ATTEMPTS = 3;

/** Batch calls in flight at most, however high the admitted rate. */
const MAX_CONCURRENCY = 32;

/** Per-entry codes that mean "already gone" when disassociating. */
const GONE_CODES: ReadonlySet<string> = new Set(['STACK_NOT_FOUND', 'USER_NAME_NOT_FOUND']);

export type BatchAction = 'associate' | 'disassociate';

/** How calls are made: the client, its pacer and the deadline of this invocation. */
export interface Caller {
  readonly client: AppStreamClient;
  readonly pacer: Pacer;
  readonly deadline: Deadline;
}

/** Outcome of a chunked batch operation. */
export interface BatchOutcome {
  /** Users for which the call succeeded (for disassociate: also those already gone). */
  readonly done: UserEntry[];
  /** Users the API refused, with their per-entry code. */
  readonly failed: EntryFailure[];
  /** True when the deadline stopped the work before every user was sent. */
  readonly outOfTime: boolean;
}


/** Every user associated with `stackName` (pages of 500). Throws ResourceNotFoundException for a missing stack. */
export async function listAssociations(caller: Caller, stackName: string): Promise<UserEntry[]> {
  const users: UserEntry[] = [];
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await caller.pacer.call(() => caller.client.send(new DescribeUserStackAssociationsCommand({
      StackName: stackName,
      MaxResults: MAX_PAGE_SIZE,
      ...(token ? { NextToken: token } : {}),
    })), caller.deadline);
    for (const a of page.UserStackAssociations ?? []) {
      if (a.StackName === undefined || a.StackName === stackName) {
        users.push({ UserName: a.UserName!, AuthenticationType: a.AuthenticationType! });
      }
    }
    nextToken = page.NextToken || undefined;
  } while (nextToken);
  return users;
}

/**
 * Runs `worker` on each item with at most `limit` in flight. Stops starting new items once one
 * fails or `stop()` says so; waits for those in flight; rethrows the first failure.
 */
export async function forEachBounded<T>(
  items: readonly T[], limit: number, worker: (item: T) => Promise<void>, stop: () => boolean = () => false,
): Promise<{ started: number }> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < items.length && !failure && !stop()) {
      const item = items[next++];
      try {
        await worker(item);
      } catch (error) {
        failure = failure ?? { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  if (failure) {
    throw failure.error;
  }
  return { started: next };
}

function toEntry(stackName: string, user: UserEntry, action: BatchAction, sendEmail: boolean): UserStackAssociation {
  return {
    StackName: stackName,
    UserName: user.UserName,
    AuthenticationType: user.AuthenticationType as UserStackAssociation['AuthenticationType'],
    ...(action === 'associate' && sendEmail && user.AuthenticationType === 'USERPOOL' ? { SendEmailNotification: true } : {}),
  };
}

/**
 * Concurrency follows the admitted rate: about one second of calls in flight, so that slots are
 * never reserved far ahead of a rate that may change.
 */
export function concurrencyFor(pacer: Pacer): number {
  return Math.max(2, Math.min(MAX_CONCURRENCY, Math.ceil(pacer.limiter.rate)));
}

/**
 * Associates or disassociates `users` with `stackName` in chunks of 25 until done or out of time.
 * Per-entry INTERNAL_ERROR is retried; other per-entry errors are returned in `failed` (for
 * disassociate, STACK_NOT_FOUND / USER_NAME_NOT_FOUND count as done, as does a missing stack).
 * An error that is not retryable is thrown.
 */
export async function runBatches(
  caller: Caller, action: BatchAction, stackName: string, users: readonly UserEntry[], sendEmailNotification = false,
): Promise<BatchOutcome> {
  const done: UserEntry[] = [];
  const failed: EntryFailure[] = [];
  let outOfTime = false;

  const send = (entries: UserStackAssociation[]) => caller.pacer.call(() => caller.client.send(action === 'associate'
    ? new BatchAssociateUserStackCommand({ UserStackAssociations: entries })
    : new BatchDisassociateUserStackCommand({ UserStackAssociations: entries })), caller.deadline);

  const runChunk = async (batch: UserEntry[]) => {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      let errors: UserStackAssociationError[];
      try {
        errors = (await send(pending.map((u) => toEntry(stackName, u, action, sendEmailNotification)))).errors ?? [];
      } catch (error) {
        if (isDeadlineReached(error)) {
          outOfTime = true; // the next poll sends these again
          return;
        }
        if (action === 'disassociate' && isNotFound(error)) {
          done.push(...pending); // the stack is gone, and its associations with it
          return;
        }
        throw error;
      }
      const errorByKey = new Map<string, UserStackAssociationError>();
      for (const e of errors) {
        const a = e.UserStackAssociation;
        if (a?.UserName !== undefined && a.AuthenticationType !== undefined) {
          errorByKey.set(userKey({ UserName: a.UserName, AuthenticationType: a.AuthenticationType }), e);
        }
      }
      if (errors.length > 0 && errorByKey.size === 0) {
        // Errors we cannot attribute to a user: do not claim success for any entry.
        throw new Error(`${action} on stack ${stackName} returned ${errors.length} error(s) without user names`);
      }
      const retryNext: UserEntry[] = [];
      for (const user of pending) {
        const e = errorByKey.get(userKey(user));
        const code = e?.ErrorCode;
        if (!e || (action === 'disassociate' && code && GONE_CODES.has(code))) {
          done.push(user);
        } else if (code === 'INTERNAL_ERROR' && attempt < ENTRY_ATTEMPTS) {
          retryNext.push(user);
        } else {
          failed.push({ user, code: code ?? 'UNKNOWN', message: e.ErrorMessage });
        }
      }
      pending = retryNext;
    }
  };

  await forEachBounded(chunk(users), concurrencyFor(caller.pacer), runChunk, () => outOfTime || caller.deadline.passed);
  return { done, failed, outOfTime: outOfTime || done.length + failed.length < users.length };
}
