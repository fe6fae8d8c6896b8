/**
 * Helpers every handler uses on what CloudFormation and the API hand it: one canonical form of a
 * property value, one test of "not found", one rendering of a resource's errors.
 */

/**
 * JSON with sorted object keys and without empty members, so that a reordered map is not a change.
 * CloudFormation passes scalars as strings: 3600 and "3600" are the same value.
 */
export function canonical(value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(String(value));
}

/** Whether an AWS error says that the resource does not exist. */
export function isNotFound(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'ResourceNotFoundException';
}

/** What `request` answers, or undefined when AWS says the resource does not exist. */
export async function unlessNotFound<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

/** Upper bound of an errors text in a failure (CloudFormation shows a few KB at most). */
const MAX_ERROR_TEXT = 1500;

/** `CODE: message; CODE: message` of a fleet's or image's errors (API `ResourceError`), shortened to fit a failure. */
export function describeResourceErrors(errors: ReadonlyArray<{ ErrorCode?: string; ErrorMessage?: string }> | undefined): string {
  const text = (errors ?? [])
    .map((e) => `${e.ErrorCode ?? 'UNKNOWN'}: ${e.ErrorMessage ?? '(no message)'}`)
    .join('; ');
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}...` : text;
}
