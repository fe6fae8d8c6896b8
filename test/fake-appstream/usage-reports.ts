/**
 * Usage-report operations of the fake AppStream endpoint on an in-memory state:
 * CreateUsageReportSubscription, DescribeUsageReportSubscriptions, DeleteUsageReportSubscription.
 *
 * Behaviour modelled on the API reference (appstream 2016-12-01): one subscription per account and
 * Region; Create answers its bucket `appstream-logs-<region>-<account>-<random>` and, on a
 * subscription that exists, answers the same bucket again (AppStream reuses the account's bucket);
 * Describe lists it (empty list when there is none); Delete of no subscription is a
 * ResourceNotFoundException. With `setReadLag(ms)`, Describe answers the subscription as it was `ms`
 * milliseconds ago, as AWS's eventually consistent reads may.
 */
import { FakeAppStream, FakeServiceError } from './server';

/** The one subscription of the fake account and Region. */
export class UsageReportState {
  /** The bucket of the subscription, or undefined when there is none. */
  public subscribedBucket?: string;
  /** The bucket AppStream made for the account (it stays after an unsubscribe, and is reused). */
  public readonly bucketName: string;
  private readLagMs = 0;
  private changes: Array<{ time: number; before: string | undefined }> = [];

  constructor(region = 'us-east-1', account = '123456789012', private readonly now: () => number = Date.now) {
    this.bucketName = `appstream-logs-${region}-${account}-a1b2c3d4`;
  }

  /** Subscribes directly (as if done in the console). */
  public subscribe(): void {
    this.change(this.bucketName);
  }

  /** Unsubscribes directly (as if done in the console). */
  public unsubscribe(): void {
    this.change(undefined);
  }

  /** Makes Describe answer the state as it was `ms` milliseconds ago. */
  public setReadLag(ms: number): void {
    this.readLagMs = ms;
    this.changes = [];
  }

  /** What a read sees now. */
  public visibleBucket(): string | undefined {
    const settledBefore = this.now() - this.readLagMs;
    const pending = this.changes.filter((c) => c.time > settledBefore);
    return pending.length > 0 ? pending[0].before : this.subscribedBucket;
  }

  private change(next: string | undefined): void {
    if (this.readLagMs > 0) {
      this.changes.push({ time: this.now(), before: this.subscribedBucket });
    }
    this.subscribedBucket = next;
  }
}

/** Registers the usage-report operations on `fake`; returns the state they act on. */
export function registerUsageReportOperations(fake: FakeAppStream, state: UsageReportState = new UsageReportState()): UsageReportState {
  fake.register('CreateUsageReportSubscription', () => {
    state.subscribe();
    return { S3BucketName: state.bucketName, Schedule: 'DAILY' };
  });
  fake.register('DescribeUsageReportSubscriptions', (input) => {
    if (input?.MaxResults !== undefined && (!Number.isInteger(input.MaxResults) || input.MaxResults < 0)) {
      throw new FakeServiceError('ValidationException', 'MaxResults must be a positive integer');
    }
    const bucket = state.visibleBucket();
    return {
      UsageReportSubscriptions: bucket === undefined ? [] : [{ S3BucketName: bucket, Schedule: 'DAILY', SubscriptionErrors: [] }],
    };
  });
  fake.register('DeleteUsageReportSubscription', () => {
    if (state.subscribedBucket === undefined) {
      throw new FakeServiceError('ResourceNotFoundException', 'No usage report subscription found');
    }
    state.unsubscribe();
    return {};
  });
  return state;
}
