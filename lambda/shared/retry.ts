/**
 * Which errors of an AWS call are worth another attempt, and which of those are throttling.
 *
 * Handlers create their clients with `maxAttempts: 1` and send every call through `Pacer.call`
 * (`pacing.ts`), the one retry policy for all of them: the SDK's standard retry does not know
 * AppStream's `RequestLimitExceededException` nor `ConcurrentModificationException`, and two
 * stacked policies would multiply their attempts.
 */

/** Error names that mean "too many requests": the rate must come down. */
export const THROTTLING_ERROR_NAMES: ReadonlySet<string> = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestLimitExceededException',
  'SlowDown',
]);

/** Error names that mean "try again later" without saying anything about the rate. */
const TRANSIENT_ERROR_NAMES: ReadonlySet<string> = new Set([
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
  readonly $retryable?: { readonly throttling?: boolean };
  readonly cause?: unknown;
}

function asErrorLike(error: unknown): ErrorLike | undefined {
  return typeof error === 'object' && error !== null ? error as ErrorLike : undefined;
}

/** Whether an error says that requests come too fast (HTTP 429 included). */
export function isThrottling(error: unknown): boolean {
  const e = asErrorLike(error);
  if (!e) {
    return false;
  }
  if ((e.name && THROTTLING_ERROR_NAMES.has(e.name)) || e.$metadata?.httpStatusCode === 429 || e.$retryable?.throttling === true) {
    return true;
  }
  return e.cause !== undefined && e.cause !== error && isThrottling(e.cause);
}

/** Whether an error from an AWS call is worth another attempt (throttling included). */
export function isRetryable(error: unknown): boolean {
  const e = asErrorLike(error);
  if (!e) {
    return false;
  }
  if (isThrottling(e) || (e.name && TRANSIENT_ERROR_NAMES.has(e.name)) || (e.code && NETWORK_ERROR_CODES.has(e.code))) {
    return true;
  }
  const status = e.$metadata?.httpStatusCode;
  if ((status !== undefined && status >= 500) || e.$retryable) {
    return true;
  }
  if (status === undefined && typeof e.message === 'string' && NETWORK_ERROR_MESSAGE.test(e.message)) {
    return true;
  }
  return e.cause !== undefined && e.cause !== error && isRetryable(e.cause);
}

/** The name and message of an error, for messages that CloudFormation shows. */
export function describeError(error: unknown): string {
  const e = asErrorLike(error);
  return e ? `${e.name ?? 'Error'}: ${e.message ?? String(error)}` : String(error);
}
