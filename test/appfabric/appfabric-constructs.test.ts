import * as cdk from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as firehose from 'aws-cdk-lib/aws-kinesisfirehose';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { appfabric } from '../../src';
import { Warnings } from '../../src/core/private/warnings';

const ENV = { account: '123456789012', region: 'us-east-1' };
const BUNDLE_ARN = 'arn:aws:appfabric:us-east-1:123456789012:appbundle/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

function newStack(): cdk.Stack {
  return new cdk.Stack(new cdk.App(), 'Test', { env: ENV });
}

let imports = 0;
function importedBundle(stack: cdk.Stack): appfabric.IAppBundle {
  imports += 1;
  return appfabric.AppBundle.fromAppBundleArn(stack, `Bundle${imports}`, BUNDLE_ARN);
}

function logicalId(construct: { node: { defaultChild?: unknown } }, stack: cdk.Stack): string {
  return stack.getLogicalId(construct.node.defaultChild as cdk.CfnElement);
}

const API_KEY = () => cdk.SecretValue.secretsManager('okta/api-token');

describe('AppBundle', () => {
  test('an AWS::AppFabric::AppBundle with an AWS owned key by default, tagged through Tags.of', () => {
    const stack = newStack();
    const bundle = new appfabric.AppBundle(stack, 'Bundle');
    cdk.Tags.of(bundle).add('team', 'security');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::AppFabric::AppBundle', 1);
    template.hasResourceProperties('AWS::AppFabric::AppBundle', {
      CustomerManagedKeyIdentifier: Match.absent(),
      Tags: [{ Key: 'team', Value: 'security' }],
    });
    expect(stack.resolve(bundle.appBundleArn)).toEqual({ 'Fn::GetAtt': [logicalId(bundle, stack), 'Arn'] });
  });

  test('a customer managed key: its ARN, and a key policy statement for principals calling through AppFabric', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key');
    new appfabric.AppBundle(stack, 'Bundle', { encryptionKey: key });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AppFabric::AppBundle', { CustomerManagedKeyIdentifier: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Key'), 'Arn'] } });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'AllowAppFabricAppBundle',
          Action: ['kms:DescribeKey', 'kms:CreateGrant', 'kms:GenerateDataKey', 'kms:Decrypt'],
          Condition: { StringEquals: { 'kms:ViaService': 'appfabric.us-east-1.amazonaws.com', 'kms:CallerAccount': '123456789012' } },
        })]),
      },
    });
  });

  test('a second app bundle in one stack is warned about (one per account and Region)', () => {
    const stack = newStack();
    new appfabric.AppBundle(stack, 'First');
    new appfabric.AppBundle(stack, 'Second');
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(Warnings.APPFABRIC_ONE_APP_BUNDLE_PER_REGION));
    expect(warnings.map((w) => w.id)).toEqual(['/Test/Second']);
  });

  test('fromAppBundleArn imports an ARN and refuses what is not an app bundle ARN', () => {
    const stack = newStack();
    expect(importedBundle(stack).appBundleArn).toBe(BUNDLE_ARN);
    expect(() => appfabric.AppBundle.fromAppBundleArn(stack, 'Bad', 'arn:aws:s3:::bucket'))
      .toThrow(/appBundleArn: must be an app bundle ARN.*got "arn:aws:s3:::bucket"/);
  });

  test.each([
    ['grantUserAccessAudit', (b: appfabric.IAppBundle, r: iam.IGrantable) => b.grantUserAccessAudit(r), ['appfabric:StartUserAccessTasks', 'appfabric:BatchGetUserAccessTasks'], BUNDLE_ARN],
    ['grantRead', (b: appfabric.IAppBundle, r: iam.IGrantable) => b.grantRead(r),
      ['appfabric:GetAppBundle', 'appfabric:ListAppAuthorizations', 'appfabric:ListIngestions', 'appfabric:ListTagsForResource'], BUNDLE_ARN],
    ['grantOnAppAuthorizations', (b: appfabric.IAppBundle, r: iam.IGrantable) => b.grantOnAppAuthorizations(r, 'appfabric:GetAppAuthorization'),
      'appfabric:GetAppAuthorization', [BUNDLE_ARN, `${BUNDLE_ARN}/appauthorization/*`]],
  ])('%s grants on the Service Authorization Reference ARNs', (_name, grant, actions, resources) => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    grant(importedBundle(stack), role);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: actions, Resource: resources }] },
    });
  });
});

