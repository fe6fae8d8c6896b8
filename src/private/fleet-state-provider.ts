import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct, IConstruct } from 'constructs';

/** The handler bundle (`lambda/fleet-state/index.ts`, bundled by esbuild). */
const HANDLER_ASSET_DIR = path.join(__dirname, '..', '..', 'assets', 'lambda', 'fleet-state', 'index');

/** Actions that the Service Authorization Reference scopes to the `fleet` resource type. */
export const FLEET_STATE_CHANGE_ACTIONS = ['appstream:StartFleet', 'appstream:StopFleet'];

/**
 * The custom-resource provider of `Custom::AppStreamFleetState` and
 * `Custom::AppStreamFleetUpdateGuard`: one per CDK stack, however many fleets use it.
 *
 * Starting a fleet takes 10 to 20 minutes, so the handler never sleeps: onEvent issues
 * StartFleet / StopFleet and returns, and the provider's waiter calls isComplete every
 * 30 seconds until the fleet is in the state asked for.
 */
export class FleetStateProvider extends Construct {
  /** The construct id of the singleton, directly under its CDK stack. A contract: renaming it replaces the functions. */
  public static readonly ID = 'AppStreamFleetStateProvider';

  /** How often isComplete polls DescribeFleets (the API's FleetStarted / FleetStopped waiters use 30 s). */
  public static readonly QUERY_INTERVAL = Duration.seconds(30);

  /**
   * How long the provider waits for a state before failing. CloudFormation fails a custom resource
   * after one hour without an answer; failing a little earlier gives a clear message instead.
   */
  public static readonly TOTAL_TIMEOUT = Duration.minutes(55);

  /** The provider of the CDK stack that holds `scope`, created on first use. */
  public static getOrCreate(scope: IConstruct): FleetStateProvider {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(FleetStateProvider.ID);
    return existing instanceof FleetStateProvider ? existing : new FleetStateProvider(stack, FleetStateProvider.ID);
  }

  /** The token that `CustomResource.serviceToken` takes. */
  public readonly serviceToken: string;

  /** The function that handles CloudFormation's events. */
  public readonly onEventHandler: lambda.Function;

  /** The function that the waiter polls. */
  public readonly isCompleteHandler: lambda.Function;

  /** One statement on both roles whose resources grow with every fleet granted. */
  private readonly changeStatement: iam.PolicyStatement;
  private readonly grantedFleetArns = new Set<string>();

  private constructor(scope: Construct, id: string) {
    super(scope, id);

    const common = {
      // The bundle targets node22; cdk-nag's AwsSolutions-L1 wants the newest runtime.
      runtime: lambda.Runtime.NODEJS_24_X,
      code: lambda.Code.fromAsset(HANDLER_ASSET_DIR),
      memorySize: 256,
      // A few AppStream calls, each retried with backoff for at most about a minute.
      timeout: Duration.minutes(5),
    };
    this.onEventHandler = new lambda.Function(this, 'OnEventHandler', {
      ...common,
      description: 'Starts or stops AppStream fleets (cdk-appstream desired state and safe updates)',
      handler: 'index.onEvent',
    });
    this.isCompleteHandler = new lambda.Function(this, 'IsCompleteHandler', {
      ...common,
      description: 'Checks whether AppStream fleets reached their state (cdk-appstream desired state and safe updates)',
      handler: 'index.isComplete',
    });

    this.changeStatement = new iam.PolicyStatement({ actions: FLEET_STATE_CHANGE_ACTIONS, resources: [] });
    for (const fn of [this.onEventHandler, this.isCompleteHandler]) {
      // DescribeFleets has no resource type in the Service Authorization Reference (a List
      // action that can describe every fleet of the account): it takes "*" only.
      fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['appstream:DescribeFleets'], resources: ['*'] }));
      fn.addToRolePolicy(this.changeStatement);
    }

    const provider = new cr.Provider(this, 'Provider', {
      onEventHandler: this.onEventHandler,
      isCompleteHandler: this.isCompleteHandler,
      queryInterval: FleetStateProvider.QUERY_INTERVAL,
      totalTimeout: FleetStateProvider.TOTAL_TIMEOUT,
    });
    this.serviceToken = provider.serviceToken;
  }

  /** Lets the handlers start and stop the fleet with this ARN (once per ARN). */
  public grantStartStop(fleetArn: string): void {
    if (this.grantedFleetArns.has(fleetArn)) {
      return;
    }
    this.grantedFleetArns.add(fleetArn);
    this.changeStatement.addResources(fleetArn);
  }
}
