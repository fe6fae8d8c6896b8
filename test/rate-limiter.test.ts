import { AdaptiveRateLimiter } from '../lambda/shared/rate-limiter';

/** A virtual clock: the limiter's decisions depend on time only. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => { now += ms; } };
}

/**
 * Drives a limiter against a service that admits `serviceRate` requests/s (token bucket of
 * `burst`, rejections cost no token, as AWS): each request waits for its slot, then is admitted or
 * throttled. Returns what was admitted and rejected.
 */
function simulate(limiter: AdaptiveRateLimiter, c: ReturnType<typeof clock>, serviceRate: number, seconds: number, burst = 5) {
  let tokens = burst;
  let last = c.now();
  const end = c.now() + seconds * 1000;
  let admitted = 0;
  let rejected = 0;
  while (c.now() < end) {
    c.advance(limiter.reserve()!);
    tokens = Math.min(burst, tokens + ((c.now() - last) / 1000) * serviceRate);
    last = c.now();
    if (tokens >= 1) {
      tokens -= 1;
      admitted++;
      limiter.onAdmitted();
    } else {
      rejected++;
      limiter.onThrottled();
    }
  }
  return { admitted, rejected };
}

test('spaces requests evenly at the current rate', () => {
  const c = clock();
  const limiter = new AdaptiveRateLimiter({ initialRate: 4, growthPerSecond: 0, now: c.now });
  expect([limiter.reserve(), limiter.reserve(), limiter.reserve()]).toEqual([0, 250, 500]);
});

test('grows by the given fraction every second, compounded, without throttling (probing up)', () => {
  const c = clock();
  const limiter = new AdaptiveRateLimiter({ initialRate: 10, growthPerSecond: 0.1, now: c.now });
  c.advance(5_000);
  expect(limiter.rate).toBeCloseTo(10 * 1.1 ** 5);
});

test('the rate falls to just under the admitted rate on throttling, at most once every half second', () => {
  const c = clock();
  const limiter = new AdaptiveRateLimiter({ initialRate: 6, growthPerSecond: 0, now: c.now });
  for (let i = 0; i < 10; i++) { // 5 admitted per second over two seconds
    c.advance(200);
    limiter.onAdmitted();
  }
  limiter.onThrottled();
  expect(limiter.rate).toBeCloseTo(5 * 0.95);
  c.advance(300);
  limiter.onThrottled(); // answers to requests sent at the old rate: no second decrease yet
  expect(limiter.rate).toBeCloseTo(5 * 0.95, 1);
});

test('one decrease takes off 30 % at most: a few admitted requests may be all that was asked', () => {
  const c = clock();
  const limiter = new AdaptiveRateLimiter({ initialRate: 10, growthPerSecond: 0, now: c.now });
  c.advance(2_000);
  limiter.onAdmitted(); // one request in two seconds: the caller had little to do
  limiter.onThrottled();
  expect(limiter.rate).toBeCloseTo(7);
});

test('far above the service\'s rate (as many throttled as admitted), the rate falls to the admitted rate at once', () => {
  const c = clock();
  const limiter = new AdaptiveRateLimiter({ initialRate: 50, growthPerSecond: 0, now: c.now });
  for (let i = 0; i < 20; i++) { // over two seconds, 10 admitted (5/s) and 10 throttled
    c.advance(100);
    if (i % 2) limiter.onAdmitted();
    else if (i < 18) limiter.onThrottled();
  }
  c.advance(600);
  limiter.onThrottled();
  expect(limiter.rate).toBeLessThan(6);
});

test('throttled again and again, the rate falls to the floor and no lower', () => {
  const c = clock();
  const limiter = new AdaptiveRateLimiter({ initialRate: 1, minRate: 0.2, growthPerSecond: 0, now: c.now });
  for (let i = 0; i < 10; i++) {
    c.advance(5_000);
    limiter.onThrottled();
  }
  expect(limiter.rate).toBeCloseTo(0.2);
});

test('a slot further away than the caller can wait is not taken', () => {
  const c = clock();
  const limiter = new AdaptiveRateLimiter({ initialRate: 1, growthPerSecond: 0, now: c.now });
  expect(limiter.reserve(500)).toBe(0);
  expect(limiter.reserve(500)).toBeUndefined(); // the next slot is 1 s away
  expect(limiter.reserve(500)).toBeUndefined(); // and still is: the refusal took nothing
  expect(limiter.reserve()).toBe(1000);
});

test.each([2, 5, 20])('against a service that admits %i requests/s, it is admitted at ≥ 95 % of that rate', (serviceRate) => {
  const c = clock();
  const limiter = new AdaptiveRateLimiter({ now: c.now });
  const seconds = 300;
  const { admitted, rejected } = simulate(limiter, c, serviceRate, seconds);
  expect(admitted / seconds).toBeGreaterThanOrEqual(serviceRate * 0.95);
  // and it does not hammer the service: fewer rejected than admitted requests
  expect(rejected).toBeLessThan(admitted);
});

test('the rate falls when the service admits less, and recovers when it admits more again', () => {
  const c = clock();
  const limiter = new AdaptiveRateLimiter({ initialRate: 10, now: c.now });
  simulate(limiter, c, 10, 60);
  expect(limiter.rate).toBeGreaterThan(8);
  simulate(limiter, c, 2, 30); // the account's rate drops (other callers)
  expect(limiter.rate).toBeLessThan(3);
  const { admitted } = simulate(limiter, c, 10, 60); // and comes back
  expect(admitted / 60).toBeGreaterThan(8);
  expect(limiter.rate).toBeGreaterThan(8);
});
