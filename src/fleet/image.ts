import { Construct } from 'constructs';
import { FleetPlatform } from './fleet-platform';
import { ImageLookup } from './private/image-lookup-resource';
import type { IImage } from '../images/image';

/**
 * Who owns the images that a look-up considers.
 */
export enum ImageVisibility {
  /** Images that AWS publishes. */
  PUBLIC = 'PUBLIC',
  /** Images of this account. */
  PRIVATE = 'PRIVATE',
  /** Images that other accounts share with this one. */
  SHARED = 'SHARED',
}

/**
 * Options of `FleetImage.latest()`.
 */
export interface LatestFleetImageOptions {
  /**
   * The start of the image names to consider, such as `AppStream-WinServer2022-`.
   */
  readonly namePrefix: string;

  /**
   * Only images of this platform.
   *
   * @default - images of any platform
   */
  readonly platform?: FleetPlatform;

  /**
   * Only images of this visibility.
   *
   * @default - public, private and shared images alike
   */
  readonly visibility?: ImageVisibility;

  /**
   * The look-up runs when the fleet is first deployed and again only when this value (or another
   * option) changes: a deployment never switches images by surprise. Set it to a new value, such
   * as a date, to pick up the newest image on the next deployment.
   *
   * @default - the image found on the first deployment is kept
   */
  readonly refreshToken?: string;
}

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
   * @param imageArn the image ARN, `arn:<partition>:appstream:<region>:<account>:image/<name>` (the
   * account is empty for AWS's public images); the fleet that uses it refuses any other ARN (a
   * token is not judged)
   */
  public static fromArn(imageArn: string): FleetImage {
    return new StaticFleetImage({ imageArn });
  }

  /**
   * An image of this app (`Image`, made at deployment time: the fleet waits until it is AVAILABLE)
   * or an imported one (`Image.fromImageName()`), given to the fleet by ARN.
   *
   * @param image the image
   */
  public static fromImage(image: IImage): FleetImage {
    return new StaticFleetImage({ imageArn: image.imageArn });
  }

  /**
   * The newest AVAILABLE image whose name starts with `namePrefix`, found at deployment time
   * (DescribeImages), given to the fleet by ARN. It is looked up again only when the options change
   * (see `refreshToken`).
   *
   * @param options what to look for
   */
  public static latest(options: LatestFleetImageOptions): FleetImage {
    return new LatestFleetImage(options);
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

class LatestFleetImage extends FleetImage {
  constructor(private readonly options: LatestFleetImageOptions) {
    super();
  }

  public bind(scope: Construct): FleetImageConfig {
    const lookup = new ImageLookup(scope, 'LatestImage', {
      namePrefix: this.options.namePrefix,
      platform: this.options.platform?.value,
      type: this.options.visibility,
      refreshToken: this.options.refreshToken,
    });
    // The ARN, not the name: CreateFleet documents ImageArn for public, private and shared images alike.
    return { imageArn: lookup.imageArn };
  }
}
