import { defaultRetryOptions, isRetryable, withRetries, type RetryOptions } from '../lambda/shared/retry';

const named = (name: string, status = 400) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

function recorder(random: () => number = () => 0.999999) {
  const delays: number[] = [];
  const options: RetryOptions = {
    maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1000, random, sleep: async (ms) => { delays.push(ms); },
  };
  return { delays, options };
}

describe('isRetryable', () => {
  test.each([
    'ThrottlingException', 'RequestLimitExceededException', 'ConcurrentModificationException', 'RequestLimitExceeded',
    'TooManyRequestsException', 'ServiceUnavailable', 'InternalFailure', 'TimeoutError',
  ])('%s is retried', (name) => {
    expect(isRetryable(named(name))).toBe(true);
  });

  test.each([500, 502, 503, 429])('HTTP %i is retried', (status) => {
    expect(isRetryable(named('SomethingElse', status))).toBe(true);
  });

  test.each(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED'])('network error %s is retried', (code) => {
    expect(isRetryable(Object.assign(new Error('x'), { code }))).toBe(true);
  });

  test('a dropped connection that the SDK wrapped (message only) is retried', () => {
    expect(isRetryable(new Error('AWS SDK error wrapper for TimeoutError: socket hang up'))).toBe(true);
  });

  test('a cause that is retryable makes the error retryable', () => {
    expect(isRetryable(Object.assign(new Error('outer'), { cause: named('ThrottlingException') }))).toBe(true);
  });

  test.each([
    named('ValidationException'),
    named('InvalidParameterCombinationException'),
    named('OperationNotPermittedException'),
    named('ResourceNotFoundException'),
    named('AccessDeniedException', 403),
    Object.assign(new Error('socket hang up'), { $metadata: { httpStatusCode: 400 } }), // a response came back
    'a string',
    undefined,
    null,
  ])('%p is not retried', (error) => {
    expect(isRetryable(error)).toBe(false);
  });
});

describe('withRetries', () => {
  test('returns the first success without waiting', async () => {
    const { delays, options } = recorder();
    await expect(withRetries(async () => 'ok', options)).resolves.toBe('ok');
    expect(delays).toEqual([]);
  });

  test('backs off exponentially up to the cap, then gives up with the last error', async () => {
    const { delays, options } = recorder();
    let calls = 0;
    const error = named('ThrottlingException');
    await expect(withRetries(async () => {
      calls += 1;
      throw error;
    }, options)).rejects.toBe(error);
    expect(calls).toBe(6);
    // random ~1 gives the ceiling: 100, 200, 400, 800, then capped at 1000
    expect(delays).toEqual([99, 199, 399, 799, 999]);
  });

  test('full jitter: each delay is random × ceiling', async () => {
    const { delays, options } = recorder(() => 0.5);
    let calls = 0;
    await expect(withRetries(async () => {
      calls += 1;
      if (calls < 4) {
        throw named('RequestLimitExceededException');
      }
      return calls;
    }, options)).resolves.toBe(4);
    expect(delays).toEqual([50, 100, 200]);
  });

  test('delays stay within [0, ceiling) for any random value', async () => {
    for (const r of [0, 0.25, 0.999]) {
      const { delays, options } = recorder(() => r);
      await withRetries(async () => { throw named('ConcurrentModificationException'); }, options).catch(() => undefined);
      delays.forEach((d, i) => {
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(Math.min(1000, 100 * 2 ** i));
      });
    }
  });

  test('a non-retryable error fails at once', async () => {
    const { delays, options } = recorder();
    let calls = 0;
    const error = named('ValidationException');
    await expect(withRetries(async () => {
      calls += 1;
      throw error;
    }, options)).rejects.toBe(error);
    expect(calls).toBe(1);
    expect(delays).toEqual([]);
  });
});

describe('defaultRetryOptions', () => {
  const saved = process.env.APPSTREAM_RETRY_BASE_DELAY_MS;
  afterEach(() => {
    if (saved === undefined) delete process.env.APPSTREAM_RETRY_BASE_DELAY_MS;
    else process.env.APPSTREAM_RETRY_BASE_DELAY_MS = saved;
  });

  test('8 attempts, 200 ms doubling to 20 s by default', () => {
    delete process.env.APPSTREAM_RETRY_BASE_DELAY_MS;
    expect(defaultRetryOptions()).toEqual({ maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 20000 });
  });

  test('APPSTREAM_RETRY_BASE_DELAY_MS shrinks the delays', () => {
    process.env.APPSTREAM_RETRY_BASE_DELAY_MS = '1';
    expect(defaultRetryOptions()).toEqual({ maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 100 });
  });
});
