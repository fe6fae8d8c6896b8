import { Annotations, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** The service principal of AppStream, which fetches session scripts and theme images itself. */
export const APPSTREAM_PRINCIPAL = 'appstream.amazonaws.com';

/**
 * Lets AppStream read objects of `bucket` (`keyPattern`: a key or a pattern such as `theme/*`) on
 * behalf of the account of `scope` only: `s3:GetObject`, conditioned on `aws:SourceAccount` (the
 * confused-deputy guidance of AppStream's developer guide). Every bucket the library opens to
 * AppStream goes through here.
 *
 * An imported bucket has no policy the app can change: the statement is dropped, and the warning
 * `warningId` says what to allow by hand: `s3:GetObject on <what>`.
 */
export function grantServiceRead(scope: Construct, bucket: s3.IBucket, keyPattern: string, warningId: string, what: string): void {
  const principal = new iam.ServicePrincipal(APPSTREAM_PRINCIPAL);
  const conditions = { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } };
  const { statementAdded } = bucket.addToResourcePolicy(new iam.PolicyStatement({
    principals: [principal],
    actions: ['s3:GetObject'],
    resources: [bucket.arnForObjects(keyPattern)],
    conditions,
  }));
  if (!statementAdded) {
    Annotations.of(scope).addWarningV2(warningId,
      `The bucket policy of ${bucket.bucketName} is not managed by this app (imported bucket?): allow ${APPSTREAM_PRINCIPAL} s3:GetObject on ${what}`);
    return;
  }
  // A key of this app takes the statement; an imported key ignores it, as bucket.grantRead() would.
  bucket.encryptionKey?.addToResourcePolicy(new iam.PolicyStatement({
    principals: [principal],
    actions: ['kms:Decrypt'],
    resources: ['*'],
    conditions,
  }), true);
}
