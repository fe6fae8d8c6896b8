/**
 * User/stack operations of the fake AppStream endpoint on an in-memory state:
 * BatchAssociateUserStack, BatchDisassociateUserStack, DescribeUserStackAssociations.
 *
 * Behaviour modelled on the API reference (appstream 2016-12-01):
 * - batch calls take 1–25 entries, else ValidationException; the same user twice in one call is an
 *   InvalidParameterCombinationException (assumed: the real service rejects ambiguous batches);
 * - per-entry failures come back in `errors[]` with HTTP 200: STACK_NOT_FOUND, USER_NAME_NOT_FOUND,
 *   DIRECTORY_NOT_FOUND, INTERNAL_ERROR (the last three are injected with `failUser`);
 * - associating an already-associated user succeeds; disassociating a missing association succeeds;
 * - DescribeUserStackAssociations needs StackName or UserName + AuthenticationType
 *   (InvalidParameterCombinationException), MaxResults ≤ 500 (ValidationException, default 500),
 *   paginates with NextToken, and answers ResourceNotFoundException for a stack that does not exist;
 * - reads are eventually consistent, as AWS's are: with `setReadLag(ms)`, DescribeUserStackAssociations
 *   answers the associations as they were `ms` milliseconds ago (writes by the batch operations and by
 *   the `associate`/`disassociate` helpers alike). `associated()` and `isAssociated()` tell the truth
 *   at once, for the tests' checks.
 */
import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceDeleteEvent,
  CloudFormationCustomResourceUpdateEvent,
} from 'aws-lambda';
import { FakeAppStream, FakeServiceError } from './server';

/** One user as the API names it. */
export interface FakeUser {
  readonly UserName: string;
  readonly AuthenticationType: string;
}

/** Per-entry error codes of the batch operations. */
export type EntryErrorCode = 'STACK_NOT_FOUND' | 'USER_NAME_NOT_FOUND' | 'DIRECTORY_NOT_FOUND' | 'INTERNAL_ERROR';

const AUTHENTICATION_TYPES = new Set(['API', 'SAML', 'USERPOOL', 'AWS_AD']);
const MAX_BATCH = 25;
const MAX_PAGE = 500;

/** Key of a user: authentication type and (case-sensitive) name. */
export function userKey(user: FakeUser): string {
  return `${user.AuthenticationType}\u0000${user.UserName}`;
}

/** One association change, kept while reads may still be lagging behind it. */
interface AssociationChange {
  readonly time: number;
  readonly stackName: string;
  readonly key: string;
  /** The association before the change (undefined: there was none), restored to undo it. */
  readonly before: FakeUser | undefined;
}

/** In-memory stacks and associations. */
export class UserStackState {
  /** Names of the stacks that exist. */
  public readonly stacks = new Set<string>();
  /** stack name → (user key → user). */
  public readonly associations = new Map<string, Map<string, FakeUser>>();
  /** user key (or `*\0name` for any authentication type) → error code answered for that user. */
  private readonly failingUsers = new Map<string, { code: EntryErrorCode; operations: 'associate' | 'disassociate' | 'both' }>();
  private readLagMs = 0;
  /** Changes younger than the read lag, oldest first. */
  private changes: AssociationChange[] = [];

  /** @param now clock of the read lag */
  constructor(private readonly now: () => number = Date.now) {}

  /** Makes DescribeUserStackAssociations answer the associations as they were `ms` milliseconds ago. */
  public setReadLag(ms: number): void {
    this.readLagMs = ms;
    this.changes = [];
  }

  /** Creates stacks (idempotent). */
  public addStack(...names: string[]): this {
    for (const name of names) {
      this.stacks.add(name);
      if (!this.associations.has(name)) {
        this.associations.set(name, new Map());
      }
    }
    return this;
  }

  /** Deletes a stack and its associations. */
  public deleteStack(name: string): void {
    this.stacks.delete(name);
    this.associations.delete(name);
    this.changes = this.changes.filter((change) => change.stackName !== name);
  }

  /** Associates users directly (as if done by hand). */
  public associate(stackName: string, users: readonly FakeUser[]): void {
    this.addStack(stackName);
    const map = this.associations.get(stackName)!;
    for (const user of users) {
      const key = userKey(user);
      this.logChange(stackName, key, map.get(key));
      map.set(key, { UserName: user.UserName, AuthenticationType: user.AuthenticationType });
    }
  }

  /** Removes associations directly (as if done by hand). */
  public disassociate(stackName: string, users: readonly FakeUser[]): void {
    const map = this.associations.get(stackName);
    if (!map) {
      return;
    }
    for (const user of users) {
      const key = userKey(user);
      this.logChange(stackName, key, map.get(key));
      map.delete(key);
    }
  }

