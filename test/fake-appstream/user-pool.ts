/**
 * User-pool operations of the fake AppStream endpoint: EnableUser and DisableUser on an in-memory
 * user pool.
 *
 * Behaviour modelled on the API reference (appstream 2016-12-01): both need `UserName` (1 to 128
 * characters) and `AuthenticationType` (ValidationException otherwise); both are idempotent; a user
 * that does not exist is a ResourceNotFoundException. A user added with `addUser(name, { hiddenForRequests })`
 * is not found by that many requests, as a user CloudFormation has just created may not be (counted in
 * requests, not time, so that a test does not depend on the machine's speed).
 */
import { FakeAppStream, FakeServiceError } from './server';

/** The user pool: user name (case-sensitive) → enabled. */
export class UserPoolState {
  public readonly users = new Map<string, { enabled: boolean; hiddenForRequests: number }>();

  /** Adds an enabled user (as CreateUser would), not found by the API's first `hiddenForRequests` requests for it. */
  public addUser(userName: string, options: { hiddenForRequests?: number } = {}): void {
    this.users.set(userName, { enabled: true, hiddenForRequests: options.hiddenForRequests ?? 0 });
  }

  /** Whether the user exists and is enabled (the truth, for the tests' checks). */
  public isEnabled(userName: string): boolean | undefined {
    return this.users.get(userName)?.enabled;
  }

  /** The user as a request of the API sees it (a request for a hidden user counts towards its showing). */
  public visibleUser(userName: string): { enabled: boolean } | undefined {
    const user = this.users.get(userName);
    if (user && user.hiddenForRequests > 0) {
      user.hiddenForRequests -= 1;
      return undefined;
    }
    return user;
  }
}

/** Registers EnableUser and DisableUser on `fake`; returns the user pool they act on. */
export function registerUserPoolOperations(fake: FakeAppStream, state: UserPoolState = new UserPoolState()): UserPoolState {
  const setEnabled = (enabled: boolean) => (input: any) => {
    const userName = input?.UserName;
    if (typeof userName !== 'string' || userName.length < 1 || userName.length > 128 || typeof input?.AuthenticationType !== 'string') {
      throw new FakeServiceError('ValidationException', 'UserName (1-128 characters) and AuthenticationType are required');
    }
    const user = input.AuthenticationType === 'USERPOOL' ? state.visibleUser(userName) : undefined;
    if (!user) {
      throw new FakeServiceError('ResourceNotFoundException', 'User not found');
    }
    user.enabled = enabled;
    return {};
  };
  fake.register('EnableUser', setEnabled(true));
  fake.register('DisableUser', setEnabled(false));
  return state;
}
