import { App, CfnParameter, Lazy, SecretValue, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { appStreamSchemaViolations } from './util/cfn-schema-validator';
import {
  CertificateBasedAuthStatus,
  DirectoryConfig,
  DirectoryConfigProps,
} from '../src/directory/directory-config';

const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';
const CA_ARN = 'arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555';

function makeStack(): Stack {
  return new Stack(new App(), 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
}

function makeSecret(stack: Stack): secretsmanager.ISecret {
  return new secretsmanager.Secret(stack, 'ServiceAccount');
}

function secretRef(key: string): object {
  return {
    'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: Match.stringLikeRegexp('ServiceAccount') }, `:SecretString:${key}::}}`]],
  };
}

/** Creates a directory config with valid defaults, `overrides` replacing them. */
function makeConfig(stack: Stack, overrides: Partial<DirectoryConfigProps> = {}, withSecret = true): DirectoryConfig {
  return new DirectoryConfig(stack, 'Dir', {
    directoryName: 'corp.example.com',
    organizationalUnits: [OU],
    ...(withSecret ? { serviceAccountSecret: makeSecret(stack) } : {}),
    ...overrides,
  });
}

describe('DirectoryConfig', () => {
  test('renders the directory name, the OUs and the secret as dynamic references with default keys', () => {
    const stack = makeStack();
    makeConfig(stack);

    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
      DirectoryName: 'corp.example.com',
      OrganizationalUnitDistinguishedNames: [OU],
      ServiceAccountCredentials: {
        AccountName: secretRef('username'),
        AccountPassword: secretRef('password'),
      },
      CertificateBasedAuthProperties: Match.absent(),
    });
  });

  test('uses the configured JSON keys of the secret', () => {
    const stack = makeStack();
    makeConfig(stack, { serviceAccountUsernameKey: 'user', serviceAccountPasswordKey: 'pw' });

    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
      ServiceAccountCredentials: { AccountName: secretRef('user'), AccountPassword: secretRef('pw') },
    });
  });

  test('keeps several organizational units in order', () => {
    const stack = makeStack();
    const ous = [OU, 'OU=Second,OU=AppStream,DC=corp,DC=example,DC=com'];
    const dir = makeConfig(stack, { organizationalUnits: ous });

    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
      OrganizationalUnitDistinguishedNames: ous,
    });
    expect(dir.organizationalUnits).toEqual(ous);
  });

  test('keeps its own copy of the organizational units', () => {
    const stack = makeStack();
    const ous = [OU];
    const dir = makeConfig(stack, { organizationalUnits: ous });
    ous.push('OU=Late,DC=corp,DC=example,DC=com');

    expect(dir.organizationalUnits).toEqual([OU]);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', { OrganizationalUnitDistinguishedNames: [OU] });
  });

  test('directoryName is the Ref of the resource, so consumers depend on it', () => {
    const stack = makeStack();
    const dir = makeConfig(stack);

    const logicalId = Object.keys(Template.fromStack(stack).findResources('AWS::AppStream::DirectoryConfig'))[0];
    expect(stack.resolve(dir.directoryName)).toEqual({ Ref: logicalId });
  });

  describe('no plaintext password in the template', () => {
    test('with serviceAccountSecret: only dynamic references, no generated or literal password', () => {
      const stack = makeStack();
      const secret = new secretsmanager.Secret(stack, 'ServiceAccount', {
        secretObjectValue: {
          username: SecretValue.unsafePlainText('svc-appstream'),
          password: SecretValue.unsafePlainText('Sup3r-S3cret-Pa55word!'),
        },
      });
      new DirectoryConfig(stack, 'Dir', {
        directoryName: 'corp.example.com',
        organizationalUnits: [OU],
        serviceAccountSecret: secret,
      });

      const template = Template.fromStack(stack);
      const dirJson = JSON.stringify(template.findResources('AWS::AppStream::DirectoryConfig'));
      expect(dirJson).not.toContain('Sup3r-S3cret-Pa55word!');
      expect(dirJson).not.toContain('svc-appstream');
      expect(dirJson).toContain('{{resolve:secretsmanager:');
      expect(dirJson).toContain(':SecretString:password::}}');
    });

    test('with an imported secret: the whole template holds only the references', () => {
      const stack = makeStack();
      const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:corp/appstream-AbCdEf';
      makeConfig(stack, { serviceAccountSecret: secretsmanager.Secret.fromSecretCompleteArn(stack, 'Imported', arn) }, false);

      const template = Template.fromStack(stack).toJSON();
      const json = JSON.stringify(template);
      expect(json).toContain(`{{resolve:secretsmanager:${arn}:SecretString:password::}}`);
      expect(Object.keys(template.Resources)).toHaveLength(1);
      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
        ServiceAccountCredentials: {
          AccountName: `{{resolve:secretsmanager:${arn}:SecretString:username::}}`,
          AccountPassword: `{{resolve:secretsmanager:${arn}:SecretString:password::}}`,
        },
      });
    });

    test('with serviceAccountPassword from Secrets Manager: the whole template holds the reference, not a password', () => {
      const stack = makeStack();
      makeConfig(stack, {
        serviceAccountName: 'CORP\\svc-appstream',
        serviceAccountPassword: SecretValue.secretsManager('corp/appstream', { jsonField: 'pw' }),
      }, false);

      const json = JSON.stringify(Template.fromStack(stack).toJSON());
      expect(json).toContain('{{resolve:secretsmanager:corp/appstream:SecretString:pw::}}');
      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
        ServiceAccountCredentials: {
          AccountName: 'CORP\\svc-appstream',
          AccountPassword: '{{resolve:secretsmanager:corp/appstream:SecretString:pw::}}',
        },
      });
    });
  });

  describe('serviceAccountPassword (SecretValue)', () => {
    test('refuses an SSM SecureString reference, which CloudFormation does not resolve for this resource type', () => {
      expect(() => makeConfig(makeStack(), {
        serviceAccountName: 'svc',
        serviceAccountPassword: SecretValue.ssmSecure('/corp/appstream/password', '3'),
      }, false)).toThrow(/serviceAccountPassword: cannot be an SSM SecureString reference \(SecretValue.ssmSecure\): .*does not include AWS::AppStream::DirectoryConfig.* \(got "\{\{resolve:ssm-secure:...\}\}"\)/);
    });

    test('refuses an SSM SecureString reference inside a CloudFormation expression', () => {
      const stack = makeStack();
      const name = new CfnParameter(stack, 'ParamName').valueAsString;
      expect(() => makeConfig(stack, { serviceAccountName: 'svc', serviceAccountPassword: SecretValue.ssmSecure(name) }, false))
        .toThrow(/serviceAccountPassword: cannot be an SSM SecureString reference/);
    });

    test('refuses a plain SSM parameter reference, which holds the password in clear', () => {
      expect(() => makeConfig(makeStack(), {
        serviceAccountName: 'svc',
        serviceAccountPassword: SecretValue.unsafePlainText('{{resolve:ssm:/corp/appstream/password}}'),
        allowPlainTextPassword: true,
      }, false)).toThrow(/serviceAccountPassword: must reference a secret store: a plain SSM parameter .* \(got "\{\{resolve:ssm:...\}\}"\)/);
    });

    test('refuses allowPlainTextPassword with serviceAccountSecret, where it does nothing', () => {
      expect(() => makeConfig(makeStack(), { allowPlainTextPassword: true }))
        .toThrow(/allowPlainTextPassword: applies only with serviceAccountPassword \(got true\)/);
      expect(() => makeConfig(makeStack(), { allowPlainTextPassword: false })).not.toThrow();
    });

    test('accepts a NoEcho CloudFormation parameter', () => {
      const stack = makeStack();
      const param = new CfnParameter(stack, 'Password', { noEcho: true });
      makeConfig(stack, { serviceAccountName: 'svc', serviceAccountPassword: SecretValue.cfnParameter(param) }, false);

      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
        ServiceAccountCredentials: { AccountName: 'svc', AccountPassword: { Ref: 'Password' } },
      });
    });

    test('refuses a plain-text password, without echoing it', () => {
      const stack = makeStack();
      expect(() => makeConfig(stack, {
        serviceAccountName: 'svc',
        serviceAccountPassword: SecretValue.unsafePlainText('hunter2-secret'),
      }, false)).toThrow(/serviceAccountPassword: must not be plain text .*allowPlainTextPassword: true/);

      let message = '';
      try {
        makeConfig(makeStack(), { serviceAccountName: 'svc', serviceAccountPassword: SecretValue.unsafePlainText('hunter2-secret') }, false);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toContain('hunter2-secret');
    });

    test('refuses a plain text hidden behind a lazy token', () => {
      const stack = makeStack();
      const lazy = new SecretValue(Lazy.string({ produce: () => 'hunter2-secret' }));
      expect(() => makeConfig(stack, { serviceAccountName: 'svc', serviceAccountPassword: lazy }, false))
        .toThrow(/serviceAccountPassword: must not be plain text/);
    });

    test('accepts a hand-written dynamic reference, which is not plain text', () => {
      const stack = makeStack();
      makeConfig(stack, {
        serviceAccountName: 'svc',
        serviceAccountPassword: SecretValue.unsafePlainText('{{resolve:secretsmanager:corp/appstream:SecretString:pw::}}'),
      }, false);

      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
        ServiceAccountCredentials: { AccountPassword: '{{resolve:secretsmanager:corp/appstream:SecretString:pw::}}' },
      });
      Annotations.fromStack(stack).hasNoWarning('/TestStack/Dir', Match.anyValue());
    });

    test('refuses a plain-text password that merely contains a dynamic reference', () => {
      expect(() => makeConfig(makeStack(), {
        serviceAccountName: 'svc',
        serviceAccountPassword: SecretValue.unsafePlainText('prefix{{resolve:secretsmanager:corp/appstream:SecretString:pw::}}'),
      }, false)).toThrow(/serviceAccountPassword: must not be plain text/);
    });

    test('checks the length of a plain text behind a lazy token when allowed', () => {
      const lazy = new SecretValue(Lazy.string({ produce: () => 'y'.repeat(128) }));
      expect(() => makeConfig(makeStack(), { serviceAccountName: 'svc', serviceAccountPassword: lazy, allowPlainTextPassword: true }, false))
        .toThrow(/serviceAccountPassword: must be 1 to 127 characters long \(got "128 characters/);
    });

    test('accepts a plain-text password with allowPlainTextPassword, and warns', () => {
      const stack = makeStack();
      makeConfig(stack, {
        serviceAccountName: 'svc',
        serviceAccountPassword: SecretValue.unsafePlainText('hunter2-secret'),
        allowPlainTextPassword: true,
      }, false);

      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
        ServiceAccountCredentials: { AccountName: 'svc', AccountPassword: 'hunter2-secret' },
      });
      Annotations.fromStack(stack).hasWarning('/TestStack/Dir', Match.stringLikeRegexp('plain text .*written into the CloudFormation template'));
    });

    test('checks the length of an allowed plain-text password (1 to 127)', () => {
      expect(() => makeConfig(makeStack(), {
        serviceAccountName: 'svc',
        serviceAccountPassword: SecretValue.unsafePlainText('x'.repeat(128)),
        allowPlainTextPassword: true,
      }, false)).toThrow(/serviceAccountPassword: must be 1 to 127 characters long \(got "128 characters \(not shown\)"\)/);
      expect(() => makeConfig(makeStack(), {
        serviceAccountName: 'svc',
        serviceAccountPassword: SecretValue.unsafePlainText('x'.repeat(127)),
        allowPlainTextPassword: true,
      }, false)).not.toThrow();
    });

    test('requires serviceAccountName with serviceAccountPassword and the reverse', () => {
      expect(() => makeConfig(makeStack(), { serviceAccountPassword: SecretValue.secretsManager('corp/p') }, false))
        .toThrow(/serviceAccountName: required with serviceAccountPassword/);
      expect(() => makeConfig(makeStack(), { serviceAccountName: 'svc' }, false))
        .toThrow(/serviceAccountPassword: required with serviceAccountName/);
    });

    test('refuses an empty serviceAccountName', () => {
      expect(() => makeConfig(makeStack(), { serviceAccountName: '', serviceAccountPassword: SecretValue.secretsManager('corp/p') }, false))
        .toThrow(/serviceAccountName: must be at least 1 characters long \(got ""\)/);
    });

    test('refuses secret JSON keys without serviceAccountSecret', () => {
      expect(() => makeConfig(makeStack(), {
        serviceAccountName: 'svc',
        serviceAccountPassword: SecretValue.secretsManager('corp/p'),
        serviceAccountUsernameKey: 'u',
        serviceAccountPasswordKey: 'p',
      }, false)).toThrow(/serviceAccountUsernameKey: applies only with serviceAccountSecret \(got "u"\)[\s\S]*serviceAccountPasswordKey: applies only with serviceAccountSecret \(got "p"\)/);
    });
  });

  describe('exactly one way to give the service account', () => {
    test('refuses both', () => {
      expect(() => makeConfig(makeStack(), { serviceAccountName: 'svc', serviceAccountPassword: SecretValue.secretsManager('corp/p') }))
        .toThrow(/give either serviceAccountSecret, or serviceAccountName with serviceAccountPassword, not both/);
    });

    test('refuses neither', () => {
      expect(() => makeConfig(makeStack(), {}, false))
        .toThrow(/the service account is required: give serviceAccountSecret, or serviceAccountName with serviceAccountPassword/);
    });
  });

  describe('secret JSON keys', () => {
    test.each([
      ['serviceAccountUsernameKey', 'user:name'],
      ['serviceAccountPasswordKey', ''],
      ['serviceAccountPasswordKey', 'pass}}word'],
    ])('refuses %s %j', (prop, value) => {
      expect(() => makeConfig(makeStack(), { [prop]: value }))
        .toThrow(new RegExp(`${prop}: must be a non-empty JSON key without ":", "\\{" or "\\}" .*\\(got ${JSON.stringify(value).replace(/[{}]/g, '\\$&')}\\)`));
    });

    test('refuses the same key for user name and password', () => {
      expect(() => makeConfig(makeStack(), { serviceAccountUsernameKey: 'cred', serviceAccountPasswordKey: 'cred' }))
        .toThrow(/serviceAccountPasswordKey: must differ from serviceAccountUsernameKey \(got "cred"\)/);
    });
  });

  describe('directoryName', () => {
    test.each([
      'corp.example.com',
      'a.b',
      'my-corp.example.co.uk',
      '1corp.example.com',
      `${'a'.repeat(63)}.example.com`,
    ])('accepts %s', (name) => {
      expect(() => makeConfig(makeStack(), { directoryName: name })).not.toThrow();
    });

    test.each([
      ['corp', /directoryName: must be a fully qualified domain name of at least 2 labels, such as corp.example.com \(got "corp"\)/],
      ['corp..example.com', /directoryName: must be a fully qualified domain name without empty labels \(no leading dot, no ".."\) \(got "corp..example.com"\)/],
      ['.corp.example.com', /directoryName: must be a fully qualified domain name without empty labels/],
      ['', /directoryName: must be a fully qualified domain name of at least 2 labels/],
    ])('refuses %s, which cannot be a fully qualified name (the API documents one)', (name, error) => {
      expect(() => makeConfig(makeStack(), { directoryName: name })).toThrow(error);
    });

    // No AWS source states DNS rules for DirectoryName (the API model gives it no length or
    // pattern), and Microsoft DNS accepts underscores and UTF-8 names: accepted, with a warning.
    test.each([
      ['corp.example.com.', /directoryName "corp.example.com." ends with a dot/],
      ['-corp.example.com', /directoryName "-corp.example.com" has labels that are not 1 to 63 letters, digits or hyphens \(not starting or ending with a hyphen\), as DNS host names are: "-corp"/],
      ['corp-.example.com', /as DNS host names are: "corp-"/],
      ['corp_1.example.com', /as DNS host names are: "corp_1"/],
      ['société.example.com', /as DNS host names are: "société"/],
      [`${'a'.repeat(64)}.example.com`, /as DNS host names are: "a{64}"/],
      ['corp.example.123', /has an all-digit top-level label/],
      [`${Array(64).fill('abc').join('.')}.com`, /is longer than 253 characters, the most a DNS name has/],
    ])('accepts %s with a warning', (name, warning) => {
      const stack = makeStack();
      expect(() => makeConfig(stack, { directoryName: name, organizationalUnits: ['OU=AppStream,DC=corp,DC=example,DC=com'] })).not.toThrow();
      const warnings = Annotations.fromStack(stack).findWarning('/TestStack/Dir', Match.stringLikeRegexp('cdk-appstream:directory-name-not-dns-name'));
      expect(warnings).toHaveLength(1);
      expect(String(warnings[0].entry.data)).toMatch(warning);
      expect(String(warnings[0].entry.data)).toContain('AWS states no such rule, so it is not refused');
    });

    test('a DNS name gets no warning', () => {
      const stack = makeStack();
      makeConfig(stack, { directoryName: 'corp.example.com' });
      Annotations.fromStack(stack).hasNoWarning('/TestStack/Dir', Match.stringLikeRegexp('directory-name-not-dns-name'));
    });

    test('an import is held to the same rules', () => {
      const stack = makeStack();
      expect(() => DirectoryConfig.fromDirectoryName(stack, 'Bad', 'corp')).toThrow(/directoryName: must be a fully qualified domain name/);
      DirectoryConfig.fromDirectoryConfigAttributes(stack, 'Odd', { directoryName: 'corp_1.example.com', organizationalUnits: [OU, OU] });
      Annotations.fromStack(stack).hasWarning('/TestStack/Odd', Match.stringLikeRegexp('"corp_1".*directory-name-not-dns-name'));
      Annotations.fromStack(stack).hasWarning('/TestStack/Odd', Match.stringLikeRegexp('repeats organizationalUnits\\[0\\].*organizational-units-empty-or-repeated'));
    });

    test('is the physical name', () => {
      const stack = makeStack();
      const dir = makeConfig(stack, { directoryName: 'ad.example.org', organizationalUnits: ['OU=X,DC=ad,DC=example,DC=org'] });
      expect(dir.node.defaultChild).toBeDefined();
      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', { DirectoryName: 'ad.example.org' });
    });
  });

  describe('organizationalUnits', () => {
    test('an empty list is accepted with a warning (no AWS source sets a minimum)', () => {
      const stack = makeStack();
      expect(() => makeConfig(stack, { organizationalUnits: [] })).not.toThrow();
      Annotations.fromStack(stack).hasWarning('/TestStack/Dir',
        Match.stringLikeRegexp('organizationalUnits is empty: a domain-joined fleet or image builder needs an organizational unit.*cdk-appstream:organizational-units-empty-or-repeated'));
    });

    test('accepts exactly 2,000 characters and refuses 2,001', () => {
      const base = 'OU=';
      const ok = `${base}${'a'.repeat(2000 - base.length)}`;
      expect(() => makeConfig(makeStack(), { organizationalUnits: [ok] })).not.toThrow();
      expect(() => makeConfig(makeStack(), { organizationalUnits: [`${ok}a`] }))
        .toThrow(/organizationalUnits\[0\]: must be at most 2000 characters long/);
    });

    test('refuses an empty one, which is no distinguished name', () => {
      expect(() => makeConfig(makeStack(), { organizationalUnits: [OU, ''] }))
        .toThrow(/organizationalUnits\[1\]: must be a distinguished name of comma-separated type=value components.* \(got ""\)/);
    });

    test('refuses something that is not a distinguished name', () => {
      expect(() => makeConfig(makeStack(), { organizationalUnits: ['AppStream computers'] }))
        .toThrow(/organizationalUnits\[0\]: must be a distinguished name of comma-separated type=value components.* \(got "AppStream computers"\)/);
      expect(() => makeConfig(makeStack(), { organizationalUnits: ['OU=AppStream,,DC=corp'] }))
        .toThrow(/organizationalUnits\[0\]: must be a distinguished name/);
    });

    test('accepts escaped commas inside a value', () => {
      expect(() => makeConfig(makeStack(), { organizationalUnits: ['OU=Apps\\, Streaming,DC=corp,DC=example,DC=com'] })).not.toThrow();
    });

    test('accepts duplicates, compared case-insensitively, with a warning (the registry schema has uniqueItems: false)', () => {
      const stack = makeStack();
      expect(() => makeConfig(stack, { organizationalUnits: [OU, OU.toLowerCase()] })).not.toThrow();
      Annotations.fromStack(stack).hasWarning('/TestStack/Dir',
        Match.stringLikeRegexp('organizationalUnits\\[1\\] ".*" repeats organizationalUnits\\[0\\].*cdk-appstream:organizational-units-empty-or-repeated'));
    });

    test('warns about an OU in another domain', () => {
      const stack = makeStack();
      makeConfig(stack, { organizationalUnits: [OU, 'OU=AppStream,DC=other,DC=net'] });
      Annotations.fromStack(stack).hasWarning('/TestStack/Dir',
        Match.stringLikeRegexp('"OU=AppStream,DC=other,DC=net": their DC= components do not name the directory corp.example.com'));
    });

    test('does not warn when the DC components match, in any case', () => {
      const stack = makeStack();
      makeConfig(stack, { organizationalUnits: ['OU=AppStream,dc=CORP, DC=Example,DC=com'] });
      Annotations.fromStack(stack).hasNoWarning('/TestStack/Dir', Match.anyValue());
    });
  });

  describe('certificate-based authentication', () => {
    test('renders status ENABLED by default and the CA ARN', () => {
      const stack = makeStack();
      const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'CA', CA_ARN);
      makeConfig(stack, { certificateBasedAuth: { certificateAuthority: ca } });

      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
        CertificateBasedAuthProperties: { Status: 'ENABLED', CertificateAuthorityArn: CA_ARN },
      });
    });

    test.each([
      [CertificateBasedAuthStatus.ENABLED_NO_DIRECTORY_LOGIN_FALLBACK, 'ENABLED_NO_DIRECTORY_LOGIN_FALLBACK'],
      [CertificateBasedAuthStatus.DISABLED, 'DISABLED'],
      [CertificateBasedAuthStatus.of('FUTURE_VALUE'), 'FUTURE_VALUE'],
    ])('renders status %s', (status, value) => {
      const stack = makeStack();
      const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'CA', CA_ARN);
      makeConfig(stack, { certificateBasedAuth: { status, certificateAuthority: ca } });

      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
        CertificateBasedAuthProperties: { Status: value, CertificateAuthorityArn: CA_ARN },
      });
    });

    test('DISABLED needs no certificate authority', () => {
      const stack = makeStack();
      makeConfig(stack, { certificateBasedAuth: { status: CertificateBasedAuthStatus.DISABLED } });

      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
        CertificateBasedAuthProperties: { Status: 'DISABLED', CertificateAuthorityArn: Match.absent() },
      });
    });

    test('an enabled status requires a certificate authority', () => {
      expect(() => makeConfig(makeStack(), { certificateBasedAuth: {} }))
        .toThrow(/certificateBasedAuth.certificateAuthority: is required when status is ENABLED/);
      expect(() => makeConfig(makeStack(), {
        certificateBasedAuth: { status: CertificateBasedAuthStatus.ENABLED_NO_DIRECTORY_LOGIN_FALLBACK },
      })).toThrow(/is required when status is ENABLED_NO_DIRECTORY_LOGIN_FALLBACK/);
    });

    test('refuses a CA ARN that is not an ARN', () => {
      const stack = makeStack();
      const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'CA', 'not-an-arn');
      expect(() => makeConfig(stack, { certificateBasedAuth: { certificateAuthority: ca } }))
        .toThrow(/certificateBasedAuth.certificateAuthority: must match an ARN .* \(got "not-an-arn"\)/);
    });

    test('refuses an ARN of something other than a Private CA certificate authority', () => {
      const stack = makeStack();
      const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
      const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'CA', arn);
      expect(() => makeConfig(stack, { certificateBasedAuth: { certificateAuthority: ca } }))
        .toThrow(new RegExp(`certificateBasedAuth.certificateAuthority: must be the ARN of an AWS Private CA certificate authority .* \\(got "${arn}"\\)`));
    });

    test('accepts a Private CA ARN of another partition', () => {
      const stack = makeStack();
      const arn = 'arn:aws-us-gov:acm-pca:us-gov-west-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555';
      makeConfig(stack, { certificateBasedAuth: { certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'CA', arn) } });
      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
        CertificateBasedAuthProperties: { Status: 'ENABLED', CertificateAuthorityArn: arn },
      });
    });

    test('accepts a CA created in the app (token ARN)', () => {
      const stack = makeStack();
      const cfnCa = new acmpca.CfnCertificateAuthority(stack, 'Pca', {
        type: 'ROOT',
        keyAlgorithm: 'RSA_2048',
        signingAlgorithm: 'SHA256WITHRSA',
        subject: { commonName: 'corp.example.com' },
      });
      const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'CA', cfnCa.attrArn);
      makeConfig(stack, { certificateBasedAuth: { certificateAuthority: ca } });

      Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
        CertificateBasedAuthProperties: { Status: 'ENABLED', CertificateAuthorityArn: { 'Fn::GetAtt': ['Pca', 'Arn'] } },
      });
    });
  });

  test('reports several problems at once, naming the construct path', () => {
    let message = '';
    try {
      makeConfig(makeStack(), {
        directoryName: 'corp',
        organizationalUnits: ['not a DN'],
        serviceAccountUsernameKey: 'a:b',
        certificateBasedAuth: {},
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^TestStack\/Dir: invalid DirectoryConfig props \(4 problems\)/);
    expect(message).toContain('directoryName: must be a fully qualified domain name');
    expect(message).toContain('organizationalUnits[0]: must be a distinguished name');
    expect(message).toContain('serviceAccountUsernameKey: must be a non-empty JSON key');
    expect(message).toContain('certificateBasedAuth.certificateAuthority: is required when status is ENABLED');
  });

  test('does not judge tokens', () => {
    const stack = makeStack();
    const name = new CfnParameter(stack, 'DirName').valueAsString;
    const ous = new CfnParameter(stack, 'Ous', { type: 'CommaDelimitedList' }).valueAsList;
    const ou = new CfnParameter(stack, 'Ou').valueAsString;
    const key = new CfnParameter(stack, 'Key').valueAsString;
    const user = new CfnParameter(stack, 'User').valueAsString;

    expect(() => makeConfig(stack, { directoryName: name, organizationalUnits: ous, serviceAccountUsernameKey: key })).not.toThrow();
    expect(() => new DirectoryConfig(stack, 'Dir2', {
      directoryName: name,
      organizationalUnits: [ou, ou],
      serviceAccountName: user,
      serviceAccountPassword: SecretValue.secretsManager('corp/p'),
    })).not.toThrow();
    const literal = new DirectoryConfig(stack, 'Dir3', {
      directoryName: 'corp.example.com',
      organizationalUnits: [ou],
      serviceAccountSecret: new secretsmanager.Secret(stack, 'Secret3'),
    });
    expect(literal.organizationalUnits).toEqual([ou]);
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Dir3', Match.anyValue());
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::DirectoryConfig', {
      DirectoryName: { Ref: 'DirName' },
      OrganizationalUnitDistinguishedNames: { Ref: 'Ous' },
    });
  });

  describe('importers', () => {
    test('fromDirectoryName', () => {
      const stack = makeStack();
      const dir = DirectoryConfig.fromDirectoryName(stack, 'Imported', 'corp.example.com');
      expect(dir.directoryName).toBe('corp.example.com');
      expect(dir.organizationalUnits).toBeUndefined();
      expect(Template.fromStack(stack).findResources('AWS::AppStream::DirectoryConfig')).toEqual({});
    });

    test('fromDirectoryConfigAttributes', () => {
      const dir = DirectoryConfig.fromDirectoryConfigAttributes(makeStack(), 'Imported', {
        directoryName: 'corp.example.com',
        organizationalUnits: [OU],
      });
      expect(dir.directoryName).toBe('corp.example.com');
      expect(dir.organizationalUnits).toEqual([OU]);
    });

    test('validate the name and OUs they are given', () => {
      expect(() => DirectoryConfig.fromDirectoryName(makeStack(), 'Imported', 'corp'))
        .toThrow(/Imported: .*\n.*directoryName: must be a fully qualified domain name/);
      expect(() => DirectoryConfig.fromDirectoryConfigAttributes(makeStack(), 'Imported', {
        directoryName: 'corp.example.com',
        organizationalUnits: ['AppStream'],
      })).toThrow(/organizationalUnits\[0\]: must be a distinguished name/);
    });

    test('accept a token name', () => {
      const stack = makeStack();
      const name = new CfnParameter(stack, 'DirName').valueAsString;
      expect(DirectoryConfig.fromDirectoryName(stack, 'Imported', name).directoryName).toBe(name);
    });
  });

  test('CertificateBasedAuthStatus exposes its value', () => {
    expect(CertificateBasedAuthStatus.ENABLED.value).toBe('ENABLED');
    expect(CertificateBasedAuthStatus.of('X').toString()).toBe('X');
  });
});

describe('CloudFormation registry schema', () => {
  test('every rendering satisfies the CloudFormation registry schema', () => {
    const stack = makeStack();
    const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'CA', CA_ARN);
    new DirectoryConfig(stack, 'BySecret', {
      directoryName: 'corp.example.com',
      organizationalUnits: [OU, 'OU=Second,DC=corp,DC=example,DC=com'],
      serviceAccountSecret: makeSecret(stack),
      serviceAccountUsernameKey: 'user',
      certificateBasedAuth: { certificateAuthority: ca, status: CertificateBasedAuthStatus.ENABLED_NO_DIRECTORY_LOGIN_FALLBACK },
    });
    new DirectoryConfig(stack, 'ByValue', {
      directoryName: 'ad.example.org',
      organizationalUnits: ['OU=X,DC=ad,DC=example,DC=org'],
      serviceAccountName: 'svc',
      serviceAccountPassword: SecretValue.unsafePlainText('x'.repeat(127)),
      allowPlainTextPassword: true,
      certificateBasedAuth: { status: CertificateBasedAuthStatus.DISABLED },
    });

    expect(appStreamSchemaViolations(Template.fromStack(stack).toJSON())).toEqual([]);
  });

});
