/**
 * An emulator of aws-cdk-lib's custom-resources `Provider` framework with an `isComplete` handler
 * (runtime/framework.js and cfn-response.js), to run a handler through a whole CloudFormation
 * operation in tests and benchmarks without AWS:
 *
 * - onEvent's answer is merged into the event (`PhysicalResourceId` defaults to the RequestId on a
 *   Create and to the event's on Update and Delete; a Delete may not change it); that event goes to
 *   isComplete at once, then again every `queryIntervalMs` (the waiter state machine's retries).
 * - `IsComplete: false` with Data is an error; `IsComplete: true` answers SUCCESS with the physical
 *   id of isComplete (or the event's) and the event's Data merged with isComplete's.
 * - A handler that throws answers FAILED with its message; a Create whose onEvent threw gets the
 *   marker physical id, and a Delete with that id succeeds without calling the handler.
 * - No completion after `totalTimeoutMs` answers FAILED "Operation timed out". The real waiter counts
 *   retries (totalTimeout ÷ queryInterval) and so runs longer when polls are slow; the emulator also
 *   stops at `totalTimeoutMs` of wall time, as CloudFormation's one-hour limit would.
 *
 * Payloads go through JSON both ways, as through Lambda. Each invocation's context counts down from
 * `invocationTimeoutMs`; an invocation that overruns it fails as Lambda's "Task timed out" would (the
 * emulator cannot stop the handler, so it judges once the handler returns).
 */
import { randomUUID } from 'node:crypto';
import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceDeleteEvent,
  CloudFormationCustomResourceEvent,
  CloudFormationCustomResourceUpdateEvent,
} from 'aws-lambda';

/** Physical id the framework answers for a Create whose onEvent failed (cfn-response.js). */
export const CREATE_FAILED_PHYSICAL_ID_MARKER = 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED';

/** The part of Lambda's context the handlers use. */
export interface InvocationContext {
  getRemainingTimeInMillis(): number;
}

/** The user handlers of a Provider: onEvent and isComplete. */
export interface UserHandler {
  onEvent(event: any, context?: InvocationContext): Promise<any>;
  isComplete(event: any, context?: InvocationContext): Promise<any>;
}

export interface FrameworkOptions {
  /** Time between two isComplete polls (the Provider's `queryInterval`). */
  readonly queryIntervalMs: number;
  /** The Provider's `totalTimeout`: a multiple of `queryIntervalMs`, as the Provider requires. */
  readonly totalTimeoutMs: number;
  /** Timeout of each handler invocation (the Lambda function's timeout). */
  readonly invocationTimeoutMs: number;
  /** @default a real timer */
  readonly sleep?: (ms: number) => Promise<void>;
  /** @default Date.now */
  readonly now?: () => number;
  /**
   * Idempotency hook: after isComplete invocation `pollIndex` (1 for the first), invoke it again at
   * once with the same event, as an at-least-once delivery would; the second result is the one used.
   */
  readonly repeatPoll?: (pollIndex: number) => boolean;
  /** Idempotency hook: drop the result of isComplete invocation `pollIndex`, as if lost, and poll again after the interval. */
  readonly losePoll?: (pollIndex: number) => boolean;
}

/** The response the framework sends to CloudFormation, with what it took. */
export interface FrameworkResult {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, unknown>;
  readonly Reason?: string;
  /** isComplete invocations, repeated and lost ones included. */
  readonly polls: number;
  /** Handler invocations: onEvent and every poll. */
  readonly invocations: number;
  /** Sum of the handler invocations' durations. */
  readonly busyMs: number;
  /** From the event to the response, query intervals included. */
  readonly elapsedMs: number;
}

type Outcome = { readonly ok: true; readonly value: any } | { readonly ok: false; readonly reason: string };

