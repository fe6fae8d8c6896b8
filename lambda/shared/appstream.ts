/**
 * The one AppStream client set-up of every handler: an SDK client without its own retries
 * (`maxAttempts: 1`), and a `Pacer` whose adaptive rate limiter lives as long as the Lambda
 * process, so that a warm function starts each poll at the rate it last found admitted.
 *
 * Environment (tests and benchmarks against the local fake endpoint):
 * `APPSTREAM_RETRY_BASE_DELAY_MS` shortens the backoff of non-throttling errors,
 * `APPSTREAM_INITIAL_REQUEST_RATE` sets the first rate before anything is measured.
 */
import { AppStreamClient } from '@aws-sdk/client-appstream';
import { Deadline, Pacer } from './pacing';
import { AdaptiveRateLimiter } from './rate-limiter';
import { INVOCATION_MARGIN_MS } from '../../src/core/private/provider-contract';

let client: AppStreamClient | undefined;
let pacer: Pacer | undefined;

/** The process-wide AppStream client (created on first use). */
export function appStreamClient(): AppStreamClient {
  client ??= new AppStreamClient({ maxAttempts: 1 });
  return client;
}

/** The process-wide pacer of AppStream calls (created on first use). */
export function appStreamPacer(): Pacer {
  pacer ??= newPacer();
  return pacer;
}

/** A new pacer with the settings of the environment (one per service: each has its own rate). */
export function newPacer(): Pacer {
  const initialRate = positiveNumber(process.env.APPSTREAM_INITIAL_REQUEST_RATE);
  const baseDelayMs = positiveNumber(process.env.APPSTREAM_RETRY_BASE_DELAY_MS);
  return new Pacer(new AdaptiveRateLimiter({ initialRate }), { baseDelayMs });
}

/** Forgets the process-wide client and pacer (tests that change the environment). */
export function resetAppStreamClient(): void {
  client = undefined;
  pacer = undefined;
}

function positiveNumber(text: string | undefined): number | undefined {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** AppStream calls of one invocation: paced, retried until the invocation's deadline. */
export interface AppStreamCalls {
  readonly deadline: Deadline;
  call<T>(request: (client: AppStreamClient) => Promise<T>): Promise<T>;
}

/**
 * The AppStream calls of the invocation of `context` (no context: no deadline, as in tests), which
 * start no attempt once less than `marginMs` remains (custom resources keep a minute; a function
 * that answers an HTTP request within seconds keeps less).
 */
export function appStreamCalls(context?: { getRemainingTimeInMillis?: () => number }, marginMs: number = INVOCATION_MARGIN_MS): AppStreamCalls {
  const deadline = Deadline.of(context, marginMs);
  const appStream = appStreamClient();
  const pacing = appStreamPacer();
  return { deadline, call: (request) => pacing.call(() => request(appStream), deadline) };
}
