import * as cdk from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct } from 'constructs';
import { appfabric } from '../src';

/**
 * AWS AppFabric beside the AppStream estate: an app bundle encrypted with a key of its own, Okta
 * connected with an API key from Secrets Manager, Okta's audit log delivered to S3 as OCSF JSON, and
 * a daily user-access audit of the people who stream applications.
 */
export class AppFabricExampleStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const key = new kms.Key(this, 'AppFabricKey', { enableKeyRotation: true });
    const bundle = new appfabric.AppBundle(this, 'Bundle', { encryptionKey: key });

    const okta = new appfabric.AppAuthorization(this, 'Okta', {
      appBundle: bundle,
      app: appfabric.SaasApp.OKTA,
      tenantId: 'example.okta.com',
      tenantDisplayName: 'Example Okta',
      credential: appfabric.AppCredential.apiKey(cdk.SecretValue.secretsManager('appfabric/okta-api-token')),
    });

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });
    const bucket = (name: string) => new s3.Bucket(this, name, {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: `${name}/`,
    });

    const ingestion = new appfabric.Ingestion(this, 'OktaAuditLog', {
      appBundle: bundle,
      app: appfabric.SaasApp.OKTA,
      tenantId: 'example.okta.com',
    });
    // AppFabric reads the audit log through the tenant's authorization.
    ingestion.node.addDependency(okta);
    ingestion.addDestination('ToS3', {
      destination: appfabric.AuditLogDestination.s3Bucket(bucket('AuditLogs'), 'okta/'),
    });

    new appfabric.UserAccessAudit(this, 'UserAccessAudit', {
      appBundle: bundle,
      emails: ['alice@example.com', 'bob@example.com'],
      resultsBucket: bucket('AuditResults'),
      schedule: scheduler.ScheduleExpression.rate(cdk.Duration.days(1)),
      logErrors: true,
    });
  }
}
