import { Duration, IResource, Resource } from 'aws-cdk-lib';
import { CfnAppBlock } from 'aws-cdk-lib/aws-appstream';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IDependable } from 'constructs';
import { AppStreamFile, AppStreamFileConfig } from './app-file';
import {
  replaceableName, validateBucket, validateFile, validateNames, validateNonEmpty, validateScriptTimeout, warnIfNameGiven,
} from './private/apps-validation';
import { appStreamArn, appStreamResourceName } from './private/arns';
import { checkObject } from '../core/private/input-types';
import { grantServiceAccess } from '../core/private/service-access';
import { applyTags, validateTags } from '../core/private/tags';
import { PropsValidator } from '../core/private/validation';
import { Warnings } from '../core/private/warnings';

/**
 * An AppStream app block: the package of an application that Elastic fleets (and app block
 * builders) mount when a session starts.
 */
export interface IAppBlock extends IResource {
  /**
   * The name of the app block.
   * @attribute
   */
  readonly appBlockName: string;

  /**
   * The ARN of the app block.
   * @attribute
   */
  readonly appBlockArn: string;

  /**
   * Grants `actions` on this app block (its ARN) to `grantee`.
   *
   * @param grantee who gets the permissions
   * @param actions IAM actions, such as `appstream:DescribeAppBlocks`
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;
}

/**
 * A script that AppStream runs from an app block: the setup script of a CUSTOM app block, the
 * post-setup script of an APPSTREAM2 one.
 */
export interface AppBlockScript {
  /** The script file, fetched from S3 with the app block. */
  readonly file: AppStreamFile;

  /**
   * The path of the executable that runs the script on the instance, such as
   * `C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe` or `/bin/bash`.
   */
  readonly executablePath: string;

  /**
   * The parameters passed to the executable, such as
   * `-ExecutionPolicy Bypass -File C:\AppStream\AppBlocks\MyApp\setup.ps1`.
   *
   * @default - none
   */
  readonly executableParameters?: string;

  /** How long the script may run (a whole number of seconds, at least 1). */
  readonly timeout: Duration;
}

/**
 * Options of `AppBlockContent.custom()`.
 */
export interface CustomAppBlockOptions {
  /** The application package: a VHD (Windows) or an image or archive (Linux) that the setup script mounts or extracts. */
  readonly source: AppStreamFile;

  /** The script that sets the application up on the instance (mounts the package). */
  readonly setupScript: AppBlockScript;
}

/**
 * Options of `AppBlockContent.appStreamPackage()`.
 */
export interface AppStreamPackageOptions {
  /**
   * An existing application package (VHD) made by an app block builder.
   *
   * @default - none: a new package, which an app block builder creates in `bucket`
   */
  readonly package?: AppStreamFile;

  /**
   * The bucket in which an app block builder creates the new package. Required without `package`,
   * not allowed with it.
   *
   * AppStream gets `s3:GetObject` and `s3:PutObject` on the objects of this bucket (the package's
   * key is AppStream's to choose), on behalf of this stack's account only.
   *
   * @default - none: `package` is given
   */
  readonly bucket?: s3.IBucket;

  /**
   * A script that AppStream runs after it mounts the package.
   *
   * @default - none
   */
  readonly postSetupScript?: AppBlockScript;
}

/** The packaging type of an app block (API `PackagingType`). */
export enum AppBlockPackagingType {
  /** A package and a setup script of your own. */
  CUSTOM = 'CUSTOM',
  /** A package that an AppStream app block builder makes. */
  APPSTREAM2 = 'APPSTREAM2',
}

/**
 * What an app block holds: a package of your own with its setup script (`custom()`), or a package
 * made by an app block builder (`appStreamPackage()`).
 */
export class AppBlockContent {
  /**
   * A CUSTOM app block: your package (such as a VHD) and the script that mounts it.
   *
   * @param options the package and its setup script
   */
  public static custom(options: CustomAppBlockOptions): AppBlockContent {
    return new AppBlockContent(AppBlockPackagingType.CUSTOM, options);
  }

  /**
   * An APPSTREAM2 app block: a package that an app block builder makes, new (in a bucket) or
   * existing (a VHD), with an optional post-setup script.
   *
   * @param options the package or its bucket, and the post-setup script
   */
  public static appStreamPackage(options: AppStreamPackageOptions): AppBlockContent {
    return new AppBlockContent(AppBlockPackagingType.APPSTREAM2, options);
  }

  /** The packaging type. */
  public readonly packagingType: AppBlockPackagingType;

  /** @internal */
  public readonly _custom?: CustomAppBlockOptions;
  /** @internal */
  public readonly _package?: AppStreamPackageOptions;

