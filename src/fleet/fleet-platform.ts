import { enumLikeValue } from '../core/private/enum-like';

/**
 * The operating system platform of a fleet.
 *
 * AWS adds platforms over time: use `FleetPlatform.of('NEW_VALUE')` for one newer than this library.
 */
export class FleetPlatform {
  /** Windows (the platform of older Windows images). */
  public static readonly WINDOWS = new FleetPlatform('WINDOWS');
  /** Windows Server 2016. */
  public static readonly WINDOWS_SERVER_2016 = new FleetPlatform('WINDOWS_SERVER_2016');
  /** Windows Server 2019 (supported by Elastic fleets). */
  public static readonly WINDOWS_SERVER_2019 = new FleetPlatform('WINDOWS_SERVER_2019');
  /** Windows Server 2022. */
  public static readonly WINDOWS_SERVER_2022 = new FleetPlatform('WINDOWS_SERVER_2022');
  /** Windows Server 2025. */
  public static readonly WINDOWS_SERVER_2025 = new FleetPlatform('WINDOWS_SERVER_2025');
  /** Amazon Linux 2 (supported by Elastic fleets). */
  public static readonly AMAZON_LINUX2 = new FleetPlatform('AMAZON_LINUX2');
  /** Red Hat Enterprise Linux 8. */
  public static readonly RHEL8 = new FleetPlatform('RHEL8');
  /** Rocky Linux 8. */
  public static readonly ROCKY_LINUX8 = new FleetPlatform('ROCKY_LINUX8');
  /** Ubuntu Pro 24.04 (supported by Elastic fleets). */
  public static readonly UBUNTU_PRO_2404 = new FleetPlatform('UBUNTU_PRO_2404');

  /**
   * A platform by its API value, such as `WINDOWS_SERVER_2022`.
   *
   * @param value the platform's API value
   */
  public static of(value: string): FleetPlatform {
    return new FleetPlatform(enumLikeValue({ className: 'FleetPlatform', what: "the platform's API value", example: 'WINDOWS_SERVER_2022' }, value));
  }

  /** The platform's API value, such as `WINDOWS_SERVER_2022`. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  /** The platform's API value. */
  public toString(): string {
    return this.value;
  }
}
