import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import * as appstream from '../src';

const FILES = path.join(__dirname, 'elastic-apps');
const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';

/**
 * An Elastic fleet end to end: an app block made from a local folder and its setup script, an
 * application with its icon, the Elastic fleet that streams it, a stack, and an entitlement that gives
 * the application to the SAML users of one department.
 */
export class ElasticAppsStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.REJECT } },
    });

    // The bucket AppStream reads the app block and the icon from (the files are copied into it at
    // deploy time); the library adds the bucket policy that lets AppStream read those objects only.
    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });
    const appFiles = new s3.Bucket(this, 'AppFiles', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'app-files/',
      removalPolicy: cdk.RemovalPolicy.DESTROY,
    });

    const appBlock = new appstream.AppBlock(this, 'NotepadBlock', {
      content: appstream.AppBlockContent.custom({
        source: appstream.AppStreamFile.fromAsset(path.join(FILES, 'notepad'), { bucket: appFiles }),
        setupScript: {
          file: appstream.AppStreamFile.fromAsset(path.join(FILES, 'setup.ps1'), { bucket: appFiles }),
          executablePath: POWERSHELL,
          executableParameters: '-ExecutionPolicy Bypass -File setup.ps1',
          timeout: cdk.Duration.minutes(5),
        },
      }),
      description: 'Notepad, packaged from a local folder',
    });

    const notepad = new appstream.Application(this, 'Notepad', {
      appBlock,
      launchPath: 'C:\\AppStream\\AppBlocks\\notepad\\notepad.exe',
      icon: appstream.AppStreamFile.fromAsset(path.join(FILES, 'notepad.png'), { bucket: appFiles }),
      platforms: [appstream.FleetPlatform.WINDOWS_SERVER_2019],
      displayName: 'Notepad',
    });

    const fleet = new appstream.Fleet(this, 'Elastic', {
      fleetType: appstream.FleetType.ELASTIC,
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      platform: appstream.FleetPlatform.WINDOWS_SERVER_2019,
      maxConcurrentSessions: 10,
      vpc,
      applications: [notepad],
    });

    const stack = new appstream.Stack(this, 'Portal', {
      fleet,
      userSettings: { clipboardCopyToLocalDevice: false, fileDownload: false },
    });

    new appstream.Entitlement(this, 'Engineers', {
      stack,
      attributes: [{ name: appstream.SamlAttribute.DEPARTMENT, value: 'engineering' }],
      applications: [notepad],
    });
  }
}
