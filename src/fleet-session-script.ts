import { Annotations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { Warnings } from './private/warnings';

/**
 * Where a fleet's session scripts configuration lives once bound.
 */
export interface FleetSessionScriptConfig {
  /** The bucket that holds the session scripts zip file. */
  readonly bucket: s3.IBucket;

  /** The key of the session scripts zip file in the bucket. */
  readonly key: string;
}

/**
 * The session scripts configuration of an Elastic fleet: a zip file in S3 with `config.json` and
 * the scripts it runs when sessions start and end.
 *
 * The fleet grants read access to the object to the AppStream service principal
 * (`appstream.amazonaws.com`), which fetches it. A CDK file asset is not offered: the bootstrap
 * bucket's policy cannot be changed to let AppStream read it.
 */
export abstract class FleetSessionScript {
  /**
   * A zip file already in an S3 bucket.
   *
   * When the bucket belongs to this app, its bucket policy gets a statement that lets
   * `appstream.amazonaws.com` read the object; for an imported bucket, add that statement
   * to the bucket policy yourself (a warning says so).
   *
   * @param bucket the bucket
   * @param key the object key of the zip file (1 to 1,024 characters)
   */
  public static fromBucket(bucket: s3.IBucket, key: string): FleetSessionScript {
    return new BucketSessionScript(bucket, key);
  }

  /**
   * Binds the script to the fleet that runs it: makes the object readable by AppStream and returns
   * its location.
   *
   * @param scope the fleet
   */
  public abstract bind(scope: Construct): FleetSessionScriptConfig;
}

const APPSTREAM_PRINCIPAL = 'appstream.amazonaws.com';

function grantServiceRead(scope: Construct, bucket: s3.IBucket, key: string): void {
  bucket.grantRead(new iam.ServicePrincipal(APPSTREAM_PRINCIPAL), key);
  // An imported bucket has no policy that the app can change: the grant above is then a no-op.
  if (!bucket.policy) {
    Annotations.of(scope).addWarningV2(Warnings.SESSION_SCRIPT_BUCKET_POLICY,
      `The bucket policy of ${bucket.bucketName} is not managed by this app (imported bucket?): allow ${APPSTREAM_PRINCIPAL} s3:GetObject on the session script object yourself`);
  }
}

class BucketSessionScript extends FleetSessionScript {
  constructor(private readonly bucket: s3.IBucket, private readonly key: string) {
    super();
  }

  public bind(scope: Construct): FleetSessionScriptConfig {
    grantServiceRead(scope, this.bucket, this.key);
    return { bucket: this.bucket, key: this.key };
  }
}
