/**
 * The AppStream calls of the image handler, one function per operation (or per idempotent step):
 * each tolerates what a repeated event or a lost response leaves behind. The decisions are in
 * `plan.ts`, the lifecycle in `index.ts`.
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
import { describedWith, shareChanges, tagChanges, type ImageSpec, type Share } from './plan';
import { ImageSources } from '../../src/images/private/image-contract';
import type { AppStreamCalls } from '../shared/appstream';
import { unlessNotFound } from '../shared/values';

/** Page size of DescribeImagePermissions (API `MaxResults`: 0-500). */
const PERMISSIONS_PAGE_SIZE = 500;

export async function createImage(calls: AppStreamCalls, spec: ImageSpec, name: string, description: string): Promise<void> {
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

export async function startCopy(calls: AppStreamCalls, spec: ImageSpec, name: string, region: string, marker: string): Promise<void> {
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

/** Shares the image named `name` as `desired`, and stops sharing with the accounts of `previous` no longer desired. */
export async function convergeShares(calls: AppStreamCalls, name: string, desired: Share[], previous: Share[]): Promise<void> {
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

export async function describeShares(calls: AppStreamCalls, name: string): Promise<SharedImagePermissions[]> {
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

/** DeleteImagePermissions; a share already gone is no error. */
export async function unshare(calls: AppStreamCalls, name: string, account: string): Promise<void> {
  await unlessNotFound(calls.call((client) => client.send(new DeleteImagePermissionsCommand({ Name: name, SharedAccountId: account }))));
}

/** DeleteImage; an image already gone is no error. */
export async function deleteQuietly(calls: AppStreamCalls, name: string): Promise<void> {
  await unlessNotFound(calls.call((client) => client.send(new DeleteImageCommand({ Name: name }))));
}

/** The image named `name` in the Region of `calls`, or undefined when there is none (or none visible yet). */
export async function describeImage(calls: AppStreamCalls, name: string): Promise<Image | undefined> {
  const result = await unlessNotFound(calls.call((client) => client.send(new DescribeImagesCommand({ Names: [name] }))));
  return result?.Images?.find((image) => image.Name === name);
}

/** Changes the tags of the image with ARN `arn` from `before` to `after`. */
export async function retag(calls: AppStreamCalls, arn: string, before: Record<string, string>, after: Record<string, string>): Promise<void> {
  const { set, remove } = tagChanges(before, after);
  if (Object.keys(set).length > 0) {
    await calls.call((client) => client.send(new TagResourceCommand({ ResourceArn: arn, Tags: set })));
  }
  if (remove.length > 0) {
    await calls.call((client) => client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: remove })));
  }
}
