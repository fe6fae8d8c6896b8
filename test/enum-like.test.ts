import { Token } from 'aws-cdk-lib';
import {
  AgentAction,
  AuthenticationType,
  CertificateBasedAuthStatus,
  FleetAttribute,
  FleetPlatform,
  InstanceType,
  MessageAction,
  PreferredProtocol,
  ScreenImageFormat,
  ScreenResolution,
  SettingPermission,
  StackAttribute,
  StorageConnectorType,
  ThemeStyling,
  UserAction,
  UserControlMode,
} from '../src';

/** What every enum-like class has: `of()`, `value` and `toString()`. */
interface EnumLike {
  readonly value: string;
  toString(): string;
}

interface EnumLikeCase {
  readonly name: string;
  readonly of: (value: string) => EnumLike;
  /** A constant of the class and its API value. */
  readonly constant: EnumLike;
  readonly constantValue: string;
  /** A value no constant names yet, of the API's shape. */
  readonly newValue: string;
  /** A value of the wrong shape, only for classes whose API gives a pattern. */
  readonly wrongShape?: string;
}

// One row per enum-like class in the public API.
const CASES: EnumLikeCase[] = [
  { name: 'AgentAction', of: AgentAction.of, constant: AgentAction.COMPUTER_VISION, constantValue: 'COMPUTER_VISION', newValue: 'NEW_ACTION' },
  { name: 'ScreenResolution', of: ScreenResolution.of, constant: ScreenResolution.W1280_H720, constantValue: 'W_1280xH_720', newValue: 'W_1920xH_1080' },
  { name: 'ScreenImageFormat', of: ScreenImageFormat.of, constant: ScreenImageFormat.PNG, constantValue: 'PNG', newValue: 'WEBP' },
  { name: 'UserControlMode', of: UserControlMode.of, constant: UserControlMode.VIEW_STOP, constantValue: 'VIEW_STOP', newValue: 'NEW_MODE' },
  {
    name: 'CertificateBasedAuthStatus',
    of: CertificateBasedAuthStatus.of,
    constant: CertificateBasedAuthStatus.ENABLED,
    constantValue: 'ENABLED',
    newValue: 'NEW_STATUS',
  },
  { name: 'FleetAttribute', of: FleetAttribute.of, constant: FleetAttribute.IAM_ROLE_ARN, constantValue: 'IAM_ROLE_ARN', newValue: 'VOLUME_CONFIGURATION' },
  { name: 'FleetPlatform', of: FleetPlatform.of, constant: FleetPlatform.WINDOWS_SERVER_2022, constantValue: 'WINDOWS_SERVER_2022', newValue: 'NEW_OS_2030' },
  {
    name: 'InstanceType',
    of: InstanceType.of,
    constant: InstanceType.STANDARD_MEDIUM,
    constantValue: 'stream.standard.medium',
    newValue: 'stream.standard.9xlarge',
    wrongShape: 'm5.large',
  },
  { name: 'PreferredProtocol', of: PreferredProtocol.of, constant: PreferredProtocol.UDP, constantValue: 'UDP', newValue: 'QUIC' },
  { name: 'StackAttribute', of: StackAttribute.of, constant: StackAttribute.REDIRECT_URL, constantValue: 'REDIRECT_URL', newValue: 'NEW_ATTRIBUTE' },
  {
    name: 'StorageConnectorType',
    of: StorageConnectorType.of,
    constant: StorageConnectorType.HOMEFOLDERS,
    constantValue: 'HOMEFOLDERS',
    newValue: 'NEW_DRIVE',
  },
  { name: 'UserAction', of: UserAction.of, constant: UserAction.FILE_UPLOAD, constantValue: 'FILE_UPLOAD', newValue: 'NEW_ACTION' },
  { name: 'SettingPermission', of: SettingPermission.of, constant: SettingPermission.ENABLED, constantValue: 'ENABLED', newValue: 'NEW_PERMISSION' },
  { name: 'AuthenticationType', of: AuthenticationType.of, constant: AuthenticationType.SAML, constantValue: 'SAML', newValue: 'NEW_TYPE' },
  { name: 'MessageAction', of: MessageAction.of, constant: MessageAction.SUPPRESS, constantValue: 'SUPPRESS', newValue: 'NEW_ACTION' },
  { name: 'ThemeStyling', of: ThemeStyling.of, constant: ThemeStyling.BLUE, constantValue: 'BLUE', newValue: 'GREEN' },
];

describe.each(CASES)('$name', (c) => {
  test('the constant carries its API value, and toString() returns it', () => {
    expect(c.constant.value).toBe(c.constantValue);
    expect(c.constant.toString()).toBe(c.constantValue);
    expect(`${c.constant}`).toBe(c.constantValue);
  });

  test('of() round-trips a known value and one no constant names yet', () => {
    expect(c.of(c.constantValue).value).toBe(c.constantValue);
    expect(c.of(c.newValue).value).toBe(c.newValue);
    expect(c.of(c.newValue).toString()).toBe(c.newValue);
  });

  test('of() accepts a token as is', () => {
    const token = Token.asString({ Ref: 'Param' });
    expect(c.of(token).value).toBe(token);
  });

  test('of() refuses an empty value', () => {
    expect(() => c.of('')).toThrow(new RegExp(`^${c.name}\\.of: `));
  });

  test('of() refuses a value that is not a string, from plain JavaScript', () => {
    expect(() => c.of(42 as unknown as string)).toThrow(new RegExp(`^${c.name}\\.of: expects .* as a string, such as ".+" \\(got number 42\\)$`));
    expect(() => c.of(undefined as unknown as string)).toThrow(new RegExp(`^${c.name}\\.of: .*\\(got undefined undefined\\)$`));
  });

  if (c.wrongShape !== undefined) {
    test('of() refuses a value of the wrong shape', () => {
      expect(() => c.of(c.wrongShape!)).toThrow(new RegExp(`^${c.name}\\.of: "${c.wrongShape}" is not `));
    });
  }
});
