import { CustomResource, Stack, ArnFormat } from 'aws-cdk-lib';
import { CfnFleet } from 'aws-cdk-lib/aws-appstream';
import { Construct } from 'constructs';
import { FleetState } from '../fleet-state';
import { FLEET_STATE_RESOURCE_TYPE, FleetStateProps } from './fleet-state-contract';
import { fleetUpdatableProperties } from './fleet-state-properties';
import { FleetStateProvider } from './fleet-state-provider';

/** Properties of `FleetStateResource`. */
export interface FleetStateResourceProps {
  /** The fleet whose state is kept. */
  readonly fleet: CfnFleet;
  /**
   * The fleet's name as known before the fleet exists (its physical name, not `fleet.ref`): the
   * provider's shared role is granted on its ARN, and a `Ref` there would make a dependency cycle
   * through the update guard (fleet → guard → provider → role policy → fleet).
   */
  readonly fleetName: string;
  /** The state to keep it in. */
  readonly desiredState: FleetState;
}

/**
 * `Custom::AppStreamFleetState`: keeps a fleet RUNNING or STOPPED.
 *
 * It refers to the fleet (`Ref`), so CloudFormation creates and updates it after the fleet; it
 * carries the fleet's updatable properties, so any update of the fleet also re-applies the
 * desired state (restarting a fleet that `FleetUpdateGuard` stopped for the update). Deleting it
 * leaves the fleet as it is.
 */
export class FleetStateResource extends Construct {
  /** The custom resource. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: FleetStateResourceProps) {
    super(scope, id);
    const provider = FleetStateProvider.getOrCreate(this);
    provider.grantStartStop(fleetArnOf(this, props.fleetName));
    this.resource = new CustomResource(this, 'Resource', {
      serviceToken: provider.serviceToken,
      resourceType: FLEET_STATE_RESOURCE_TYPE,
      properties: {
        // A Ref, so that CloudFormation acts on this resource after creating or updating the fleet.
        [FleetStateProps.FLEET_NAME]: props.fleet.ref,
        [FleetStateProps.DESIRED_STATE]: props.desiredState,
        [FleetStateProps.FLEET_PROPERTIES]: fleetUpdatableProperties(props.fleet),
      },
    });
  }
}

/** The ARN of the fleet named `fleetName` in the stack of `scope`. */
export function fleetArnOf(scope: Construct, fleetName: string): string {
  return Stack.of(scope).formatArn({
    service: 'appstream',
    resource: 'fleet',
    resourceName: fleetName,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}
