import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct, DependencyGroup, IDependable } from 'constructs';
import { appStreamFilesBucket, ObjectCopy } from './private/object-copy-resource';
import { grantServiceAccess } from '../core/private/service-access';
import { Warnings } from '../core/private/warnings';

/**
 * Options of `AppStreamFile.fromAsset()` and `AppStreamFile.fromS3Asset()`.
 */
export interface AppStreamFileAssetOptions extends s3_assets.AssetOptions {
  /**
   * The bucket of this app that the file is copied into, where AppStream reads it. It must be a
   * bucket whose policy this app manages (a `new s3.Bucket(...)`).
   *
   * @default - a bucket that the library creates once per CDK stack (private, TLS only, encrypted,
   * destroyed with the stack)
   */
  readonly bucket?: s3.IBucket;
}

/**
 * Where a file is, once bound to the resource that uses it.
 */
export interface AppStreamFileConfig {
  /** The bucket that holds the file. */
  readonly bucket: s3.IBucket;

  /** The key of the file in the bucket. */
  readonly key: string;

  /**
   * What must exist before the resource that uses the file is created: the bucket policy that lets
   * AppStream read it (AppStream may check at creation) and the copy of a file asset.
   *
   * @default - nothing
   */
  readonly dependency?: IDependable;
}

/**
 * A file that AppStream fetches from Amazon S3: the content or a script of an app block, the icon of
 * an application.
 *
 * The resource that uses the file lets the AppStream service principal (`appstream.amazonaws.com`)
 * read that object only (`s3:GetObject`), and only on behalf of its own account (`aws:SourceAccount`,
 * AppStream's cross-service confused-deputy guidance): the same narrow policy as session scripts.
 */
export abstract class AppStreamFile {
  /**
   * A file already in an S3 bucket.
   *
   * When the bucket belongs to this app, its bucket policy gets the statement that lets AppStream
   * read the object. For an imported bucket, add that statement yourself (a warning says so).
   *
   * @param bucket the bucket
   * @param key the object key (1 to 1,024 characters)
   */
  public static fromBucket(bucket: s3.IBucket, key: string): AppStreamFile {
    return new BucketFile(bucket, key);
  }

  /**
   * A local file or folder (a folder is zipped), uploaded as a CDK file asset and copied at deploy
   * time into a bucket of the app that AppStream may read (the CDK bootstrap bucket's policy belongs
   * to the bootstrap stack and cannot let AppStream in). The copy's key is the hash of the content:
   * new content gives a new key, and so a new resource where the key is create-only.
   *
   * The copy is a single S3 CopyObject request: files up to 5 GB.
   *
   * @param path the local path
   * @param options asset options and the destination bucket
   */
  public static fromAsset(path: string, options: AppStreamFileAssetOptions = {}): AppStreamFile {
    return new AssetFile((scope, id) => new s3_assets.Asset(scope, id, { ...options, path }), options.bucket);
  }

  /**
   * A CDK file asset defined elsewhere, copied at deploy time into a bucket of the app that AppStream
   * may read, as `fromAsset()` does.
   *
   * @param asset the asset
   * @param options the destination bucket (the other asset options are ignored)
   */
  public static fromS3Asset(asset: s3_assets.Asset, options: AppStreamFileAssetOptions = {}): AppStreamFile {
    return new AssetFile(() => asset, options.bucket);
  }

  /**
   * Binds the file to the resource that uses it: lets AppStream read it and returns where it is.
   *
   * @param scope the resource that uses the file
   * @param id a construct id, unique in `scope`, for what the file creates
   */
  public abstract bind(scope: Construct, id: string): AppStreamFileConfig;
}

/**
 * Lets AppStream read `key` of `bucket` for `scope` (or warns that the policy is not the app's), and
 * returns what the resource that reads it must wait for: `before`, and the bucket policy.
 */
function grantRead(scope: Construct, bucket: s3.IBucket, key: string, before?: IDependable): IDependable | undefined {
  grantServiceAccess(scope, bucket, {
    key,
    warningId: Warnings.APP_FILE_BUCKET_POLICY,
    what: `the object ${key}`,
    owner: 'this stack\'s account',
  });
  const dependencies = [before, bucket.policy].filter((d): d is IDependable => d !== undefined);
  return dependencies.length > 0 ? new DependencyGroup(...dependencies) : undefined;
}

class BucketFile extends AppStreamFile {
  constructor(private readonly bucket: s3.IBucket, private readonly key: string) {
    super();
  }

  public bind(scope: Construct, _id: string): AppStreamFileConfig {
    return { bucket: this.bucket, key: this.key, dependency: grantRead(scope, this.bucket, this.key) };
  }
}

class AssetFile extends AppStreamFile {
  constructor(private readonly makeAsset: (scope: Construct, id: string) => s3_assets.Asset, private readonly bucket?: s3.IBucket) {
    super();
  }

  public bind(scope: Construct, id: string): AppStreamFileConfig {
    const asset = this.makeAsset(scope, `${id}Asset`);
    const bucket = this.bucket ?? appStreamFilesBucket(scope);
    const copy = new ObjectCopy(scope, `${id}Copy`, { asset, destination: bucket });
    return { bucket, key: copy.key, dependency: grantRead(scope, bucket, copy.key, copy.resource) };
  }
}
