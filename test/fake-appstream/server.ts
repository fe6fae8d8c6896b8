/**
 * A local fake of the AppStream (WorkSpaces Applications) API for end-to-end handler tests and
 * benchmarks: the AWS JSON 1.1 protocol on 127.0.0.1, so the real `@aws-sdk/client-appstream`
 * talks to it unmodified (point it here with the client's `endpoint` option, or with
 * `AWS_ENDPOINT_URL_APPSTREAM` plus dummy credentials).
 *
 * - Operations are pluggable: `register('DescribeFleets', (input) => output)`; a handler throws
 *   `FakeServiceError` to answer an AWS error. `users.ts` registers the user/stack operations.
 * - Every request is logged in `calls` (operation, input, time, outcome).
 * - Faults are injected per operation (or `'*'`), for a number of requests (`injectFault`) or
 *   with a probability (`injectFaultRate`, seeded so that runs repeat): a named AWS error, an HTTP
 *   status, a dropped connection, or a response lost after the operation was applied.
 * - An optional token-bucket rate limit rejects every request beyond it, as AWS does (it never
 *   queues): HTTP 400 `ThrottlingException` (or `RequestLimitExceededException`) "Rate exceeded".
 *   A rejected request takes no token, so a client that keeps retrying gets nothing extra through.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { resetAppStreamClient } from '../../lambda/shared/appstream';

/** An AWS error answered by the fake: `{ "__type": type, "message": message }` with `status`. */
export class FakeServiceError extends Error {
  constructor(public readonly type: string, message: string, public readonly status: number = 400) {
    super(message);
    this.name = 'FakeServiceError';
  }
}

/** What a request says besides its input: the Region its client signed it for. */
export interface RequestContext {
  /** From the SigV4 credential scope (`Credential=<key>/<date>/<region>/appstream/aws4_request`). */
  readonly region: string;
}

/** Implementation of one operation: takes the parsed JSON input, returns the JSON output. */
export type OperationHandler = (input: any, request: RequestContext) => any | Promise<any>;

/** A fault answered instead of (or, for `lostResponse`, after) the operation. */
export type Fault =
  /** An AWS error, e.g. ThrottlingException, RequestLimitExceededException, ConcurrentModificationException. */
  | { readonly kind: 'error'; readonly type: string; readonly status?: number; readonly message?: string }
  /** A bare HTTP status with an AWS error body (500 InternalFailure, 503 ServiceUnavailable). */
  | { readonly kind: 'status'; readonly status: number }
  /** The connection is destroyed without a response; the operation is not applied. */
  | { readonly kind: 'drop' }
  /** The operation IS applied, then the connection is destroyed without a response. */
  | { readonly kind: 'lostResponse' };

/** Shorthands accepted by `injectFault`. */
export type FaultName =
  | 'ThrottlingException'
  | 'RequestLimitExceededException'
  | 'ConcurrentModificationException'
  | 'http500'
  | 'http503'
  | 'drop'
  | 'lostResponse';

/** Turns a shorthand into a `Fault`. */
export function toFault(fault: Fault | FaultName): Fault {
  if (typeof fault !== 'string') {
    return fault;
  }
  switch (fault) {
    case 'http500': return { kind: 'status', status: 500 };
    case 'http503': return { kind: 'status', status: 503 };
    case 'drop': return { kind: 'drop' };
    case 'lostResponse': return { kind: 'lostResponse' };
    default: return { kind: 'error', type: fault, status: 400 };
  }
}

/** One request received by the fake. */
export interface CallRecord {
  readonly operation: string;
  readonly input: any;
  /** `Date.now()` when the request arrived. */
  readonly time: number;
  /** 'ok', 'error:<type>' (from the handler), 'fault:<kind or type>', 'throttled' (rate limit) or 'unknown-operation'. */
  outcome: string;
}

/** Token-bucket rate limit: requests beyond it are rejected. */
export interface RateLimit {
  /** Tokens added per second. */
  readonly requestsPerSecond: number;
  /** Bucket size: requests that may go at once. @default 1 */
  readonly burst?: number;
  /** The error answered beyond the rate (AppStream answers both, depending on the operation). @default 'ThrottlingException' */
  readonly rejectWith?: 'ThrottlingException' | 'RequestLimitExceededException';
}

/** A uniform random number in [0, 1). */
export type RandomSource = () => number;

/** Seed of the default random source of `injectFaultRate`: the same faults on every run. */
const FAULT_SEED = 0x5eed;

