/**
 * A client-side request rate that stays just under what the service admits, without knowing it.
 *
 * AWS rejects requests beyond an unpublished rate (`ThrottlingException`, AppStream's
 * `RequestLimitExceededException`); it never queues them. Rejected requests cost nothing on the
 * server's side but time on ours, so the best rate is the admitted one, probed slightly above:
 *
 * - every request takes the next slot of an evenly spaced schedule at the current rate;
 * - a throttling error brings the rate down to 95 % of the rate admitted over the last two
 *   seconds, where that rate says something: at least as many requests throttled as admitted, and
 *   enough of them. Otherwise (a caller with little to do, a stray rejection) it comes down by 30 %.
 *   At most once every half second, since requests already in flight answer for the old rate;
 * - without throttling the rate grows by 10 % a second, compounded, so it probes back up soon after
 *   the service recovers and finds a higher limit in seconds, not minutes.
 *
 * The same limiter is shared by every call of a handler process, so concurrent calls pace
 * together: how many are in flight follows the admitted rate.
 */

export interface RateLimiterOptions {
  /** Requests per second before anything is known. @default 10 */
  readonly initialRate?: number;
  /** Floor of the rate. @default 0.2 */
  readonly minRate?: number;
  /** Ceiling of the rate. @default 500 */
  readonly maxRate?: number;
  /** Growth per second without throttling, compounded from the rate set at the last decrease. @default 0.1 */
  readonly growthPerSecond?: number;
  /** Clock in milliseconds (replaceable in tests). @default Date.now */
  readonly now?: () => number;
}

/** Window over which the admitted rate is measured. */
const ADMITTED_WINDOW_MS = 2_000;
/** At most one decrease per this interval: answers to requests sent at the old rate keep coming. */
const DECREASE_GAP_MS = 500;
/** Answers in the window below which the admitted rate is not trusted. */
const MIN_SAMPLE = 10;
/** A decrease aims this far under the admitted rate. */
const BELOW_ADMITTED = 0.95;
/** The most one decrease takes off unless saturated: what was admitted may be all that was asked, not all that was allowed. */
const MAX_DECREASE = 0.7;

export class AdaptiveRateLimiter {
  private readonly minRate: number;
  private readonly maxRate: number;
  private readonly growthPerSecond: number;
  private readonly now: () => number;
  private readonly createdAt: number;
  private baseRate: number;
  private baseSince: number;
  private nextSlotAt = 0;
  private lastDecreaseAt = Number.NEGATIVE_INFINITY;
  /** Times of admitted and of throttled requests within the window, oldest first. */
  private readonly admitted: number[] = [];
  private readonly throttled: number[] = [];

  public constructor(options: RateLimiterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.minRate = options.minRate ?? 0.2;
    this.maxRate = options.maxRate ?? 500;
    this.growthPerSecond = options.growthPerSecond ?? 0.1;
    this.baseRate = clamp(options.initialRate ?? 10, this.minRate, this.maxRate);
    this.createdAt = this.now();
    this.baseSince = this.createdAt;
  }

  /** The rate in requests per second at this moment. */
  public get rate(): number {
    const seconds = Math.max(0, this.now() - this.baseSince) / 1000;
    return clamp(this.baseRate * (1 + this.growthPerSecond) ** seconds, this.minRate, this.maxRate);
  }

  /**
   * Takes the next free slot of the schedule; returns how many milliseconds to wait before
   * sending. Each slot is taken once, so concurrent callers are spaced by 1/rate. A slot further
   * than `maxWaitMs` away is not taken (undefined): a caller that cannot use it must not push
   * everyone else's slots back.
   */
  public reserve(maxWaitMs: number = Number.POSITIVE_INFINITY): number | undefined {
    const now = this.now();
    const slot = Math.max(now, this.nextSlotAt);
    if (slot - now > maxWaitMs) {
      return undefined;
    }
    this.nextSlotAt = slot + 1000 / this.rate;
    return slot - now;
  }

  /** Records a request that the service admitted (any answer but a throttling error). */
  public onAdmitted(): void {
    const now = this.now();
    this.admitted.push(now);
    this.forgetBefore(now - ADMITTED_WINDOW_MS);
  }

  /** Records a throttling error: the rate falls to just under the admitted rate. */
  public onThrottled(): void {
    const now = this.now();
    this.throttled.push(now);
    this.forgetBefore(now - ADMITTED_WINDOW_MS);
    if (now - this.lastDecreaseAt < DECREASE_GAP_MS) {
      return;
    }
    const windowMs = Math.min(ADMITTED_WINDOW_MS, Math.max(now - this.createdAt, 250));
    const admittedRate = (this.admitted.length * 1000) / windowMs;
    const saturated = this.throttled.length >= this.admitted.length && this.throttled.length + this.admitted.length >= MIN_SAMPLE;
    const current = this.rate;
    const towardsAdmitted = Math.min(current, admittedRate) * BELOW_ADMITTED;
    const next = saturated ? towardsAdmitted : Math.max(current * MAX_DECREASE, towardsAdmitted);
    this.baseRate = clamp(next, this.minRate, this.maxRate);
    this.baseSince = now;
    this.lastDecreaseAt = now;
    // Requests already scheduled at the old rate keep their slots; new ones follow the new spacing.
    this.nextSlotAt = Math.max(this.nextSlotAt, now + 1000 / this.baseRate);
  }

  private forgetBefore(time: number): void {
    for (const times of [this.admitted, this.throttled]) {
      while (times.length > 0 && times[0] < time) {
        times.shift();
      }
    }
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
