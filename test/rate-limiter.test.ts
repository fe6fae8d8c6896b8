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
    c.advance(limiter.reserve());
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

test('the rate falls to just under the admitted rate on throttling, at most once a second', () => {
  const c = clock();
  const limiter = new AdaptiveRateLimiter({ initialRate: 20, growthPerSecond: 0, now: c.now });
  for (let i = 0; i < 10; i++) { // 5 admitted per second over two seconds
    c.advance(200);
    limiter.onAdmitted();
  }
  limiter.onThrottled();
  expect(limiter.rate).toBeCloseTo(5 * 0.95);
  c.advance(500);
  limiter.onThrottled(); // answers to requests sent at the old rate: no second decrease yet
  expect(limiter.rate).toBeCloseTo(5 * 0.95, 1);
});

test('without any admitted request the rate halves, never below the floor', () => {
  const c = clock();
  const limiter = new AdaptiveRateLimiter({ initialRate: 1, minRate: 0.2, growthPerSecond: 0, now: c.now });
  for (let i = 0; i < 5; i++) {
    c.advance(5_000);
    limiter.onThrottled();
  }
  expect(limiter.rate).toBeCloseTo(0.2);
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