  /**
   * Users associated with a stack as a read sees them: as they were `readLag` ms ago. Starts from
   * the truth and undoes the changes younger than the lag, newest first.
   */
  public visibleAssociations(stackName: string): FakeUser[] {
    const current = this.associations.get(stackName);
    this.forgetSettledChanges();
    const recent = this.changes.filter((change) => change.stackName === stackName);
    if (!current || recent.length === 0) {
      return this.associated(stackName);
    }
    const view = new Map(current);
    for (const change of recent.reverse()) {
      if (change.before) {
        view.set(change.key, change.before);
      } else {
        view.delete(change.key);
      }
    }
    return [...view.values()];
  }

  /** Users associated with a stack, in association order. */
  public associated(stackName: string): FakeUser[] {
    return [...(this.associations.get(stackName)?.values() ?? [])];
  }

  /** Whether a user is associated with a stack. */
  public isAssociated(stackName: string, user: FakeUser): boolean {
    return this.associations.get(stackName)?.has(userKey(user)) ?? false;
  }

  /**
   * Makes every batch entry naming this user fail with `code` (USER_NAME_NOT_FOUND by default).
   * Without `authenticationType`, the user fails whatever its authentication type.
   */
  public failUser(userName: string, options: {
    code?: EntryErrorCode; authenticationType?: string; operations?: 'associate' | 'disassociate' | 'both';
  } = {}): void {
    const key = `${options.authenticationType ?? '*'}\u0000${userName}`;
    this.failingUsers.set(key, { code: options.code ?? 'USER_NAME_NOT_FOUND', operations: options.operations ?? 'both' });
  }

  /** Stops failing a user (see `failUser`). */
  public unfailUser(userName: string, authenticationType?: string): void {
    this.failingUsers.delete(`${authenticationType ?? '*'}\u0000${userName}`);
  }

  private logChange(stackName: string, key: string, before: FakeUser | undefined): void {
    if (this.readLagMs > 0) {
      this.changes.push({ time: this.now(), stackName, key, before });
    }
  }

  /** Drops the changes every read already sees. */
  private forgetSettledChanges(): void {
    const settledBefore = this.now() - this.readLagMs;
    const firstUnsettled = this.changes.findIndex((change) => change.time > settledBefore);
    this.changes = firstUnsettled < 0 ? [] : this.changes.slice(firstUnsettled);
  }

  /** The error code injected for a user, if any. */
  public failureOf(user: FakeUser, operation: 'associate' | 'disassociate'): EntryErrorCode | undefined {
    const entry = this.failingUsers.get(userKey(user)) ?? this.failingUsers.get(`*\u0000${user.UserName}`);
    return entry && (entry.operations === 'both' || entry.operations === operation) ? entry.code : undefined;
  }
}

interface Entry extends FakeUser {
  readonly StackName: string;
  readonly SendEmailNotification?: boolean;
}

function validateBatch(input: any): Entry[] {
  const entries = input?.UserStackAssociations;
  if (!Array.isArray(entries) || entries.length < 1 || entries.length > MAX_BATCH) {
    throw new FakeServiceError('ValidationException',
      `1 validation error detected: Value at 'userStackAssociations' failed to satisfy constraint: Member must have length between 1 and ${MAX_BATCH}`);
  }
  const seen = new Set<string>();
  for (const entry of entries) {
    if (typeof entry?.StackName !== 'string' || typeof entry?.UserName !== 'string'
      || entry.UserName.length < 1 || entry.UserName.length > 128) {
      throw new FakeServiceError('ValidationException', 'StackName and UserName (1-128 characters) are required');
    }
    if (!AUTHENTICATION_TYPES.has(entry.AuthenticationType)) {
      throw new FakeServiceError('ValidationException',
        `Value '${entry.AuthenticationType}' at 'authenticationType' failed to satisfy constraint: Member must satisfy enum value set: [API, SAML, USERPOOL, AWS_AD]`);
    }
    const key = `${entry.StackName}\u0000${userKey(entry)}`;
    if (seen.has(key)) {
      throw new FakeServiceError('InvalidParameterCombinationException', `Duplicate entry for user in stack ${entry.StackName}`);
    }
    seen.add(key);
  }
  return entries;
}

function entryError(entry: Entry, code: EntryErrorCode) {
  const messages: Record<EntryErrorCode, string> = {
    STACK_NOT_FOUND: `Stack ${entry.StackName} not found`,
    USER_NAME_NOT_FOUND: 'User not found',
    DIRECTORY_NOT_FOUND: 'Directory not found',
    INTERNAL_ERROR: 'Internal error',
  };
  const association: Record<string, unknown> = {
    StackName: entry.StackName, UserName: entry.UserName, AuthenticationType: entry.AuthenticationType,
  };
  if (entry.SendEmailNotification !== undefined) {
    association.SendEmailNotification = entry.SendEmailNotification;
  }
  return { UserStackAssociation: association, ErrorCode: code, ErrorMessage: messages[code] };
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64');
}

