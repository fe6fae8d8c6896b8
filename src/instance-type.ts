import { Token } from 'aws-cdk-lib';

/**
 * The shape of an AppStream instance type name: `stream.<family>[.<generation>].<size>`, such as
 * `stream.standard.medium` or `stream.graphics.g5.xlarge`.
 */
const INSTANCE_TYPE_PATTERN = /^stream\.[a-z0-9-]+(\.[a-z0-9-]+)?\.[0-9]*(small|medium|large|xlarge)$/;

/**
 * The instance type of an AppStream (WorkSpaces Applications) fleet.
 *
 * Use a constant (`InstanceType.STANDARD_MEDIUM`) or, for a type newer than this library,
 * `InstanceType.of('stream.standard.medium')`. The constants are the instance types that the
 * AppStream API documents for CreateFleet (previous-generation `stream.graphics-design` and
 * `stream.graphics-pro`, which AWS retired in 2025, remain reachable through `of()`). Availability
 * differs by region: check the AppStream documentation for yours.
 */
export class InstanceType {
  /** `stream.compute.large` */
  public static readonly COMPUTE_LARGE = new InstanceType('stream.compute.large');
  /** `stream.compute.xlarge` */
  public static readonly COMPUTE_XLARGE = new InstanceType('stream.compute.xlarge');
  /** `stream.compute.2xlarge` */
  public static readonly COMPUTE_2XLARGE = new InstanceType('stream.compute.2xlarge');
  /** `stream.compute.4xlarge` */
  public static readonly COMPUTE_4XLARGE = new InstanceType('stream.compute.4xlarge');
  /** `stream.compute.8xlarge` */
  public static readonly COMPUTE_8XLARGE = new InstanceType('stream.compute.8xlarge');

  /** `stream.graphics.g4dn.xlarge` */
  public static readonly GRAPHICS_G4DN_XLARGE = new InstanceType('stream.graphics.g4dn.xlarge');
  /** `stream.graphics.g4dn.2xlarge` */
  public static readonly GRAPHICS_G4DN_2XLARGE = new InstanceType('stream.graphics.g4dn.2xlarge');
  /** `stream.graphics.g4dn.4xlarge` */
  public static readonly GRAPHICS_G4DN_4XLARGE = new InstanceType('stream.graphics.g4dn.4xlarge');
  /** `stream.graphics.g4dn.8xlarge` */
  public static readonly GRAPHICS_G4DN_8XLARGE = new InstanceType('stream.graphics.g4dn.8xlarge');
  /** `stream.graphics.g4dn.12xlarge` */
  public static readonly GRAPHICS_G4DN_12XLARGE = new InstanceType('stream.graphics.g4dn.12xlarge');
  /** `stream.graphics.g4dn.16xlarge` */
  public static readonly GRAPHICS_G4DN_16XLARGE = new InstanceType('stream.graphics.g4dn.16xlarge');

  /** `stream.graphics.g5.xlarge` */
  public static readonly GRAPHICS_G5_XLARGE = new InstanceType('stream.graphics.g5.xlarge');
  /** `stream.graphics.g5.2xlarge` */
  public static readonly GRAPHICS_G5_2XLARGE = new InstanceType('stream.graphics.g5.2xlarge');
  /** `stream.graphics.g5.4xlarge` */
  public static readonly GRAPHICS_G5_4XLARGE = new InstanceType('stream.graphics.g5.4xlarge');
  /** `stream.graphics.g5.8xlarge` */
  public static readonly GRAPHICS_G5_8XLARGE = new InstanceType('stream.graphics.g5.8xlarge');
  /** `stream.graphics.g5.12xlarge` */
  public static readonly GRAPHICS_G5_12XLARGE = new InstanceType('stream.graphics.g5.12xlarge');
  /** `stream.graphics.g5.16xlarge` */
  public static readonly GRAPHICS_G5_16XLARGE = new InstanceType('stream.graphics.g5.16xlarge');
  /** `stream.graphics.g5.24xlarge` */
  public static readonly GRAPHICS_G5_24XLARGE = new InstanceType('stream.graphics.g5.24xlarge');

  /** `stream.graphics.g6.xlarge` */
  public static readonly GRAPHICS_G6_XLARGE = new InstanceType('stream.graphics.g6.xlarge');
  /** `stream.graphics.g6.2xlarge` */
  public static readonly GRAPHICS_G6_2XLARGE = new InstanceType('stream.graphics.g6.2xlarge');
  /** `stream.graphics.g6.4xlarge` */
  public static readonly GRAPHICS_G6_4XLARGE = new InstanceType('stream.graphics.g6.4xlarge');
  /** `stream.graphics.g6.8xlarge` */
  public static readonly GRAPHICS_G6_8XLARGE = new InstanceType('stream.graphics.g6.8xlarge');
  /** `stream.graphics.g6.12xlarge` */
  public static readonly GRAPHICS_G6_12XLARGE = new InstanceType('stream.graphics.g6.12xlarge');
  /** `stream.graphics.g6.16xlarge` */
  public static readonly GRAPHICS_G6_16XLARGE = new InstanceType('stream.graphics.g6.16xlarge');
  /** `stream.graphics.g6.24xlarge` */
  public static readonly GRAPHICS_G6_24XLARGE = new InstanceType('stream.graphics.g6.24xlarge');

