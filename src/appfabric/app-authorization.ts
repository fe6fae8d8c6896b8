import { IResource, ITaggable, Resource, SecretValue, TagManager } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { IAppBundle } from './app-bundle';
import { APP_NAME, AUTH_TYPE, STRING_2048, TENANT_ID } from './private/appfabric-limits';
import { APP_AUTHORIZATION_CONNECT_ACTIONS } from './private/appfabric-permissions';
import { appFabricResource, appFabricTags } from './private/appfabric-resource';
import { enumLikeValue } from '../core/private/enum-like';
import { checkEnumLike, checkString } from '../core/private/input-types';
import { secretValueSource } from '../core/private/secret-value';
import { PropsValidator } from '../core/private/validation';

/**
 * A SaaS application AppFabric connects to.
 *
 * An enum-like class: AppFabric adds applications over time, so `SaasApp.of('NEWAPP')` accepts one
 * this library does not name yet. The constants are the values the API model lists for `app`.
 */
export class SaasApp {
  /** Slack. */
  public static readonly SLACK = new SaasApp('SLACK');
  /** Asana. */
  public static readonly ASANA = new SaasApp('ASANA');
  /** Atlassian Jira. */
  public static readonly JIRA = new SaasApp('JIRA');
  /** Microsoft 365. */
  public static readonly M365 = new SaasApp('M365');
  /** Microsoft 365 audit logs. */
  public static readonly M365AUDITLOGS = new SaasApp('M365AUDITLOGS');
  /** Zoom. */
  public static readonly ZOOM = new SaasApp('ZOOM');
  /** Zendesk. */
  public static readonly ZENDESK = new SaasApp('ZENDESK');
  /** Okta. */
  public static readonly OKTA = new SaasApp('OKTA');
  /** Google Workspace. */
  public static readonly GOOGLE = new SaasApp('GOOGLE');
  /** Dropbox. */
  public static readonly DROPBOX = new SaasApp('DROPBOX');
  /** Smartsheet. */
  public static readonly SMARTSHEET = new SaasApp('SMARTSHEET');
  /** Cisco (Webex). */
  public static readonly CISCO = new SaasApp('CISCO');

  /**
   * An application by its API value, such as `'SLACK'`: 1 to 255 characters.
   *
   * Returns the named constant when the value is one of them.
   */
  public static of(value: string): SaasApp {
    const checked = enumLikeValue({
      className: 'SaasApp',
      what: "the application's API value",
      example: 'SLACK',
      pattern: new RegExp(`^[\\s\\S]{${APP_NAME.min},${APP_NAME.max}}$`),
      notA: 'an AppFabric application name',
      expected: `${APP_NAME.min} to ${APP_NAME.max} characters, such as SLACK`,
    }, value);
    return KNOWN_APPS.find((app) => app.value === checked) ?? new SaasApp(checked);
  }

  /** The applications this version of the library names. */
  public static known(): SaasApp[] {
    return [...KNOWN_APPS];
  }

  /**
   * @param value the API value of `app`
   */
  private constructor(public readonly value: string) {}

  /** The API value. */
  public toString(): string {
    return this.value;
  }
}

const KNOWN_APPS: readonly SaasApp[] = [
  SaasApp.SLACK, SaasApp.ASANA, SaasApp.JIRA, SaasApp.M365, SaasApp.M365AUDITLOGS, SaasApp.ZOOM,
  SaasApp.ZENDESK, SaasApp.OKTA, SaasApp.GOOGLE, SaasApp.DROPBOX, SaasApp.SMARTSHEET, SaasApp.CISCO,
];

/**
 * How AppFabric authenticates to the application: an API key, or an OAuth2 client. Secrets come
 * from a `SecretValue` only (Secrets Manager, or a `NoEcho` parameter): a plain-text value, or a
 * plain SSM parameter, is refused, because it would be written into the template in clear.
 */