/** Runs one CloudFormation event through `handler` as the Provider framework would. */
export async function runCustomResource(
  handler: UserHandler,
  cfnEvent: CloudFormationCustomResourceEvent,
  options: FrameworkOptions,
): Promise<FrameworkResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.totalTimeoutMs / options.queryIntervalMs;
  if (!Number.isInteger(maxRetries)) {
    throw new Error(`totalTimeoutMs (${options.totalTimeoutMs}) must be a multiple of queryIntervalMs (${options.queryIntervalMs}), as the Provider requires`);
  }
  const start = now();
  let polls = 0;
  let invocations = 0;
  let busyMs = 0;
  const respond = (response: Pick<FrameworkResult, 'Status' | 'PhysicalResourceId' | 'Data' | 'Reason'>): FrameworkResult =>
    ({ ...response, polls, invocations, busyMs, elapsedMs: now() - start });

  const invoke = async (fn: (event: any, context: InvocationContext) => Promise<any>, payload: unknown): Promise<Outcome> => {
    invocations += 1;
    const invokedAt = now();
    const context: InvocationContext = { getRemainingTimeInMillis: () => invokedAt + options.invocationTimeoutMs - now() };
    let outcome: Outcome;
    try {
      outcome = { ok: true, value: throughJson(await fn(throughJson(payload), context)) };
    } catch (error) {
      outcome = { ok: false, reason: (error as Error)?.message ?? String(error) };
    }
    const duration = now() - invokedAt;
    busyMs += duration;
    return duration > options.invocationTimeoutMs
      ? { ok: false, reason: `Task timed out after ${(options.invocationTimeoutMs / 1000).toFixed(2)} seconds` }
      : outcome;
  };

  const event = throughJson(cfnEvent) as CloudFormationCustomResourceEvent;
  const eventPhysicalId = event.RequestType === 'Create' ? undefined : event.PhysicalResourceId;
  if (event.RequestType === 'Delete' && eventPhysicalId === CREATE_FAILED_PHYSICAL_ID_MARKER) {
    return respond({ Status: 'SUCCESS', PhysicalResourceId: CREATE_FAILED_PHYSICAL_ID_MARKER });
  }
  event.ResourceProperties ??= {} as CloudFormationCustomResourceEvent['ResourceProperties'];

  const onEventOutcome = await invoke(handler.onEvent.bind(handler), event);
  if (!onEventOutcome.ok) {
    return respond({ Status: 'FAILED', PhysicalResourceId: eventPhysicalId ?? CREATE_FAILED_PHYSICAL_ID_MARKER, Reason: onEventOutcome.reason });
  }
  const onEventResult = onEventOutcome.value ?? {};
  const physicalId: string = onEventResult.PhysicalResourceId || (eventPhysicalId ?? event.RequestId);
  if (event.RequestType === 'Delete' && physicalId !== eventPhysicalId) {
    return respond({
      Status: 'FAILED',
      PhysicalResourceId: eventPhysicalId!,
      Reason: `DELETE: cannot change the physical resource ID from "${eventPhysicalId}" to "${physicalId}" during deletion`,
    });
  }
  const pollEvent = { ...event, ...onEventResult, PhysicalResourceId: physicalId };

  let retries = 0;
  for (;;) {
    polls += 1;
    const pollIndex = polls;
    const outcome = await invoke(handler.isComplete.bind(handler), pollEvent);
    if (options.repeatPoll?.(pollIndex)) {
      continue;
    }
    if (!options.losePoll?.(pollIndex)) {
      if (!outcome.ok) {
        return respond({ Status: 'FAILED', PhysicalResourceId: physicalId, Reason: outcome.reason });
      }
      const result = outcome.value;
      if (result === null || typeof result !== 'object') {
        return respond({ Status: 'FAILED', PhysicalResourceId: physicalId, Reason: `isComplete returned ${JSON.stringify(result)}, not an object` });
      }
      if (result.IsComplete) {
        return respond({
          Status: 'SUCCESS',
          PhysicalResourceId: result.PhysicalResourceId ?? physicalId,
          Data: { ...pollEvent.Data, ...result.Data },
        });
      }
      if (result.Data && Object.keys(result.Data).length > 0) {
        return respond({ Status: 'FAILED', PhysicalResourceId: physicalId, Reason: '"Data" is not allowed if "IsComplete" is "False"' });
      }
    }
    if (retries >= maxRetries || now() + options.queryIntervalMs - start > options.totalTimeoutMs) {
      return respond({ Status: 'FAILED', PhysicalResourceId: physicalId, Reason: 'Operation timed out' });
    }
    retries += 1;
    await sleep(options.queryIntervalMs);
  }
}

/** A value as it arrives after a trip through JSON (undefined becomes null, as Lambda's payload "null"). */
function throughJson<T>(value: T): T {
  return value === undefined ? (null as T) : JSON.parse(JSON.stringify(value));
}

/** Identity of one custom resource in a stack, for its events. */
export interface ResourceIdentity {
  readonly resourceType: string;
  /** @default 'Resource' */
  readonly logicalResourceId?: string;
  /** @default 'arn:aws:lambda:us-east-1:123456789012:function:provider-framework-onEvent' */
  readonly serviceToken?: string;
  /** @default a stack named 'test' in us-east-1 */
  readonly stackId?: string;
}

/**
 * CloudFormation events of one custom resource, as CloudFormation sends them: a new RequestId each,
 * and ServiceToken among the ResourceProperties.
 */
export function resourceEvents(identity: ResourceIdentity) {
  const serviceToken = identity.serviceToken ?? 'arn:aws:lambda:us-east-1:123456789012:function:provider-framework-onEvent';
  const common = () => {
    const requestId = randomUUID();
    return {
      ServiceToken: serviceToken,
      ResponseURL: `https://example.invalid/cloudformation-response/${requestId}`,
      StackId: identity.stackId ?? 'arn:aws:cloudformation:us-east-1:123456789012:stack/test/5b6e3f40-0000-0000-0000-000000000000',
      RequestId: requestId,
      LogicalResourceId: identity.logicalResourceId ?? 'Resource',
      ResourceType: identity.resourceType,
    };
  };
  const withToken = (properties: Record<string, unknown>) => ({ ...properties, ServiceToken: serviceToken });
  return {
    create: (properties: Record<string, unknown>): CloudFormationCustomResourceCreateEvent =>
      ({ ...common(), RequestType: 'Create', ResourceProperties: withToken(properties) }),
    update: (
      physicalResourceId: string, properties: Record<string, unknown>, oldProperties: Record<string, unknown>,
    ): CloudFormationCustomResourceUpdateEvent =>
      ({
        ...common(),
        RequestType: 'Update',
        PhysicalResourceId: physicalResourceId,
        ResourceProperties: withToken(properties),
        OldResourceProperties: withToken(oldProperties),
      }),
    delete: (physicalResourceId: string, properties: Record<string, unknown>): CloudFormationCustomResourceDeleteEvent =>
      ({ ...common(), RequestType: 'Delete', PhysicalResourceId: physicalResourceId, ResourceProperties: withToken(properties) }),
  };
}