/* eslint-disable no-bitwise -- the PRNG is 32-bit integer arithmetic */
/** mulberry32: a small seeded PRNG, so that probabilistic faults repeat from run to run. */
export function seededRandom(seed: number = FAULT_SEED): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
/* eslint-enable no-bitwise */

const TARGET_PREFIX = 'PhotonAdminProxyService.';
const CONTENT_TYPE = 'application/x-amz-json-1.1';

interface PendingFault { fault: Fault; remaining: number }
interface RandomFault { readonly fault: Fault; readonly probability: number; readonly random: RandomSource }

export class FakeAppStream {
  /** Every request received, in arrival order. */
  public readonly calls: CallRecord[] = [];
  private readonly handlers = new Map<string, OperationHandler>();
  private readonly faults = new Map<string, PendingFault[]>();
  private readonly randomFaults = new Map<string, RandomFault[]>();
  private server?: http.Server;
  private rateLimit?: RateLimit;
  private tokens = 0;
  private lastRefill = 0;

  /** Registers (or replaces) the implementation of an operation. */
  public register(operation: string, handler: OperationHandler): this {
    this.handlers.set(operation, handler);
    return this;
  }

  /** Answers the next `times` requests of `operation` (or of any operation with `'*'`) with a fault. */
  public injectFault(operation: string, fault: Fault | FaultName, times: number = 1): this {
    const queue = this.faults.get(operation) ?? [];
    queue.push({ fault: toFault(fault), remaining: times });
    this.faults.set(operation, queue);
    return this;
  }

  /**
   * Answers each request of `operation` (or of any operation with `'*'`) that passed the rate limit
   * with a fault, with `probability` (0 to 1). `random` defaults to a PRNG with a fixed seed.
   */
  public injectFaultRate(operation: string, fault: Fault | FaultName, probability: number, random: RandomSource = seededRandom()): this {
    if (!(probability >= 0 && probability <= 1)) {
      throw new Error(`fault probability must be between 0 and 1, got ${probability}`);
    }
    const list = this.randomFaults.get(operation) ?? [];
    list.push({ fault: toFault(fault), probability, random });
    this.randomFaults.set(operation, list);
    return this;
  }

  /** Removes every pending and probabilistic fault. */
  public clearFaults(): void {
    this.faults.clear();
    this.randomFaults.clear();
  }

  /** Sets (or, with `undefined`, removes) the rate limit. */
  public setRateLimit(limit: RateLimit | undefined): void {
    this.rateLimit = limit;
    this.tokens = limit?.burst ?? 1;
    this.lastRefill = Date.now();
  }

  /** Number of requests received for `operation` (all operations when omitted), whatever their outcome. */
  public count(operation?: string, outcome?: string): number {
    return this.calls.filter((c) => (operation === undefined || c.operation === operation)
      && (outcome === undefined || c.outcome === outcome)).length;
  }

  /** Forgets the call log. */
  public resetCalls(): void {
    this.calls.length = 0;
  }

