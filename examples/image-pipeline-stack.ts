import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as imagebuilder from 'aws-cdk-lib/aws-imagebuilder';
import { Construct } from 'constructs';
import * as appstream from '../src';

/**
 * An AppStream image made as code: an EC2 Image Builder image (Windows Server 2022 with an
 * application installed by a component) is imported as an AppStream image, which an On-Demand
 * fleet streams. Changing the component builds a new AMI, which gives a new AppStream image (a new
 * generated name) and rolls the fleet onto it; the old image is kept.
 */
export class ImagePipelineExampleStack extends cdk.Stack {
  /** The AppStream image. */
  public readonly image: appstream.Image;
  /** The fleet that streams it. */
  public readonly fleet: appstream.Fleet;

  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    // The build instance of EC2 Image Builder: its role and instance profile.
    const buildRole = new iam.Role(this, 'BuildRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('EC2InstanceProfileForImageBuilder'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore'),
      ],
    });
    const instanceProfile = new iam.InstanceProfile(this, 'BuildInstanceProfile', { role: buildRole });
    const infrastructure = new imagebuilder.CfnInfrastructureConfiguration(this, 'Infrastructure', {
      name: `${cdk.Names.uniqueResourceName(this, { maxLength: 100 })}-build`,
      instanceProfileName: instanceProfile.instanceProfileName,
      instanceTypes: ['m5.large'],
      instanceMetadataOptions: { httpTokens: 'required' },
    });

    // What goes on the image: one application, installed by a component.
    const notepadPlusPlus = new imagebuilder.CfnComponent(this, 'InstallApps', {
      name: 'install-notepad-plus-plus',
      platform: 'Windows',
      version: '1.0.0',
      data: [
        'name: InstallApps',
        'schemaVersion: 1.0',
        'phases:',
        '  - name: build',
        '    steps:',
        '      - name: InstallNotepadPlusPlus',
        '        action: ExecutePowerShell',
        '        inputs:',
        '          commands:',
        '            - winget install --id Notepad++.Notepad++ --silent --accept-source-agreements --accept-package-agreements',
      ].join('\n'),
    });
    const recipe = new imagebuilder.CfnImageRecipe(this, 'Recipe', {
      name: 'appstream-golden',
      version: '1.0.0',
      parentImage: `arn:${this.partition}:imagebuilder:${this.region}:aws:image/windows-server-2022-english-full-base-x86/x.x.x`,
      components: [{ componentArn: notepadPlusPlus.attrArn }],
    });
    const ami = new imagebuilder.CfnImage(this, 'Ami', {
      imageRecipeArn: recipe.attrArn,
      infrastructureConfigurationArn: infrastructure.attrArn,
    });

    // The AMI as an AppStream image, with its application catalog; kept when the stack goes.
    this.image = new appstream.Image(this, 'GoldenImage', {
      source: appstream.ImageSource.fromAmi({
        amiId: ami.attrImageId,
        agentSoftwareVersion: appstream.AgentSoftwareVersion.CURRENT_LATEST,
        runtimeValidationInstanceType: appstream.InstanceType.STANDARD_MEDIUM,
        applications: [{
          name: 'NotepadPlusPlus',
          displayName: 'Notepad Plus Plus',
          absoluteAppPath: 'C:\\Program Files\\Notepad++\\notepad++.exe',
        }],
      }),
      description: 'Golden image built by EC2 Image Builder',
    });

    this.fleet = new appstream.Fleet(this, 'Fleet', {
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      image: appstream.FleetImage.fromImage(this.image),
      desiredCapacity: 1,
      maxUserDuration: cdk.Duration.hours(8),
    });
    const stack = new appstream.Stack(this, 'Stack');
    stack.addFleet(this.fleet);
  }
}
