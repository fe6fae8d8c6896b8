/**
 * Handler of `Custom::AppStreamImage`: makes an AppStream image and waits until it is AVAILABLE.
 *
 * - onEvent starts the work: CreateImportedImage (an EC2 AMI) or CreateUpdatedImage (an existing
 *   image with the latest updates) under the image's name, unless an image of that name made by
 *   this resource already exists (a repeated event adopts it). An image of that name that this
 *   resource did not make fails the event: it is never touched.
 * - isComplete polls DescribeImages until the image is AVAILABLE (a FAILED image fails with its own
 *   reason, and is deleted: nothing half-made stays behind), then shares it (UpdateImagePermissions),
 *   copies it to each Region (CopyImage, waiting for every copy) and shares each copy.
 * - An update that changes the name or the source makes a new image (a new physical id;
 *   CloudFormation then deletes the old one); one that changes only shares, copies or tags applies
 *   the difference to the existing image.
 * - Delete keeps the image unless the removal policy is Destroy; then it deletes the copies and the
 *   image (with the shares it made), only if this resource made them, and an image already gone is
 *   no error.
 *
 * Which image is ours: its description ends with a marker (see `plan.ts`).
 */
import type { Image } from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import {
  convergeShares, createImage, deleteQuietly, describeImage, retag, startCopy, unshare,
} from './executor';
import {
  describedWith,
  failureOf,
  imageNameOf,
  isOurs,
  isReplacement,
  markerOf,
  parseSpec,
  type ImageSpec,
  type Share,
} from './plan';
import { IMAGE_RESOURCE_TYPE, ImageAttributes } from '../../src/images/private/image-contract';
import { appStreamCalls, type AppStreamCalls } from '../shared/appstream';
import { logEvent } from '../shared/log';
import { isDeadlineReached } from '../shared/pacing';

/** What onEvent returns to the provider framework. */
export interface OnEventResponse {
  readonly PhysicalResourceId: string;
}

/** What isComplete receives: the CloudFormation event merged with onEvent's response. */
export type IsCompleteEvent = CloudFormationCustomResourceEvent & Partial<OnEventResponse>;

/** What isComplete returns. */
export interface IsCompleteResponse {
  readonly IsComplete: boolean;
  readonly Data?: Record<string, string>;
}

/** The state of an image that will never be AVAILABLE, and the state it is waited for. */
const FAILED = 'FAILED';
const AVAILABLE = 'AVAILABLE';

export async function onEvent(event: CloudFormationCustomResourceEvent, context?: Partial<Context>): Promise<OnEventResponse> {
  logEvent(event);
  if (event.ResourceType !== IMAGE_RESOURCE_TYPE) {
    throw new Error(`Unsupported resource type ${event.ResourceType}`);
  }
  const calls = appStreamCalls(context);
  const spec = parseSpec(event.ResourceProperties, event);
  const home = process.env.AWS_REGION;
  if (event.RequestType !== 'Delete' && home !== undefined && spec.copyTo.includes(home)) {
    // Checked at synth too, unless the stack's Region is a token: refused before anything is made.
    throw new Error(`copyTo lists the image's own Region ${home}: a copy has the image's name, which is unique in a Region`);
  }
  switch (event.RequestType) {
    case 'Create':
      return startImage(calls, spec);
    case 'Update': {
      const oldSpec = parseSpec(event.OldResourceProperties, event);
      if (isReplacement(oldSpec, spec)) {
        return startImage(calls, spec);
      }
      await updateImage(calls, oldSpec, spec);
      return { PhysicalResourceId: event.PhysicalResourceId };
    }
    case 'Delete':
      if (spec.destroy) {
        await deleteImage(calls, spec, event.PhysicalResourceId);
      }
      return { PhysicalResourceId: event.PhysicalResourceId };
  }
}

export async function isComplete(event: IsCompleteEvent, context?: Partial<Context>): Promise<IsCompleteResponse> {
  if (event.RequestType === 'Delete') {
    return { IsComplete: true };
  }
  try {
    return await converge(event, appStreamCalls(context));
  } catch (error) {
    // Throttled until this invocation's deadline: every step is idempotent, the next poll goes on.
    if (isDeadlineReached(error)) {
      return { IsComplete: false };
    }
    throw error;
  }
}

