import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { HandlerProvider } from './handler-provider';

/** The provider of `Custom::AppStreamImageLookup`: one per CDK stack. */
export class ImageLookupProvider extends HandlerProvider {
  /** The construct id of the singleton, directly under its CDK stack. A contract: renaming it replaces the function. */
  public static readonly ID = 'AppStreamImageLookupProvider';

  /** The provider of the CDK stack that holds `scope`, created on first use. */
  public static getOrCreate(scope: IConstruct): ImageLookupProvider {
    return HandlerProvider.singleton(scope, ImageLookupProvider.ID, ImageLookupProvider, (stack) => {
      const provider = new ImageLookupProvider(stack, ImageLookupProvider.ID, {
        handlerName: 'image-lookup',
        description: 'Finds the newest AppStream image by name prefix (FleetImage.latest)',
        // Hundreds of pages of 25 images, each retried with backoff when throttled.
        timeout: Duration.minutes(10),
        memorySize: 256,
      });
      // DescribeImages has no resource type in the Service Authorization Reference (a List action
      // over public, private and shared images alike): it takes "*" only. It reads, never changes.
      provider.addToHandlerPolicy(new iam.PolicyStatement({ actions: ['appstream:DescribeImages'], resources: ['*'] }));
      provider.acknowledgeNagFinding('AwsSolutions-IAM5[Resource::*]',
        'DescribeImages has no resource type in the Service Authorization Reference: it takes "*" only, and only reads.');
      return provider;
    });
  }
}
