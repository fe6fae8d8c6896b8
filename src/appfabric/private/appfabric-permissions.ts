/**
 * IAM actions behind the intent-level grants of the AppFabric constructs, in one place.
 *
 * Resource types follow the Service Authorization Reference for AWS AppFabric (service prefix
 * `appfabric`): `StartUserAccessTasks` and `BatchGetUserAccessTasks` require the `appbundle`
 * resource type; the app authorization and ingestion actions require both the `appbundle` and
 * their own resource type.
 */

/** Run a user-access audit: start the tasks and read their results, on the app bundle's ARN. */
export const USER_ACCESS_AUDIT_ACTIONS = ['appfabric:StartUserAccessTasks', 'appfabric:BatchGetUserAccessTasks'];

/** Read an app bundle and list what it holds, on the app bundle's ARN. */
export const APP_BUNDLE_READ_ACTIONS = [
  'appfabric:GetAppBundle',
  'appfabric:ListAppAuthorizations',
  'appfabric:ListIngestions',
  'appfabric:ListTagsForResource',
];

/**
 * Finish the OAuth2 consent of an app authorization (`ConnectAppAuthorization`) and read it: on the
 * app bundle's ARN and the app authorization's ARN.
 */
export const APP_AUTHORIZATION_CONNECT_ACTIONS = ['appfabric:ConnectAppAuthorization', 'appfabric:GetAppAuthorization'];

/** Start and stop an ingestion and read it: on the app bundle's ARN and the ingestion's ARN. */
export const INGESTION_CONTROL_ACTIONS = ['appfabric:StartIngestion', 'appfabric:StopIngestion', 'appfabric:GetIngestion'];

/**
 * What the principal that creates an app bundle with a customer managed key needs on the key: AppFabric
 * then creates its own grant (GenerateDataKey, Decrypt, Encrypt) with `CreateGrant` (AppFabric's
 * "Data protection" guide).
 */
export const APP_BUNDLE_KEY_ACTIONS = ['kms:DescribeKey', 'kms:CreateGrant', 'kms:GenerateDataKey', 'kms:Decrypt'];
