import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { IConstruct } from 'constructs';
import { HandlerProvider } from './handler-provider';
import { USER_STACK_ASSOCIATION_TIMEOUT_MINUTES } from './user-stack-association-contract';

/**
 * IAM actions of the user-stack association handler. The Service Authorization Reference for
 * Amazon AppStream 2.0 lists the `stack` resource type (`arn:${Partition}:appstream:${Region}:
 * ${Account}:stack/${StackName}`) as required for all three, so they are granted on the ARN of
 * each associated stack and never on `*`. (The handler always passes `StackName` to
 * `DescribeUserStackAssociations`.)
 */
export const USER_STACK_ASSOCIATION_ACTIONS = [
  'appstream:BatchAssociateUserStack',
  'appstream:BatchDisassociateUserStack',
  'appstream:DescribeUserStackAssociations',
];

/**
 * The custom-resource provider of `Custom::AppStreamUserStackAssociation`: one per CDK stack,
 * however many associations the stack holds.
 */
export class UserStackAssociationProvider extends HandlerProvider {
  /** The construct id of the singleton, directly under its CDK stack. A contract: renaming it replaces the functions. */
  public static readonly ID = 'AppStreamUserStackAssociationProvider';

  /** The provider of the CDK stack that holds `scope`, created on first use. */
  public static getOrCreate(scope: IConstruct): UserStackAssociationProvider {
    return HandlerProvider.singleton(scope, UserStackAssociationProvider.ID, UserStackAssociationProvider,
      (stack) => new UserStackAssociationProvider(stack, UserStackAssociationProvider.ID, {
        handlerName: 'user-stack-association',
        description: 'Associates AppStream users with a stack in batches (UserStackAssociation)',
        // No isComplete: 10,000 users are 400 batch calls, a few minutes at most even throttled;
        // the handler stops starting calls well before the 15 minutes end.
        timeout: Duration.minutes(USER_STACK_ASSOCIATION_TIMEOUT_MINUTES),
        memorySize: 512,
      }));
  }

  private readonly grantedStackArns = new Set<string>();
  private readonly grantedUserListObjects = new Set<string>();

  /** Lets the handler associate and disassociate users of the stack with this ARN (once per ARN). */
  public grantAssociate(stackArn: string): void {
    if (this.grantedStackArns.has(stackArn)) {
      return;
    }
    this.grantedStackArns.add(stackArn);
    this.addToHandlerPolicy(new iam.PolicyStatement({ actions: USER_STACK_ASSOCIATION_ACTIONS, resources: [stackArn] }));
  }

  /**
   * Lets the handler read user lists shipped as assets: `s3:GetObject` on the `.json` objects of
   * the asset bucket (`Asset.grantRead()` would grant every object and list the bucket).
   *
   * Not only the current object: an update reads the previous list (`OldResourceProperties`), and
   * the delete after a replacement reads the replaced list, while CloudFormation has already
   * updated this policy to the current template. Asset keys are `<hash>.json`, so `*.json` is the
   * narrowest pattern that covers the lists of earlier deployments.
   */
  public grantReadUserList(asset: s3_assets.Asset): void {
    const objects = asset.bucket.arnForObjects('*.json');
    if (this.grantedUserListObjects.has(objects)) {
      return;
    }
    this.grantedUserListObjects.add(objects);
    this.addToHandlerPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [objects] }));
  }
}
