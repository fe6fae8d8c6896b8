/**
 * The contract between `ObjectCopy` (the construct) and its handler in `lambda/object-copy/`:
 * resource type and property names, imported by both sides.
 */

/**
 * Copies one object (a CDK file asset) into a bucket of the app, where AppStream may read it: the
 * CDK bootstrap bucket's policy belongs to the bootstrap stack and cannot let AppStream in.
 */
export const OBJECT_COPY_RESOURCE_TYPE = 'Custom::AppStreamObjectCopy';

/** Properties of the resource. */
export const ObjectCopyProps = {
  SOURCE_BUCKET: 'SourceBucket',
  SOURCE_KEY: 'SourceKey',
  DESTINATION_BUCKET: 'DestinationBucket',
  DESTINATION_KEY: 'DestinationKey',
} as const;

/**
 * The physical id of a copy, `s3://<bucket>/<key>`: a new destination is a new id, so CloudFormation
 * deletes the old copy once the deployment no longer needs it.
 */
export function copyPhysicalId(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

/** The bucket and key of a physical id made by `copyPhysicalId`, or undefined for another id. */
export function parseCopyPhysicalId(id: string | undefined): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(id ?? '');
  return match ? { bucket: match[1], key: match[2] } : undefined;
}
