/**
 * Stack-theme operations of the fake AppStream endpoint on an in-memory state:
 * CreateThemeForStack, UpdateThemeForStack, DescribeThemeForStack, DeleteThemeForStack.
 *
 * Behaviour modelled on the API reference (appstream 2016-12-01): a theme needs a stack that
 * exists (ResourceNotFoundException); Create needs every required field, validated as the model
 * says (title 1-300 characters of `[-@./#&+\w\s]`, styling one of LIGHT_BLUE, BLUE, PINK, RED), and
 * refuses a second theme (ResourceAlreadyExistsException); Update and Describe of a missing theme,
 * and Delete of one, are ResourceNotFoundException; `AttributesToDelete: ['FOOTER_LINKS']` removes
 * the footer links. With `setReadLag(ms)`, Describe does not see a theme younger than `ms`.
 */
import { FakeAppStream, FakeServiceError } from './server';

const STYLINGS = ['LIGHT_BLUE', 'BLUE', 'PINK', 'RED'];
const TEXT = /^[-@./#&+\w\s]*$/;

/** One theme, as the API describes it. */
export interface FakeTheme {
  StackName: string;
  State: 'ENABLED' | 'DISABLED';
  ThemeTitleText: string;
  ThemeStyling: string;
  ThemeFooterLinks?: Array<{ DisplayName: string; FooterLinkURL: string }>;
  Logo: { S3Bucket: string; S3Key?: string };
  Favicon: { S3Bucket: string; S3Key?: string };
  createdAt: number;
}

/** Stacks and their themes. */
export class ThemeState {
  public readonly stacks = new Set<string>();
  public readonly themes = new Map<string, FakeTheme>();
  private readLagMs = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Creates stacks (idempotent). */
  public addStack(...names: string[]): this {
    names.forEach((name) => this.stacks.add(name));
    return this;
  }

  /** Makes Describe miss themes younger than `ms`. */
  public setReadLag(ms: number): void {
    this.readLagMs = ms;
  }

  /** The theme as a read sees it now. */
  public visibleTheme(stackName: string): FakeTheme | undefined {
    const theme = this.themes.get(stackName);
    return theme && theme.createdAt <= this.now() - this.readLagMs ? theme : undefined;
  }

  /** Sets a theme directly (as if made in the console). */
  public putTheme(theme: Omit<FakeTheme, 'createdAt'>): void {
    this.addStack(theme.StackName);
    this.themes.set(theme.StackName, { ...theme, createdAt: this.now() });
  }
}

function validateText(name: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) {
    return;
  }
  if (typeof value !== 'string' || value.length < 1 || value.length > 300 || !TEXT.test(value)) {
    throw new FakeServiceError('ValidationException', `1 validation error detected: Value at '${name}' failed to satisfy constraint`);
  }
}

function validateLocation(name: string, value: any, required: boolean): void {
  if (value === undefined && !required) {
    return;
  }
  if (typeof value?.S3Bucket !== 'string' || value.S3Bucket.length < 3 || value.S3Bucket.length > 63) {
    throw new FakeServiceError('ValidationException', `1 validation error detected: Value at '${name}.s3Bucket' failed to satisfy constraint`);
  }
}

function validateStyling(value: unknown, required: boolean): void {
  if ((value !== undefined || required) && !STYLINGS.includes(value as string)) {
    throw new FakeServiceError('ValidationException', `Value '${String(value)}' at 'themeStyling' failed to satisfy constraint: Member must satisfy enum value set: [${STYLINGS.join(', ')}]`);
  }
}

function validateLinks(value: unknown): void {
  if (value === undefined) {
    return;
  }
  if (!Array.isArray(value) || value.some((link) => typeof link?.FooterLinkURL !== 'string' || link.FooterLinkURL.length < 1 || link.FooterLinkURL.length > 1000)) {
    throw new FakeServiceError('ValidationException', "1 validation error detected: Value at 'footerLinks' failed to satisfy constraint");
  }
  value.forEach((link: any) => validateText('footerLinks.member.displayName', link.DisplayName, true));
}

