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
import { DescribeFleetsCommand, StartFleetCommand, StopFleetCommand } from '@aws-sdk/client-appstream';
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
} from '../../src/fleet/private/fleet-state-contract';
import { appStreamCalls, type AppStreamCalls } from '../shared/appstream';
import {
  applyDesiredState, isInDesiredState, nothingToWaitFor, requestState, type StartStopApi, type StartStopResource, waitFor,
} from '../shared/desired-state';
import { logEvent } from '../shared/log';
import { canonical, unlessNotFound } from '../shared/values';

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

/** Fleets, for the shared desired-state logic. */
const FLEETS: StartStopApi = {
  kind: 'Fleet',
  describe: describeFleet,
  start: (calls, name) => calls.call((client) => client.send(new StartFleetCommand({ Name: name }))),
  stop: (calls, name) => calls.call((client) => client.send(new StopFleetCommand({ Name: name }))),
  startFrom: [FleetStates.STOPPED],
  starting: [FleetStates.STARTING, FleetStates.RUNNING],
  stopFrom: [FleetStates.RUNNING, FleetStates.STARTING],
  stopping: [FleetStates.STOPPING, FleetStates.STOPPED],
  // A fleet that cannot start says why in FleetErrors, while STARTING or after falling back to
  // STOPPED: fail with its own words instead of waiting until the provider's timeout.
  failed: (fleet, target) => target === FleetStates.RUNNING && fleet.errors.length > 0 && fleet.state !== FleetStates.STOPPING,
};


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
      return applyDesiredState(FLEETS, calls, fleetName, desiredStateOf(event), { [FleetStateAttributes.REFUSED_CHANGES]: '' });
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
  return { IsComplete: await isInDesiredState(FLEETS, appStreamCalls(context), fleetName, target, requestedAt) };
}

// ---------------------------------------------------------------------------------------------
// Fleet state
// ---------------------------------------------------------------------------------------------

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
  if (!fleet || fleet.state === FleetStates.STOPPED) {
    // Nothing to stop; a missing fleet is CloudFormation's to report when it updates it.
    return done(fleetName, refused);
  }
  const stopForUpdates = String(newProps[FleetStateProps.STOP_FOR_UPDATES] ?? 'true') === 'true';
  if (!stopForUpdates && fleet.state !== FleetStates.STOPPING) {
    throw new Error(
      `Fleet "${fleetName}" is ${fleet.state} and a running fleet cannot change ${refused.join(', ')}. `
      + 'Stop the fleet before deploying, or let the construct stop and restart it for such updates.',
    );
  }
  const requestedAt = await requestState(FLEETS, calls, fleet, FleetStates.STOPPED);
  return waitFor(fleetName, FleetStates.STOPPED, requestedAt, { [FleetStateAttributes.REFUSED_CHANGES]: refused.join(',') });
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

async function describeFleet(calls: AppStreamCalls, name: string): Promise<StartStopResource | undefined> {
  const result = await unlessNotFound(calls.call((client) => client.send(new DescribeFleetsCommand({ Names: [name] }))));
  const fleet = result?.Fleets?.find((f) => f.Name === name);
  return fleet && { name, state: fleet.State, errors: fleet.FleetErrors ?? [] };
}

/** Nothing to wait for; every answer of this handler carries the refused changes (guard), even empty. */
function done(physicalResourceId: string, refused: string[] = []): OnEventResponse {
  return nothingToWaitFor(physicalResourceId, { [FleetStateAttributes.REFUSED_CHANGES]: refused.join(',') });
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
