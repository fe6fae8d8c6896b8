/**
 * Keeping an AppStream resource that starts and stops (a fleet, an image builder) in a desired state,
 * shared by their handlers: onEvent issues the start or stop when needed, isComplete polls until the
 * resource is there and fails with the resource's own errors instead of waiting until the timeout.
 * What differs between kinds (the calls, the states, how a failure shows) is a `StartStopApi`.
 */
import type { AppStreamCalls } from './appstream';
import { describeResourceErrors } from './values';
import { DesiredStateAttributes, NO_TARGET_STATE, STATE_CHANGE_GRACE_MS } from '../../src/core/private/desired-state-contract';


export const RUNNING = 'RUNNING';
export const STOPPED = 'STOPPED';

/** What the handlers need to know of a resource. */
export interface StartStopResource {
  readonly name: string;
  readonly state?: string;
  /** Its errors as `CODE: message` pairs (FleetErrors, ImageBuilderErrors). */
  readonly errors: ReadonlyArray<{ readonly ErrorCode?: string; readonly ErrorMessage?: string }>;
}

/** One kind of resource that AppStream starts and stops. */
export interface StartStopApi {
  /** `Fleet`, `Image builder`: the start of messages. */
  readonly kind: string;
  /** The states in which a start is issued, and those a start leads to. */
  readonly startFrom: readonly string[];
  readonly starting: readonly string[];
  /** The states in which a stop is issued, and those a stop leads to. */
  readonly stopFrom: readonly string[];
  readonly stopping: readonly string[];
  describe(calls: AppStreamCalls, name: string): Promise<StartStopResource | undefined>;
  start(calls: AppStreamCalls, name: string): Promise<unknown>;
  stop(calls: AppStreamCalls, name: string): Promise<unknown>;
  /**
   * Whether `resource`, on its way to `target` (past the grace period), has failed and will not get
   * there: the handler then fails with the resource's own errors instead of waiting until the timeout.
   */
  failed(resource: StartStopResource, target: string): boolean;
}

/** What onEvent returns: the target and when the call was made, for isComplete. */
export interface DesiredStateResponse {
  readonly PhysicalResourceId: string;
  readonly Data: Record<string, string>;
}

/**
 * onEvent of a desired state: issues the start or stop `desired` needs, and says what to wait for
 * (with the handler's `extra` attributes).
 */
export async function applyDesiredState(api: StartStopApi, calls: AppStreamCalls, name: string, desired: string,
  extra: Record<string, string> = {}): Promise<DesiredStateResponse> {
  const resource = await api.describe(calls, name);
  if (!resource) {
    throw new Error(`${api.kind} "${name}" not found: cannot make it ${desired}`);
  }
  const requestedAt = await requestState(api, calls, resource, desired);
  return waitFor(name, desired, requestedAt, extra);
}

/** isComplete of a desired state: whether the resource named `name` is in `target` (one step towards it). */
export async function isInDesiredState(api: StartStopApi, calls: AppStreamCalls, name: string, target: string,
  requestedAt: number): Promise<boolean> {
  const resource = await api.describe(calls, name);
  if (!resource) {
    throw new Error(`${api.kind} "${name}" no longer exists while waiting for it to be ${target}`);
  }
  if (target !== RUNNING && target !== STOPPED) {
    throw new Error(`Unknown target state ${target}`);
  }
  return converge(api, calls, resource, target, Date.now() - requestedAt < STATE_CHANGE_GRACE_MS);
}

/**
 * Issues the start or stop if the resource is not already in or on its way to `desired`. Returns the
 * time of the call, or 0 when none was needed (already there, or in transition: isComplete takes over).
 */
export async function requestState(api: StartStopApi, calls: AppStreamCalls, resource: StartStopResource, desired: string): Promise<number> {
  const state = resource.state ?? '';
  if (desired === RUNNING && api.startFrom.includes(state)) {
    await sendStateChange(api, calls, () => api.start(calls, resource.name), resource.name, api.starting);
    return Date.now();
  }
  if (desired === STOPPED && api.stopFrom.includes(state)) {
    await sendStateChange(api, calls, () => api.stop(calls, resource.name), resource.name, api.stopping);
    return Date.now();
  }
  return 0;
}

/**
 * Sends a start or stop. If it fails (a retry after a lost response, or a concurrent change), but
 * the resource is now on its way to the state asked for, the call did its job.
 */
async function sendStateChange(api: StartStopApi, calls: AppStreamCalls, change: () => Promise<unknown>, name: string,
  reached: readonly string[]): Promise<void> {
  try {
    await change();
  } catch (error) {
    const now = await api.describe(calls, name);
    if (now?.state && reached.includes(now.state)) {
      return;
    }
    throw error;
  }
}

/**
 * One isComplete step towards `target`. A resource still in the old state right after our call may
 * be a stale answer (grace period); after that, or when it was in transition when onEvent ran, the
 * call is issued again (requestState skips transitions).
 */
async function converge(api: StartStopApi, calls: AppStreamCalls, resource: StartStopResource, target: string,
  withinGrace: boolean): Promise<boolean> {
  if (resource.state === target) {
    return true;
  }
  if (withinGrace) {
    // Right after our call Describe* may still show the old state and old errors.
    return false;
  }
  if (api.failed(resource, target)) {
    throw new Error(`${api.kind} "${resource.name}" did not reach ${target} (state ${resource.state}): ${describeErrors(resource)}`);
  }
  await requestState(api, calls, resource, target);
  return false;
}

/** The resource's errors, `CODE: message; ...`, cut to what CloudFormation shows. */
export function describeErrors(resource: StartStopResource): string {
  return describeResourceErrors(resource.errors);
}

/** What onEvent returns when isComplete must wait for `target` (or nothing, with NO_TARGET_STATE). */
export function waitFor(physicalResourceId: string, target: string, requestedAt: number, extra: Record<string, string> = {}): DesiredStateResponse {
  return {
    PhysicalResourceId: physicalResourceId,
    Data: {
      [DesiredStateAttributes.TARGET_STATE]: target,
      [DesiredStateAttributes.REQUESTED_AT]: String(requestedAt),
      ...extra,
    },
  };
}

/** What onEvent returns when there is nothing to wait for. */
export function nothingToWaitFor(physicalResourceId: string, extra: Record<string, string> = {}): DesiredStateResponse {
  return waitFor(physicalResourceId, NO_TARGET_STATE, 0, extra);
}

