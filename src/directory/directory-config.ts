import { Annotations, IResource, Resource, SecretValue, Token } from 'aws-cdk-lib';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  CERTIFICATE_AUTHORITY_ARN,
  DIRECTORY_CONFIG_LIMITS,
  domainOfDistinguishedName,
  validateDirectoryName,
  validateOrganizationalUnits,
  validateSecretJsonKey,
} from './private/directory-config-validation';
import { enumLikeValue } from '../core/private/enum-like';
import { checkArray, checkBoolean, checkEnumLike, checkObject, checkString, typeName } from '../core/private/input-types';
import { secretValueSource } from '../core/private/secret-value';
import { PropsValidator } from '../core/private/validation';
import { Warnings } from '../core/private/warnings';

/**
 * An AppStream directory config: how fleets and image builders join an Active Directory domain.
 */
export interface IDirectoryConfig extends IResource {
  /**
   * The fully qualified name of the directory, such as `corp.example.com`.
   * @attribute
   */
  readonly directoryName: string;

  /**
   * The distinguished names of the organizational units for computer accounts.
   *
   * @default - unknown (imported directory configs that do not say)
   */
  readonly organizationalUnits?: string[];
}

/**
 * Attributes of an existing directory config, for `DirectoryConfig.fromDirectoryConfigAttributes()`.
 */
export interface DirectoryConfigAttributes {
  /**
   * The fully qualified name of the directory, such as `corp.example.com`.
   */
  readonly directoryName: string;

  /**
   * The distinguished names of the organizational units for computer accounts.
   *
   * When given, a fleet that joins the domain through this directory config is checked to use
   * one of them.
   *
   * @default - unknown: a fleet's organizational unit is not checked
   */
  readonly organizationalUnits?: string[];
}

/**
 * Code shared by owned and imported directory configs.
 */
export abstract class DirectoryConfigBase extends Resource implements IDirectoryConfig {
  /**
   * The fully qualified name of the directory.
   */
  public abstract readonly directoryName: string;

  /**
   * The distinguished names of the organizational units for computer accounts.
   */
  public abstract readonly organizationalUnits?: string[];
}

/**
 * How certificate-based authentication is used on domain-joined streaming instances.
 *
 * An enum-like class: AWS adds values; `CertificateBasedAuthStatus.of('NEW_VALUE')` passes one
 * this library does not know yet.
 */
export class CertificateBasedAuthStatus {
  /**
   * Certificate-based authentication is off: users sign in with their domain password.
   */
  public static readonly DISABLED = new CertificateBasedAuthStatus('DISABLED');

  /**
   * SAML 2.0 users are signed in to the domain with a certificate; when that fails, or to unlock
   * the lock screen, they can fall back to their domain password.
   */
  public static readonly ENABLED = new CertificateBasedAuthStatus('ENABLED');

  /**
   * SAML 2.0 users are signed in to the domain with a certificate only; when that fails they are
   * disconnected to authenticate again (no fallback to the domain password).
   */
  public static readonly ENABLED_NO_DIRECTORY_LOGIN_FALLBACK = new CertificateBasedAuthStatus('ENABLED_NO_DIRECTORY_LOGIN_FALLBACK');

  /**
   * A status by its API value, for values this library does not name yet.
   *
   * @param value the API value, such as `ENABLED`
   */
  public static of(value: string): CertificateBasedAuthStatus {
    return new CertificateBasedAuthStatus(enumLikeValue({ className: 'CertificateBasedAuthStatus', what: "the status's API value", example: 'ENABLED' }, value));
  }

  /**
   * The API value, such as `ENABLED`.
   */
  public readonly value: string;

  /**
   * @param value the API value
   */
  private constructor(value: string) {
    this.value = value;
  }

  /**
   * The API value.
   */
  public toString(): string {
    return this.value;
  }
}

/**
 * Certificate-based authentication of SAML 2.0 users to the Active Directory domain, with
 * certificates issued by an AWS Private Certificate Authority.
 */
export interface CertificateBasedAuth {
  /**
   * Whether certificate-based authentication is on, and whether users may fall back to their
   * domain password.
   *
   * @default CertificateBasedAuthStatus.ENABLED
   */
  readonly status?: CertificateBasedAuthStatus;

  /**
   * The AWS Private CA (ACM PCA) authority that issues the users' certificates.
   *
   * @default - none; required unless `status` is `CertificateBasedAuthStatus.DISABLED`
   */
  readonly certificateAuthority?: acmpca.ICertificateAuthority;
}

