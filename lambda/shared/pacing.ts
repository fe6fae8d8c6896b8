/**
 * The one retry policy of every handler: calls paced by a shared adaptive rate limiter, retried
 * until the invocation's deadline rather than a fixed number of times.
 *
 * - Throttling errors lower the rate (`AdaptiveRateLimiter`) and the call takes the next slot.
 * - Other retryable errors (5xx, dropped connections, `ConcurrentModificationException`) wait an
 *   exponential backoff with full jitter, then take a slot too.
 * - Errors that are not retryable fail at once.
 * - No attempt starts after the deadline: the call fails with `DeadlineReachedError`, which a
 *   handler that continues in its next invocation (isComplete) takes as "not yet", not as failure.
 */
import { AdaptiveRateLimiter } from './rate-limiter';
import { describeError, isRetryable, isThrottling } from './retry';

/** The moment after which a handler starts no new call, so that its invocation ends cleanly. */
export class Deadline {
  /** A deadline `marginMs` before the end of the Lambda invocation of `context`. */
  public static of(context: { getRemainingTimeInMillis?: () => number } | undefined, marginMs: number, now: () => number = Date.now): Deadline {
    const remaining = context?.getRemainingTimeInMillis?.();
    return new Deadline(remaining === undefined ? Number.POSITIVE_INFINITY : now() + remaining - marginMs, now);
  }

  public constructor(public readonly at: number, private readonly now: () => number = Date.now) {}

  /** Milliseconds left until the deadline (negative once passed). */
  public remainingMs(): number {
    return this.at - this.now();
  }

  /** Whether the deadline has passed. */
  public get passed(): boolean {
    return this.remainingMs() <= 0;
  }
}

/** A call that could not succeed before the deadline; `cause` is the last error, if any. */
export class DeadlineReachedError extends Error {
  public constructor(public readonly cause?: unknown) {
    super(`No time left in this invocation${cause === undefined ? '' : ` (last error ${describeError(cause)})`}`);
    this.name = 'DeadlineReachedError';
  }
}

/** Whether `error` is (or wraps) a `DeadlineReachedError`. */
export function isDeadlineReached(error: unknown): error is DeadlineReachedError {
  return error instanceof DeadlineReachedError || (error as { name?: string } | undefined)?.name === 'DeadlineReachedError';
}

export interface PacerOptions {
  readonly limiter: AdaptiveRateLimiter;
  /** Base of the backoff after a non-throttling retryable error, in ms. @default 200 */
  readonly baseDelayMs?: number;
  /** Upper bound of one backoff, in ms. @default 20000 */
  readonly maxDelayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends calls through one rate limiter, retrying until a deadline. */
export class Pacer {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  /** Attempts made and attempts that succeeded, for logs and benchmarks. */
  public readonly stats = { attempts: 0, throttled: 0, succeeded: 0 };

  public constructor(public readonly limiter: AdaptiveRateLimiter, options: Omit<PacerOptions, 'limiter'> = {}) {
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.baseDelayMs = options.baseDelayMs ?? 200;
    this.maxDelayMs = options.maxDelayMs ?? Math.max(this.baseDelayMs, 20_000);
  }

  /** Runs `call` until it succeeds, fails with an error that is not retryable, or `deadline` passes. */
  public async call<T>(call: () => Promise<T>, deadline: Deadline): Promise<T> {
    let lastError: unknown;
    let failures = 0;
    for (;;) {
      const wait = this.limiter.reserve(deadline.remainingMs());
      if (wait === undefined) {
        throw new DeadlineReachedError(lastError);
      }
      if (wait > 0) {
        await this.sleep(wait);
      }
      this.stats.attempts++;
      try {
        const result = await call();
        this.limiter.onAdmitted();
        this.stats.succeeded++;
        return result;
      } catch (error) {
        if (!isRetryable(error)) {
          this.limiter.onAdmitted(); // the service answered: the rate was fine
          throw error;
        }
        lastError = error;
        if (isThrottling(error)) {
          this.stats.throttled++;
          this.limiter.onThrottled();
          continue;
        }
        this.limiter.onAdmitted();
        failures++;
        const backoff = Math.floor(this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (failures - 1)));
        if (deadline.remainingMs() < backoff) {
          throw new DeadlineReachedError(lastError);
        }
        await this.sleep(backoff);
      }
    }
  }
}