describe('AppAuthorization', () => {
  test('an API key from Secrets Manager', () => {
    const stack = newStack();
    const auth = new appfabric.AppAuthorization(stack, 'Okta', {
      appBundle: importedBundle(stack),
      app: appfabric.SaasApp.OKTA,
      tenantId: 'example.okta.com',
      tenantDisplayName: 'Example',
      credential: appfabric.AppCredential.apiKey(API_KEY()),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::AppFabric::AppAuthorization', {
      AppBundleIdentifier: BUNDLE_ARN,
      App: 'OKTA',
      AuthType: 'apiKey',
      Credential: { ApiKeyCredential: { ApiKey: '{{resolve:secretsmanager:okta/api-token:SecretString:::}}' } },
      Tenant: { TenantIdentifier: 'example.okta.com', TenantDisplayName: 'Example' },
    });
    const id = logicalId(auth, stack);
    expect(stack.resolve(auth.appAuthorizationArn)).toEqual({ 'Fn::GetAtt': [id, 'AppAuthorizationArn'] });
    expect(stack.resolve(auth.authUrl)).toEqual({ 'Fn::GetAtt': [id, 'AuthUrl'] });
    expect(stack.resolve(auth.persona)).toEqual({ 'Fn::GetAtt': [id, 'Persona'] });
  });

  test('an OAuth2 client: client id in the template, secret by reference; grantConnect', () => {
    const stack = newStack();
    const auth = new appfabric.AppAuthorization(stack, 'Slack', {
      appBundle: importedBundle(stack),
      app: appfabric.SaasApp.of('SLACK'),
      tenantId: 'T0123',
      tenantDisplayName: 'Workspace',
      credential: appfabric.AppCredential.oauth2('client-123', cdk.SecretValue.secretsManager('slack', { jsonField: 'clientSecret' })),
    });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    auth.grantConnect(role);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AppFabric::AppAuthorization', {
      AuthType: 'oauth2',
      Credential: { Oauth2Credential: { ClientId: 'client-123', ClientSecret: '{{resolve:secretsmanager:slack:SecretString:clientSecret::}}' } },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: ['appfabric:ConnectAppAuthorization', 'appfabric:GetAppAuthorization'], Resource: [BUNDLE_ARN, { 'Fn::GetAtt': [Match.anyValue(), 'AppAuthorizationArn'] }] }] },
    });
  });

  test.each([
    ['plain text', cdk.SecretValue.unsafePlainText('hunter2'), /must not be plain text/],
    ['a plain SSM parameter', cdk.SecretValue.cfnDynamicReference(new cdk.CfnDynamicReference(cdk.CfnDynamicReferenceService.SSM, 'key')), /must reference a secret store/],
    ['an SSM SecureString', cdk.SecretValue.ssmSecure('key'), /cannot be an SSM SecureString reference/],
  ])('refuses an API key given as %s, without showing it', (_what, secret, message) => {
    const stack = newStack();
    const make = () => new appfabric.AppAuthorization(stack, 'Auth', {
      appBundle: importedBundle(stack), app: appfabric.SaasApp.ZOOM, tenantId: 't', tenantDisplayName: 'd', credential: appfabric.AppCredential.apiKey(secret),
    });
    expect(make).toThrow(message);
    expect(make).not.toThrow(/hunter2/);
  });

  test('reports every problem at once: lengths of tenant id, display name and client id', () => {
    const stack = newStack();
    expect(() => new appfabric.AppAuthorization(stack, 'Auth', {
      appBundle: importedBundle(stack),
      app: appfabric.SaasApp.JIRA,
      tenantId: 'x'.repeat(1025),
      tenantDisplayName: '',
      credential: appfabric.AppCredential.oauth2('c'.repeat(2049), API_KEY()),
    })).toThrow(/3 problems[\s\S]*tenantId: must be 1 to 1024[\s\S]*tenantDisplayName: must be 1 to 2048[\s\S]*OAuth2 client id\): must be 1 to 2048/);
  });

  test('required props and types, for callers from plain JavaScript', () => {
    const stack = newStack();
    expect(() => new appfabric.AppAuthorization(stack, 'Auth', { app: 'SLACK' } as any))
      .toThrow(/app: must be a SaasApp[\s\S]*appBundle: is required[\s\S]*credential: is required[\s\S]*tenantId: is required/);
  });
});

