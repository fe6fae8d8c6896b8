/**
 * What the desired-state custom resources of fleets and image builders share with their handlers
 * (`lambda/shared/desired-state.ts`): the attributes onEvent returns to isComplete, and the timing.
 */

/** Attributes the handler returns (also visible to isComplete, which receives onEvent's result). */
export const DesiredStateAttributes = {
  /** The state the handler drives the resource to: `RUNNING`, `STOPPED`, or `NONE` (nothing to do). */
  TARGET_STATE: 'TargetState',
  /** Epoch milliseconds of the start or stop call the handler issued, or "0" for none. */
  REQUESTED_AT: 'RequestedAt',
} as const;

/** Target state meaning "nothing to wait for". */
export const NO_TARGET_STATE = 'NONE';

/** How long after a start or stop call a stale Describe* answer is tolerated. */
export const STATE_CHANGE_GRACE_MS = 90_000;
