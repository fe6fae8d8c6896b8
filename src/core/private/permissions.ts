/**
 * IAM actions behind the intent-level grants of the AppStream constructs, in one place.
 *
 * Resource types follow the Service Authorization Reference for Amazon AppStream 2.0
 * (service prefix `appstream`):
 * - `CreateStreamingURL` requires both the `stack` and the `fleet` resource types;
 * - `DescribeSessions` requires both the `stack` and the `fleet` resource types;
 * - `ExpireSession` supports no resource type (its resource must be `*`).
 */

/** Create a streaming URL for a user: on the stack ARN and the fleet ARN. */
export const STACK_CREATE_STREAMING_URL_ACTIONS = ['appstream:CreateStreamingURL'];

/** Read the sessions of a stack and fleet: on the stack ARN and the fleet ARN. */
export const STACK_READ_SESSIONS_ACTIONS = ['appstream:DescribeSessions'];

/** End a streaming session: IAM supports no resource type, so on `*`. */
export const SESSION_EXPIRE_ACTIONS = ['appstream:ExpireSession'];

/**
 * Read every fleet's or image's description: these List actions have no resource type in the
 * Service Authorization Reference, so on `*` (they only read).
 */
export const FLEET_DESCRIBE_ACTIONS = ['appstream:DescribeFleets'];
export const IMAGE_DESCRIBE_ACTIONS = ['appstream:DescribeImages'];
export const IMAGE_BUILDER_DESCRIBE_ACTIONS = ['appstream:DescribeImageBuilders'];

/**
 * Start and stop a fleet (desired state, stop for updates): the Service Authorization Reference
 * scopes both to the `fleet` resource type, so on each fleet's ARN.
 */
export const FLEET_STATE_CHANGE_ACTIONS = ['appstream:StartFleet', 'appstream:StopFleet'];

/** Start and stop an image builder (its desired state): on each image builder's ARN (`image-builder` resource type). */
export const IMAGE_BUILDER_STATE_CHANGE_ACTIONS = ['appstream:StartImageBuilder', 'appstream:StopImageBuilder'];

/**
 * Associate users with a stack and read its associations: the Service Authorization Reference lists
 * the `stack` resource type as required for all three, so on each stack's ARN, never on `*`. (The
 * handler always passes `StackName` to `DescribeUserStackAssociations`.)
 */
export const USER_STACK_ASSOCIATION_ACTIONS = [
  'appstream:BatchAssociateUserStack',
  'appstream:BatchDisassociateUserStack',
  'appstream:DescribeUserStackAssociations',
];

/**
 * The usage-report subscription of the account and Region: the Service Authorization Reference lists
 * no resource type for these actions, so on `*`.
 */
export const USAGE_REPORT_SUBSCRIPTION_ACTIONS = [
  'appstream:CreateUsageReportSubscription',
  'appstream:DescribeUsageReportSubscriptions',
  'appstream:DeleteUsageReportSubscription',
];

/**
 * Enable and disable user-pool users: the Service Authorization Reference lists no resource type for
 * these actions (user-pool users have no ARN in IAM), so on `*`.
 */
export const USER_ENABLE_DISABLE_ACTIONS = ['appstream:EnableUser', 'appstream:DisableUser'];

/**
 * Create, update, read and delete the theme of a stack: the Service Authorization Reference scopes
 * them to the `stack` resource type, so on each stack's ARN.
 */
export const STACK_THEME_ACTIONS = [
  'appstream:CreateThemeForStack',
  'appstream:UpdateThemeForStack',
  'appstream:DescribeThemeForStack',
  'appstream:DeleteThemeForStack',
];

/**
 * Copy a CDK file asset into a bucket of the app where AppStream may read it (`AppStreamFile.fromAsset`):
 * read the asset object, write and delete the copies under the library's key prefix.
 */
export const OBJECT_COPY_SOURCE_ACTIONS = ['s3:GetObject'];
export const OBJECT_COPY_DESTINATION_ACTIONS = ['s3:PutObject', 's3:DeleteObject'];

/**
 * Make, share, copy, tag and delete images (the `Image` construct's handler): the Service
 * Authorization Reference scopes each to the `image` resource type, so on the ARNs of the images
 * the construct makes (a generated name: its prefix followed by `*`), in its Region and in each
 * Region it copies to, and on the image it updates. Tag-on-create needs `appstream:TagResource`.
 */
export const IMAGE_MANAGE_ACTIONS = [
  'appstream:CreateImportedImage',
  'appstream:CreateUpdatedImage',
  'appstream:CopyImage',
  'appstream:DeleteImage',
  'appstream:DescribeImagePermissions',
  'appstream:UpdateImagePermissions',
  'appstream:DeleteImagePermissions',
  'appstream:TagResource',
  'appstream:UntagResource',
];
