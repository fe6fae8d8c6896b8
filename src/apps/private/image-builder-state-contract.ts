/**
 * The contract between `ImageBuilder`'s desired state (the construct) and its handler in
 * `lambda/image-builder-state/`: resource type, property names and the builder's states.
 */

/** Keeps an image builder RUNNING or STOPPED; depends on the builder, so it acts after it is created. */
export const IMAGE_BUILDER_STATE_RESOURCE_TYPE = 'Custom::AppStreamImageBuilderState';

/** Properties of the resource. */
export const ImageBuilderStateProps = {
  /** Name of the image builder. Its change means a new builder (every change replaces an image builder). */
  IMAGE_BUILDER_NAME: 'ImageBuilderName',
  /** `RUNNING` or `STOPPED`. */
  DESIRED_STATE: 'DesiredState',
} as const;

/** Image builder states (API `ImageBuilderState`) that the handler acts on. */
export const ImageBuilderStates = {
  PENDING: 'PENDING',
  UPDATING_AGENT: 'UPDATING_AGENT',
  RUNNING: 'RUNNING',
  STOPPING: 'STOPPING',
  STOPPED: 'STOPPED',
  FAILED: 'FAILED',
} as const;
