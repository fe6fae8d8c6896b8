/**
 * Retries AppStream calls on the errors that the AWS SDK's standard retry does not know.
 *
 * The SDK retries `ThrottlingException`, 5xx and dropped connections, but not AppStream's
 * `RequestLimitExceededException` nor `ConcurrentModificationException`. Rather than stack two
 * retry policies (whose attempts multiply), handlers create their clients with `maxAttempts: 1`
 * and send every command through `withRetries`, the one policy for all of them.
 */

/** Error names that mean "try again later". */
export const RETRYABLE_ERROR_NAMES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestLimitExceededException',
  'ConcurrentModificationException',
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'RequestTimeout',
  'RequestTimeoutException',
  'TimeoutError',
]);

/** Node.js network error codes of a dropped or refused connection. */
const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNABORTED',
  'UND_ERR_SOCKET', 'ERR_STREAM_PREMATURE_CLOSE',
]);

export interface RetryOptions {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  /** Base delay of the exponential backoff, in milliseconds. */
  readonly baseDelayMs: number;
  /** Upper bound of one delay, in milliseconds. */
  readonly maxDelayMs: number;
  /** Waits the given number of milliseconds (replaceable in tests). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Random number in [0, 1) for the jitter (replaceable in tests). */
  readonly random?: () => number;
}

/**
 * Defaults sized for custom-resource handlers: 8 attempts, full jitter, 0.2 s doubling to 20 s,
 * at most about a minute of waiting per call. `APPSTREAM_RETRY_BASE_DELAY_MS` shortens the delays
 * in tests against the local fake endpoint.
 */
export function defaultRetryOptions(): RetryOptions {
  const base = Number(process.env.APPSTREAM_RETRY_BASE_DELAY_MS ?? '200');
  return { maxAttempts: 8, baseDelayMs: base, maxDelayMs: Math.max(base, 100 * base) };
}

/**
 * A dropped connection as seen in a message: the SDK's retry middleware replaces an error that is
 * not `instanceof Error` (a Node.js error from another realm, as under Jest) by
 * `Error("AWS SDK error wrapper for TimeoutError: socket hang up")`, which keeps only the text.
 */
const NETWORK_ERROR_MESSAGE = /\b(socket hang up|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|ECONNABORTED)\b/;

interface ErrorLike {
  readonly message?: string;
  readonly name?: string;
  readonly code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $retryable?: unknown;
  readonly cause?: unknown;
}

/** Whether an error from an AppStream call is worth another attempt. */
export function isRetryable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const e = error as ErrorLike;
  if (e.name && RETRYABLE_ERROR_NAMES.has(e.name)) {
    return true;
  }
  if (e.code && NETWORK_ERROR_CODES.has(e.code)) {
    return true;
  }
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined && (status >= 500 || status === 429)) {
    return true;
  }
  if (e.$retryable) {
    return true;
  }
  if (status === undefined && typeof e.message === 'string' && NETWORK_ERROR_MESSAGE.test(e.message)) {
    return true;
  }
  return e.cause !== undefined && e.cause !== error && isRetryable(e.cause);
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call` until it succeeds, fails with an error that is not retryable, or runs out of
 * attempts; waits with exponential backoff and full jitter in between.
 */
export async function withRetries<T>(call: () => Promise<T>, options: RetryOptions = defaultRetryOptions()): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= options.maxAttempts || !isRetryable(error)) {
        throw error;
      }
      const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
      await sleep(Math.floor(random() * ceiling));
    }
  }
}
