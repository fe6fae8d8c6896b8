/**
 * Handler of `Custom::AppStreamObjectCopy`: copies a CDK file asset into a bucket of the app, where
 * AppStream may read it (the bootstrap bucket's policy cannot let AppStream in).
 *
 * Create and Update copy the object (CopyObject: one request, objects up to 5 GB); a repeated event
 * copies again, which converges. The physical id names the destination, so a new destination
 * replaces the resource and CloudFormation deletes the old copy after the deployment. Delete
 * removes only the object this resource copied (its physical id), and succeeds when it is gone.
 */
import { CopyObjectCommand, DeleteObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { copyPhysicalId, ObjectCopyProps, parseCopyPhysicalId } from '../../src/apps/private/object-copy-contract';
import { INVOCATION_MARGIN_MS } from '../../src/core/private/provider-contract';
import { newPacer } from '../shared/appstream';
import { logEvent } from '../shared/log';
import { Deadline, type Pacer } from '../shared/pacing';

/** What onEvent returns to the provider framework. */
export interface OnEventResponse {
  readonly PhysicalResourceId: string;
}

let s3: S3Client | undefined;
let pacer: Pacer | undefined;

/** Forgets the process-wide client (tests that mock it). */
export function resetClient(): void {
  s3 = undefined;
  pacer = undefined;
}

export async function onEvent(event: CloudFormationCustomResourceEvent, context?: Partial<Context>): Promise<OnEventResponse> {
  logEvent(event);
  s3 ??= new S3Client({ maxAttempts: 1 });
  pacer ??= newPacer();
  const deadline = Deadline.of(context, INVOCATION_MARGIN_MS);
  const send = <T>(call: (client: S3Client) => Promise<T>) => pacer!.call(() => call(s3!), deadline);

  if (event.RequestType === 'Delete') {
    const copy = parseCopyPhysicalId(event.PhysicalResourceId);
    // Another id: a create that failed before copying anything (the framework's placeholder).
    if (copy) {
      try {
        await send((client) => client.send(new DeleteObjectCommand({ Bucket: copy.bucket, Key: copy.key })));
      } catch (error) {
        if (!isGone(error)) {
          throw error;
        }
      }
    }
    return { PhysicalResourceId: event.PhysicalResourceId };
  }

  const props = event.ResourceProperties;
  const source = { bucket: stringProp(props, ObjectCopyProps.SOURCE_BUCKET), key: stringProp(props, ObjectCopyProps.SOURCE_KEY) };
  const destination = { bucket: stringProp(props, ObjectCopyProps.DESTINATION_BUCKET), key: stringProp(props, ObjectCopyProps.DESTINATION_KEY) };
  await send((client) => client.send(new CopyObjectCommand({
    CopySource: `${source.bucket}/${encodeURIComponent(source.key).replace(/%2F/g, '/')}`,
    Bucket: destination.bucket,
    Key: destination.key,
  })));
  return { PhysicalResourceId: copyPhysicalId(destination.bucket, destination.key) };
}

/** The bucket is gone (deleted by hand): nothing is left to delete. A missing key is not an error for DeleteObject. */
function isGone(error: unknown): boolean {
  return (error as { name?: string })?.name === 'NoSuchBucket';
}

function stringProp(props: Record<string, unknown>, name: string): string {
  const value = props[name];
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(`Property ${name} must be a non-empty string (got ${JSON.stringify(value)})`);
  }
  return value;
}
