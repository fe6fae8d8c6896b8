import {
  ArnFormat, CustomResource, IResource, Lazy, Names, RemovalPolicy, Resource, Stack, TagManager, TagType, ITaggable,
} from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { ImageSource } from './image-source';
import {
  IMAGE_RESOURCE_TYPE, ImageAttributes, ImageProps as ImagePropNames, ImageRemovalPolicies, NAME_PREFIX_MAX_LENGTH,
} from './private/image-contract';
import { ImageSourceBinding } from './private/image-source-binding';
import { validateImageProps } from './private/image-validation';
import { AppStreamProvider } from '../core/private/appstream-provider';
import { PropsValidator } from '../core/private/validation';

/**
 * An AppStream image: made by this app (`Image`) or imported (`Image.fromImageName()`,
 * `Image.fromImageArn()`).
 */
export interface IImage extends IResource {
  /**
   * The name of the image.
   * @attribute
   */
  readonly imageName: string;

  /**
   * The ARN of the image.
   * @attribute
   */
  readonly imageArn: string;

  /**
   * Grants `actions` on this image (its ARN) to `grantee`.
   *
   * @param grantee who gets the permissions
   * @param actions IAM actions, such as `appstream:DescribeImagePermissions`
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;
}

/** What an image shared with other accounts lets them do (API `ImagePermissions`). */
export interface ImageSharePermissions {
  /**
   * The accounts may make fleets from the image.
   *
   * @default true
   */
  readonly allowFleet?: boolean;

  /**
   * The accounts may make image builders from the image.
   *
   * @default true
   */
  readonly allowImageBuilder?: boolean;
}

/** Properties of an `Image`. */
export interface ImageProps {
  /**
   * What the image is made from: an EC2 AMI (`ImageSource.fromAmi()`) or an existing image with the
   * latest updates (`ImageSource.updatedFrom()`). A change makes a new image (a replacement).
   */
  readonly source: ImageSource;

  /**
   * The image name, unique in the account and Region.
   *
   * A given name blocks replacement: a change of `source` makes a new image before the old one is
   * deleted, and both cannot have one name, so the deployment fails until the name changes too.
   *
   * @default - generated from the construct path and a hash of the source and the stack's id, so
   * that a new source (such as a new AMI from a pipeline) gives a new name
   */
  readonly imageName?: string;

  /**
   * The description of the image (of its copies too). The handler appends a marker,
   * `(cdk-appstream <hash>)`, by which it recognises the images it made: it never changes or
   * deletes any other.
   *
   * @default - the marker alone
   */
  readonly description?: string;

  /**
   * The name shown to users for the image.
   *
   * @default - none
   */
  readonly displayName?: string;

  /**
   * The accounts (12-digit ids) the image is shared with, and each copy in its Region too. Changes
   * are applied to the existing image (no replacement); accounts removed from the list lose access,
   * and shares that this resource did not make are never touched.
   *
   * @default - not shared
   */
  readonly shareWith?: string[];

  /**
   * What the accounts of `shareWith` may do with the image.
   *
   * @default - fleets and image builders
   */
  readonly sharePermissions?: ImageSharePermissions;

  /**
   * Regions the image is copied to (CopyImage), under the same name; the deployment waits until
   * every copy is AVAILABLE. Regions added later are copied to then (no replacement); a Region
   * removed keeps its copy unless `removalPolicy` is DESTROY.
   *
   * @default - no copies
   */
  readonly copyTo?: string[];

  /**
   * What deleting the construct (or replacing the image) does to the image and its copies:
   * RETAIN keeps them (an image is valuable, and fleets of other stacks may use it), DESTROY
   * deletes them (and the shares this resource made). Only images this resource made are ever
   * deleted, and one already gone is no error.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Tags of the image (in its own Region: CopyImage copies no tags). `Tags.of()` adds to them.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Attributes of an image made elsewhere, for `Image.fromImageAttributes()`. */
export interface ImageAttributesProps {
  /**
   * The image name.
   *
   * @default - taken from `imageArn`
   */
  readonly imageName?: string;

  /**
   * The image ARN.
   *
   * @default - an image of this stack's account and Region named `imageName`
   */
  readonly imageArn?: string;
}

/** What `Image` and imported images share: grants on the image ARN. */
export abstract class ImageBase extends Resource implements IImage {
  public abstract readonly imageName: string;
  public abstract readonly imageArn: string;

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.imageArn] });
  }
}

/**
 * An AppStream (WorkSpaces Applications) image made at deployment time, and waited for until it is
 * AVAILABLE: imported from an EC2 AMI (`ImageSource.fromAmi()`, e.g. the output of an EC2 Image
 * Builder pipeline) or made from an existing image with the latest OS, driver and agent updates
 * (`ImageSource.updatedFrom()`); optionally shared with accounts and copied to Regions.
 *
 * A failed image fails the deployment with the image's own reason. Use it with
 * `FleetImage.fromImage(image)`.
 *
 * @resource Custom::AppStreamImage
 */
export class Image extends ImageBase implements ITaggable {
  /**
   * Imports an image by name (of this stack's account and Region).
   *
   * @param scope scope of the import
   * @param id construct id
   * @param imageName the image name
   */
  public static fromImageName(scope: Construct, id: string, imageName: string): IImage {
    return Image.fromImageAttributes(scope, id, { imageName });
  }