  /** `stream.graphics.g6f.large` */
  public static readonly GRAPHICS_G6F_LARGE = new InstanceType('stream.graphics.g6f.large');
  /** `stream.graphics.g6f.xlarge` */
  public static readonly GRAPHICS_G6F_XLARGE = new InstanceType('stream.graphics.g6f.xlarge');
  /** `stream.graphics.g6f.2xlarge` */
  public static readonly GRAPHICS_G6F_2XLARGE = new InstanceType('stream.graphics.g6f.2xlarge');
  /** `stream.graphics.g6f.4xlarge` */
  public static readonly GRAPHICS_G6F_4XLARGE = new InstanceType('stream.graphics.g6f.4xlarge');

  /** `stream.graphics.gr6.4xlarge` */
  public static readonly GRAPHICS_GR6_4XLARGE = new InstanceType('stream.graphics.gr6.4xlarge');
  /** `stream.graphics.gr6.8xlarge` */
  public static readonly GRAPHICS_GR6_8XLARGE = new InstanceType('stream.graphics.gr6.8xlarge');

  /** `stream.graphics.gr6f.4xlarge` */
  public static readonly GRAPHICS_GR6F_4XLARGE = new InstanceType('stream.graphics.gr6f.4xlarge');

  /** `stream.memory.large` */
  public static readonly MEMORY_LARGE = new InstanceType('stream.memory.large');
  /** `stream.memory.xlarge` */
  public static readonly MEMORY_XLARGE = new InstanceType('stream.memory.xlarge');
  /** `stream.memory.2xlarge` */
  public static readonly MEMORY_2XLARGE = new InstanceType('stream.memory.2xlarge');
  /** `stream.memory.4xlarge` */
  public static readonly MEMORY_4XLARGE = new InstanceType('stream.memory.4xlarge');
  /** `stream.memory.8xlarge` */
  public static readonly MEMORY_8XLARGE = new InstanceType('stream.memory.8xlarge');

  /** `stream.memory.z1d.large` */
  public static readonly MEMORY_Z1D_LARGE = new InstanceType('stream.memory.z1d.large');
  /** `stream.memory.z1d.xlarge` */
  public static readonly MEMORY_Z1D_XLARGE = new InstanceType('stream.memory.z1d.xlarge');
  /** `stream.memory.z1d.2xlarge` */
  public static readonly MEMORY_Z1D_2XLARGE = new InstanceType('stream.memory.z1d.2xlarge');
  /** `stream.memory.z1d.3xlarge` */
  public static readonly MEMORY_Z1D_3XLARGE = new InstanceType('stream.memory.z1d.3xlarge');
  /** `stream.memory.z1d.6xlarge` */
  public static readonly MEMORY_Z1D_6XLARGE = new InstanceType('stream.memory.z1d.6xlarge');
  /** `stream.memory.z1d.12xlarge` */
  public static readonly MEMORY_Z1D_12XLARGE = new InstanceType('stream.memory.z1d.12xlarge');

  /** `stream.standard.small` */
  public static readonly STANDARD_SMALL = new InstanceType('stream.standard.small');
  /** `stream.standard.medium` */
  public static readonly STANDARD_MEDIUM = new InstanceType('stream.standard.medium');
  /** `stream.standard.large` */
  public static readonly STANDARD_LARGE = new InstanceType('stream.standard.large');
  /** `stream.standard.xlarge` */
  public static readonly STANDARD_XLARGE = new InstanceType('stream.standard.xlarge');
  /** `stream.standard.2xlarge` */
  public static readonly STANDARD_2XLARGE = new InstanceType('stream.standard.2xlarge');

  /**
   * An instance type from its name, such as `stream.standard.large`.
   *
   * The name must start with `stream.` and have the shape `stream.<family>.<size>` or
   * `stream.<family>.<generation>.<size>`: that is how CreateFleet's `InstanceType` is documented in
   * the AppStream API, which lists only `stream.*` names. Anything else is refused here rather than
   * after a deployment: EC2 names such as `m5.large`, and the `<Category>.<family>.<size>` labels
   * (such as `GeneralPurpose.m7i.large`) that appear in AWS's price list and in cfn-lint's list
   * derived from it, which the API does not document as instance types. Tokens are accepted as is.
   *
   * @param name the instance type name
   */
  public static of(name: string): InstanceType {
    if (!Token.isUnresolved(name) && !INSTANCE_TYPE_PATTERN.test(name)) {
      throw new Error(`InstanceType.of: "${name}" is not an AppStream instance type; expected "stream.<family>[.<generation>].<size>", such as "stream.standard.medium" or "stream.graphics.g5.xlarge"`);
    }
    return new InstanceType(name);
  }

  /**
   * The instance type name, such as `stream.standard.medium`.
   */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  /**
   * The instance type name, such as `stream.standard.medium`.
   */
  public toString(): string {
    return this.value;
  }
}