function decodeToken(token: string): number {
  try {
    const offset = JSON.parse(Buffer.from(token, 'base64').toString('utf8')).offset;
    if (Number.isInteger(offset) && offset >= 0) {
      return offset;
    }
  } catch {
    // fall through
  }
  throw new FakeServiceError('InvalidNextTokenException', 'Invalid NextToken');
}

/** Registers the user/stack operations on `fake`; returns the state they act on. */
export function registerUserOperations(fake: FakeAppStream, state: UserStackState = new UserStackState()): UserStackState {
  const batch = (operation: 'associate' | 'disassociate') => (input: any) => {
    const errors = [];
    for (const entry of validateBatch(input)) {
      const code = !state.stacks.has(entry.StackName) ? 'STACK_NOT_FOUND' : state.failureOf(entry, operation);
      if (code) {
        errors.push(entryError(entry, code));
      } else {
        state[operation](entry.StackName, [entry]);
      }
    }
    return { errors };
  };
  fake.register('BatchAssociateUserStack', batch('associate'));
  fake.register('BatchDisassociateUserStack', batch('disassociate'));

  fake.register('DescribeUserStackAssociations', (input) => {
    const stackName: string | undefined = input?.StackName;
    const userName: string | undefined = input?.UserName;
    const authenticationType: string | undefined = input?.AuthenticationType;
    if (stackName === undefined && (userName === undefined || authenticationType === undefined)) {
      throw new FakeServiceError('InvalidParameterCombinationException',
        'Specify StackName, or UserName and AuthenticationType, or all three');
    }
    const maxResults = input?.MaxResults ?? MAX_PAGE;
    if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > MAX_PAGE) {
      throw new FakeServiceError('ValidationException', `MaxResults must be between 0 and ${MAX_PAGE}`);
    }
    if (stackName !== undefined && !state.stacks.has(stackName)) {
      throw new FakeServiceError('ResourceNotFoundException', `Stack ${stackName} not found`);
    }
    const stacks = stackName !== undefined ? [stackName] : [...state.stacks];
    const all = stacks.flatMap((stack) => state.visibleAssociations(stack)
      .filter((u) => (userName === undefined || u.UserName === userName)
        && (authenticationType === undefined || u.AuthenticationType === authenticationType))
      .map((u) => ({ StackName: stack, UserName: u.UserName, AuthenticationType: u.AuthenticationType })));
    const offset = input?.NextToken ? decodeToken(input.NextToken) : 0;
    const size = maxResults === 0 ? MAX_PAGE : maxResults;
    const page = all.slice(offset, offset + size);
    const next = offset + size < all.length ? encodeToken(offset + size) : undefined;
    return next ? { UserStackAssociations: page, NextToken: next } : { UserStackAssociations: page };
  });

  return state;
}

/** `n` user-pool users `<prefix><i>@example.com`. */
export function userPoolUsers(n: number, prefix = 'user'): FakeUser[] {
  return Array.from({ length: n }, (_, i) => ({ UserName: `${prefix}${i}@example.com`, AuthenticationType: 'USERPOOL' }));
}

/**
 * CloudFormation events of one `Custom::AppStreamUserStackAssociation` (logical id `logicalId`)
 * on `stackName`, with the users inline, as the Provider framework passes them to the handler.
 */
export function associationEvents(stackName: string, logicalId = 'Users') {
  const common = {
    ServiceToken: 'arn:token',
    ResponseURL: 'https://example.com/response',
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/test/guid',
    RequestId: 'request',
    LogicalResourceId: logicalId,
    ResourceType: 'Custom::AppStreamUserStackAssociation',
  };
  const props = (users: readonly FakeUser[], stack = stackName) => ({ ServiceToken: common.ServiceToken, StackName: stack, Users: users });
  /** The physical id the handler answers for this resource. */
  const physicalId = `${stackName}/${logicalId}`;
  return {
    physicalId,
    create: (users: readonly FakeUser[]): CloudFormationCustomResourceCreateEvent =>
      ({ ...common, RequestType: 'Create', ResourceProperties: props(users) }),
    update: (users: readonly FakeUser[], old: readonly FakeUser[]): CloudFormationCustomResourceUpdateEvent =>
      ({ ...common, RequestType: 'Update', PhysicalResourceId: physicalId, ResourceProperties: props(users), OldResourceProperties: props(old) }),
    delete: (users: readonly FakeUser[], id = physicalId): CloudFormationCustomResourceDeleteEvent =>
      ({ ...common, RequestType: 'Delete', PhysicalResourceId: id, ResourceProperties: props(users) }),
  };
}
