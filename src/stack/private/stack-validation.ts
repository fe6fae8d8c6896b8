import { URL } from 'url';
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { validateImportedIdentity } from '../../core/private/imported-resource';
import { checkArray, checkBoolean, checkEnumLike, checkObject, checkString, typeName } from '../../core/private/input-types';
import {
  ACCESS_ENDPOINTS_MAX, ACCESS_ENDPOINTS_MIN, ARN_PARTITION_SOURCE, CLIPBOARD_MAX_LENGTH_MAX, CLIPBOARD_MAX_LENGTH_MIN,
  CONNECTOR_DOMAIN_MAX_LENGTH, CONNECTOR_DOMAIN_MIN_LENGTH, CONNECTOR_DOMAINS_MAX, CONNECTOR_RESOURCE_IDENTIFIER_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH, EMBED_HOST_DOMAIN_MAX_LENGTH, EMBED_HOST_DOMAIN_PATTERN, EMBED_HOST_DOMAINS_MAX,
  EMBED_HOST_DOMAINS_MIN, NAME_MAX_LENGTH, NAME_PATTERN, SETTINGS_GROUP_MAX_LENGTH, URL_MAX_LENGTH,
  URL_PATTERN_MAX_LENGTH, URL_PATTERN_MIN_LENGTH, URL_PATTERN_PATTERN, URL_PATTERNS_MAX,
} from '../../core/private/limits';
import { validateTags } from '../../core/private/tags';
import { PropsValidator, StringRule } from '../../core/private/validation';
import { AgentAccess, AgentAccessSetting, AgentAction, ScreenImageFormat, ScreenResolution } from '../agent-access';
import type { StackAttributes, StackProps } from '../stack-props';
import { ContentRedirection, UrlRedirection } from '../stack-settings';
import { StorageConnector, StorageConnectorType } from '../storage-connector';
import { SettingPermission, UserAction, UserSetting, UserSettings } from '../user-settings';

/** `Name`: a stack's name. */
const STACK_NAME_RULE: StringRule = {
  min: 1,
  max: NAME_MAX_LENGTH,
  pattern: NAME_PATTERN,
  patternDescription: 'letters, digits, _ . and -, starting with a letter or digit',
};

/** An S3 bucket ARN: the API's `Arn` partitions, service `s3`, a bucket name. */
const S3_BUCKET_ARN_PATTERN = new RegExp(`^arn:${ARN_PARTITION_SOURCE}:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`);

/**
 * The redirect and feedback URLs: the API model (`RedirectURL`, `FeedbackURL`) and cfn-lint give
 * only a length (0 to 1,000) and no pattern. A value is judged only for being an absolute URL
 * (`scheme://...`, as WHATWG's URL parser reads it), because a bare host such as
 * `portal.example.com` is the usual mistake; any scheme is accepted, and the empty string (the
 * documented minimum length 0) too.
 */
export const ABSOLUTE_URL_PATTERN = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/;

/** Records a problem unless `value` is an absolute URL (see `ABSOLUTE_URL_PATTERN`); tokens and '' pass. */
export function validateUrl(v: PropsValidator, property: string, value: string | undefined): void {
  if (typeof value !== 'string' || value === '' || Token.isUnresolved(value) || value.length > URL_MAX_LENGTH) {
    return;
  }
  let parses = true;
  try {
    new URL(value);
  } catch {
    parses = false;
  }
  if (!parses || !ABSOLUTE_URL_PATTERN.test(value)) {
    v.fail(property, value, 'must be an absolute URL such as https://portal.example.com/bye');
  }
}

/** A `UserSetting` or `AgentAccessSetting`: an object with an action and a permission. */
function checkSetting(v: PropsValidator, property: string, value: unknown, className: string, example: string): boolean {
  return checkObject(v, property, value, `a ${className} such as ${example}`, ['action', 'permission']);
}

