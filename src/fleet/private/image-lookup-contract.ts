/**
 * The contract between the `ImageLookup` construct and its handler in `lambda/image-lookup/`:
 * resource type, property names and attribute names, imported by both sides.
 */
export const IMAGE_LOOKUP_RESOURCE_TYPE = 'Custom::AppStreamImageLookup';

export const ImageLookupProps = {
  /** The image name must start with this (case-sensitive). */
  NAME_PREFIX: 'NamePrefix',
  /** Optional API `PlatformType` (`WINDOWS_SERVER_2022`, `AMAZON_LINUX2`, ...). */
  PLATFORM: 'Platform',
  /** Optional API `VisibilityType`: `PUBLIC`, `PRIVATE` or `SHARED`; absent means all three. */
  TYPE: 'Type',
  /**
   * Any string the user controls. The look-up runs again only when a property changes, so the image
   * switches only when the user changes this (or the filter), never on an unrelated deploy.
   */
  REFRESH_TOKEN: 'RefreshToken',
} as const;

export const ImageLookupAttributes = {
  IMAGE_NAME: 'ImageName',
  IMAGE_ARN: 'ImageArn',
} as const;

/** The visibility types the API accepts (API `VisibilityType`). */
export const IMAGE_VISIBILITY_TYPES: readonly string[] = ['PUBLIC', 'PRIVATE', 'SHARED'];

/** Page size of DescribeImages (API `DescribeImagesMaxResults`: 0-25). */
export const DESCRIBE_IMAGES_PAGE_SIZE = 25;
