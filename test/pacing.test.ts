import { Deadline, DeadlineReachedError, isDeadlineReached, Pacer } from '../lambda/shared/pacing';
import { AdaptiveRateLimiter } from '../lambda/shared/rate-limiter';

const named = (name: string, status = 400) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

/** A pacer on a virtual clock: sleeping advances time, so deadlines and rates are exact. */
function virtualPacer(options: { initialRate?: number; random?: () => number } = {}) {
  let now = 0;
  const sleeps: number[] = [];
  const limiter = new AdaptiveRateLimiter({ initialRate: options.initialRate ?? 10, growthPerSecond: 0, now: () => now });
  const pacer = new Pacer(limiter, {
    baseDelayMs: 100,
    maxDelayMs: 1000,
    random: options.random ?? (() => 0.999999),
    sleep: async (ms) => { sleeps.push(ms); now += ms; },
  });
  return { pacer, limiter, sleeps, deadlineIn: (ms: number) => new Deadline(now + ms, () => now), now: () => now };
}

test('a call that succeeds is sent once, in the first slot', async () => {
  const { pacer, sleeps, deadlineIn } = virtualPacer();
  await expect(pacer.call(async () => 'ok', deadlineIn(10_000))).resolves.toBe('ok');
  expect(sleeps).toEqual([]);
  expect(pacer.stats).toEqual({ attempts: 1, throttled: 0, succeeded: 1 });
});

test('calls in a row are spaced by 1/rate', async () => {
  const { pacer, sleeps, deadlineIn } = virtualPacer({ initialRate: 4 });
  const deadline = deadlineIn(10_000);
  for (let i = 0; i < 3; i++) {
    await pacer.call(async () => i, deadline);
  }
  expect(sleeps).toEqual([250, 250]);
});

test.each(['ThrottlingException', 'RequestLimitExceededException'])(
  '%s lowers the rate and is retried, however many times, until it succeeds', async (name) => {
    const { pacer, limiter, deadlineIn } = virtualPacer();
    let calls = 0;
    const result = await pacer.call(async () => {
      calls++;
      if (calls <= 20) {
        throw named(name);
      }
      return calls;
    }, deadlineIn(600_000));
    expect(result).toBe(21); // far more than any fixed count of attempts
    expect(limiter.rate).toBeLessThan(10);
    expect(pacer.stats).toEqual({ attempts: 21, throttled: 20, succeeded: 1 });
  });

test('other retryable errors back off exponentially with full jitter, capped', async () => {
  const { pacer, sleeps, deadlineIn } = virtualPacer({ initialRate: 1000 });
  let calls = 0;
  await pacer.call(async () => {
    calls++;
    if (calls <= 5) {
      throw named('InternalFailure', 500);
    }
    return calls;
  }, deadlineIn(600_000));
  // random ~1 gives the ceiling: 100, 200, 400, 800, then capped at 1000; the 1 ms slots aside
  expect(sleeps.filter((ms) => ms > 2)).toEqual([99, 199, 399, 799, 999]);
});

test('an error that is not retryable fails at once', async () => {
  const { pacer, deadlineIn } = virtualPacer();
  const error = named('ValidationException');
  let calls = 0;
  await expect(pacer.call(async () => {
    calls++;
    throw error;
  }, deadlineIn(600_000))).rejects.toBe(error);
  expect(calls).toBe(1);
});

test('no attempt starts after the deadline: the call fails with DeadlineReachedError naming the last error', async () => {
  const { pacer, deadlineIn, now } = virtualPacer();
  const deadline = deadlineIn(30_000);
  const failure = await pacer.call(async () => { throw named('ThrottlingException'); }, deadline).catch((e) => e);
  expect(failure).toBeInstanceOf(DeadlineReachedError);
  expect(isDeadlineReached(failure)).toBe(true);
  expect(failure.message).toContain('ThrottlingException');
  expect(now()).toBeLessThanOrEqual(30_000);
});

test('a deadline already passed sends nothing', async () => {
  const { pacer, deadlineIn } = virtualPacer();
  let calls = 0;
  await expect(pacer.call(async () => { calls++; }, deadlineIn(-1))).rejects.toBeInstanceOf(DeadlineReachedError);
  expect(calls).toBe(0);
});

test('Deadline.of leaves the margin before the end of the invocation; without a context there is none', () => {
  const deadline = Deadline.of({ getRemainingTimeInMillis: () => 900_000 }, 60_000, () => 1_000);
  expect(deadline.at).toBe(1_000 + 840_000);
  expect(Deadline.of(undefined, 60_000).passed).toBe(false);
  expect(Deadline.of(undefined, 60_000).at).toBe(Number.POSITIVE_INFINITY);
});