const CLIPBOARD_ACTIONS = [UserAction.CLIPBOARD_COPY_FROM_LOCAL_DEVICE.value, UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE.value];
const KNOWN_USER_ACTIONS = [
  UserAction.AUTO_TIME_ZONE_REDIRECTION, UserAction.CLIPBOARD_COPY_FROM_LOCAL_DEVICE, UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE,
  UserAction.DOMAIN_PASSWORD_SIGNIN, UserAction.DOMAIN_SMART_CARD_SIGNIN, UserAction.FILE_DOWNLOAD, UserAction.FILE_UPLOAD,
  UserAction.PRINTING_TO_LOCAL_DEVICE,
].map((a) => a.value);

/** A user setting as the L1 takes it. */
export interface RenderedUserSetting {
  readonly action: string;
  readonly permission: string;
  readonly maximumLength?: number;
}

function permissionOf(enabled: boolean): SettingPermission {
  return enabled ? SettingPermission.ENABLED : SettingPermission.DISABLED;
}

/** Sorts by a string key with code-unit order, independent of the locale. */
function byKey<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/**
 * Turns the typed user settings into one entry per action, sorted by action name, holding only
 * what the user set: the same props always give the same list.
 */
export function renderUserSettings(v: PropsValidator, settings: UserSettings | undefined): RenderedUserSetting[] {
  if (!settings) {
    return [];
  }
  const named: Array<[UserAction, boolean | undefined, number | undefined, string]> = [
    [UserAction.CLIPBOARD_COPY_FROM_LOCAL_DEVICE, settings.clipboardCopyFromLocalDevice, settings.clipboardCopyFromLocalDeviceMaxLength, 'clipboardCopyFromLocalDevice'],
    [UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, settings.clipboardCopyToLocalDevice, settings.clipboardCopyToLocalDeviceMaxLength, 'clipboardCopyToLocalDevice'],
    [UserAction.FILE_UPLOAD, settings.fileUpload, undefined, 'fileUpload'],
    [UserAction.FILE_DOWNLOAD, settings.fileDownload, undefined, 'fileDownload'],
    [UserAction.PRINTING_TO_LOCAL_DEVICE, settings.printingToLocalDevice, undefined, 'printingToLocalDevice'],
    [UserAction.DOMAIN_PASSWORD_SIGNIN, settings.domainPasswordSignin, undefined, 'domainPasswordSignin'],
    [UserAction.DOMAIN_SMART_CARD_SIGNIN, settings.domainSmartCardSignin, undefined, 'domainSmartCardSignin'],
    [UserAction.AUTO_TIME_ZONE_REDIRECTION, settings.autoTimeZoneRedirection, undefined, 'autoTimeZoneRedirection'],
  ];
  const entries: Array<{ setting: UserSetting; property: string }> = [];
  for (const [action, enabled, maximumLength, property] of named) {
    checkBoolean(v, `userSettings.${property}`, enabled);
    if (enabled === undefined && maximumLength === undefined) {
      continue;
    }
    const permission = permissionOf(enabled ?? true);
    entries.push({ setting: UserSetting.of(action, permission, { maximumLength }), property: maximumLength === undefined ? `userSettings.${property}` : `userSettings.${property}MaxLength` });
  }
  if (checkArray(v, 'userSettings.additionalSettings', settings.additionalSettings)) {
    settings.additionalSettings!.forEach((setting, i) => {
      const property = `userSettings.additionalSettings[${i}]`;
      if (checkSetting(v, property, setting, 'UserSetting', 'UserSetting.disable(UserAction.FILE_UPLOAD)')
        && checkEnumLike(v, `${property}.action`, setting.action, 'UserAction', 'FILE_UPLOAD')
        && checkEnumLike(v, `${property}.permission`, setting.permission, 'SettingPermission', 'ENABLED')) {
        entries.push({ setting, property });
      }
    });
  }

  const seen = new Map<string, string>();
  const rendered: RenderedUserSetting[] = [];
  for (const { setting, property } of entries) {
    const action = setting.action.value;
    const permission = setting.permission.value;
    const previous = seen.get(action);
    if (previous !== undefined && !Token.isUnresolved(action)) {
      v.fail(property, action, `sets action ${action} that ${previous} already sets; set each action once`);
      continue;
    }
    seen.set(action, property);
    v.string(property, action, { min: 1 });
    v.string(property, permission, { min: 1 });
    if (setting.maximumLength !== undefined) {
      v.integerInRange(`${property}`, setting.maximumLength, CLIPBOARD_MAX_LENGTH_MIN, CLIPBOARD_MAX_LENGTH_MAX);
      if (permission === SettingPermission.DISABLED.value) {
        v.fail(property, setting.maximumLength, `a maximum length is allowed only when ${action} is enabled`);
      }
      if (KNOWN_USER_ACTIONS.includes(action) && !CLIPBOARD_ACTIONS.includes(action)) {
        v.fail(property, setting.maximumLength, `a maximum length is allowed only for ${CLIPBOARD_ACTIONS.join(' and ')}, not for ${action}`);
      }
    }
    rendered.push({ action, permission, maximumLength: setting.maximumLength });
  }
  return rendered.sort(byKey((s) => s.action));
}

