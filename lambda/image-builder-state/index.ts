/**
 * Handler of `Custom::AppStreamImageBuilderState`: keeps an image builder RUNNING or STOPPED. It
 * depends on the builder, so CloudFormation invokes it after creating the builder (which starts
 * PENDING, then RUNNING on its own); every change of an image builder replaces it, under a new name,
 * so this resource acts again on the new builder. onEvent issues StartImageBuilder or
 * StopImageBuilder when needed; isComplete polls DescribeImageBuilders until the builder is in the
 * desired state, and fails with the builder's own errors when it ends FAILED.
 *
 * Deleting the resource leaves the builder as it is: it belongs to CloudFormation.
 */
import { DescribeImageBuildersCommand, StartImageBuilderCommand, StopImageBuilderCommand } from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { ImageBuilderStateProps, ImageBuilderStates } from '../../src/apps/private/image-builder-state-contract';
import { DesiredStateAttributes, NO_TARGET_STATE } from '../../src/core/private/desired-state-contract';
import { appStreamCalls, type AppStreamCalls } from '../shared/appstream';
import {
  applyDesiredState, type DesiredStateResponse, isInDesiredState, nothingToWaitFor, type StartStopApi, type StartStopResource,
} from '../shared/desired-state';
import { logEvent } from '../shared/log';
import { unlessNotFound } from '../shared/values';

/** What isComplete receives: the CloudFormation event merged with onEvent's response. */
export type IsCompleteEvent = CloudFormationCustomResourceEvent & Partial<DesiredStateResponse>;

/** Image builders, for the shared desired-state logic. */
const IMAGE_BUILDERS: StartStopApi = {
  kind: 'Image builder',
  describe: describeImageBuilder,
  start: (calls, name) => calls.call((client) => client.send(new StartImageBuilderCommand({ Name: name }))),
  stop: (calls, name) => calls.call((client) => client.send(new StopImageBuilderCommand({ Name: name }))),
  startFrom: [ImageBuilderStates.STOPPED],
  starting: [ImageBuilderStates.PENDING, ImageBuilderStates.UPDATING_AGENT, ImageBuilderStates.RUNNING],
  stopFrom: [ImageBuilderStates.RUNNING],
  stopping: [ImageBuilderStates.STOPPING, ImageBuilderStates.STOPPED],
  // A builder that cannot run ends FAILED, with its reasons: it gets to neither state.
  failed: (builder) => builder.state === ImageBuilderStates.FAILED,
};

export async function onEvent(event: CloudFormationCustomResourceEvent, context?: Partial<Context>): Promise<DesiredStateResponse> {
  logEvent(event);
  if (event.RequestType === 'Delete') {
    return nothingToWaitFor(event.PhysicalResourceId);
  }
  const name = stringProp(event.ResourceProperties, ImageBuilderStateProps.IMAGE_BUILDER_NAME);
  const desired = stringProp(event.ResourceProperties, ImageBuilderStateProps.DESIRED_STATE);
  if (desired !== ImageBuilderStates.RUNNING && desired !== ImageBuilderStates.STOPPED) {
    throw new Error(`${ImageBuilderStateProps.DESIRED_STATE} must be RUNNING or STOPPED, got "${desired}"`);
  }
  return applyDesiredState(IMAGE_BUILDERS, appStreamCalls(context), name, desired);
}

export async function isComplete(event: IsCompleteEvent, context?: Partial<Context>): Promise<{ IsComplete: boolean }> {
  const target = event.Data?.[DesiredStateAttributes.TARGET_STATE] ?? NO_TARGET_STATE;
  if (event.RequestType === 'Delete' || target === NO_TARGET_STATE) {
    return { IsComplete: true };
  }
  const name = stringProp(event.ResourceProperties, ImageBuilderStateProps.IMAGE_BUILDER_NAME);
  const requestedAt = Number(event.Data?.[DesiredStateAttributes.REQUESTED_AT] ?? '0');
  return { IsComplete: await isInDesiredState(IMAGE_BUILDERS, appStreamCalls(context), name, target, requestedAt) };
}

async function describeImageBuilder(calls: AppStreamCalls, name: string): Promise<StartStopResource | undefined> {
  const result = await unlessNotFound(calls.call((client) => client.send(new DescribeImageBuildersCommand({ Names: [name] }))));
  const builder = result?.ImageBuilders?.find((b) => b.Name === name);
  if (!builder) {
    return undefined;
  }
  const errors: Array<{ ErrorCode?: string; ErrorMessage?: string }> = [...builder.ImageBuilderErrors ?? []];
  if (builder.StateChangeReason?.Code || builder.StateChangeReason?.Message) {
    errors.push({ ErrorCode: builder.StateChangeReason.Code, ErrorMessage: builder.StateChangeReason.Message });
  }
  return { name, state: builder.State, errors };
}

function stringProp(props: Record<string, unknown>, name: string): string {
  const value = props[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`Missing property ${name}`);
  }
  return value;
}
