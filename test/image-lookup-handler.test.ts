import { DescribeImagesCommand, Image } from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { strictAppStreamMock } from './util/strict-appstream-mock';
import { onEvent, parseProps } from '../lambda/image-lookup/index';
import { IMAGE_LOOKUP_RESOURCE_TYPE } from '../src/fleet/private/image-lookup-contract';

const appStream = strictAppStreamMock();

function image(name: string, created: string, extra: Partial<Image> = {}): Image {
  return {
    Name: name,
    Arn: `arn:aws:appstream:us-east-1::image/${name}`,
    State: 'AVAILABLE',
    Platform: 'WINDOWS_SERVER_2022',
    CreatedTime: new Date(created),
    ...extra,
  };
}

const base = {
  ServiceToken: 'token',
  ResponseURL: 'https://example.com',
  StackId: 'stack',
  RequestId: 'req',
  LogicalResourceId: 'Lookup',
  ResourceType: IMAGE_LOOKUP_RESOURCE_TYPE,
};

function createEvent(props: Record<string, string>): CloudFormationCustomResourceEvent {
  return { ...base, RequestType: 'Create', ResourceProperties: { ServiceToken: 'token', ...props } };
}

describe('image lookup', () => {
  test('reads every page (25 per page, NextToken) and the newest matching AVAILABLE image wins', async () => {
    appStream.on(DescribeImagesCommand, { MaxResults: 25, NextToken: undefined }).resolves({
      Images: [
        image('AppStream-WinServer2022-01-01-2025', '2025-01-01T00:00:00Z'),
        image('AppStream-WinServer2019-09-01-2025', '2025-09-01T00:00:00Z'),
      ],
      NextToken: 'page2',
    });
    appStream.on(DescribeImagesCommand, { MaxResults: 25, NextToken: 'page2' }).resolves({
      Images: [
        image('AppStream-WinServer2022-09-01-2025', '2025-09-01T00:00:00Z'),
        image('AppStream-WinServer2022-10-01-2025', '2025-10-01T00:00:00Z', { State: 'PENDING' }),
      ],
      NextToken: 'page3',
    });
    appStream.on(DescribeImagesCommand, { MaxResults: 25, NextToken: 'page3' }).resolves({
      Images: [image('AppStream-WinServer2022-06-01-2025', '2025-06-01T00:00:00Z')],
    });

    const result = await onEvent(createEvent({ NamePrefix: 'AppStream-WinServer2022-' }));

    expect(appStream).toHaveReceivedCommandTimes(DescribeImagesCommand, 3);
    expect(appStream).toHaveReceivedNthCommandWith(1, DescribeImagesCommand, { MaxResults: 25 });
    expect(appStream).toHaveReceivedNthCommandWith(2, DescribeImagesCommand, { MaxResults: 25, NextToken: 'page2' });
    expect(result).toEqual({
      PhysicalResourceId: 'arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-09-01-2025',
      Data: {
        ImageName: 'AppStream-WinServer2022-09-01-2025',
        ImageArn: 'arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-09-01-2025',
      },
    });
  });

  test('filters by platform and passes the visibility type to the API', async () => {
    appStream.on(DescribeImagesCommand, { Type: 'PRIVATE', MaxResults: 25 }).resolves({
      Images: [
        image('golden-linux', '2025-10-01T00:00:00Z', { Platform: 'AMAZON_LINUX2' }),
        image('golden-win', '2025-09-01T00:00:00Z'),
      ],
    });

    const result = await onEvent(createEvent({ NamePrefix: 'golden-', Platform: 'WINDOWS_SERVER_2022', Type: 'PRIVATE' }));

    expect(appStream).toHaveReceivedCommandWith(DescribeImagesCommand, { Type: 'PRIVATE', MaxResults: 25 });
    expect(result.Data).toEqual({ ImageName: 'golden-win', ImageArn: 'arn:aws:appstream:us-east-1::image/golden-win' });
  });

  test('on equal creation times the greater name wins, whatever the page order', async () => {
    appStream.on(DescribeImagesCommand).resolves({
      Images: [image('base-b', '2025-01-01T00:00:00Z'), image('base-a', '2025-01-01T00:00:00Z')],
    });

    const result = await onEvent(createEvent({ NamePrefix: 'base-' }));

    expect(result.Data?.ImageName).toBe('base-b');
  });

  test('fails clearly when no image matches, naming the filter', async () => {
    appStream.on(DescribeImagesCommand).resolves({
      Images: [image('other', '2025-01-01T00:00:00Z'), image('golden-1', '2025-01-01T00:00:00Z', { State: 'FAILED' })],
    });

    await expect(onEvent(createEvent({ NamePrefix: 'golden-', Platform: 'WINDOWS_SERVER_2022' })))
      .rejects.toThrow('No AVAILABLE image matches name prefix "golden-", platform WINDOWS_SERVER_2022, any type (PUBLIC, PRIVATE, SHARED) (among 2 images)');
  });

  test('retries throttling on any page', async () => {
    const throttled = (name: string) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: 400 } });
    appStream.on(DescribeImagesCommand)
      .rejectsOnce(throttled('RequestLimitExceededException'))
      .rejectsOnce(throttled('ThrottlingException'))
      .resolves({ Images: [image('x-1', '2025-01-01T00:00:00Z')] });

    const result = await onEvent(createEvent({ NamePrefix: 'x-' }));

    expect(appStream).toHaveReceivedCommandTimes(DescribeImagesCommand, 3);
    expect(result.Data?.ImageName).toBe('x-1');
  });

  test('update looks up again (the user changed the refresh token or the filter)', async () => {
    appStream.on(DescribeImagesCommand).resolves({ Images: [image('x-2', '2025-02-01T00:00:00Z')] });

    const result = await onEvent({
      ...base,
      RequestType: 'Update',
      PhysicalResourceId: 'arn:aws:appstream:us-east-1::image/x-1',
      ResourceProperties: { ServiceToken: 'token', NamePrefix: 'x-', RefreshToken: '2' },
      OldResourceProperties: { ServiceToken: 'token', NamePrefix: 'x-', RefreshToken: '1' },
    });

    expect(result.PhysicalResourceId).toBe('arn:aws:appstream:us-east-1::image/x-2');
  });

  test('delete does nothing and keeps the physical id', async () => {
    const result = await onEvent({
      ...base,
      RequestType: 'Delete',
      PhysicalResourceId: 'arn:aws:appstream:us-east-1::image/x-1',
      ResourceProperties: { ServiceToken: 'token', NamePrefix: 'x-' },
    });

    expect(appStream.calls()).toHaveLength(0);
    expect(result).toEqual({ PhysicalResourceId: 'arn:aws:appstream:us-east-1::image/x-1' });
  });

  test('rejects a missing prefix and an unknown visibility type', () => {
    expect(() => parseProps({})).toThrow(/NamePrefix is required/);
    expect(() => parseProps({ NamePrefix: 'a', Type: 'FRIENDS' })).toThrow(/Type must be one of PUBLIC, PRIVATE, SHARED, got "FRIENDS"/);
    expect(parseProps({ NamePrefix: 'a', Platform: '', Type: 'SHARED' })).toEqual({ namePrefix: 'a', platform: undefined, type: 'SHARED' });
  });
});
