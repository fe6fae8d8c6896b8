import { Token } from 'aws-cdk-lib';
import { InstanceType } from '../src/fleet/instance-type';
import { CFN_LINT_FLEET_INSTANCE_TYPES } from '../src/fleet/private/instance-type-data';

/** The instance types listed in the InstanceType documentation of CreateFleet (AppStream API model). */
const CREATE_FLEET_INSTANCE_TYPES = [
  'stream.compute.2xlarge',
  'stream.compute.4xlarge',
  'stream.compute.8xlarge',
  'stream.compute.large',
  'stream.compute.xlarge',
  'stream.graphics.g4dn.12xlarge',
  'stream.graphics.g4dn.16xlarge',
  'stream.graphics.g4dn.2xlarge',
  'stream.graphics.g4dn.4xlarge',
  'stream.graphics.g4dn.8xlarge',
  'stream.graphics.g4dn.xlarge',
  'stream.graphics.g5.12xlarge',
  'stream.graphics.g5.16xlarge',
  'stream.graphics.g5.24xlarge',
  'stream.graphics.g5.2xlarge',
  'stream.graphics.g5.4xlarge',
  'stream.graphics.g5.8xlarge',
  'stream.graphics.g5.xlarge',
  'stream.graphics.g6.12xlarge',
  'stream.graphics.g6.16xlarge',
  'stream.graphics.g6.24xlarge',
  'stream.graphics.g6.2xlarge',
  'stream.graphics.g6.4xlarge',
  'stream.graphics.g6.8xlarge',
  'stream.graphics.g6.xlarge',
  'stream.graphics.g6f.2xlarge',
  'stream.graphics.g6f.4xlarge',
  'stream.graphics.g6f.large',
  'stream.graphics.g6f.xlarge',
  'stream.graphics.gr6.4xlarge',
  'stream.graphics.gr6.8xlarge',
  'stream.graphics.gr6f.4xlarge',
  'stream.memory.2xlarge',
  'stream.memory.4xlarge',
  'stream.memory.8xlarge',
  'stream.memory.large',
  'stream.memory.xlarge',
  'stream.memory.z1d.12xlarge',
  'stream.memory.z1d.2xlarge',
  'stream.memory.z1d.3xlarge',
  'stream.memory.z1d.6xlarge',
  'stream.memory.z1d.large',
  'stream.memory.z1d.xlarge',
  'stream.standard.2xlarge',
  'stream.standard.large',
  'stream.standard.medium',
  'stream.standard.small',
  'stream.standard.xlarge',
];

describe('InstanceType', () => {
  test('constants carry the API value', () => {
    expect(InstanceType.STANDARD_MEDIUM.value).toBe('stream.standard.medium');
    expect(InstanceType.COMPUTE_LARGE.toString()).toBe('stream.compute.large');
    expect(InstanceType.MEMORY_Z1D_12XLARGE.value).toBe('stream.memory.z1d.12xlarge');
    expect(InstanceType.GRAPHICS_G4DN_XLARGE.value).toBe('stream.graphics.g4dn.xlarge');
    expect(InstanceType.GRAPHICS_G6F_LARGE.value).toBe('stream.graphics.g6f.large');
    expect(InstanceType.GRAPHICS_GR6F_4XLARGE.value).toBe('stream.graphics.gr6f.4xlarge');
  });

  test('the stream.* constants are exactly the instance types CreateFleet documents', () => {
    const values = Object.values(InstanceType).filter((v): v is InstanceType => v instanceof InstanceType).map(v => v.value);
    const streamValues = values.filter((v) => v.startsWith('stream.'));
    expect([...streamValues].sort()).toEqual(CREATE_FLEET_INSTANCE_TYPES);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) {
      expect(InstanceType.of(value).value).toBe(value);
    }
  });

  test('the other constants are exactly the GeneralPurpose/ComputeOptimized/MemoryOptimized/Accelerated types of the cfn-lint data', () => {
    const values = Object.values(InstanceType).filter((v): v is InstanceType => v instanceof InstanceType).map(v => v.value);
    const fromData = CFN_LINT_FLEET_INSTANCE_TYPES.filter((name) => !name.startsWith('stream.'));
    expect(fromData.length).toBe(175);
    expect(values.filter((v) => !v.startsWith('stream.')).sort()).toEqual([...fromData].sort());
  });

  test('every name of the cfn-lint data is accepted by of(), the retired stream.graphics-design/-pro ones too', () => {
    expect(CFN_LINT_FLEET_INSTANCE_TYPES.length).toBe(230);
    for (const name of CFN_LINT_FLEET_INSTANCE_TYPES) {
      expect(InstanceType.of(name).value).toBe(name);
    }
  });

  test('constants of the AMI families carry their value', () => {
    expect(InstanceType.GENERAL_PURPOSE_M7I_LARGE.value).toBe('GeneralPurpose.m7i.large');
    expect(InstanceType.COMPUTE_OPTIMIZED_C7I_FLEX_2XLARGE.value).toBe('ComputeOptimized.c7i-flex.2xlarge');
    expect(InstanceType.MEMORY_OPTIMIZED_R7A_XLARGE.value).toBe('MemoryOptimized.r7a.xlarge');
    expect(InstanceType.ACCELERATED_G6E_XLARGE.value).toBe('Accelerated.g6e.xlarge');
  });

  test.each([
    'stream.standard.large', 'stream.graphics.g5.24xlarge', 'stream.graphics-pro.4xlarge', 'stream.memory.z1d.3xlarge',
    // The families cfn-lint lists, by pattern: also sizes and generations not listed yet.
    'GeneralPurpose.m7i.large', 'Accelerated.g6e.xlarge', 'MemoryOptimized.r7a.xlarge', 'ComputeOptimized.c7i-flex.large',
    'GeneralPurpose.m8i.96xlarge', 'GeneralPurpose.t3.nano', 'ComputeOptimized.c7i.metal-24xl',
  ])('of(%s) is accepted', (name) => {
    expect(InstanceType.of(name).toString()).toBe(name);
  });

  test.each([
    'm5.large', 'standard.medium', 'stream.standard', 'stream.Standard.medium', '', 'stream.standard.medium ',
    'generalPurpose.m7i.large', 'StorageOptimized.i4i.large', 'GeneralPurpose.m7i', 'GeneralPurpose.M7i.large',
  ])('of(%j) is refused', (name) => {
    expect(() => InstanceType.of(name)).toThrow(/is not an AppStream instance type; expected "stream.<family>\[.<generation>\].<size>", such as "stream.standard.medium".*"GeneralPurpose.m7i.large"/);
  });

  test('of() refuses a value that is not a string, from plain JavaScript', () => {
    expect(() => InstanceType.of(42 as unknown as string)).toThrow(/InstanceType.of: expects the instance type name as a string.*\(got number 42\)/);
  });

  test('tokens are accepted', () => {
    const token = Token.asString({ Ref: 'TypeParam' });
    expect(InstanceType.of(token).value).toBe(token);
  });
});
