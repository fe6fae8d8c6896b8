import { enumLikeValue, EnumLikeShape } from '../core/private/enum-like';

/**
 * The shape of an AppStream instance type name: `stream.<family>[.<generation>].<size>`, such as
 * `stream.standard.medium` or `stream.graphics.g5.xlarge` (the names CreateFleet documents).
 */
const STREAM_INSTANCE_TYPE_PATTERN = /^stream\.[a-z0-9-]+(\.[a-z0-9-]+)?\.[0-9]*(nano|micro|small|medium|large|xlarge)$/;
/**
 * The other shape that CloudFormation's own lint data (cfn-lint's instance-type list for
 * AWS::AppStream::Fleet, see `private/instance-type-data.ts`) lists: `<Category>.<ec2 type>.<size>`,
 * such as `GeneralPurpose.m7i.large` or `ComputeOptimized.c7i-flex.2xlarge`: the families that images
 * imported from an AMI run on. Sizes beyond the listed ones (`metal`, `nano`) are let through.
 */
const CATEGORY_INSTANCE_TYPE_PATTERN = /^(GeneralPurpose|ComputeOptimized|MemoryOptimized|Accelerated)\.[a-z][a-z0-9-]*\.([0-9]*(nano|micro|small|medium|large|xlarge)|metal(-[0-9]+xl)?)$/;

const INSTANCE_TYPE_SHAPE: EnumLikeShape = {
  className: 'InstanceType',
  what: 'the instance type name',
  example: 'stream.standard.medium',
  pattern: new RegExp(`${STREAM_INSTANCE_TYPE_PATTERN.source}|${CATEGORY_INSTANCE_TYPE_PATTERN.source}`),
  notA: 'an AppStream instance type',
  expected: '"stream.<family>[.<generation>].<size>", such as "stream.standard.medium" or "stream.graphics.g5.xlarge", '
    + 'or "<GeneralPurpose|ComputeOptimized|MemoryOptimized|Accelerated>.<type>.<size>", such as "GeneralPurpose.m7i.large"',
};

