/**
 * User-pool operations of the fake AppStream endpoint: EnableUser and DisableUser on an in-memory
 * user pool.
 *
 * Behaviour modelled on the API reference (appstream 2016-12-01): both need `UserName` (1 to 128
 * characters) and `AuthenticationType` (ValidationException otherwise); both are idempotent; a user
 * that does not exist is a ResourceNotFoundException. A user added with `addUser(name, { visibleAfterMs })`
 * is not found until that much time has passed, as a user CloudFormation has just created may not be.
 */
import { FakeAppStream, FakeServiceError } from './server';

/** The user pool: user name (case-sensitive) → enabled. */
export class UserPoolState {
  public readonly users = new Map<string, { enabled: boolean; visibleAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Adds an enabled user (as CreateUser would), found by the API after `visibleAfterMs`. */
  public addUser(userName: string, options: { visibleAfterMs?: number } = {}): void {
    this.users.set(userName, { enabled: true, visibleAt: this.now() + (options.visibleAfterMs ?? 0) });
  }

  /** Whether the user exists and is enabled (the truth, for the tests' checks). */
  public isEnabled(userName: string): boolean | undefined {
    return this.users.get(userName)?.enabled;
  }

  /** The user as the API sees it now. */
  public visibleUser(userName: string): { enabled: boolean } | undefined {
    const user = this.users.get(userName);
    return user && user.visibleAt <= this.now() ? user : undefined;
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