export class AppCredential {
  /**
   * An API key (auth type `apiKey`). The authorization is connected when it is created.
   *
   * @param apiKey such as `SecretValue.secretsManager('okta/api-token')`
   */
  public static apiKey(apiKey: SecretValue): AppCredential {
    return new AppCredential(AUTH_TYPE.API_KEY, { apiKey });
  }

  /**
   * An OAuth2 client (auth type `oauth2`). The authorization starts `PendingConnect`: a person must
   * open its `authUrl`, consent in the application, and pass the code it returns to
   * `ConnectAppAuthorization` (see the README), which no template can do.
   *
   * @param clientId the OAuth2 client id (not secret), 1 to 2,048 characters
   * @param clientSecret the OAuth2 client secret
   */
  public static oauth2(clientId: string, clientSecret: SecretValue): AppCredential {
    return new AppCredential(AUTH_TYPE.OAUTH2, { clientId, clientSecret });
  }

  /**
   * @param authType the API's `AuthType`: `apiKey` or `oauth2`
   */
  private constructor(
    public readonly authType: string,
    private readonly parts: { apiKey?: SecretValue; clientId?: string; clientSecret?: SecretValue },
  ) {}

  /**
   * Records the credential's problems in `v` and returns its CloudFormation `Credential`.
   *
   * @internal
   */
  public _render(scope: Construct, v: PropsValidator): Record<string, unknown> {
    if (this.authType === AUTH_TYPE.API_KEY) {
      const apiKey = checkSecret(scope, v, 'credential (API key)', this.parts.apiKey);
      return { ApiKeyCredential: { ApiKey: apiKey?.unsafeUnwrap() } };
    }
    if (checkString(v, 'credential (OAuth2 client id)', this.parts.clientId)) {
      v.string('credential (OAuth2 client id)', this.parts.clientId, STRING_2048);
    }
    const clientSecret = checkSecret(scope, v, 'credential (OAuth2 client secret)', this.parts.clientSecret);
    return { Oauth2Credential: { ClientId: this.parts.clientId, ClientSecret: clientSecret?.unsafeUnwrap() } };
  }
}

/**
 * Refuses a secret that would be written into the template in clear, without showing it; returns
 * the secret when it is a `SecretValue` at all.
 */
function checkSecret(scope: Construct, v: PropsValidator, property: string, secret: unknown): SecretValue | undefined {
  if (!SecretValue.isSecretValue(secret)) {
    v.fail(property, secret === undefined ? undefined : typeof secret, 'must be a SecretValue, such as SecretValue.secretsManager(\'name\')');
    return undefined;
  }
  const source = secretValueSource(scope, secret);
  switch (source.kind) {
    case 'plainText':
      v.fail(property, '(plain text, not shown)',
        'must not be plain text (SecretValue.unsafePlainText), which would be written into the template: use SecretValue.secretsManager() or a NoEcho parameter');
      break;
    case 'ssmSecure':
      v.fail(property, '{{resolve:ssm-secure:...}}',
        'cannot be an SSM SecureString reference: CloudFormation does not resolve ssm-secure for AWS::AppFabric::AppAuthorization; use SecretValue.secretsManager()');
      break;
    case 'otherDynamicReference':
      v.fail(property, `{{resolve:${source.service}:...}}`,
        'must reference a secret store: a plain SSM parameter holds the secret in clear; use SecretValue.secretsManager()');
      break;
    default:
      break;
  }
  return secret;
}

/**
 * An AppFabric app authorization: the connection of an app bundle to one tenant of a SaaS application.
 */
export interface IAppAuthorization extends IResource {
  /**
   * The ARN of the app authorization.
   * @attribute
   */
  readonly appAuthorizationArn: string;
}

/**
 * Properties of an `AppAuthorization`.
 */
export interface AppAuthorizationProps {
  /** The app bundle the authorization belongs to. */
  readonly appBundle: IAppBundle;

  /** The application, such as `SaasApp.OKTA`. */
  readonly app: SaasApp;

  /**
   * The tenant's identifier in the application (such as `example.okta.com` or a Slack workspace
   * id), 1 to 1,024 characters.
   */
  readonly tenantId: string;

