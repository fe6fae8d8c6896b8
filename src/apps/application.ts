import { Resource, Token } from 'aws-cdk-lib';
import { CfnApplication } from 'aws-cdk-lib/aws-appstream';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { IAppBlock } from './app-block';
import { AppStreamFile } from './app-file';
import { IApplication } from './application-interface';
import { replaceableName, validateFile, validateNames, validateNonEmpty, warnIfNameGiven } from './private/apps-validation';
import { appStreamArn, appStreamResourceName } from './private/arns';
import { enumLikeValue } from '../core/private/enum-like';
import { checkArray, checkEnumLike, checkObject, checkString } from '../core/private/input-types';
import { APPLICATION_PLATFORMS_MAX } from '../core/private/limits';
import { applyTags, validateTags } from '../core/private/tags';
import { PropsValidator } from '../core/private/validation';
import { FleetPlatform } from '../fleet/fleet-platform';

/**
 * The instance families an application runs on.
 *
 * An enum-like class: `ApplicationInstanceFamily.of('NEW_FAMILY')` passes one this library does not
 * know yet.
 */
export class ApplicationInstanceFamily {
  /** General purpose instances (`stream.standard.*`, `stream.compute.*`, `stream.memory.*`). */
  public static readonly GENERAL_PURPOSE = new ApplicationInstanceFamily('GENERAL_PURPOSE');
  /** Graphics G4 instances (`stream.graphics.g4dn.*`). */
  public static readonly GRAPHICS_G4 = new ApplicationInstanceFamily('GRAPHICS_G4');

  /**
   * An instance family by its API value.
   *
   * @param value the API value, such as `GENERAL_PURPOSE`
   */
  public static of(value: string): ApplicationInstanceFamily {
    return new ApplicationInstanceFamily(enumLikeValue({ className: 'ApplicationInstanceFamily', what: "the instance family's API value", example: 'GENERAL_PURPOSE' }, value));
  }

  /** The API value, such as `GENERAL_PURPOSE`. */
  public readonly value: string;

  private constructor(value: string) {
    this.value = value;
  }

  /** The API value. */
  public toString(): string {
    return this.value;
  }
}

/**
 * Properties of an application.
 */
export interface ApplicationProps {
  /** The app block that holds the application. */
  readonly appBlock: IAppBlock;

  /** The path of the application's executable on the instance, such as `C:\Program Files\MyApp\myapp.exe`. */
  readonly launchPath: string;

  /**
   * The icon shown to users in the application catalog (a PNG file).
   */
  readonly icon: AppStreamFile;

  /**
   * The platforms the application runs on (at most 4; Elastic fleets support `WINDOWS_SERVER_2019`,
   * `AMAZON_LINUX2` and `UBUNTU_PRO_2404`). Create-only: a change replaces the application.
   */
  readonly platforms: FleetPlatform[];

  /**
   * The instance families the application runs on. Create-only: a change replaces the application.
   *
   * @default [ApplicationInstanceFamily.GENERAL_PURPOSE]
   */
  readonly instanceFamilies?: ApplicationInstanceFamily[];

  /**
   * The parameters passed to the application when it starts.
   *
   * @default - none
   */
  readonly launchParameters?: string;

  /**
   * The working directory of the application.
   *
   * @default - none
   */
  readonly workingDirectory?: string;

  /**
   * The name of the application (1 to 101 characters: letters, digits, `_`, `.` and `-`, starting
   * with a letter or digit), shown to users when there is no display name.
   *
   * `platforms` and `instanceFamilies` are create-only: a change of one replaces the application,
   * and a given name makes such a change fail (the construct warns when it is given).
   *
   * @default - a name generated from the construct path and a hash of the create-only properties
   */
  readonly applicationName?: string;

  /**
   * The name shown to users in the application catalog (at most 100 characters).
   *
   * @default - the application name
   */
  readonly displayName?: string;

  /**
   * The description (at most 256 characters).
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Tags for the application (at most 50). `Tags.of()` works as well.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * Attributes of an application defined outside this app.
 */
export interface ApplicationAttributes {
  /**
   * The name of the application.
   *
   * @default - taken from `applicationArn`
   */
  readonly applicationName?: string;

  /**
   * The ARN of the application.
   *
   * @default - built from `applicationName` in this stack's account and region
   */
  readonly applicationArn?: string;
}

/** What owned and imported applications share. */
export abstract class ApplicationBase extends Resource implements IApplication {
  public abstract readonly applicationName: string;
  public abstract readonly applicationArn: string;

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.applicationArn] });
  }
}

/** The IAM resource type of applications. */
const RESOURCE_TYPE = 'application';

/**
 * An AppStream application: what users launch from an app block on an Elastic fleet (add it with
 * `fleet.addApplication()` or the fleet's `applications`), and what an entitlement can name.
 *
 * @resource AWS::AppStream::Application
 */
export class Application extends ApplicationBase {
  /**
   * Imports an application by name (in this stack's account and region).
   *
   * @param scope scope of the import
   * @param id construct id
   * @param applicationName the application's name
   */
  public static fromApplicationName(scope: Construct, id: string, applicationName: string): IApplication {
    return Application.fromApplicationAttributes(scope, id, { applicationName });
  }