/** A storage connector as the L1 takes it (`renderStorageConnectors` refuses DomainsRequireAdminConsent, which CloudFormation lacks). */
export interface RenderedStorageConnector {
  readonly connectorType: string;
  readonly domains?: string[];
  readonly resourceIdentifier?: string;
}

function validateDomains(v: PropsValidator, property: string, domains: string[] | undefined): void {
  if (domains === undefined || Token.isUnresolved(domains) || !checkArray(v, property, domains)) {
    return;
  }
  domains.forEach((d, i) => checkString(v, `${property}[${i}]`, d));
  v.listLength(property, domains, 0, CONNECTOR_DOMAINS_MAX);
  domains.forEach((d, i) => v.string(`${property}[${i}]`, d, { min: CONNECTOR_DOMAIN_MIN_LENGTH, max: CONNECTOR_DOMAIN_MAX_LENGTH }));
}

/** Validates and renders the storage connectors (at most one per connector type). */
export function renderStorageConnectors(v: PropsValidator, connectors: StorageConnector[] | undefined): RenderedStorageConnector[] | undefined {
  if (connectors === undefined) {
    return undefined;
  }
  if (!checkArray(v, 'storageConnectors', connectors)) {
    return undefined;
  }
  const types = new Set<string>();
  const rendered: RenderedStorageConnector[] = [];
  connectors.forEach((c, i) => {
    const property = `storageConnectors[${i}]`;
    if (!checkObject(v, property, c, 'a StorageConnector such as StorageConnector.homeFolders()', ['connectorType'])
      || !checkEnumLike(v, `${property}.connectorType`, c.connectorType, 'StorageConnectorType', 'HOMEFOLDERS')) {
      return;
    }
    const type = c.connectorType.value;
    v.string(`${property}.connectorType`, type, { min: 1 });
    if (types.has(type) && !Token.isUnresolved(type)) {
      v.fail(property, type, 'repeats a connector type; a stack takes at most one connector of each type');
    }
    types.add(type);
    v.string(`${property}.resourceIdentifier`, c.resourceIdentifier, { min: 1, max: CONNECTOR_RESOURCE_IDENTIFIER_MAX_LENGTH });
    validateDomains(v, `${property}.domains`, c.domains);
    validateDomains(v, `${property}.domainsRequireAdminConsent`, c.domainsRequireAdminConsent);
    if (c.domainsRequireAdminConsent !== undefined && type !== StorageConnectorType.ONE_DRIVE.value && !Token.isUnresolved(type)) {
      v.fail(`${property}.domainsRequireAdminConsent`, type, `is allowed only for connector type ${StorageConnectorType.ONE_DRIVE.value}`);
    } else if (c.domainsRequireAdminConsent !== undefined) {
      // The API has it, CloudFormation does not (its schema forbids unknown keys): a template with it fails to deploy.
      v.fail(`${property}.domainsRequireAdminConsent`, `${c.domainsRequireAdminConsent.length} domains`,
        'is not supported by CloudFormation yet (AWS::AppStream::Stack StorageConnector has no DomainsRequireAdminConsent); '
        + 'leave it out and set it with the UpdateStack API after deployment');
    }
    rendered.push({
      connectorType: type,
      domains: c.domains,
      resourceIdentifier: c.resourceIdentifier,
    });
  });
  return rendered;
}

