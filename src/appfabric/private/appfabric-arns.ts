import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

// ARN formats of the Service Authorization Reference for AWS AppFabric (service prefix `appfabric`):
//   appbundle             arn:${Partition}:appfabric:${Region}:${Account}:appbundle/${AppBundleIdentifier}
//   appauthorization      .../appbundle/${AppbundleId}/appauthorization/${AppAuthorizationIdentifier}
//   ingestion             .../appbundle/${AppbundleId}/ingestion/${IngestionIdentifier}
//   ingestiondestination  .../appbundle/${AppbundleId}/ingestion/${IngestionIdentifier}/ingestiondestination/${IngestionDestinationIdentifier}

/** The ARN pattern of every child (app authorization, ingestion, destination) of an app bundle. */
export function appBundleChildrenArn(appBundleArn: string, child: 'appauthorization' | 'ingestion'): string {
  return `${appBundleArn}/${child}/*`;
}

/** The ARN pattern of every ingestion destination of an ingestion. */
export function ingestionDestinationsArn(ingestionArn: string): string {
  return `${ingestionArn}/ingestiondestination/*`;
}

/**
 * AppFabric's service-linked role, which AppFabric creates with the first app bundle and uses to write
 * to ingestion destinations (`AWSAppFabricServiceRolePolicy`: `s3:PutObject` on `arn:aws:s3:::*\/AWSAppFabric/*`
 * in the same account, `firehose:PutRecordBatch` on streams tagged `AWSAppFabricManaged=true`).
 */
export function appFabricServiceLinkedRoleArn(scope: IConstruct): string {
  const stack = Stack.of(scope);
  return `arn:${stack.partition}:iam::${stack.account}:role/aws-service-role/appfabric.amazonaws.com/AWSServiceRoleForAppFabric`;
}

/** The tag AppFabric's service-linked role requires on a Firehose stream before it writes to it. */
export const FIREHOSE_MANAGED_TAG = { key: 'AWSAppFabricManaged', value: 'true' } as const;

/** The key part under which AppFabric's service-linked role may write objects (`*\/AWSAppFabric/*`). */
export const S3_OBJECT_KEY_PART = 'AWSAppFabric/';
