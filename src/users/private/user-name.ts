/**
 * Rules for AppStream user names, shared by `User`, `StackUser` lists and `UserStackAssociation`.
 *
 * Values from the AppStream API model (`appstream-service-2.json`, shape `Username`): 1 to 128
 * characters of letters, marks, symbols, numbers and punctuation (no whitespace, no control
 * characters). The model has no e-mail pattern; user-pool user names are e-mail addresses, so
 * they must also look like one (`local@domain.tld`). Names are case-sensitive and never folded.
 */

import { USER_NAME_MAX_LENGTH, USER_NAME_MIN_LENGTH, USER_NAME_PATTERN } from '../../core/private/limits';

/** What `USER_NAME_PATTERN` allows, for error messages. */
export const USER_NAME_PATTERN_DESCRIPTION = 'letters, marks, symbols, numbers and punctuation only (no whitespace)';

/** An e-mail address: one `@`, a non-empty local part, a domain of at least two non-empty labels. */
export const EMAIL_PATTERN = /^[^@]+@[^@.]+(\.[^@.]+)+$/u;

/** The authentication type whose users are e-mail addresses. */
export const USERPOOL = 'USERPOOL';

/**
 * Why `userName` is not a valid name for a user of `authenticationType`, or `undefined` when it is.
 * Never called with tokens.
 */
export function userNameProblem(userName: string, authenticationType: string): string | undefined {
  // A user-pool name that is no e-mail address says so first: that is the fix the user needs
  // (`alice smith` is a wrong kind of name before it is a name with a space).
  if (authenticationType === USERPOOL && !EMAIL_PATTERN.test(userName)) {
    return 'must be an e-mail address such as name@example.com';
  }
  if (userName.length < USER_NAME_MIN_LENGTH || userName.length > USER_NAME_MAX_LENGTH) {
    return `must be ${USER_NAME_MIN_LENGTH} to ${USER_NAME_MAX_LENGTH} characters long`;
  }
  if (!USER_NAME_PATTERN.test(userName)) {
    return `must contain ${USER_NAME_PATTERN_DESCRIPTION}`;
  }
  return undefined;
}

/** Identity of a user: exact (case-sensitive) name plus authentication type. */
export function userKey(userName: string, authenticationType: string): string {
  return `${authenticationType}\u0000${userName}`;
}

/** Orders users by name, then authentication type, by UTF-16 code units (locale-independent). */
export function compareUsers(
  a: { userName: string; authenticationType: string },
  b: { userName: string; authenticationType: string },
): number {
  return compareStrings(a.userName, b.userName) || compareStrings(a.authenticationType, b.authenticationType);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