/** Validates the embed host domains. */
export function validateEmbedHostDomains(v: PropsValidator, domains: string[] | undefined): void {
  if (domains === undefined || Token.isUnresolved(domains) || !checkArray(v, 'embedHostDomains', domains)) {
    return;
  }
  domains.forEach((d, i) => checkString(v, `embedHostDomains[${i}]`, d));
  v.listLength('embedHostDomains', domains, EMBED_HOST_DOMAINS_MIN, EMBED_HOST_DOMAINS_MAX);
  domains.forEach((d, i) => v.string(`embedHostDomains[${i}]`, d, {
    max: EMBED_HOST_DOMAIN_MAX_LENGTH,
    pattern: EMBED_HOST_DOMAIN_PATTERN,
    patternDescription: 'a lower-case domain name such as example.com (labels of letters, digits and hyphens)',
  }));
}

/** Renders the access endpoints (STREAMING interface endpoints). */
export function renderAccessEndpoints(v: PropsValidator, endpoints: ec2.IInterfaceVpcEndpoint[] | undefined) {
  if (endpoints === undefined) {
    return undefined;
  }
  if (!checkArray(v, 'accessEndpoints', endpoints)) {
    return undefined;
  }
  v.listLength('accessEndpoints', endpoints, ACCESS_ENDPOINTS_MIN, ACCESS_ENDPOINTS_MAX);
  endpoints.forEach((e, i) => checkObject(v, `accessEndpoints[${i}]`, e, 'an interface VPC endpoint (ec2.IInterfaceVpcEndpoint)', ['vpcEndpointId']));
  return endpoints.map((e) => ({ endpointType: 'STREAMING', vpceId: e.vpcEndpointId }));
}

function renderUrlRedirection(v: PropsValidator, property: string, config: UrlRedirection): Record<string, unknown> {
  checkBoolean(v, `${property}.enabled`, config.enabled);
  for (const [name, urls] of [['allowedUrls', config.allowedUrls], ['deniedUrls', config.deniedUrls]] as const) {
    if (urls === undefined || Token.isUnresolved(urls) || !checkArray(v, `${property}.${name}`, urls)) {
      continue;
    }
    urls.forEach((u, i) => checkString(v, `${property}.${name}[${i}]`, u));
    v.listLength(`${property}.${name}`, urls, 0, URL_PATTERNS_MAX);
    urls.forEach((u, i) => v.string(`${property}.${name}[${i}]`, u, {
      min: URL_PATTERN_MIN_LENGTH,
      max: URL_PATTERN_MAX_LENGTH,
      pattern: URL_PATTERN_PATTERN,
      patternDescription: '"*" or an http:// or https:// URL pattern without spaces, commas or semicolons',
    }));
  }
  return { Enabled: config.enabled, AllowedUrls: config.allowedUrls, DeniedUrls: config.deniedUrls };
}

/** Renders ContentRedirection in CloudFormation casing (the L1 of aws-cdk-lib 2.257.0 lacks it). */
export function renderContentRedirection(v: PropsValidator, config: ContentRedirection | undefined): Record<string, unknown> | undefined {
  if (config === undefined) {
    return undefined;
  }
  return {
    HostToClient: config.hostToClient ? renderUrlRedirection(v, 'contentRedirection.hostToClient', config.hostToClient) : undefined,
  };
}

