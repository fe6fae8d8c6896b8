import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { FleetPlatform } from '../src/fleet/fleet-platform';
import { FleetImage, FleetImageConfig } from '../src/fleet/image';

describe('FleetImage', () => {
  const scope = new Stack(new App(), 'S');

  test('fromName binds to an image name only', () => {
    expect(FleetImage.fromName('AppStream-WinServer2022-09-01-2025').bind(scope)).toEqual({ imageName: 'AppStream-WinServer2022-09-01-2025' });
  });

  test('fromArn binds to an image ARN only', () => {
    const arn = 'arn:aws:appstream:us-east-1:123456789012:image/Mine';
    expect(FleetImage.fromArn(arn).bind(scope)).toEqual({ imageArn: arn });
  });

  test('bind is an extension point for other image sources', () => {
    class Custom extends FleetImage {
      public bind(s: Construct): FleetImageConfig {
        return { imageName: `${s.node.id}-image` };
      }
    }
    expect(new Custom().bind(scope)).toEqual({ imageName: 'S-image' });
  });
});

describe('FleetPlatform', () => {
  test('constants and of()', () => {
    expect(FleetPlatform.WINDOWS_SERVER_2022.value).toBe('WINDOWS_SERVER_2022');
    expect(FleetPlatform.UBUNTU_PRO_2404.toString()).toBe('UBUNTU_PRO_2404');
    expect(FleetPlatform.of('NEW_OS_2030').value).toBe('NEW_OS_2030');
    // AWS's model gives no pattern for a platform: of() checks only that the value is not empty.
    expect(() => FleetPlatform.of('')).toThrow(/FleetPlatform.of: expects the platform's API value as a non-empty string/);
  });
});
