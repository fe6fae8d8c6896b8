import * as fs from 'fs';
import { Annotations, ArnFormat, CustomResource, Stack, Token } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { STACK_THEME_RESOURCE_TYPE, StackThemeProps as Props, ThemeImageLocation } from './private/stack-theme-contract';
import { IStack } from './stack-interface';
import { AppStreamFile, AppStreamFileConfig } from '../apps/app-file';
import { AppStreamProvider } from '../core/private/appstream-provider';
import { enumLikeValue } from '../core/private/enum-like';
import { checkEnumLike, checkList, checkString } from '../core/private/input-types';
import {
  S3_BUCKET_NAME,
  S3_KEY_MAX_LENGTH,
  THEME_FOOTER_LINK_URL,
  THEME_FOOTER_LINKS_CONSOLE_MAX,
  THEME_STYLINGS,
  THEME_TEXT,
} from '../core/private/limits';
import { PropsValidator } from '../core/private/validation';
import { Warnings } from '../core/private/warnings';

/**
 * The color theme of a stack's catalog page: links, text, buttons and background accents.
 *
 * An enum-like class: `ThemeStyling.of('NEW_COLOR')` accepts a value this library does not name yet.
 */
export class ThemeStyling {
  public static readonly LIGHT_BLUE = new ThemeStyling('LIGHT_BLUE');
  public static readonly BLUE = new ThemeStyling('BLUE');
  public static readonly PINK = new ThemeStyling('PINK');
  public static readonly RED = new ThemeStyling('RED');

  /** A theme styling by its API value, such as `'BLUE'`. */
  public static of(value: string): ThemeStyling {
    return new ThemeStyling(enumLikeValue({ className: 'ThemeStyling', what: "the theme styling's API value", example: 'BLUE' }, value));
  }

  /**
   * @param value the value of the API's `ThemeStyling`
   */
  private constructor(public readonly value: string) {}

  /** The API value. */
  public toString(): string {
    return this.value;
  }
}

/**
 * An image of a stack theme (the organization logo or the favicon).
 */
export class ThemeImage {
  /**
   * An image file of this app, uploaded as a CDK asset and copied at deployment into a bucket of the
   * CDK stack whose policy lets AppStream read it (the assets bucket's policy cannot), as
   * `AppStreamFile.fromAsset()` does.
   *
   * @param filePath path of the image file
   */
  public static fromFile(filePath: string): ThemeImage {
    return new ThemeImage(AppStreamFile.fromAsset(filePath), filePath, undefined, undefined);
  }

  /**
   * An image already in an S3 bucket. When the bucket belongs to this app, its policy gets a
   * statement that lets `appstream.amazonaws.com` read the object (on the condition
   * `aws:SourceAccount`); for an imported bucket a warning says to add it yourself. AppStream cannot
   * read a theme image encrypted with a customer managed KMS key: such a bucket is refused.
   *
   * @param bucket the bucket
   * @param key the object key (1 to 1,024 characters)
   */
  public static fromBucket(bucket: s3.IBucket, key: string): ThemeImage {
    return new ThemeImage(AppStreamFile.fromBucket(bucket, key), undefined, bucket, key);
  }

  /** The file AppStream reads. @internal */
  public readonly _file: AppStreamFile;
  /** @internal */
  public readonly _filePath?: string;
  /** @internal */
  public readonly _bucket?: s3.IBucket;
  /** @internal */
  public readonly _key?: string;

  private constructor(file: AppStreamFile, filePath: string | undefined, bucket: s3.IBucket | undefined, key: string | undefined) {
    this._file = file;
    this._filePath = filePath;
    this._bucket = bucket;
    this._key = key;
  }
}

/**
 * A link in the footer of a stack's catalog page.
 */
export interface ThemeFooterLink {
  /** The text of the link: 1 to 300 letters, digits, whitespace and `-@./#&+_`. */
  readonly displayName: string;

  /** The URL: 1 to 1,000 characters. */
  readonly url: string;
}

/**
 * The branding of a stack's catalog page (`stack.theme(...)`).
 */