/**
 * Properties of a `DirectoryConfig`.
 *
 * The service account is given in exactly one of two ways: `serviceAccountSecret` (a Secrets
 * Manager secret holding the user name and password as JSON), or `serviceAccountName` with
 * `serviceAccountPassword` (a `SecretValue`).
 */
export interface DirectoryConfigProps {
  /**
   * The fully qualified domain name of the directory, such as `corp.example.com`.
   *
   * It is also the directory config's name (its physical name): changing it replaces the
   * directory config.
   */
  readonly directoryName: string;

  /**
   * The distinguished names of the organizational units that hold the computer accounts of
   * domain-joined fleets and image builders, such as `OU=AppStream,DC=corp,DC=example,DC=com`.
   *
   * At least one; each at most 2,000 characters; no duplicates.
   */
  readonly organizationalUnits: string[];

  /**
   * A Secrets Manager secret that holds the service account's credentials as a JSON object, such
   * as `{"username": "CORP\\svc-appstream", "password": "..."}`.
   *
   * The template receives CloudFormation dynamic references (`{{resolve:secretsmanager:...}}`)
   * that CloudFormation resolves at deploy time: neither the template nor this app ever holds
   * the password. The principal that deploys the stack must be able to read the secret (and
   * decrypt it with its KMS key); AppStream itself needs no grant.
   *
   * The account needs permission to create computer objects, join computers to the domain and
   * change/reset the password of computer objects in the organizational units.
   *
   * CloudFormation reads the secret only when it creates or updates the directory config: after
   * the password changes (for example by rotation), AppStream keeps the old one until the directory
   * config is updated again.
   *
   * @default - none; give `serviceAccountName` and `serviceAccountPassword` instead
   */
  readonly serviceAccountSecret?: secretsmanager.ISecret;

  /**
   * The JSON key of `serviceAccountSecret` that holds the service account's user name.
   *
   * @default 'username'
   */
  readonly serviceAccountUsernameKey?: string;

  /**
   * The JSON key of `serviceAccountSecret` that holds the service account's password.
   *
   * @default 'password'
   */
  readonly serviceAccountPasswordKey?: string;

  /**
   * The service account's user name, when the password is given as `serviceAccountPassword`.
   *
   * @default - none; use `serviceAccountSecret` instead
   */
  readonly serviceAccountName?: string;

  /**
   * The service account's password, when the credentials are not given as `serviceAccountSecret`,
   * for example `SecretValue.secretsManager('corp/appstream', { jsonField: 'pw' })` or
   * `SecretValue.cfnParameter(noEchoParam)`.
   *
   * A plain-text value (`SecretValue.unsafePlainText('...')`) is refused, because it would be
   * written into the template, unless `allowPlainTextPassword` is `true`. An SSM SecureString
   * reference (`SecretValue.ssmSecure()`) is refused too: CloudFormation resolves `ssm-secure`
   * references only for a fixed list of resource types, which does not include
   * `AWS::AppStream::DirectoryConfig`, so the deployment would fail. A plain SSM parameter
   * (`{{resolve:ssm:...}}`) is refused: it holds the password in clear.
   *
   * @default - none; use `serviceAccountSecret` instead
   */
  readonly serviceAccountPassword?: SecretValue;

  /**
   * Accept a plain-text `serviceAccountPassword` (`SecretValue.unsafePlainText('...')`), which is
   * then written into the CloudFormation template in clear. Meant for tests only.
   *
   * @default false
   */
  readonly allowPlainTextPassword?: boolean;

  /**
   * Certificate-based authentication of SAML 2.0 users to the domain.
   *
   * @default - not configured: AppStream's default (disabled)
   */
  readonly certificateBasedAuth?: CertificateBasedAuth;
}

/**
 * An AppStream (Amazon WorkSpaces Applications) directory config: the Active Directory domain
 * that fleets and image builders join, the organizational units for their computer accounts and
 * the service account that joins them, kept out of the template through Secrets Manager.
 *
 * @resource AWS::AppStream::DirectoryConfig
 */
export class DirectoryConfig extends DirectoryConfigBase {
  /**
   * Imports an existing directory config by its directory name.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param directoryName the fully qualified name of the directory, such as `corp.example.com`
   */
  public static fromDirectoryName(scope: Construct, id: string, directoryName: string): IDirectoryConfig {
    return DirectoryConfig.fromDirectoryConfigAttributes(scope, id, { directoryName });
  }

