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
import {
  CopyImageCommand,
  CreateImportedImageCommand,
  type CreateImportedImageCommandInput,
  CreateUpdatedImageCommand,
  DeleteImageCommand,
  DeleteImagePermissionsCommand,
  DescribeImagePermissionsCommand,
  DescribeImagesCommand,
  type Image,
  type SharedImagePermissions,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateImagePermissionsCommand,
} from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import {
  describedWith,
  failureOf,
  imageNameOf,
  isOurs,
  isReplacement,
  markerOf,
  parseSpec,
  shareChanges,
  tagChanges,
  type ImageSpec,
  type Share,
} from './plan';
import { IMAGE_RESOURCE_TYPE, ImageAttributes, ImageSources } from '../../src/images/private/image-contract';
import { appStreamCalls, type AppStreamCalls } from '../shared/appstream';
import { logEvent } from '../shared/log';
import { isDeadlineReached } from '../shared/pacing';
import { isNotFound } from '../shared/values';

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

/** Page size of DescribeImagePermissions (API `MaxResults`: 0-500). */
const PERMISSIONS_PAGE_SIZE = 500;
/** States from which an image never becomes AVAILABLE on its own. */
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

async function createImage(calls: AppStreamCalls, spec: ImageSpec, name: string, description: string): Promise<void> {
  const { Kind, Description: _given, DisplayName, ...input } = spec.source;
  const tags = Object.keys(spec.tags).length > 0 ? spec.tags : undefined;
  const displayName = typeof DisplayName === 'string' && DisplayName.length > 0 ? DisplayName : undefined;
  if (Kind === ImageSources.IMPORTED) {
    await calls.call((client) => client.send(new CreateImportedImageCommand({
      ...(input as Partial<CreateImportedImageCommandInput>),
      Name: name,
      Description: description,
      DisplayName: displayName,
      Tags: tags,
    })));
    return;
  }
  const existingImageName = String(input.ExistingImageName);
  const result = await calls.call((client) => client.send(new CreateUpdatedImageCommand({
    existingImageName,
    newImageName: name,
    newImageDescription: description,
    newImageDisplayName: displayName,
    newImageTags: tags,
  })));
  if (result.canUpdateImage === false && !result.image) {
    throw new Error(`Image "${existingImageName}" has no updates to apply (CreateUpdatedImage answered canUpdateImage false): it is already up to date`);
  }
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

async function startCopy(calls: AppStreamCalls, spec: ImageSpec, name: string, region: string, marker: string): Promise<void> {
  try {
    await calls.call((client) => client.send(new CopyImageCommand({
      SourceImageName: name,
      DestinationImageName: name,
      DestinationRegion: region,
      DestinationImageDescription: describedWith(spec, marker),
    })));
  } catch (error) {
    // Started by an earlier poll whose copy the destination does not show yet.
    if ((error as { name?: string }).name !== 'ResourceAlreadyExistsException') {
      throw error;
    }
  }
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
  const { set, remove } = tagChanges(oldSpec.tags, spec.tags);
  if (Object.keys(set).length > 0) {
    await calls.call((client) => client.send(new TagResourceCommand({ ResourceArn: arn, Tags: set })));
  }
  if (remove.length > 0) {
    await calls.call((client) => client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: remove })));
  }
  if (spec.destroy) {
    for (const region of oldSpec.copyTo.filter((r) => !spec.copyTo.includes(r))) {
      await deleteIfOurs(calls.inRegion(region), name, marker, oldSpec.shares);
    }
  }
}

/** Shares the image named `name` as `desired`, and stops sharing with the accounts of `previous` no longer desired. */
async function convergeShares(calls: AppStreamCalls, name: string, desired: Share[], previous: Share[]): Promise<void> {
  if (desired.length === 0 && previous.length === 0) {
    return;
  }
  const current = await describeShares(calls, name);
  const { put, remove } = shareChanges(current, desired, previous);
  for (const share of put) {
    await calls.call((client) => client.send(new UpdateImagePermissionsCommand({
      Name: name,
      SharedAccountId: share.accountId,
      ImagePermissions: { allowFleet: share.allowFleet, allowImageBuilder: share.allowImageBuilder },
    })));
  }
  for (const account of remove) {
    await unshare(calls, name, account);
  }
}

async function describeShares(calls: AppStreamCalls, name: string): Promise<SharedImagePermissions[]> {
  const shares: SharedImagePermissions[] = [];
  let nextToken: string | undefined;
  do {
    const page = await calls.call((client) => client.send(new DescribeImagePermissionsCommand({
      Name: name, MaxResults: PERMISSIONS_PAGE_SIZE, NextToken: nextToken,
    })));
    shares.push(...(page.SharedImagePermissionsList ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return shares;
}

async function unshare(calls: AppStreamCalls, name: string, account: string): Promise<void> {
  try {
    await calls.call((client) => client.send(new DeleteImagePermissionsCommand({ Name: name, SharedAccountId: account })));
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
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

/** DeleteImage; an image already gone is no error. */
async function deleteQuietly(calls: AppStreamCalls, name: string): Promise<void> {
  try {
    await calls.call((client) => client.send(new DeleteImageCommand({ Name: name })));
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Shared
// ---------------------------------------------------------------------------------------------

/** The image named `name` in the Region of `calls`, or undefined when there is none (or none visible yet). */
async function describeImage(calls: AppStreamCalls, name: string): Promise<Image | undefined> {
  try {
    const result = await calls.call((client) => client.send(new DescribeImagesCommand({ Names: [name] })));
    return result.Images?.find((image) => image.Name === name);
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}
