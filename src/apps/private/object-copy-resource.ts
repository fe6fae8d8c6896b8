import { CustomResource, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { OBJECT_COPY_RESOURCE_TYPE, ObjectCopyProps } from './object-copy-contract';
import { AppStreamProvider } from '../../core/private/appstream-provider';
import { acknowledgeNagFinding } from '../../core/private/nag';

/** The key prefix of every copy: the handler may write and delete under it, nowhere else. */
export const COPY_KEY_PREFIX = 'cdk-appstream/';

/** The construct id of the bucket that holds the copies when the user gives none, under its CDK stack. */
const FILES_BUCKET_ID = 'AppStreamFiles';

/**
 * The bucket of the CDK stack of `scope` that holds copies of file assets for AppStream, created on
 * first use: private, TLS only, encrypted, owned by the bucket owner. It holds only the copies,
 * which their resources delete before it, so it is destroyed with the stack.
 */
export function appStreamFilesBucket(scope: Construct): s3.IBucket {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild(FILES_BUCKET_ID);
  if (existing !== undefined) {
    if (!(existing instanceof s3.Bucket)) {
      throw new Error(`${stack.node.path}/${FILES_BUCKET_ID} is reserved for the cdk-appstream files bucket; choose another construct id`);
    }
    return existing;
  }
  const bucket = new s3.Bucket(stack, FILES_BUCKET_ID, {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  acknowledgeNagFinding(bucket, 'AwsSolutions-S1',
    'The files bucket holds only copies of file assets of this app, written by the deployment for AppStream to read.');
  return bucket;
}

/** Properties of `ObjectCopy`. */
export interface ObjectCopyResourceProps {
  /** The file asset to copy. */
  readonly asset: s3_assets.Asset;
  /** Where to copy it. */
  readonly destination: s3.IBucket;
}

/**
 * `Custom::AppStreamObjectCopy`: a copy of a file asset in a bucket of the app, at
 * `cdk-appstream/<asset key>` (the asset key is the hash of its content: new content, new key).
 */
export class ObjectCopy extends Construct {
  /** The key of the copy. */
  public readonly key: string;
  /** The custom resource: what reads the copy depends on it. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: ObjectCopyResourceProps) {
    super(scope, id);
    this.key = `${COPY_KEY_PREFIX}${props.asset.s3ObjectKey}`;
    const provider = AppStreamProvider.getOrCreate(this);
    provider.grantObjectCopy(props.asset.bucket, props.asset.s3ObjectKey, props.destination, COPY_KEY_PREFIX);
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: OBJECT_COPY_RESOURCE_TYPE,
      properties: {
        [ObjectCopyProps.SOURCE_BUCKET]: props.asset.s3BucketName,
        [ObjectCopyProps.SOURCE_KEY]: props.asset.s3ObjectKey,
        [ObjectCopyProps.DESTINATION_BUCKET]: props.destination.bucketName,
        [ObjectCopyProps.DESTINATION_KEY]: this.key,
      },
    });
    // The handler's policy must exist before it copies, and outlive the delete of the copy.
    this.resource.node.addDependency(provider);
  }
}
