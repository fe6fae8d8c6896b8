import { App, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AppStreamProvider } from '../src/core/private/appstream-provider';
import { Fleet } from '../src/fleet/fleet';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';
import { Image, ImageProps } from '../src/images/image';
import { AgentSoftwareVersion, ImageSource } from '../src/images/image-source';

const AMI = 'ami-0123456789abcdef0';

function makeStack(): Stack {
  return new Stack(new App(), 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
}
function imageProps(stack: Stack, id: string, props: Partial<ImageProps> = {}): Record<string, any> {
  new Image(stack, id, { source: ImageSource.fromAmi({ amiId: AMI }), ...props });
  const resources = Template.fromStack(stack).findResources('Custom::AppStreamImage');
  const mine = Object.entries(resources).find(([logicalId]) => logicalId.startsWith(id))!;
  return mine[1].Properties;
}
function handlerStatements(stack: Stack): any[] {
  const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: Match.stringLikeRegexp(`^${AppStreamProvider.ID}HandlerRole`) }] },
  });
  return Object.values(policies).flatMap((policy: any) => policy.Properties.PolicyDocument.Statement);
}

describe('Image from an AMI', () => {
  test('renders the source, a generated name prefix, Retain and no shares or copies', () => {
    const stack = makeStack();
    const props = imageProps(stack, 'Golden');

    expect(props).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(AppStreamProvider.ID), 'Arn'] },
      NamePrefix: 'TestStackGolden64E933C1',
      Source: { Kind: 'IMPORTED', SourceAmiId: AMI, IamRoleArn: { 'Fn::GetAtt': [expect.stringMatching(/^GoldenImportRole/), 'Arn'] } },
      RemovalPolicy: 'Retain',
    });
  });

  test('every option of the import, the name, description, display name, shares, copies, Destroy and tags', () => {
    const stack = makeStack();
    const role = iam.Role.fromRoleArn(stack, 'Role', 'arn:aws:iam::123456789012:role/appstream-import');
    new Image(stack, 'Golden', {
      source: ImageSource.fromAmi({
        amiId: AMI,
        role,
        agentSoftwareVersion: AgentSoftwareVersion.ALWAYS_LATEST,
        runtimeValidationInstanceType: InstanceType.STANDARD_MEDIUM,
        applications: [{
          name: 'notepad',
          displayName: 'Notepad',
          absoluteAppPath: 'C:\\Windows\\notepad.exe',
          absoluteIconPath: 'C:\\icons\\n.png',
          absoluteManifestPath: 'C:\\m.txt',
          workingDirectory: 'C:\\',
          launchParameters: '/A',
        }],
      }),
      imageName: 'golden-2025-12',
      description: 'Golden image (December)',
      displayName: 'Golden',
      shareWith: ['111111111111'],
      sharePermissions: { allowImageBuilder: false },
      copyTo: ['eu-west-1'],
      removalPolicy: RemovalPolicy.DESTROY,
      tags: { team: 'euc' },
    });
    Tags.of(stack).add('env', 'prod');

    Template.fromStack(stack).hasResourceProperties('Custom::AppStreamImage', {
      ImageName: 'golden-2025-12',
      Source: {
        Kind: 'IMPORTED',
        SourceAmiId: AMI,
        IamRoleArn: 'arn:aws:iam::123456789012:role/appstream-import',
        AgentSoftwareVersion: 'ALWAYS_LATEST',
        RuntimeValidationConfig: { IntendedInstanceType: 'stream.standard.medium' },
        AppCatalogConfig: [{
          Name: 'notepad',
          DisplayName: 'Notepad',
          AbsoluteAppPath: 'C:\\Windows\\notepad.exe',
          AbsoluteIconPath: 'C:\\icons\\n.png',
          AbsoluteManifestPath: 'C:\\m.txt',
          WorkingDirectory: 'C:\\',
          LaunchParameters: '/A',
        }],
        Description: 'Golden image (December)',
        DisplayName: 'Golden',
      },
      ShareWith: [{ AccountId: '111111111111', AllowFleet: true, AllowImageBuilder: false }],
      CopyTo: ['eu-west-1'],
      RemovalPolicy: 'Destroy',
      Tags: { team: 'euc', env: 'prod' },
    });
    // A given role: no role of ours.
    expect(Template.fromStack(stack).findResources('AWS::IAM::Role', {
      Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'appstream.amazonaws.com' } })] } },
    })).toEqual({});
  });

  test('the default import role trusts AppStream and may modify only this AMI', () => {
    const stack = makeStack();
    imageProps(stack, 'Golden');

    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'appstream.amazonaws.com' } })] },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: 'ec2:ModifyImageAttribute', Effect: 'Allow', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ec2:us-east-1::image/${AMI}`]] } },
          { Action: 'ec2:DescribeImages', Effect: 'Allow', Resource: '*' },
        ],
      },
    });
    // The image is made after the role's policy exists.
    const image = Object.values(template.findResources('Custom::AppStreamImage'))[0];
    expect(image.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^GoldenImportRoleDefaultPolicy/), expect.stringMatching(/^GoldenImportRole[0-9A-F]{8}$/)]));
  });

  test('the handler may manage only this image (generated names: the prefix), in each Region, and pass the role only to AppStream', () => {
    const stack = makeStack();
    imageProps(stack, 'Golden', { copyTo: ['eu-west-1'] });

    const statements = handlerStatements(stack);
    const manage = statements.find((s) => Array.isArray(s.Action) && s.Action.includes('appstream:CreateImportedImage'));
    expect(stack.resolve(manage.Resource)).toEqual([
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:image/TestStackGolden64E933C1-*']] },
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:eu-west-1:123456789012:image/TestStackGolden64E933C1-*']] },
    ]);
    expect(manage.Action).toEqual(expect.arrayContaining(['appstream:CopyImage', 'appstream:DeleteImage', 'appstream:UpdateImagePermissions', 'appstream:TagResource']));
    expect(statements).toContainEqual({ Action: 'appstream:DescribeImages', Effect: 'Allow', Resource: '*' });
    expect(statements).toContainEqual({
      Action: 'iam:PassRole',
      Condition: { StringEquals: { 'iam:PassedToService': 'appstream.amazonaws.com' } },
      Effect: 'Allow',
      Resource: { 'Fn::GetAtt': [expect.stringMatching(/^GoldenImportRole/), 'Arn'] },
    });
  });

  test('name and ARN are attributes of the resource (a fleet using them waits for the image)', () => {
    const stack = makeStack();
    const image = new Image(stack, 'Golden', { source: ImageSource.fromAmi({ amiId: AMI }) });
    new Fleet(stack, 'Fleet', { instanceType: InstanceType.STANDARD_MEDIUM, image: FleetImage.fromImage(image), desiredCapacity: 1 });

    const template = Template.fromStack(stack);
    const id = Object.keys(template.findResources('Custom::AppStreamImage'))[0];
    expect(stack.resolve(image.imageName)).toEqual({ 'Fn::GetAtt': [id, 'ImageName'] });
    template.hasResourceProperties('AWS::AppStream::Fleet', { ImageArn: { 'Fn::GetAtt': [id, 'ImageArn'] } });
  });

  test('an AMI id that is a token is passed as it is', () => {
    const stack = makeStack();
    const ami = new iam.CfnRole(stack, 'Stand-in', { assumeRolePolicyDocument: {} }).attrRoleId;
    const props = imageProps(stack, 'Golden', { source: ImageSource.fromAmi({ amiId: ami }) });

    expect(props.Source.SourceAmiId).toEqual({ 'Fn::GetAtt': ['Standin', 'RoleId'] });
  });
});

test('applyRemovalPolicy sets what deleting does, as the prop does; other policies are refused', () => {
  const stack = makeStack();
  const image = new Image(stack, 'Golden', { source: ImageSource.fromAmi({ amiId: AMI }) });
  image.applyRemovalPolicy(RemovalPolicy.DESTROY);

  Template.fromStack(stack).hasResourceProperties('Custom::AppStreamImage', { RemovalPolicy: 'Destroy' });
  expect(() => image.applyRemovalPolicy(RemovalPolicy.SNAPSHOT)).toThrow('TestStack/Golden: an Image takes RemovalPolicy.RETAIN or RemovalPolicy.DESTROY, not snapshot');
});

describe('Image updated from another', () => {
  test('an imported image: its name, and the handler may act on its ARN', () => {
    const stack = makeStack();
    const base = Image.fromImageName(stack, 'Base', 'golden-base');
    const props = imageProps(stack, 'Patched', { source: ImageSource.updatedFrom(base) });

    expect(props.Source).toEqual({ Kind: 'UPDATED', ExistingImageName: 'golden-base' });
    const manage = handlerStatements(stack).find((s) => Array.isArray(s.Action) && s.Action.includes('appstream:CreateUpdatedImage'));
    expect(stack.resolve(manage.Resource)).toContainEqual(
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:image/golden-base']] });
    expect(handlerStatements(stack).some((s) => s.Action === 'iam:PassRole')).toBe(false);
  });

  test('an Image of this app: after it (its name attribute), granted by its literal ARN, without a cycle', () => {
    const stack = makeStack();
    const golden = new Image(stack, 'Golden', { source: ImageSource.fromAmi({ amiId: AMI }), imageName: 'golden' });
    const props = imageProps(stack, 'Patched', { source: ImageSource.updatedFrom(golden) });

    expect(props.Source.ExistingImageName).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Golden/), 'ImageName'] });
    const manage = handlerStatements(stack).find((s) => Array.isArray(s.Action) && s.Action.includes('appstream:CreateUpdatedImage'));
    expect(stack.resolve(manage.Resource)).toContainEqual(
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:image/golden']] });
    expect(() => new App().synth()).not.toThrow();
    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});

describe('imports and grants', () => {
  test('fromImageName, fromImageArn and grant on the image ARN', () => {
    const stack = makeStack();
    const byName = Image.fromImageName(stack, 'ByName', 'golden');
    const byArn = Image.fromImageArn(stack, 'ByArn', 'arn:aws:appstream:eu-west-1:111111111111:image/shared');
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    byArn.grant(role, 'appstream:DescribeImagePermissions');

    expect(stack.resolve(byName.imageArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:image/golden']] });
    expect(byArn.imageName).toBe('shared');
    expect(FleetImage.fromImage(byArn).bind(stack)).toEqual({ imageArn: 'arn:aws:appstream:eu-west-1:111111111111:image/shared' });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'appstream:DescribeImagePermissions', Effect: 'Allow', Resource: 'arn:aws:appstream:eu-west-1:111111111111:image/shared' }] },
    });
    expect(() => Image.fromImageAttributes(stack, 'Neither', {})).toThrow(/needs imageName or imageArn/);
  });
});

describe('validation', () => {
  test('reports every problem at once, with construct path, property, value and range', () => {
    const stack = makeStack();
    expect(() => new Image(stack, 'Bad', {
      source: ImageSource.fromAmi({
        amiId: 'ami-XYZ',
        applications: [{ name: '-bad', absoluteAppPath: '' }, { name: '-bad', absoluteAppPath: 'C:\\a.exe', launchParameters: '' }],
      }),
      imageName: 'bad name',
      description: 'Not allowed: colons',
      displayName: 'x'.repeat(101),
      shareWith: ['12345', '12345'],
      copyTo: ['us-east-1', 'Europe'],
    })).toThrow(new RegExp([
      'TestStack/Bad: invalid Image props \\(14 problems\\)',
      '  - source.amiId: must match "ami-" and 8 to 17 lowercase letters or digits \\(got "ami-XYZ"\\)',
      '  - source.applications\\[0\\].name: must match a letter or digit followed by up to 99 letters, digits, "_", "." or "-" \\(got "-bad"\\)',
      '  - source.applications\\[0\\].absoluteAppPath: must be 1 to 32767 characters long \\(got ""\\)',
      '  - source.applications\\[1\\].name: must match .* \\(got "-bad"\\)',
      '  - source.applications\\[1\\].launchParameters: must be 1 to 1024 characters long \\(got ""\\)',
      '  - source.applications names: must not repeat a value \\(got "-bad"\\)',
      '  - imageName: must match a letter or digit followed by letters, digits, "_", "." or "-" \\(got "bad name"\\)',
      '  - description: must match letters, digits, spaces and _.\\(\\)- only \\(CreateImportedImage\\) \\(got "Not allowed: colons"\\)',
      '  - displayName: must be 0 to 100 characters long \\(got "x+"\\)',
      '  - shareWith\\[0\\]: must match a 12-digit account id \\(got "12345"\\)',
      '  - shareWith\\[1\\]: must match a 12-digit account id \\(got "12345"\\)',
      '  - shareWith: must not repeat a value \\(got "12345"\\)',
      "  - copyTo\\[0\\]: must be another Region than the stack's.*\\(got \"us-east-1\"\\)",
      '  - copyTo\\[1\\]: must match a Region name such as eu-west-1 \\(got "Europe"\\)',
    ].join('\n')));
  });

  test('a description leaves room for the ownership marker; updated images take any characters', () => {
    const stack = makeStack();
    const base = Image.fromImageName(stack, 'Base', 'base');
    expect(() => new Image(stack, 'Long', { source: ImageSource.updatedFrom(base), description: 'x'.repeat(224) }))
      .toThrow(/description: must be at most 223 characters long \(the API's 256, less 33 for the marker by which the handler recognises its images\)/);
    expect(() => new Image(stack, 'Free', { source: ImageSource.updatedFrom(base), description: 'Patched: December!', displayName: 'Ünïcode' })).not.toThrow();
  });

  test('Region names, share permissions that allow nothing or apply to no account, removal policy, tags', () => {
    const stack = makeStack();
    expect(() => new Image(stack, 'Bad', {
      source: ImageSource.fromAmi({ amiId: AMI }),
      copyTo: ['Europe'],
      sharePermissions: { allowFleet: false, allowImageBuilder: false },
      removalPolicy: RemovalPolicy.SNAPSHOT,
      tags: { 'aws:x': 'y' },
    })).toThrow(new RegExp([
      'invalid Image props \\(5 problems\\)',
      '  - sharePermissions: must allow fleets, image builders or both .*',
      '  - sharePermissions: applies to the accounts of shareWith, which is empty .*',
      '  - copyTo\\[0\\]: must match a Region name such as eu-west-1 \\(got "Europe"\\)',
      '  - removalPolicy: must be RemovalPolicy.RETAIN or RemovalPolicy.DESTROY \\(got "snapshot"\\)',
      '  - tags key "aws:x": .*',
    ].join('\n')));
  });

  test('plain-JavaScript callers: wrong types, a missing source, a missing AMI id', () => {
    const stack = makeStack();
    expect(() => new Image(stack, 'NoSource', {} as any)).toThrow(/source: must be an ImageSource such as ImageSource.fromAmi\(\{ amiId \}\), not undefined/);
    expect(() => new Image(stack, 'NoAmi', { source: ImageSource.fromAmi({} as any), shareWith: 'x' as any, copyTo: [1] as any }))
      .toThrow(/source.amiId: is required[\s\S]*shareWith: must be an array, not a string[\s\S]*copyTo\[0\]: must be a string such as "eu-west-1", not a number/);
    expect(() => new Image(stack, 'BadAgent', { source: ImageSource.fromAmi({ amiId: AMI, agentSoftwareVersion: 'ALWAYS_LATEST' as any }) }))
      .toThrow(/source.agentSoftwareVersion: must be an AgentSoftwareVersion such as AgentSoftwareVersion.CURRENT_LATEST/);
    expect(() => new Image(stack, 'BadBase', { source: ImageSource.updatedFrom('base' as any) }))
      .toThrow(/source: ImageSource.updatedFrom\(\) takes an image such as Image.fromImageName/);
  });

  test('every Region naming scheme AWS uses is accepted', () => {
    const stack = makeStack();
    expect(() => new Image(stack, 'Regions', {
      source: ImageSource.fromAmi({ amiId: AMI }),
      copyTo: ['eu-west-1', 'us-gov-west-1', 'cn-north-1', 'ap-southeast-2', 'eusc-de-east-1', 'us-isob-east-1'],
    })).not.toThrow();
  });

  test('tokens are not judged', () => {
    const stack = makeStack();
    const token = new iam.CfnRole(stack, 'Stand-in', { assumeRolePolicyDocument: {} }).attrRoleId;
    expect(() => new Image(stack, 'Tokens', {
      source: ImageSource.fromAmi({ amiId: token }), imageName: token, description: token, shareWith: [token], copyTo: [token],
    })).not.toThrow();
  });

  test('AgentSoftwareVersion.of is the escape hatch', () => {
    expect(AgentSoftwareVersion.of('NEXT').value).toBe('NEXT');
    expect(AgentSoftwareVersion.CURRENT_LATEST.toString()).toBe('CURRENT_LATEST');
    expect(() => AgentSoftwareVersion.of('')).toThrow(/AgentSoftwareVersion.of: expects the API value as a non-empty string/);
  });
});
