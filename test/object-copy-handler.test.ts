import { CopyObjectCommand, DeleteObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { onEvent, resetClient } from '../lambda/object-copy/index';
import { onEvent as dispatch } from '../lambda/provider/index';
import { OBJECT_COPY_RESOURCE_TYPE } from '../src/apps/private/object-copy-contract';

const s3 = mockClient(S3Client);

beforeAll(() => {
  process.env.APPSTREAM_RETRY_BASE_DELAY_MS = '1';
  process.env.APPSTREAM_INITIAL_REQUEST_RATE = '1000';
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
beforeEach(() => {
  resetClient();
  s3.reset();
  s3.onAnyCommand().rejects(new Error('unexpected call'));
});

const base = {
  ServiceToken: 'token',
  ResponseURL: 'https://example.com',
  StackId: 'stack',
  RequestId: 'req',
  LogicalResourceId: 'Copy',
  ResourceType: OBJECT_COPY_RESOURCE_TYPE,
};

const props = (key = 'abc.vhd') => ({
  ServiceToken: 'token',
  SourceBucket: 'cdk-assets',
  SourceKey: key,
  DestinationBucket: 'app-files',
  DestinationKey: `cdk-appstream/${key}`,
});

function s3Error(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status }, message: name });
}

describe('object copy handler', () => {
  test('create copies the asset and names the copy as its physical id (through the provider dispatcher)', async () => {
    s3.on(CopyObjectCommand).resolves({});
    const result = await dispatch({ ...base, RequestType: 'Create', ResourceProperties: props() } as CloudFormationCustomResourceEvent);
    expect(result).toEqual({ PhysicalResourceId: 's3://app-files/cdk-appstream/abc.vhd' });
    expect(s3).toHaveReceivedCommandWith(CopyObjectCommand, { CopySource: 'cdk-assets/abc.vhd', Bucket: 'app-files', Key: 'cdk-appstream/abc.vhd' });
  });

  test('a key with characters to encode is URL-encoded in CopySource, its slashes kept', async () => {
    s3.on(CopyObjectCommand).resolves({});
    await onEvent({ ...base, RequestType: 'Create', ResourceProperties: props('dir/a b+c.zip') });
    expect(s3).toHaveReceivedCommandWith(CopyObjectCommand, { CopySource: 'cdk-assets/dir/a%20b%2Bc.zip' });
  });

  test('a repeated event, or an update, copies again: the result converges', async () => {
    s3.on(CopyObjectCommand).resolves({});
    const event = { ...base, RequestType: 'Update', PhysicalResourceId: 's3://app-files/cdk-appstream/old.vhd', ResourceProperties: props('new.vhd'), OldResourceProperties: props('old.vhd') } as const;
    expect(await onEvent(event)).toEqual({ PhysicalResourceId: 's3://app-files/cdk-appstream/new.vhd' });
    expect(await onEvent(event)).toEqual({ PhysicalResourceId: 's3://app-files/cdk-appstream/new.vhd' });
    expect(s3).toHaveReceivedCommandTimes(CopyObjectCommand, 2);
    expect(s3).not.toHaveReceivedCommand(DeleteObjectCommand);
  });

  test('delete removes the copy it made, and only that', async () => {
    s3.on(DeleteObjectCommand).resolves({});
    const result = await onEvent({ ...base, RequestType: 'Delete', PhysicalResourceId: 's3://app-files/cdk-appstream/abc.vhd', ResourceProperties: props() });
    expect(result).toEqual({ PhysicalResourceId: 's3://app-files/cdk-appstream/abc.vhd' });
    expect(s3).toHaveReceivedCommandWith(DeleteObjectCommand, { Bucket: 'app-files', Key: 'cdk-appstream/abc.vhd' });
    expect(s3).toHaveReceivedCommandTimes(DeleteObjectCommand, 1);
  });

  test('delete after a failed create (no copy was made) calls nothing', async () => {
    const id = 'AWSCDK::CustomResourceProviderFramework::CREATE_FAILED';
    expect(await onEvent({ ...base, RequestType: 'Delete', PhysicalResourceId: id, ResourceProperties: props() })).toEqual({ PhysicalResourceId: id });
    expect(s3.calls()).toHaveLength(0);
  });

  test('delete when the bucket is already gone succeeds', async () => {
    s3.on(DeleteObjectCommand).rejects(s3Error('NoSuchBucket', 404));
    await expect(onEvent({ ...base, RequestType: 'Delete', PhysicalResourceId: 's3://gone/cdk-appstream/a.vhd', ResourceProperties: props() })).resolves.toBeDefined();
  });

  test('throttling and 5xx are retried; a refusal fails the resource', async () => {
    s3.on(CopyObjectCommand).rejectsOnce(s3Error('SlowDown', 503)).rejectsOnce(s3Error('InternalError', 500)).resolves({});
    await onEvent({ ...base, RequestType: 'Create', ResourceProperties: props() });
    expect(s3).toHaveReceivedCommandTimes(CopyObjectCommand, 3);

    s3.on(CopyObjectCommand).rejects(s3Error('AccessDenied', 403));
    await expect(onEvent({ ...base, RequestType: 'Create', ResourceProperties: props() })).rejects.toThrow(/AccessDenied/);
    s3.on(DeleteObjectCommand).rejects(s3Error('AccessDenied', 403));
    await expect(onEvent({ ...base, RequestType: 'Delete', PhysicalResourceId: 's3://b/cdk-appstream/k', ResourceProperties: props() })).rejects.toThrow(/AccessDenied/);
  });

  test('a missing property fails before any call', async () => {
    await expect(onEvent({ ...base, RequestType: 'Create', ResourceProperties: { ...props(), DestinationKey: '' } })).rejects.toThrow(/Property DestinationKey must be a non-empty string/);
    expect(s3.calls()).toHaveLength(0);
  });
});
