/**
 * The pure decisions of the image handler: what the resource properties mean, the image's name
 * and ownership marker, whether an update replaces the image, and what shares and tags change.
 * No SDK calls here (see `index.ts`).
 */
import { createHash } from 'crypto';
import type { Image } from '@aws-sdk/client-appstream';
import {
  ImageProps,
  ImageRemovalPolicies,
  ImageSources,
  NAME_HASH_LENGTH,
  OWNER_HASH_LENGTH,
  ownerMarker,
} from '../../src/images/private/image-contract';
import { canonical, describeResourceErrors } from '../shared/values';

/** One account the image is shared with, and what it may do. */
export interface Share {
  readonly accountId: string;
  readonly allowFleet: boolean;
  readonly allowImageBuilder: boolean;
}

/** Which resource of which stack: the event's own fields. */
export interface Owner {
  readonly StackId: string;
  readonly LogicalResourceId: string;
}

/** The resource properties, parsed, with the resource they belong to. */
export interface ImageSpec {
  readonly owner: Owner;
  /** The given name, or undefined when generated from `namePrefix`. */
  readonly imageName?: string;
  readonly namePrefix?: string;
  /** The API input of the source, with `Kind` (`IMPORTED` or `UPDATED`). */
  readonly source: Record<string, unknown>;
  readonly shares: Share[];
  readonly copyTo: string[];
  readonly destroy: boolean;
  readonly tags: Record<string, string>;
}

/** Parses the resource properties of `owner` (CloudFormation passes every scalar as a string). */
export function parseSpec(props: Record<string, unknown>, owner: Owner): ImageSpec {
  const source = props[ImageProps.SOURCE];
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    throw new Error(`${ImageProps.SOURCE} is required`);
  }
  const kind = (source as Record<string, unknown>).Kind;
  if (kind !== ImageSources.IMPORTED && kind !== ImageSources.UPDATED) {
    throw new Error(`${ImageProps.SOURCE}.Kind must be ${ImageSources.IMPORTED} or ${ImageSources.UPDATED}, got ${JSON.stringify(kind)}`);
  }
  const imageName = optionalString(props[ImageProps.IMAGE_NAME]);
  const namePrefix = optionalString(props[ImageProps.NAME_PREFIX]);
  if (imageName === undefined && namePrefix === undefined) {
    throw new Error(`${ImageProps.IMAGE_NAME} or ${ImageProps.NAME_PREFIX} is required`);
  }
  const shares = list(props[ImageProps.SHARE_WITH]).map((entry) => {
    const share = entry as Record<string, unknown>;
    return {
      accountId: String(share.AccountId),
      allowFleet: String(share.AllowFleet ?? 'true') === 'true',
      allowImageBuilder: String(share.AllowImageBuilder ?? 'true') === 'true',
    };
  });
  const tags = props[ImageProps.TAGS];
  return {
    owner: { StackId: owner.StackId, LogicalResourceId: owner.LogicalResourceId },
    imageName,
    namePrefix,
    source: source as Record<string, unknown>,
    shares,
    copyTo: list(props[ImageProps.COPY_TO]).map(String),
    destroy: props[ImageProps.REMOVAL_POLICY] === ImageRemovalPolicies.DESTROY,
    tags: typeof tags === 'object' && tags !== null && !Array.isArray(tags)
      ? Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, String(v ?? '')]))
      : {},
  };
}

/**
 * The image's name: the given one, or the prefix and a hash of the stack (its id, unique to each
 * instance of a stack) and the source, so that a new source (a new AMI, a new description) gives a
 * new name, which a replacement needs: CloudFormation makes the new image before it deletes the old
 * one, and names are unique in a Region. A stack deleted and deployed again gets new names too,
 * beside the images its first instance kept. The hash is computed here, at deployment, because the
 * AMI id is often a token at synthesis.
 */
export function imageNameOf(spec: ImageSpec): string {
  return spec.imageName ?? `${spec.namePrefix}-${hash(canonical([spec.owner.StackId, spec.source]), NAME_HASH_LENGTH)}`;
}

/**
 * The marker that the description of every image this resource makes (and of its copies) ends
 * with. A repeated event finds it and adopts the image; an image without it is never touched. It
 * changes with the source, so a given name that already holds an image of another source fails
 * clearly instead of adopting that image.
 */
export function markerOf(spec: ImageSpec): string {
  const identity = canonical([spec.owner.StackId, spec.owner.LogicalResourceId, imageNameOf(spec), spec.source]);
  return ownerMarker(hash(identity, OWNER_HASH_LENGTH));
}

/** The description to give the image: the user's, then the marker. */
export function describedWith(spec: ImageSpec, marker: string): string {
  const given = optionalString(spec.source.Description);
  return given === undefined ? marker : `${given} ${marker}`;
}

/** Whether this resource made `image` (its description ends with `marker`). */
export function isOurs(image: Image, marker: string): boolean {
  return (image.Description ?? '').endsWith(marker);
}

/** An update that changes the name or the source makes a new image (a new physical id). */
export function isReplacement(oldSpec: ImageSpec, newSpec: ImageSpec): boolean {
  return imageNameOf(oldSpec) !== imageNameOf(newSpec) || canonical(oldSpec.source) !== canonical(newSpec.source);
}

/** Shares of the image as DescribeImagePermissions lists them. */
export interface CurrentShare {
  readonly sharedAccountId?: string;
  readonly imagePermissions?: { readonly allowFleet?: boolean; readonly allowImageBuilder?: boolean };
}

/** What to change so that the image is shared as `desired`. */
export interface ShareChanges {
  /** Shares to add or whose permissions differ (UpdateImagePermissions). */
  readonly put: Share[];
  /** Accounts to stop sharing with (DeleteImagePermissions): only those this resource shared with before. */
  readonly remove: string[];
}

/**
 * The share changes from `current` to `desired`. Accounts are removed only when `previous` (the
 * shares of the properties before this update) lists them: shares made by someone else stay.
 */
export function shareChanges(current: CurrentShare[], desired: Share[], previous: Share[]): ShareChanges {
  const byAccount = new Map(current.map((share) => [share.sharedAccountId, share.imagePermissions ?? {}]));
  const put = desired.filter((share) => {
    const now = byAccount.get(share.accountId);
    return now === undefined || (now.allowFleet ?? false) !== share.allowFleet || (now.allowImageBuilder ?? false) !== share.allowImageBuilder;
  });
  const wanted = new Set(desired.map((share) => share.accountId));
  const remove = previous.map((share) => share.accountId).filter((account) => !wanted.has(account) && byAccount.has(account));
  return { put, remove };
}

/** What to change so that the image's tags go from `before` to `after`. */
export function tagChanges(before: Record<string, string>, after: Record<string, string>): { set: Record<string, string>; remove: string[] } {
  const set = Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key] !== value));
  const remove = Object.keys(before).filter((key) => !(key in after));
  return { set, remove };
}

/** Why an image FAILED, in its own words: its StateChangeReason and ImageErrors. */
export function failureOf(image: Image, where: string): string {
  const reason = image.StateChangeReason;
  const parts = [
    reason ? `${reason.Code ?? 'UNKNOWN'}: ${reason.Message ?? '(no message)'}` : undefined,
    image.ImageErrors?.length ? `ImageErrors: ${describeResourceErrors(image.ImageErrors)}` : undefined,
  ].filter((part) => part !== undefined);
  return `Image "${image.Name}" ${where}is FAILED: ${parts.length ? parts.join('; ') : 'AppStream gave no reason'}`;
}

function hash(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