  /** The tenant's display name, 1 to 2,048 characters. */
  readonly tenantDisplayName: string;

  /** The API key or OAuth2 client AppFabric authenticates with. */
  readonly credential: AppCredential;
}

const APP_AUTHORIZATION_TYPE = 'AWS::AppFabric::AppAuthorization';

/**
 * An AppFabric app authorization. With an API key it is connected once created; with OAuth2 it
 * starts `PendingConnect` until a person consents in the application (see `authUrl`).
 *
 * @resource AWS::AppFabric::AppAuthorization
 */
export class AppAuthorization extends Resource implements IAppAuthorization, ITaggable {
  /**
   * Refers to an app authorization that exists outside this app.
   */
  public static fromAppAuthorizationArn(scope: Construct, id: string, appAuthorizationArn: string): IAppAuthorization {
    class Import extends Resource implements IAppAuthorization {
      public readonly appAuthorizationArn = appAuthorizationArn;
    }
    return new Import(scope, id);
  }

  public readonly appAuthorizationArn: string;

  /** The app bundle of the authorization. */
  public readonly appBundle: IAppBundle;

  /** The application. */
  public readonly app: SaasApp;

  /** The tenant's identifier in the application. */
  public readonly tenantId: string;

  /**
   * The application's URL for the OAuth2 consent (OAuth2 authorizations): open it, consent, and pass
   * the code the application returns to `ConnectAppAuthorization`.
   * @attribute
   */
  public readonly authUrl: string;

  /**
   * The persona of the authorization: `admin` or `endUser`.
   * @attribute
   */
  public readonly persona: string;

  public readonly tags: TagManager = appFabricTags(APP_AUTHORIZATION_TYPE);

  constructor(scope: Construct, id: string, props: AppAuthorizationProps) {
    super(scope, id);
    const v = new PropsValidator(this);
    const types = [
      checkString(v, 'tenantId', props.tenantId),
      checkString(v, 'tenantDisplayName', props.tenantDisplayName),
      checkEnumLike(v, 'app', props.app, 'SaasApp', 'SLACK'),
    ];
    for (const [name, value] of [['appBundle', props.appBundle], ['app', props.app], ['credential', props.credential],
      ['tenantId', props.tenantId], ['tenantDisplayName', props.tenantDisplayName]] as const) {
      if (value === undefined) {
        v.fail(name, value, 'is required');
      }
    }
    if (props.credential !== undefined && !(props.credential instanceof AppCredential)) {
      v.fail('credential', typeof props.credential, 'must be an AppCredential: AppCredential.apiKey() or AppCredential.oauth2()');
    }
    if (!types.every(Boolean) || v.hasProblems) {
      v.throwIfInvalid();
    }
    v.string('tenantId', props.tenantId, TENANT_ID);
    v.string('tenantDisplayName', props.tenantDisplayName, STRING_2048);
    const credential = props.credential._render(this, v);
    v.throwIfInvalid();

    this.appBundle = props.appBundle;
    this.app = props.app;
    this.tenantId = props.tenantId;
    const resource = appFabricResource(this, APP_AUTHORIZATION_TYPE, {
      AppBundleIdentifier: props.appBundle.appBundleArn,
      App: props.app.value,
      AuthType: props.credential.authType,
      Credential: credential,
      Tenant: { TenantIdentifier: props.tenantId, TenantDisplayName: props.tenantDisplayName },
    });
    this.appAuthorizationArn = resource.getAtt('AppAuthorizationArn').toString();
    this.authUrl = resource.getAtt('AuthUrl').toString();
    this.persona = resource.getAtt('Persona').toString();
  }

  /**
   * Grants finishing the OAuth2 consent of this authorization (`appfabric:ConnectAppAuthorization`)
   * and reading it (`appfabric:GetAppAuthorization`), on the app bundle and this authorization.
   */
  public grantConnect(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: APP_AUTHORIZATION_CONNECT_ACTIONS,
      resourceArns: [this.appBundle.appBundleArn, this.appAuthorizationArn],
    });
  }
}
