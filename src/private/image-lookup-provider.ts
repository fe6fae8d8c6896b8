import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, IConstruct } from 'constructs';

/** The handler bundle (`lambda/image-lookup/index.ts`, bundled by esbuild). */
const HANDLER_ASSET_DIR = path.join(__dirname, '..', '..', 'assets', 'lambda', 'image-lookup', 'index');

/** The provider of `Custom::AppStreamImageLookup`: one per CDK stack. */
export class ImageLookupProvider extends Construct {
  /** The construct id of the singleton, directly under its CDK stack. A contract: renaming it replaces the function. */
  public static readonly ID = 'AppStreamImageLookupProvider';

  /** The provider of the CDK stack that holds `scope`, created on first use. */
  public static getOrCreate(scope: IConstruct): ImageLookupProvider {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(ImageLookupProvider.ID);
    return existing instanceof ImageLookupProvider ? existing : new ImageLookupProvider(stack, ImageLookupProvider.ID);
  }

  /** The token that `CustomResource.serviceToken` takes. */
  public readonly serviceToken: string;

  /** The function that handles CloudFormation's events. */
  public readonly onEventHandler: lambda.Function;

  private constructor(scope: Construct, id: string) {
    super(scope, id);
    this.onEventHandler = new lambda.Function(this, 'OnEventHandler', {
      description: 'Finds the newest AppStream image by name prefix (cdk-appstream FleetImage.latest)',
      // The bundle targets node22; cdk-nag's AwsSolutions-L1 wants the newest runtime.
      runtime: lambda.Runtime.NODEJS_24_X,
      code: lambda.Code.fromAsset(HANDLER_ASSET_DIR),
      handler: 'index.onEvent',
      memorySize: 256,
      // Hundreds of pages of 25 images, each retried with backoff when throttled.
      timeout: Duration.minutes(10),
    });
    // DescribeImages has no resource type in the Service Authorization Reference (a List action
    // over public, private and shared images alike): it takes "*" only. It reads, never changes.
    this.onEventHandler.addToRolePolicy(new iam.PolicyStatement({ actions: ['appstream:DescribeImages'], resources: ['*'] }));
    this.serviceToken = new cr.Provider(this, 'Provider', { onEventHandler: this.onEventHandler }).serviceToken;
  }
}
