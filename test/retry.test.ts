import { isRetryable, isThrottling } from '../lambda/shared/retry';

const named = (name: string, status = 400) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

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

describe('isThrottling', () => {
  test.each(['ThrottlingException', 'RequestLimitExceededException', 'RequestLimitExceeded', 'TooManyRequestsException', 'Throttling'])(
    '%s lowers the rate', (name) => {
      expect(isThrottling(named(name))).toBe(true);
    });

  test('HTTP 429 and an error the SDK marked as throttling lower the rate', () => {
    expect(isThrottling(named('Whatever', 429))).toBe(true);
    expect(isThrottling(Object.assign(new Error('x'), { $retryable: { throttling: true } }))).toBe(true);
  });

  test.each(['ConcurrentModificationException', 'InternalFailure', 'ValidationException', 'LimitExceededException'])(
    '%s does not', (name) => {
      // AppStream's LimitExceededException is a quota (too many fleets), not a rate.
      expect(isThrottling(named(name, name === 'InternalFailure' ? 500 : 400))).toBe(false);
    });
});
