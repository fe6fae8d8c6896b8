import { IResolvable, IResolveContext, Token } from 'aws-cdk-lib';
import { FleetCfnResource } from './fleet-resource';
import { NEVER_REFUSED } from './fleet-state-contract';

/** A value computed from the fleet's rendered properties when the template is synthesized. */
class FromRenderedFleet implements IResolvable {
  public readonly creationStack: string[] = [];

  constructor(private readonly fleet: FleetCfnResource, private readonly pick: (properties: Record<string, unknown>) => unknown) {}

  public resolve(context: IResolveContext): unknown {
    return this.pick(this.fleet.renderedProperties(context));
  }

  public toString(): string {
    return Token.asString(this);
  }
}

/**
 * The properties of an `AWS::AppStream::Fleet` that UpdateFleet can change, by CloudFormation
 * name, as rendered in the template (escape-hatch overrides included); unset ones are left out, and
 * so are `Name` and `FleetType` (create-only: a change replaces the fleet) and `Tags` (applied with
 * TagResource, whatever the fleet's state). The guard compares old with new; the fleet-state
 * resource carries them so that CloudFormation invokes it after every update of the fleet.
 */
export function fleetUpdatableProperties(fleet: FleetCfnResource): IResolvable {
  return new FromRenderedFleet(fleet, (properties) => Object.fromEntries(
    Object.entries(properties).filter(([name, value]) => value !== undefined && !NEVER_REFUSED.includes(name)),
  ));
}

/** The fleet type CloudFormation applies (`ON_DEMAND` when the property is not set). */
export function fleetTypeOf(fleet: FleetCfnResource): string {
  return Token.asString(new FromRenderedFleet(fleet, (properties) => String(properties.FleetType ?? 'ON_DEMAND')));
}
