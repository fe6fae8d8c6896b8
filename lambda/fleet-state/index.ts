/**
 * Handler of two custom resources that share one provider:
 *
 * - `Custom::AppStreamFleetState` keeps a fleet RUNNING or STOPPED. It depends on the fleet, so
 *   CloudFormation invokes it after creating or updating the fleet. onEvent issues StartFleet or
 *   StopFleet when needed; isComplete polls DescribeFleets until the fleet is in the desired state
 *   and fails with the fleet's own FleetErrors instead of waiting in STARTING until the timeout.
 * - `Custom::AppStreamFleetUpdateGuard` runs BEFORE CloudFormation updates the fleet (the fleet
 *   depends on it). When an update changes a property that a running fleet refuses, it stops the
 *   fleet and waits until it is STOPPED (the fleet-state resource restarts it afterwards), or, when
 *   the user opted out, fails early naming the properties.
 *
 * Neither resource ever deletes anything: the fleet belongs to CloudFormation.
 */
import {
  DescribeFleetsCommand,
  Fleet,
  StartFleetCommand,
  StopFleetCommand,
} from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent, CloudFormationCustomResourceUpdateEvent, Context } from 'aws-lambda';
import {
  ACCEPTED_WHILE_RUNNING,
  FLEET_STATE_RESOURCE_TYPE,
  FLEET_UPDATE_GUARD_RESOURCE_TYPE,
  FleetStateAttributes,
  FleetStateProps,
  FleetStates,
  NEVER_REFUSED,
  NO_TARGET_STATE,
  STATE_CHANGE_GRACE_MS,
} from '../../src/fleet/private/fleet-state-contract';
import { appStreamCalls, type AppStreamCalls } from '../shared/appstream';
import { logEvent } from '../shared/log';
import { canonical, describeResourceErrors, unlessNotFound } from '../shared/values';

/** What onEvent returns to the provider framework. */
export interface OnEventResponse {
  readonly PhysicalResourceId: string;
  readonly Data: Record<string, string>;
}

/** What isComplete receives: the CloudFormation event merged with onEvent's response. */
export type IsCompleteEvent = CloudFormationCustomResourceEvent & Partial<OnEventResponse>;

/** What isComplete returns. */
export interface IsCompleteResponse {
  readonly IsComplete: boolean;
}


export async function onEvent(event: CloudFormationCustomResourceEvent, context?: Partial<Context>): Promise<OnEventResponse> {
  logEvent(event);
  const calls = appStreamCalls(context);
  if (event.RequestType === 'Delete') {
    // The fleet is CloudFormation's: deleting this resource leaves it as it is.
    return done(event.PhysicalResourceId);
  }
  const fleetName = stringProp(event.ResourceProperties, FleetStateProps.FLEET_NAME);
  switch (event.ResourceType) {
    case FLEET_STATE_RESOURCE_TYPE:
      return applyDesiredState(calls, fleetName, desiredStateOf(event));
    case FLEET_UPDATE_GUARD_RESOURCE_TYPE:
      return event.RequestType === 'Update' ? guardUpdate(calls, event, fleetName) : done(fleetName);
    default:
      throw new Error(`Unsupported resource type ${event.ResourceType}`);
  }
}

export async function isComplete(event: IsCompleteEvent, context?: Partial<Context>): Promise<IsCompleteResponse> {
  const target = event.Data?.[FleetStateAttributes.TARGET_STATE] ?? NO_TARGET_STATE;
  if (event.RequestType === 'Delete' || target === NO_TARGET_STATE) {
    return { IsComplete: true };
  }
  const fleetName = stringProp(event.ResourceProperties, FleetStateProps.FLEET_NAME);
  const requestedAt = Number(event.Data?.[FleetStateAttributes.REQUESTED_AT] ?? '0');
  const calls = appStreamCalls(context);
  const fleet = await describeFleet(calls, fleetName);
  if (!fleet) {
    throw new Error(`Fleet "${fleetName}" no longer exists while waiting for it to be ${target}`);
  }
  const withinGrace = Date.now() - requestedAt < STATE_CHANGE_GRACE_MS;
  if (target === FleetStates.RUNNING || target === FleetStates.STOPPED) {
    return { IsComplete: await converge(calls, fleet, target, withinGrace) };
  }
  throw new Error(`Unknown target state ${target}`);
}

