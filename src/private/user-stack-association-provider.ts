import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, IConstruct } from 'constructs';
import { USER_STACK_ASSOCIATION_HANDLER, USER_STACK_ASSOCIATION_TIMEOUT_MINUTES } from './user-stack-association-contract';

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

/** The handler bundle (`lambda/user-stack-association/index.ts`, bundled by esbuild). */
const HANDLER_ASSET_DIR = path.join(__dirname, '..', '..', 'assets', 'lambda', 'user-stack-association', 'index');

/**
 * The custom-resource provider of `Custom::AppStreamUserStackAssociation`: one per CDK stack,
 * however many associations the stack holds.
 */
export class UserStackAssociationProvider extends Construct {
  /** The construct id of the singleton, directly under its CDK stack. A contract: renaming it replaces the functions. */
  public static readonly ID = 'AppStreamUserStackAssociationProvider';

  /** The provider of the CDK stack that holds `scope`, created on first use. */
  public static getOrCreate(scope: IConstruct): UserStackAssociationProvider {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(UserStackAssociationProvider.ID);
    return existing instanceof UserStackAssociationProvider
      ? existing
      : new UserStackAssociationProvider(stack, UserStackAssociationProvider.ID);
  }

  /** The token that `CustomResource.serviceToken` takes. */
  public readonly serviceToken: string;

  /** The function that handles CloudFormation's events. */
  public readonly onEventHandler: lambda.Function;

  private readonly grantedStackArns = new Set<string>();
  private readonly grantedUserListObjects = new Set<string>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);

    // Roles of our own, with log permissions scoped to each function's log group instead of the
    // AWSLambdaBasicExecutionRole managed policy.
    const handlerLogs = new logs.LogGroup(this, 'OnEventHandlerLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    const handlerRole = new iam.Role(this, 'OnEventHandlerRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    handlerLogs.grantWrite(handlerRole);

    this.onEventHandler = new lambda.Function(this, 'OnEventHandler', {
      description: 'Associates AppStream users with a stack in batches (cdk-appstream UserStackAssociation)',
      // The bundle targets node22; cdk-nag's AwsSolutions-L1 wants the newest runtime.
      runtime: lambda.Runtime.NODEJS_24_X,
      code: lambda.Code.fromAsset(HANDLER_ASSET_DIR),
      handler: USER_STACK_ASSOCIATION_HANDLER,
      // The handler needs no isComplete: 10,000 users are 400 batch calls, a few minutes at most
      // even throttled; it stops starting calls well before the 15 minutes end.
      timeout: Duration.minutes(USER_STACK_ASSOCIATION_TIMEOUT_MINUTES),
      memorySize: 512,
      role: handlerRole,
      logGroup: handlerLogs,
    });

    const frameworkLogs = new logs.LogGroup(this, 'ProviderLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    const frameworkRole = new iam.Role(this, 'ProviderRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    frameworkLogs.grantWrite(frameworkRole);

    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.onEventHandler,
      frameworkOnEventRole: frameworkRole,
      logGroup: frameworkLogs,
    });
    this.serviceToken = provider.serviceToken;
  }

  /** Lets the handler associate and disassociate users of the stack with this ARN (once per ARN). */
  public grantAssociate(stackArn: string): void {
    if (this.grantedStackArns.has(stackArn)) {
      return;
    }
    this.grantedStackArns.add(stackArn);
    this.onEventHandler.addToRolePolicy(new iam.PolicyStatement({
      actions: USER_STACK_ASSOCIATION_ACTIONS,
      resources: [stackArn],
    }));
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
    this.onEventHandler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [objects],
    }));
  }
}
