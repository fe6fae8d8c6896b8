import { enumLikeValue } from '../core/private/enum-like';
/**
 * Persistent application settings: changes users make to applications and Windows settings are
 * saved after each session and applied to the next.
 */
export interface ApplicationSettings {
  /**
   * Whether application settings persist across sessions.
   */
  readonly enabled: boolean;

  /**
   * The path prefix in the S3 bucket where the settings are stored (at most 100 characters).
   * Stacks that share a settings group share users' settings.
   *
   * @default - AppStream derives a settings group from the stack
   */
  readonly settingsGroup?: string;
}

/**
 * The streaming protocol a stack prefers.
 */
export class PreferredProtocol {
  /** TCP. */
  public static readonly TCP = new PreferredProtocol('TCP');
  /** UDP (supported by the Windows native client). */
  public static readonly UDP = new PreferredProtocol('UDP');

  /**
   * A protocol by its API name, for values that AWS adds after this library was released.
   *
   * @param value the protocol as the AppStream API spells it, such as `UDP`
   */
  public static of(value: string): PreferredProtocol {
    return new PreferredProtocol(enumLikeValue({ className: 'PreferredProtocol', what: "the protocol's API value", example: 'UDP' }, value));
  }

  /** The protocol as the AppStream API spells it. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  /** The value as the AppStream API spells it. */
  public toString(): string {
    return this.value;
  }
}

/**
 * The streaming experience of a stack.
 */
export interface StreamingExperienceSettings {
  /**
   * The protocol the stack prefers for streaming.
   *
   * @default - AppStream's default (TCP)
   */
  readonly preferredProtocol?: PreferredProtocol;
}

/**
 * URL redirection in one direction between the streaming session and the local device.
 */
export interface UrlRedirection {
  /**
   * Whether URLs are redirected in this direction.
   */
  readonly enabled: boolean;

  /**
   * URL patterns that are redirected (at most 100; each `*` or an `http://` / `https://` URL of at
   * most 2,048 characters, where `*` matches any characters and `?` one character).
   *
   * @default - none
   */
  readonly allowedUrls?: string[];

  /**
   * URL patterns that are never redirected; they take precedence over `allowedUrls` (same format
   * and limits).
   *
   * @default - none
   */
  readonly deniedUrls?: string[];
}

/**
 * Content redirection between the streaming session and the local device.
 */
export interface ContentRedirection {
  /**
   * Redirection of URLs opened in the streaming session to the browser of the local device.
   *
   * @default - not set (AppStream's default applies)
   */
  readonly hostToClient?: UrlRedirection;
}

/**
 * A stack attribute that an update deletes.
 */
export class StackAttribute {
  /** All storage connectors. */
  public static readonly STORAGE_CONNECTORS = new StackAttribute('STORAGE_CONNECTORS');
  /** The home folders storage connector. */
  public static readonly STORAGE_CONNECTOR_HOMEFOLDERS = new StackAttribute('STORAGE_CONNECTOR_HOMEFOLDERS');
  /** The Google Drive storage connector. */
  public static readonly STORAGE_CONNECTOR_GOOGLE_DRIVE = new StackAttribute('STORAGE_CONNECTOR_GOOGLE_DRIVE');
  /** The OneDrive storage connector. */
  public static readonly STORAGE_CONNECTOR_ONE_DRIVE = new StackAttribute('STORAGE_CONNECTOR_ONE_DRIVE');
  /** The redirect URL. */
  public static readonly REDIRECT_URL = new StackAttribute('REDIRECT_URL');
  /** The feedback URL. */
  public static readonly FEEDBACK_URL = new StackAttribute('FEEDBACK_URL');
  /** The theme name. */
  public static readonly THEME_NAME = new StackAttribute('THEME_NAME');
  /** The user settings. */
  public static readonly USER_SETTINGS = new StackAttribute('USER_SETTINGS');
  /** The embed host domains. */
  public static readonly EMBED_HOST_DOMAINS = new StackAttribute('EMBED_HOST_DOMAINS');
  /** The IAM role ARN. */
  public static readonly IAM_ROLE_ARN = new StackAttribute('IAM_ROLE_ARN');
  /** The access endpoints. */
  public static readonly ACCESS_ENDPOINTS = new StackAttribute('ACCESS_ENDPOINTS');
  /** The streaming experience settings. */
  public static readonly STREAMING_EXPERIENCE_SETTINGS = new StackAttribute('STREAMING_EXPERIENCE_SETTINGS');
  /** The content redirection settings. */
  public static readonly CONTENT_REDIRECTION = new StackAttribute('CONTENT_REDIRECTION');
  /** The agent access configuration. */
  public static readonly AGENT_ACCESS_CONFIG = new StackAttribute('AGENT_ACCESS_CONFIG');

  /**
   * An attribute by its API name, for values that AWS adds after this library was released.
   *
   * @param value the attribute as the AppStream API spells it, such as `REDIRECT_URL`
   */
  public static of(value: string): StackAttribute {
    return new StackAttribute(enumLikeValue({ className: 'StackAttribute', what: "the attribute's API value", example: 'REDIRECT_URL' }, value));
  }

  /** The attribute as the AppStream API spells it. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  /** The value as the AppStream API spells it. */
  public toString(): string {
    return this.value;
  }
}