function describe(theme: FakeTheme) {
  const { Logo, Favicon, createdAt, ...rest } = theme;
  return {
    ...rest,
    ThemeOrganizationLogoURL: `https://appstream.example/${Logo.S3Key}`,
    ThemeFaviconURL: `https://appstream.example/${Favicon.S3Key}`,
    CreatedTime: createdAt / 1000,
  };
}

/** Registers the theme operations on `fake`; returns the state they act on. */
export function registerThemeOperations(fake: FakeAppStream, state: ThemeState = new ThemeState()): ThemeState {
  const stackOf = (input: any): string => {
    if (typeof input?.StackName !== 'string') {
      throw new FakeServiceError('ValidationException', 'StackName is required');
    }
    if (!state.stacks.has(input.StackName)) {
      throw new FakeServiceError('ResourceNotFoundException', `Stack ${input.StackName} not found`);
    }
    return input.StackName;
  };
  fake.register('CreateThemeForStack', (input) => {
    const stackName = stackOf(input);
    validateText('titleText', input.TitleText, true);
    validateStyling(input.ThemeStyling, true);
    validateLocation('organizationLogoS3Location', input.OrganizationLogoS3Location, true);
    validateLocation('faviconS3Location', input.FaviconS3Location, true);
    validateLinks(input.FooterLinks);
    if (state.themes.has(stackName)) {
      throw new FakeServiceError('ResourceAlreadyExistsException', `A theme already exists for stack ${stackName}`);
    }
    const theme: FakeTheme = {
      StackName: stackName,
      State: 'ENABLED',
      ThemeTitleText: input.TitleText,
      ThemeStyling: input.ThemeStyling,
      ThemeFooterLinks: input.FooterLinks,
      Logo: input.OrganizationLogoS3Location,
      Favicon: input.FaviconS3Location,
      createdAt: Date.now(),
    };
    state.themes.set(stackName, theme);
    return { Theme: describe(theme) };
  });
  fake.register('UpdateThemeForStack', (input) => {
    const stackName = stackOf(input);
    validateText('titleText', input.TitleText, false);
    validateStyling(input.ThemeStyling, false);
    validateLocation('organizationLogoS3Location', input.OrganizationLogoS3Location, false);
    validateLocation('faviconS3Location', input.FaviconS3Location, false);
    validateLinks(input.FooterLinks);
    const theme = state.themes.get(stackName);
    if (!theme) {
      throw new FakeServiceError('ResourceNotFoundException', `No theme for stack ${stackName}`);
    }
    const deleteLinks = (input.AttributesToDelete ?? []).includes('FOOTER_LINKS');
    if (deleteLinks && input.FooterLinks !== undefined) {
      throw new FakeServiceError('InvalidParameterCombinationException', 'FooterLinks and AttributesToDelete FOOTER_LINKS together');
    }
    Object.assign(theme, {
      ...(input.TitleText !== undefined ? { ThemeTitleText: input.TitleText } : {}),
      ...(input.ThemeStyling !== undefined ? { ThemeStyling: input.ThemeStyling } : {}),
      ...(input.FooterLinks !== undefined ? { ThemeFooterLinks: input.FooterLinks } : {}),
      ...(deleteLinks ? { ThemeFooterLinks: undefined } : {}),
      ...(input.OrganizationLogoS3Location !== undefined ? { Logo: input.OrganizationLogoS3Location } : {}),
      ...(input.FaviconS3Location !== undefined ? { Favicon: input.FaviconS3Location } : {}),
      ...(input.State !== undefined ? { State: input.State } : {}),
    });
    return { Theme: describe(theme) };
  });
  fake.register('DescribeThemeForStack', (input) => {
    const stackName = stackOf(input);
    const theme = state.visibleTheme(stackName);
    if (!theme) {
      throw new FakeServiceError('ResourceNotFoundException', `No theme for stack ${stackName}`);
    }
    return { Theme: describe(theme) };
  });
  fake.register('DeleteThemeForStack', (input) => {
    const stackName = stackOf(input);
    if (!state.themes.delete(stackName)) {
      throw new FakeServiceError('ResourceNotFoundException', `No theme for stack ${stackName}`);
    }
    return {};
  });
  return state;
}
