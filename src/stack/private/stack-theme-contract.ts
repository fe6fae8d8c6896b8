/**
 * The contract between `StackTheme` and its handler in `lambda/stack-theme/`: resource type and
 * property names, imported by both sides.
 */

/** The theme (custom branding) of an AppStream stack: CreateThemeForStack has no CloudFormation resource. */
export const STACK_THEME_RESOURCE_TYPE = 'Custom::AppStreamStackTheme';

/** Properties. */
export const StackThemeProps = {
  STACK_NAME: 'StackName',
  TITLE_TEXT: 'TitleText',
  THEME_STYLING: 'ThemeStyling',
  /** `[{ DisplayName, FooterLinkURL }]`, possibly empty. */
  FOOTER_LINKS: 'FooterLinks',
  /** A `ThemeImageLocation`. */
  ORGANIZATION_LOGO: 'OrganizationLogo',
  /** A `ThemeImageLocation`. */
  FAVICON: 'Favicon',
} as const;

/**
 * Where AppStream reads an image: a bucket whose policy lets it read the object (an image shipped as
 * a CDK asset is a copy made by `Custom::AppStreamObjectCopy` before the theme).
 */
export interface ThemeImageLocation {
  readonly Bucket: string;
  readonly Key: string;
}
