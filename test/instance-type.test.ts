import { Token } from 'aws-cdk-lib';
import { InstanceType } from '../src/instance-type';

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

  test('the constants are exactly the instance types CreateFleet documents', () => {
    const values = Object.values(InstanceType).filter((v): v is InstanceType => v instanceof InstanceType).map(v => v.value);
    expect([...values].sort()).toEqual(CREATE_FLEET_INSTANCE_TYPES);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) {
      expect(InstanceType.of(value).value).toBe(value);
    }
  });

  test.each(['stream.standard.large', 'stream.graphics.g5.24xlarge', 'stream.graphics-pro.4xlarge', 'stream.memory.z1d.3xlarge'])('of(%s) is accepted', (name) => {
    expect(InstanceType.of(name).toString()).toBe(name);
  });

  test.each([
    'm5.large', 'standard.medium', 'stream.standard', 'stream.Standard.medium', '', 'stream.standard.medium ',
    // Price-list labels (also in cfn-lint's list derived from the price list); CreateFleet documents only stream.* names.
    'GeneralPurpose.m7i.large', 'Accelerated.g6e.xlarge', 'MemoryOptimized.r7a.xlarge',
  ])('of(%j) is refused', (name) => {
    expect(() => InstanceType.of(name)).toThrow(/is not an AppStream instance type; expected "stream.<family>\[.<generation>\].<size>", such as "stream.standard.medium"/);
  });

  test('tokens are accepted', () => {
    const token = Token.asString({ Ref: 'TypeParam' });
    expect(InstanceType.of(token).value).toBe(token);
  });
});
