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

/**
 * Start and stop a fleet (desired state, stop for updates): the Service Authorization Reference
 * scopes both to the `fleet` resource type, so on each fleet's ARN.
 */
export const FLEET_STATE_CHANGE_ACTIONS = ['appstream:StartFleet', 'appstream:StopFleet'];

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
