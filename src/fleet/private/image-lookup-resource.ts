import { CustomResource, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { FLEET_NAME_RULE } from './fleet-name';
import { IMAGE_LOOKUP_RESOURCE_TYPE, IMAGE_VISIBILITY_TYPES, ImageLookupAttributes, ImageLookupProps } from './image-lookup-contract';
import { AppStreamProvider } from '../../core/private/appstream-provider';
import { PropsValidator } from '../../core/private/validation';

/** Properties of `ImageLookup`. */
export interface ImageLookupResourceProps {
  /** The image name starts with this (case-sensitive), e.g. `AppStream-WinServer2022-`. */
  readonly namePrefix: string;
  /** Only images of this platform (API `PlatformType`), e.g. `WINDOWS_SERVER_2022`. @default - any platform */
  readonly platform?: string;
  /** Only images of this visibility: `PUBLIC`, `PRIVATE` or `SHARED`. @default - all three */
  readonly type?: string;
  /**
   * The look-up runs when the resource is created and again only when this value (or the
   * filter) changes. @default - looked up once, on creation
   */
  readonly refreshToken?: string;
}

/**
 * `Custom::AppStreamImageLookup`: the newest AVAILABLE image whose name starts with a prefix,
 * found at deploy time with DescribeImages. Its name and ARN are attributes.
 */
export class ImageLookup extends Construct {
  /** The image name, e.g. `AppStream-WinServer2022-09-01-2025` (a deploy-time token). */
  public readonly imageName: string;
  /** The image ARN (a deploy-time token). */
  public readonly imageArn: string;
  /** The custom resource. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: ImageLookupResourceProps) {
    super(scope, id);
    const validator = new PropsValidator(this);
    // A prefix of an image name is itself a valid image name (API `Name`: a letter or digit, then
    // letters, digits, "_", "." or "-"); anything else can never match.
    validator.string('namePrefix', props.namePrefix, {
      ...FLEET_NAME_RULE,
      patternDescription: `${FLEET_NAME_RULE.patternDescription} (the start of an image name)`,
    });
    if (props.type !== undefined && !Token.isUnresolved(props.type) && !IMAGE_VISIBILITY_TYPES.includes(props.type)) {
      validator.fail('type', props.type, `must be one of ${IMAGE_VISIBILITY_TYPES.join(', ')}`);
    }
    validator.throwIfInvalid();

    const provider = AppStreamProvider.getOrCreate(this);
    provider.grantDescribeImages();
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: IMAGE_LOOKUP_RESOURCE_TYPE,
      properties: {
        [ImageLookupProps.NAME_PREFIX]: props.namePrefix,
        [ImageLookupProps.PLATFORM]: props.platform,
        [ImageLookupProps.TYPE]: props.type,
        [ImageLookupProps.REFRESH_TOKEN]: props.refreshToken,
      },
    });
    this.imageName = this.resource.getAttString(ImageLookupAttributes.IMAGE_NAME);
    this.imageArn = this.resource.getAttString(ImageLookupAttributes.IMAGE_ARN);
  }
}
