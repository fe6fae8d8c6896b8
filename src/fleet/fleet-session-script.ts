import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { grantServiceAccess } from '../core/private/service-access';
import { Warnings } from '../core/private/warnings';

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
 * The fleet lets the AppStream service principal (`appstream.amazonaws.com`), which fetches the
 * object, read that object only (`s3:GetObject`), and only on behalf of the fleet's account
 * (`aws:SourceAccount`, AppStream's cross-service confused-deputy guidance). A CDK file asset is
 * not offered: the bootstrap bucket's policy cannot be changed to let AppStream read it.
 */
export abstract class FleetSessionScript {
  /**
   * A zip file already in an S3 bucket.
   *
   * When the bucket belongs to this app, its bucket policy gets a statement that lets
   * `appstream.amazonaws.com` `s3:GetObject` the object, on the condition that `aws:SourceAccount`
   * is the fleet's account (and, for a bucket encrypted with a KMS key of this app, the key policy
   * lets it `kms:Decrypt` on the same condition). For an imported bucket, add that statement to
   * the bucket policy yourself (a warning says so).
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

class BucketSessionScript extends FleetSessionScript {
  constructor(private readonly bucket: s3.IBucket, private readonly key: string) {
    super();
  }

  public bind(scope: Construct): FleetSessionScriptConfig {
    grantServiceAccess(scope, this.bucket, {
      key: this.key,
      warningId: Warnings.SESSION_SCRIPT_BUCKET_POLICY,
      what: 'the session script object',
      owner: 'the fleet\'s account',
    });
    return { bucket: this.bucket, key: this.key };
  }
}
