import { enumLikeValue } from '../core/private/enum-like';
/**
 * A fleet attribute that a deployment can delete from an existing fleet (`attributesToDelete`).
 *
 * Removing a prop such as `role` from a fleet leaves the setting on the fleet: AppStream keeps an
 * attribute until it is deleted by name.
 */
export class FleetAttribute {
  /** The VPC configuration: subnets and security groups. */
  public static readonly VPC_CONFIGURATION = new FleetAttribute('VPC_CONFIGURATION');
  /** The security groups of the VPC configuration. */
  public static readonly VPC_CONFIGURATION_SECURITY_GROUP_IDS = new FleetAttribute('VPC_CONFIGURATION_SECURITY_GROUP_IDS');
  /** The Active Directory domain join information. */
  public static readonly DOMAIN_JOIN_INFO = new FleetAttribute('DOMAIN_JOIN_INFO');
  /** The IAM role of the streaming instances. */
  public static readonly IAM_ROLE_ARN = new FleetAttribute('IAM_ROLE_ARN');
  /** The USB device filter strings. */
  public static readonly USB_DEVICE_FILTER_STRINGS = new FleetAttribute('USB_DEVICE_FILTER_STRINGS');
  /** The S3 location of the session scripts (Elastic fleets). */
  public static readonly SESSION_SCRIPT_S3_LOCATION = new FleetAttribute('SESSION_SCRIPT_S3_LOCATION');
  /** The most user sessions per instance (turns a multi-session fleet back into a single-session one). */
  public static readonly MAX_SESSIONS_PER_INSTANCE = new FleetAttribute('MAX_SESSIONS_PER_INSTANCE');

  /**
   * An attribute by its API name, for values that AWS adds after this library was released.
   *
   * @param value the attribute as the AppStream API spells it, such as `IAM_ROLE_ARN`
   */
  public static of(value: string): FleetAttribute {
    return new FleetAttribute(enumLikeValue({ className: 'FleetAttribute', what: "the attribute's API value", example: 'IAM_ROLE_ARN' }, value));
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
