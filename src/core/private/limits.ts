// The limits and patterns of the AppStream API model (appstream-service-2.json), in one module that
// every validator imports. Each constant names the model's shape (or member) it is taken from. The
// values are written here: the build and the tests never read the reference files. Where another
// AWS source (the CloudFormation registry schema, cfn-lint) disagrees, the validator that uses a
// limit says so beside its rule (see `fleet-validation.ts`).

/** The partitions of the model's `Arn` pattern (`aws`, `aws-cn`, `aws-iso`, `aws-iso-b`, `aws-us-gov`), as a pattern source. */
export const ARN_PARTITION_SOURCE = 'aws(?:-cn|-iso-b|-iso|-us-gov)?';
/**
 * `Arn`: `^arn:aws(?:\-cn|\-iso\-b|\-iso|\-us\-gov)?:<service>:<region>:<account>:<resource>$`, the one
 * ARN pattern of the model; ARNs narrowed to one service build on `ARN_PARTITION_SOURCE`.
 */
export const ARN_PATTERN = new RegExp(`^arn:${ARN_PARTITION_SOURCE}:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:`
  + '[A-Za-z0-9][A-Za-z0-9:_/+=,@.\\\\-]{0,1023}$');
/** The start of an ARN in one of the model's partitions: `arn:aws:`, `arn:aws-cn:`, ... */
export const ARN_PARTITION = new RegExp(`^arn:${ARN_PARTITION_SOURCE}:`);

/**
 * `Name` (fleet, stack and image names): a letter or digit, then up to 100 letters, digits, `_`,
 * `.` or `-` (101 characters; a registry schema may cap a name lower).
 */
export const NAME_SOURCE = '[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}';
export const NAME_PATTERN = new RegExp(`^${NAME_SOURCE}$`);
/** `Name`: the most characters its pattern allows. */
export const NAME_MAX_LENGTH = 101;
/** `DisplayName`: `max: 100` (no minimum). */
export const DISPLAY_NAME_MAX_LENGTH = 100;
/** `Description`: `max: 256` (no minimum). */
export const DESCRIPTION_MAX_LENGTH = 256;

/** `Username`: 1 to 128 characters of `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`. */
export const USER_NAME_MIN_LENGTH = 1;
export const USER_NAME_MAX_LENGTH = 128;
export const USER_NAME_PATTERN = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
/** `UserAttributeValue` (a user's first and last name): at most 2048 characters of `^[A-Za-z0-9_\-\s]+$`. */
export const USER_ATTRIBUTE_MAX_LENGTH = 2048;
export const USER_ATTRIBUTE_PATTERN = /^[A-Za-z0-9_\-\s]+$/;

/** `Tags`: a map of 1 to 50 entries. */
export const TAGS_MAX = 50;
/** `TagKey`: 1 to 128 characters of `^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`. */
export const TAG_KEY = { min: 1, max: 128, pattern: /^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u };
/** `TagValue`: 0 to 256 characters of `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`. */
export const TAG_VALUE = { min: 0, max: 256, pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u };

// ---- Fleet ----

/** `VolumeConfig.VolumeSizeInGb`: "Valid range is 200-500 GB" (documentation; the shape is `Integer`). */
export const ROOT_VOLUME_GIB = { min: 200, max: 500 };
/** `SecurityGroupIdList`: `max: 5`. */
export const SECURITY_GROUPS_MAX = 5;
/** `UsbDeviceFilterString`: 0 to 100 characters of this pattern. */
export const USB_FILTER_MAX_LENGTH = 100;
export const USB_FILTER_PATTERN = /^((\w*)\s*(\w*)\s*,\s*(\w*)\s*,\s*\*?(\w*)\s*,\s*\*?(\w*)\s*,\s*\*?\d*\s*,\s*\*?\d*\s*,\s*[0-1]\s*,\s*[0-1]\s*)$/;
/** `S3Bucket`: 3 to 63 characters of `^[0-9a-z\.\-]*(?<!\.)$`. */
export const S3_BUCKET_NAME = { min: 3, max: 63, pattern: /^[0-9a-z.-]*(?<!\.)$/ };
/** `S3Key`: 1 to 1024 characters. */
export const S3_KEY_MAX_LENGTH = 1024;
/** `OrganizationalUnitDistinguishedName` (fleets' domain join and directory configs): `max: 2000`. */
export const OU_MAX_LENGTH = 2000;

// ---- Stack ----