  /**
   * Imports an existing directory config from its attributes.
   *
   * @param scope the parent construct
   * @param id the construct id
   * @param attrs the directory config's attributes
   */
  public static fromDirectoryConfigAttributes(scope: Construct, id: string, attrs: DirectoryConfigAttributes): IDirectoryConfig {
    return new ImportedDirectoryConfig(scope, id, attrs);
  }

  /**
   * The fully qualified name of the directory (the `Ref` of the resource: consumers depend on it).
   */
  public readonly directoryName: string;

  /**
   * The distinguished names of the organizational units for computer accounts.
   */
  public readonly organizationalUnits?: string[];

  constructor(scope: Construct, id: string, props: DirectoryConfigProps) {
    super(scope, id, { physicalName: props.directoryName });

    validateDirectoryConfigPropTypes(this, props);
    const v = new PropsValidator(this);
    const nameWarnings = validateDirectoryName(v, 'directoryName', props.directoryName);
    const ouWarnings = validateOrganizationalUnits(v, 'organizationalUnits', props.organizationalUnits);
    const credentials = this.serviceAccountCredentials(v, props);
    const certificateBasedAuth = renderCertificateBasedAuth(v, props.certificateBasedAuth);
    v.throwIfInvalid();
    warnAll(this, nameWarnings, ouWarnings);

    this.warnAboutForeignOrganizationalUnits(props.directoryName, props.organizationalUnits);
    // A copy: a later change to the caller's array must not change the template behind its back.
    const organizationalUnits = Token.isUnresolved(props.organizationalUnits) ? props.organizationalUnits : [...props.organizationalUnits];

    const resource = new appstream.CfnDirectoryConfig(this, 'Resource', {
      directoryName: props.directoryName,
      organizationalUnitDistinguishedNames: organizationalUnits,
      serviceAccountCredentials: credentials!,
      certificateBasedAuthProperties: certificateBasedAuth,
    });

    // Ref of AWS::AppStream::DirectoryConfig is the directory name: consumers depend on the resource.
    this.directoryName = this.getResourceNameAttribute(resource.ref);
    this.organizationalUnits = organizationalUnits;
  }

  /**
   * Validates the two ways of giving the service account and renders the one given. The password
   * stays a token (a dynamic reference or another CloudFormation expression) unless the user
   * allowed a plain-text one.
   */
  private serviceAccountCredentials(
    v: PropsValidator,
    props: DirectoryConfigProps,
  ): appstream.CfnDirectoryConfig.ServiceAccountCredentialsProperty | undefined {
    const bySecret = props.serviceAccountSecret !== undefined;
    const byValue = props.serviceAccountName !== undefined || props.serviceAccountPassword !== undefined;
    if (bySecret && byValue) {
      v.failRule('serviceAccountSecret: give either serviceAccountSecret, or serviceAccountName with serviceAccountPassword, not both');
      return undefined;
    }
    if (!bySecret && !byValue) {
      v.failRule('serviceAccountSecret: the service account is required: give serviceAccountSecret, or serviceAccountName with serviceAccountPassword');
      return undefined;
    }

    if (props.serviceAccountSecret) {
      if (props.allowPlainTextPassword === true) {
        v.fail('allowPlainTextPassword', props.allowPlainTextPassword, 'applies only with serviceAccountPassword');
      }
      const usernameKey = props.serviceAccountUsernameKey ?? 'username';
      const passwordKey = props.serviceAccountPasswordKey ?? 'password';
      validateSecretJsonKey(v, 'serviceAccountUsernameKey', usernameKey);
      validateSecretJsonKey(v, 'serviceAccountPasswordKey', passwordKey);
      if (!Token.isUnresolved(usernameKey) && usernameKey === passwordKey) {
        v.fail('serviceAccountPasswordKey', passwordKey, 'must differ from serviceAccountUsernameKey');
      }
      return {
        accountName: props.serviceAccountSecret.secretValueFromJson(usernameKey).unsafeUnwrap(),
        accountPassword: props.serviceAccountSecret.secretValueFromJson(passwordKey).unsafeUnwrap(),
      };
    }

    for (const key of ['serviceAccountUsernameKey', 'serviceAccountPasswordKey'] as const) {
      if (props[key] !== undefined) {
        v.fail(key, props[key], 'applies only with serviceAccountSecret');
      }
    }
    if (props.serviceAccountName === undefined) {
      v.failRule('serviceAccountName: required with serviceAccountPassword');
    } else {
      v.string('serviceAccountName', props.serviceAccountName, { min: DIRECTORY_CONFIG_LIMITS.accountNameMinLength });
    }
    if (props.serviceAccountPassword === undefined) {
      v.failRule('serviceAccountPassword: required with serviceAccountName');
      return undefined;
    }
    this.checkPasswordSource(v, props.serviceAccountPassword, props.allowPlainTextPassword ?? false);
    return {
      accountName: props.serviceAccountName ?? '',
      accountPassword: props.serviceAccountPassword.unsafeUnwrap(),
    };
  }

