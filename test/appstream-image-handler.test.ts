import {
  CopyImageCommand,
  CreateImportedImageCommand,
  CreateUpdatedImageCommand,
  DeleteImageCommand,
  DeleteImagePermissionsCommand,
  DescribeImagePermissionsCommand,
  DescribeImagesCommand,
  type Image,
  UpdateImagePermissionsCommand,
} from '@aws-sdk/client-appstream';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { strictAppStreamMock } from './util/strict-appstream-mock';
import { isComplete, onEvent } from '../lambda/image/index';
import { imageNameOf, isReplacement, markerOf, parseSpec, shareChanges, tagChanges } from '../lambda/image/plan';
import { Image as ImageConstruct } from '../src/images/image';
import { ImageSource } from '../src/images/image-source';
import { IMAGE_RESOURCE_TYPE } from '../src/images/private/image-contract';

const appStream = strictAppStreamMock();

const base = {
  ServiceToken: 'token',
  ResponseURL: 'https://example.com',
  StackId: 'arn:aws:cloudformation:us-east-1:111111111111:stack/s/1',
  RequestId: 'req',
  LogicalResourceId: 'Golden',
  ResourceType: IMAGE_RESOURCE_TYPE,
};
const AMI = 'ami-0123456789abcdef0';
function props(overrides: Record<string, unknown> = {}, source: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ServiceToken: 'token',
    ImageName: 'golden',
    Source: { Kind: 'IMPORTED', SourceAmiId: AMI, IamRoleArn: 'arn:aws:iam::111111111111:role/import', DisplayName: 'Golden', ...source },
    RemovalPolicy: 'Retain',
    ...overrides,
  };
}
const create = (p = props()): CloudFormationCustomResourceEvent => ({ ...base, RequestType: 'Create', ResourceProperties: p as any });
const update = (p: Record<string, unknown>, old: Record<string, unknown>, physicalId = 'golden'): CloudFormationCustomResourceEvent =>
  ({ ...base, RequestType: 'Update', PhysicalResourceId: physicalId, ResourceProperties: p as any, OldResourceProperties: old as any });
const remove = (p: Record<string, unknown>, physicalId = 'golden'): CloudFormationCustomResourceEvent =>
  ({ ...base, RequestType: 'Delete', PhysicalResourceId: physicalId, ResourceProperties: p as any });
const spec = (p: Record<string, unknown>) => parseSpec(p, base);
const marker = (p = props()) => markerOf(spec(p));
const ours = (state: string, extra: Partial<Image> = {}, p = props()): Image => ({
  Name: 'golden', Arn: 'arn:aws:appstream:us-east-1:111111111111:image/golden', State: state as Image['State'], Description: marker(p), ...extra,
});
const notFound = () => Object.assign(new Error('not found'), { name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 400 } });
const throttled = (name: string) => Object.assign(new Error('Rate exceeded'), { name, $metadata: { httpStatusCode: 400 } });

