import { createHash } from 'crypto';
import { Names } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** Length of the hash suffix of a generated name (hex digits). */
const HASH_LENGTH = 8;

/**
 * A physical name generated from the construct path (as `Names.uniqueResourceName` makes it) and a
 * short hash of `hashInput`, at most `maxLength` characters of the API's `Name` pattern.
 *
 * AppStream names are unique in an account and Region, and CloudFormation creates the replacement
 * of a resource before it deletes the old one: a resource whose change means replacement needs a
 * new name for the new resource. Hashing the values whose change replaces it gives one.
 *
 * `hashInput` must be deterministic: literal values, or tokens already resolved (`{ Ref: ... }`).
 * An unresolved token's string (`${Token[TOKEN.123]}`) is numbered in the order tokens are created,
 * so hashing it would rename, and so replace, the resource whenever unrelated code creates a token earlier.
 */
export function hashedName(scope: IConstruct, hashInput: unknown, maxLength: number): string {
  const hash = createHash('sha256').update(JSON.stringify(hashInput)).digest('hex').slice(0, HASH_LENGTH);
  const base = Names.uniqueResourceName(scope, { maxLength: maxLength - HASH_LENGTH - 1 });
  return `${base}-${hash}`;
}
