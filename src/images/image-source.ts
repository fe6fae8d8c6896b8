import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { IImage } from './image';
import { ImageSources } from './private/image-contract';
import { ImageSourceBinding } from './private/image-source-binding';
import { validateAmiSource } from './private/image-validation';
import { AppStreamProvider } from '../core/private/appstream-provider';
import { enumLikeValue } from '../core/private/enum-like';
import { PropsValidator } from '../core/private/validation';
import { InstanceType } from '../fleet/instance-type';

/**
 * Which AppStream agent an imported image runs (API `AgentSoftwareVersion`).
 *
 * AWS may add values: use `AgentSoftwareVersion.of('NEW_VALUE')` for one newer than this library.
 */
export class AgentSoftwareVersion {
  /** The agent available when the image is imported. */
  public static readonly CURRENT_LATEST = new AgentSoftwareVersion('CURRENT_LATEST');
  /** Always the newest agent: instances update it when AWS releases one. */
  public static readonly ALWAYS_LATEST = new AgentSoftwareVersion('ALWAYS_LATEST');

  /**
   * An agent version by its API value, such as `CURRENT_LATEST`.
   *
   * @param value the API value
   */
  public static of(value: string): AgentSoftwareVersion {
    return new AgentSoftwareVersion(enumLikeValue({ className: 'AgentSoftwareVersion', what: 'the API value', example: 'CURRENT_LATEST' }, value));
  }

  /** The API value, such as `CURRENT_LATEST`. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  /** The API value. */
  public toString(): string {
    return this.value;
  }
}

/** An application of an imported image's catalog (API `ApplicationConfig`). */
export interface ImageApplication {
  /** The application's name, unique in the catalog (a letter or digit, then up to 99 letters, digits, `_`, `.` or `-`). */
  readonly name: string;

  /** The absolute path of the executable, such as `C:\\Windows\\System32\\notepad.exe`. */
  readonly absoluteAppPath: string;

  /**
   * The name shown to users.
   *
   * @default - the name
   */
  readonly displayName?: string;

  /**
   * The absolute path of the icon (PNG).
   *
   * @default - taken from the executable
   */
  readonly absoluteIconPath?: string;

  /**
   * The absolute path of the application's prewarm manifest.
   *
   * @default - none
   */
  readonly absoluteManifestPath?: string;

  /**
   * The working directory of the application.
   *
   * @default - none
   */
  readonly workingDirectory?: string;

  /**
   * The command-line parameters of the application (at most 1024 characters).
   *
   * @default - none
   */
  readonly launchParameters?: string;
}

/** Options of `ImageSource.fromAmi()` (CreateImportedImage). */
export interface ImageFromAmiOptions {
  /**
   * The EC2 AMI to import (`ami-...`), such as the `attrImageId` of an EC2 Image Builder
   * `CfnImage` (a token is not judged).
   */
  readonly amiId: string;

  /**
   * The role AppStream assumes to read and modify the AMI's attributes (trusting
   * `appstream.amazonaws.com`).
   *
   * @default - a new role allowed `ec2:DescribeImages` and `ec2:ModifyImageAttribute` on this AMI only
   */
  readonly role?: iam.IRole;

  /**
   * The AppStream agent of the image.
   *
   * @default - AppStream's default
   */
  readonly agentSoftwareVersion?: AgentSoftwareVersion;

  /**
   * The applications users may stream (at most 50).
   *
   * @default - none
   */
  readonly applications?: ImageApplication[];

  /**
   * Launch an instance of this type to check that the image streams before it is AVAILABLE
   * (API `RuntimeValidationConfig`): the instance type of the fleets that will use it.
   *
   * @default - no runtime validation
   */
  readonly runtimeValidationInstanceType?: InstanceType;
}

/** What an `Image` is made from. */
export abstract class ImageSource {
  /**
   * An AppStream image imported from an EC2 AMI (CreateImportedImage), such as one that an EC2
   * Image Builder pipeline made.
   *
   * @param options the AMI and how to import it
   */
  public static fromAmi(options: ImageFromAmiOptions): ImageSource {
    return new AmiImageSource(options);
  }