describe('onEvent', () => {
  test('create imports the AMI under the name, with the marker in the description and the tags', async () => {
    appStream.on(DescribeImagesCommand).rejects(notFound());
    appStream.on(CreateImportedImageCommand).resolves({});

    const result = await onEvent(create(props({ Tags: { team: 'euc' } })));

    expect(result).toEqual({ PhysicalResourceId: 'golden' });
    expect(appStream).toHaveReceivedCommandWith(DescribeImagesCommand, { Names: ['golden'] });
    expect(appStream).toHaveReceivedCommandWith(CreateImportedImageCommand, {
      Name: 'golden',
      SourceAmiId: AMI,
      IamRoleArn: 'arn:aws:iam::111111111111:role/import',
      DisplayName: 'Golden',
      Description: marker(),
      Tags: { team: 'euc' },
    });
  });

  test('a repeated create adopts the image this resource made, without creating again', async () => {
    appStream.on(DescribeImagesCommand).resolves({ Images: [ours('IMPORTING')] });

    expect(await onEvent(create())).toEqual({ PhysicalResourceId: 'golden' });
    expect(appStream).toHaveReceivedCommandTimes(CreateImportedImageCommand, 0);
  });

  test('an image of that name without the marker fails the create and is not touched', async () => {
    appStream.on(DescribeImagesCommand).resolves({ Images: [ours('AVAILABLE', { Description: 'by hand' })] });

    await expect(onEvent(create())).rejects.toThrow(/An image named "golden" already exists and was not made by this resource/);
    expect(appStream.calls()).toHaveLength(1);
  });

  test('updated images: CreateUpdatedImage; no update available fails clearly', async () => {
    const updated = props({ ImageName: 'patched' }, { Kind: 'UPDATED', ExistingImageName: 'base', SourceAmiId: undefined, IamRoleArn: undefined });
    appStream.on(DescribeImagesCommand).rejects(notFound());
    appStream.on(CreateUpdatedImageCommand).resolvesOnce({ canUpdateImage: true, image: { Name: 'patched' } }).resolves({ canUpdateImage: false });

    await onEvent(create(updated));
    await expect(onEvent(create(updated))).rejects.toThrow(/Image "base" has no updates to apply/);
    expect(appStream).toHaveReceivedCommandWith(CreateUpdatedImageCommand, {
      existingImageName: 'base', newImageName: 'patched', newImageDisplayName: 'Golden', newImageDescription: marker(updated),
    });
  });

  test('an update of the source is a replacement: a new image under the new generated name', async () => {
    const generated = (ami: string) => props({ ImageName: undefined, NamePrefix: 'Golden' }, { SourceAmiId: ami });
    const oldName = imageNameOf(spec(generated(AMI)));
    appStream.on(DescribeImagesCommand).rejects(notFound());
    appStream.on(CreateImportedImageCommand).resolves({});

    const result = await onEvent(update(generated('ami-0fedcba9876543210'), generated(AMI), oldName));

    expect(result.PhysicalResourceId).toMatch(/^Golden-[0-9a-f]{8}$/);
    expect(result.PhysicalResourceId).not.toBe(oldName);
    expect(appStream).toHaveReceivedCommandWith(CreateImportedImageCommand, { SourceAmiId: 'ami-0fedcba9876543210', Name: result.PhysicalResourceId });
  });

  test('an update of shares only keeps the image and only reads it (isComplete applies shares)', async () => {
    const shared = props({ ShareWith: [{ AccountId: '222222222222' }] });
    appStream.on(DescribeImagesCommand).resolves({ Images: [ours('AVAILABLE', {}, shared)] });

    const result = await onEvent(update(shared, props()));

    expect(result).toEqual({ PhysicalResourceId: 'golden' });
    expect(appStream.calls()).toHaveLength(1);
  });

  test('an update of an image deleted out of band fails at once, not after the timeout', async () => {
    appStream.on(DescribeImagesCommand).rejects(notFound());

    await expect(onEvent(update(props({ CopyTo: ['eu-west-1'] }), props())))
      .rejects.toThrow('Image "golden" that this resource made no longer exists (or is not the one it made): change the source (or the name) to make a new one');
  });

  test('delete keeps the image by default', async () => {
    expect(await onEvent(remove(props()))).toEqual({ PhysicalResourceId: 'golden' });
    expect(appStream.calls()).toHaveLength(0);
  });

  test('delete with Destroy removes its shares and the image', async () => {
    const destroy = props({ RemovalPolicy: 'Destroy', ShareWith: [{ AccountId: '222222222222' }] });
    appStream.on(DescribeImagesCommand).resolves({ Images: [ours('AVAILABLE', {}, destroy)] });
    appStream.on(DeleteImagePermissionsCommand).resolves({});
    appStream.on(DeleteImageCommand).resolves({});

    await onEvent(remove(destroy));

    expect(appStream).toHaveReceivedCommandWith(DeleteImagePermissionsCommand, { Name: 'golden', SharedAccountId: '222222222222' });
    expect(appStream).toHaveReceivedCommandWith(DeleteImageCommand, { Name: 'golden' });
  });

  test('delete with Destroy of an image already gone succeeds, also when it goes between read and delete', async () => {
    const destroy = props({ RemovalPolicy: 'Destroy' });
    appStream.on(DescribeImagesCommand).rejectsOnce(notFound()).resolves({ Images: [ours('AVAILABLE', {}, destroy)] });
    appStream.on(DeleteImageCommand).rejects(notFound());

    await expect(onEvent(remove(destroy))).resolves.toEqual({ PhysicalResourceId: 'golden' });
    await expect(onEvent(remove(destroy))).resolves.toEqual({ PhysicalResourceId: 'golden' });
    expect(appStream).toHaveReceivedCommandTimes(DeleteImageCommand, 1);
  });

  test('delete with Destroy never deletes an image it did not make', async () => {
    appStream.on(DescribeImagesCommand).resolves({ Images: [ours('AVAILABLE', { Description: 'by hand' })] });

    await onEvent(remove(props({ RemovalPolicy: 'Destroy' })));

    expect(appStream).toHaveReceivedCommandTimes(DeleteImageCommand, 0);
  });

  test('RequestLimitExceededException and ThrottlingException are retried', async () => {
    appStream.on(DescribeImagesCommand)
      .rejectsOnce(throttled('RequestLimitExceededException'))
      .rejectsOnce(throttled('ThrottlingException'))
      .rejects(notFound());
    appStream.on(CreateImportedImageCommand).rejectsOnce(throttled('RequestLimitExceededException')).resolves({});

    await onEvent(create());

    expect(appStream).toHaveReceivedCommandTimes(DescribeImagesCommand, 3);
    expect(appStream).toHaveReceivedCommandTimes(CreateImportedImageCommand, 2);
  });
});

