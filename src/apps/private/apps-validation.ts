import { Annotations, Duration, Lazy, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IConstruct } from 'constructs';
import { hashedName } from '../../core/private/generated-name';
import { checkString } from '../../core/private/input-types';
import {
  DESCRIPTION_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH, NAME_MAX_LENGTH, NAME_PATTERN, S3_BUCKET_NAME, S3_KEY_MAX_LENGTH,
} from '../../core/private/limits';
import { PropsValidator } from '../../core/private/validation';
import { Warnings } from '../../core/private/warnings';
import type { AppStreamFileConfig } from '../app-file';

// Rules shared by the constructs of applications (app blocks, app block builders, applications,
// entitlements, image builders), from the AppStream API model (appstream-service-2.json) and the
// registry schemas of their resource types with cfn-lint's patches.

/**
 * Generated names stay within 100 characters: the registry schemas of these types take the API's
 * `Name` pattern (101 characters), the fleet's caps names at 100; 100 fits every source.
 */
export const GENERATED_NAME_MAX_LENGTH = 100;

/** `ScriptDetails.TimeoutInSeconds`: an `Integer` the model does not bound; at least one second. */
export const SCRIPT_TIMEOUT_MIN_SECONDS = 1;
/** The largest integer the API takes for an unbounded `Integer`. */
export const MAX_INTEGER = 2_147_483_647;

/** The name, display name and description every one of these resources has. */
export interface NamedProps {
  readonly name?: string;
  readonly displayName?: string;
  readonly description?: string;
}

/**
 * Records the problems of a resource's name (`nameProperty`), display name and description: the
 * API's `Name` pattern (1 to 101 characters), `DisplayName` (at most 100), `Description` (at most 256).
 */
export function validateNames(v: PropsValidator, nameProperty: string, props: NamedProps): void {
  if (checkString(v, nameProperty, props.name, '"my-app"')) {
    v.string(nameProperty, props.name, {
      min: 1,
      max: NAME_MAX_LENGTH,
      pattern: NAME_PATTERN,
      patternDescription: 'a letter or digit followed by letters, digits, "_", "." or "-"',
    });
  }
  if (checkString(v, 'displayName', props.displayName)) {
    v.string('displayName', props.displayName, { max: DISPLAY_NAME_MAX_LENGTH });
  }
  if (checkString(v, 'description', props.description)) {
    v.string('description', props.description, { max: DESCRIPTION_MAX_LENGTH });
  }
}

/** Records the problems of where a file is: `S3Bucket` (3 to 63 characters of its pattern) and `S3Key` (1 to 1,024). */
export function validateFile(v: PropsValidator, property: string, file: AppStreamFileConfig): void {
  validateBucket(v, `${property} (bucket)`, file.bucket);
  if (checkString(v, `${property} (key)`, file.key)) {
    v.string(`${property} (key)`, file.key, { min: 1, max: S3_KEY_MAX_LENGTH });
  }
}

/** Records the problems of a bucket's name (`S3Bucket`: 3 to 63 characters of its pattern). */
export function validateBucket(v: PropsValidator, property: string, bucket: s3.IBucket): void {
  v.string(property, bucket.bucketName, {
    ...S3_BUCKET_NAME,
    patternDescription: 'an S3 bucket name: lower-case letters, digits, "." and "-", not ending with "."',
  });
}

/** Records the problems of a non-empty string that the API takes without other bounds. */
export function validateNonEmpty(v: PropsValidator, property: string, value: string | undefined): void {
  if (checkString(v, property, value)) {
    v.string(property, value, { min: 1 });
  }
}

/** Records the problems of a script timeout: a whole number of seconds, at least 1. */
export function validateScriptTimeout(v: PropsValidator, property: string, timeout: Duration | undefined): void {
  if (timeout !== undefined && !(timeout instanceof Duration)) {
    v.fail(property, timeout, 'must be a Duration such as Duration.minutes(5)');
    return;
  }
  v.durationInRange(property, timeout, SCRIPT_TIMEOUT_MIN_SECONDS, MAX_INTEGER);
}

/**
 * The physical name of a resource that a change of its create-only properties replaces: the given
 * name, or a name generated from the construct path and a hash of `replacedBy()` (those properties
 * as the template renders them), so that the replacement gets a new name: AppStream names are
 * unique, and CloudFormation creates the new resource before it deletes the old one.
 *
 * The properties are hashed as resolved at synthesis (`{ Ref: ... }` for deploy-time values): a
 * value that changes only at deploy time does not change the name. `resource` is a thunk because
 * the name is given to the `Resource` constructor, before the construct exists.
 */
export function replaceableName(resource: () => IConstruct, given: string | undefined, replacedBy: () => unknown): string {
  return given ?? Lazy.string({
    produce: () => hashedName(resource(), Stack.of(resource()).resolve(replacedBy()), GENERATED_NAME_MAX_LENGTH),
  });
}

/** Warns, when a name is given, that it blocks every change that replaces the resource. */
export function warnIfNameGiven(scope: IConstruct, nameProperty: string, given: string | undefined, replacedBy: string): void {
  if (given !== undefined) {
    Annotations.of(scope).addWarningV2(Warnings.GIVEN_NAME_BLOCKS_REPLACEMENT,
      `${nameProperty} is given: a change of ${replacedBy} replaces this resource, and fails, because CloudFormation creates `
      + `the new resource, with the same name, before it deletes the old one; leave ${nameProperty} out to let such changes deploy`);
  }
}
