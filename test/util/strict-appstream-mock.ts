import { AppStreamClient } from '@aws-sdk/client-appstream';
import { AwsClientStub, mockClient } from 'aws-sdk-client-mock';

/**
 * An AppStream client mock for handler tests: reset before each test, any call a test did not
 * expect fails, retry delays are 1 ms, and the handler's logs stay quiet.
 */
export function strictAppStreamMock(): AwsClientStub<AppStreamClient> {
  const appStream = mockClient(AppStreamClient);
  beforeAll(() => {
    process.env.APPSTREAM_RETRY_BASE_DELAY_MS = '1';
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  beforeEach(() => {
    appStream.reset();
    appStream.onAnyCommand().rejects(new Error('unexpected call'));
  });
  return appStream;
}