describe('SaasApp', () => {
  test('names every application of the API model; of() returns the constant or a new value', () => {
    expect(appfabric.SaasApp.known().map(String)).toEqual(['SLACK', 'ASANA', 'JIRA', 'M365', 'M365AUDITLOGS', 'ZOOM', 'ZENDESK', 'OKTA', 'GOOGLE', 'DROPBOX', 'SMARTSHEET', 'CISCO']);
    expect(appfabric.SaasApp.of('OKTA')).toBe(appfabric.SaasApp.OKTA);
    expect(appfabric.SaasApp.of('TERRAFORMCLOUD').value).toBe('TERRAFORMCLOUD');
  });

  test.each([[''], ['x'.repeat(256)]])('of(%j) is refused (1 to 255 characters)', (value) => {
    expect(() => appfabric.SaasApp.of(value)).toThrow(/SaasApp.of: .* is not an AppFabric application name; expected 1 to 255 characters/);
  });
});

describe('Ingestion and IngestionDestination', () => {
  function ingestion(stack: cdk.Stack): appfabric.Ingestion {
    return new appfabric.Ingestion(stack, 'Ingestion', { appBundle: importedBundle(stack), app: appfabric.SaasApp.OKTA, tenantId: 'example.okta.com' });
  }

  test('an audit-log ingestion, and an S3 destination with a prefix, OCSF JSON by default', () => {
    const stack = newStack();
    const ing = ingestion(stack);
    const bucket = new s3.Bucket(stack, 'Logs');
    ing.addDestination('ToS3', { destination: appfabric.AuditLogDestination.s3Bucket(bucket, 'okta/') });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AppFabric::Ingestion', { AppBundleArn: BUNDLE_ARN, App: 'OKTA', TenantId: 'example.okta.com', IngestionType: 'auditLog' });
    template.hasResourceProperties('AWS::AppFabric::IngestionDestination', {
      AppBundleArn: BUNDLE_ARN,
      IngestionArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Ingestion'), 'Arn'] },
      ProcessingConfiguration: { AuditLog: { Schema: 'ocsf', Format: 'json' } },
      DestinationConfiguration: { AuditLog: { Destination: { S3Bucket: { BucketName: { Ref: Match.stringLikeRegexp('^Logs') }, Prefix: 'okta/' } } } },
    });
    expect(stack.resolve(ing.ingestionState)).toEqual({ 'Fn::GetAtt': [logicalId(ing, stack), 'State'] });
  });

  test('a KMS-encrypted bucket: the key allows AppFabric\'s service-linked role through S3', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Logs', { encryption: s3.BucketEncryption.KMS });
    ingestion(stack).addDestination('ToS3', { destination: appfabric.AuditLogDestination.s3Bucket(bucket), schema: appfabric.AuditLogSchema.RAW, format: appfabric.AuditLogFormat.PARQUET });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AppFabric::IngestionDestination', { ProcessingConfiguration: { AuditLog: { Schema: 'raw', Format: 'parquet' } } });
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'AllowAppFabricAuditLogDelivery',
          Principal: { AWS: '*' },
          Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
          Condition: {
            ArnEquals: { 'aws:PrincipalArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::123456789012:role/aws-service-role/appfabric.amazonaws.com/AWSServiceRoleForAppFabric']] } },
            StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
          },
        })]),
      },
    });
  });

  test('a Firehose stream of this app is tagged AWSAppFabricManaged=true; an imported one is warned about', () => {
    const stack = newStack();
    const stream = new firehose.DeliveryStream(stack, 'Stream', { destination: new firehose.S3Bucket(new s3.Bucket(stack, 'B')) });
    const ing = ingestion(stack);
    ing.addDestination('ToFirehose', { destination: appfabric.AuditLogDestination.firehoseStream(stream) });
    const imported = firehose.DeliveryStream.fromDeliveryStreamName(stack, 'Imported', 'existing-stream');
    ing.addDestination('ToImported', { destination: appfabric.AuditLogDestination.firehoseStream(imported) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::KinesisFirehose::DeliveryStream', { Tags: Match.arrayWith([{ Key: 'AWSAppFabricManaged', Value: 'true' }]) });
    template.hasResourceProperties('AWS::AppFabric::IngestionDestination', {
      DestinationConfiguration: { AuditLog: { Destination: { FirehoseStream: { StreamName: 'existing-stream' } } } },
    });
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(Warnings.APPFABRIC_DESTINATION_NOT_PREPARED));
    expect(warnings.map((w) => w.id)).toEqual(['/Test/Ingestion/ToImported']);
  });

  test('refuses a bucket of another account, a prefix over 120 characters and unknown enum values', () => {
    const stack = newStack();
    const foreign = s3.Bucket.fromBucketAttributes(stack, 'Foreign', { bucketName: 'audit-logs', account: '210987654321' });
    expect(() => ingestion(stack).addDestination('Bad', {
      destination: appfabric.AuditLogDestination.s3Bucket(foreign, 'p'.repeat(121)),
      schema: 'xml' as any,
      format: 'csv' as any,
    })).toThrow(/4 problems[\s\S]*schema: must be one of AuditLogSchema.OCSF, AuditLogSchema.RAW[\s\S]*format: must be one of[\s\S]*S3 prefix\): must be 1 to 120[\s\S]*S3 bucket account\): must be this stack's account 123456789012/);
  });

  test('ingestion: required props and the tenant id length; grantControl', () => {
    const stack = newStack();
    expect(() => new appfabric.Ingestion(stack, 'Bad', { appBundle: importedBundle(stack), app: appfabric.SaasApp.OKTA, tenantId: '' }))
      .toThrow(/tenantId: must be 1 to 1024 characters/);
    expect(() => new appfabric.Ingestion(stack, 'Bad2', {} as any)).toThrow(/appBundle: is required[\s\S]*app: is required[\s\S]*tenantId: is required/);
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    ingestion(stack).grantControl(role);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: ['appfabric:StartIngestion', 'appfabric:StopIngestion', 'appfabric:GetIngestion'] }] },
    });
  });
});