describe('isComplete', () => {
  const poll = (event: CloudFormationCustomResourceEvent) => isComplete({ ...event, PhysicalResourceId: 'golden' });

  test('not complete while the image is not visible or still IMPORTING', async () => {
    appStream.on(DescribeImagesCommand).rejectsOnce(notFound()).resolves({ Images: [ours('IMPORTING')] });

    expect(await poll(create())).toEqual({ IsComplete: false });
    expect(await poll(create())).toEqual({ IsComplete: false });
  });

  test('complete once AVAILABLE, with name and ARN', async () => {
    appStream.on(DescribeImagesCommand).resolves({ Images: [ours('AVAILABLE')] });

    expect(await poll(create())).toEqual({
      IsComplete: true,
      Data: { ImageName: 'golden', ImageArn: 'arn:aws:appstream:us-east-1:111111111111:image/golden' },
    });
  });

  test('FAILED: deletes the failed image and fails with its StateChangeReason and ImageErrors', async () => {
    appStream.on(DescribeImagesCommand).resolves({
      Images: [ours('FAILED', {
        StateChangeReason: { Code: 'IMAGE_IMPORT_FAILURE', Message: 'unsupported AMI' },
        ImageErrors: [{ ErrorCode: 'VALIDATION_ERROR', ErrorMessage: 'no agent' }],
      })],
    });
    appStream.on(DeleteImageCommand).resolves({});

    await expect(poll(create())).rejects.toThrow('Image "golden" is FAILED: IMAGE_IMPORT_FAILURE: unsupported AMI; ImageErrors: VALIDATION_ERROR: no agent');
    expect(appStream).toHaveReceivedCommandWith(DeleteImageCommand, { Name: 'golden' });
  });

  test('shares: adds the missing, fixes the different, removes only what the old properties shared', async () => {
    const share = (id: string, builder = 'true') => ({ AccountId: id, AllowFleet: 'true', AllowImageBuilder: builder });
    const before = props({ ShareWith: [share('222222222222'), share('333333333333')] });
    const after = props({ ShareWith: [share('333333333333', 'false'), share('444444444444')] });
    appStream.on(DescribeImagesCommand).resolves({ Images: [ours('AVAILABLE', {}, after)] });
    appStream.on(DescribeImagePermissionsCommand).resolves({
      SharedImagePermissionsList: [
        { sharedAccountId: '222222222222', imagePermissions: { allowFleet: true, allowImageBuilder: true } },
        { sharedAccountId: '333333333333', imagePermissions: { allowFleet: true, allowImageBuilder: true } },
        { sharedAccountId: '999999999999', imagePermissions: { allowFleet: true } },
      ],
    });
    appStream.on(UpdateImagePermissionsCommand).resolves({});
    appStream.on(DeleteImagePermissionsCommand).resolves({});

    expect((await poll(update(after, before))).IsComplete).toBe(true);

    expect(appStream).toHaveReceivedCommandTimes(UpdateImagePermissionsCommand, 2);
    expect(appStream).toHaveReceivedCommandWith(UpdateImagePermissionsCommand,
      { Name: 'golden', SharedAccountId: '333333333333', ImagePermissions: { allowFleet: true, allowImageBuilder: false } });
    expect(appStream).toHaveReceivedCommandWith(UpdateImagePermissionsCommand,
      { Name: 'golden', SharedAccountId: '444444444444', ImagePermissions: { allowFleet: true, allowImageBuilder: true } });
    expect(appStream).toHaveReceivedCommandTimes(DeleteImagePermissionsCommand, 1);
    expect(appStream).toHaveReceivedCommandWith(DeleteImagePermissionsCommand, { Name: 'golden', SharedAccountId: '222222222222' });
  });

  test('copies: starts the copy when the destination has none, and waits for it', async () => {
    const copying = props({ CopyTo: ['eu-west-1'] });
    appStream.on(DescribeImagesCommand).resolvesOnce({ Images: [ours('AVAILABLE', {}, copying)] }).rejectsOnce(notFound());
    appStream.on(CopyImageCommand).resolves({ DestinationImageName: 'golden' });

    expect(await poll(create(copying))).toEqual({ IsComplete: false });
    expect(appStream).toHaveReceivedCommandWith(CopyImageCommand, {
      SourceImageName: 'golden', DestinationImageName: 'golden', DestinationRegion: 'eu-west-1', DestinationImageDescription: marker(copying),
    });
  });

  test('delete is complete at once', async () => {
    expect(await isComplete(remove(props()))).toEqual({ IsComplete: true });
  });
});

