import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AppStreamProvider } from '../src/core/private/appstream-provider';
import { ImageLookup } from '../src/fleet/private/image-lookup-resource';

function makeStack(): Stack {
  return new Stack(new App(), 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
}

describe('ImageLookup', () => {
  test('renders the filter and the refresh token; name and ARN are attributes', () => {
    const stack = makeStack();
    const lookup = new ImageLookup(stack, 'Image', {
      namePrefix: 'AppStream-WinServer2022-', platform: 'WINDOWS_SERVER_2022', type: 'PUBLIC', refreshToken: '2025-10',
    });

    const template = Template.fromStack(stack);
    template.hasResourceProperties('Custom::AppStreamImageLookup', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp(AppStreamProvider.ID), 'Arn'] },
      NamePrefix: 'AppStream-WinServer2022-',
      Platform: 'WINDOWS_SERVER_2022',
      Type: 'PUBLIC',
      RefreshToken: '2025-10',
    });
    const id = Object.keys(template.findResources('Custom::AppStreamImageLookup'))[0];
    expect(stack.resolve(lookup.imageName)).toEqual({ 'Fn::GetAtt': [id, 'ImageName'] });
    expect(stack.resolve(lookup.imageArn)).toEqual({ 'Fn::GetAtt': [id, 'ImageArn'] });
  });

  test('optional filters are left out', () => {
    const stack = makeStack();
    new ImageLookup(stack, 'Image', { namePrefix: 'golden-' });

    const props = Object.values(Template.fromStack(stack).findResources('Custom::AppStreamImageLookup'))[0].Properties;
    expect(Object.keys(props).sort()).toEqual(['NamePrefix', 'ServiceToken']);
  });

  test('one provider per stack; DescribeImages only, on "*"', () => {
    const stack = makeStack();
    new ImageLookup(stack, 'A', { namePrefix: 'a' });
    new ImageLookup(stack, 'B', { namePrefix: 'b' });

    const template = Template.fromStack(stack);
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'index.onEvent', Runtime: 'nodejs24.x' }, 1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: 'appstream:DescribeImages', Effect: 'Allow', Resource: '*' }]) },
      Roles: [{ Ref: Match.stringLikeRegexp(`^${AppStreamProvider.ID}HandlerRole`) }],
    });
  });

  test('reports an empty prefix and an unknown type together, with their values', () => {
    const stack = makeStack();
    expect(() => new ImageLookup(stack, 'Image', { namePrefix: '', type: 'FRIENDS' })).toThrow(
      /2 problems[\s\S]*namePrefix: must be 1 to 100 characters long \(got ""\)[\s\S]*type: must be one of PUBLIC, PRIVATE, SHARED \(got "FRIENDS"\)/,
    );
  });
});
