import { Annotations, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';

/** The service principal that fetches session scripts, app blocks, setup scripts and icons. */
export const APPSTREAM_PRINCIPAL = 'appstream.amazonaws.com';

/** What `grantServiceAccess` opens to AppStream, and what it says when it cannot. */
export interface ServiceAccess {
  /** The object key, or a key pattern such as `*`. */
  readonly key: string;
  /** The S3 actions. @default ['s3:GetObject'] */
  readonly actions?: string[];
  /** The warning id added when the bucket policy is not the app's to change. */
  readonly warningId: string;
  /** What the objects are, for the warning (`the session script object`). */
  readonly what: string;
  /** Whose account the condition names, for the warning (`the fleet's account`). */
  readonly owner: string;
}

/**
 * Lets AppStream act on objects of `bucket` on behalf of the account of `scope` only: the actions on
 * the objects, conditioned on `aws:SourceAccount` (the confused-deputy guidance of AppStream's
 * developer guide, "cross-service confused deputy prevention"). Every bucket the library opens to
 * AppStream goes through here.
 */
export function grantServiceAccess(scope: IConstruct, bucket: s3.IBucket, access: ServiceAccess): void {
  const principal = new iam.ServicePrincipal(APPSTREAM_PRINCIPAL);
  const conditions = { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } };
  const actions = access.actions ?? ['s3:GetObject'];
  const { statementAdded } = bucket.addToResourcePolicy(new iam.PolicyStatement({
    principals: [principal],
    actions,
    resources: [bucket.arnForObjects(access.key)],
    conditions,
  }));
  // An imported bucket has no policy that the app can change: the statement above is then dropped.
  if (!statementAdded) {
    Annotations.of(scope).addWarningV2(access.warningId,
      `The bucket policy of ${bucket.bucketName} is not managed by this app (imported bucket?): allow ${APPSTREAM_PRINCIPAL} ${actions.join(' and ')} on ${access.what} yourself, with the condition aws:SourceAccount = ${access.owner}`);
    return;
  }
  // A key of this app takes the statement; an imported key ignores it, as bucket.grantRead() would.
  const keyActions = actions.includes('s3:PutObject') ? ['kms:Decrypt', 'kms:GenerateDataKey*'] : ['kms:Decrypt'];
  bucket.encryptionKey?.addToResourcePolicy(new iam.PolicyStatement({
    principals: [principal],
    actions: keyActions,
    resources: ['*'],
    conditions,
  }), true);
}

/**
 * A role that AppStream instances (fleets, image builders, app block builders) assume, by
 * `appstream.amazonaws.com` on behalf of this account only: the `aws:SourceAccount` condition of
 * AppStream's cross-service confused-deputy guidance.
 */
export function newInstanceRole(scope: IConstruct, id: string, description: string): iam.Role {
  return new iam.Role(scope, id, {
    assumedBy: new iam.ServicePrincipal(APPSTREAM_PRINCIPAL).withConditions({
      StringEquals: { 'aws:SourceAccount': Stack.of(scope).account },
    }),
    description,
  });
}
