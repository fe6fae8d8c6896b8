import * as s3 from 'aws-cdk-lib/aws-s3';
import { SettingPermission } from './user-settings';
import { enumLikeValue } from '../core/private/enum-like';

/**
 * An action that AI agents can or cannot perform in streaming sessions.
 */
export class AgentAction {
  /** Agents take screenshots of the desktop. */
  public static readonly COMPUTER_VISION = new AgentAction('COMPUTER_VISION');
  /** Agents click, type and scroll on the desktop (needs `COMPUTER_VISION` enabled too). */
  public static readonly COMPUTER_INPUT = new AgentAction('COMPUTER_INPUT');
  /** Agents call the MCP tools configured on the session directly. */
  public static readonly FORWARD_MCP_TOOLS = new AgentAction('FORWARD_MCP_TOOLS');

  /**
   * An agent action by its API name, for values that AWS adds after this library was released.
   *
   * @param value the action as the AppStream API spells it, such as `COMPUTER_VISION`
   */
  public static of(value: string): AgentAction {
    return new AgentAction(enumLikeValue({ className: 'AgentAction', what: "the agent action's API value", example: 'COMPUTER_VISION' }, value));
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
 * One agent access setting: an agent action and whether agents may perform it.
 */
export class AgentAccessSetting {
  /**
   * A setting for `action` with `permission`.
   */
  public static of(action: AgentAction, permission: SettingPermission): AgentAccessSetting {
    return new AgentAccessSetting(action, permission);
  }

  /** The agent action. */
  public readonly action: AgentAction;

  /** Whether agents may perform the action. */
  public readonly permission: SettingPermission;

  private constructor(action: AgentAction, permission: SettingPermission) {
    this.action = action;
    this.permission = permission;
  }
}

/**
 * The screen resolution of the agent streaming environment.
 */
export class ScreenResolution {
  /** 1280 x 720 pixels. */
  public static readonly W1280_H720 = new ScreenResolution('W_1280xH_720');

  /**
   * A resolution by its API name, for values that AWS adds after this library was released.
   *
   * @param value the resolution as the AppStream API spells it, such as `W_1280xH_720`
   */
  public static of(value: string): ScreenResolution {
    return new ScreenResolution(enumLikeValue({ className: 'ScreenResolution', what: "the resolution's API value", example: 'W_1280xH_720' }, value));
  }

  /** The resolution as the AppStream API spells it. */
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
 * The image format of agent screen captures.
 */
export class ScreenImageFormat {
  /** PNG. */
  public static readonly PNG = new ScreenImageFormat('PNG');
  /** JPEG. */
  public static readonly JPEG = new ScreenImageFormat('JPEG');

  /**
   * A format by its API name, for values that AWS adds after this library was released.
   *
   * @param value the format as the AppStream API spells it, such as `PNG`
   */
  public static of(value: string): ScreenImageFormat {
    return new ScreenImageFormat(enumLikeValue({ className: 'ScreenImageFormat', what: "the format's API value", example: 'PNG' }, value));
  }

  /** The format as the AppStream API spells it. */
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
 * How users can interact with agent sessions.
 */
export class UserControlMode {
  /** Users watch the agent's actions. */
  public static readonly VIEW_ONLY = new UserControlMode('VIEW_ONLY');
  /** Users watch the agent's actions and can stop the agent. */
  public static readonly VIEW_STOP = new UserControlMode('VIEW_STOP');
  /** Users can neither watch nor stop the agent. */
  public static readonly DISABLED = new UserControlMode('DISABLED');

  /**
   * A mode by its API name, for values that AWS adds after this library was released.
   *
   * @param value the mode as the AppStream API spells it, such as `VIEW_STOP`
   */
  public static of(value: string): UserControlMode {
    return new UserControlMode(enumLikeValue({ className: 'UserControlMode', what: "the mode's API value", example: 'VIEW_STOP' }, value));
  }

  /** The mode as the AppStream API spells it. */
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
 * Agent access: lets AI agents interact with desktop applications during streaming sessions.
 *
 * Only the actions you set are written to the template (sorted by action name); set at least one.
 */
export interface AgentAccess {
  /**
   * Whether agents can take screenshots of the desktop.
   *
   * @default - not set
   */
  readonly computerVision?: boolean;

  /**
   * Whether agents can click, type and scroll on the desktop; needs `computerVision: true`.
   *
   * @default - not set
   */
  readonly computerInput?: boolean;

  /**
   * Whether agents can call the MCP tools configured on the session directly.
   *
   * @default - not set
   */
  readonly forwardMcpTools?: boolean;

  /**
   * Settings for agent actions without a named property here, such as actions AWS adds later.
   *
   * @default - none
   */
  readonly additionalSettings?: AgentAccessSetting[];

  /**
   * The screen resolution of the agent streaming environment.
   *
   * @default ScreenResolution.W1280_H720
   */
  readonly screenResolution?: ScreenResolution;

  /**
   * The image format of agent screen captures.
   *
   * @default ScreenImageFormat.PNG
   */
  readonly screenImageFormat?: ScreenImageFormat;

  /**
   * The bucket where agent screenshots are stored.
   *
   * @default - screenshots are not uploaded
   */
  readonly screenshotsBucket?: s3.IBucket;

  /**
   * Whether agent screenshots are uploaded to `screenshotsBucket` (which it then needs).
   *
   * @default - true when `screenshotsBucket` is given, otherwise not set
   */
  readonly screenshotsUploadEnabled?: boolean;

  /**
   * How users can interact with agent sessions.
   *
   * @default - AppStream's default
   */
  readonly userControlMode?: UserControlMode;
}