describe('plan', () => {
  test('a generated name changes with the source and stays within 100 characters', () => {
    const generated = (ami: string, owner = base) => parseSpec(props({ ImageName: undefined, NamePrefix: 'P'.repeat(91) }, { SourceAmiId: ami }), owner);
    expect(imageNameOf(generated(AMI))).toHaveLength(100);
    expect(imageNameOf(generated(AMI))).not.toBe(imageNameOf(generated('ami-0fedcba9876543210')));
    expect(imageNameOf(generated(AMI))).toBe(imageNameOf(generated(AMI)));
    // A stack deployed again after `cdk destroy` (a new stack id) does not collide with the images the first one kept.
    expect(imageNameOf(generated(AMI, { ...base, StackId: `${base.StackId}-again` }))).not.toBe(imageNameOf(generated(AMI)));
  });

  test('the marker differs by stack, resource and source, and fits the import description pattern', () => {
    const golden = spec(props());
    expect(markerOf(golden)).toMatch(/^\(cdk-appstream [0-9a-f]{16}\)$/);
    expect(markerOf(parseSpec(props(), { ...base, LogicalResourceId: 'Other' }))).not.toBe(markerOf(golden));
    expect(markerOf(spec(props({}, { SourceAmiId: 'ami-0fedcba9876543210' })))).not.toBe(markerOf(golden));
  });

  test('replacement: name or source; not shares, copies, tags or removal policy', () => {
    const golden = spec(props());
    expect(isReplacement(golden, spec(props({ ShareWith: [{ AccountId: '1' }], CopyTo: ['eu-west-1'], Tags: { a: 'b' }, RemovalPolicy: 'Destroy' })))).toBe(false);
    expect(isReplacement(golden, spec(props({ ImageName: 'other' })))).toBe(true);
    expect(isReplacement(golden, spec(props({}, { DisplayName: 'New' })))).toBe(true);
  });

  test('share and tag changes', () => {
    expect(shareChanges([], [], [{ accountId: '1', allowFleet: true, allowImageBuilder: true }])).toEqual({ put: [], remove: [] });
    expect(tagChanges({ a: '1', b: '2' }, { a: '1', b: '3', c: '4' })).toEqual({ set: { b: '3', c: '4' }, remove: [] });
    expect(tagChanges({ a: '1' }, {})).toEqual({ set: {}, remove: ['a'] });
  });

  test('refuses properties without a source or a name', () => {
    expect(() => spec({ ImageName: 'x' })).toThrow(/Source is required/);
    expect(() => spec({ ImageName: 'x', Source: { Kind: 'MAGIC' } })).toThrow(/Source.Kind must be IMPORTED or UPDATED/);
    expect(() => spec({ Source: { Kind: 'IMPORTED' } })).toThrow(/ImageName or NamePrefix is required/);
  });
});

describe('contract: what the construct renders, the handler reads', () => {
  test('a synthesized Image parses, and its generated name fits the API', () => {
    const stack = new Stack(new App(), 'S'.repeat(120), { env: { account: '123456789012', region: 'us-east-1' } });
    new ImageConstruct(stack, 'Golden'.repeat(20), {
      source: ImageSource.fromAmi({ amiId: AMI, role: iam.Role.fromRoleArn(stack, 'Role', 'arn:aws:iam::123456789012:role/r') }),
      shareWith: ['111111111111'],
      sharePermissions: { allowImageBuilder: false },
      copyTo: ['eu-west-1'],
    });
    const rendered = Object.values(Template.fromStack(stack).findResources('Custom::AppStreamImage'))[0].Properties;
    // CloudFormation hands every scalar over as a string.
    const asCloudFormationSends = JSON.parse(JSON.stringify(rendered, (_key, value) => (typeof value === 'boolean' ? String(value) : value)));

    const parsed = spec(asCloudFormationSends);

    expect(imageNameOf(parsed)).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}$/);
    expect(parsed).toMatchObject({
      shares: [{ accountId: '111111111111', allowFleet: true, allowImageBuilder: false }],
      copyTo: ['eu-west-1'],
      destroy: false,
      source: { Kind: 'IMPORTED', SourceAmiId: AMI },
    });
  });
});
