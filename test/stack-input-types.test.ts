import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { DirectoryConfig } from '../src/directory/directory-config';
import { Fleet } from '../src/fleet/fleet';
import { Stack } from '../src/stack/stack';
import { StorageConnector } from '../src/stack/storage-connector';
import { UserSetting, UserAction } from '../src/stack/user-settings';
import { StackUser } from '../src/users/stack-user';
import { User } from '../src/users/user';
import { UserStackAssociation } from '../src/users/user-stack-association';

// What callers from plain JavaScript (or jsii languages passing `any`) can pass: the wrong types
// must fail clearly, every problem at once, never render a different meaning or crash inside.

function setup(): cdk.Stack {
  return new cdk.Stack(new cdk.App(), 'Test', { env: { account: '111111111111', region: 'eu-west-1' } });
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const js = (value: unknown): any => value;

describe('Stack redirectUrl and feedbackUrl', () => {
  test.each([
    'https://portal.example.com/bye',
    'http://intranet/feedback?from=appstream',
    'myapp://signed-out',
    '',
  ])('accepts %j', (url) => {
    const scope = setup();
    new Stack(scope, 'Stack', { redirectUrl: url, feedbackUrl: url });
    Template.fromStack(scope).hasResourceProperties('AWS::AppStream::Stack', { RedirectURL: url, FeedbackURL: url });
  });

  test.each([
    'portal.example.com/bye',
    'localhost:8080',
    '/relative/path',
    'https://has space.example.com',
  ])('refuses %j, which is no absolute URL', (url) => {
    const message = messageOf(() => new Stack(setup(), 'Stack', { redirectUrl: url, feedbackUrl: url }));
    expect(message).toContain('Test/Stack: invalid Stack props (2 problems)');
    expect(message).toContain(`redirectUrl: must be an absolute URL such as https://portal.example.com/bye (got ${JSON.stringify(url)})`);
    expect(message).toContain(`feedbackUrl: must be an absolute URL such as https://portal.example.com/bye (got ${JSON.stringify(url)})`);
  });

  test('a URL over 1,000 characters is reported once, for its length', () => {
    const url = `https://example.com/${'a'.repeat(1000)}`;
    const message = messageOf(() => new Stack(setup(), 'Stack', { redirectUrl: url }));
    expect(message).toContain('(1 problem)');
    expect(message).toContain('redirectUrl: must be 0 to 1000 characters long');
  });

  test('tokens are not judged', () => {
    const scope = setup();
    const url = new cdk.CfnParameter(scope, 'Url').valueAsString;
    new Stack(scope, 'Stack', { redirectUrl: url, feedbackUrl: url });
    Template.fromStack(scope).hasResourceProperties('AWS::AppStream::Stack', { RedirectURL: { Ref: 'Url' } });
  });
});

describe('Stack props from plain JavaScript', () => {
  test('clipboardCopyToLocalDevice: "false" is refused, never rendered ENABLED', () => {
    const message = messageOf(() => new Stack(setup(), 'Stack', { userSettings: { clipboardCopyToLocalDevice: js('false') } }));
    expect(message).toContain('Test/Stack: invalid Stack props (1 problem)');
    expect(message).toContain('userSettings.clipboardCopyToLocalDevice: must be a boolean (true or false), not a string (got "false")');
  });

  test('every user-settings, application-settings, redirection and agent boolean is checked, all at once', () => {
    const message = messageOf(() => new Stack(setup(), 'Stack', {
      userSettings: {
        clipboardCopyFromLocalDevice: js(0),
        fileUpload: js('no'),
        fileDownload: js('false'),
        printingToLocalDevice: js(1),
        domainPasswordSignin: js('true'),
        domainSmartCardSignin: js(null),
        autoTimeZoneRedirection: js({}),
        clipboardCopyToLocalDevice: js([]),
      },
      applicationSettings: { enabled: js('true') },
      contentRedirection: { hostToClient: { enabled: js('yes') } },
      agentAccess: { computerVision: js('true'), computerInput: js(1), forwardMcpTools: js('x'), screenshotsUploadEnabled: js('false') },
    }));
    for (const property of [
      'userSettings.clipboardCopyFromLocalDevice', 'userSettings.fileUpload', 'userSettings.fileDownload', 'userSettings.printingToLocalDevice',
      'userSettings.domainPasswordSignin', 'userSettings.domainSmartCardSignin', 'userSettings.autoTimeZoneRedirection',
      'userSettings.clipboardCopyToLocalDevice', 'applicationSettings.enabled', 'contentRedirection.hostToClient.enabled',
      'agentAccess.computerVision', 'agentAccess.computerInput', 'agentAccess.forwardMcpTools', 'agentAccess.screenshotsUploadEnabled',
    ]) {
      expect(message).toMatch(new RegExp(`\\n  - ${property.replace(/\./g, '\\.')}: must be a boolean \\(true or false\\), not (a|an|null) `));
    }
    expect(message).toContain('not a number (got 0)');
    expect(message).toContain('not null (got null)');
    expect(message).toContain('not an array');
  });

  test('a plain string where an enum-like class is expected fails clearly', () => {
    const message = messageOf(() => new Stack(setup(), 'Stack', {
      streamingExperienceSettings: { preferredProtocol: js('UDP') },
      attributesToDelete: [js('REDIRECT_URL')],
      agentAccess: { computerVision: true, screenResolution: js('W_1280xH_720'), screenImageFormat: js('PNG'), userControlMode: js('VIEW_STOP') },
    }));
    expect(message).toContain('(5 problems)');
    expect(message).toContain('streamingExperienceSettings.preferredProtocol: must be a PreferredProtocol such as PreferredProtocol.UDP or PreferredProtocol.of(\'UDP\'), not a string (got "UDP")');
    expect(message).toContain('attributesToDelete[0]: must be a StackAttribute such as StackAttribute.REDIRECT_URL or StackAttribute.of(\'REDIRECT_URL\'), not a string');
    expect(message).toContain('agentAccess.screenResolution: must be a ScreenResolution such as ScreenResolution.W1280_H720 or ScreenResolution.of(\'W_1280xH_720\'), not a string');
    expect(message).toContain('agentAccess.screenImageFormat: must be a ScreenImageFormat such as ScreenImageFormat.PNG');
    expect(message).toContain('agentAccess.userControlMode: must be a UserControlMode such as UserControlMode.VIEW_STOP');
  });

  test('user settings, agent settings and storage connectors built from strings fail clearly', () => {
    const message = messageOf(() => new Stack(setup(), 'Stack', {
      userSettings: {
        additionalSettings: [
          js('FILE_UPLOAD'),
          UserSetting.of(js('FILE_UPLOAD'), js('ENABLED')),
          UserSetting.disable(UserAction.FILE_DOWNLOAD),
        ],
      },
      agentAccess: { additionalSettings: [js({ action: 'COMPUTER_VISION', permission: 'ENABLED' })] },
      storageConnectors: [js('HOMEFOLDERS'), StorageConnector.of(js('ONE_DRIVE')), StorageConnector.homeFolders()],
    }));
    expect(message).toContain('userSettings.additionalSettings[0]: must be a UserSetting such as UserSetting.disable(UserAction.FILE_UPLOAD), not a string (got "FILE_UPLOAD")');
    expect(message).toContain('userSettings.additionalSettings[1].action: must be a UserAction such as UserAction.FILE_UPLOAD or UserAction.of(\'FILE_UPLOAD\'), not a string');
    expect(message).toContain('agentAccess.additionalSettings[0].action: must be an AgentAction');
    expect(message).toContain('storageConnectors[0]: must be a StorageConnector such as StorageConnector.homeFolders(), not a string (got "HOMEFOLDERS")');
    expect(message).toContain('storageConnectors[1].connectorType: must be a StorageConnectorType such as StorageConnectorType.HOMEFOLDERS');
    expect(message).not.toContain('storageConnectors[2]');
    expect(message).not.toContain('additionalSettings[2]');
  });

  test('strings, lists, fleets and tags of the wrong type fail clearly', () => {
    const message = messageOf(() => new Stack(setup(), 'Stack', {
      stackName: js(42),
      displayName: js(true),
      description: js({}),
      embedHostDomains: js('portal.example.com'),
      storageConnectors: js(StorageConnector.homeFolders()),
      accessEndpoints: [js('vpce-123')],
      contentRedirection: { hostToClient: { enabled: true, allowedUrls: js('https://*.example.com/*'), deniedUrls: [js(5)] } },
      fleet: js('my-fleet'),
      tags: js([{ key: 'team', value: 'a' }]),
      agentAccess: { computerVision: true, screenshotsBucket: js('arn:aws:s3:::screens') },
    }));
    expect(message).toContain('agentAccess.screenshotsBucket: must be an S3 bucket (s3.IBucket), not a string (got "arn:aws:s3:::screens")');
    expect(message).toContain('stackName: must be a string, not a number (got 42)');
    expect(message).toContain('displayName: must be a string, not a boolean (got true)');
    expect(message).toContain('description: must be a string, not a plain object');
    expect(message).toContain('embedHostDomains: must be an array, not a string (got "portal.example.com")');
    expect(message).toContain('storageConnectors: must be an array, not a StorageConnector');
    expect(message).toContain('accessEndpoints[0]: must be an interface VPC endpoint (ec2.IInterfaceVpcEndpoint), not a string (got "vpce-123")');
    expect(message).toContain('contentRedirection.hostToClient.allowedUrls: must be an array, not a string');
    expect(message).toContain('contentRedirection.hostToClient.deniedUrls[0]: must be a string, not a number (got 5)');
    expect(message).toContain('fleet: must be a fleet (IFleet) such as a Fleet or Fleet.fromFleetName(), not a string (got "my-fleet")');
    expect(message).toContain('tags: must be an object of tag keys to values, not an array');
  });

  test('addFleet() with a string fails clearly', () => {
    const stack = new Stack(setup(), 'Stack');
    expect(() => stack.addFleet(js('my-fleet'))).toThrow(/Test\/Stack: invalid Stack props \(1 problem\)\n  - addFleet\(\): must be a fleet \(IFleet\) such as a Fleet or Fleet.fromFleetName\(\), not a string \(got "my-fleet"\)/);
  });

  test('right types still work, enum-likes from of() included', () => {
    const scope = setup();
    expect(() => new Stack(scope, 'Stack', {
      userSettings: { clipboardCopyToLocalDevice: false, additionalSettings: [UserSetting.enable(UserAction.of('NEW_ACTION'))] },
      fleet: Fleet.fromFleetName(scope, 'Fleet', 'f'),
      tags: { team: 'a' },
    })).not.toThrow();
    Template.fromStack(scope).hasResourceProperties('AWS::AppStream::Stack', {
      UserSettings: [
        { Action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', Permission: 'DISABLED' },
        { Action: 'NEW_ACTION', Permission: 'ENABLED' },
      ],
    });
  });
});

describe('User props from plain JavaScript', () => {
  test('wrong types fail clearly, all at once', () => {
    const message = messageOf(() => new User(setup(), 'User', {
      email: js(42), firstName: js(1), lastName: js(['Smith']), messageAction: js('SUPPRESS'),
    }));
    expect(message).toContain('Test/User: invalid User props (4 problems)');
    expect(message).toContain('email: must be a string, not a number (got 42)');
    expect(message).toContain('firstName: must be a string, not a number');
    expect(message).toContain('lastName: must be a string, not an array');
    expect(message).toContain('messageAction: must be a MessageAction such as MessageAction.SUPPRESS or MessageAction.of(\'SUPPRESS\'), not a string (got "SUPPRESS")');
  });

  test('a missing e-mail is reported', () => {
    expect(() => new User(setup(), 'User', js({}))).toThrow(/email: is required/);
  });
});

describe('UserStackAssociation props from plain JavaScript', () => {
  test('a stack name, a string e-mail flag and a user list that is no array fail clearly', () => {
    const message = messageOf(() => new UserStackAssociation(setup(), 'Users', {
      stack: js('my-stack'), sendEmailNotification: js('false'), users: js(StackUser.saml('bob')),
    }));
    expect(message).toContain('Test/Users: invalid UserStackAssociation props (3 problems)');
    expect(message).toContain('stack: must be an AppStream stack (IStack) such as a Stack or Stack.fromStackName(), not a string (got "my-stack")');
    expect(message).toContain('sendEmailNotification: must be a boolean (true or false), not a string (got "false")');
    expect(message).toContain('users: must be an array, not a StackUser');
  });

  test('a missing stack is reported', () => {
    expect(() => new UserStackAssociation(setup(), 'Users', js({ users: [StackUser.saml('bob')] }))).toThrow(/stack: is required/);
  });

  test('users that are strings, or built with a string authentication type, fail clearly', () => {
    const scope = setup();
    const stack = Stack.fromStackName(scope, 'S', 'my-stack');
    const message = messageOf(() => new UserStackAssociation(scope, 'Users', {
      stack,
      users: [js('bob'), StackUser.of('carol', js('SAML')), StackUser.saml(js(7)), StackUser.saml(js(undefined)), StackUser.saml('dave')],
    }));
    expect(message).toContain('(4 problems)');
    expect(message).toContain('users[0]: must be a StackUser such as StackUser.saml(\'bob\'), not a string (got "bob")');
    expect(message).toContain('users[1].authenticationType: must be an AuthenticationType such as AuthenticationType.SAML or AuthenticationType.of(\'SAML\'), not a string (got "SAML")');
    expect(message).toContain('users[2].userName: must be a string, not a number (got 7)');
    expect(message).toContain('users[3].userName: is required');
    expect(message).not.toContain('users[4]');
  });
});

describe('DirectoryConfig props from plain JavaScript', () => {
  test('allowPlainTextPassword: "false" is refused, never read as true', () => {
    const scope = setup();
    const message = messageOf(() => new DirectoryConfig(scope, 'Dir', {
      directoryName: 'corp.example.com',
      organizationalUnits: ['OU=AppStream,DC=corp,DC=example,DC=com'],
      serviceAccountName: 'svc',
      serviceAccountPassword: cdk.SecretValue.unsafePlainText('secret'),
      allowPlainTextPassword: js('false'),
    }));
    expect(message).toContain('Test/Dir: invalid DirectoryConfig props (1 problem)');
    expect(message).toContain('allowPlainTextPassword: must be a boolean (true or false), not a string (got "false")');
  });

  test('wrong types fail clearly, all at once, without echoing a password', () => {
    const message = messageOf(() => new DirectoryConfig(setup(), 'Dir', {
      directoryName: js(1),
      organizationalUnits: js('OU=AppStream,DC=corp,DC=example,DC=com'),
      serviceAccountName: js(5),
      serviceAccountPassword: js('hunter2'),
      certificateBasedAuth: { status: js('ENABLED'), certificateAuthority: js('arn:aws:acm-pca:eu-west-1:111111111111:certificate-authority/x') },
    }));
    expect(message).toContain('(6 problems)');
    expect(message).toContain('directoryName: must be a string, not a number (got 1)');
    expect(message).toContain('organizationalUnits: must be an array, not a string');
    expect(message).toContain('serviceAccountName: must be a string, not a number (got 5)');
    expect(message).toContain('serviceAccountPassword: must be a SecretValue such as SecretValue.secretsManager(\'corp/appstream\', { jsonField: \'password\' }), not a string (got "(not shown)")');
    expect(message).not.toContain('hunter2');
    expect(message).toContain('certificateBasedAuth.status: must be a CertificateBasedAuthStatus such as CertificateBasedAuthStatus.ENABLED');
    expect(message).toContain('certificateBasedAuth.certificateAuthority: must be an AWS Private CA certificate authority (acmpca.ICertificateAuthority), not a string');
  });

  test('a secret that is a string, OUs that are not strings, and missing required props fail clearly', () => {
    const scope = setup();
    const message = messageOf(() => new DirectoryConfig(scope, 'Dir', js({
      serviceAccountSecret: 'corp/appstream',
      serviceAccountUsernameKey: 1,
    })));
    expect(message).toContain('directoryName: is required');
    expect(message).toContain('organizationalUnits: is required');
    expect(message).toContain('serviceAccountSecret: must be a Secrets Manager secret (secretsmanager.ISecret), not a string (got "corp/appstream")');
    expect(message).toContain('serviceAccountUsernameKey: must be a string, not a number (got 1)');
    expect(() => new DirectoryConfig(scope, 'Ous', {
      directoryName: 'corp.example.com',
      organizationalUnits: [js(1)],
      serviceAccountSecret: new secretsmanager.Secret(scope, 'Secret'),
    })).toThrow(/organizationalUnits\[0\]: must be a string, not a number \(got 1\)/);
  });
});
