import { Token } from 'aws-cdk-lib';
import { InstanceType } from '../src/instance-type';

describe('InstanceType', () => {
  test('constants carry the API value', () => {
    expect(InstanceType.STANDARD_MEDIUM.value).toBe('stream.standard.medium');
    expect(InstanceType.COMPUTE_LARGE.toString()).toBe('stream.compute.large');
    expect(InstanceType.MEMORY_Z1D_12XLARGE.value).toBe('stream.memory.z1d.12xlarge');
    expect(InstanceType.GRAPHICS_G4DN_XLARGE.value).toBe('stream.graphics.g4dn.xlarge');
    expect(InstanceType.GRAPHICS_G6F_LARGE.value).toBe('stream.graphics.g6f.large');
    expect(InstanceType.GENERAL_PURPOSE_M7I_FLEX_LARGE.value).toBe('GeneralPurpose.m7i-flex.large');
    expect(InstanceType.ACCELERATED_G6E_48XLARGE.value).toBe('Accelerated.g6e.48xlarge');
  });

  test('every constant is a well-formed, distinct instance type', () => {
    const values = Object.values(InstanceType).filter((v): v is InstanceType => v instanceof InstanceType).map(v => v.value);
    expect(values.length).toBeGreaterThan(200);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) {
      expect(InstanceType.of(value).value).toBe(value);
    }
  });

  test.each(['stream.standard.large', 'stream.graphics.g5.24xlarge', 'stream.graphics-pro.4xlarge', 'MemoryOptimized.r7a.xlarge'])('of(%s) is accepted', (name) => {
    expect(InstanceType.of(name).toString()).toBe(name);
  });

  test.each(['m5.large', 'standard.medium', 'stream.standard', 'stream.Standard.medium', '', 'stream.standard.medium '])('of(%j) is refused', (name) => {
    expect(() => InstanceType.of(name)).toThrow(/is not an AppStream instance type; expected a name such as "stream.standard.medium"/);
  });

  test('tokens are accepted', () => {
    const token = Token.asString({ Ref: 'TypeParam' });
    expect(InstanceType.of(token).value).toBe(token);
  });
});
