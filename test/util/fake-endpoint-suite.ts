import { FakeAppStream, type RateLimit, useFakeEndpoint } from '../fake-appstream/server';

/** The fake endpoint of a test file, and its address once started. */
export interface FakeEndpointSuite {
  readonly fake: FakeAppStream;
  /** The fake's address (set by the suite's `beforeAll`). */
  endpoint: string;
}

/**
 * Registers the jest hooks that every handler end-to-end test file needs: the fake started once
 * for the file (and the environment given back after it); before each test, the handlers pointed at
 * it with a fresh rate limiter, calls and faults cleared, the fake's rate limit set, the handlers'
 * logs silenced. Operations are registered by the test file, in its own `beforeEach`.
 */
export function fakeEndpointSuite(rateLimit: RateLimit): FakeEndpointSuite {
  const saved = { ...process.env };
  const suite: FakeEndpointSuite = { fake: new FakeAppStream(), endpoint: '' };
  beforeAll(async () => {
    suite.endpoint = await suite.fake.start();
  });
  afterAll(async () => {
    await suite.fake.stop();
    process.env = saved;
  });
  beforeEach(() => {
    useFakeEndpoint(suite.endpoint);
    suite.fake.resetCalls();
    suite.fake.clearFaults();
    suite.fake.setRateLimit(rateLimit);
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());
  return suite;
}
