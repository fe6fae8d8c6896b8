/**
 * Pure functions of the user-stack-association handler: keys, set differences, chunking, the
 * physical id and the failure message. No I/O here, so all of it is unit-testable.
 */
import { createHash } from 'crypto';
import type { UserEntry } from '../../src/users/private/user-stack-association-contract';

/** Batch size limit of BatchAssociateUserStack / BatchDisassociateUserStack (API: 1–25 entries). */
export const MAX_BATCH_SIZE = 25;

/** Page size limit of DescribeUserStackAssociations (API: MaxResults ≤ 500). */
export const MAX_PAGE_SIZE = 500;

/**
 * CloudFormation rejects custom-resource responses above 4,096 bytes; the Provider framework adds
 * the physical id, ids and a log link to our message, so the message keeps well below that.
 * Sizes are measured as the message travels: JSON-encoded UTF-8 (a `"` or `\\` in a user name,
 * both allowed by the API, takes two bytes).
 */
export const MAX_MESSAGE_BYTES = 1500;

/** The most the reason of a failed event may take, whatever made it (see `fitResponse`). */
export const MAX_REASON_BYTES = 2 * MAX_MESSAGE_BYTES;

/** Bytes `text` takes inside the JSON response body (UTF-8, with JSON escapes, without the quotes). */
export function encodedBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), 'utf8') - 2;
}

/** Identity of an association on one stack: the (case-sensitive) user name and its authentication type. */
export function userKey(user: UserEntry): string {
  return `${user.AuthenticationType}\u0000${user.UserName}`;
}

/** Users of `a` that are not in `b`, in the order of `a`. */
export function difference(a: readonly UserEntry[], b: readonly UserEntry[]): UserEntry[] {
  const keys = new Set(b.map(userKey));
  return a.filter((user) => !keys.has(userKey(user)));
}

/** Users of `a` that are also in `b`, in the order of `a`. */
export function intersection(a: readonly UserEntry[], b: readonly UserEntry[]): UserEntry[] {
  const keys = new Set(b.map(userKey));
  return a.filter((user) => keys.has(userKey(user)));
}