describe('UserAccessAudit', () => {
  function audit(stack: cdk.Stack, props: Partial<appfabric.UserAccessAuditProps> = {}): appfabric.UserAccessAudit {
    return new appfabric.UserAccessAudit(stack, 'Audit', { appBundle: importedBundle(stack), ...props });
  }

  test('defaults: a retained, encrypted, TLS-only results bucket; least-privilege role; an alarm on failed executions; no schedule', () => {
    const stack = newStack();
    const a = audit(stack);
    const template = Template.fromStack(stack);
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: { BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] } },
    });
    for (const action of ['appfabric:StartUserAccessTasks', 'appfabric:BatchGetUserAccessTasks']) {
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: Match.arrayWith([{ Effect: 'Allow', Action: action, Resource: BUNDLE_ARN }]) },
      });
    }
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Metrics: Match.arrayWith([Match.objectLike({ Expression: 'failed + timedOut + aborted' })]),
    });
    template.resourceCountIs('AWS::Scheduler::Schedule', 0);
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { DefinitionString: Match.anyValue() });
    expect(a.resultsPrefix).toBe('user-access-audit/');
    expect(stack.resolve(a.metricFailed().metricName)).toBe('ExecutionsFailed');
    expect(stack.resolve(a.metricSucceeded().metricName)).toBe('ExecutionsSucceeded');
    expect(stack.resolve(a.metricTime().metricName)).toBe('ExecutionTime');
  });

  test('a schedule runs it with the construct\'s addresses; an event bus and error logs when asked', () => {
    const stack = newStack();
    const bus = new events.EventBus(stack, 'Bus');
    const a = audit(stack, {
      emails: ['alice@example.com'],
      schedule: scheduler.ScheduleExpression.rate(cdk.Duration.days(1)),
      eventBus: bus,
      logErrors: true,
      resultsPrefix: 'audits/okta/',
      pollInterval: cdk.Duration.minutes(2),
      maxPollRounds: 10,
      maxConcurrency: 3,
    });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 day)',
      Target: { Arn: { Ref: Match.stringLikeRegexp('StateMachine') }, Input: '{}' },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'events:PutEvents' })]) },
    });
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { LoggingConfiguration: { Level: 'ERROR', IncludeExecutionData: false } });
    const machineId = stack.getLogicalId(a.stateMachine.node.defaultChild as cdk.CfnElement);
    const definition = JSON.stringify(template.toJSON().Resources[machineId].Properties.DefinitionString);
    expect(definition).toContain('\\"MaxConcurrency\\":3');
    expect(definition).toContain('\\"Seconds\\":120');
    expect(definition).toContain('audits/okta/date={}/{}.json');
    expect(definition).toContain('alice@example.com');
    expect(a.schedule).toBeDefined();
  });

  test('grantStartExecution and grantReadResults', () => {
    const stack = newStack();
    const a = audit(stack);
    const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountRootPrincipal() });
    a.grantStartExecution(role);
    a.grantReadResults(role);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^Reader') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'states:StartExecution', Resource: { Ref: Match.stringLikeRegexp('StateMachine') } }),
          Match.objectLike({
            Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
            Resource: Match.arrayWith([{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('Results'), 'Arn'] }, '/user-access-audit/*']] }]),
          }),
        ]),
      },
    });
  });

  test('reports every problem of its props at once', () => {
    const stack = newStack();
    expect(() => audit(stack, {
      emails: ['ok@example.com', 'ok@example.com', 'not-an-address'],
      maxConcurrency: 41,
      maxPollRounds: 0,
      pollInterval: cdk.Duration.millis(500),
      resultsPrefix: 'no-slash',
    })).toThrow(/6 problems[\s\S]*resultsPrefix: must match empty, or S3 key characters[\s\S]*maxConcurrency: must be an integer from 1 to 40[\s\S]*maxPollRounds: must be an integer from 1 to 200[\s\S]*pollInterval: must be a whole number of seconds from 1 to 3600[\s\S]*emails\[2\]: must match an e-mail address[\s\S]*emails: must list each address once/);
  });

  test('a schedule needs addresses; at most 250; appBundle required', () => {
    const stack = newStack();
    expect(() => audit(stack, { schedule: scheduler.ScheduleExpression.rate(cdk.Duration.days(1)) })).toThrow(/schedule: a scheduled execution has no input, so emails must be set/);
    expect(() => new appfabric.UserAccessAudit(stack, 'Big', { appBundle: importedBundle(stack), emails: Array.from({ length: 251 }, (_, i) => `u${i}@example.com`) }))
      .toThrow(/emails: must have 1 to 250 items/);
    expect(() => new appfabric.UserAccessAudit(stack, 'NoBundle', {} as any)).toThrow(/appBundle: is required/);
  });
});

