/**
 * The contract between the `Image` construct and its handler in `lambda/image/`: resource type,
 * property and attribute names, the ownership marker and the limits both sides apply. Imported by
 * both sides; no imports of its own, so the handler bundle stays small.
 */
export const IMAGE_RESOURCE_TYPE = 'Custom::AppStreamImage';

export const ImageProps = {
  /** The name given by the user; absent when the handler generates one (`NAME_PREFIX` + hash of the source). */
  IMAGE_NAME: 'ImageName',
  /** The start of a generated name: the handler appends `-` and a hash of `SOURCE`. */
  NAME_PREFIX: 'NamePrefix',
  /**
   * What the image is made from, as the API's input (`ImageSources`): any change replaces the image.
   * `{ Kind: 'IMPORTED', SourceAmiId, IamRoleArn, ... }` or `{ Kind: 'UPDATED', ExistingImageName, ... }`.
   */
  SOURCE: 'Source',
  /** The accounts the image (and each copy) is shared with: `[{ AccountId, AllowFleet, AllowImageBuilder }]`. */
  SHARE_WITH: 'ShareWith',
  /** The Regions the image is copied to, under the same name. */
  COPY_TO: 'CopyTo',
  /** `Retain` (the default) or `Destroy`: what deleting the resource does to the images it made. */
  REMOVAL_POLICY: 'RemovalPolicy',
  /** The image's tags (key to value), kept up to date on the image in its own Region (copies carry none: CopyImage copies no tags). */
  TAGS: 'Tags',
} as const;

/** The two kinds of source (`Source.Kind`), one per API operation. */
export const ImageSources = {
  /** CreateImportedImage: an EC2 AMI. */
  IMPORTED: 'IMPORTED',
  /** CreateUpdatedImage: an existing image with the latest OS, drivers and agent. */
  UPDATED: 'UPDATED',
} as const;

/** `RemovalPolicy` values. */
export const ImageRemovalPolicies = { RETAIN: 'Retain', DESTROY: 'Destroy' } as const;

export const ImageAttributes = {
  IMAGE_NAME: 'ImageName',
  IMAGE_ARN: 'ImageArn',
} as const;

/**
 * How the handler recognises the images it made: their description ends with
 * `(cdk-appstream <16 hex digits>)`, a hash of the stack, the resource and its source. The API lets
 * every create operation (CreateImportedImage, CreateUpdatedImage, CopyImage) set a description,
 * and DescribeImages returns it, while CopyImage copies no tags: the description is the one mark
 * that every image the resource makes carries from its first moment. Its characters fit the
 * strictest description pattern (CreateImportedImage's `^[a-zA-Z0-9_.() -]+$`).
 */
export function ownerMarker(hash: string): string {
  return `(cdk-appstream ${hash})`;
}

/** Hex digits of the ownership hash. */
export const OWNER_HASH_LENGTH = 16;

/** `Description` and `ImageImportDescription`: at most 256 characters. */
export const IMAGE_DESCRIPTION_API_MAX = 256;

/** What the marker (and the space before it) takes of a description. */
export const OWNER_MARKER_LENGTH = ownerMarker('0'.repeat(OWNER_HASH_LENGTH)).length + 1;

/** The longest description a user may give: the rest of the API's 256 characters holds the marker. */
export const IMAGE_DESCRIPTION_MAX = IMAGE_DESCRIPTION_API_MAX - OWNER_MARKER_LENGTH;

/** Hex digits of the hash that a generated name ends with. */
export const NAME_HASH_LENGTH = 8;

/** Image names: at most 100 characters (CreateImportedImage's documentation; the `Name` pattern allows 101). */
export const IMAGE_NAME_MAX_LENGTH = 100;

/** The longest prefix of a generated name: `<prefix>-<hash>` stays within `IMAGE_NAME_MAX_LENGTH`. */
export const NAME_PREFIX_MAX_LENGTH = IMAGE_NAME_MAX_LENGTH - NAME_HASH_LENGTH - 1;