/**
 * The instance type of an AppStream (WorkSpaces Applications) fleet.
 *
 * Use a constant (`InstanceType.STANDARD_MEDIUM`) or, for a type newer than this library,
 * `InstanceType.of('stream.standard.medium')`. The `stream.*` constants are the instance types that
 * the AppStream API documents for CreateFleet (previous-generation `stream.graphics-design` and
 * `stream.graphics-pro`, which AWS retired in 2025, remain reachable through `of()`). The
 * `GENERAL_PURPOSE_*`, `COMPUTE_OPTIMIZED_*`, `MEMORY_OPTIMIZED_*` and `ACCELERATED_*` constants are
 * the `GeneralPurpose.*`, `ComputeOptimized.*`, `MemoryOptimized.*` and `Accelerated.*` types that
 * CloudFormation's lint data (cfn-lint) lists for fleets in some region: the instance families of
 * images imported from an AMI. Availability differs by region: check the AppStream documentation
 * for yours.
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

  // ---- Generated from private/instance-type-data.ts (cfn-lint's list); do not edit by hand. ----

  /** `Accelerated.g4dn.xlarge` */
  public static readonly ACCELERATED_G4DN_XLARGE = new InstanceType('Accelerated.g4dn.xlarge');
  /** `Accelerated.g4dn.2xlarge` */
  public static readonly ACCELERATED_G4DN_2XLARGE = new InstanceType('Accelerated.g4dn.2xlarge');
  /** `Accelerated.g4dn.4xlarge` */
  public static readonly ACCELERATED_G4DN_4XLARGE = new InstanceType('Accelerated.g4dn.4xlarge');
  /** `Accelerated.g4dn.8xlarge` */
  public static readonly ACCELERATED_G4DN_8XLARGE = new InstanceType('Accelerated.g4dn.8xlarge');
  /** `Accelerated.g4dn.12xlarge` */
  public static readonly ACCELERATED_G4DN_12XLARGE = new InstanceType('Accelerated.g4dn.12xlarge');
  /** `Accelerated.g4dn.16xlarge` */
  public static readonly ACCELERATED_G4DN_16XLARGE = new InstanceType('Accelerated.g4dn.16xlarge');

  /** `Accelerated.g5.xlarge` */
  public static readonly ACCELERATED_G5_XLARGE = new InstanceType('Accelerated.g5.xlarge');
  /** `Accelerated.g5.2xlarge` */
  public static readonly ACCELERATED_G5_2XLARGE = new InstanceType('Accelerated.g5.2xlarge');
  /** `Accelerated.g5.4xlarge` */
  public static readonly ACCELERATED_G5_4XLARGE = new InstanceType('Accelerated.g5.4xlarge');
  /** `Accelerated.g5.8xlarge` */
  public static readonly ACCELERATED_G5_8XLARGE = new InstanceType('Accelerated.g5.8xlarge');
  /** `Accelerated.g5.12xlarge` */
  public static readonly ACCELERATED_G5_12XLARGE = new InstanceType('Accelerated.g5.12xlarge');
  /** `Accelerated.g5.16xlarge` */
  public static readonly ACCELERATED_G5_16XLARGE = new InstanceType('Accelerated.g5.16xlarge');
  /** `Accelerated.g5.24xlarge` */
  public static readonly ACCELERATED_G5_24XLARGE = new InstanceType('Accelerated.g5.24xlarge');
  /** `Accelerated.g5.48xlarge` */
  public static readonly ACCELERATED_G5_48XLARGE = new InstanceType('Accelerated.g5.48xlarge');

  /** `Accelerated.g6.xlarge` */
  public static readonly ACCELERATED_G6_XLARGE = new InstanceType('Accelerated.g6.xlarge');
  /** `Accelerated.g6.2xlarge` */
  public static readonly ACCELERATED_G6_2XLARGE = new InstanceType('Accelerated.g6.2xlarge');
  /** `Accelerated.g6.4xlarge` */
  public static readonly ACCELERATED_G6_4XLARGE = new InstanceType('Accelerated.g6.4xlarge');
  /** `Accelerated.g6.8xlarge` */
  public static readonly ACCELERATED_G6_8XLARGE = new InstanceType('Accelerated.g6.8xlarge');
  /** `Accelerated.g6.12xlarge` */
  public static readonly ACCELERATED_G6_12XLARGE = new InstanceType('Accelerated.g6.12xlarge');
  /** `Accelerated.g6.16xlarge` */
  public static readonly ACCELERATED_G6_16XLARGE = new InstanceType('Accelerated.g6.16xlarge');
  /** `Accelerated.g6.24xlarge` */
  public static readonly ACCELERATED_G6_24XLARGE = new InstanceType('Accelerated.g6.24xlarge');
  /** `Accelerated.g6.48xlarge` */
  public static readonly ACCELERATED_G6_48XLARGE = new InstanceType('Accelerated.g6.48xlarge');

  /** `Accelerated.g6e.xlarge` */
  public static readonly ACCELERATED_G6E_XLARGE = new InstanceType('Accelerated.g6e.xlarge');
  /** `Accelerated.g6e.2xlarge` */
  public static readonly ACCELERATED_G6E_2XLARGE = new InstanceType('Accelerated.g6e.2xlarge');
  /** `Accelerated.g6e.4xlarge` */
  public static readonly ACCELERATED_G6E_4XLARGE = new InstanceType('Accelerated.g6e.4xlarge');
  /** `Accelerated.g6e.8xlarge` */
  public static readonly ACCELERATED_G6E_8XLARGE = new InstanceType('Accelerated.g6e.8xlarge');
  /** `Accelerated.g6e.12xlarge` */
  public static readonly ACCELERATED_G6E_12XLARGE = new InstanceType('Accelerated.g6e.12xlarge');
  /** `Accelerated.g6e.16xlarge` */
  public static readonly ACCELERATED_G6E_16XLARGE = new InstanceType('Accelerated.g6e.16xlarge');
  /** `Accelerated.g6e.24xlarge` */
  public static readonly ACCELERATED_G6E_24XLARGE = new InstanceType('Accelerated.g6e.24xlarge');
  /** `Accelerated.g6e.48xlarge` */
  public static readonly ACCELERATED_G6E_48XLARGE = new InstanceType('Accelerated.g6e.48xlarge');

  /** `Accelerated.g6f.large` */
  public static readonly ACCELERATED_G6F_LARGE = new InstanceType('Accelerated.g6f.large');
  /** `Accelerated.g6f.xlarge` */
  public static readonly ACCELERATED_G6F_XLARGE = new InstanceType('Accelerated.g6f.xlarge');
  /** `Accelerated.g6f.2xlarge` */
  public static readonly ACCELERATED_G6F_2XLARGE = new InstanceType('Accelerated.g6f.2xlarge');
  /** `Accelerated.g6f.4xlarge` */
  public static readonly ACCELERATED_G6F_4XLARGE = new InstanceType('Accelerated.g6f.4xlarge');

  /** `Accelerated.gr6.4xlarge` */
  public static readonly ACCELERATED_GR6_4XLARGE = new InstanceType('Accelerated.gr6.4xlarge');
  /** `Accelerated.gr6.8xlarge` */
  public static readonly ACCELERATED_GR6_8XLARGE = new InstanceType('Accelerated.gr6.8xlarge');

  /** `Accelerated.gr6f.4xlarge` */
  public static readonly ACCELERATED_GR6F_4XLARGE = new InstanceType('Accelerated.gr6f.4xlarge');

  /** `ComputeOptimized.c6a.large` */
  public static readonly COMPUTE_OPTIMIZED_C6A_LARGE = new InstanceType('ComputeOptimized.c6a.large');
  /** `ComputeOptimized.c6a.xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6A_XLARGE = new InstanceType('ComputeOptimized.c6a.xlarge');
  /** `ComputeOptimized.c6a.2xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6A_2XLARGE = new InstanceType('ComputeOptimized.c6a.2xlarge');
  /** `ComputeOptimized.c6a.4xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6A_4XLARGE = new InstanceType('ComputeOptimized.c6a.4xlarge');
  /** `ComputeOptimized.c6a.8xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6A_8XLARGE = new InstanceType('ComputeOptimized.c6a.8xlarge');
  /** `ComputeOptimized.c6a.12xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6A_12XLARGE = new InstanceType('ComputeOptimized.c6a.12xlarge');
  /** `ComputeOptimized.c6a.16xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6A_16XLARGE = new InstanceType('ComputeOptimized.c6a.16xlarge');
  /** `ComputeOptimized.c6a.24xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6A_24XLARGE = new InstanceType('ComputeOptimized.c6a.24xlarge');
  /** `ComputeOptimized.c6a.32xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6A_32XLARGE = new InstanceType('ComputeOptimized.c6a.32xlarge');
  /** `ComputeOptimized.c6a.48xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6A_48XLARGE = new InstanceType('ComputeOptimized.c6a.48xlarge');

  /** `ComputeOptimized.c6i.large` */
  public static readonly COMPUTE_OPTIMIZED_C6I_LARGE = new InstanceType('ComputeOptimized.c6i.large');
  /** `ComputeOptimized.c6i.xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6I_XLARGE = new InstanceType('ComputeOptimized.c6i.xlarge');
  /** `ComputeOptimized.c6i.2xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6I_2XLARGE = new InstanceType('ComputeOptimized.c6i.2xlarge');
  /** `ComputeOptimized.c6i.4xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6I_4XLARGE = new InstanceType('ComputeOptimized.c6i.4xlarge');
  /** `ComputeOptimized.c6i.8xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6I_8XLARGE = new InstanceType('ComputeOptimized.c6i.8xlarge');
  /** `ComputeOptimized.c6i.12xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6I_12XLARGE = new InstanceType('ComputeOptimized.c6i.12xlarge');
  /** `ComputeOptimized.c6i.16xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6I_16XLARGE = new InstanceType('ComputeOptimized.c6i.16xlarge');
  /** `ComputeOptimized.c6i.24xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6I_24XLARGE = new InstanceType('ComputeOptimized.c6i.24xlarge');
  /** `ComputeOptimized.c6i.32xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C6I_32XLARGE = new InstanceType('ComputeOptimized.c6i.32xlarge');

  /** `ComputeOptimized.c7a.large` */
  public static readonly COMPUTE_OPTIMIZED_C7A_LARGE = new InstanceType('ComputeOptimized.c7a.large');
  /** `ComputeOptimized.c7a.xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7A_XLARGE = new InstanceType('ComputeOptimized.c7a.xlarge');
  /** `ComputeOptimized.c7a.2xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7A_2XLARGE = new InstanceType('ComputeOptimized.c7a.2xlarge');
  /** `ComputeOptimized.c7a.4xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7A_4XLARGE = new InstanceType('ComputeOptimized.c7a.4xlarge');
  /** `ComputeOptimized.c7a.8xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7A_8XLARGE = new InstanceType('ComputeOptimized.c7a.8xlarge');
  /** `ComputeOptimized.c7a.12xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7A_12XLARGE = new InstanceType('ComputeOptimized.c7a.12xlarge');
  /** `ComputeOptimized.c7a.16xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7A_16XLARGE = new InstanceType('ComputeOptimized.c7a.16xlarge');
  /** `ComputeOptimized.c7a.24xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7A_24XLARGE = new InstanceType('ComputeOptimized.c7a.24xlarge');
  /** `ComputeOptimized.c7a.32xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7A_32XLARGE = new InstanceType('ComputeOptimized.c7a.32xlarge');
  /** `ComputeOptimized.c7a.48xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7A_48XLARGE = new InstanceType('ComputeOptimized.c7a.48xlarge');

  /** `ComputeOptimized.c7i.large` */
  public static readonly COMPUTE_OPTIMIZED_C7I_LARGE = new InstanceType('ComputeOptimized.c7i.large');
  /** `ComputeOptimized.c7i.xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_XLARGE = new InstanceType('ComputeOptimized.c7i.xlarge');
  /** `ComputeOptimized.c7i.2xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_2XLARGE = new InstanceType('ComputeOptimized.c7i.2xlarge');
  /** `ComputeOptimized.c7i.4xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_4XLARGE = new InstanceType('ComputeOptimized.c7i.4xlarge');
  /** `ComputeOptimized.c7i.8xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_8XLARGE = new InstanceType('ComputeOptimized.c7i.8xlarge');
  /** `ComputeOptimized.c7i.12xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_12XLARGE = new InstanceType('ComputeOptimized.c7i.12xlarge');
  /** `ComputeOptimized.c7i.16xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_16XLARGE = new InstanceType('ComputeOptimized.c7i.16xlarge');
  /** `ComputeOptimized.c7i.24xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_24XLARGE = new InstanceType('ComputeOptimized.c7i.24xlarge');
  /** `ComputeOptimized.c7i.48xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_48XLARGE = new InstanceType('ComputeOptimized.c7i.48xlarge');

  /** `ComputeOptimized.c7i-flex.large` */
  public static readonly COMPUTE_OPTIMIZED_C7I_FLEX_LARGE = new InstanceType('ComputeOptimized.c7i-flex.large');
  /** `ComputeOptimized.c7i-flex.xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_FLEX_XLARGE = new InstanceType('ComputeOptimized.c7i-flex.xlarge');
  /** `ComputeOptimized.c7i-flex.2xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_FLEX_2XLARGE = new InstanceType('ComputeOptimized.c7i-flex.2xlarge');
  /** `ComputeOptimized.c7i-flex.4xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_FLEX_4XLARGE = new InstanceType('ComputeOptimized.c7i-flex.4xlarge');
  /** `ComputeOptimized.c7i-flex.8xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_FLEX_8XLARGE = new InstanceType('ComputeOptimized.c7i-flex.8xlarge');
  /** `ComputeOptimized.c7i-flex.12xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_FLEX_12XLARGE = new InstanceType('ComputeOptimized.c7i-flex.12xlarge');
  /** `ComputeOptimized.c7i-flex.16xlarge` */
  public static readonly COMPUTE_OPTIMIZED_C7I_FLEX_16XLARGE = new InstanceType('ComputeOptimized.c7i-flex.16xlarge');

  /** `GeneralPurpose.m6a.large` */
  public static readonly GENERAL_PURPOSE_M6A_LARGE = new InstanceType('GeneralPurpose.m6a.large');
  /** `GeneralPurpose.m6a.xlarge` */
  public static readonly GENERAL_PURPOSE_M6A_XLARGE = new InstanceType('GeneralPurpose.m6a.xlarge');
  /** `GeneralPurpose.m6a.2xlarge` */
  public static readonly GENERAL_PURPOSE_M6A_2XLARGE = new InstanceType('GeneralPurpose.m6a.2xlarge');
  /** `GeneralPurpose.m6a.4xlarge` */
  public static readonly GENERAL_PURPOSE_M6A_4XLARGE = new InstanceType('GeneralPurpose.m6a.4xlarge');
  /** `GeneralPurpose.m6a.8xlarge` */
  public static readonly GENERAL_PURPOSE_M6A_8XLARGE = new InstanceType('GeneralPurpose.m6a.8xlarge');
  /** `GeneralPurpose.m6a.12xlarge` */
  public static readonly GENERAL_PURPOSE_M6A_12XLARGE = new InstanceType('GeneralPurpose.m6a.12xlarge');
  /** `GeneralPurpose.m6a.16xlarge` */
  public static readonly GENERAL_PURPOSE_M6A_16XLARGE = new InstanceType('GeneralPurpose.m6a.16xlarge');
  /** `GeneralPurpose.m6a.24xlarge` */
  public static readonly GENERAL_PURPOSE_M6A_24XLARGE = new InstanceType('GeneralPurpose.m6a.24xlarge');
  /** `GeneralPurpose.m6a.32xlarge` */
  public static readonly GENERAL_PURPOSE_M6A_32XLARGE = new InstanceType('GeneralPurpose.m6a.32xlarge');
  /** `GeneralPurpose.m6a.48xlarge` */
  public static readonly GENERAL_PURPOSE_M6A_48XLARGE = new InstanceType('GeneralPurpose.m6a.48xlarge');

  /** `GeneralPurpose.m6i.large` */
  public static readonly GENERAL_PURPOSE_M6I_LARGE = new InstanceType('GeneralPurpose.m6i.large');
  /** `GeneralPurpose.m6i.xlarge` */
  public static readonly GENERAL_PURPOSE_M6I_XLARGE = new InstanceType('GeneralPurpose.m6i.xlarge');
  /** `GeneralPurpose.m6i.2xlarge` */
  public static readonly GENERAL_PURPOSE_M6I_2XLARGE = new InstanceType('GeneralPurpose.m6i.2xlarge');
  /** `GeneralPurpose.m6i.4xlarge` */
  public static readonly GENERAL_PURPOSE_M6I_4XLARGE = new InstanceType('GeneralPurpose.m6i.4xlarge');
  /** `GeneralPurpose.m6i.8xlarge` */
  public static readonly GENERAL_PURPOSE_M6I_8XLARGE = new InstanceType('GeneralPurpose.m6i.8xlarge');
  /** `GeneralPurpose.m6i.12xlarge` */
  public static readonly GENERAL_PURPOSE_M6I_12XLARGE = new InstanceType('GeneralPurpose.m6i.12xlarge');
  /** `GeneralPurpose.m6i.16xlarge` */
  public static readonly GENERAL_PURPOSE_M6I_16XLARGE = new InstanceType('GeneralPurpose.m6i.16xlarge');
  /** `GeneralPurpose.m6i.24xlarge` */
  public static readonly GENERAL_PURPOSE_M6I_24XLARGE = new InstanceType('GeneralPurpose.m6i.24xlarge');
  /** `GeneralPurpose.m6i.32xlarge` */
  public static readonly GENERAL_PURPOSE_M6I_32XLARGE = new InstanceType('GeneralPurpose.m6i.32xlarge');

  /** `GeneralPurpose.m7a.large` */
  public static readonly GENERAL_PURPOSE_M7A_LARGE = new InstanceType('GeneralPurpose.m7a.large');
  /** `GeneralPurpose.m7a.xlarge` */
  public static readonly GENERAL_PURPOSE_M7A_XLARGE = new InstanceType('GeneralPurpose.m7a.xlarge');
  /** `GeneralPurpose.m7a.2xlarge` */
  public static readonly GENERAL_PURPOSE_M7A_2XLARGE = new InstanceType('GeneralPurpose.m7a.2xlarge');
  /** `GeneralPurpose.m7a.4xlarge` */
  public static readonly GENERAL_PURPOSE_M7A_4XLARGE = new InstanceType('GeneralPurpose.m7a.4xlarge');
  /** `GeneralPurpose.m7a.8xlarge` */
  public static readonly GENERAL_PURPOSE_M7A_8XLARGE = new InstanceType('GeneralPurpose.m7a.8xlarge');
  /** `GeneralPurpose.m7a.12xlarge` */
  public static readonly GENERAL_PURPOSE_M7A_12XLARGE = new InstanceType('GeneralPurpose.m7a.12xlarge');
  /** `GeneralPurpose.m7a.16xlarge` */
  public static readonly GENERAL_PURPOSE_M7A_16XLARGE = new InstanceType('GeneralPurpose.m7a.16xlarge');
  /** `GeneralPurpose.m7a.24xlarge` */
  public static readonly GENERAL_PURPOSE_M7A_24XLARGE = new InstanceType('GeneralPurpose.m7a.24xlarge');
  /** `GeneralPurpose.m7a.32xlarge` */
  public static readonly GENERAL_PURPOSE_M7A_32XLARGE = new InstanceType('GeneralPurpose.m7a.32xlarge');
  /** `GeneralPurpose.m7a.48xlarge` */
  public static readonly GENERAL_PURPOSE_M7A_48XLARGE = new InstanceType('GeneralPurpose.m7a.48xlarge');

  /** `GeneralPurpose.m7i.large` */
  public static readonly GENERAL_PURPOSE_M7I_LARGE = new InstanceType('GeneralPurpose.m7i.large');
  /** `GeneralPurpose.m7i.xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_XLARGE = new InstanceType('GeneralPurpose.m7i.xlarge');
  /** `GeneralPurpose.m7i.2xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_2XLARGE = new InstanceType('GeneralPurpose.m7i.2xlarge');
  /** `GeneralPurpose.m7i.4xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_4XLARGE = new InstanceType('GeneralPurpose.m7i.4xlarge');
  /** `GeneralPurpose.m7i.8xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_8XLARGE = new InstanceType('GeneralPurpose.m7i.8xlarge');
  /** `GeneralPurpose.m7i.12xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_12XLARGE = new InstanceType('GeneralPurpose.m7i.12xlarge');
  /** `GeneralPurpose.m7i.16xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_16XLARGE = new InstanceType('GeneralPurpose.m7i.16xlarge');
  /** `GeneralPurpose.m7i.24xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_24XLARGE = new InstanceType('GeneralPurpose.m7i.24xlarge');
  /** `GeneralPurpose.m7i.48xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_48XLARGE = new InstanceType('GeneralPurpose.m7i.48xlarge');

  /** `GeneralPurpose.m7i-flex.large` */
  public static readonly GENERAL_PURPOSE_M7I_FLEX_LARGE = new InstanceType('GeneralPurpose.m7i-flex.large');
  /** `GeneralPurpose.m7i-flex.xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_FLEX_XLARGE = new InstanceType('GeneralPurpose.m7i-flex.xlarge');
  /** `GeneralPurpose.m7i-flex.2xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_FLEX_2XLARGE = new InstanceType('GeneralPurpose.m7i-flex.2xlarge');
  /** `GeneralPurpose.m7i-flex.4xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_FLEX_4XLARGE = new InstanceType('GeneralPurpose.m7i-flex.4xlarge');
  /** `GeneralPurpose.m7i-flex.8xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_FLEX_8XLARGE = new InstanceType('GeneralPurpose.m7i-flex.8xlarge');
  /** `GeneralPurpose.m7i-flex.12xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_FLEX_12XLARGE = new InstanceType('GeneralPurpose.m7i-flex.12xlarge');
  /** `GeneralPurpose.m7i-flex.16xlarge` */
  public static readonly GENERAL_PURPOSE_M7I_FLEX_16XLARGE = new InstanceType('GeneralPurpose.m7i-flex.16xlarge');

  /** `GeneralPurpose.t3.small` */
  public static readonly GENERAL_PURPOSE_T3_SMALL = new InstanceType('GeneralPurpose.t3.small');
  /** `GeneralPurpose.t3.medium` */
  public static readonly GENERAL_PURPOSE_T3_MEDIUM = new InstanceType('GeneralPurpose.t3.medium');
  /** `GeneralPurpose.t3.large` */
  public static readonly GENERAL_PURPOSE_T3_LARGE = new InstanceType('GeneralPurpose.t3.large');
  /** `GeneralPurpose.t3.xlarge` */
  public static readonly GENERAL_PURPOSE_T3_XLARGE = new InstanceType('GeneralPurpose.t3.xlarge');
  /** `GeneralPurpose.t3.2xlarge` */
  public static readonly GENERAL_PURPOSE_T3_2XLARGE = new InstanceType('GeneralPurpose.t3.2xlarge');

  /** `GeneralPurpose.t3a.small` */
  public static readonly GENERAL_PURPOSE_T3A_SMALL = new InstanceType('GeneralPurpose.t3a.small');
  /** `GeneralPurpose.t3a.medium` */
  public static readonly GENERAL_PURPOSE_T3A_MEDIUM = new InstanceType('GeneralPurpose.t3a.medium');
  /** `GeneralPurpose.t3a.large` */
  public static readonly GENERAL_PURPOSE_T3A_LARGE = new InstanceType('GeneralPurpose.t3a.large');
  /** `GeneralPurpose.t3a.xlarge` */
  public static readonly GENERAL_PURPOSE_T3A_XLARGE = new InstanceType('GeneralPurpose.t3a.xlarge');
  /** `GeneralPurpose.t3a.2xlarge` */
  public static readonly GENERAL_PURPOSE_T3A_2XLARGE = new InstanceType('GeneralPurpose.t3a.2xlarge');

  /** `MemoryOptimized.r6a.large` */
  public static readonly MEMORY_OPTIMIZED_R6A_LARGE = new InstanceType('MemoryOptimized.r6a.large');
  /** `MemoryOptimized.r6a.xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6A_XLARGE = new InstanceType('MemoryOptimized.r6a.xlarge');
  /** `MemoryOptimized.r6a.2xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6A_2XLARGE = new InstanceType('MemoryOptimized.r6a.2xlarge');
  /** `MemoryOptimized.r6a.4xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6A_4XLARGE = new InstanceType('MemoryOptimized.r6a.4xlarge');
  /** `MemoryOptimized.r6a.8xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6A_8XLARGE = new InstanceType('MemoryOptimized.r6a.8xlarge');
  /** `MemoryOptimized.r6a.12xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6A_12XLARGE = new InstanceType('MemoryOptimized.r6a.12xlarge');
  /** `MemoryOptimized.r6a.16xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6A_16XLARGE = new InstanceType('MemoryOptimized.r6a.16xlarge');
  /** `MemoryOptimized.r6a.24xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6A_24XLARGE = new InstanceType('MemoryOptimized.r6a.24xlarge');
  /** `MemoryOptimized.r6a.32xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6A_32XLARGE = new InstanceType('MemoryOptimized.r6a.32xlarge');
  /** `MemoryOptimized.r6a.48xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6A_48XLARGE = new InstanceType('MemoryOptimized.r6a.48xlarge');

  /** `MemoryOptimized.r6i.large` */
  public static readonly MEMORY_OPTIMIZED_R6I_LARGE = new InstanceType('MemoryOptimized.r6i.large');
  /** `MemoryOptimized.r6i.xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6I_XLARGE = new InstanceType('MemoryOptimized.r6i.xlarge');
  /** `MemoryOptimized.r6i.2xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6I_2XLARGE = new InstanceType('MemoryOptimized.r6i.2xlarge');
  /** `MemoryOptimized.r6i.4xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6I_4XLARGE = new InstanceType('MemoryOptimized.r6i.4xlarge');
  /** `MemoryOptimized.r6i.8xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6I_8XLARGE = new InstanceType('MemoryOptimized.r6i.8xlarge');
  /** `MemoryOptimized.r6i.12xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6I_12XLARGE = new InstanceType('MemoryOptimized.r6i.12xlarge');
  /** `MemoryOptimized.r6i.16xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6I_16XLARGE = new InstanceType('MemoryOptimized.r6i.16xlarge');
  /** `MemoryOptimized.r6i.24xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6I_24XLARGE = new InstanceType('MemoryOptimized.r6i.24xlarge');
  /** `MemoryOptimized.r6i.32xlarge` */
  public static readonly MEMORY_OPTIMIZED_R6I_32XLARGE = new InstanceType('MemoryOptimized.r6i.32xlarge');

  /** `MemoryOptimized.r7a.large` */
  public static readonly MEMORY_OPTIMIZED_R7A_LARGE = new InstanceType('MemoryOptimized.r7a.large');
  /** `MemoryOptimized.r7a.xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7A_XLARGE = new InstanceType('MemoryOptimized.r7a.xlarge');
  /** `MemoryOptimized.r7a.2xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7A_2XLARGE = new InstanceType('MemoryOptimized.r7a.2xlarge');
  /** `MemoryOptimized.r7a.4xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7A_4XLARGE = new InstanceType('MemoryOptimized.r7a.4xlarge');
  /** `MemoryOptimized.r7a.8xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7A_8XLARGE = new InstanceType('MemoryOptimized.r7a.8xlarge');
  /** `MemoryOptimized.r7a.12xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7A_12XLARGE = new InstanceType('MemoryOptimized.r7a.12xlarge');
  /** `MemoryOptimized.r7a.16xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7A_16XLARGE = new InstanceType('MemoryOptimized.r7a.16xlarge');
  /** `MemoryOptimized.r7a.24xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7A_24XLARGE = new InstanceType('MemoryOptimized.r7a.24xlarge');
  /** `MemoryOptimized.r7a.32xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7A_32XLARGE = new InstanceType('MemoryOptimized.r7a.32xlarge');
  /** `MemoryOptimized.r7a.48xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7A_48XLARGE = new InstanceType('MemoryOptimized.r7a.48xlarge');

  /** `MemoryOptimized.r7i.large` */
  public static readonly MEMORY_OPTIMIZED_R7I_LARGE = new InstanceType('MemoryOptimized.r7i.large');
  /** `MemoryOptimized.r7i.xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7I_XLARGE = new InstanceType('MemoryOptimized.r7i.xlarge');
  /** `MemoryOptimized.r7i.2xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7I_2XLARGE = new InstanceType('MemoryOptimized.r7i.2xlarge');
  /** `MemoryOptimized.r7i.4xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7I_4XLARGE = new InstanceType('MemoryOptimized.r7i.4xlarge');
  /** `MemoryOptimized.r7i.8xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7I_8XLARGE = new InstanceType('MemoryOptimized.r7i.8xlarge');
  /** `MemoryOptimized.r7i.12xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7I_12XLARGE = new InstanceType('MemoryOptimized.r7i.12xlarge');
  /** `MemoryOptimized.r7i.16xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7I_16XLARGE = new InstanceType('MemoryOptimized.r7i.16xlarge');
  /** `MemoryOptimized.r7i.24xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7I_24XLARGE = new InstanceType('MemoryOptimized.r7i.24xlarge');
  /** `MemoryOptimized.r7i.48xlarge` */
  public static readonly MEMORY_OPTIMIZED_R7I_48XLARGE = new InstanceType('MemoryOptimized.r7i.48xlarge');
  // ---- End of generated constants. ----

  /**
   * An instance type from its name, such as `stream.standard.large` or `GeneralPurpose.m7i.large`.
   *
   * The name must have one of the two shapes AWS's sources list: `stream.<family>[.<generation>].<size>`
   * (the names CreateFleet documents in the AppStream API) or `<Category>.<ec2 type>.<size>` with a
   * category of `GeneralPurpose`, `ComputeOptimized`, `MemoryOptimized` or `Accelerated` (the names
   * CloudFormation's lint data lists for fleets, the families that images imported from an AMI run
   * on). A name of either shape is accepted even if no list has it yet; anything else, such as the
   * EC2 name `m5.large`, is refused here rather than after a deployment. Tokens are accepted as is.
   *
   * @param name the instance type name
   */
  public static of(name: string): InstanceType {
    return new InstanceType(enumLikeValue(INSTANCE_TYPE_SHAPE, name));
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
