import type { CustomResource } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { FleetCfnResource } from './fleet-resource';
import { FLEET_UPDATE_GUARD_RESOURCE_TYPE, FleetStateProps } from './fleet-state-contract';
import { fleetTypeOf } from './fleet-state-properties';
import { FleetUpdateBehavior } from '../fleet-state';
import { fleetCustomResource } from './fleet-state-resource';

/** Properties of `FleetUpdateGuard`. */
export interface FleetUpdateGuardProps {
  /** The fleet to guard. */
  readonly fleet: FleetCfnResource;
  /**
   * The fleet's name, known before the fleet exists: the fleet's physical name, never `fleet.ref`
   * (the guard runs before the fleet, so a reference to it would be a circular dependency).
   */
  readonly fleetName: string;
  /** Stop and restart, or fail, on a change that a running fleet refuses. */
  readonly updateBehavior: FleetUpdateBehavior;
}

/**
 * `Custom::AppStreamFleetUpdateGuard`: the fleet depends on it, so CloudFormation updates it
 * BEFORE the fleet. It carries the fleet's updatable properties; when an update changes one that
 * a running fleet refuses, it stops the fleet and waits until it is STOPPED (or, with
 * `FleetUpdateBehavior.FAIL`, fails naming the properties). A `FleetStateResource` on the same
 * fleet starts it again after CloudFormation's update. Create and delete do nothing.
 */
export class FleetUpdateGuard extends Construct {
  /** The custom resource. */
  public readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: FleetUpdateGuardProps) {
    super(scope, id);
    this.resource = fleetCustomResource(this, FLEET_UPDATE_GUARD_RESOURCE_TYPE, props.fleetName, props.fleet, {
      [FleetStateProps.FLEET_TYPE]: fleetTypeOf(props.fleet),
      [FleetStateProps.STOP_FOR_UPDATES]: String(props.updateBehavior !== FleetUpdateBehavior.FAIL),
    });
    // DependsOn: CloudFormation updates the guard first and deletes it last.
    props.fleet.node.addDependency(this.resource);
  }
}
