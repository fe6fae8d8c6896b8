// Limits, patterns and enums of AWS AppFabric, taken from its API model (botocore
// `appfabric/2023-05-19/service-2.json`) and the CloudFormation resource types
// `AWS::AppFabric::AppBundle`, `::AppAuthorization`, `::Ingestion` and `::IngestionDestination`
// (aws-cdk-lib's generated `aws_appfabric` L1s, v2.274+, name the same properties). The library never
// reads those files at build or test time: what it needs is here.

/** `Identifier`: an app bundle's (or ingestion's) ARN or UUID, 1 to 1,011 characters. */
export const IDENTIFIER = {
  min: 1,
  max: 1011,
  pattern: /^(arn:.+|[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})$/,
  patternDescription: 'an ARN (arn:...) or a UUID',
};

/** `Arn` of AppFabric resources: `arn:.+`, 1 to 1,011 characters. */
export const ARN = { min: 1, max: 1011, pattern: /^arn:.+$/, patternDescription: 'an ARN (arn:...)' };

/** `String255`: an app name. */
export const APP_NAME = { min: 1, max: 255 };

/** `TenantIdentifier`: 1 to 1,024 characters. */
export const TENANT_ID = { min: 1, max: 1024 };

/** `String2048`: a tenant display name, an OAuth2 client id. */
export const STRING_2048 = { min: 1, max: 2048 };

/** `String63`: an S3 bucket name of an ingestion destination. */
export const S3_BUCKET_NAME = { min: 3, max: 63 };

/** `String120`: the object key prefix of an S3 ingestion destination. */
export const S3_PREFIX = { min: 1, max: 120 };

/** `String64`: a Firehose stream name of an ingestion destination. */
export const FIREHOSE_STREAM_NAME = { min: 3, max: 64 };

/**
 * `Email` of `StartUserAccessTasks`: 0 to 320 characters of
 * `[a-zA-Z0-9.!#$%&’*+/=?^_\`{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*` (the model's own pattern,
 * anchored here; it spells the apostrophe as U+2019, and we accept the ASCII one too).
 */
export const EMAIL = {
  min: 1,
  max: 320,
  pattern: /^[a-zA-Z0-9.!#$%&'\u2019*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*$/,
  patternDescription: 'an e-mail address (local part of letters, digits and .!#$%&\'*+/=?^_`{|}~-, then @ and a domain of letters, digits, - and .)',
};

/** `TaskIdList` of `BatchGetUserAccessTasks`: 1 to 50 task ids per call. */
export const BATCH_GET_USER_ACCESS_TASKS_MAX_IDS = 50;

/** `ResultStatus` of a user access result. */
export const RESULT_STATUS = {
  IN_PROGRESS: 'IN_PROGRESS',
  COMPLETED: 'COMPLETED',
  FAILED: 'FAILED',
  EXPIRED: 'EXPIRED',
} as const;

/** `AuthType`. */
export const AUTH_TYPE = { OAUTH2: 'oauth2', API_KEY: 'apiKey' } as const;

/** `IngestionType`: the only value the model lists. */
export const INGESTION_TYPE_AUDIT_LOG = 'auditLog';

/** `TagList`: 0 to 50 tags; `TagKey` 1 to 128 characters, `TagValue` 0 to 256. */
export const TAGS_MAX = 50;

/**
 * App bundles per account and Region: "You can create one app bundle per AWS Region in your AWS
 * account" (AppFabric quotas, not adjustable).
 */
export const APP_BUNDLES_PER_REGION = 1;

/**
 * The names AppFabric's SDK integration errors carry in Step Functions (`AppFabric.<shape name>`),
 * from the operations' `errors` lists in the model.
 */
export const APPFABRIC_ERRORS = {
  THROTTLING: 'AppFabric.ThrottlingException',
  INTERNAL_SERVER: 'AppFabric.InternalServerException',
  VALIDATION: 'AppFabric.ValidationException',
  RESOURCE_NOT_FOUND: 'AppFabric.ResourceNotFoundException',
  ACCESS_DENIED: 'AppFabric.AccessDeniedException',
} as const;