// ---------------------------------------------------------------------------------------------
// Fleet state
// ---------------------------------------------------------------------------------------------

async function applyDesiredState(calls: AppStreamCalls, fleetName: string, desired: string): Promise<OnEventResponse> {
  const fleet = await describeFleet(calls, fleetName);
  if (!fleet) {
    throw new Error(`Fleet "${fleetName}" not found: cannot make it ${desired}`);
  }
  const requestedAt = await requestState(calls, fleet, desired);
  return waitFor(fleetName, desired, requestedAt);
}

/**
 * Issues StartFleet / StopFleet if the fleet is not already in or on its way to `desired`.
 * Returns the time of the call, or 0 when none was needed (already there, or in transition:
 * isComplete takes over).
 */
async function requestState(calls: AppStreamCalls, fleet: Fleet, desired: string): Promise<number> {
  const name = fleet.Name!;
  if (desired === FleetStates.RUNNING && fleet.State === FleetStates.STOPPED) {
    await sendStateChange(calls, new StartFleetCommand({ Name: name }), name, [FleetStates.STARTING, FleetStates.RUNNING]);
    return Date.now();
  }
  if (desired === FleetStates.STOPPED && (fleet.State === FleetStates.RUNNING || fleet.State === FleetStates.STARTING)) {
    await sendStateChange(calls, new StopFleetCommand({ Name: name }), name, [FleetStates.STOPPING, FleetStates.STOPPED]);
    return Date.now();
  }
  return 0;
}

/**
 * Sends StartFleet / StopFleet. If it fails (a retry after a lost response, or a concurrent
 * change), but the fleet is now on its way to the state asked for, the call did its job.
 */
async function sendStateChange(calls: AppStreamCalls, command: StartFleetCommand | StopFleetCommand, name: string, reached: string[]): Promise<void> {
  try {
    await calls.call((client) => client.send(command as StartFleetCommand));
  } catch (error) {
    const now = await describeFleet(calls, name);
    if (now?.State && reached.includes(now.State)) {
      return;
    }
    throw error;
  }
}

/**
 * One isComplete step towards `target`. A fleet still in the old state right after our call may be
 * a stale answer (grace period); after that, or when it was in transition when onEvent ran
 * (STOPPING on the way to RUNNING), the call is issued again (requestState skips transitions).
 */
async function converge(calls: AppStreamCalls, fleet: Fleet, target: string, withinGrace: boolean): Promise<boolean> {
  if (fleet.State === target) {
    return true;
  }
  if (withinGrace) {
    // Right after our call DescribeFleets may still show the old state and old FleetErrors.
    return false;
  }
  if (target === FleetStates.RUNNING && fleet.FleetErrors?.length && fleet.State !== FleetStates.STOPPING) {
    // A fleet that cannot start says why in FleetErrors, while STARTING or after falling back to
    // STOPPED: fail with its own words instead of waiting until the provider's timeout.
    throw new Error(`Fleet "${fleet.Name}" did not reach RUNNING (state ${fleet.State}): ${describeErrors(fleet)}`);
  }
  await requestState(calls, fleet, target);
  return false;
}

function describeErrors(fleet: Fleet): string {
  return describeResourceErrors(fleet.FleetErrors);
}

function desiredStateOf(event: CloudFormationCustomResourceEvent): string {
  const desired = stringProp(event.ResourceProperties, FleetStateProps.DESIRED_STATE);
  if (desired !== FleetStates.RUNNING && desired !== FleetStates.STOPPED) {
    throw new Error(`${FleetStateProps.DESIRED_STATE} must be RUNNING or STOPPED, got "${desired}"`);
  }
  return desired;
}