/** Renders AgentAccessConfig in CloudFormation casing (the L1 of aws-cdk-lib 2.257.0 lacks it). */
export function renderAgentAccess(v: PropsValidator, config: AgentAccess | undefined): Record<string, unknown> | undefined {
  if (config === undefined) {
    return undefined;
  }
  const named: Array<[AgentAction, boolean | undefined, string]> = [
    [AgentAction.COMPUTER_VISION, config.computerVision, 'computerVision'],
    [AgentAction.COMPUTER_INPUT, config.computerInput, 'computerInput'],
    [AgentAction.FORWARD_MCP_TOOLS, config.forwardMcpTools, 'forwardMcpTools'],
  ];
  const entries: Array<{ setting: AgentAccessSetting; property: string }> = [];
  for (const [action, enabled, property] of named) {
    checkBoolean(v, `agentAccess.${property}`, enabled);
    if (enabled !== undefined) {
      entries.push({ setting: AgentAccessSetting.of(action, permissionOf(enabled)), property: `agentAccess.${property}` });
    }
  }
  if (checkArray(v, 'agentAccess.additionalSettings', config.additionalSettings)) {
    config.additionalSettings!.forEach((setting, i) => {
      const property = `agentAccess.additionalSettings[${i}]`;
      if (checkSetting(v, property, setting, 'AgentAccessSetting', 'AgentAccessSetting.of(AgentAction.COMPUTER_VISION, SettingPermission.ENABLED)')
        && checkEnumLike(v, `${property}.action`, setting.action, 'AgentAction', 'COMPUTER_VISION')
        && checkEnumLike(v, `${property}.permission`, setting.permission, 'SettingPermission', 'ENABLED')) {
        entries.push({ setting, property });
      }
    });
  }
  checkBoolean(v, 'agentAccess.screenshotsUploadEnabled', config.screenshotsUploadEnabled);
  const screenResolution = checkEnumLike(v, 'agentAccess.screenResolution', config.screenResolution, 'ScreenResolution', 'W1280_H720', 'W_1280xH_720')
    ? config.screenResolution : undefined;
  const screenImageFormat = checkEnumLike(v, 'agentAccess.screenImageFormat', config.screenImageFormat, 'ScreenImageFormat', 'PNG')
    ? config.screenImageFormat : undefined;
  const userControlMode = checkEnumLike(v, 'agentAccess.userControlMode', config.userControlMode, 'UserControlMode', 'VIEW_STOP')
    ? config.userControlMode : undefined;
  const bucketOk = checkObject(v, 'agentAccess.screenshotsBucket', config.screenshotsBucket, 'an S3 bucket (s3.IBucket)', ['bucketArn']);
  if (entries.length === 0) {
    v.fail('agentAccess', 'no agent action', 'must set at least one agent action (computerVision, computerInput, forwardMcpTools or additionalSettings)');
  }
  const seen = new Map<string, string>();
  const settings: Array<{ AgentAction: string; Permission: string }> = [];
  for (const { setting, property } of entries) {
    const action = setting.action.value;
    const previous = seen.get(action);
    if (previous !== undefined && !Token.isUnresolved(action)) {
      v.fail(property, action, `sets agent action ${action} that ${previous} already sets; set each action once`);
      continue;
    }
    seen.set(action, property);
    settings.push({ AgentAction: action, Permission: setting.permission.value });
  }
  const permissionFor = (action: AgentAction) => settings.find((s) => s.AgentAction === action.value)?.Permission;
  if (permissionFor(AgentAction.COMPUTER_INPUT) === SettingPermission.ENABLED.value
    && permissionFor(AgentAction.COMPUTER_VISION) !== SettingPermission.ENABLED.value) {
    v.fail('agentAccess.computerInput', true, 'needs computerVision enabled too');
  }

  const bucketArn = bucketOk ? config.screenshotsBucket?.bucketArn : undefined;
  if (bucketArn !== undefined) {
    v.string('agentAccess.screenshotsBucket', bucketArn, { pattern: S3_BUCKET_ARN_PATTERN, patternDescription: 'an S3 bucket ARN' });
  }
  const uploadEnabled = config.screenshotsUploadEnabled ?? (config.screenshotsBucket ? true : undefined);
  if (uploadEnabled === true && config.screenshotsBucket === undefined) {
    v.fail('agentAccess.screenshotsUploadEnabled', true, 'needs screenshotsBucket');
  }
  return {
    Settings: settings.sort(byKey((s) => s.AgentAction)),
    ScreenResolution: (screenResolution ?? ScreenResolution.W1280_H720).value,
    ScreenImageFormat: (screenImageFormat ?? ScreenImageFormat.PNG).value,
    S3BucketArn: bucketArn,
    ScreenshotsUploadEnabled: uploadEnabled,
    UserControlMode: userControlMode?.value,
  };
}

