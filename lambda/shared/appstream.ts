/**
 * The one AppStream client set-up of every handler: an SDK client without its own retries
 * (`maxAttempts: 1`), and a `Pacer` whose adaptive rate limiter lives as long as the Lambda
 * process, so that a warm function starts each poll at the rate it last found admitted. One of
 * each per Region (the function's own, and any other a handler acts in, such as CopyImage's
 * destination): each Region admits its own rate.
 *
 * Environment (tests and benchmarks against the local fake endpoint):
 * `APPSTREAM_RETRY_BASE_DELAY_MS` shortens the backoff of non-throttling errors,
 * `APPSTREAM_INITIAL_REQUEST_RATE` sets the first rate before anything is measured.
 */
import { AppStreamClient } from '@aws-sdk/client-appstream';
import { Deadline, Pacer } from './pacing';
import { AdaptiveRateLimiter } from './rate-limiter';
import { INVOCATION_MARGIN_MS } from '../../src/core/private/provider-contract';

/** The key of the function's own Region in the maps below. */
const HOME_REGION = '';
const clients = new Map<string, AppStreamClient>();
const pacers = new Map<string, Pacer>();

/** The process-wide AppStream client of `region` (default: the function's own), created on first use. */
export function appStreamClient(region?: string): AppStreamClient {
  const key = region ?? HOME_REGION;
  let client = clients.get(key);
  if (!client) {
    client = new AppStreamClient(region === undefined ? { maxAttempts: 1 } : { maxAttempts: 1, region });
    clients.set(key, client);
  }
  return client;
}

/** The process-wide pacer of AppStream calls to `region` (default: the function's own), created on first use. */
export function appStreamPacer(region?: string): Pacer {
  const key = region ?? HOME_REGION;
  let pacer = pacers.get(key);
  if (!pacer) {
    pacer = newPacer();
    pacers.set(key, pacer);
  }
  return pacer;
}

/** A new pacer with the settings of the environment (one per service: each has its own rate). */
export function newPacer(): Pacer {
  const initialRate = positiveNumber(process.env.APPSTREAM_INITIAL_REQUEST_RATE);
  const baseDelayMs = positiveNumber(process.env.APPSTREAM_RETRY_BASE_DELAY_MS);
  return new Pacer(new AdaptiveRateLimiter({ initialRate }), { baseDelayMs });
}

/** Forgets the process-wide clients and pacers (tests that change the environment). */
export function resetAppStreamClient(): void {
  clients.clear();
  pacers.clear();
}

function positiveNumber(text: string | undefined): number | undefined {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** AppStream calls of one invocation: paced, retried until the invocation's deadline. */
export interface AppStreamCalls {
  readonly deadline: Deadline;
  call<T>(request: (client: AppStreamClient) => Promise<T>): Promise<T>;
  /** The calls of the same invocation (same deadline) to another Region, with that Region's client and pacer. */
  inRegion(region: string): AppStreamCalls;
}

/**
 * The AppStream calls of the invocation of `context` (no context: no deadline, as in tests), which
 * start no attempt once less than `marginMs` remains (custom resources keep a minute; a function
 * that answers an HTTP request within seconds keeps less).
 */
export function appStreamCalls(context?: { getRemainingTimeInMillis?: () => number }, marginMs: number = INVOCATION_MARGIN_MS): AppStreamCalls {
  return callsIn(Deadline.of(context, marginMs));
}

function callsIn(deadline: Deadline, region?: string): AppStreamCalls {
  const appStream = appStreamClient(region);
  const pacing = appStreamPacer(region);
  return {
    deadline,
    call: (request) => pacing.call(() => request(appStream), deadline),
    inRegion: (other) => callsIn(deadline, other),
  };
}