  private constructor(packagingType: AppBlockPackagingType, options: CustomAppBlockOptions | AppStreamPackageOptions) {
    this.packagingType = packagingType;
    if (packagingType === AppBlockPackagingType.CUSTOM) {
      this._custom = options as CustomAppBlockOptions;
    } else {
      this._package = options as AppStreamPackageOptions;
    }
  }
}

/**
 * Properties of an app block.
 */
export interface AppBlockProps {
  /** What the app block holds. */
  readonly content: AppBlockContent;

  /**
   * The name of the app block (1 to 101 characters: letters, digits, `_`, `.` and `-`, starting with
   * a letter or digit).
   *
   * Every property of an app block is create-only: any change replaces it, and a given name makes
   * such a change fail (the new app block is created, with the same name, before the old one is
   * deleted). The construct warns when it is given.
   *
   * @default - a name generated from the construct path and a hash of the properties, so that a
   * change gives the new app block a new name
   */
  readonly appBlockName?: string;

  /**
   * The display name (at most 100 characters; not shown to users).
   *
   * @default - none
   */
  readonly displayName?: string;

  /**
   * The description (at most 256 characters).
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Tags for the app block (at most 50). `Tags.of()` works as well.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Attributes of an app block defined outside this app.
 */
export interface AppBlockAttributes {
  /**
   * The name of the app block.
   *
   * @default - taken from `appBlockArn`
   */
  readonly appBlockName?: string;

  /**
   * The ARN of the app block.
   *
   * @default - built from `appBlockName` in this stack's account and region
   */
  readonly appBlockArn?: string;
}

/**
 * What owned and imported app blocks share.
 */
export abstract class AppBlockBase extends Resource implements IAppBlock {
  public abstract readonly appBlockName: string;
  public abstract readonly appBlockArn: string;

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.appBlockArn] });
  }
}

/** The IAM resource type of app blocks (`arn:<partition>:appstream:<region>:<account>:app-block/<name>`). */
const RESOURCE_TYPE = 'app-block';

/**
 * An AppStream app block: an application package in S3 and the script that sets it up, for
 * Elastic fleets (through applications) and app block builders.
 *
 * AppStream reads the package and the scripts from S3: the app block lets the AppStream service
 * principal `s3:GetObject` those objects only, on behalf of this stack's account only.
 *
 * @resource AWS::AppStream::AppBlock
 */
export class AppBlock extends AppBlockBase {
  /**
   * Imports an app block by name (in this stack's account and region).
   *
   * @param scope scope of the import
   * @param id construct id
   * @param appBlockName the app block's name
   */
  public static fromAppBlockName(scope: Construct, id: string, appBlockName: string): IAppBlock {
    return AppBlock.fromAppBlockAttributes(scope, id, { appBlockName });
  }

  /**
   * Imports an app block by ARN.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param appBlockArn the app block's ARN (`arn:aws:appstream:<region>:<account>:app-block/<name>`)
   */
  public static fromAppBlockArn(scope: Construct, id: string, appBlockArn: string): IAppBlock {
    return AppBlock.fromAppBlockAttributes(scope, id, { appBlockArn });
  }

  /**
   * Imports an app block from its name or ARN.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param attrs the app block's attributes
   */
  public static fromAppBlockAttributes(scope: Construct, id: string, attrs: AppBlockAttributes): IAppBlock {
    const appBlockName = appStreamResourceName(scope, id, 'AppBlock.fromAppBlockAttributes', attrs.appBlockName, attrs.appBlockArn);
    const appBlockArn = attrs.appBlockArn ?? appStreamArn(scope, RESOURCE_TYPE, appBlockName);
    class Import extends AppBlockBase {
      public readonly appBlockName = appBlockName;
      public readonly appBlockArn = appBlockArn;
    }
    return new Import(scope, id, { environmentFromArn: attrs.appBlockArn });
  }

  /**
   * The name of the app block.
   * @attribute
   */
  public readonly appBlockName: string;

  /**
   * The ARN of the app block.
   * @attribute
   */
  public readonly appBlockArn: string;

  /** The packaging type. */
  public readonly packagingType: AppBlockPackagingType;

  private readonly resource: CfnAppBlock;
  /** What must exist before the app block: the copies of its files. */
  private readonly dependencies: IDependable[] = [];