  /**
   * A copy of an existing image with the latest Windows updates, drivers and AppStream agent
   * (CreateUpdatedImage, "managed image updates"). The existing image is left as it is.
   *
   * @param image the image to update: an `Image` of this app, or one imported with
   * `Image.fromImageName()`
   */
  public static updatedFrom(image: IImage): ImageSource {
    return new UpdatedImageSource(image);
  }

  /**
   * The source kind, `IMPORTED` or `UPDATED`.
   * @internal
   */
  public abstract readonly _kind: string;

  /**
   * Records every problem of the source's options.
   * @internal
   */
  public abstract _validate(v: PropsValidator): void;

  /**
   * Binds the source to the image made from it.
   * @internal
   */
  public abstract _bind(scope: Construct): ImageSourceBinding;
}

class AmiImageSource extends ImageSource {
  public readonly _kind = ImageSources.IMPORTED;

  constructor(private readonly options: ImageFromAmiOptions) {
    super();
  }

  public _validate(v: PropsValidator): void {
    validateAmiSource(v, this.options);
  }

  public _bind(scope: Construct): ImageSourceBinding {
    const options = this.options;
    const role = options.role ?? this.defaultRole(scope);
    return {
      properties: {
        Kind: this._kind,
        SourceAmiId: options.amiId,
        IamRoleArn: role.roleArn,
        AgentSoftwareVersion: options.agentSoftwareVersion?.value,
        AppCatalogConfig: options.applications?.map((app) => ({
          Name: app.name,
          DisplayName: app.displayName,
          AbsoluteAppPath: app.absoluteAppPath,
          AbsoluteIconPath: app.absoluteIconPath,
          AbsoluteManifestPath: app.absoluteManifestPath,
          WorkingDirectory: app.workingDirectory,
          LaunchParameters: app.launchParameters,
        })),
        RuntimeValidationConfig: options.runtimeValidationInstanceType
          ? { IntendedInstanceType: options.runtimeValidationInstanceType.value }
          : undefined,
      },
      role,
      // The image is imported after the role's policy exists (AppStream checks it at once).
      dependencies: [role],
    };
  }

  /** A role that AppStream assumes, allowed to read the AMI and modify its attributes, nothing else. */
  private defaultRole(scope: Construct): iam.IRole {
    const role = new iam.Role(scope, 'ImportRole', {
      assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com'),
      description: 'Lets AppStream import an EC2 AMI as an image (cdk-appstream)',
    });
    const stack = Stack.of(scope);
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['ec2:ModifyImageAttribute'],
      resources: [stack.formatArn({
        service: 'ec2', account: '', resource: 'image', resourceName: this.options.amiId, arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      })],
    }));
    // ec2:DescribeImages has no resource type in the Service Authorization Reference: "*" only.
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ec2:DescribeImages'], resources: ['*'] }));
    AppStreamProvider.getOrCreate(scope).acknowledgeNagFinding('AwsSolutions-IAM5[Resource::*]',
      'ec2:DescribeImages, which AppStream needs to import the AMI, has no resource type in the Service Authorization Reference: '
      + 'it takes "*" only, and only reads.', role);
    return role;
  }
}

class UpdatedImageSource extends ImageSource {
  public readonly _kind = ImageSources.UPDATED;

  constructor(private readonly image: IImage) {
    super();
  }

  public _validate(v: PropsValidator): void {
    if (typeof this.image !== 'object' || this.image === null || typeof this.image.imageName !== 'string') {
      v.fail('source', this.image, 'ImageSource.updatedFrom() takes an image such as Image.fromImageName(this, "Base", "my-image")');
    }
  }

  public _bind(_scope: Construct): ImageSourceBinding {
    return {
      properties: { Kind: this._kind, ExistingImageName: this.image.imageName },
      // An `Image` of this app names its ARN for grants as a literal: its `imageArn` attribute in
      // the provider's role policy would make a cycle (policy → image → provider → policy).
      sourceImageArn: (this.image as { readonly _arnForGrants?: string })._arnForGrants ?? this.image.imageArn,
      dependencies: [],
    };
  }
}
