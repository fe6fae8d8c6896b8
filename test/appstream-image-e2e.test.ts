/**
 * The image handler with the real AWS SDK against the local fake AppStream endpoint, which rejects
 * requests beyond its rate (RequestLimitExceededException) and lets reads lag writes, driven through
 * the provider framework's emulator (onEvent, then isComplete until done), as CloudFormation would.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { isComplete, onEvent } from '../lambda/provider';
import { FleetState, registerFleetOperations } from './fake-appstream/fleets';
import { type ImageLab, registerImageOperations } from './fake-appstream/images';
import { FakeAppStream, useFakeEndpoint } from './fake-appstream/server';
import { type FrameworkOptions, type FrameworkResult, resourceEvents, runCustomResource } from './util/provider-framework';
import { IMAGE_RESOURCE_TYPE } from '../src/images/private/image-contract';

const saved = { ...process.env };
let fake: FakeAppStream;
let endpoint: string;
let state: FleetState;
let lab: ImageLab;

const events = resourceEvents({ resourceType: IMAGE_RESOURCE_TYPE, logicalResourceId: 'GoldenImage' });
/** Polls every 5 ms, for up to 5 s; each invocation may run 61 s (its deadline is 1 s away). */
const FRAMEWORK: FrameworkOptions = { queryIntervalMs: 5, totalTimeoutMs: 5_000, invocationTimeoutMs: 61_000 };
const deploy = (event: CloudFormationCustomResourceEvent, options: Partial<FrameworkOptions> = {}): Promise<FrameworkResult> =>
  runCustomResource({ onEvent, isComplete }, event, { ...FRAMEWORK, ...options });

const AMI = 'ami-0123456789abcdef0';
const ROLE = 'arn:aws:iam::111111111111:role/import';
function props(overrides: Record<string, unknown> = {}, source: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ImageName: 'golden',
    Source: { Kind: 'IMPORTED', SourceAmiId: AMI, IamRoleArn: ROLE, Description: 'Golden image', ...source },
    RemovalPolicy: 'Retain',
    ...overrides,
  };
}
const image = (name = 'golden', region = 'us-east-1') => lab.find(region, name);

