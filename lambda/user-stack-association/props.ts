/**
 * Turns the resource properties (CloudFormation passes every scalar as a string) back into typed
 * values, loading a large user list from S3 when the construct put it there.
 */
import { dedupe } from './plan';
import {
  AUTHENTICATION_TYPE_PATTERN,
  USER_NAME_MAX_LENGTH,
  USER_NAME_MIN_LENGTH,
  UserStackAssociationProps as P,
  type UserEntry,
} from '../../src/users/private/user-stack-association-contract';

/** The properties of one resource, parsed. */
export interface AssociationProps {
  readonly stackName: string;
  /** Distinct users (name + authentication type), in the given order. */
  readonly users: UserEntry[];
  readonly sendEmailNotification: boolean;
}

/** Reads an S3 object as text. */
export type ObjectReader = (bucket: string, key: string) => Promise<string>;

/** A property problem; the message names the property and the value. */
export class InvalidPropertiesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidPropertiesError';
  }
}

/** Parses "true" / "false" (or a boolean); absent means false. */
export function parseBoolean(name: string, value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false || value === 'false') {
    return false;
  }
  if (value === true || value === 'true') {
    return true;
  }
  throw new InvalidPropertiesError(`${name} must be "true" or "false", got ${JSON.stringify(value)}`);
}

/** Checks a user list (from the properties or from S3) entry by entry; returns it without repeats. */
export function parseUsers(source: string, value: unknown): UserEntry[] {
  if (!Array.isArray(value)) {
    throw new InvalidPropertiesError(`${source} must be a list of { UserName, AuthenticationType }, got ${typeof value}`);
  }
  const users = value.map((entry: unknown, index: number): UserEntry => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const userName = e.UserName;
    const authenticationType = e.AuthenticationType;
    if (typeof userName !== 'string' || userName.length < USER_NAME_MIN_LENGTH || userName.length > USER_NAME_MAX_LENGTH) {
      throw new InvalidPropertiesError(`${source}[${index}].UserName must be a string of ${USER_NAME_MIN_LENGTH}-${USER_NAME_MAX_LENGTH} characters`);
    }
    // Any upper-case type the construct lets through (AWS adds types); AppStream judges the value.
    if (typeof authenticationType !== 'string' || !AUTHENTICATION_TYPE_PATTERN.test(authenticationType)) {
      throw new InvalidPropertiesError(`${source}[${index}].AuthenticationType must be an API value such as SAML `
        + `(upper-case letters, digits and _), got ${JSON.stringify(authenticationType)}`);
    }
    return { UserName: userName, AuthenticationType: authenticationType };
  });
  return dedupe(users);
}

/** Parses the resource properties; reads the user list from S3 when given as `UsersBucket` / `UsersKey`. */
export async function parseProps(raw: Record<string, unknown> | undefined, readObject: ObjectReader): Promise<AssociationProps> {
  const props = raw ?? {};
  const stackName = props[P.STACK_NAME];
  if (typeof stackName !== 'string' || stackName.length === 0) {
    throw new InvalidPropertiesError(`${P.STACK_NAME} is required`);
  }
  const inline = props[P.USERS];
  const bucket = props[P.USERS_BUCKET];
  const key = props[P.USERS_KEY];
  const fromS3 = bucket !== undefined || key !== undefined;
  if (inline !== undefined && fromS3) {
    throw new InvalidPropertiesError(`Give either ${P.USERS} or ${P.USERS_BUCKET}/${P.USERS_KEY}, not both`);
  }
  let users: UserEntry[];
  if (fromS3) {
    if (typeof bucket !== 'string' || !bucket || typeof key !== 'string' || !key) {
      throw new InvalidPropertiesError(`${P.USERS_BUCKET} and ${P.USERS_KEY} must both be given`);
    }
    const location = `s3://${bucket}/${key}`;
    let text: string;
    try {
      text = await readObject(bucket, key);
    } catch (error) {
      throw new Error(`Cannot read the user list ${location}: ${(error as Error).name ?? ''} ${(error as Error).message ?? error}`.trim());
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new InvalidPropertiesError(`The user list ${location} is not valid JSON`);
    }
    users = parseUsers(location, parsed);
  } else {
    users = parseUsers(P.USERS, inline ?? []);
  }
  return {
    stackName,
    users,
    sendEmailNotification: parseBoolean(P.SEND_EMAIL_NOTIFICATION, props[P.SEND_EMAIL_NOTIFICATION]),
  };
}
