import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import * as appstream from '../src';

/**
 * A small, realistic AppStream estate: a VPC, an on-demand fleet with access to a data bucket, a
 * stack with locked-down user settings and home folders, users entitled in bulk, a portal function
 * allowed to create streaming URLs, and a domain-joined fleet whose service account lives in Secrets
 * Manager.
 */
export class AppStreamExampleStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.REJECT } },
    });

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });
    const data = new s3.Bucket(this, 'Data', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'data/',
    });

    // An on-demand fleet in private subnets; its role may read the data bucket.
    const fleet = new appstream.Fleet(this, 'Fleet', {
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      image: appstream.FleetImage.fromName('AppStream-WinServer2022-09-01-2025'),
      desiredCapacity: 2,
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      maxUserDuration: cdk.Duration.hours(8),
      disconnectTimeout: cdk.Duration.minutes(15),
      idleDisconnectTimeout: cdk.Duration.minutes(10),
      // Kept RUNNING after every deployment; changes a running fleet refuses stop and restart it.
      desiredState: appstream.FleetState.RUNNING,
    });
    data.grantRead(fleet);
    fleet.autoScaleCapacity({ minCapacity: 1, maxCapacity: 10 })
      .scaleOnCapacityUtilization({ targetUtilizationPercent: 75 });

    const stack = new appstream.Stack(this, 'Stack', {
      description: 'Line-of-business applications',
      userSettings: {
        clipboardCopyFromLocalDevice: true,
        clipboardCopyToLocalDevice: false,
        fileUpload: true,
        fileDownload: false,
        printingToLocalDevice: false,
      },
      storageConnectors: [appstream.StorageConnector.homeFolders()],
    });
    stack.addFleet(fleet);

    // Entitle users of any authentication type in one resource (BatchAssociateUserStack).
    const alice = new appstream.User(this, 'Alice', {
      email: 'alice@example.com',
      firstName: 'Alice',
      lastName: 'Example',
    });
    new appstream.UserStackAssociation(this, 'Users', {
      stack,
      users: [
        appstream.StackUser.fromUser(alice),
        appstream.StackUser.saml('bob@corp.example.com'),
        ...appstream.StackUser.fromFile(path.join(__dirname, 'users.csv')),
      ],
    });

    // The portal that hands out streaming URLs.
    const portal = new lambda.Function(this, 'Portal', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 501 });'),
    });
    stack.grantCreateStreamingUrl(portal);

    // A second fleet joins the corporate Active Directory; the service account stays in Secrets Manager.
    const serviceAccount = new secretsmanager.Secret(this, 'ServiceAccount', {
      description: 'AppStream directory service account',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: 'svc-appstream' }),
        generateStringKey: 'password',
      },
    });
    const directory = new appstream.DirectoryConfig(this, 'Directory', {
      directoryName: 'corp.example.com',
      organizationalUnits: ['OU=AppStream,DC=corp,DC=example,DC=com'],
      serviceAccountSecret: serviceAccount,
    });
    const corporateFleet = new appstream.Fleet(this, 'CorporateFleet', {
      instanceType: appstream.InstanceType.STANDARD_LARGE,
      // The newest Windows Server 2022 base image, looked up again only when refreshToken changes.
      image: appstream.FleetImage.latest({
        namePrefix: 'AppStream-WinServer2022-',
        platform: appstream.FleetPlatform.WINDOWS_SERVER_2022,
        visibility: appstream.ImageVisibility.PUBLIC,
        refreshToken: '2026-11',
      }),
      desiredCapacity: 1,
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      domainJoin: { directory, organizationalUnit: 'OU=AppStream,DC=corp,DC=example,DC=com' },
    });
    new appstream.Stack(this, 'CorporateStack', {
      fleet: corporateFleet,
      userSettings: { domainPasswordSignin: true },
    });
  }
}