  /**
   * Records a problem when `password` would write the password into the template in clear (unless
   * allowed), or would fail at deploy time (an SSM SecureString reference, which CloudFormation does
   * not resolve for this resource type). The password itself is never echoed.
   */
  private checkPasswordSource(v: PropsValidator, password: SecretValue, allowPlainText: boolean): void {
    const source = secretValueSource(this, password);
    switch (source.kind) {
      case 'ssmSecure':
        v.fail('serviceAccountPassword', '{{resolve:ssm-secure:...}}',
          'cannot be an SSM SecureString reference (SecretValue.ssmSecure): CloudFormation resolves ssm-secure only for '
          + 'a fixed list of resource types that does not include AWS::AppStream::DirectoryConfig, so the deployment would fail; '
          + 'use serviceAccountSecret or SecretValue.secretsManager()');
        return;
      case 'otherDynamicReference':
        v.fail('serviceAccountPassword', `{{resolve:${source.service}:...}}`,
          'must reference a secret store: a plain SSM parameter (or another non-secret source) holds the password in clear; '
          + 'use serviceAccountSecret or SecretValue.secretsManager()');
        return;
      case 'plainText':
        break;
      default:
        return;
    }
    if (!allowPlainText) {
      v.fail('serviceAccountPassword', '(plain text, not shown)',
        'must not be plain text (SecretValue.unsafePlainText), which would be written into the template: '
        + 'use serviceAccountSecret or SecretValue.secretsManager(), or set allowPlainTextPassword: true to accept it');
      return;
    }
    const length = source.value.length;
    if (length < DIRECTORY_CONFIG_LIMITS.accountPasswordMinLength || length > DIRECTORY_CONFIG_LIMITS.accountPasswordMaxLength) {
      v.fail('serviceAccountPassword', `${length} characters (not shown)`,
        `must be ${DIRECTORY_CONFIG_LIMITS.accountPasswordMinLength} to ${DIRECTORY_CONFIG_LIMITS.accountPasswordMaxLength} characters long`);
    }
    Annotations.of(this).addWarningV2(Warnings.PLAIN_TEXT_PASSWORD,
      'serviceAccountPassword is plain text (allowPlainTextPassword: true): it is written into the CloudFormation template in clear. Use serviceAccountSecret outside tests.');
  }

  /** Warns about organizational units whose `DC=` components name another domain. */
  private warnAboutForeignOrganizationalUnits(directoryName: string, ous: readonly string[]): void {
    if (Token.isUnresolved(directoryName) || Token.isUnresolved(ous)) {
      return;
    }
    const foreign = ous.filter((ou) => {
      if (Token.isUnresolved(ou)) {
        return false;
      }
      const domain = domainOfDistinguishedName(ou);
      return domain !== undefined && domain !== directoryName.toLowerCase();
    });
    if (foreign.length > 0) {
      Annotations.of(this).addWarningV2(Warnings.ORGANIZATIONAL_UNIT_OUTSIDE_DOMAIN,
        `organizationalUnits ${foreign.map((ou) => JSON.stringify(ou)).join(', ')}: their DC= components do not name the directory ${directoryName}`);
    }
  }
}

/**
 * Checks the types of the props, for callers from plain JavaScript: a wrong type would change the
 * meaning (`allowPlainTextPassword: 'false'` is truthy) or crash deep inside. Throws every problem at once.
 */
