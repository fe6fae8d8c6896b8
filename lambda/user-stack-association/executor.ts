/**
 * The AppStream side of the handler: paginated reads and chunked batch calls with bounded
 * concurrency. Every call goes through `withRetries` (clients are built with `maxAttempts: 1`).
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
import type { UserEntry } from '../../src/private/user-stack-association-contract';
import { defaultRetryOptions, withRetries, type RetryOptions } from '../shared/retry';

/** Batch calls in flight at once (env `APPSTREAM_BATCH_CONCURRENCY` overrides). */
export const DEFAULT_CONCURRENCY = 4;

/** Rounds in which entries answered with the per-entry code INTERNAL_ERROR are sent again. */
const ENTRY_ATTEMPTS = 3;

/** Per-entry codes that mean "already gone" when disassociating. */
const GONE_CODES: ReadonlySet<string> = new Set(['STACK_NOT_FOUND', 'USER_NAME_NOT_FOUND']);

export type BatchAction = 'associate' | 'disassociate';

export interface ExecutorOptions {
  /** Batch calls in flight at once. */
  readonly concurrency: number;
  /** Set SendEmailNotification on the USERPOOL entries of associate calls. */
  readonly sendEmailNotification?: boolean;
  /** True when no new call should start (the Lambda's time budget is nearly spent). */
  readonly outOfTime?: () => boolean;
  readonly retry?: RetryOptions;
}

/** Outcome of a chunked batch operation. */
export interface BatchOutcome {
  /** Users for which the call succeeded (for disassociate: also those already gone). */
  readonly done: UserEntry[];
  /** Users the API refused, with their per-entry code. */
  readonly failed: EntryFailure[];
}

/**
 * Thrown when a call fails for good (a non-retryable error, retries exhausted, or out of time);
 * carries what was done before, so the caller can roll back.
 */
export class BatchAbortedError extends Error {
  constructor(message: string, public readonly done: UserEntry[], public readonly failed: EntryFailure[]) {
    super(message);
    this.name = 'BatchAbortedError';
  }
}

function isNotFound(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'ResourceNotFoundException';
}

/** Every user associated with `stackName` (pages of 500). Throws ResourceNotFoundException for a missing stack. */
export async function listAssociations(
  client: AppStreamClient, stackName: string, retry: RetryOptions = defaultRetryOptions(),
): Promise<UserEntry[]> {
  const users: UserEntry[] = [];
  let nextToken: string | undefined;
  do {
    const token = nextToken;
    const page = await withRetries(() => client.send(new DescribeUserStackAssociationsCommand({
      StackName: stackName,
      MaxResults: MAX_PAGE_SIZE,
      ...(token ? { NextToken: token } : {}),
    })), retry);
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
 * Associates or disassociates `users` with `stackName` in chunks of 25, `concurrency` chunks at a
 * time. Per-entry INTERNAL_ERROR is retried; other per-entry errors are returned in `failed`
 * (for disassociate, STACK_NOT_FOUND / USER_NAME_NOT_FOUND count as done, as does a missing stack).
 */
export async function runBatches(
  client: AppStreamClient, action: BatchAction, stackName: string, users: readonly UserEntry[], options: ExecutorOptions,
): Promise<BatchOutcome> {
  const retry = options.retry ?? defaultRetryOptions();
  const done: UserEntry[] = [];
  const failed: EntryFailure[] = [];
  const sendEmail = options.sendEmailNotification ?? false;

  const send = (entries: UserStackAssociation[]) => withRetries(() => client.send(action === 'associate'
    ? new BatchAssociateUserStackCommand({ UserStackAssociations: entries })
    : new BatchDisassociateUserStackCommand({ UserStackAssociations: entries })), retry);

  const runChunk = async (batch: UserEntry[]) => {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt++) {
      let errors: UserStackAssociationError[];
      try {
        errors = (await send(pending.map((u) => toEntry(stackName, u, action, sendEmail)))).errors ?? [];
      } catch (error) {
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
      if (errors.length > 0 && errorByKey.size === 0) {
        // Errors we cannot attribute to a user: do not claim success for any entry.
        throw new Error(`${action} on stack ${stackName} returned ${errors.length} error(s) without user names`);
      }
      pending = retryNext;
      if (pending.length > 0) {
        const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
        await (retry.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))))(Math.floor((retry.random ?? Math.random)() * ceiling));
      }
    }
  };

  const chunks = chunk(users);
  let outOfTime = false;
  const stop = () => {
    outOfTime = outOfTime || (options.outOfTime?.() ?? false);
    return outOfTime;
  };
  try {
    await forEachBounded(chunks, options.concurrency, runChunk, stop);
  } catch (error) {
    const e = error as Error;
    throw new BatchAbortedError(`Failed to ${action} users ${action === 'associate' ? 'with' : 'from'} stack ${stackName}: `
      + `${e.name ?? 'Error'}: ${e.message ?? String(error)}`, done, failed);
  }
  if (outOfTime) {
    throw new BatchAbortedError(`Ran out of time to ${action} users ${action === 'associate' ? 'with' : 'from'} stack ${stackName} `
      + `(${done.length + failed.length} of ${users.length} processed)`, done, failed);
  }
  return { done, failed };
}
