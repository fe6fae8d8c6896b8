import { ArnComponents, ArnFormat, CustomResource, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { FleetCfnResource } from './fleet-resource';
import { FLEET_STATE_RESOURCE_TYPE, FleetStateProps } from './fleet-state-contract';
import { fleetUpdatableProperties } from './fleet-state-properties';
import { AppStreamProvider } from '../../core/private/appstream-provider';
import { FleetState } from '../fleet-state';

/** Properties of `FleetStateResource`. */
export interface FleetStateResourceProps {
  /** The fleet whose state is kept. */
  readonly fleet: FleetCfnResource;
  /**
   * The fleet's name as known before the fleet exists (its physical name, not `fleet.ref`): the
   * provider's shared role is granted on its ARN, and a `Ref` there would make a dependency cycle
   * through the update guard (fleet → guard → provider → role policy → fleet). The resource
   * carries the same literal, so the role and the handler always name the same fleet.
   */
  readonly fleetName: string;
  /** The state to keep it in. */
  readonly desiredState: FleetState;
}

/**
 * `Custom::AppStreamFleetState`: keeps a fleet RUNNING or STOPPED.
 *
 * It depends on the fleet (`DependsOn`), so CloudFormation creates and updates it after the
 * fleet; it carries the fleet's updatable properties, so any update of the fleet also re-applies
 * the desired state (restarting a fleet that `FleetUpdateGuard` stopped for the update). When the
 * fleet is replaced (a new name), it acts on the new fleet only; CloudFormation deletes the old
 * one. Deleting it leaves the fleet as it is.
 */
export class FleetStateResource extends Construct {
  /** The custom resource. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: FleetStateResourceProps) {
    super(scope, id);
    this.resource = fleetCustomResource(this, FLEET_STATE_RESOURCE_TYPE, props.fleetName, props.fleet, {
      [FleetStateProps.DESIRED_STATE]: props.desiredState,
    });
    // DependsOn: CloudFormation acts on this resource after creating or updating the fleet.
    this.resource.node.addDependency(props.fleet);
  }
}

/**
 * The custom resource of `resourceType` on the fleet named `fleetName`, served by the CDK stack's
 * provider, which may describe fleets and start or stop this one. It carries the fleet's name and
 * updatable properties, and `properties` of its own kind.
 */
export function fleetCustomResource(
  scope: Construct, resourceType: string, fleetName: string, fleet: FleetCfnResource, properties: Record<string, unknown>,
): CustomResource {
  const provider = AppStreamProvider.getOrCreate(scope);
  provider.grantDescribeFleets();
  provider.grantStartStop(fleetArnOf(scope, fleetName));
  return new CustomResource(scope, 'Resource', {
    serviceToken: provider.serviceToken,
    resourceType,
    properties: {
      [FleetStateProps.FLEET_NAME]: fleetName,
      ...properties,
      [FleetStateProps.FLEET_PROPERTIES]: fleetUpdatableProperties(fleet),
    },
  });
}

/** The parts of the ARN of the fleet named `fleetName`. */
export function fleetArnComponents(fleetName: string): ArnComponents {
  return { service: 'appstream', resource: 'fleet', resourceName: fleetName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME };
}

/** The ARN of the fleet named `fleetName` in the stack of `scope`. */
export function fleetArnOf(scope: Construct, fleetName: string): string {
  return Stack.of(scope).formatArn(fleetArnComponents(fleetName));
}