  constructor(scope: Construct, id: string, props: AppBlockProps) {
    super(scope, id, {
      physicalName: replaceableName(() => this, props?.appBlockName, () => this.createOnlyProperties()),
    });
    const types = new PropsValidator(this);
    const contentExample = 'an AppBlockContent such as AppBlockContent.custom({ source, setupScript })';
    if (props?.content === undefined) {
      types.fail('content', undefined, `is required: ${contentExample}`);
    }
    checkObject(types, 'content', props?.content, contentExample, ['packagingType']);
    types.throwIfInvalid();

    this.packagingType = props.content.packagingType;
    const v = new PropsValidator(this);
    validateNames(v, 'appBlockName', { name: props.appBlockName, displayName: props.displayName, description: props.description });
    validateTags(v, props.tags);
    const custom = props.content._custom;
    const pkg = props.content._package;
    let source: CfnAppBlock.S3LocationProperty | undefined;
    let setupScript: CfnAppBlock.ScriptDetailsProperty | undefined;
    let postSetupScript: CfnAppBlock.ScriptDetailsProperty | undefined;
    if (custom) {
      if (custom.source === undefined) {
        v.failRule('content.source: is required for a CUSTOM app block (the package that the setup script mounts)');
      } else {
        source = this.bindFile(v, 'content.source', custom.source, 'Source');
      }
      if (custom.setupScript === undefined) {
        v.failRule('content.setupScript: is required for a CUSTOM app block');
      } else {
        setupScript = this.bindScript(v, 'content.setupScript', custom.setupScript, 'SetupScript');
      }
    } else if (pkg) {
      if ((pkg.package === undefined) === (pkg.bucket === undefined)) {
        v.failRule('content: an APPSTREAM2 app block takes exactly one of package (an existing package) and bucket (where an app block builder creates a new one)');
      } else if (pkg.package) {
        source = this.bindFile(v, 'content.package', pkg.package, 'Package');
      } else {
        source = { s3Bucket: pkg.bucket!.bucketName };
        validateBucket(v, 'content.bucket', pkg.bucket!);
        // The package's key is AppStream's to choose: the objects of the bucket, for this account only.
        grantServiceAccess(this, pkg.bucket!, {
          key: '*',
          actions: ['s3:GetObject', 's3:PutObject'],
          warningId: Warnings.APP_FILE_BUCKET_POLICY,
          what: 'the objects of the bucket (the new application package)',
          owner: 'this stack\'s account',
        });
        if (pkg.bucket!.policy) {
          this.dependencies.push(pkg.bucket!.policy);
        }
      }
      if (pkg.postSetupScript !== undefined) {
        postSetupScript = this.bindScript(v, 'content.postSetupScript', pkg.postSetupScript, 'PostSetupScript');
      }
    }
    v.throwIfInvalid();

    this.resource = new CfnAppBlock(this, 'Resource', {
      name: this.physicalName,
      displayName: props.displayName,
      description: props.description,
      packagingType: this.packagingType,
      sourceS3Location: source!,
      setupScriptDetails: setupScript,
      postSetupScriptDetails: postSetupScript,
    });
    for (const dependency of this.dependencies) {
      this.resource.node.addDependency(dependency);
    }
    applyTags(this, props.tags, this.resource.tags);
    warnIfNameGiven(this, 'appBlockName', props.appBlockName, 'any property');

    // Ref is the ARN; the name is the physical name (generated names resolve at synthesis).
    this.appBlockArn = this.resource.attrArn;
    this.appBlockName = this.physicalName;
  }


  /** Every property but the name and the tags: all of them are create-only. */
  private createOnlyProperties(): unknown {
    const r = this.resource;
    return [r.displayName, r.description, r.packagingType, r.sourceS3Location, r.setupScriptDetails, r.postSetupScriptDetails];
  }

  private bindFile(v: PropsValidator, property: string, file: AppStreamFile, id: string): CfnAppBlock.S3LocationProperty | undefined {
    if (!checkObject(v, property, file, 'an AppStreamFile such as AppStreamFile.fromAsset("app.vhd")', ['bind'])) {
      return undefined;
    }
    const config: AppStreamFileConfig = file.bind(this, id);
    validateFile(v, property, config);
    if (config.dependency) {
      this.dependencies.push(config.dependency);
    }
    return { s3Bucket: config.bucket.bucketName, s3Key: config.key };
  }

  private bindScript(v: PropsValidator, property: string, script: AppBlockScript, id: string): CfnAppBlock.ScriptDetailsProperty | undefined {
    if (!checkObject(v, property, script, 'an AppBlockScript such as { file, executablePath, timeout }', ['file', 'executablePath', 'timeout'])) {
      return undefined;
    }
    validateNonEmpty(v, `${property}.executablePath`, script.executablePath);
    validateNonEmpty(v, `${property}.executableParameters`, script.executableParameters);
    validateScriptTimeout(v, `${property}.timeout`, script.timeout);
    const location = this.bindFile(v, `${property}.file`, script.file, id);
    if (!location || !(script.timeout instanceof Duration)) {
      return undefined;
    }
    return {
      scriptS3Location: location,
      executablePath: script.executablePath,
      executableParameters: script.executableParameters,
      // Not integral: a fraction of a second is reported by the validator, not thrown here.
      timeoutInSeconds: script.timeout.toSeconds({ integral: false }),
    };
  }
}
