import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Stack as AppStreamStack } from '../src/stack/stack';
import { StackTheme, ThemeImage, ThemeStyling } from '../src/stack/stack-theme';

const FIXTURES = path.join(__dirname, 'fixtures', 'theme');
const LOGO = path.join(FIXTURES, 'logo.png');
const FAVICON = path.join(FIXTURES, 'favicon.ico');

function setup() {
  const stack = new cdk.Stack(new cdk.App(), 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
  return { stack, appStack: new AppStreamStack(stack, 'Portal', { stackName: 'portal' }) };
}

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('stack.theme()', () => {
  test('a Custom::AppStreamStackTheme with the images copied from assets (AppStreamFile.fromAsset) into a bucket AppStream may read', () => {
    const { stack, appStack } = setup();
    const theme = appStack.theme({
      title: 'Example Corp apps',
      logo: ThemeImage.fromFile(LOGO),
      favicon: ThemeImage.fromFile(FAVICON),
      footerLinks: [{ displayName: 'IT support', url: 'https://support.example.com' }],
      styling: ThemeStyling.BLUE,
    });
    const template = Template.fromStack(stack);

    // The handler gets only where AppStream reads the images: the copies
    template.hasResourceProperties('Custom::AppStreamStackTheme', {
      StackName: { Ref: Match.stringLikeRegexp('^Portal') },
      TitleText: 'Example Corp apps',
      ThemeStyling: 'BLUE',
      FooterLinks: [{ DisplayName: 'IT support', FooterLinkURL: 'https://support.example.com' }],
      OrganizationLogo: { Bucket: { Ref: Match.stringLikeRegexp('^AppStreamFiles') }, Key: Match.stringLikeRegexp('^cdk-appstream/[0-9a-f]{64}\\.png$') },
      Favicon: { Bucket: { Ref: Match.stringLikeRegexp('^AppStreamFiles') }, Key: Match.stringLikeRegexp('^cdk-appstream/[0-9a-f]{64}\\.ico$') },
    });
    // One copy per image, into the stack's one files bucket (no bucket of the theme)
    template.resourceCountIs('Custom::AppStreamObjectCopy', 2);
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.hasResourceProperties('Custom::AppStreamObjectCopy', {
      SourceKey: Match.stringLikeRegexp('^[0-9a-f]{64}\\.png$'),
      DestinationKey: Match.stringLikeRegexp('^cdk-appstream/[0-9a-f]{64}\\.png$'),
    });
    // AppStream may read each copy, on behalf of this account only
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'appstream.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^AppStreamFiles'), 'Arn'] }, Match.stringLikeRegexp('^/cdk-appstream/[0-9a-f]{64}\\.png$')]] },
          Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
        })]),
      },
    });
    // The handler: the theme actions on this stack only; the S3 rights are the copies' (no theme image grants)
    const policies = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(policies).toContain('appstream:CreateThemeForStack');
    expect(policies).toMatch(/:stack\/","?\{"Ref":"Portal/);
    expect(policies).not.toContain('/*.png');
    expect(policies).not.toContain('/theme/*');
    expect(theme.imagesBucket).toBe(stack.node.findChild('AppStreamFiles'));
    // after the stack, the copies and the bucket policy; the copies outlive the theme on delete
    const [resource] = Object.values(template.findResources('Custom::AppStreamStackTheme'));
    const copies = Object.keys(template.findResources('Custom::AppStreamObjectCopy'));
    expect(resource.DependsOn).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Portal/), expect.stringMatching(/^AppStreamFilesPolicy/), ...copies,
    ]));
  });

  test('defaults: LIGHT_BLUE, no footer links', () => {
    const { stack, appStack } = setup();
    appStack.theme({ title: 'Apps', logo: ThemeImage.fromFile(LOGO), favicon: ThemeImage.fromFile(FAVICON) });
    Template.fromStack(stack).hasResourceProperties('Custom::AppStreamStackTheme', { ThemeStyling: 'LIGHT_BLUE', FooterLinks: [] });
  });

  test('images already in a bucket of the app: no copy, no files bucket, the bucket opened to AppStream for the object', () => {
    const { stack, appStack } = setup();
    const branding = new s3.Bucket(stack, 'Branding');
    const theme = appStack.theme({ title: 'Apps', logo: ThemeImage.fromBucket(branding, 'logo.png'), favicon: ThemeImage.fromBucket(branding, 'favicon.ico') });
    const template = Template.fromStack(stack);

    expect(theme.imagesBucket).toBeUndefined();
    template.resourceCountIs('Custom::AppStreamObjectCopy', 0);
    template.resourceCountIs('AWS::S3::Bucket', 1);
    template.hasResourceProperties('Custom::AppStreamStackTheme', {
      OrganizationLogo: { Bucket: { Ref: Match.stringLikeRegexp('^Branding') }, Key: 'logo.png' },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'appstream.amazonaws.com' },
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Branding'), 'Arn'] }, '/logo.png']] },
        })]),
      },
    });
    const [resource] = Object.values(template.findResources('Custom::AppStreamStackTheme'));
    expect(resource.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^BrandingPolicy/)]));
  });

  test('an imported bucket: the warning of AppStreamFile says what to allow', () => {
    const { stack, appStack } = setup();
    const imported = s3.Bucket.fromBucketName(stack, 'Imported', 'branding-bucket');
    appStack.theme({ title: 'Apps', logo: ThemeImage.fromBucket(imported, 'logo.png'), favicon: ThemeImage.fromFile(FAVICON) });
    Annotations.fromStack(stack).hasWarning('/TestStack/Portal/Theme',
      Match.stringLikeRegexp('branding-bucket is not managed by this app.*s3:GetObject on the object logo.png.*cdk-appstream:app-file-bucket-policy'));
  });

  test('a file that is no image type browsers show: a warning', () => {
    const { stack, appStack } = setup();
    appStack.theme({ title: 'Apps', logo: ThemeImage.fromFile(path.join(FIXTURES, 'not-an-image.txt')), favicon: ThemeImage.fromFile(FAVICON) });
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('logo: .*not-an-image.txt is none of PNG, JPEG, GIF, ICO, WebP, SVG'));
  });

  test('more footer links than the console offers (3): a warning, not an error', () => {
    const { stack, appStack } = setup();
    const footerLinks = [1, 2, 3, 4].map((i) => ({ displayName: `Link ${i}`, url: `https://example.com/${i}` }));
    appStack.theme({ title: 'Apps', logo: ThemeImage.fromFile(LOGO), favicon: ThemeImage.fromFile(FAVICON), footerLinks });
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('footerLinks: 4 links; the API model sets no maximum'));
    Template.fromStack(stack).hasResourceProperties('Custom::AppStreamStackTheme', { FooterLinks: Match.arrayWith([Match.objectLike({ DisplayName: 'Link 4' })]) });
  });

  test('an image in a bucket with a customer managed KMS key is refused (AppStream cannot read it)', () => {
    const { stack, appStack } = setup();
    const encrypted = new s3.Bucket(stack, 'Encrypted', { encryption: s3.BucketEncryption.KMS });
    expect(() => appStack.theme({ title: 'Apps', logo: ThemeImage.fromBucket(encrypted, 'logo.png'), favicon: ThemeImage.fromFile(FAVICON) }))
      .toThrow(/logo: is in a bucket encrypted with a customer managed KMS key/);
  });

  test('ThemeStyling.of() passes a value the library does not name', () => {
    const { stack, appStack } = setup();
    appStack.theme({ title: 'Apps', logo: ThemeImage.fromFile(LOGO), favicon: ThemeImage.fromFile(FAVICON), styling: ThemeStyling.of('GREEN') });
    Template.fromStack(stack).hasResourceProperties('Custom::AppStreamStackTheme', { ThemeStyling: 'GREEN' });
  });

  test('a stack has one theme', () => {
    const { appStack } = setup();
    appStack.theme({ title: 'Apps', logo: ThemeImage.fromFile(LOGO), favicon: ThemeImage.fromFile(FAVICON) });
    expect(() => appStack.theme({ title: 'Again', logo: ThemeImage.fromFile(LOGO), favicon: ThemeImage.fromFile(FAVICON) }))
      .toThrow(/There is already a Construct with name 'Theme'/);
  });

  test('every problem is reported at once', () => {
    const { appStack } = setup();
    const message = errorOf(() => new StackTheme(appStack, 'Bad', {
      stack: appStack,
      title: 'Apps <script>',
      logo: ThemeImage.fromFile(path.join(FIXTURES, 'missing.png')),
      favicon: ThemeImage.fromFile(FIXTURES),
      footerLinks: [{ displayName: '', url: 'x'.repeat(1001) }, { displayName: 'y'.repeat(301), url: 'https://ok.example.com' }],
    }));
    expect(message).toContain('TestStack/Portal/Bad: invalid StackTheme props (6 problems)');
    expect(message).toContain('title: must match letters, digits, whitespace and -@./#&+_ (got "Apps <script>")');
    expect(message).toContain('footerLinks[0].displayName: must be 1 to 300 characters long (got "")');
    expect(message).toContain('footerLinks[0].url: must be 1 to 1000 characters long');
    expect(message).toContain('footerLinks[1].displayName: must be 1 to 300 characters long');
    expect(message).toMatch(/logo: no such file \(got ".*missing.png"\)/);
    expect(message).toContain('favicon: must be a file that is not empty');
  });

  test('title too long, a bad bucket key, wrong types', () => {
    const { stack, appStack } = setup();
    const branding = new s3.Bucket(stack, 'Branding');
    const message = errorOf(() => new StackTheme(appStack, 'Bad', {
      stack: appStack,
      title: 't'.repeat(301),
      logo: ThemeImage.fromBucket(branding, ''),
      favicon: 'favicon.ico' as any,
      styling: 'BLUE' as any,
    }));
    expect(message).toContain('title: must be 1 to 300 characters long');
    expect(message).toContain('logo key: must be 1 to 1024 characters long');
    expect(message).toContain('favicon: must be a ThemeImage');
    expect(message).toContain('styling: must be a ThemeStyling');
  });

  test('a missing logo or favicon says it is required (plain JavaScript)', () => {
    const { appStack } = setup();
    const message = errorOf(() => new StackTheme(appStack, 'Missing', { stack: appStack, title: 'Apps' } as any));
    expect(message).toContain('logo: is required (CreateThemeForStack takes a logo and a favicon): ThemeImage.fromFile() or ThemeImage.fromBucket() (got undefined)');
    expect(message).toContain('favicon: is required (CreateThemeForStack takes a logo and a favicon)');
  });
});