/** One poll: the image AVAILABLE, then its shares, then each copy AVAILABLE and shared. */
async function converge(event: IsCompleteEvent, calls: AppStreamCalls): Promise<IsCompleteResponse> {
  const spec = parseSpec(event.ResourceProperties, event);
  const name = imageNameOf(spec);
  const marker = markerOf(spec);
  // Shares removed by this update: only when it changed the existing image (a new image has none).
  const previousShares = event.RequestType === 'Update' && !isReplacement(parseSpec(event.OldResourceProperties, event), spec)
    ? parseSpec(event.OldResourceProperties, event).shares
    : [];

  const image = await readyImage(calls, name, marker, '');
  if (!image) {
    return { IsComplete: false };
  }
  await convergeShares(calls, name, spec.shares, previousShares);
  let copiesReady = true;
  for (const region of spec.copyTo) {
    const regional = calls.inRegion(region);
    const copy = await readyImage(regional, name, marker, `(copy in ${region}) `, () => startCopy(calls, spec, name, region, marker));
    if (copy) {
      await convergeShares(regional, name, spec.shares, previousShares);
    } else {
      copiesReady = false;
    }
  }
  if (!copiesReady) {
    return { IsComplete: false };
  }
  return { IsComplete: true, Data: { [ImageAttributes.IMAGE_NAME]: name, [ImageAttributes.IMAGE_ARN]: image.Arn ?? '' } };
}

// ---------------------------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------------------------

/** Starts making the image, or adopts the one a previous attempt of this resource made. */
async function startImage(calls: AppStreamCalls, spec: ImageSpec): Promise<OnEventResponse> {
  const name = imageNameOf(spec);
  const marker = markerOf(spec);
  const existing = await describeImage(calls, name);
  if (existing) {
    assertOurs(existing, marker, spec);
    return { PhysicalResourceId: name };
  }
  try {
    await createImage(calls, spec, name, describedWith(spec, marker));
  } catch (error) {
    // A retry after a lost response: isComplete checks that the image is ours once it can read it.
    if ((error as { name?: string }).name !== 'ResourceAlreadyExistsException') {
      throw error;
    }
  }
  return { PhysicalResourceId: name };
}

/** Fails unless `image` was made by this resource from this source. */
function assertOurs(image: Image, marker: string, spec: ImageSpec): void {
  if (!isOurs(image, marker)) {
    throw new Error(`An image named "${image.Name}" already exists and was not made by this resource from this source `
      + `(its description lacks "${marker}"). Image names are unique in an account and Region: `
      + (spec.imageName === undefined
        ? 'remove that image, or change the construct id.'
        : 'give another imageName (a given name blocks replacement), or leave it out to have one generated.'));
  }
}

/**
 * The image once it is AVAILABLE; undefined while it is on its way (or not yet visible: reads lag
 * writes), after calling `start` when it does not exist at all. A FAILED image that this resource
 * made is deleted (a retry can then use the name) and fails the event with its own reason.
 */
async function readyImage(
  calls: AppStreamCalls, name: string, marker: string, where: string, start?: () => Promise<void>,
): Promise<Image | undefined> {
  const image = await describeImage(calls, name);
  if (!image) {
    await start?.();
    return undefined;
  }
  if (!isOurs(image, marker)) {
    throw new Error(`Image "${name}" ${where}was not made by this resource (its description lacks "${marker}"): not touching it`);
  }
  if (image.State === FAILED) {
    await deleteQuietly(calls, name);
    throw new Error(failureOf(image, where));
  }
  return image.State === AVAILABLE ? image : undefined;
}

// ---------------------------------------------------------------------------------------------
// Update (same image)
// ---------------------------------------------------------------------------------------------

/**
 * Checks that the image is still there (else the update fails now, instead of isComplete waiting
 * for it until the provider's timeout), applies tag changes and removes the copies of Regions no
 * longer listed (Destroy only); isComplete does shares and new copies.
 */
async function updateImage(calls: AppStreamCalls, oldSpec: ImageSpec, spec: ImageSpec): Promise<void> {
  const name = imageNameOf(spec);
  const marker = markerOf(spec);
  const image = await describeImage(calls, name);
  if (!image?.Arn || !isOurs(image, marker)) {
    throw new Error(`Image "${name}" that this resource made no longer exists (or is not the one it made): `
      + 'change the source (or the name) to make a new one');
  }
  const arn = image.Arn;
  await retag(calls, arn, oldSpec.tags, spec.tags);
  if (spec.destroy) {
    for (const region of oldSpec.copyTo.filter((r) => !spec.copyTo.includes(r))) {
      await deleteIfOurs(calls.inRegion(region), name, marker, oldSpec.shares);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Delete (removal policy Destroy)
// ---------------------------------------------------------------------------------------------

async function deleteImage(calls: AppStreamCalls, spec: ImageSpec, name: string): Promise<void> {
  const marker = markerOf(spec);
  for (const region of spec.copyTo) {
    await deleteIfOurs(calls.inRegion(region), name, marker, spec.shares);
  }
  await deleteIfOurs(calls, name, marker, spec.shares);
}

/** Deletes the image named `name` and the shares this resource made, if this resource made it. */
async function deleteIfOurs(calls: AppStreamCalls, name: string, marker: string, shares: Share[]): Promise<void> {
  const image = await describeImage(calls, name);
  if (!image) {
    return;
  }
  if (!isOurs(image, marker)) {
    console.log(JSON.stringify({ skipped: name, reason: 'not made by this resource' }));
    return;
  }
  for (const share of shares) {
    await unshare(calls, name, share.accountId);
  }
  await deleteQuietly(calls, name);
}
