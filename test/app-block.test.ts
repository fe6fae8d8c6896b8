import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { ACCOUNT, bucketAppBlock, expectProblems, FIXTURES, newStack, onlyResource, REGION, validTemplate } from './util/apps';
import { AppBlock, AppBlockContent, AppBlockPackagingType } from '../src/apps/app-block';
import { AppStreamFile } from '../src/apps/app-file';

const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';

function customFromAssets(scope: cdk.Stack): AppBlock {
  return new AppBlock(scope, 'AppBlock', {
    content: AppBlockContent.custom({
      source: AppStreamFile.fromAsset(path.join(FIXTURES, 'app', 'app.vhd')),
      setupScript: {
        file: AppStreamFile.fromAsset(path.join(FIXTURES, 'app', 'setup.ps1')),
        executablePath: POWERSHELL,
        executableParameters: '-File setup.ps1',
        timeout: cdk.Duration.minutes(10),
      },
    }),
    displayName: 'My app',
    description: 'The app',
    tags: { team: 'apps' },
  });
}

describe('AppBlock', () => {
  test('a CUSTOM app block from a bucket: the source, the setup script and a narrow bucket policy', () => {
    const scope = newStack();
    const block = bucketAppBlock(scope);
    const template = validTemplate(scope);
    const resource = onlyResource(template, 'AWS::AppStream::AppBlock');
    const bucketId = scope.getLogicalId(scope.node.findChild('Apps').node.defaultChild as cdk.CfnElement);
    expect(resource.Properties).toEqual({
      Name: expect.stringMatching(/^TestAppBlock[0-9A-F]{8}-[0-9a-f]{8}$/),
      PackagingType: 'CUSTOM',
      SourceS3Location: { S3Bucket: { Ref: bucketId }, S3Key: 'app.vhd' },
      SetupScriptDetails: {
        ScriptS3Location: { S3Bucket: { Ref: bucketId }, S3Key: 'setup.ps1' },
        ExecutablePath: POWERSHELL,
        TimeoutInSeconds: 300,
      },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith(['app.vhd', 'setup.ps1'].map((key) => ({
          Effect: 'Allow',
          Principal: { Service: 'appstream.amazonaws.com' },
          Action: 's3:GetObject',
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${key}`]] },
          Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
        }))),
      },
    });
    // AppStream may check the objects when it creates the app block: the policy comes first.
    expect(resource.DependsOn).toEqual([Object.keys(template.findResources('AWS::S3::BucketPolicy'))[0]]);
    expect(block.packagingType).toBe(AppBlockPackagingType.CUSTOM);
    expect(scope.resolve(block.appBlockArn)).toEqual({ 'Fn::GetAtt': [expect.any(String), 'Arn'] });
    expect(scope.resolve(block.appBlockName)).toBe(resource.Properties.Name);
  });

  test('files from local paths are copied into the stack\'s files bucket, which AppStream may read; the app block waits for the copies', () => {
    const scope = newStack();
    customFromAssets(scope);
    const template = validTemplate(scope);
    const copies = template.findResources('Custom::AppStreamObjectCopy');
    expect(Object.keys(copies)).toHaveLength(2);
    const resource = onlyResource(template, 'AWS::AppStream::AppBlock');
    expect(resource.DependsOn).toEqual(expect.arrayContaining([...Object.keys(copies), expect.stringMatching(/^AppStreamFilesPolicy/)]));
    expect(resource.Properties).toMatchObject({
      DisplayName: 'My app',
      Description: 'The app',
      Tags: [{ Key: 'team', Value: 'apps' }],
      SourceS3Location: { S3Bucket: { Ref: expect.stringMatching(/^AppStreamFiles/) }, S3Key: expect.stringMatching(/^cdk-appstream\/[0-9a-f]{64}\.vhd$/) },
      SetupScriptDetails: { ExecutableParameters: '-File setup.ps1', TimeoutInSeconds: 600 },
    });
    for (const copy of Object.values(copies) as any[]) {
      expect(copy.Properties).toEqual({
        ServiceToken: expect.anything(),
        SourceBucket: expect.anything(),
        SourceKey: expect.stringMatching(/^[0-9a-f]{64}\.(vhd|ps1)$/),
        DestinationBucket: { Ref: expect.stringMatching(/^AppStreamFiles/) },
        DestinationKey: expect.stringMatching(/^cdk-appstream\/[0-9a-f]{64}\.(vhd|ps1)$/),
      });
    }
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: Match.anyValue(),
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    // The handler may read the two asset objects, and write and delete copies under the prefix only.
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((policy: any) => policy.Properties.PolicyDocument.Statement)
      .filter((statement: any) => JSON.stringify(statement.Action).includes('s3:'));
    expect(statements).toEqual([
      { Action: 's3:GetObject', Effect: 'Allow', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, expect.stringMatching(/^:s3:::cdk-hnb659fds-assets-111111111111-eu-west-1\/[0-9a-f]{64}\.vhd$/)]] } },
      { Action: ['s3:PutObject', 's3:DeleteObject'], Effect: 'Allow', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^AppStreamFiles/), 'Arn'] }, '/cdk-appstream/*']] } },
      { Action: 's3:GetObject', Effect: 'Allow', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, expect.stringMatching(/\.ps1$/)]] } },
    ]);
  });

  test('fromS3Asset copies an asset defined elsewhere, into the bucket given', () => {
    const scope = newStack();
    const bucket = new s3.Bucket(scope, 'Mine', { encryptionKey: new kms.Key(scope, 'Key') });
    const asset = new s3_assets.Asset(scope, 'Vhd', { path: path.join(FIXTURES, 'app', 'app.vhd') });
    new AppBlock(scope, 'AppBlock', {
      content: AppBlockContent.custom({
        source: AppStreamFile.fromS3Asset(asset, { bucket }),
        setupScript: { file: AppStreamFile.fromBucket(bucket, 'setup.sh'), executablePath: '/bin/bash', timeout: cdk.Duration.seconds(1) },
      }),
    });
    const template = validTemplate(scope);
    const bucketId = scope.getLogicalId(bucket.node.defaultChild as cdk.CfnElement);
    template.hasResourceProperties('Custom::AppStreamObjectCopy', { DestinationBucket: { Ref: bucketId } });
    template.resourceCountIs('AWS::S3::Bucket', 1);
    // AppStream decrypts with the bucket's key, on behalf of this account only.
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Action: 'kms:Decrypt', Principal: { Service: 'appstream.amazonaws.com' }, Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } } })]) },
    });
  });

  test('an APPSTREAM2 app block: an existing package with a post-setup script', () => {
    const scope = newStack();
    const bucket = new s3.Bucket(scope, 'Packages');
    const block = new AppBlock(scope, 'AppBlock', {
      content: AppBlockContent.appStreamPackage({
        package: AppStreamFile.fromBucket(bucket, 'pkg.vhdx'),
        postSetupScript: { file: AppStreamFile.fromBucket(bucket, 'post.ps1'), executablePath: POWERSHELL, timeout: cdk.Duration.minutes(1) },
      }),
    });
    const resource = onlyResource(validTemplate(scope), 'AWS::AppStream::AppBlock');
    expect(resource.Properties).toMatchObject({
      PackagingType: 'APPSTREAM2',
      SourceS3Location: { S3Key: 'pkg.vhdx' },
      PostSetupScriptDetails: { ExecutablePath: POWERSHELL, TimeoutInSeconds: 60 },
    });
    expect(resource.Properties.SetupScriptDetails).toBeUndefined();
    expect(block.packagingType).toBe(AppBlockPackagingType.APPSTREAM2);
  });

  test('an APPSTREAM2 app block whose new package an app block builder writes: AppStream may read and write the bucket\'s objects', () => {
    const scope = newStack();
    const bucket = new s3.Bucket(scope, 'Packages');
    new AppBlock(scope, 'AppBlock', { content: AppBlockContent.appStreamPackage({ bucket }) });
    const template = validTemplate(scope);
    const bucketId = scope.getLogicalId(bucket.node.defaultChild as cdk.CfnElement);
    expect(onlyResource(template, 'AWS::AppStream::AppBlock').Properties.SourceS3Location).toEqual({ S3Bucket: { Ref: bucketId } });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
          Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
        })]),
      },
    });
  });

  test('an imported bucket cannot take the policy: a warning says what to allow', () => {
    const scope = newStack();
    const bucket = s3.Bucket.fromBucketName(scope, 'Imported', 'existing-bucket');
    new AppBlock(scope, 'AppBlock', {
      content: AppBlockContent.custom({
        source: AppStreamFile.fromBucket(bucket, 'app.vhd'),
        setupScript: { file: AppStreamFile.fromBucket(bucket, 'setup.sh'), executablePath: '/bin/bash', timeout: cdk.Duration.minutes(1) },
      }),
    });
    Annotations.fromStack(scope).hasWarning('/Test/AppBlock', Match.stringLikeRegexp(
      'The bucket policy of existing-bucket is not managed by this app.*s3:GetObject on the object app.vhd.*aws:SourceAccount.*cdk-appstream:app-file-bucket-policy'));
  });

  test('the generated name changes with every create-only property, and only with them', () => {
    const names = (change: (props: { key: string; timeout: number; description?: string; tags?: Record<string, string> }) => void) => {
      const scope = newStack();
      const bucket = new s3.Bucket(scope, 'Apps');
      const props = { key: 'app.vhd', timeout: 60, description: undefined as string | undefined, tags: undefined as Record<string, string> | undefined };
      change(props);
      new AppBlock(scope, 'AppBlock', {
        content: AppBlockContent.custom({
          source: AppStreamFile.fromBucket(bucket, props.key),
          setupScript: { file: AppStreamFile.fromBucket(bucket, 's.sh'), executablePath: '/bin/bash', timeout: cdk.Duration.seconds(props.timeout) },
        }),
        description: props.description,
        tags: props.tags,
      });
      return onlyResource(validTemplate(scope), 'AWS::AppStream::AppBlock').Properties.Name;
    };
    const base = names(() => undefined);
    expect(names(() => undefined)).toBe(base);
    expect(names((p) => { p.key = 'app-v2.vhd'; })).not.toBe(base);
    expect(names((p) => { p.timeout = 120; })).not.toBe(base);
    expect(names((p) => { p.description = 'new'; })).not.toBe(base);
    // Tags are updated in place: no new name.
    expect(names((p) => { p.tags = { a: 'b' }; })).toBe(base);
  });

  test('new content of a local file is a new key, so a new generated name', () => {
    const name = (source: string) => {
      const scope = newStack();
      new AppBlock(scope, 'AppBlock', {
        content: AppBlockContent.custom({
          source: AppStreamFile.fromAsset(path.join(FIXTURES, source)),
          setupScript: { file: AppStreamFile.fromAsset(path.join(FIXTURES, 'app', 'setup.ps1')), executablePath: POWERSHELL, timeout: cdk.Duration.minutes(1) },
        }),
      });
      return onlyResource(validTemplate(scope), 'AWS::AppStream::AppBlock').Properties.Name;
    };
    expect(name(path.join('app', 'app.vhd'))).toBe(name(path.join('app', 'app.vhd')));
    expect(name(path.join('app', 'app.vhd'))).not.toBe(name('icon.png'));
  });

  test('a given name is kept, with a warning that it blocks replacement', () => {
    const scope = newStack();
    const bucket = new s3.Bucket(scope, 'Apps');
    new AppBlock(scope, 'AppBlock', {
      appBlockName: 'my-app-block',
      content: AppBlockContent.appStreamPackage({ package: AppStreamFile.fromBucket(bucket, 'p.vhd') }),
    });
    expect(onlyResource(validTemplate(scope), 'AWS::AppStream::AppBlock').Properties.Name).toBe('my-app-block');
    Annotations.fromStack(scope).hasWarning('/Test/AppBlock', Match.stringLikeRegexp('appBlockName is given: a change of any property replaces this resource.*cdk-appstream:given-name-blocks-replacement'));
  });

  test('importers: by name, by ARN; grants on the ARN', () => {
    const scope = newStack();
    const byName = AppBlock.fromAppBlockName(scope, 'ByName', 'block-a');
    const byArn = AppBlock.fromAppBlockArn(scope, 'ByArn', `arn:aws:appstream:${REGION}:${ACCOUNT}:app-block/block-b`);
    expect(byArn.appBlockName).toBe('block-b');
    expect(scope.resolve(byName.appBlockArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:appstream:${REGION}:${ACCOUNT}:app-block/block-a`]] });
    const role = new iam.Role(scope, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    byArn.grant(role, 'appstream:DescribeAppBlocks');
    validTemplate(scope).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'appstream:DescribeAppBlocks', Effect: 'Allow', Resource: `arn:aws:appstream:${REGION}:${ACCOUNT}:app-block/block-b` }] },
    });
    expect(() => AppBlock.fromAppBlockAttributes(scope, 'Neither', {})).toThrow(/Test\/Neither: AppBlock.fromAppBlockAttributes needs a name or an ARN/);
  });

  test('every problem in one error', () => {
    const scope = newStack();
    const bucket = new s3.Bucket(scope, 'Apps');
    expectProblems(() => new AppBlock(scope, 'AppBlock', {
      appBlockName: '-bad',
      displayName: 'd'.repeat(101),
      description: 'd'.repeat(257),
      tags: { 'aws:x': 'y' },
      content: AppBlockContent.custom({
        source: AppStreamFile.fromBucket(bucket, ''),
        setupScript: { file: AppStreamFile.fromBucket(bucket, 's.sh'), executablePath: '', executableParameters: '', timeout: cdk.Duration.millis(1500) },
      }),
    }), 'Test/AppBlock: invalid AppBlock props (8 problems)', [
      'appBlockName: must match a letter or digit followed by letters, digits, "_", "." or "-" (got "-bad")',
      'displayName: must be 0 to 100 characters long',
      'description: must be 0 to 256 characters long',
      'tags key "aws:x": must match',
      'content.source (key): must be 1 to 1024 characters long (got "")',
      'content.setupScript.executablePath: must be at least 1 characters long',
      'content.setupScript.executableParameters: must be at least 1 characters long',
      'content.setupScript.timeout: must be a whole number of seconds from 1 to 2147483647 (got 1 second 500 millis)',
    ]);
  });

  test('content: required parts and exclusive choices', () => {
    const scope = newStack();
    const bucket = new s3.Bucket(scope, 'Apps');
    expect(() => new AppBlock(scope, 'NoContent', {} as any)).toThrow(/content: is required: an AppBlockContent such as AppBlockContent.custom/);
    expect(() => new AppBlock(scope, 'Missing', { content: AppBlockContent.custom({} as any) }))
      .toThrow(/content.source: is required for a CUSTOM app block[\s\S]*content.setupScript: is required for a CUSTOM app block/);
    expect(() => new AppBlock(scope, 'Both', { content: AppBlockContent.appStreamPackage({ bucket, package: AppStreamFile.fromBucket(bucket, 'p') }) }))
      .toThrow(/content: an APPSTREAM2 app block takes exactly one of package \(an existing package\) and bucket/);
    expect(() => new AppBlock(scope, 'Neither', { content: AppBlockContent.appStreamPackage({}) })).toThrow(/takes exactly one of package/);
    expect(() => new AppBlock(scope, 'BadScript', {
      content: AppBlockContent.custom({ source: AppStreamFile.fromBucket(bucket, 'a'), setupScript: { file: AppStreamFile.fromBucket(bucket, 's'), executablePath: '/bin/sh', timeout: 5 as any } }),
    })).toThrow(/content.setupScript.timeout: must be a Duration such as Duration.minutes\(5\)/);
    expect(() => new AppBlock(scope, 'NotAScript', {
      content: AppBlockContent.custom({ source: AppStreamFile.fromBucket(bucket, 'a'), setupScript: 'setup.ps1' as any }),
    })).toThrow(/content.setupScript: must be an AppBlockScript such as \{ file, executablePath, timeout \}/);
    expect(() => new AppBlock(scope, 'BadFile', {
      content: AppBlockContent.custom({ source: 'app.vhd' as any, setupScript: { file: AppStreamFile.fromBucket(bucket, 's'), executablePath: '/bin/sh', timeout: cdk.Duration.minutes(1) } }),
    })).toThrow(/content.source: must be an AppStreamFile such as AppStreamFile.fromAsset\("app.vhd"\)/);
  });

  test('the construct id of the files bucket is reserved', () => {
    const scope = newStack();
    new s3.Bucket(scope, 'Other');
    new cdk.CfnResource(scope, 'AppStreamFiles', { type: 'AWS::SNS::Topic' });
    expect(() => customFromAssets(scope)).toThrow(/Test\/AppStreamFiles is reserved for the cdk-appstream files bucket; choose another construct id/);
  });

  test('tags from Tags.of() are checked at synth', () => {
    const scope = newStack();
    const block = bucketAppBlock(scope);
    cdk.Tags.of(block).add('aws:reserved', 'x');
    expect(() => cdk.App.of(scope)!.synth()).toThrow(/tags key "aws:reserved"/);
  });
});