// ---------------------------------------------------------------------------------------------
// Update guard
// ---------------------------------------------------------------------------------------------

async function guardUpdate(
  calls: AppStreamCalls,
  event: CloudFormationCustomResourceUpdateEvent,
  fleetName: string,
): Promise<OnEventResponse> {
  const oldProps = event.OldResourceProperties;
  const newProps = event.ResourceProperties;
  const oldName = oldProps[FleetStateProps.FLEET_NAME];
  const oldType = oldProps[FleetStateProps.FLEET_TYPE];
  if (oldName !== fleetName || oldType !== newProps[FleetStateProps.FLEET_TYPE]) {
    // Replacement: CloudFormation creates a new fleet (STOPPED) and deletes the old one.
    return done(fleetName);
  }
  const refused = refusedChanges(
    String(newProps[FleetStateProps.FLEET_TYPE] ?? 'ON_DEMAND'),
    objectProp(oldProps, FleetStateProps.FLEET_PROPERTIES),
    objectProp(newProps, FleetStateProps.FLEET_PROPERTIES),
  );
  if (refused.length === 0) {
    return done(fleetName);
  }
  const fleet = await describeFleet(calls, fleetName);
  if (!fleet || fleet.State === FleetStates.STOPPED) {
    // Nothing to stop; a missing fleet is CloudFormation's to report when it updates it.
    return done(fleetName, refused);
  }
  const stopForUpdates = String(newProps[FleetStateProps.STOP_FOR_UPDATES] ?? 'true') === 'true';
  if (!stopForUpdates && fleet.State !== FleetStates.STOPPING) {
    throw new Error(
      `Fleet "${fleetName}" is ${fleet.State} and a running fleet cannot change ${refused.join(', ')}. `
      + 'Stop the fleet before deploying, or let the construct stop and restart it for such updates.',
    );
  }
  const requestedAt = await requestState(calls, fleet, FleetStates.STOPPED);
  return waitFor(fleetName, FleetStates.STOPPED, requestedAt, refused);
}

/**
 * The properties whose value differs between `oldValues` and `newValues` and that a running fleet
 * of `fleetType` does not accept, sorted.
 */
export function refusedChanges(
  fleetType: string,
  oldValues: Record<string, unknown>,
  newValues: Record<string, unknown>,
): string[] {
  // An unknown (future) fleet type: assume it accepts no more than every known type does.
  const accepted = ACCEPTED_WHILE_RUNNING[fleetType] ?? ['DisplayName', 'IdleDisconnectTimeoutInSeconds', 'DisconnectTimeoutInSeconds'];
  const names = new Set([...Object.keys(oldValues), ...Object.keys(newValues)]);
  return [...names]
    .filter((name) => !accepted.includes(name) && !NEVER_REFUSED.includes(name))
    .filter((name) => canonical(oldValues[name]) !== canonical(newValues[name]))
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Shared
// ---------------------------------------------------------------------------------------------

async function describeFleet(calls: AppStreamCalls, name: string): Promise<Fleet | undefined> {
  const result = await unlessNotFound(calls.call((client) => client.send(new DescribeFleetsCommand({ Names: [name] }))));
  return result?.Fleets?.find((f) => f.Name === name);
}

function waitFor(fleetName: string, target: string, requestedAt: number, refused: string[] = []): OnEventResponse {
  return {
    PhysicalResourceId: fleetName,
    Data: {
      [FleetStateAttributes.TARGET_STATE]: target,
      [FleetStateAttributes.REQUESTED_AT]: String(requestedAt),
      [FleetStateAttributes.REFUSED_CHANGES]: refused.join(','),
    },
  };
}

function done(physicalResourceId: string, refused: string[] = []): OnEventResponse {
  return waitFor(physicalResourceId, NO_TARGET_STATE, 0, refused);
}

function stringProp(props: Record<string, unknown>, name: string): string {
  const value = props[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`Missing property ${name}`);
  }
  return value;
}

function objectProp(props: Record<string, unknown>, name: string): Record<string, unknown> {
  const value = props[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {};
}