beforeAll(async () => {
  fake = new FakeAppStream();
  endpoint = await fake.start();
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

afterAll(async () => {
  await fake.stop();
  process.env = saved;
});

beforeEach(() => {
  useFakeEndpoint(endpoint); // and a fresh rate limiter in the handlers
  state = registerFleetOperations(fake, new FleetState());
  lab = registerImageOperations(fake, state, { readLag: 2, readsUntilDone: 3 });
  fake.resetCalls();
  fake.clearFaults();
  // The reject mode: beyond 50 requests per second (bursts of 3) AppStream's own throttling error.
  fake.setRateLimit({ requestsPerSecond: 50, burst: 3, rejectWith: 'RequestLimitExceededException' });
});

test('create imports the AMI, waits through the read lag until AVAILABLE, and returns name and ARN', async () => {
  const result = await deploy(events.create(props({ Tags: { team: 'euc' } })));

  expect(result).toMatchObject({
    Status: 'SUCCESS',
    PhysicalResourceId: 'golden',
    Data: { ImageName: 'golden', ImageArn: 'arn:aws:appstream:us-east-1:111111111111:image/golden' },
  });
  expect(image()).toMatchObject({ State: 'AVAILABLE', Tags: { team: 'euc' } });
  expect(image()!.Description).toMatch(/^Golden image \(cdk-appstream [0-9a-f]{16}\)$/);
  expect(fake.count('CreateImportedImage', 'ok')).toBe(1);
  expect(result.polls).toBeGreaterThanOrEqual(5); // 2 reads hidden, 3 until AVAILABLE
});

test('a generated name ends with a hash of the source: a new AMI gives a new name', async () => {
  const generated = (ami: string) => props({ ImageName: undefined, NamePrefix: 'StackGolden' }, { SourceAmiId: ami });
  const first = await deploy(events.create(generated(AMI)));
  const second = await deploy(events.update(first.PhysicalResourceId, generated('ami-0fedcba9876543210'), generated(AMI)));

  expect(first.PhysicalResourceId).toMatch(/^StackGolden-[0-9a-f]{8}$/);
  expect(second.Status).toBe('SUCCESS');
  expect(second.PhysicalResourceId).toMatch(/^StackGolden-[0-9a-f]{8}$/);
  expect(second.PhysicalResourceId).not.toBe(first.PhysicalResourceId);
  // Retain: the old image stays when CloudFormation deletes the replaced resource.
  expect((await deploy(events.delete(first.PhysicalResourceId, generated(AMI)))).Status).toBe('SUCCESS');
  expect(image(first.PhysicalResourceId)).toBeDefined();
  expect(image(second.PhysicalResourceId)).toBeDefined();
});

test('a FAILED import fails with the image\'s own reason and errors, and leaves no image behind', async () => {
  lab.failNext('golden', {
    Code: 'IMAGE_IMPORT_FAILURE',
    Message: 'The AMI is not supported',
    ImageErrors: [{ ErrorCode: 'VALIDATION_ERROR', ErrorMessage: 'EC2Launch v2 is missing' }],
  });

  const result = await deploy(events.create(props()));

  expect(result.Status).toBe('FAILED');
  expect(result.Reason).toBe('Image "golden" is FAILED: IMAGE_IMPORT_FAILURE: The AMI is not supported; '
    + 'ImageErrors: VALIDATION_ERROR: EC2Launch v2 is missing');
  expect(image()).toBeUndefined();
});

test('a repeated create event adopts the image it made instead of failing on the name', async () => {
  const event = events.create(props());
  await deploy(event);
  const again = await deploy({ ...event, RequestId: 'retry' });

  expect(again.Status).toBe('SUCCESS');
  expect(fake.count('CreateImportedImage')).toBe(1);
});

test('a lost CreateImportedImage response is retried and the image it made adopted', async () => {
  fake.injectFault('CreateImportedImage', 'lostResponse');

  const result = await deploy(events.create(props()));

  expect(result.Status).toBe('SUCCESS');
  expect(fake.count('CreateImportedImage')).toBe(2); // the second answered ResourceAlreadyExistsException
});

test('an image of that name that this resource did not make is never touched', async () => {
  state.addImage('golden', '2025-01-01T00:00:00Z', { Visibility: 'PRIVATE', Description: 'made by hand' });

  const created = await deploy(events.create(props()));
  const deleted = await deploy(events.delete('golden', props({ RemovalPolicy: 'Destroy' })));

  expect(created.Status).toBe('FAILED');
  expect(created.Reason).toMatch(/An image named "golden" already exists and was not made by this resource.*give another imageName/);
  expect(deleted.Status).toBe('SUCCESS');
  expect(image()?.Description).toBe('made by hand');
  expect(fake.count('DeleteImage')).toBe(0);
});

test('a given name blocks replacement: a new source fails clearly', async () => {
  await deploy(events.create(props()));

  const result = await deploy(events.update('golden', props({}, { SourceAmiId: 'ami-0fedcba9876543210' }), props()));

  expect(result.Status).toBe('FAILED');
  expect(result.Reason).toMatch(/already exists and was not made by this resource from this source/);
});

test('shares with accounts, then an update diffs them (no replacement), leaving shares it did not make', async () => {
  const share = (accountId: string, allowImageBuilder = true) => ({ AccountId: accountId, AllowFleet: 'true', AllowImageBuilder: String(allowImageBuilder) });
  const before = props({ ShareWith: [share('222222222222'), share('333333333333')] });
  await deploy(events.create(before));
  image()!.SharedWith!.set('999999999999', { allowFleet: true, allowImageBuilder: false }); // shared by someone else
  const after = props({ ShareWith: [share('333333333333', false), share('444444444444')] });

  const result = await deploy(events.update('golden', after, before));

  expect(result).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'golden' });
  expect(Object.fromEntries(image()!.SharedWith!)).toEqual({
    333333333333: { allowFleet: true, allowImageBuilder: false },
    444444444444: { allowFleet: true, allowImageBuilder: true },
    999999999999: { allowFleet: true, allowImageBuilder: false },
  });
  expect(fake.count('CreateImportedImage')).toBe(1);
});

test('copies to other Regions, waiting for each copy, and shares the copies too', async () => {
  const result = await deploy(events.create(props({
    CopyTo: ['eu-west-1', 'ap-southeast-2'],
    ShareWith: [{ AccountId: '222222222222', AllowFleet: 'true', AllowImageBuilder: 'false' }],
  })));

  expect(result.Status).toBe('SUCCESS');
  for (const region of ['eu-west-1', 'ap-southeast-2']) {
    expect(image('golden', region)).toMatchObject({ State: 'AVAILABLE', Region: region });
    expect(image('golden', region)!.Description).toBe(image()!.Description);
    expect(image('golden', region)!.SharedWith?.has('222222222222')).toBe(true);
  }
  // CopyImage was called from the image's own Region, once per destination (read lag included).
  expect(fake.calls.filter((c) => c.operation === 'CopyImage' && c.outcome === 'ok').map((c) => c.input.DestinationRegion).sort())
    .toEqual(['ap-southeast-2', 'eu-west-1']);
});

