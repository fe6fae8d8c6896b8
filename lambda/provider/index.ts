/**
 * The one handler of every custom resource of the library, behind the one provider of a CDK stack
 * (`AppStreamProvider`): onEvent and isComplete hand the event to the module of its resource type.
 * One bundle and one pair of functions per stack, instead of one per kind.
 */
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { IMAGE_BUILDER_STATE_RESOURCE_TYPE } from '../../src/apps/private/image-builder-state-contract';
import { OBJECT_COPY_RESOURCE_TYPE } from '../../src/apps/private/object-copy-contract';
import { FLEET_STATE_RESOURCE_TYPE, FLEET_UPDATE_GUARD_RESOURCE_TYPE } from '../../src/fleet/private/fleet-state-contract';
import { IMAGE_LOOKUP_RESOURCE_TYPE } from '../../src/fleet/private/image-lookup-contract';
import { IMAGE_RESOURCE_TYPE } from '../../src/images/private/image-contract';
import { USAGE_REPORT_SUBSCRIPTION_RESOURCE_TYPE } from '../../src/operations/private/usage-reports-contract';
import { STACK_THEME_RESOURCE_TYPE } from '../../src/stack/private/stack-theme-contract';
import { USER_ENABLED_RESOURCE_TYPE } from '../../src/users/private/user-enabled-contract';
import { USER_STACK_ASSOCIATION_RESOURCE_TYPE } from '../../src/users/private/user-stack-association-contract';
import * as fleetState from '../fleet-state';
import * as image from '../image';
import * as imageBuilderState from '../image-builder-state';
import * as imageLookup from '../image-lookup';
import * as objectCopy from '../object-copy';
import * as stackTheme from '../stack-theme';
import * as usageReports from '../usage-reports';
import * as userEnabled from '../user-enabled';
import * as users from '../user-stack-association';

/** What onEvent returns to the provider framework. */
export interface OnEventResponse {
  readonly PhysicalResourceId?: string;
  readonly Data?: Record<string, unknown>;
}

/** What isComplete receives: the CloudFormation event merged with onEvent's answer. */
export type IsCompleteEvent = CloudFormationCustomResourceEvent & {
  readonly PhysicalResourceId?: string;
  readonly Data?: Record<string, unknown>;
};

/** What isComplete returns to the provider framework. */
export interface IsCompleteResponse {
  readonly IsComplete: boolean;
  readonly PhysicalResourceId?: string;
  readonly Data?: Record<string, unknown>;
}

/** The handler module of one kind of custom resource. */
export interface ResourceKind {
  onEvent(event: CloudFormationCustomResourceEvent, context?: Context): Promise<OnEventResponse>;
  /** Absent when onEvent does the whole work. */
  isComplete?(event: IsCompleteEvent, context?: Context): Promise<IsCompleteResponse>;
}

const KINDS: Readonly<Record<string, ResourceKind>> = {
  [USER_STACK_ASSOCIATION_RESOURCE_TYPE]: users,
  [FLEET_STATE_RESOURCE_TYPE]: fleetState,
  [FLEET_UPDATE_GUARD_RESOURCE_TYPE]: fleetState,
  [IMAGE_LOOKUP_RESOURCE_TYPE]: imageLookup,
  [USAGE_REPORT_SUBSCRIPTION_RESOURCE_TYPE]: usageReports,
  [USER_ENABLED_RESOURCE_TYPE]: userEnabled,
  [STACK_THEME_RESOURCE_TYPE]: stackTheme,
  [OBJECT_COPY_RESOURCE_TYPE]: objectCopy,
  [IMAGE_BUILDER_STATE_RESOURCE_TYPE]: imageBuilderState,
  [IMAGE_RESOURCE_TYPE]: image,
};

function kindOf(event: CloudFormationCustomResourceEvent): ResourceKind {
  // hasOwn: a resource type such as "constructor" must not find Object's members.
  if (!Object.hasOwn(KINDS, event.ResourceType)) {
    throw new Error(`Unsupported resource type ${event.ResourceType}`);
  }
  return KINDS[event.ResourceType];
}

/** Entry point for the provider framework's `onEventHandler` (handler `index.onEvent`). */
export async function onEvent(event: CloudFormationCustomResourceEvent, context?: Context): Promise<OnEventResponse> {
  return kindOf(event).onEvent(event, context);
}

/** Entry point for the provider framework's `isCompleteHandler` (handler `index.isComplete`). */
export async function isComplete(event: IsCompleteEvent, context?: Context): Promise<IsCompleteResponse> {
  const kind = kindOf(event);
  return kind.isComplete ? kind.isComplete(event, context) : { IsComplete: true };
}