export interface StackThemeOptions {
  /** The title of the browser tab: 1 to 300 letters, digits, whitespace and `-@./#&+_`. */
  readonly title: string;

  /** The organization logo at the top of the catalog page. */
  readonly logo: ThemeImage;

  /** The icon of the browser tab. */
  readonly favicon: ThemeImage;

  /**
   * Links in the footer of the catalog page (IT support, ...). The API sets no maximum; the console
   * offers up to three, and more get a warning.
   *
   * @default - no footer links
   */
  readonly footerLinks?: ThemeFooterLink[];

  /**
   * The color theme.
   *
   * @default ThemeStyling.LIGHT_BLUE
   */
  readonly styling?: ThemeStyling;
}

/**
 * Properties of a `StackTheme`.
 */
export interface StackThemeProps extends StackThemeOptions {
  /** The stack to brand. */
  readonly stack: IStack;
}

/** Image types browsers show, by their first bytes. AWS documents none: others only warn. */
const IMAGE_SIGNATURES: ReadonlyArray<[string, (head: Buffer) => boolean]> = [
  ['PNG', (h) => h.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]))],
  ['JPEG', (h) => h.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))],
  ['GIF', (h) => h.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['ICO', (h) => h.subarray(0, 4).equals(Buffer.from([0x00, 0x00, 0x01, 0x00]))],
  ['WebP', (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP'],
  ['SVG', (h) => /<svg[\s>]/i.test(h.toString('utf8'))],
];

/**
 * The theme (custom branding) of an AppStream stack: title, logo, favicon, footer links and color
 * (CreateThemeForStack, which CloudFormation lacks), as `Custom::AppStreamStackTheme`.
 *
 * Images are `AppStreamFile`s: images from files ship as CDK assets, copied into a bucket of the CDK
 * stack that AppStream may read (`Custom::AppStreamObjectCopy`) before the theme is made. Removing
 * the theme deletes it (DeleteThemeForStack), and then the copies.
 *
 * @resource Custom::AppStreamStackTheme
 */
export class StackTheme extends Construct {
  /** The custom resource. */
  public readonly resource: CustomResource;

  /**
   * When an image comes from a file, the bucket that holds its copy, where AppStream reads it: the
   * CDK stack's bucket of copies of file assets, shared with app blocks and application icons.
   */
  public readonly imagesBucket?: s3.IBucket;

  constructor(scope: Construct, id: string, props: StackThemeProps) {
    super(scope, id);
    validateStackThemeProps(this, props);

    const provider = AppStreamProvider.getOrCreate(this);
    const stackArn = Stack.of(this).formatArn({
      service: 'appstream', resource: 'stack', resourceName: props.stack.stackName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    provider.grantStackTheme(stackArn);

    // Where AppStream reads each image: the copy of a file asset, or the user's object, each with
    // what must exist before the theme refers to it (the copy, the bucket policy).
    const logo = props.logo._file.bind(this, 'Logo');
    const favicon = props.favicon._file.bind(this, 'Favicon');
    this.imagesBucket = props.logo._filePath !== undefined ? logo.bucket
      : props.favicon._filePath !== undefined ? favicon.bucket : undefined;
    const location = (image: AppStreamFileConfig): ThemeImageLocation => ({ Bucket: image.bucket.bucketName, Key: image.key });

    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: STACK_THEME_RESOURCE_TYPE,
      properties: {
        [Props.STACK_NAME]: props.stack.stackName,
        [Props.TITLE_TEXT]: props.title,
        [Props.THEME_STYLING]: (props.styling ?? ThemeStyling.LIGHT_BLUE).value,
        [Props.FOOTER_LINKS]: (props.footerLinks ?? []).map((link) => ({ DisplayName: link.displayName, FooterLinkURL: link.url })),
        [Props.ORGANIZATION_LOGO]: location(logo),
        [Props.FAVICON]: location(favicon),
      },
    });
    // After the stack exists, and after AppStream may read the images (AppStream fetches them at
    // CreateThemeForStack); the copies are deleted after the theme.
    this.resource.node.addDependency(props.stack);
    for (const image of [logo, favicon]) {
      if (image.dependency) {
        this.resource.node.addDependency(image.dependency);
      }
    }
  }
}

function validateStackThemeProps(scope: Construct, props: StackThemeProps): void {
  const v = new PropsValidator(scope);
  if (checkString(v, 'title', props.title)) {
    if (props.title === undefined) {
      v.fail('title', props.title, 'is required: the title of the browser tab');
    }
    v.string('title', props.title, { ...THEME_TEXT, patternDescription: 'letters, digits, whitespace and -@./#&+_' });
  }
  checkEnumLike(v, 'styling', props.styling, 'ThemeStyling', 'BLUE');
  const styling = props.styling?.value;
  if (styling !== undefined && !Token.isUnresolved(styling) && !THEME_STYLINGS.includes(styling)) {
    Annotations.of(scope).addInfo(`styling ${styling} is not one of ${THEME_STYLINGS.join(', ')} (the API model's values): passed as given`);
  }
  checkList(v, 'footerLinks', props.footerLinks, (link, i) => {
    const item = link as Partial<ThemeFooterLink>;
    if (checkString(v, `footerLinks[${i}].displayName`, item?.displayName)) {
      v.string(`footerLinks[${i}].displayName`, item?.displayName ?? '', { ...THEME_TEXT, patternDescription: 'letters, digits, whitespace and -@./#&+_' });
    }
    if (checkString(v, `footerLinks[${i}].url`, item?.url)) {
      v.string(`footerLinks[${i}].url`, item?.url ?? '', THEME_FOOTER_LINK_URL);
    }
  });
  const links = props.footerLinks;
  if (Array.isArray(links) && links.length > THEME_FOOTER_LINKS_CONSOLE_MAX) {
    Annotations.of(scope).addWarningV2(Warnings.VALUE_BEYOND_NARROWEST_LIMIT,
      `footerLinks: ${links.length} links; the API model sets no maximum, but the AppStream console offers up to `
      + `${THEME_FOOTER_LINKS_CONSOLE_MAX} (developer guide, "Add Your Custom Branding")`);
  }
  for (const [property, image] of [['logo', props.logo], ['favicon', props.favicon]] as const) {
    validateImage(scope, v, property, image);
  }
  v.throwIfInvalid();
}

function validateImage(scope: Construct, v: PropsValidator, property: string, image: ThemeImage | undefined): void {
  if (image === undefined) {
    v.fail(property, image, 'is required (CreateThemeForStack takes a logo and a favicon): ThemeImage.fromFile() or ThemeImage.fromBucket()');
    return;
  }
  if (!(image instanceof ThemeImage)) {
    v.fail(property, image, 'must be a ThemeImage (ThemeImage.fromFile() or ThemeImage.fromBucket())');
    return;
  }
  if (image._filePath !== undefined) {
    const stat = fs.statSync(image._filePath, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size === 0) {
      v.fail(property, image._filePath, stat === undefined ? 'no such file' : 'must be a file that is not empty');
      return;
    }
    const head = Buffer.alloc(Math.min(stat.size, 512));
    const fd = fs.openSync(image._filePath, 'r');
    try {
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (!IMAGE_SIGNATURES.some(([, matches]) => matches(head))) {
      Annotations.of(scope).addWarningV2(Warnings.THEME_IMAGE_TYPE,
        `${property}: ${image._filePath} is none of ${IMAGE_SIGNATURES.map(([name]) => name).join(', ')}; browsers may not show it`);
    }
    return;
  }
  if (image._bucket?.encryptionKey !== undefined) {
    // Developer guide, "Add Your Custom Branding": SSE-S3 is supported, customer managed keys are not.
    v.fail(property, image._key, 'is in a bucket encrypted with a customer managed KMS key, which AppStream cannot read '
      + 'for a theme: use a bucket with S3-managed encryption (SSE-S3), or ThemeImage.fromFile()');
  }
  v.string(`${property} bucket`, image._bucket?.bucketName, S3_BUCKET_NAME);
  v.string(`${property} key`, image._key, { min: 1, max: S3_KEY_MAX_LENGTH });
}
