import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';
import { HandlerProvider } from './handler-provider';

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
export class FleetStateProvider extends HandlerProvider {
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
    return HandlerProvider.singleton(scope, FleetStateProvider.ID, FleetStateProvider, (stack) => {
      const provider = new FleetStateProvider(stack, FleetStateProvider.ID, {
        handlerName: 'fleet-state',
        description: 'Starts or stops AppStream fleets (desired state and safe updates)',
        // A few AppStream calls, each retried with backoff for at most about a minute.
        timeout: Duration.minutes(5),
        memorySize: 256,
        isComplete: { queryInterval: FleetStateProvider.QUERY_INTERVAL, totalTimeout: FleetStateProvider.TOTAL_TIMEOUT },
      });
      // DescribeFleets has no resource type in the Service Authorization Reference (a List
      // action that can describe every fleet of the account): it takes "*" only.
      provider.addToHandlerPolicy(new iam.PolicyStatement({ actions: ['appstream:DescribeFleets'], resources: ['*'] }));
      provider.acknowledgeNagFinding('AwsSolutions-IAM5[Resource::*]',
        'DescribeFleets has no resource type in the Service Authorization Reference: it takes "*" only, and only reads.');
      return provider;
    });
  }

  /** One statement whose resources grow with every fleet granted. */
  private readonly changeStatement = new iam.PolicyStatement({ actions: FLEET_STATE_CHANGE_ACTIONS, resources: [] });
  private readonly grantedFleetArns = new Set<string>();

  /** Lets the handlers start and stop the fleet with this ARN (once per ARN). */
  public grantStartStop(fleetArn: string): void {
    if (this.grantedFleetArns.has(fleetArn)) {
      return;
    }
    if (this.grantedFleetArns.size === 0) {
      // Added with its first resource: a statement without any is invalid.
      this.addToHandlerPolicy(this.changeStatement);
    }
    this.grantedFleetArns.add(fleetArn);
    this.changeStatement.addResources(fleetArn);
  }
}
