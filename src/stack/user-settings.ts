import { enumLikeValue } from '../core/private/enum-like';
/**
 * An action that users can or cannot perform during their streaming sessions.
 *
 * Use the constants for the actions AppStream knows today, or `UserAction.of('NEW_ACTION')` for an
 * action that AWS adds later.
 */
export class UserAction {
  /** Copy and paste from the local device into the streaming session. */
  public static readonly CLIPBOARD_COPY_FROM_LOCAL_DEVICE = new UserAction('CLIPBOARD_COPY_FROM_LOCAL_DEVICE');
  /** Copy and paste from the streaming session to the local device. */
  public static readonly CLIPBOARD_COPY_TO_LOCAL_DEVICE = new UserAction('CLIPBOARD_COPY_TO_LOCAL_DEVICE');
  /** Upload files to the streaming session. */
  public static readonly FILE_UPLOAD = new UserAction('FILE_UPLOAD');
  /** Download files from the streaming session. */
  public static readonly FILE_DOWNLOAD = new UserAction('FILE_DOWNLOAD');
  /** Print from the streaming session to a printer of the local device. */
  public static readonly PRINTING_TO_LOCAL_DEVICE = new UserAction('PRINTING_TO_LOCAL_DEVICE');
  /** Sign in to a domain-joined streaming instance with the domain password. */
  public static readonly DOMAIN_PASSWORD_SIGNIN = new UserAction('DOMAIN_PASSWORD_SIGNIN');
  /** Sign in to a domain-joined streaming instance with a smart card. */
  public static readonly DOMAIN_SMART_CARD_SIGNIN = new UserAction('DOMAIN_SMART_CARD_SIGNIN');
  /** Redirect the local device's time zone into the streaming session. */
  public static readonly AUTO_TIME_ZONE_REDIRECTION = new UserAction('AUTO_TIME_ZONE_REDIRECTION');

  /**
   * An action by its API name, for actions that AWS adds after this library was released.
   *
   * @param value the action as the AppStream API spells it, such as `FILE_UPLOAD`
   */
  public static of(value: string): UserAction {
    return new UserAction(enumLikeValue({ className: 'UserAction', what: "the action's API value", example: 'FILE_UPLOAD' }, value));
  }

  /** The action as the AppStream API spells it. */
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
 * Whether a setting is enabled or disabled.
 */
export class SettingPermission {
  /** The action is allowed. */
  public static readonly ENABLED = new SettingPermission('ENABLED');
  /** The action is not allowed. */
  public static readonly DISABLED = new SettingPermission('DISABLED');

  /**
   * A permission by its API name, for values that AWS adds after this library was released.
   *
   * @param value the permission as the AppStream API spells it, such as `ENABLED`
   */
  public static of(value: string): SettingPermission {
    return new SettingPermission(enumLikeValue({ className: 'SettingPermission', what: "the permission's API value", example: 'ENABLED' }, value));
  }

  /** The permission as the AppStream API spells it. */
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
 * Options of a user setting.
 */
export interface UserSettingOptions {
  /**
   * The maximum number of characters that users can copy, from 1 to 20,971,520.
   *
   * Only for the clipboard actions, and only when the action is enabled.
   *
   * @default - 20,971,520 characters (AppStream's default)
   */
  readonly maximumLength?: number;
}

/**
 * One user setting: an action and whether users may perform it.
 *
 * Use it for actions that `UserSettings` has no named property for, such as actions AWS adds later.
 */
export class UserSetting {
  /**
   * Allows users to perform `action`.
   */
  public static enable(action: UserAction, options: UserSettingOptions = {}): UserSetting {
    return new UserSetting(action, SettingPermission.ENABLED, options.maximumLength);
  }

  /**
   * Forbids users to perform `action`.
   */
  public static disable(action: UserAction): UserSetting {
    return new UserSetting(action, SettingPermission.DISABLED);
  }

  /**
   * A setting with any permission.
   */
  public static of(action: UserAction, permission: SettingPermission, options: UserSettingOptions = {}): UserSetting {
    return new UserSetting(action, permission, options.maximumLength);
  }

  /** The action. */
  public readonly action: UserAction;

  /** Whether users may perform the action. */
  public readonly permission: SettingPermission;

  /**
   * The maximum number of characters users can copy (clipboard actions only).
   *
   * @default - AppStream's default
   */
  public readonly maximumLength?: number;

  private constructor(action: UserAction, permission: SettingPermission, maximumLength?: number) {
    this.action = action;
    this.permission = permission;
    this.maximumLength = maximumLength;
  }
}

/**
 * What users can do during their streaming sessions.
 *
 * Only the settings you set are written to the template (one entry per action, sorted by action
 * name); AppStream enables every action you leave out.
 */
export interface UserSettings {
  /**
   * Whether users can copy from the local device into the streaming session.
   *
   * @default - not set (AppStream enables it)
   */
  readonly clipboardCopyFromLocalDevice?: boolean;

  /**
   * The maximum number of characters users can copy from the local device, from 1 to 20,971,520.
   * Setting it without `clipboardCopyFromLocalDevice` enables the action.
   *
   * @default - 20,971,520 characters (AppStream's default)
   */
  readonly clipboardCopyFromLocalDeviceMaxLength?: number;

  /**
   * Whether users can copy from the streaming session to the local device.
   *
   * @default - not set (AppStream enables it)
   */
  readonly clipboardCopyToLocalDevice?: boolean;

  /**
   * The maximum number of characters users can copy to the local device, from 1 to 20,971,520.
   * Setting it without `clipboardCopyToLocalDevice` enables the action.
   *
   * @default - 20,971,520 characters (AppStream's default)
   */
  readonly clipboardCopyToLocalDeviceMaxLength?: number;

  /**
   * Whether users can upload files to the streaming session.
   *
   * @default - not set (AppStream enables it)
   */
  readonly fileUpload?: boolean;

  /**
   * Whether users can download files from the streaming session.
   *
   * @default - not set (AppStream enables it)
   */
  readonly fileDownload?: boolean;

  /**
   * Whether users can print to a printer of their local device.
   *
   * @default - not set (AppStream enables it)
   */
  readonly printingToLocalDevice?: boolean;

  /**
   * Whether users can sign in to a domain-joined streaming instance with their domain password.
   *
   * @default - not set (AppStream enables it)
   */
  readonly domainPasswordSignin?: boolean;

  /**
   * Whether users can sign in to a domain-joined streaming instance with a smart card.
   *
   * @default - not set (AppStream's default applies)
   */
  readonly domainSmartCardSignin?: boolean;

  /**
   * Whether the local device's time zone is redirected into the streaming session.
   *
   * @default - not set (AppStream's default applies)
   */
  readonly autoTimeZoneRedirection?: boolean;

  /**
   * Settings for actions without a named property here, such as actions AWS adds later.
   * An action may appear only once across all user settings.
   *
   * @default - none
   */
  readonly additionalSettings?: UserSetting[];
}