test('an update that adds a Region copies to it; Destroy deletes the copy of a Region removed', async () => {
  const before = props({ CopyTo: ['eu-west-1'], RemovalPolicy: 'Destroy' });
  await deploy(events.create(before));
  const after = props({ CopyTo: ['us-west-2'], RemovalPolicy: 'Destroy' });

  const result = await deploy(events.update('golden', after, before));

  expect(result).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'golden' });
  expect(image('golden', 'us-west-2')?.State).toBe('AVAILABLE');
  expect(image('golden', 'eu-west-1')).toBeUndefined();
});

test("a copy to the image's own Region (a stack of unknown Region at synth) fails clearly", async () => {
  const result = await deploy(events.create(props({ CopyTo: ['us-east-1'] })));

  expect(result.Status).toBe('FAILED');
  expect(result.Reason).toBe("copyTo lists the image's own Region us-east-1: a copy has the image's name, which is unique in a Region");
  expect(fake.calls).toEqual([]);
});

test('tags changes are applied to the existing image', async () => {
  const before = props({ Tags: { team: 'euc', cost: '1' } });
  await deploy(events.create(before));

  const result = await deploy(events.update('golden', props({ Tags: { team: 'apps' } }), before));

  expect(result.Status).toBe('SUCCESS');
  expect(image()!.Tags).toEqual({ team: 'apps' });
});

test('delete keeps the image by default', async () => {
  await deploy(events.create(props({ CopyTo: ['eu-west-1'] })));

  const result = await deploy(events.delete('golden', props({ CopyTo: ['eu-west-1'] })));

  expect(result.Status).toBe('SUCCESS');
  expect(image()).toBeDefined();
  expect(image('golden', 'eu-west-1')).toBeDefined();
  expect(fake.count('DeleteImage')).toBe(0);
});

test('delete with Destroy removes the shares, the copies and the image; again, all gone, it succeeds', async () => {
  const destroy = props({ RemovalPolicy: 'Destroy', CopyTo: ['eu-west-1'], ShareWith: [{ AccountId: '222222222222' }] });
  await deploy(events.create(destroy));

  const first = await deploy(events.delete('golden', destroy));
  const again = await deploy(events.delete('golden', destroy));

  expect(first.Status).toBe('SUCCESS');
  expect(again.Status).toBe('SUCCESS');
  expect(image()).toBeUndefined();
  expect(image('golden', 'eu-west-1')).toBeUndefined();
  expect(fake.count('DeleteImagePermissions', 'ok')).toBe(2);
});

test('delete of an image a fleet still uses fails with the service\'s word', async () => {
  await deploy(events.create(props({ RemovalPolicy: 'Destroy' })));
  state.addFleet('users', { attributes: { ImageName: 'golden' } });

  const result = await deploy(events.delete('golden', props({ RemovalPolicy: 'Destroy' })));

  expect(result.Status).toBe('FAILED');
  expect(result.Reason).toMatch(/ResourceInUseException|in use by fleet users/);
});

test('updated images: CreateUpdatedImage from an existing image, failing clearly when it is up to date', async () => {
  state.addImage('base', '2025-01-01T00:00:00Z', { Visibility: 'PRIVATE' });
  const updated = (name: string) => props({ ImageName: name }, { Kind: 'UPDATED', ExistingImageName: 'base', SourceAmiId: undefined, IamRoleArn: undefined, Description: undefined });

  const result = await deploy(events.create(updated('base-patched')));
  lab.upToDate.add('base');
  const upToDate = await deploy(events.create(updated('base-patched-2')));

  expect(result.Status).toBe('SUCCESS');
  expect(image('base-patched')?.State).toBe('AVAILABLE');
  expect(fake.calls.find((c) => c.operation === 'CreateUpdatedImage')!.input).toMatchObject({ existingImageName: 'base', newImageName: 'base-patched' });
  expect(upToDate.Status).toBe('FAILED');
  expect(upToDate.Reason).toMatch(/Image "base" has no updates to apply/);
});

test('throttling: a tight rate still completes, every rejected request retried', async () => {
  fake.setRateLimit({ requestsPerSecond: 20, burst: 1, rejectWith: 'RequestLimitExceededException' });
  fake.injectFault('*', 'ThrottlingException', 2);

  const result = await deploy(events.create(props({ CopyTo: ['eu-west-1'], ShareWith: [{ AccountId: '222222222222' }] })),
    // Invocations of 3 s: the rate limiter has time to find the fake's rate (Lambda gives 14 minutes).
    { totalTimeoutMs: 20_000, invocationTimeoutMs: 63_000 });

  expect([result.Status, result.Reason]).toEqual(['SUCCESS', undefined]);
  expect(fake.count(undefined, 'throttled') + fake.count(undefined, 'fault:ThrottlingException')).toBeGreaterThan(0);
  expect(fake.count('CreateImportedImage', 'ok')).toBe(1);
  expect(fake.count('CopyImage', 'ok')).toBe(1);
}, 30_000);