/** `RedirectURL` and `FeedbackURL`: `max: 1000` (no pattern). */
export const URL_MAX_LENGTH = 1000;
/** `SettingsGroup`: `max: 100`. */
export const SETTINGS_GROUP_MAX_LENGTH = 100;
/** `UserSetting.MaximumLength`: "between 1 and 20,971,520 (20 MB)" (documentation; the shape is `Integer`). */
export const CLIPBOARD_MAX_LENGTH_MIN = 1;
export const CLIPBOARD_MAX_LENGTH_MAX = 20_971_520;
/** `DomainList` (storage connectors): `max: 50`. */
export const CONNECTOR_DOMAINS_MAX = 50;
/** `Domain`: 1 to 64 characters. */
export const CONNECTOR_DOMAIN_MIN_LENGTH = 1;
export const CONNECTOR_DOMAIN_MAX_LENGTH = 64;
/** `ResourceIdentifier`: 1 to 2048 characters. */
export const CONNECTOR_RESOURCE_IDENTIFIER_MAX_LENGTH = 2048;
/** `AccessEndpointList`: 1 to 4 items. */
export const ACCESS_ENDPOINTS_MIN = 1;
export const ACCESS_ENDPOINTS_MAX = 4;
/** `EmbedHostDomains`: 1 to 20 items. */
export const EMBED_HOST_DOMAINS_MIN = 1;
export const EMBED_HOST_DOMAINS_MAX = 20;
/** `EmbedHostDomain`: at most 128 characters of this pattern. */
export const EMBED_HOST_DOMAIN_MAX_LENGTH = 128;
export const EMBED_HOST_DOMAIN_PATTERN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$/;
/** `UrlPatternList`: at most 100 items. */
export const URL_PATTERNS_MAX = 100;
/** `UrlPattern`: 1 to 2048 characters of `^(\*|https?://[^\s,;]+)$`. */
export const URL_PATTERN_MIN_LENGTH = 1;
export const URL_PATTERN_MAX_LENGTH = 2048;
export const URL_PATTERN_PATTERN = /^(\*|https?:\/\/[^\s,;]+)$/;

// ---- Directory config ----

/** `AccountName`: `min: 1`. */
export const ACCOUNT_NAME_MIN_LENGTH = 1;
/** `AccountPassword`: 1 to 127 characters. */
export const ACCOUNT_PASSWORD_MIN_LENGTH = 1;
export const ACCOUNT_PASSWORD_MAX_LENGTH = 127;

// ---- Stack theme ----

/** `ThemeTitleText` and `ThemeFooterLinkDisplayName`: 1 to 300 characters of `^[-@./#&+\w\s]*$`. */
export const THEME_TEXT = { min: 1, max: 300, pattern: /^[-@./#&+\w\s]*$/ };
/** `ThemeFooterLinkURL`: 1 to 1000 characters (no pattern). */
export const THEME_FOOTER_LINK_URL = { min: 1, max: 1000 };
/**
 * `ThemeFooterLinks`: no maximum in the model; the developer guide's console lets an administrator
 * add "up to three website links". Beyond it: a warning, not an error.
 */
export const THEME_FOOTER_LINKS_CONSOLE_MAX = 3;
/** `ThemeStyling`: the model's enum. */
export const THEME_STYLINGS: readonly string[] = ['LIGHT_BLUE', 'BLUE', 'PINK', 'RED'];

// ---- Applications and builders ----

/** `Platforms` (an application's): `max: 4`. */
export const APPLICATION_PLATFORMS_MAX = 4;
/** `AppstreamAgentVersion`: 1 to 100 characters. */
export const AGENT_VERSION = { min: 1, max: 100 };

// ---- Image ----

/** `PhotonAmiId` (CreateImportedImage's `SourceAmiId`): `^ami-[a-z0-9]{8,17}$`. */
export const AMI_ID_PATTERN = /^ami-[a-z0-9]{8,17}$/;
/**
 * `ImageImportDescription` and `ImageImportDisplayName` (CreateImportedImage): at most 256 and 100
 * characters of `^[a-zA-Z0-9_.() -]+$`. CreateUpdatedImage's and CopyImage's `Description` and
 * `DisplayName` take any characters.
 */
export const IMAGE_IMPORT_TEXT_PATTERN = /^[a-zA-Z0-9_.() -]+$/;
/** `AwsAccountId` (image sharing): `^\d+$`, documented as "the 12-digit identifier". */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
/** `RegionName` (CopyImage's `DestinationRegion`): 1 to 32 characters. */
export const REGION_NAME_MAX_LENGTH = 32;
/** `AppCatalogConfig`: at most 50 applications. */
export const APP_CATALOG_MAX = 50;
/** `AppName`: a letter or digit, then up to 99 letters, digits, `_`, `.` or `-`. */
export const APP_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}$/;
/** `AppDisplayName`: a letter or digit, then up to 99 letters, digits, `_`, `.`, `-` or spaces. */
export const APP_DISPLAY_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_. -]{0,99}$/;
/** `FilePath`: at most 32,767 characters. */
export const FILE_PATH_MAX_LENGTH = 32_767;
/** `LaunchParameters`: at most 1024 characters, no NUL. */
export const LAUNCH_PARAMETERS_MAX_LENGTH = 1024;
