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
 * Where AppStream reads an image (`Bucket`, `Key`), and, for an image shipped as a CDK asset, where
 * the handler copies it from first (`SourceBucket`, `SourceKey`): the assets bucket's policy cannot
 * be opened to AppStream, the theme's own bucket's can.
 */
export interface ThemeImageLocation {
  readonly Bucket: string;
  readonly Key: string;
  readonly SourceBucket?: string;
  readonly SourceKey?: string;
}
