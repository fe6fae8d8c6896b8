import * as cdk from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { appStreamSchemaViolations } from './util/cfn-schema-validator';
import {
  AgentAccessSetting, AgentAction, ScreenImageFormat, ScreenResolution, UserControlMode,
} from '../src/stack/agent-access';
import { Stack } from '../src/stack/stack';
import { StackProps } from '../src/stack/stack-props';
import { PreferredProtocol, StackAttribute } from '../src/stack/stack-settings';
import { StorageConnector, StorageConnectorType } from '../src/stack/storage-connector';
import { SettingPermission, UserAction, UserSetting } from '../src/stack/user-settings';
import { StackUser } from '../src/users/stack-user';

function newStack(): cdk.Stack {
  return new cdk.Stack(new cdk.App(), 'Test', { env: { account: '111111111111', region: 'eu-west-1' } });
}

/**
 * Synthesizes a stack with `props`; the rendering must also satisfy CloudFormation's registry schema,
 * unless it holds enum values made with `of()` on purpose (values AWS adds before the schema knows them).
 */
function synth(props: StackProps, scope: cdk.Stack = newStack(), withUnknownEnumValues = false): Template {
  new Stack(scope, 'Stack', props);
  const template = Template.fromStack(scope);
  if (!withUnknownEnumValues) {
    expect(appStreamSchemaViolations(template.toJSON())).toEqual([]);
  }
  return template;
}

function stackProperties(props: StackProps, withUnknownEnumValues = false): Record<string, unknown> {
  const resources = synth(props, newStack(), withUnknownEnumValues).findResources('AWS::AppStream::Stack');
  const [resource] = Object.values(resources);
  return resource.Properties;
}

