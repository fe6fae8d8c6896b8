/**
 * Pure functions of the user-stack-association handler: keys, set differences, chunking, the
 * physical id and the failure message. No I/O here, so all of it is unit-testable.
 */
import type { UserEntry } from '../../src/private/user-stack-association-contract';

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
 * The physical id: deterministic from the AppStream stack name and the logical id, so a retried
 * create answers the same id, and a changed stack name answers a new one (a replacement).
 */
export function physicalResourceId(stackName: string, logicalResourceId: string): string {
  return `${stackName}/${logicalResourceId}`;
}

/** What a create (or a replacement on another stack) does. */
export interface CreatePlan {
  /** Desired users not yet associated: the only ones a failed create may roll back. */
  readonly toAssociate: UserEntry[];
  /** Desired users that were associated before: adopted, never rolled back. */
  readonly alreadyAssociated: UserEntry[];
}

/** Plans a create: associate what is desired and missing. */
export function planCreate(desired: readonly UserEntry[], current: readonly UserEntry[]): CreatePlan {
  return { toAssociate: difference(desired, current), alreadyAssociated: intersection(desired, current) };
}

/** What an in-place update does. */
export interface UpdatePlan {
  /** Desired users missing from the stack: new ones and those removed by hand. */
  readonly toAssociate: UserEntry[];
  /**
   * Users the old properties listed and the new ones do not. Never anyone else: associations this
   * resource did not list are not its own. Not narrowed to the current associations, so a
   * DescribeUserStackAssociations that omits an authentication type cannot leave one behind
   * (disassociating a missing association succeeds).
   */
  readonly toDisassociate: UserEntry[];
}

/** Plans an update on the same stack: converge on `desired`, removing only what `old` listed. */
export function planUpdate(old: readonly UserEntry[], desired: readonly UserEntry[], current: readonly UserEntry[]): UpdatePlan {
  return { toAssociate: difference(desired, current), toDisassociate: difference(old, desired) };
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
