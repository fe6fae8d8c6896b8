/**
 * The contract between the fleet-state constructs (`FleetStateResource`, `FleetUpdateGuard`) and
 * their handler in `lambda/fleet-state/`: resource types, property names, attribute names and the
 * table of what a running fleet accepts, imported by both sides.
 */
import { DesiredStateAttributes } from '../../core/private/desired-state-contract';

export { NO_TARGET_STATE, STATE_CHANGE_GRACE_MS } from '../../core/private/desired-state-contract';

/** Keeps a fleet RUNNING or STOPPED; depends on the fleet, so it acts after every fleet change. */
export const FLEET_STATE_RESOURCE_TYPE = 'Custom::AppStreamFleetState';

/** Stops a running fleet before CloudFormation applies a change that a running fleet refuses; the fleet depends on it. */
export const FLEET_UPDATE_GUARD_RESOURCE_TYPE = 'Custom::AppStreamFleetUpdateGuard';

/** Properties of both resources. CloudFormation passes every scalar as a string. */
export const FleetStateProps = {
  /** Name of the fleet. Its change means a new fleet (CloudFormation replaced it). */
  FLEET_NAME: 'FleetName',
  /** `RUNNING` or `STOPPED` (fleet-state resource only). */
  DESIRED_STATE: 'DesiredState',
  /** `ALWAYS_ON`, `ON_DEMAND` or `ELASTIC` (update guard only): which changes a running fleet accepts. */
  FLEET_TYPE: 'FleetType',
  /**
   * The fleet's properties by CloudFormation name. The guard compares old and new values; the
   * fleet-state resource carries them so that CloudFormation re-invokes it after every fleet update.
   */
  FLEET_PROPERTIES: 'FleetProperties',
  /** "true" to stop a running fleet for a refused change, "false" to fail early instead (guard only). */
  STOP_FOR_UPDATES: 'StopForUpdates',
} as const;

/** Attributes the handler returns (also visible to isComplete, which receives onEvent's result). */
export const FleetStateAttributes = {
  ...DesiredStateAttributes,
  /** Properties that a running fleet refuses and that this update changes, comma-separated (guard only). */
  REFUSED_CHANGES: 'RefusedChanges',
} as const;

/** Fleet states (API `FleetState`). */
export const FleetStates = {
  STARTING: 'STARTING',
  RUNNING: 'RUNNING',
  STOPPING: 'STOPPING',
  STOPPED: 'STOPPED',
} as const;

/**
 * Properties that a RUNNING fleet accepts, per fleet type (API model, UpdateFleet documentation):
 * Always-On and On-Demand: DisplayName, ComputeCapacity, ImageARN, ImageName,
 * IdleDisconnectTimeoutInSeconds, DisconnectTimeoutInSeconds. Elastic: DisplayName,
 * IdleDisconnectTimeoutInSeconds, DisconnectTimeoutInSeconds, MaxConcurrentSessions,
 * SessionScriptS3Location, UsbDeviceFilterStrings — the image is NOT in the Elastic list, so an
 * Elastic fleet is stopped for a new image. Every other property needs a STOPPED fleet.
 */
export const ACCEPTED_WHILE_RUNNING: Readonly<Record<string, readonly string[]>> = {
  ALWAYS_ON: ['DisplayName', 'ComputeCapacity', 'ImageArn', 'ImageName', 'IdleDisconnectTimeoutInSeconds', 'DisconnectTimeoutInSeconds'],
  ON_DEMAND: ['DisplayName', 'ComputeCapacity', 'ImageArn', 'ImageName', 'IdleDisconnectTimeoutInSeconds', 'DisconnectTimeoutInSeconds'],
  ELASTIC: ['DisplayName', 'IdleDisconnectTimeoutInSeconds', 'DisconnectTimeoutInSeconds', 'MaxConcurrentSessions', 'SessionScriptS3Location', 'UsbDeviceFilterStrings'],
};

/**
 * Fleet properties that never need a stop: tags are applied with TagResource, and `Name` /
 * `FleetType` are create-only (a change replaces the fleet, and the new one starts STOPPED).
 */
export const NEVER_REFUSED: readonly string[] = ['Tags', 'Name', 'FleetType'];
