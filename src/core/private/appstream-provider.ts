import * as path from 'path';
import { CfnResource, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, IConstruct } from 'constructs';
import { HANDLER_NODE_MAJOR } from './handler-runtime';
import { acknowledgeNagFinding } from './nag';
import {
  FLEET_DESCRIBE_ACTIONS,
  FLEET_STATE_CHANGE_ACTIONS,
  IMAGE_BUILDER_DESCRIBE_ACTIONS,
  IMAGE_BUILDER_STATE_CHANGE_ACTIONS,
  IMAGE_DESCRIBE_ACTIONS,
  IMAGE_MANAGE_ACTIONS,
  OBJECT_COPY_DESTINATION_ACTIONS,
  OBJECT_COPY_SOURCE_ACTIONS,
  STACK_THEME_ACTIONS,
  USAGE_REPORT_SUBSCRIPTION_ACTIONS,
  USER_ENABLE_DISABLE_ACTIONS,
  USER_STACK_ASSOCIATION_ACTIONS,
} from './permissions';
import { HANDLER_MEMORY_MB, HANDLER_TIMEOUT_MINUTES, QUERY_INTERVAL_SECONDS, TOTAL_TIMEOUT_MINUTES } from './provider-contract';

/**
 * The Lambda runtime of every function we create: the newest, as cdk-nag's AwsSolutions-L1 asks.
 * The handler bundle targets the same Node.js version: both come from `HANDLER_NODE_MAJOR`.
 */
export const HANDLER_RUNTIME = new lambda.Runtime(`nodejs${HANDLER_NODE_MAJOR}.x`, lambda.RuntimeFamily.NODEJS, { supportsInlineCode: true });

/** How the log groups of a stack's provider are kept. */
export interface ProviderLogSettings {
  readonly logRetention?: logs.RetentionDays;
  readonly logRemovalPolicy?: RemovalPolicy;
}

/** The safe defaults: logs outlive the stack (an investigation after `cdk destroy` still has them), for 3 months. */
export const DEFAULT_LOG_RETENTION = logs.RetentionDays.THREE_MONTHS;
export const DEFAULT_LOG_REMOVAL_POLICY = RemovalPolicy.RETAIN;

/** Settings given per CDK stack, before or after its provider exists; keyed by the stack object, not its id. */
const logSettingsByStack = new WeakMap<Stack, ProviderLogSettings>();

/**
 * The custom-resource provider of every `Custom::AppStream*` resource of the library: one per CDK
 * stack, however many kinds and resources use it. Its handler (`lambda/provider/`) dispatches on
 * the resource type.
 *
 * Work that outlasts a Lambda invocation (fleets take 10-20 minutes to start, large user lists
 * many throttled calls) never sleeps: onEvent starts it, and the provider's waiter polls
 * isComplete until it is done.
 *
 * Everything it creates follows the same rules: the newest Node.js runtime, roles of our own whose
 * log permissions are scoped to dedicated log groups (no AWSLambdaBasicExecutionRole), and a
 * handler role that holds only what the kinds in use need, on the ARNs they act on.
 */
export class AppStreamProvider extends Construct {
  /** The construct id of the singleton, directly under its CDK stack. A contract: renaming it replaces the functions. */
  public static readonly ID = 'AppStreamCustomResourceProvider';

  /** The provider of the CDK stack that holds `scope`, created on first use. */
  public static getOrCreate(scope: IConstruct): AppStreamProvider {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(AppStreamProvider.ID);
    if (existing === undefined) {
      return new AppStreamProvider(stack, AppStreamProvider.ID);
    }
    if (!(existing instanceof AppStreamProvider)) {
      throw new Error(`${stack.node.path}/${AppStreamProvider.ID} is reserved for the cdk-appstream AppStreamProvider; choose another construct id`);
    }
    return existing;
  }

  /**
   * Sets how the provider of the CDK stack that holds `scope` keeps its log groups: now if the
   * provider exists, else when it is created. Later calls override the fields they set.
   */
  public static configureLogs(scope: IConstruct, settings: ProviderLogSettings): void {
    const stack = Stack.of(scope);
    const merged = { ...logSettingsByStack.get(stack), ...withoutUndefined(settings) };
    logSettingsByStack.set(stack, merged);
    const existing = stack.node.tryFindChild(AppStreamProvider.ID);
    if (existing instanceof AppStreamProvider) {
      existing.applyLogSettings();
    }
  }

  /** The token that `CustomResource.serviceToken` takes. */
  public readonly serviceToken: string;

  /** The function that handles CloudFormation's events (export `onEvent`). */
  public readonly onEventHandler: lambda.Function;

  /** The function that the provider's waiter polls (export `isComplete`). */
  public readonly isCompleteHandler: lambda.Function;

