import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { hashedName } from '../../core/private/generated-name';
import { NAME_PATTERN } from '../../core/private/limits';
import { StringRule } from '../../core/private/validation';

/** The registry schema caps `Name` and `ImageName` at 100 characters: generated names stay within it. */
export const FLEET_NAME_MAX_LENGTH = 100;
/** A fleet or image name as the registry schema takes it (`Name` shape, at most 100 characters). */
export const FLEET_NAME_RULE: StringRule = {
  min: 1,
  max: FLEET_NAME_MAX_LENGTH,
  pattern: NAME_PATTERN,
  patternDescription: 'a letter or digit followed by letters, digits, "_", "." or "-"',
};

/**
 * The create-only properties of `AWS::AppStream::Fleet` (the registry schema's
 * `createOnlyProperties`: `/properties/Name`, `/properties/FleetType`) other than the name itself:
 * a change of one replaces the fleet.
 */
export const FLEET_CREATE_ONLY_PROPERTIES = ['FleetType'] as const;

/** The create-only values of a fleet, by CloudFormation property name. */
export type FleetCreateOnlyValues = { readonly [name in typeof FLEET_CREATE_ONLY_PROPERTIES[number]]: string | undefined };

/**
 * A fleet name generated from the construct path (as `Names.uniqueResourceName` makes it) and a
 * short hash of the create-only values: a change that CloudFormation makes by replacement creates
 * the new fleet before it deletes the old one, and fleet names are unique, so the new fleet needs a
 * new name. At most `FLEET_NAME_MAX_LENGTH` characters of the API's `Name` pattern.
 *
 * A value that is a token is left out of the hash: its unresolved string (`${Token[TOKEN.123]}`)
 * is numbered in the order tokens are created, so hashing it would rename, and so replace, the fleet
 * whenever unrelated code creates a token earlier. Its changes then need a manual rename, as with a
 * given name.
 */
export function generatedFleetName(fleet: IConstruct, createOnly: FleetCreateOnlyValues): string {
  const known = FLEET_CREATE_ONLY_PROPERTIES.map((name) => [name, createOnly[name]] as const)
    .filter(([, value]) => value !== undefined && !Token.isUnresolved(value));
  return hashedName(fleet, known, FLEET_NAME_MAX_LENGTH);
}
