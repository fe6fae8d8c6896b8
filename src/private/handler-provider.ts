import * as path from 'path';
import { CfnResource, Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, IConstruct } from 'constructs';

/** The Lambda runtime of every function we create: the newest, as cdk-nag's AwsSolutions-L1 asks. */
export const HANDLER_RUNTIME = lambda.Runtime.NODEJS_24_X;

/** How a custom-resource handler of ours is deployed. */
export interface HandlerProviderOptions {
  /** The folder under `lambda/` (and `assets/lambda/`) of the handler. */
  readonly handlerName: string;
  /** Says what the functions do, in the Lambda console. */
  readonly description: string;
  /** Timeout of each handler invocation. */
  readonly timeout: Duration;
  /** Memory of the handler functions, in MiB. */
  readonly memorySize: number;
  /**
   * With an `isComplete` export, the provider polls it at this interval until it says complete,
   * for at most `totalTimeout`: for work that outlasts a Lambda invocation (fleets take 10-20 min).
   * @default - no isComplete: onEvent does the whole work
   */
  readonly isComplete?: { readonly queryInterval: Duration; readonly totalTimeout: Duration };
}

/**
 * A custom-resource provider for one of our handlers in `lambda/`: one per CDK stack and handler,
 * however many custom resources use it (see `getOrCreate` of the subclasses).
 *
 * Everything it creates follows the same rules: the handler bundle from `assets/lambda/<name>/index`,
 * the newest Node.js runtime, roles of our own whose log permissions are scoped to dedicated log
 * groups (no AWSLambdaBasicExecutionRole), and the provider framework of aws-cdk-lib set up the same way.
 */
export abstract class HandlerProvider extends Construct {
  /** The provider of `type` in the CDK stack that holds `scope`, created with `create` on first use. */
  protected static singleton<T extends HandlerProvider>(
    scope: IConstruct, id: string, type: new (...args: any[]) => T, create: (stack: Stack) => T): T {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(id);
    if (existing === undefined) {
      return create(stack);
    }
    if (!(existing instanceof type)) {
      throw new Error(`${stack.node.path}/${id} is reserved for the cdk-appstream ${type.name}; choose another construct id`);
    }
    return existing;
  }

  /** The token that `CustomResource.serviceToken` takes. */
  public readonly serviceToken: string;

  /** The function that handles CloudFormation's events (export `onEvent`). */
  public readonly onEventHandler: lambda.Function;

  /** The function that the provider polls (export `isComplete`), if any. */
  public readonly isCompleteHandler?: lambda.Function;

  private readonly handlerRole: iam.Role;

  public constructor(scope: Construct, id: string, options: HandlerProviderOptions) {
    super(scope, id);

    const code = lambda.Code.fromAsset(path.join(__dirname, '..', '..', 'assets', 'lambda', options.handlerName, 'index'));
    // One role for the handler functions: whatever a resource grants, both onEvent and isComplete need.
    this.handlerRole = this.lambdaRole('HandlerRole');
    const handlerLogs = this.logGroup('HandlerLogs', this.handlerRole);
    const handler = (handlerId: string, exportName: string) => new lambda.Function(this, handlerId, {
      description: `${options.description} (cdk-appstream)`,
      runtime: HANDLER_RUNTIME,
      code,
      handler: `index.${exportName}`,
      timeout: options.timeout,
      memorySize: options.memorySize,
      role: this.handlerRole,
      logGroup: handlerLogs,
    });
    this.onEventHandler = handler('OnEventHandler', 'onEvent');
    this.isCompleteHandler = options.isComplete ? handler('IsCompleteHandler', 'isComplete') : undefined;

    const frameworkOnEventRole = this.lambdaRole('FrameworkOnEventRole');
    const frameworkLogs = this.logGroup('FrameworkLogs', frameworkOnEventRole);
    let frameworkCompleteAndTimeoutRole: iam.Role | undefined;
    let waiterLogs: logs.LogGroup | undefined;
    if (options.isComplete) {
      // A role apart from the onEvent one, as the framework requires (else a dependency cycle).
      // The waiter logs every step but never the execution data (the custom-resource event).
      frameworkCompleteAndTimeoutRole = this.lambdaRole('FrameworkCompleteRole');
      frameworkLogs.grantWrite(frameworkCompleteAndTimeoutRole);
      waiterLogs = new logs.LogGroup(this, 'WaiterLogs', { retention: logs.RetentionDays.THREE_MONTHS });
    }

    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.onEventHandler,
      isCompleteHandler: this.isCompleteHandler,
      queryInterval: options.isComplete?.queryInterval,
      totalTimeout: options.isComplete?.totalTimeout,
      frameworkOnEventRole,
      frameworkCompleteAndTimeoutRole,
      logGroup: frameworkLogs,
      ...(waiterLogs
        ? {
          disableWaiterStateMachineLogging: false,
          waiterStateMachineLogOptions: { destination: waiterLogs, level: sfn.LogLevel.ALL, includeExecutionData: false },
        }
        : {}),
    });
    this.serviceToken = provider.serviceToken;
    this.hardenFramework(provider);
  }

  /** Adds a statement to the role of the handler functions. */
  public addToHandlerPolicy(statement: iam.PolicyStatement): void {
    this.handlerRole.addToPrincipalPolicy(statement);
  }

  /**
   * Acknowledges a cdk-nag finding on everything this provider holds, with the reason: through
   * `Validations.acknowledge()` (cdk-nag 3, one exact finding) and through the `cdk_nag` resource
   * metadata (cdk-nag 2, by rule), so that the library need not depend on cdk-nag.
   *
   * @param finding the finding, such as `AwsSolutions-IAM5[Resource::*]`
   */
  public acknowledgeNagFinding(finding: string, reason: string): void {
    Validations.of(this).acknowledge({ id: finding, reason });
    const rule = finding.replace(/\[.*$/, '');
    for (const child of this.node.findAll()) {
      if (child instanceof CfnResource) {
        const existing = (child.getMetadata('cdk_nag')?.rules_to_suppress ?? []) as Array<{ id: string; reason: string }>;
        if (!existing.some((suppression) => suppression.id === rule)) {
          child.addMetadata('cdk_nag', { rules_to_suppress: [...existing, { id: rule, reason }] });
        }
      }
    }
  }

  private lambdaRole(id: string): iam.Role {
    return new iam.Role(this, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  }

  private logGroup(id: string, writer: iam.IGrantable): logs.LogGroup {
    const group = new logs.LogGroup(this, id, { retention: logs.RetentionDays.THREE_MONTHS });
    group.grantWrite(writer);
    return group;
  }

  /**
   * aws-cdk-lib's provider framework picks its own runtime and grants itself what it needs: bring
   * its functions to our runtime, and say for cdk-nag why the rest is as it must be.
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
    if (this.isCompleteHandler) {
      this.acknowledgeNagFinding('AwsSolutions-SF2',
        'The waiter state machine of the provider framework only polls isComplete; X-Ray tracing adds nothing.');
    }
  }
}
