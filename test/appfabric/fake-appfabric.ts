import { randomUUID } from 'crypto';

// A local stand-in for the two AppFabric operations of the user-access audit, written from the API
// reference (appfabric 2023-05-19) and answering as Step Functions' AWS SDK integrations do: input
// and output keys in PascalCase, errors thrown with the name `AppFabric.<ErrorShape>`. It is never
// friendlier than AWS: a task is IN_PROGRESS on its first read at least, BatchGetUserAccessTasks
// refuses more than 50 ids, and a throttled call is rejected, not queued.

/** The `Email` pattern of the API model. */
const EMAIL = /^[a-zA-Z0-9.!#$%&'\u2019*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\.[a-zA-Z0-9-]+)*$/;
const UUID = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;
const TASK_ID_LIST_MAX = 50;

/** One app authorization (application tenant) of the app bundle. */
export interface FakeTenant {
  readonly app: string;
  readonly tenantId: string;
  readonly tenantDisplayName: string;
  /** The addresses of the tenant's users (anyone else is not found). */
  readonly users: readonly string[];
  /** StartUserAccessTasks answers an error item (no task) for this tenant. */
  readonly cannotStart?: boolean;
}

/** What the fake does with a task once its reads are over. */
export type FinalStatus = 'COMPLETED' | 'FAILED' | 'EXPIRED';

export interface FakeAppFabricOptions {
  readonly appBundleArn: string;
  readonly tenants: readonly FakeTenant[];
  /** How many reads a task stays IN_PROGRESS for, per address (default 2). */
  readonly readsInProgress?: (email: string) => number;
  /** The final status of a task, per address and app (default COMPLETED). */
  readonly finalStatus?: (email: string, app: string) => FinalStatus;
}

/** An error as a Step Functions SDK integration raises it: `name` is what Retry and Catch match. */
export class AppFabricError extends Error {
  constructor(shape: string, message: string) {
    super(message);
    this.name = `AppFabric.${shape}`;
  }
}

interface Task {
  readonly id: string;
  readonly email: string;
  readonly tenant: FakeTenant;
  readonly readsInProgress: number;
  reads: number;
}

export class FakeAppFabric {
  /** Calls per operation, throttled ones included. */
  public readonly calls = { StartUserAccessTasks: 0, BatchGetUserAccessTasks: 0 };
  /** Calls rejected with ThrottlingException, per operation. */
  public readonly throttled = { StartUserAccessTasks: 0, BatchGetUserAccessTasks: 0 };
  /** The size of every BatchGetUserAccessTasks call's TaskIdList. */
  public readonly batchSizes: number[] = [];
  private readonly tasks = new Map<string, Task>();
  private readonly throttleNext = { StartUserAccessTasks: 0, BatchGetUserAccessTasks: 0 };

  constructor(private readonly options: FakeAppFabricOptions) {}

  /** Rejects the next `count` calls of `operation` with ThrottlingException (HTTP 429). */
  public throttle(operation: keyof FakeAppFabric['calls'], count: number): void {
    this.throttleNext[operation] += count;
  }

  /** StartUserAccessTasks as the SDK integration answers it. */
  public readonly startUserAccessTasks = (input: unknown): unknown => {
    const { AppBundleIdentifier, Email } = input as { AppBundleIdentifier?: string; Email?: string };
    this.admit('StartUserAccessTasks');
    this.checkBundle(AppBundleIdentifier);
    if (typeof Email !== 'string' || Email.length > 320 || !EMAIL.test(Email)) {
      throw new AppFabricError('ValidationException', '1 validation error detected: Value at \'email\' failed to satisfy constraint');
    }
    return {
      UserAccessTasksList: this.options.tenants.map((tenant) => {
        if (tenant.cannotStart) {
          return { App: tenant.app, TenantId: tenant.tenantId, Error: { ErrorCode: 'AppAuthorizationNotConnected', ErrorMessage: 'the app authorization is not connected' } };
        }
        const task: Task = { id: randomUUID(), email: Email, tenant, readsInProgress: this.options.readsInProgress?.(Email) ?? 2, reads: 0 };
        this.tasks.set(task.id, task);
        return { App: tenant.app, TenantId: tenant.tenantId, TaskId: task.id };
      }),
    };
  };

  /** BatchGetUserAccessTasks as the SDK integration answers it. */
  public readonly batchGetUserAccessTasks = (input: unknown): unknown => {
    const { AppBundleIdentifier, TaskIdList } = input as { AppBundleIdentifier?: string; TaskIdList?: unknown };
    this.admit('BatchGetUserAccessTasks');
    this.checkBundle(AppBundleIdentifier);
    if (!Array.isArray(TaskIdList) || TaskIdList.length < 1 || TaskIdList.length > TASK_ID_LIST_MAX
      || !TaskIdList.every((id) => typeof id === 'string' && UUID.test(id))) {
      throw new AppFabricError('ValidationException', `taskIdList must hold 1 to ${TASK_ID_LIST_MAX} task ids`);
    }
    this.batchSizes.push(TaskIdList.length);
    return {
      UserAccessResultsList: (TaskIdList as string[]).map((id) => {
        const task = this.tasks.get(id);
        if (!task) {
          throw new AppFabricError('ResourceNotFoundException', `task ${id} not found`);
        }
        task.reads += 1;
        return this.result(task);
      }),
    };
  };

  private result(task: Task): Record<string, unknown> {
    const common = {
      App: task.tenant.app,
      TenantId: task.tenant.tenantId,
      TenantDisplayName: task.tenant.tenantDisplayName,
      TaskId: task.id,
      Email: task.email,
    };
    if (task.reads <= task.readsInProgress) {
      return { ...common, ResultStatus: 'IN_PROGRESS' };
    }
    const status = this.options.finalStatus?.(task.email, task.tenant.app) ?? 'COMPLETED';
    if (status === 'FAILED') {
      return { ...common, ResultStatus: 'FAILED', TaskError: { ErrorCode: 'ApplicationError', ErrorMessage: 'the application answered 500' } };
    }
    if (status === 'EXPIRED') {
      return { ...common, ResultStatus: 'EXPIRED' };
    }
    if (!task.tenant.users.includes(task.email)) {
      // No such user in the tenant: the task completes without a user.
      return { ...common, ResultStatus: 'COMPLETED' };
    }
    const [first, last] = task.email.split('@')[0].split('.');
    return {
      ...common,
      ResultStatus: 'COMPLETED',
      UserId: `u-${task.id.slice(0, 8)}`,
      UserFullName: `${first} ${last ?? ''}`.trim(),
      UserFirstName: first,
      UserLastName: last,
      UserStatus: 'ACTIVE',
    };
  }

  private admit(operation: keyof FakeAppFabric['calls']): void {
    this.calls[operation] += 1;
    if (this.throttleNext[operation] > 0) {
      this.throttleNext[operation] -= 1;
      this.throttled[operation] += 1;
      throw new AppFabricError('ThrottlingException', 'Rate exceeded');
    }
  }

  private checkBundle(identifier: string | undefined): void {
    if (identifier !== this.options.appBundleArn) {
      throw new AppFabricError('ResourceNotFoundException', `app bundle ${identifier} not found`);
    }
  }
}