  /**
   * Imports an image by ARN (`arn:<partition>:appstream:<region>:<account>:image/<name>`).
   *
   * @param scope scope of the import
   * @param id construct id
   * @param imageArn the image ARN
   */
  public static fromImageArn(scope: Construct, id: string, imageArn: string): IImage {
    return Image.fromImageAttributes(scope, id, { imageArn });
  }

  /**
   * Imports an image by name or ARN.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param attrs the image's name or ARN (or both)
   */
  public static fromImageAttributes(scope: Construct, id: string, attrs: ImageAttributesProps): IImage {
    if (attrs.imageName === undefined && attrs.imageArn === undefined) {
      throw new Error(`${scope.node.path}/${id}: Image.fromImageAttributes needs imageName or imageArn`);
    }
    const stack = Stack.of(scope);
    const imageArn = attrs.imageArn ?? imageArnOf(stack, attrs.imageName!);
    const imageName = attrs.imageName ?? stack.splitArn(imageArn, ArnFormat.SLASH_RESOURCE_NAME).resourceName!;
    class Import extends ImageBase {
      public readonly imageName = imageName;
      public readonly imageArn = imageArn;
    }
    return new Import(scope, id);
  }

  /**
   * The image name: given, or generated at deployment time (a deploy-time token either way, so that
   * whatever uses it waits until the image is AVAILABLE).
   */
  public readonly imageName: string;

  /** The image ARN (a deploy-time token: whatever uses it waits until the image is AVAILABLE). */
  public readonly imageArn: string;

  /** Tags of the image. */
  public readonly tags: TagManager;

  /**
   * The image's ARN as a literal (with `*` for a generated name), for the provider's grants.
   * @internal
   */
  public readonly _arnForGrants: string;

  /** The custom resource that makes the image. */
  private readonly resource: CustomResource;

  /** What deleting the resource does to the images it made (`removalPolicy`, or `applyRemovalPolicy()`). */
  private removalPolicy: RemovalPolicy;

  constructor(scope: Construct, id: string, props: ImageProps) {
    super(scope, id, { physicalName: props.imageName });
    const validator = new PropsValidator(this);
    validateImageProps(validator, props, Stack.of(this).region);
    validator.throwIfInvalid();

    this.tags = new TagManager(TagType.MAP, IMAGE_RESOURCE_TYPE, props.tags);
    this.removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    const source: ImageSourceBinding = props.source._bind(this);
    const namePrefix = props.imageName === undefined
      ? Names.uniqueResourceName(this, { maxLength: NAME_PREFIX_MAX_LENGTH })
      : undefined;
    // The handler's role acts on this image's name (a generated one: every name of this prefix).
    const nameInArns = props.imageName ?? `${namePrefix}-*`;
    const provider = AppStreamProvider.getOrCreate(this);
    const stack = Stack.of(this);
    this._arnForGrants = imageArnOf(stack, nameInArns);
    provider.grantManageImages([
      this._arnForGrants,
      ...(props.copyTo ?? []).map((region) => imageArnOf(stack, nameInArns, region)),
    ]);
    if (source.sourceImageArn) {
      provider.grantManageImages([source.sourceImageArn]);
    }
    if (source.role) {
      provider.grantPassRole(source.role);
    }
    const permissions = props.sharePermissions ?? {};
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: IMAGE_RESOURCE_TYPE,
      properties: {
        [ImagePropNames.IMAGE_NAME]: props.imageName,
        [ImagePropNames.NAME_PREFIX]: namePrefix,
        [ImagePropNames.SOURCE]: {
          ...source.properties,
          Description: props.description,
          DisplayName: props.displayName,
        },
        [ImagePropNames.SHARE_WITH]: props.shareWith?.map((accountId) => ({
          AccountId: accountId,
          AllowFleet: permissions.allowFleet ?? true,
          AllowImageBuilder: permissions.allowImageBuilder ?? true,
        })),
        [ImagePropNames.COPY_TO]: props.copyTo,
        [ImagePropNames.REMOVAL_POLICY]: Lazy.string({
          produce: () => (this.removalPolicy === RemovalPolicy.DESTROY ? ImageRemovalPolicies.DESTROY : ImageRemovalPolicies.RETAIN),
        }),
        [ImagePropNames.TAGS]: Lazy.any({ produce: () => this.tags.renderTags() }),
      },
    });
    for (const dependency of source.dependencies) {
      this.resource.node.addDependency(dependency);
    }
    this.imageName = this.resource.getAttString(ImageAttributes.IMAGE_NAME);
    this.imageArn = this.resource.getAttString(ImageAttributes.IMAGE_ARN);
  }

  /**
   * Sets what deleting the construct (or replacing the image) does to the image and its copies,
   * as the `removalPolicy` prop does: RETAIN keeps them, DESTROY deletes them. The custom resource
   * itself is always deleted; its handler decides.
   *
   * @param policy RemovalPolicy.RETAIN or RemovalPolicy.DESTROY
   */
  public applyRemovalPolicy(policy: RemovalPolicy): void {
    if (policy !== RemovalPolicy.RETAIN && policy !== RemovalPolicy.DESTROY) {
      throw new Error(`${this.node.path}: an Image takes RemovalPolicy.RETAIN or RemovalPolicy.DESTROY, not ${policy}`);
    }
    this.removalPolicy = policy;
  }
}

/** The ARN of the image named `imageName` (which may end with `*`) in the stack's account and `region`. */
function imageArnOf(stack: Stack, imageName: string, region?: string): string {
  return stack.formatArn({ service: 'appstream', resource: 'image', resourceName: imageName, region, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
}
