import { AppStreamClient } from '@aws-sdk/client-appstream';
import { AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { resetAppStreamClient } from '../../lambda/shared/appstream';

/**
 * An AppStream client mock for handler tests: reset before each test, any call a test did not
 * expect fails, backoff delays are 1 ms, every test starts with a fresh rate limiter at a high
 * first rate (the mock admits everything), and the handler's logs stay quiet.
 */
export function strictAppStreamMock(): AwsClientStub<AppStreamClient> {
  const appStream = mockClient(AppStreamClient);
  beforeAll(() => {
    process.env.APPSTREAM_RETRY_BASE_DELAY_MS = '1';
    process.env.APPSTREAM_INITIAL_REQUEST_RATE = '1000';
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  beforeEach(() => {
    resetAppStreamClient();
    appStream.reset();
    appStream.onAnyCommand().rejects(new Error('unexpected call'));
  });
  return appStream;
}