/** Removes repeated users (same name and authentication type), keeping the first. */
export function dedupe(users: readonly UserEntry[]): UserEntry[] {
  const seen = new Set<string>();
  return users.filter((user) => {
    const key = userKey(user);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** Splits a list into consecutive chunks of at most `size` elements. */
export function chunk<T>(items: readonly T[], size: number = MAX_BATCH_SIZE): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

/**
 * The physical id of a resource whose associations are all made: deterministic from the AppStream
 * stack name and the logical id, so a retried event answers the same id, and a changed stack name
 * answers a new one (a replacement).
 */
export function physicalResourceId(stackName: string, logicalResourceId: string): string {
  return `${stackName}/${logicalResourceId}`;
}

/** Marks the physical id of a create (or replacement) that has not completed. */
const CREATING = '#creating:';
/** No desired user was associated before the create. */
const ADOPTED_NONE = 'none';
/** Too many were to list them in the physical id: a rollback cannot tell them apart and removes nothing. */
const ADOPTED_UNKNOWN = 'unknown';
/** Physical ids are at most 1 KB; keep room for the stack name and logical id. */
const MAX_PHYSICAL_ID_BYTES = 1000;

/**
 * A short digest of a user (48 bits of SHA-256, base64url): enough to tell a few dozen adopted
 * users from the rest of a list, small enough to list them in a physical id.
 */
export function userDigest(user: UserEntry): string {
  return createHash('sha256').update(userKey(user)).digest('base64url').slice(0, 8);
}

/**
 * The physical id of a create in progress: `<final id>#creating:<adopted>`, where `<adopted>` lists
 * the digests of the desired users that were associated before the create (`none`, or `unknown`
 * when too many to list). If the create fails, CloudFormation's rollback deletes the resource with
 * this id, and the Delete removes exactly what the create made: the listed users minus the adopted.
 */
export function creatingResourceId(stackName: string, logicalResourceId: string, adopted: readonly UserEntry[]): string {
  const base = `${physicalResourceId(stackName, logicalResourceId)}${CREATING}`;
  if (adopted.length === 0) {
    return base + ADOPTED_NONE;
  }
  const listed = base + [...new Set(adopted.map(userDigest))].sort().join('.');
  return Buffer.byteLength(listed) <= MAX_PHYSICAL_ID_BYTES ? listed : base + ADOPTED_UNKNOWN;
}

/** What a physical id says about the resource. */
export type ResourceIdentity =
  /** The create completed: the resource owns every user it lists. */
  | { readonly kind: 'created' }
  /** A create that did not complete: it owns the listed users except the adopted ones (undefined: unknown). */
  | { readonly kind: 'creating'; readonly adoptedDigests?: ReadonlySet<string> }
  /** An id this handler did not issue for these properties (a failed create's marker, another stack): owns nothing. */
  | { readonly kind: 'foreign' };

/** Reads a physical id that this handler may have issued for `stackName` and `logicalResourceId`. */
export function identify(physicalId: string, stackName: string, logicalResourceId: string): ResourceIdentity {
  const final = physicalResourceId(stackName, logicalResourceId);
  if (physicalId === final) {
    return { kind: 'created' };
  }
  if (!physicalId.startsWith(final + CREATING)) {
    return { kind: 'foreign' };
  }
  const adopted = physicalId.slice(final.length + CREATING.length);
  if (adopted === ADOPTED_UNKNOWN) {
    return { kind: 'creating' };
  }
  return { kind: 'creating', adoptedDigests: new Set(adopted === ADOPTED_NONE ? [] : adopted.split('.')) };
}

/** What one pass does, from the associations it read. */
export interface PassPlan {
  readonly toAssociate: UserEntry[];
  readonly toDisassociate: UserEntry[];
}

/** Create (or replacement): associate the desired users that are missing. */
export function planCreatePass(desired: readonly UserEntry[], current: readonly UserEntry[]): PassPlan {
  return { toAssociate: difference(desired, current), toDisassociate: [] };
}

/**
 * Update on the same stack: associate desired users that are missing (new ones and those removed
 * by hand), disassociate users the old properties listed and the new ones do not, if still there.
 * Never anyone else: associations this resource did not list are not its own.
 */
export function planUpdatePass(old: readonly UserEntry[], desired: readonly UserEntry[], current: readonly UserEntry[]): PassPlan {
  return { toAssociate: difference(desired, current), toDisassociate: intersection(difference(old, desired), current) };
}

/** Delete: disassociate the listed users still there, except those `keep` says were not made by this resource. */
export function planDeletePass(
  listed: readonly UserEntry[], current: readonly UserEntry[], keep: (user: UserEntry) => boolean = () => false,
): PassPlan {
  return { toAssociate: [], toDisassociate: intersection(listed, current).filter((user) => !keep(user)) };
}

/** One entry that the API refused, with its error code. */
export interface EntryFailure {
  readonly user: UserEntry;
  readonly code: string;
  readonly message?: string;
}

/**
 * The message of a failed operation: the count per error code, then each failed user with its
 * code, as many as fit in `maxBytes` (`encodedBytes`), then "and N more".
 */
export function failureMessage(
  action: 'associate' | 'disassociate',
  stackName: string,
  failures: readonly EntryFailure[],
  attempted: number,
  suffix: string = '',
  maxBytes: number = MAX_MESSAGE_BYTES,
): string {
  const counts = new Map<string, number>();
  for (const f of failures) {
    counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  }
  const byCode = [...counts].map(([code, n]) => `${code} x${n}`).join(', ');
  const head = `Failed to ${action} ${failures.length} of ${attempted} user(s) ${action === 'associate' ? 'with' : 'from'} stack ${stackName} (${byCode}): `;
  const tail = suffix ? `. ${suffix}` : '';
  const items = failures.map((f) => `${f.user.UserName} (${f.user.AuthenticationType}): ${f.code}`);
  let message = head;
  let listed = 0;
  for (const item of items) {
    const remaining = items.length - listed - 1;
    const candidate = `${message}${listed > 0 ? ', ' : ''}${item}`;
    const more = remaining > 0 ? ` and ${remaining} more` : '';
    if (encodedBytes(candidate + more + tail) > maxBytes) {
      break;
    }
    message = candidate;
    listed += 1;
  }
  if (listed < items.length) {
    message += `${listed > 0 ? ' and' : ''} ${items.length - listed} more`;
  }
  return message + tail;
}

/**
 * Cuts `text` to at most `maxBytes` bytes as encoded in the response (`encodedBytes`), marking the
 * cut with "...", never inside a character.
 */
export function fitResponse(text: string, maxBytes: number = MAX_REASON_BYTES): string {
  if (encodedBytes(text) <= maxBytes) {
    return text;
  }
  let cut = '';
  let bytes = 0;
  for (const char of text) {
    const size = encodedBytes(char);
    if (bytes + size > maxBytes - 3) {
      break;
    }
    cut += char;
    bytes += size;
  }
  return `${cut}...`;
}