/** What `validateStackProps` renders for the CloudFormation resource. */
export interface RenderedStackProps {
  readonly userSettings: RenderedUserSetting[];
  readonly connectors?: RenderedStorageConnector[];
  readonly accessEndpoints: ReturnType<typeof renderAccessEndpoints>;
  readonly contentRedirection?: Record<string, unknown>;
  readonly agentAccess?: Record<string, unknown>;
}

/**
 * Records in `v` every problem of a stack's props (types first, for plain-JavaScript callers, then
 * the API model's limits), and renders the nested settings as the resource takes them.
 */
export function validateStackProps(v: PropsValidator, props: StackProps): RenderedStackProps {
  for (const property of ['stackName', 'displayName', 'description', 'redirectUrl', 'feedbackUrl'] as const) {
    checkString(v, property, props[property]);
  }
  checkString(v, 'applicationSettings.settingsGroup', props.applicationSettings?.settingsGroup);
  checkBoolean(v, 'applicationSettings.enabled', props.applicationSettings?.enabled);
  checkEnumLike(v, 'streamingExperienceSettings.preferredProtocol', props.streamingExperienceSettings?.preferredProtocol, 'PreferredProtocol', 'UDP');
  if (checkArray(v, 'attributesToDelete', props.attributesToDelete)) {
    props.attributesToDelete!.forEach((a, i) => checkEnumLike(v, `attributesToDelete[${i}]`, a, 'StackAttribute', 'REDIRECT_URL'));
  }
  checkObject(v, 'fleet', props.fleet, 'a fleet (IFleet) such as a Fleet or Fleet.fromFleetName()', ['fleetName', 'node']);
  if (props.tags !== undefined && (typeof props.tags !== 'object' || props.tags === null || Array.isArray(props.tags))) {
    v.fail('tags', props.tags, `must be an object of tag keys to values, not ${typeName(props.tags)}`);
  }
  v.string('stackName', props.stackName, STACK_NAME_RULE);
  v.string('displayName', props.displayName, { max: DISPLAY_NAME_MAX_LENGTH });
  v.string('description', props.description, { max: DESCRIPTION_MAX_LENGTH });
  v.string('redirectUrl', props.redirectUrl, { max: URL_MAX_LENGTH });
  validateUrl(v, 'redirectUrl', props.redirectUrl);
  v.string('feedbackUrl', props.feedbackUrl, { max: URL_MAX_LENGTH });
  validateUrl(v, 'feedbackUrl', props.feedbackUrl);
  v.string('applicationSettings.settingsGroup', props.applicationSettings?.settingsGroup, { max: SETTINGS_GROUP_MAX_LENGTH });
  validateEmbedHostDomains(v, props.embedHostDomains);
  validateTags(v, props.tags);
  const userSettings = renderUserSettings(v, props.userSettings);
  const connectors = renderStorageConnectors(v, props.storageConnectors);
  const accessEndpoints = renderAccessEndpoints(v, props.accessEndpoints);
  const contentRedirection = renderContentRedirection(v, props.contentRedirection);
  const agentAccess = renderAgentAccess(v, props.agentAccess);
  return { userSettings, connectors, accessEndpoints, contentRedirection, agentAccess };
}

/**
 * Records in `v` every problem of the attributes of an imported stack: their types, the name's
 * limits, the ARN's shape, and a name that contradicts the ARN.
 */
export function validateStackAttributes(v: PropsValidator, attrs: StackAttributes): void {
  if (!checkObject(v, 'attrs', attrs, 'an object with stackName or stackArn', [])) {
    return;
  }
  validateImportedIdentity(v, {
    resourceType: 'stack', nameProperty: 'stackName', name: attrs.stackName, arnProperty: 'stackArn', arn: attrs.stackArn, nameRule: STACK_NAME_RULE,
  });
  checkObject(v, 'fleet', attrs.fleet, 'a fleet (IFleet) such as a Fleet or Fleet.fromFleetName()', ['fleetName', 'node']);
}