  /**
   * Imports an application by ARN.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param applicationArn the ARN (`arn:aws:appstream:<region>:<account>:application/<name>`)
   */
  public static fromApplicationArn(scope: Construct, id: string, applicationArn: string): IApplication {
    return Application.fromApplicationAttributes(scope, id, { applicationArn });
  }

  /**
   * Imports an application from its name or ARN.
   *
   * @param scope scope of the import
   * @param id construct id
   * @param attrs the application's attributes
   */
  public static fromApplicationAttributes(scope: Construct, id: string, attrs: ApplicationAttributes): IApplication {
    const applicationName = appStreamResourceName(scope, id, 'Application.fromApplicationAttributes', attrs.applicationName, attrs.applicationArn);
    const applicationArn = attrs.applicationArn ?? appStreamArn(scope, RESOURCE_TYPE, applicationName);
    class Import extends ApplicationBase {
      public readonly applicationName = applicationName;
      public readonly applicationArn = applicationArn;
    }
    return new Import(scope, id, { environmentFromArn: attrs.applicationArn });
  }

  /**
   * The name of the application.
   * @attribute
   */
  public readonly applicationName: string;

  /**
   * The ARN of the application.
   * @attribute
   */
  public readonly applicationArn: string;

  /** The platforms the application runs on. */
  public readonly platforms: FleetPlatform[];

  private readonly resource: CfnApplication;

  constructor(scope: Construct, id: string, props: ApplicationProps) {
    super(scope, id, {
      physicalName: replaceableName(() => this, props?.applicationName, () => [this.resource.platforms, this.resource.instanceFamilies]),
    });
    const v = new PropsValidator(this);
    checkObject(v, 'appBlock', props?.appBlock, 'an app block (IAppBlock) such as an AppBlock or AppBlock.fromAppBlockName()', ['appBlockArn']);
    checkObject(v, 'icon', props?.icon, 'an AppStreamFile such as AppStreamFile.fromAsset("icon.png")', ['bind']);
    if (props?.launchPath === undefined) {
      v.failRule('launchPath: is required, the path of the application\'s executable on the instance');
    }
    if (props?.platforms === undefined) {
      v.failRule('platforms: is required, such as [FleetPlatform.WINDOWS_SERVER_2019]');
    } else if (checkArray(v, 'platforms', props.platforms)) {
      props.platforms.forEach((p, i) => checkEnumLike(v, `platforms[${i}]`, p, 'FleetPlatform', 'WINDOWS_SERVER_2019'));
    }
    if (checkArray(v, 'instanceFamilies', props?.instanceFamilies)) {
      props.instanceFamilies!.forEach((f, i) => checkEnumLike(v, `instanceFamilies[${i}]`, f, 'ApplicationInstanceFamily', 'GENERAL_PURPOSE'));
    }
    checkString(v, 'launchParameters', props?.launchParameters);
    checkString(v, 'workingDirectory', props?.workingDirectory);
    v.throwIfInvalid();

    validateNames(v, 'applicationName', { name: props.applicationName, displayName: props.displayName, description: props.description });
    validateNonEmpty(v, 'launchPath', props.launchPath);
    validateNonEmpty(v, 'launchParameters', props.launchParameters);
    validateNonEmpty(v, 'workingDirectory', props.workingDirectory);
    v.listLength('platforms', props.platforms, 0, APPLICATION_PLATFORMS_MAX);
    const families = props.instanceFamilies ?? [ApplicationInstanceFamily.GENERAL_PURPOSE];
    repeated(v, 'platforms', props.platforms.map((p) => p.value));
    repeated(v, 'instanceFamilies', families.map((f) => f.value));
    validateTags(v, props.tags);
    const icon = props.icon.bind(this, 'Icon');
    validateFile(v, 'icon', icon);
    v.throwIfInvalid();

    this.platforms = [...props.platforms];
    this.resource = new CfnApplication(this, 'Resource', {
      name: this.physicalName,
      displayName: props.displayName,
      description: props.description,
      appBlockArn: props.appBlock.appBlockArn,
      launchPath: props.launchPath,
      launchParameters: props.launchParameters,
      workingDirectory: props.workingDirectory,
      iconS3Location: { s3Bucket: icon.bucket.bucketName, s3Key: icon.key },
      platforms: this.platforms.map((p) => p.value),
      instanceFamilies: families.map((f) => f.value),
    });
    this.resource.node.addDependency(props.appBlock);
    if (icon.dependency) {
      this.resource.node.addDependency(icon.dependency);
    }
    applyTags(this, props.tags, this.resource.tags);
    warnIfNameGiven(this, 'applicationName', props.applicationName, 'platforms or instanceFamilies');

    // Ref is the ARN; the name is the physical name.
    this.applicationArn = this.resource.attrArn;
    this.applicationName = this.physicalName;
  }
}

/** Records a problem for each value that a list (whose items must be unique) repeats. */
function repeated(v: PropsValidator, property: string, values: string[]): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (!Token.isUnresolved(value) && seen.has(value)) {
      v.fail(`${property}[${i}]`, value, 'is listed twice; each value may appear once');
    }
    seen.add(value);
  });
}