describe('Stack props', () => {
  test('a stack with no props gets a generated, valid name and nothing else', () => {
    const properties = stackProperties({});
    expect(Object.keys(properties)).toEqual(['Name']);
    expect(properties.Name).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$/);
    expect(properties.Name).toContain('Stack');
  });

  test('the generated name is stable and unique per construct path', () => {
    const scope = newStack();
    new Stack(scope, 'A');
    new Stack(scope, 'B');
    const names = Object.values(Template.fromStack(scope).findResources('AWS::AppStream::Stack')).map((r) => r.Properties.Name);
    expect(new Set(names).size).toBe(2);
    expect(stackProperties({}).Name).toEqual(stackProperties({}).Name);
  });

  test('names, descriptions and URLs', () => {
    synth({
      stackName: 'my-stack_1.0',
      displayName: 'My stack',
      description: 'Stack for tests',
      redirectUrl: 'https://example.com/bye',
      feedbackUrl: 'https://example.com/feedback',
    }).hasResourceProperties('AWS::AppStream::Stack', {
      Name: 'my-stack_1.0',
      DisplayName: 'My stack',
      Description: 'Stack for tests',
      RedirectURL: 'https://example.com/bye',
      FeedbackURL: 'https://example.com/feedback',
    });
  });

  test('stackName and stackArn of an owned stack', () => {
    const scope = newStack();
    const stack = new Stack(scope, 'Stack', { stackName: 'portal' });
    const logicalId = scope.getLogicalId(stack.node.defaultChild as cdk.CfnElement);
    expect(scope.resolve(stack.stackName)).toEqual({ Ref: logicalId });
    expect(scope.resolve(stack.stackArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:eu-west-1:111111111111:stack/', { Ref: logicalId }]],
    });
  });

  test('every named user setting, rendered sorted by action with only what was set', () => {
    const properties = stackProperties({
      userSettings: {
        printingToLocalDevice: false,
        fileUpload: true,
        fileDownload: false,
        clipboardCopyToLocalDevice: true,
        clipboardCopyToLocalDeviceMaxLength: 1000,
        clipboardCopyFromLocalDevice: false,
        domainPasswordSignin: true,
        domainSmartCardSignin: false,
        autoTimeZoneRedirection: true,
      },
    });
    expect(properties.UserSettings).toEqual([
      { Action: 'AUTO_TIME_ZONE_REDIRECTION', Permission: 'ENABLED' },
      { Action: 'CLIPBOARD_COPY_FROM_LOCAL_DEVICE', Permission: 'DISABLED' },
      { Action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', MaximumLength: 1000, Permission: 'ENABLED' },
      { Action: 'DOMAIN_PASSWORD_SIGNIN', Permission: 'ENABLED' },
      { Action: 'DOMAIN_SMART_CARD_SIGNIN', Permission: 'DISABLED' },
      { Action: 'FILE_DOWNLOAD', Permission: 'DISABLED' },
      { Action: 'FILE_UPLOAD', Permission: 'ENABLED' },
      { Action: 'PRINTING_TO_LOCAL_DEVICE', Permission: 'DISABLED' },
    ]);
  });

  test('a maximum length alone enables the clipboard action', () => {
    expect(stackProperties({ userSettings: { clipboardCopyFromLocalDeviceMaxLength: 20_971_520 } }).UserSettings).toEqual([
      { Action: 'CLIPBOARD_COPY_FROM_LOCAL_DEVICE', MaximumLength: 20_971_520, Permission: 'ENABLED' },
    ]);
  });

  test('empty user settings leave the property out', () => {
    expect(stackProperties({ userSettings: {} })).not.toHaveProperty('UserSettings');
  });

  test('additional settings take unknown actions and permissions, sorted with the named ones', () => {
    expect(stackProperties({
      userSettings: {
        fileUpload: false,
        additionalSettings: [
          UserSetting.of(UserAction.of('ZZ_NEW_ACTION'), SettingPermission.of('ENABLED')),
          UserSetting.enable(UserAction.of('A_NEW_ACTION'), { maximumLength: 5 }),
          UserSetting.disable(UserAction.PRINTING_TO_LOCAL_DEVICE),
        ],
      },
    }, true).UserSettings).toEqual([
      { Action: 'A_NEW_ACTION', MaximumLength: 5, Permission: 'ENABLED' },
      { Action: 'FILE_UPLOAD', Permission: 'DISABLED' },
      { Action: 'PRINTING_TO_LOCAL_DEVICE', Permission: 'DISABLED' },
      { Action: 'ZZ_NEW_ACTION', Permission: 'ENABLED' },
    ]);
  });

  test('user settings render byte for byte the same whatever the order of the props', () => {
    const a = synth({
      userSettings: {
        fileUpload: false,
        clipboardCopyToLocalDevice: true,
        clipboardCopyToLocalDeviceMaxLength: 10,
        additionalSettings: [UserSetting.disable(UserAction.AUTO_TIME_ZONE_REDIRECTION), UserSetting.enable(UserAction.of('NEW'))],
      },
    }, newStack(), true);
    const b = synth({
      userSettings: {
        additionalSettings: [UserSetting.enable(UserAction.of('NEW')), UserSetting.disable(UserAction.AUTO_TIME_ZONE_REDIRECTION)],
        clipboardCopyToLocalDeviceMaxLength: 10,
        clipboardCopyToLocalDevice: true,
        fileUpload: false,
      },
    }, newStack(), true);
    expect(JSON.stringify(b.toJSON())).toEqual(JSON.stringify(a.toJSON()));
  });

  test('storage connectors', () => {
    synth({
      storageConnectors: [
        StorageConnector.homeFolders(),
        StorageConnector.googleDrive({ domains: ['example.com'] }),
        StorageConnector.oneDrive({ domains: ['example.com', 'example.org'] }),
      ],
    }).hasResourceProperties('AWS::AppStream::Stack', {
      StorageConnectors: [
        { ConnectorType: 'HOMEFOLDERS' },
        { ConnectorType: 'GOOGLE_DRIVE', Domains: ['example.com'] },
        { ConnectorType: 'ONE_DRIVE', Domains: ['example.com', 'example.org'] },
      ],
    });
  });

  test('OneDrive domains that require admin consent are refused: CloudFormation\'s schema has no such property', () => {
    expect(() => synth({
      storageConnectors: [StorageConnector.oneDrive({ domains: ['example.com'], domainsRequireAdminConsent: ['example.com'] })],
    })).toThrow(/storageConnectors\[0\]\.domainsRequireAdminConsent: is not supported by CloudFormation yet .*UpdateStack API after deployment \(got "1 domains"\)/);
  });

  test('a storage connector with a resource identifier', () => {
    const arn = 'arn:aws:s3:::appstream2-36fb080bb8-us-east-1-123456789012';
    synth({ storageConnectors: [StorageConnector.of(StorageConnectorType.HOMEFOLDERS, { resourceIdentifier: arn })] })
      .hasResourceProperties('AWS::AppStream::Stack', { StorageConnectors: [{ ConnectorType: 'HOMEFOLDERS', ResourceIdentifier: arn }] });
  });

  test('a connector type AWS adds later', () => {
    synth({ storageConnectors: [StorageConnector.of(StorageConnectorType.of('NEW_DRIVE'), { domains: ['example.com'] })] }, newStack(), true)
      .hasResourceProperties('AWS::AppStream::Stack', { StorageConnectors: [{ ConnectorType: 'NEW_DRIVE', Domains: ['example.com'] }] });
  });

  test('application settings', () => {
    synth({ applicationSettings: { enabled: true, settingsGroup: 'group-a' } })
      .hasResourceProperties('AWS::AppStream::Stack', { ApplicationSettings: { Enabled: true, SettingsGroup: 'group-a' } });
    synth({ applicationSettings: { enabled: false } })
      .hasResourceProperties('AWS::AppStream::Stack', { ApplicationSettings: { Enabled: false } });
  });

  test('access endpoints from interface VPC endpoints', () => {
    const scope = newStack();
    const endpoint = ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(scope, 'Endpoint', { vpcEndpointId: 'vpce-123', port: 443 });
    synth({ accessEndpoints: [endpoint] }, scope).hasResourceProperties('AWS::AppStream::Stack', {
      AccessEndpoints: [{ EndpointType: 'STREAMING', VpceId: 'vpce-123' }],
    });
  });

  test('embed host domains', () => {
    synth({ embedHostDomains: ['example.com', 'portal.example.co.uk'] })
      .hasResourceProperties('AWS::AppStream::Stack', { EmbedHostDomains: ['example.com', 'portal.example.co.uk'] });
  });

  test('streaming experience settings', () => {
    synth({ streamingExperienceSettings: { preferredProtocol: PreferredProtocol.UDP } })
      .hasResourceProperties('AWS::AppStream::Stack', { StreamingExperienceSettings: { PreferredProtocol: 'UDP' } });
    synth({ streamingExperienceSettings: { preferredProtocol: PreferredProtocol.of('QUIC') } }, newStack(), true)
      .hasResourceProperties('AWS::AppStream::Stack', { StreamingExperienceSettings: { PreferredProtocol: 'QUIC' } });
  });

  test('content redirection (not in the L1: rendered as an override)', () => {
    synth({
      contentRedirection: { hostToClient: { enabled: true, allowedUrls: ['https://*.example.com/*'], deniedUrls: ['*'] } },
    }).hasResourceProperties('AWS::AppStream::Stack', {
      ContentRedirection: { HostToClient: { Enabled: true, AllowedUrls: ['https://*.example.com/*'], DeniedUrls: ['*'] } },
    });
    expect(stackProperties({ contentRedirection: { hostToClient: { enabled: false } } }).ContentRedirection)
      .toEqual({ HostToClient: { Enabled: false } });
  });

  test('agent access (not in the L1: rendered as an override, settings sorted)', () => {
    const scope = newStack();
    const bucket = s3.Bucket.fromBucketName(scope, 'Bucket', 'screens');
    synth({
      agentAccess: {
        forwardMcpTools: false,
        computerVision: true,
        computerInput: true,
        additionalSettings: [AgentAccessSetting.of(AgentAction.of('A_NEW_ACTION'), SettingPermission.DISABLED)],
        screenImageFormat: ScreenImageFormat.JPEG,
        screenResolution: ScreenResolution.W1280_H720,
        screenshotsBucket: bucket,
        userControlMode: UserControlMode.VIEW_STOP,
      },
    }, scope).hasResourceProperties('AWS::AppStream::Stack', {
      AgentAccessConfig: {
        Settings: [
          { AgentAction: 'A_NEW_ACTION', Permission: 'DISABLED' },
          { AgentAction: 'COMPUTER_INPUT', Permission: 'ENABLED' },
          { AgentAction: 'COMPUTER_VISION', Permission: 'ENABLED' },
          { AgentAction: 'FORWARD_MCP_TOOLS', Permission: 'DISABLED' },
        ],
        ScreenResolution: 'W_1280xH_720',
        ScreenImageFormat: 'JPEG',
        S3BucketArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::screens']] },
        ScreenshotsUploadEnabled: true,
        UserControlMode: 'VIEW_STOP',
      },
    });
  });

  test('agent access defaults: resolution and format, no upload', () => {
    expect(stackProperties({ agentAccess: { computerVision: true } }).AgentAccessConfig).toEqual({
      Settings: [{ AgentAction: 'COMPUTER_VISION', Permission: 'ENABLED' }],
      ScreenResolution: 'W_1280xH_720',
      ScreenImageFormat: 'PNG',
    });
  });

  test('attributes to delete', () => {
    synth({ attributesToDelete: [StackAttribute.REDIRECT_URL, StackAttribute.of('NEW_ATTRIBUTE')] })
      .hasResourceProperties('AWS::AppStream::Stack', { AttributesToDelete: ['REDIRECT_URL', 'NEW_ATTRIBUTE'] });
  });

  test('tags from the prop and from Tags.of', () => {
    const scope = newStack();
    const stack = new Stack(scope, 'Stack', { tags: { team: 'euc' } });
    cdk.Tags.of(stack).add('cost-center', '42');
    Template.fromStack(scope).hasResourceProperties('AWS::AppStream::Stack', {
      Tags: [{ Key: 'cost-center', Value: '42' }, { Key: 'team', Value: 'euc' }],
    });
  });

  test('tags from Tags.of on a parent scope are judged at synth, every problem at once', () => {
    const scope = newStack();
    new Stack(scope, 'Stack');
    cdk.Tags.of(scope).add('aws:reserved', 'x');
    cdk.Tags.of(scope).add('owner', 'v'.repeat(257));
    expect(() => Template.fromStack(scope)).toThrow(
      /tags key "aws:reserved": must match [^\n]*not start with aws:[\s\S]*tags\["owner"\]: must be 0 to 256 characters long/,
    );
  });

  test('tag characters that only the CloudFormation schema accepts are warned about, not refused', () => {
    const scope = newStack();
    new Stack(scope, 'Stack', { tags: { 'cost#center': 'x' } });
    const warnings = Annotations.fromStack(scope).findWarning('*', Match.stringLikeRegexp('value-beyond-narrowest-limit'));
    expect(warnings.map((w) => w.entry.data)).toEqual([expect.stringMatching(/^tags key "cost#center": has characters beyond the AppStream API's/)]);
  });
});

describe('Stack importers', () => {
  test('fromStackName builds the ARN in the CDK stack\'s account and region', () => {
    const scope = newStack();
    const imported = Stack.fromStackName(scope, 'Imported', 'existing');
    expect(imported.stackName).toBe('existing');
    expect(scope.resolve(imported.stackArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:eu-west-1:111111111111:stack/existing']],
    });
  });

  test('fromStackArn derives the name and the environment from the ARN', () => {
    const scope = newStack();
    const imported = Stack.fromStackArn(scope, 'Imported', 'arn:aws:appstream:us-east-1:222222222222:stack/other');
    expect(imported.stackName).toBe('other');
    expect(imported.stackArn).toBe('arn:aws:appstream:us-east-1:222222222222:stack/other');
    expect(imported.env).toEqual({ account: '222222222222', region: 'us-east-1' });
  });

  test('fromStackAttributes needs a name or an ARN', () => {
    expect(() => Stack.fromStackAttributes(newStack(), 'Imported', {}))
      .toThrow(/Test\/Imported: invalid Stack\.fromStackAttributes attributes \(1 problem\)\n  - stackName or stackArn is required$/);
  });

  test('fromStackAttributes reports every wrong attribute at once, as plain JavaScript may give them', () => {
    const attrs: any = { stackName: 'other', stackArn: 'arn:aws:appstream:us-east-1:222222222222:stack/existing', fleet: 'my-fleet' };
    expect(() => Stack.fromStackAttributes(newStack(), 'Imported', attrs)).toThrow(new RegExp([
      'invalid Stack\\.fromStackAttributes attributes \\(2 problems\\)',
      '  - stackName: must be the name in stackArn \\(arn:aws:appstream:us-east-1:222222222222:stack/existing\\) \\(got "other"\\)',
      '  - fleet: .*IFleet',
    ].join('[\\s\\S]*')));
  });

  test.each([
    ['a fleet ARN', { stackArn: 'arn:aws:appstream:us-east-1:222222222222:fleet/f' }, /stackArn: must match an AppStream stack ARN/],
    ['a name starting with a dash', { stackName: '-x' }, /stackName: must match/],
    ['a name that is not a string', { stackName: ['a'] }, /stackName: .*string/],
  ])('fromStackAttributes refuses %s', (_, attrs, error) => {
    expect(() => Stack.fromStackAttributes(newStack(), 'Imported', attrs as any)).toThrow(error);
  });

  test('fromStackAttributes does not judge tokens', () => {
    const scope = newStack();
    const arn = new cdk.CfnParameter(scope, 'StackArn').valueAsString;
    expect(Stack.fromStackAttributes(scope, 'Imported', { stackName: 'named', stackArn: arn }).stackArn).toBe(arn);
  });
});

describe('Stack validation', () => {
  test.each([
    ['stackName', { stackName: '-starts-with-dash' }, /stackName: must match letters, digits, _ \. and -, starting with a letter or digit \(got "-starts-with-dash"\)/],
    ['stackName', { stackName: 'has space' }, /stackName: must match .*\(got "has space"\)/],
    ['stackName', { stackName: 'a'.repeat(102) }, /stackName: must be 1 to 101 characters long/],
    ['displayName', { displayName: 'd'.repeat(101) }, /displayName: must be 0 to 100 characters long/],
    ['description', { description: 'd'.repeat(257) }, /description: must be 0 to 256 characters long/],
    ['redirectUrl', { redirectUrl: 'u'.repeat(1001) }, /redirectUrl: must be 0 to 1000 characters long/],
    ['feedbackUrl', { feedbackUrl: 'u'.repeat(1001) }, /feedbackUrl: must be 0 to 1000 characters long/],
    ['settingsGroup', { applicationSettings: { enabled: true, settingsGroup: 'g'.repeat(101) } }, /applicationSettings\.settingsGroup: must be 0 to 100 characters long/],
    ['embedHostDomains empty', { embedHostDomains: [] }, /embedHostDomains: must have 1 to 20 items \(got "0 items"\)/],
    ['embedHostDomains too many', { embedHostDomains: Array.from({ length: 21 }, (_, i) => `d${i}.example.com`) }, /embedHostDomains: must have 1 to 20 items \(got "21 items"\)/],
    ['embedHostDomains pattern', { embedHostDomains: ['Example.com'] }, /embedHostDomains\[0\]: must match a lower-case domain name .*\(got "Example.com"\)/],
    ['embedHostDomains pattern', { embedHostDomains: ['.com'] }, /embedHostDomains\[0\]: must match .*\(got ".com"\)/],
    ['embedHostDomains length', { embedHostDomains: [`${'a'.repeat(60)}.${'b'.repeat(60)}.example.com`] }, /embedHostDomains\[0\]: must be 0 to 128 characters long/],
    ['clipboard range low', { userSettings: { clipboardCopyToLocalDeviceMaxLength: 0 } }, /userSettings\.clipboardCopyToLocalDeviceMaxLength: must be an integer from 1 to 20971520 \(got 0\)/],
    ['clipboard range high', { userSettings: { clipboardCopyFromLocalDeviceMaxLength: 20_971_521 } }, /userSettings\.clipboardCopyFromLocalDeviceMaxLength: must be an integer from 1 to 20971520 \(got 20971521\)/],
    ['clipboard integer', { userSettings: { clipboardCopyFromLocalDeviceMaxLength: 1.5 } }, /must be an integer from 1 to 20971520 \(got 1.5\)/],
    ['clipboard disabled with length', { userSettings: { clipboardCopyToLocalDevice: false, clipboardCopyToLocalDeviceMaxLength: 10 } }, /userSettings\.clipboardCopyToLocalDeviceMaxLength: a maximum length is allowed only when CLIPBOARD_COPY_TO_LOCAL_DEVICE is enabled \(got 10\)/],
    ['length on a non-clipboard action', { userSettings: { additionalSettings: [UserSetting.enable(UserAction.FILE_UPLOAD, { maximumLength: 5 })] } }, /userSettings\.additionalSettings\[0\]: a maximum length is allowed only for CLIPBOARD_COPY_FROM_LOCAL_DEVICE and CLIPBOARD_COPY_TO_LOCAL_DEVICE, not for FILE_UPLOAD \(got 5\)/],
    ['action set twice', { userSettings: { fileUpload: true, additionalSettings: [UserSetting.disable(UserAction.FILE_UPLOAD)] } }, /userSettings\.additionalSettings\[0\]: sets action FILE_UPLOAD that userSettings\.fileUpload already sets; set each action once \(got "FILE_UPLOAD"\)/],
    ['connector domains too many', { storageConnectors: [StorageConnector.googleDrive({ domains: Array.from({ length: 51 }, (_, i) => `d${i}.com`) })] }, /storageConnectors\[0\]\.domains: must have 0 to 50 items \(got "51 items"\)/],
    ['connector domain length', { storageConnectors: [StorageConnector.oneDrive({ domains: ['d'.repeat(65)] })] }, /storageConnectors\[0\]\.domains\[0\]: must be 1 to 64 characters long/],
    ['connector domain empty', { storageConnectors: [StorageConnector.oneDrive({ domains: [''] })] }, /storageConnectors\[0\]\.domains\[0\]: must be 1 to 64 characters long \(got ""\)/],
    ['admin consent domains too many', { storageConnectors: [StorageConnector.oneDrive({ domains: ['a.com'], domainsRequireAdminConsent: Array.from({ length: 51 }, (_, i) => `d${i}.com`) })] }, /storageConnectors\[0\]\.domainsRequireAdminConsent: must have 0 to 50 items \(got "51 items"\)/],
    ['admin consent on another type', { storageConnectors: [StorageConnector.of(StorageConnectorType.GOOGLE_DRIVE, { domains: ['a.com'], domainsRequireAdminConsent: ['a.com'] })] }, /storageConnectors\[0\]\.domainsRequireAdminConsent: is allowed only for connector type ONE_DRIVE \(got "GOOGLE_DRIVE"\)/],
    ['connector resource identifier empty', { storageConnectors: [StorageConnector.of(StorageConnectorType.HOMEFOLDERS, { resourceIdentifier: '' })] }, /storageConnectors\[0\]\.resourceIdentifier: must be 1 to 2048 characters long \(got ""\)/],
    ['connector resource identifier too long', { storageConnectors: [StorageConnector.of(StorageConnectorType.HOMEFOLDERS, { resourceIdentifier: 'r'.repeat(2049) })] }, /storageConnectors\[0\]\.resourceIdentifier: must be 1 to 2048 characters long/],
    ['connector type twice', { storageConnectors: [StorageConnector.homeFolders(), StorageConnector.homeFolders()] }, /storageConnectors\[1\]: repeats a connector type; a stack takes at most one connector of each type \(got "HOMEFOLDERS"\)/],
    ['allowed URLs pattern', { contentRedirection: { hostToClient: { enabled: true, allowedUrls: ['example.com'] } } }, /contentRedirection\.hostToClient\.allowedUrls\[0\]: must match "\*" or an http:\/\/ or https:\/\/ URL pattern .*\(got "example.com"\)/],
    ['denied URLs too many', { contentRedirection: { hostToClient: { enabled: true, deniedUrls: Array.from({ length: 101 }, () => '*') } } }, /contentRedirection\.hostToClient\.deniedUrls: must have 0 to 100 items \(got "101 items"\)/],
    ['URL pattern length', { contentRedirection: { hostToClient: { enabled: true, deniedUrls: [`https://${'a'.repeat(2041)}`] } } }, /contentRedirection\.hostToClient\.deniedUrls\[0\]: must be 1 to 2048 characters long/],
    ['agent access without action', { agentAccess: {} }, /agentAccess: must set at least one agent action .*\(got "no agent action"\)/],
    ['computer input without vision', { agentAccess: { computerInput: true } }, /agentAccess\.computerInput: needs computerVision enabled too \(got true\)/],
    ['upload without bucket', { agentAccess: { computerVision: true, screenshotsUploadEnabled: true } }, /agentAccess\.screenshotsUploadEnabled: needs screenshotsBucket \(got true\)/],
    ['agent action twice', { agentAccess: { computerVision: true, additionalSettings: [AgentAccessSetting.of(AgentAction.COMPUTER_VISION, SettingPermission.DISABLED)] } }, /agentAccess\.additionalSettings\[0\]: sets agent action COMPUTER_VISION that agentAccess\.computerVision already sets/],
    ['tag key aws:', { tags: { 'aws:reserved': 'x' } }, /tags key "aws:reserved": must match a key that does not start with aws:/],
    ['tag value', { tags: { k: 'v'.repeat(257) } }, /tags\["k"\]: must be 0 to 256 characters long/],
    ['tags too many', { tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }, /tags: must have 0 to 50 items \(got "51 items"\)/],
  ] as Array<[string, StackProps, RegExp]>)('%s', (_name, props, message) => {
    expect(() => synth(props)).toThrow(message);
  });

  test('access endpoints: 1 to 4', () => {
    const scope = newStack();
    const endpoints = Array.from({ length: 5 }, (_, i) =>
      ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(scope, `E${i}`, { vpcEndpointId: `vpce-${i}`, port: 443 }));
    expect(() => new Stack(scope, 'Five', { accessEndpoints: endpoints })).toThrow(/accessEndpoints: must have 1 to 4 items \(got "5 items"\)/);
    expect(() => new Stack(scope, 'None', { accessEndpoints: [] })).toThrow(/accessEndpoints: must have 1 to 4 items \(got "0 items"\)/);
  });

  test('agent access bucket ARN pattern', () => {
    const scope = newStack();
    const bucket = s3.Bucket.fromBucketArn(scope, 'B', 'arn:aws:s3:::Bad_Bucket');
    expect(() => new Stack(scope, 'Stack', { agentAccess: { computerVision: true, screenshotsBucket: bucket } }))
      .toThrow(/agentAccess\.screenshotsBucket: must match an S3 bucket ARN \(got "arn:aws:s3:::Bad_Bucket"\)/);
  });

  test('several problems are reported at once, naming the construct path', () => {
    expect(() => synth({
      stackName: 'bad name',
      displayName: 'd'.repeat(101),
      embedHostDomains: ['BAD'],
      userSettings: { clipboardCopyToLocalDeviceMaxLength: 0 },
    })).toThrow(/^Test\/Stack: invalid Stack props \(4 problems\)\n {2}- stackName: .*\n {2}- displayName: .*\n {2}- embedHostDomains\[0\]: .*\n {2}- userSettings\.clipboardCopyToLocalDeviceMaxLength: /);
  });

  test('tokens are not judged', () => {
    const scope = newStack();
    const name = new cdk.CfnParameter(scope, 'Name').valueAsString;
    const length = new cdk.CfnParameter(scope, 'Length', { type: 'Number' }).valueAsNumber;
    const domains = new cdk.CfnParameter(scope, 'Domains', { type: 'CommaDelimitedList' }).valueAsList;
    const template = synth({
      stackName: name,
      displayName: name,
      description: name,
      redirectUrl: name,
      feedbackUrl: name,
      embedHostDomains: domains,
      userSettings: { clipboardCopyToLocalDeviceMaxLength: length, additionalSettings: [UserSetting.enable(UserAction.of(name))] },
      storageConnectors: [StorageConnector.googleDrive({ domains }), StorageConnector.oneDrive({ domains: [name] })],
      applicationSettings: { enabled: true, settingsGroup: name },
      contentRedirection: { hostToClient: { enabled: true, allowedUrls: domains, deniedUrls: [name] } },
      tags: { team: name },
    }, scope);
    template.hasResourceProperties('AWS::AppStream::Stack', { Name: { Ref: 'Name' }, EmbedHostDomains: { Ref: 'Domains' } });
  });
});

describe('addUsers', () => {
  test('creates one association on the first call and adds to it on later calls', () => {
    const app = new cdk.App();
    const scope = new cdk.Stack(app, 'UsersScope');
    const appStreamStack = new Stack(scope, 'Stack');
    const first = appStreamStack.addUsers(StackUser.saml('alice'));
    const second = appStreamStack.addUsers(StackUser.api('robot'), StackUser.userPool('bob@example.com'));

    expect(second).toBe(first);
    const template = Template.fromStack(scope);
    template.resourceCountIs('Custom::AppStreamUserStackAssociation', 1);
    template.hasResourceProperties('Custom::AppStreamUserStackAssociation', {
      StackName: { Ref: Match.stringLikeRegexp('Stack') },
      // Sorted by name, so that the same users always render the same template.
      Users: [
        { UserName: 'alice', AuthenticationType: 'SAML' },
        { UserName: 'bob@example.com', AuthenticationType: 'USERPOOL' },
        { UserName: 'robot', AuthenticationType: 'API' },
      ],
    });
  });
});