describe('imports, required props and tags', () => {
  test('fromAppAuthorizationArn and fromIngestionAttributes keep what they are given; an imported ingestion takes destinations', () => {
    const stack = newStack();
    const auth = appfabric.AppAuthorization.fromAppAuthorizationArn(stack, 'Auth', `${BUNDLE_ARN}/appauthorization/1111`);
    expect(auth.appAuthorizationArn).toBe(`${BUNDLE_ARN}/appauthorization/1111`);
    const ing = appfabric.Ingestion.fromIngestionAttributes(stack, 'Ing', { ingestionArn: `${BUNDLE_ARN}/ingestion/2222`, appBundleArn: BUNDLE_ARN });
    new appfabric.IngestionDestination(stack, 'Dest', {
      ingestion: ing,
      destination: appfabric.AuditLogDestination.s3Bucket(s3.Bucket.fromBucketName(stack, 'Logs', 'audit-logs')),
    });
    Template.fromStack(stack).hasResourceProperties('AWS::AppFabric::IngestionDestination', {
      AppBundleArn: BUNDLE_ARN,
      IngestionArn: `${BUNDLE_ARN}/ingestion/2222`,
      DestinationConfiguration: { AuditLog: { Destination: { S3Bucket: { BucketName: 'audit-logs', Prefix: Match.absent() } } } },
    });
  });

  test('a destination and an AppCredential are required, for callers from plain JavaScript', () => {
    const stack = newStack();
    expect(() => new appfabric.IngestionDestination(stack, 'Dest', {} as any))
      .toThrow(/ingestion: is required[\s\S]*destination: must be an AuditLogDestination/);
    expect(() => new appfabric.AppAuthorization(stack, 'Auth', {
      appBundle: importedBundle(stack), app: appfabric.SaasApp.OKTA, tenantId: 't', tenantDisplayName: 'd', credential: { apiKey: 'x' } as any,
    })).toThrow(/credential: must be an AppCredential/);
    expect(() => new appfabric.AppAuthorization(stack, 'Auth2', {
      appBundle: importedBundle(stack), app: appfabric.SaasApp.OKTA, tenantId: 't', tenantDisplayName: 'd', credential: appfabric.AppCredential.apiKey('plain' as any),
    })).toThrow(/credential \(API key\): must be a SecretValue/);
  });

  test('every AppFabric resource takes tags from Tags.of()', () => {
    const stack = newStack();
    const bundle = new appfabric.AppBundle(stack, 'Bundle');
    const auth = new appfabric.AppAuthorization(stack, 'Auth', {
      appBundle: bundle, app: appfabric.SaasApp.OKTA, tenantId: 't', tenantDisplayName: 'd', credential: appfabric.AppCredential.apiKey(API_KEY()),
    });
    const ing = new appfabric.Ingestion(stack, 'Ing', { appBundle: bundle, app: appfabric.SaasApp.OKTA, tenantId: 't' });
    ing.node.addDependency(auth);
    ing.addDestination('Dest', { destination: appfabric.AuditLogDestination.s3Bucket(new s3.Bucket(stack, 'Logs')) });
    cdk.Tags.of(stack).add('cost-center', '42');
    const template = Template.fromStack(stack);
    for (const type of ['AWS::AppFabric::AppBundle', 'AWS::AppFabric::AppAuthorization', 'AWS::AppFabric::Ingestion', 'AWS::AppFabric::IngestionDestination']) {
      template.hasResourceProperties(type, { Tags: [{ Key: 'cost-center', Value: '42' }] });
    }
  });

  test('a results bucket with a KMS key: the state machine may use the key to write reports', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Results', { encryption: s3.BucketEncryption.KMS });
    new appfabric.UserAccessAudit(stack, 'Audit', { appBundle: importedBundle(stack), resultsBucket: bucket, resultsPrefix: '' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['kms:GenerateDataKey*']) })]) },
    });
    template.resourceCountIs('AWS::S3::Bucket', 1);
  });

  test('props of the wrong type are refused, for callers from plain JavaScript', () => {
    const stack = newStack();
    expect(() => new appfabric.UserAccessAudit(stack, 'Audit', {
      appBundle: importedBundle(stack), maxConcurrency: '5' as any, logErrors: 'yes' as any, emails: 'a@example.com' as any,
    })).toThrow(/maxConcurrency: must be a number[\s\S]*logErrors: must be a boolean[\s\S]*emails: must be an array/);
  });
});
