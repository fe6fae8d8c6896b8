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
