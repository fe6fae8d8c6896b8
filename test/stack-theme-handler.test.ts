import {
  CreateThemeForStackCommand,
  DeleteThemeForStackCommand,
  DescribeThemeForStackCommand,
  UpdateThemeForStackCommand,
} from '@aws-sdk/client-appstream';
import { S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { changes, onEvent, parseProps } from '../lambda/stack-theme';
import { resourceEvents } from './util/provider-framework';
import { strictAppStreamMock } from './util/strict-appstream-mock';
import { STACK_THEME_RESOURCE_TYPE } from '../src/stack/private/stack-theme-contract';

const appStream = strictAppStreamMock();
// The handler never calls S3: the copies of images from files are Custom::AppStreamObjectCopy resources.
const s3 = mockClient(S3Client);
const events = resourceEvents({ resourceType: STACK_THEME_RESOURCE_TYPE, logicalResourceId: 'Theme' });
const awsError = (name: string) => Object.assign(new Error(name), { name, $metadata: {} });

const logo = { Bucket: 'appstream-files', Key: 'cdk-appstream/aaa.png' };
const favicon = { Bucket: 'branding', Key: 'favicon.ico' };
const props = (overrides: Record<string, unknown> = {}) => ({
  StackName: 'portal',
  TitleText: 'Example Corp apps',
  ThemeStyling: 'BLUE',
  FooterLinks: [{ DisplayName: 'IT support', FooterLinkURL: 'https://support.example.com' }],
  OrganizationLogo: logo,
  Favicon: favicon,
  ...overrides,
});

beforeEach(() => {
  s3.reset();
  s3.onAnyCommand().rejects(new Error('unexpected S3 call'));
});

afterEach(() => expect(s3.calls()).toHaveLength(0));

describe('create', () => {
  test('creates the theme with the S3 locations as given (no copy)', async () => {
    appStream.on(DescribeThemeForStackCommand).rejects(awsError('ResourceNotFoundException'));
    appStream.on(CreateThemeForStackCommand).resolves({});

    expect(await onEvent(events.create(props()))).toEqual({ PhysicalResourceId: 'portal' });

    expect(appStream).toHaveReceivedCommandWith(CreateThemeForStackCommand, {
      StackName: 'portal',
      TitleText: 'Example Corp apps',
      ThemeStyling: 'BLUE',
      FooterLinks: [{ DisplayName: 'IT support', FooterLinkURL: 'https://support.example.com' }],
      OrganizationLogoS3Location: { S3Bucket: 'appstream-files', S3Key: 'cdk-appstream/aaa.png' },
      FaviconS3Location: { S3Bucket: 'branding', S3Key: 'favicon.ico' },
    });
  });

  test('a theme that exists already (repeated event) is updated to the template\'s, and enabled', async () => {
    appStream.on(DescribeThemeForStackCommand).resolves({ Theme: { StackName: 'portal' } });
    appStream.on(UpdateThemeForStackCommand).resolves({});

    await onEvent(events.create(props()));

    expect(appStream).not.toHaveReceivedCommand(CreateThemeForStackCommand);
    expect(appStream).toHaveReceivedCommandWith(UpdateThemeForStackCommand, {
      StackName: 'portal',
      TitleText: 'Example Corp apps',
      ThemeStyling: 'BLUE',
      State: 'ENABLED',
      FaviconS3Location: { S3Bucket: 'branding', S3Key: 'favicon.ico' },
    });
  });

  test('ResourceAlreadyExistsException after a Describe that lagged: updates instead', async () => {
    appStream.on(DescribeThemeForStackCommand).rejects(awsError('ResourceNotFoundException'));
    appStream.on(CreateThemeForStackCommand).rejects(awsError('ResourceAlreadyExistsException'));
    appStream.on(UpdateThemeForStackCommand).resolves({});

    await onEvent(events.create(props()));

    expect(appStream).toHaveReceivedCommandTimes(UpdateThemeForStackCommand, 1);
  });

  test.each(['ThrottlingException', 'RequestLimitExceededException', 'ConcurrentModificationException'])('%s is retried', async (name) => {
    appStream.on(DescribeThemeForStackCommand).rejects(awsError('ResourceNotFoundException'));
    appStream.on(CreateThemeForStackCommand).rejectsOnce(awsError(name)).resolves({});

    await onEvent(events.create(props()));

    expect(appStream).toHaveReceivedCommandTimes(CreateThemeForStackCommand, 2);
  });

  test('a stack that does not exist fails the resource', async () => {
    appStream.on(DescribeThemeForStackCommand).rejects(awsError('ResourceNotFoundException'));
    appStream.on(CreateThemeForStackCommand).rejects(awsError('ResourceNotFoundException'));

    await expect(onEvent(events.create(props()))).rejects.toThrow('ResourceNotFoundException');
  });
});

describe('update', () => {
  test('sends only what changed; removed footer links are deleted', async () => {
    appStream.on(UpdateThemeForStackCommand).resolves({});
    const newLogo = { ...logo, Key: 'cdk-appstream/bbb.png' };

    await onEvent(events.update('portal', props({ TitleText: 'New title', FooterLinks: [], OrganizationLogo: newLogo }), props()));

    expect(appStream).toHaveReceivedCommandWith(UpdateThemeForStackCommand, {
      StackName: 'portal',
      TitleText: 'New title',
      AttributesToDelete: ['FOOTER_LINKS'],
      OrganizationLogoS3Location: { S3Bucket: 'appstream-files', S3Key: 'cdk-appstream/bbb.png' },
    });
    expect(appStream.commandCalls(UpdateThemeForStackCommand)[0].args[0].input).not.toHaveProperty('ThemeStyling');
  });

  test('nothing changed: no call', async () => {
    await onEvent(events.update('portal', props(), props()));

    expect(appStream.calls()).toHaveLength(0);
  });

  test('another stack: the theme is created there under a new physical id', async () => {
    appStream.on(DescribeThemeForStackCommand).rejects(awsError('ResourceNotFoundException'));
    appStream.on(CreateThemeForStackCommand).resolves({});

    expect(await onEvent(events.update('portal', props({ StackName: 'portal-2' }), props()))).toEqual({ PhysicalResourceId: 'portal-2' });
    expect(appStream).toHaveReceivedCommandWith(CreateThemeForStackCommand, { StackName: 'portal-2' });
  });
});

describe('delete', () => {
  test('deletes the theme, and no image (the copies are deleted by their own resources, after the theme)', async () => {
    appStream.on(DeleteThemeForStackCommand).resolves({});

    await onEvent(events.delete('portal', props()));

    expect(appStream).toHaveReceivedCommandWith(DeleteThemeForStackCommand, { StackName: 'portal' });
  });

  test('a theme (or stack) already gone is fine', async () => {
    appStream.on(DeleteThemeForStackCommand).rejects(awsError('ResourceNotFoundException'));

    expect(await onEvent(events.delete('portal', props()))).toEqual({ PhysicalResourceId: 'portal' });
  });

  test('any other error fails the Delete', async () => {
    appStream.on(DeleteThemeForStackCommand).rejects(awsError('OperationNotPermittedException'));

    await expect(onEvent(events.delete('portal', props()))).rejects.toThrow('OperationNotPermittedException');
  });
});

test('changes() without old properties sends everything and enables the theme', () => {
  const spec = parseProps(props({ FooterLinks: [] }));
  expect(Object.keys(changes(undefined, spec)).sort()).toEqual(['FaviconS3Location', 'OrganizationLogoS3Location', 'State', 'ThemeStyling', 'TitleText']);
});

test.each([
  [{ StackName: undefined }, 'Missing property StackName'],
  [{ OrganizationLogo: { Bucket: 'b' } }, 'Property OrganizationLogo must give Bucket and Key'],
])('refuses bad properties %#', async (overrides, message) => {
  await expect(onEvent(events.create(props(overrides)))).rejects.toThrow(message);
});