function validateDirectoryConfigPropTypes(scope: Construct, props: DirectoryConfigProps): void {
  const v = new PropsValidator(scope);
  if (props.directoryName === undefined) {
    v.fail('directoryName', undefined, 'is required: the fully qualified domain name of the directory, such as corp.example.com');
  }
  checkString(v, 'directoryName', props.directoryName);
  if (props.organizationalUnits === undefined) {
    v.fail('organizationalUnits', undefined, 'is required: the distinguished names of the organizational units');
  } else if (checkArray(v, 'organizationalUnits', props.organizationalUnits)) {
    props.organizationalUnits.forEach((ou, i) => checkString(v, `organizationalUnits[${i}]`, ou));
  }
  checkObject(v, 'serviceAccountSecret', props.serviceAccountSecret, 'a Secrets Manager secret (secretsmanager.ISecret)', ['secretValueFromJson']);
  checkString(v, 'serviceAccountUsernameKey', props.serviceAccountUsernameKey);
  checkString(v, 'serviceAccountPasswordKey', props.serviceAccountPasswordKey);
  checkString(v, 'serviceAccountName', props.serviceAccountName);
  if (props.serviceAccountPassword !== undefined && !SecretValue.isSecretValue(props.serviceAccountPassword)) {
    v.fail('serviceAccountPassword', '(not shown)',
      `must be a SecretValue such as SecretValue.secretsManager('corp/appstream', { jsonField: 'password' }), not ${typeName(props.serviceAccountPassword)}`);
  }
  checkBoolean(v, 'allowPlainTextPassword', props.allowPlainTextPassword);
  const cba = props.certificateBasedAuth;
  if (checkObject(v, 'certificateBasedAuth', cba, 'an object with status and certificateAuthority', []) && cba !== undefined) {
    checkEnumLike(v, 'certificateBasedAuth.status', cba.status, 'CertificateBasedAuthStatus', 'ENABLED');
    checkObject(v, 'certificateBasedAuth.certificateAuthority', cba.certificateAuthority,
      'an AWS Private CA certificate authority (acmpca.ICertificateAuthority)', ['certificateAuthorityArn']);
  }
  v.throwIfInvalid();
}

/** Adds the warnings of the directory name and of the organizational units. */
function warnAll(scope: Construct, nameWarnings: string[], ouWarnings: string[]): void {
  for (const warning of nameWarnings) {
    Annotations.of(scope).addWarningV2(Warnings.DIRECTORY_NAME_NOT_DNS_NAME, warning);
  }
  for (const warning of ouWarnings) {
    Annotations.of(scope).addWarningV2(Warnings.ORGANIZATIONAL_UNITS_EMPTY_OR_REPEATED, warning);
  }
}

/** Validates and renders `certificateBasedAuth`. */
function renderCertificateBasedAuth(
  v: PropsValidator,
  cba: CertificateBasedAuth | undefined,
): appstream.CfnDirectoryConfig.CertificateBasedAuthPropertiesProperty | undefined {
  if (cba === undefined) {
    return undefined;
  }
  const status = cba.status ?? CertificateBasedAuthStatus.ENABLED;
  const arn = cba.certificateAuthority?.certificateAuthorityArn;
  if (arn === undefined && status.value !== CertificateBasedAuthStatus.DISABLED.value) {
    v.fail('certificateBasedAuth.certificateAuthority', undefined, `is required when status is ${status.value}`);
  }
  v.string('certificateBasedAuth.certificateAuthority', arn, {
    pattern: DIRECTORY_CONFIG_LIMITS.arnPattern,
    patternDescription: 'an ARN (arn:partition:service:region:account:resource)',
  });
  if (arn !== undefined && !Token.isUnresolved(arn) && DIRECTORY_CONFIG_LIMITS.arnPattern.test(arn) && !CERTIFICATE_AUTHORITY_ARN.test(arn)) {
    v.fail('certificateBasedAuth.certificateAuthority', arn,
      'must be the ARN of an AWS Private CA certificate authority (arn:partition:acm-pca:region:account:certificate-authority/id)');
  }
  return { status: status.value, certificateAuthorityArn: arn };
}

/** A directory config defined outside this app. */
class ImportedDirectoryConfig extends DirectoryConfigBase {
  public readonly directoryName: string;
  public readonly organizationalUnits?: string[];

  constructor(scope: Construct, id: string, attrs: DirectoryConfigAttributes) {
    super(scope, id);
    const v = new PropsValidator(this);
    const nameWarnings = validateDirectoryName(v, 'directoryName', attrs.directoryName);
    const ouWarnings = attrs.organizationalUnits === undefined ? [] : validateOrganizationalUnits(v, 'organizationalUnits', attrs.organizationalUnits);
    v.throwIfInvalid();
    warnAll(this, nameWarnings, ouWarnings);
    this.directoryName = attrs.directoryName;
    this.organizationalUnits = attrs.organizationalUnits;
  }
}