  private readonly handlerRole: iam.Role;
  /** The handlers', the framework's and the waiter's log groups. */
  private readonly logGroups: logs.LogGroup[] = [];
  /** Grants and acknowledgements already made, so that each is made once. */
  private readonly done = new Set<string>();
  /** One statement whose resources grow with every fleet granted. */
  private readonly fleetStateChangeStatement = new iam.PolicyStatement({ actions: FLEET_STATE_CHANGE_ACTIONS, resources: [] });
  /** One statement whose resources grow with every image granted. */
  private readonly imageManageStatement = new iam.PolicyStatement({ actions: IMAGE_MANAGE_ACTIONS, resources: [] });

  private constructor(scope: Construct, id: string) {
    super(scope, id);

    const code = lambda.Code.fromAsset(path.join(__dirname, '..', '..', '..', 'assets', 'lambda', 'provider', 'index'));
    // One role for the handler functions: whatever a resource grants, both onEvent and isComplete need.
    this.handlerRole = this.lambdaRole('HandlerRole');
    const handlerLogs = this.logGroup('HandlerLogs', this.handlerRole);
    const handler = (handlerId: string, exportName: string) => new lambda.Function(this, handlerId, {
      description: 'The custom resources of cdk-appstream (AppStream) in this CDK stack',
      runtime: HANDLER_RUNTIME,
      code,
      handler: `index.${exportName}`,
      timeout: Duration.minutes(HANDLER_TIMEOUT_MINUTES),
      memorySize: HANDLER_MEMORY_MB,
      role: this.handlerRole,
      logGroup: handlerLogs,
    });
    this.onEventHandler = handler('OnEventHandler', 'onEvent');
    this.isCompleteHandler = handler('IsCompleteHandler', 'isComplete');

    const frameworkOnEventRole = this.lambdaRole('FrameworkOnEventRole');
    const frameworkLogs = this.logGroup('FrameworkLogs', frameworkOnEventRole);
    // A role apart from the onEvent one, as the framework requires (else a dependency cycle).
    const frameworkCompleteAndTimeoutRole = this.lambdaRole('FrameworkCompleteRole');
    frameworkLogs.grantWrite(frameworkCompleteAndTimeoutRole);
    // The waiter logs every step but never the execution data (the custom-resource event).
    const waiterLogs = this.logGroup('WaiterLogs');

    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.onEventHandler,
      isCompleteHandler: this.isCompleteHandler,
      queryInterval: Duration.seconds(QUERY_INTERVAL_SECONDS),
      totalTimeout: Duration.minutes(TOTAL_TIMEOUT_MINUTES),
      frameworkOnEventRole,
      frameworkCompleteAndTimeoutRole,
      logGroup: frameworkLogs,
      disableWaiterStateMachineLogging: false,
      waiterStateMachineLogOptions: { destination: waiterLogs, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    this.serviceToken = provider.serviceToken;
    this.hardenFramework(provider);
    this.applyLogSettings();
  }

  /** Lets the handler start and stop the fleet with this ARN (fleet states and update guards). */
  public grantStartStop(fleetArn: string): void {
    this.once(`StartStop:${fleetArn}`, () => {
      if (this.fleetStateChangeStatement.resources.length === 0) {
        // Added with its first resource: a statement without any is invalid.
        this.handlerRole.addToPrincipalPolicy(this.fleetStateChangeStatement);
      }
      this.fleetStateChangeStatement.addResources(fleetArn);
    });
  }

  /** Lets the handler read the state of fleets (fleet states and update guards). */
  public grantDescribeFleets(): void {
    this.grantReadOnAnyResource(FLEET_DESCRIBE_ACTIONS);
  }

  /** Lets the handler start and stop the image builder with this ARN (its desired state). */
  public grantStartStopImageBuilder(imageBuilderArn: string): void {
    this.once(`StartStopImageBuilder:${imageBuilderArn}`, () => this.handlerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: IMAGE_BUILDER_STATE_CHANGE_ACTIONS, resources: [imageBuilderArn] })));
  }

  /** Lets the handler read the state of image builders (their desired state). */
  public grantDescribeImageBuilders(): void {
    this.grantReadOnAnyResource(IMAGE_BUILDER_DESCRIBE_ACTIONS);
  }

  /** Lets the handler list images (image look-ups). */
  public grantDescribeImages(): void {
    this.grantReadOnAnyResource(IMAGE_DESCRIBE_ACTIONS);
  }

  /** Lets the handler create, read and delete the usage-report subscription of the account and Region. */
  public grantUsageReportSubscription(): void {
    this.grantOnAnyResource(USAGE_REPORT_SUBSCRIPTION_ACTIONS,
      'The usage-report subscription actions (and the Describe actions of other kinds) have no resource type in the '
      + 'Service Authorization Reference: they take "*" only. The subscription is one per account and Region.');
  }

  /** Lets the handler enable and disable user-pool users. */
  public grantEnableDisableUsers(): void {
    this.grantOnAnyResource(USER_ENABLE_DISABLE_ACTIONS,
      'EnableUser and DisableUser (and the Describe actions of other kinds) have no resource type in the '
      + 'Service Authorization Reference: they take "*" only.');
  }

  /**
   * Lets the handler make, share, copy, tag and delete the images with these ARNs (which may end
   * with `*`: the names a generated name may take), and list images to follow their state.
   */
  public grantManageImages(imageArns: string[]): void {
    this.grantDescribeImages();
    for (const imageArn of imageArns) {
      this.once(`ManageImage:${imageArn}`, () => {
        if (this.imageManageStatement.resources.length === 0) {
          this.handlerRole.addToPrincipalPolicy(this.imageManageStatement);
        }
        this.imageManageStatement.addResources(imageArn);
        if (imageArn.endsWith('*')) {
          this.acknowledgeNagFinding(`AwsSolutions-IAM5[Resource::${nagResource(Stack.of(this).resolve(imageArn))}]`,
            'A generated image name ends with a hash of the image\'s source, known only at deployment: the handler acts on '
            + 'the images whose names start with the construct\'s own prefix, and never on an image it did not make.',
            this.handlerRole);
        }
      });
    }
  }

  /**
   * Lets the handler pass `role` to AppStream (CreateImportedImage's `IamRoleArn`), and to no
   * other service.
   */
  public grantPassRole(role: iam.IRole): void {
    this.once(`PassRole:${role.node.path}`, () => this.handlerRole.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['iam:PassRole'],
      resources: [role.roleArn],
      conditions: { StringEquals: { 'iam:PassedToService': 'appstream.amazonaws.com' } },
    })));
  }

  /** Lets the handler associate and disassociate users of the stack with this ARN. */
  public grantAssociate(stackArn: string): void {
    this.once(`Associate:${stackArn}`, () => this.handlerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: USER_STACK_ASSOCIATION_ACTIONS, resources: [stackArn] })));
  }

  /** Lets the handler create, update and delete the theme of the stack with this ARN. */
  public grantStackTheme(stackArn: string): void {
    this.once(`StackTheme:${stackArn}`, () => this.handlerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: STACK_THEME_ACTIONS, resources: [stackArn] })));
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
    this.once(`ReadUserList:${objects}`, () => this.handlerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [objects] })));
  }

  /**
   * Lets the handler copy the asset object `sourceKey` of `sourceBucket` into `destination`, under
   * `destinationPrefix`: read the one source object; write and delete every copy under the prefix
   * (a replacement deletes the copy of an earlier deployment, whose key is no longer in the template).
   */
  public grantObjectCopy(sourceBucket: s3.IBucket, sourceKey: string, destination: s3.IBucket, destinationPrefix: string): void {
    const source = sourceBucket.arnForObjects(sourceKey);
    this.once(`CopyFrom:${source}`, () => this.handlerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: OBJECT_COPY_SOURCE_ACTIONS, resources: [source] })));
    const copies = destination.arnForObjects(`${destinationPrefix}*`);
    this.once(`CopyTo:${copies}`, () => {
      this.handlerRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: OBJECT_COPY_DESTINATION_ACTIONS, resources: [copies] }));
      destination.encryptionKey?.grantEncrypt(this.handlerRole);
      const bucket = destination.node.defaultChild;
      if (bucket instanceof CfnResource) {
        this.acknowledgeNagFinding(`AwsSolutions-IAM5[Resource::<${Stack.of(this).resolve(bucket.logicalId)}.Arn>/${destinationPrefix}*]`,
          `The copies of file assets for AppStream live under ${destinationPrefix} with keys that change with their content: `
          + 'the handler writes the new copy and deletes the copies of earlier deployments, so it acts on the prefix.', this.handlerRole);
      }
    });
  }

  /**
   * Acknowledges a cdk-nag finding on everything `scope` holds (by default this provider), with the
   * reason, once (see `acknowledgeNagFinding` in `nag.ts`).
   *
   * @param finding the finding, such as `AwsSolutions-IAM5[Resource::*]`
   */
  public acknowledgeNagFinding(finding: string, reason: string, scope: IConstruct = this): void {
    this.once(`Acknowledge:${scope.node.path}:${finding}`, () => acknowledgeNagFinding(scope, finding, reason));
  }

  /** Runs `grant` the first time `key` is seen: every kind's resources call the grants, often alike. */
  private once(key: string, grant: () => void): void {
    if (!this.done.has(key)) {
      this.done.add(key);
      grant();
    }
  }

  /** Grants read-only actions that have no resource type in the Service Authorization Reference. */
  private grantReadOnAnyResource(actions: string[]): void {
    this.grantOnAnyResource(actions,
      'The Describe actions granted on "*" (DescribeFleets for fleet states, DescribeImages for image look-ups) '
      + 'have no resource type in the Service Authorization Reference: they take "*" only, and only read.');
  }

  /**
   * Grants actions that have no resource type in the Service Authorization Reference (they take "*"
   * only), and says so to cdk-nag once for the handler role (the first reason given stays).
   */
  private grantOnAnyResource(actions: string[], reason: string): void {
    this.once(`OnAny:${actions.join(',')}`, () => {
      this.handlerRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions, resources: ['*'] }));
      this.acknowledgeNagFinding('AwsSolutions-IAM5[Resource::*]', reason, this.handlerRole);
    });
  }

  private lambdaRole(id: string): iam.Role {
    return new iam.Role(this, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  }

  private logGroup(id: string, writer?: iam.IGrantable): logs.LogGroup {
    const group = new logs.LogGroup(this, id, { retention: DEFAULT_LOG_RETENTION, removalPolicy: DEFAULT_LOG_REMOVAL_POLICY });
    if (writer) {
      group.grantWrite(writer);
    }
    this.logGroups.push(group);
    return group;
  }

  /** Applies the stack's log settings (or the defaults) to every log group, through their L1 resources. */
  private applyLogSettings(): void {
    const settings = logSettingsByStack.get(Stack.of(this)) ?? {};
    const retention = settings.logRetention ?? DEFAULT_LOG_RETENTION;
    const removalPolicy = settings.logRemovalPolicy ?? DEFAULT_LOG_REMOVAL_POLICY;
    for (const group of this.logGroups) {
      const cfn = group.node.defaultChild as logs.CfnLogGroup;
      // As logs.LogGroup renders it: INFINITE is no retention at all.
      cfn.retentionInDays = retention === logs.RetentionDays.INFINITE ? undefined : retention;
      cfn.applyRemovalPolicy(removalPolicy);
    }
  }

  /**
   * aws-cdk-lib's provider framework picks its own runtime and grants itself what it needs: bring
   * its functions to our runtime, and say for cdk-nag why the rest is as it must be.
   *
   * `cr.Provider` has no prop for its functions' runtime (aws-cdk-lib 2.257.0: the region's "latest
   * Node.js" fact, nodejs22.x), so the runtime is set on its `CfnFunction`s, public L1 properties found
   * in its construct tree. That relies on the framework's shape: test/appstream-provider.test.ts
   * asserts that its three functions are found and run our runtime, and fails if aws-cdk-lib changes it.
   */
  private hardenFramework(provider: cr.Provider): void {
    for (const child of provider.node.findAll()) {
      if (child instanceof lambda.CfnFunction) {
        child.runtime = HANDLER_RUNTIME.name;
      }
    }
    // The framework's functions invoke the handlers, and its state machine invokes the framework's.
    for (const fn of this.node.findAll().filter((c): c is lambda.CfnFunction => c instanceof lambda.CfnFunction)) {
      const logicalId = Stack.of(this).resolve(fn.logicalId);
      this.acknowledgeNagFinding(`AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        'The provider framework of aws-cdk-lib invokes its functions and their versions (<function ARN>:*).');
    }
    this.acknowledgeNagFinding('AwsSolutions-SF2',
      'The waiter state machine of the provider framework only polls isComplete; X-Ray tracing adds nothing.');
    // The waiter construct holds the state machine and its role.
    const waiter = this.node.findAll().find((c) => c instanceof sfn.CfnStateMachine)!.node.scope!;
    this.acknowledgeNagFinding('AwsSolutions-IAM5[Resource::*]',
      'The waiter state machine logs through CloudWatch Logs vended delivery, whose actions '
      + '(logs:CreateLogDelivery and the like) take "*" only.', waiter);
  }
}

/**
 * A resolved ARN as cdk-nag names it in a finding: `{ Ref: X }` becomes `<X>`, `{ Fn::GetAtt: [X, Y] }`
 * becomes `<X.Y>`, and the parts of an `Fn::Join` are joined.
 */
function nagResource(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  const object = value as Record<string, any>;
  if (object.Ref !== undefined) {
    return `<${object.Ref}>`;
  }
  if (object['Fn::GetAtt'] !== undefined) {
    return `<${object['Fn::GetAtt'].join('.')}>`;
  }
  if (typeof object['Fn::Sub'] === 'string') {
    return object['Fn::Sub'].replace(/\$\{([^}]+)\}/g, '<$1>');
  }
  if (object['Fn::Join'] !== undefined) {
    const [separator, parts] = object['Fn::Join'];
    return (parts as unknown[]).map(nagResource).join(separator);
  }
  return JSON.stringify(value);
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