  /** Starts listening on 127.0.0.1 on a random port; returns the endpoint URL. */
  public async start(): Promise<string> {
    const server = http.createServer((req, res) => {
      void this.handle(req, res);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Stops listening and closes every connection. */
  public async stop(): Promise<void> {
    const server = this.server;
    if (!server) {
      return;
    }
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The fault for this request, if any: counted faults first, then probabilistic ones. */
  private takeFault(operation: string): Fault | undefined {
    const keys = [operation, '*'];
    for (const key of keys) {
      const queue = this.faults.get(key);
      const head = queue?.[0];
      if (queue && head) {
        head.remaining -= 1;
        if (head.remaining <= 0) {
          queue.shift();
        }
        return head.fault;
      }
    }
    for (const key of keys) {
      const hit = this.randomFaults.get(key)?.find((f) => f.random() < f.probability);
      if (hit) {
        return hit.fault;
      }
    }
    return undefined;
  }

  /** Takes a token for the request; false if the bucket is empty (the request is rejected and takes none). */
  private admit(limit: RateLimit): boolean {
    const now = Date.now();
    this.tokens = Math.min(limit.burst ?? 1, this.tokens + ((now - this.lastRefill) / 1000) * limit.requestsPerSecond);
    this.lastRefill = now;
    if (this.tokens < 1) {
      return false;
    }
    this.tokens -= 1;
    return true;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const target = String(req.headers['x-amz-target'] ?? '');
    const operation = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
    let input: any = {};
    try {
      const body = Buffer.concat(chunks).toString('utf8');
      input = body ? JSON.parse(body) : {};
    } catch {
      return this.sendError(res, new FakeServiceError('SerializationException', 'malformed JSON body'));
    }
    const record: CallRecord = { operation, input, time: Date.now(), outcome: 'ok' };
    this.calls.push(record);

    const limit = this.rateLimit;
    if (limit && !this.admit(limit)) {
      record.outcome = 'throttled';
      return this.sendError(res, new FakeServiceError(limit.rejectWith ?? 'ThrottlingException', 'Rate exceeded'));
    }

    const fault = this.takeFault(operation);
    if (fault && fault.kind !== 'lostResponse') {
      switch (fault.kind) {
        case 'error':
          record.outcome = `fault:${fault.type}`;
          return this.sendError(res, new FakeServiceError(fault.type, fault.message ?? `injected ${fault.type}`, fault.status ?? 400));
        case 'status':
          record.outcome = `fault:http${fault.status}`;
          return this.sendError(res, new FakeServiceError(fault.status === 503 ? 'ServiceUnavailable' : 'InternalFailure',
            `injected HTTP ${fault.status}`, fault.status));
        case 'drop':
          record.outcome = 'fault:drop';
          req.socket.destroy();
          return;
      }
    }

    const handler = this.handlers.get(operation);
    if (!handler) {
      record.outcome = 'unknown-operation';
      return this.sendError(res, new FakeServiceError('UnknownOperationException', `fake has no operation ${operation}`));
    }
    let output: any;
    try {
      output = await handler(input, { region: signedRegion(req) });
    } catch (error) {
      const serviceError = error instanceof FakeServiceError
        ? error
        : new FakeServiceError('InternalFailure', String((error as Error)?.message ?? error), 500);
      record.outcome = `error:${serviceError.type}`;
      if (fault?.kind === 'lostResponse') {
        req.socket.destroy();
        return;
      }
      return this.sendError(res, serviceError);
    }
    if (fault?.kind === 'lostResponse') {
      record.outcome = 'fault:lostResponse';
      req.socket.destroy();
      return;
    }
    const body = JSON.stringify(output ?? {});
    res.writeHead(200, { 'Content-Type': CONTENT_TYPE, 'Content-Length': Buffer.byteLength(body), 'x-amzn-RequestId': requestId() });
    res.end(body);
  }

  private sendError(res: http.ServerResponse, error: FakeServiceError): void {
    const body = JSON.stringify({ __type: error.type, message: error.message });
    res.writeHead(error.status, {
      'Content-Type': CONTENT_TYPE,
      'Content-Length': Buffer.byteLength(body),
      'x-amzn-ErrorType': error.type,
      'x-amzn-RequestId': requestId(),
    });
    res.end(body);
  }
}

/** The Region of the SigV4 credential scope of `req` (the fake's default Region when unsigned). */
function signedRegion(req: http.IncomingMessage): string {
  const match = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(req.headers.authorization ?? ''));
  return match?.[1] ?? 'us-east-1';
}

let requestCounter = 0;
function requestId(): string {
  requestCounter += 1;
  return `fake-${process.pid}-${requestCounter}`;
}

/** How handlers behave against the fake (see `useFakeEndpoint`). */
export interface FakeEndpointOptions {
  /** Base of the backoff after non-throttling errors, in ms. @default 1 (tests); the handlers' own is 200 */
  readonly retryBaseDelayMs?: number;
  /**
   * First request rate of the handlers' rate limiter, before it has measured anything.
   * @default 1000 (tests: the pace comes from the fake's rate limit, when a test sets one); undefined keeps the handlers' own
   */
  readonly initialRequestRate?: number;
}

/**
 * Points every AppStream client that a handler creates from now on at `endpoint`, with dummy
 * credentials, and forgets the handlers' process-wide client and rate limiter, so that each test
 * starts with a fresh one.
 */
export function useFakeEndpoint(endpoint: string, options: FakeEndpointOptions = { retryBaseDelayMs: 1, initialRequestRate: 1000 }): void {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_APPSTREAM: endpoint,
    AWS_ACCESS_KEY_ID: 'fake',
    AWS_SECRET_ACCESS_KEY: 'fake',
    AWS_REGION: 'us-east-1',
    APPSTREAM_RETRY_BASE_DELAY_MS: String(options.retryBaseDelayMs ?? 1),
  });
  if (options.initialRequestRate === undefined) {
    delete process.env.APPSTREAM_INITIAL_REQUEST_RATE;
  } else {
    process.env.APPSTREAM_INITIAL_REQUEST_RATE = String(options.initialRequestRate);
  }
  delete process.env.AWS_PROFILE;
  resetAppStreamClient();
}
