import { Construct } from 'constructs';

/**
 * How a fleet refers to its image: by name or by ARN (exactly one of the two).
 */
export interface FleetImageConfig {
  /**
   * The name of the image, rendered as the fleet's `ImageName`.
   *
   * @default - the image is given by `imageArn`
   */
  readonly imageName?: string;

  /**
   * The ARN of the image (public, private or shared), rendered as the fleet's `ImageArn`.
   *
   * @default - the image is given by `imageName`
   */
  readonly imageArn?: string;
}

/**
 * The image that a fleet's streaming instances start from.
 */
export abstract class FleetImage {
  /**
   * An image by name, such as `AppStream-WinServer2022-09-01-2025` or the name of one of your
   * own images.
   *
   * @param imageName the image name (1 to 100 characters: letters, digits, `_`, `.` and `-`,
   * starting with a letter or digit); validated when the fleet is synthesized
   */
  public static fromName(imageName: string): FleetImage {
    return new StaticFleetImage({ imageName });
  }

  /**
   * An image by ARN: a public, private or shared image
   * (`arn:aws:appstream:<region>:<account>:image/<name>`).
   *
   * @param imageArn the image ARN; validated when the fleet is synthesized
   */
  public static fromArn(imageArn: string): FleetImage {
    return new StaticFleetImage({ imageArn });
  }

  /**
   * Binds the image to the fleet that uses it and returns how the fleet refers to it.
   *
   * @param scope the fleet that uses the image
   */
  public abstract bind(scope: Construct): FleetImageConfig;
}

class StaticFleetImage extends FleetImage {
  constructor(private readonly config: FleetImageConfig) {
    super();
  }

  public bind(_scope: Construct): FleetImageConfig {
    return this.config;
  }
}
