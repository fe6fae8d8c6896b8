import {
  CreateUsageReportSubscriptionCommand,
  DeleteUsageReportSubscriptionCommand,
  DescribeUsageReportSubscriptionsCommand,
} from '@aws-sdk/client-appstream';
import { onEvent } from '../lambda/usage-reports';
import { resourceEvents } from './util/provider-framework';
import { strictAppStreamMock } from './util/strict-appstream-mock';
import { USAGE_REPORT_SUBSCRIPTION_RESOURCE_TYPE, UsageReportPhysicalIds } from '../src/operations/private/usage-reports-contract';

const appStream = strictAppStreamMock();
const events = resourceEvents({ resourceType: USAGE_REPORT_SUBSCRIPTION_RESOURCE_TYPE, logicalResourceId: 'UsageReports' });
const BUCKET = 'appstream-logs-us-east-1-123456789012-abcd1234';
const { CREATED, ADOPTED } = UsageReportPhysicalIds;

const awsError = (name: string) => Object.assign(new Error(name), { name, $metadata: {} });
const none = () => appStream.on(DescribeUsageReportSubscriptionsCommand).resolves({ UsageReportSubscriptions: [] });
const existing = () => appStream.on(DescribeUsageReportSubscriptionsCommand)
  .resolves({ UsageReportSubscriptions: [{ S3BucketName: BUCKET, Schedule: 'DAILY' }] });

describe('create', () => {
  test('creates the subscription when there is none, and says so in the physical id', async () => {
    none();
    appStream.on(CreateUsageReportSubscriptionCommand).resolves({ S3BucketName: BUCKET, Schedule: 'DAILY' });

    const result = await onEvent(events.create({}));

    expect(result).toEqual({
      PhysicalResourceId: CREATED,
      Data: { S3BucketName: BUCKET, Schedule: 'DAILY', CreatedByThisResource: 'true' },
    });
    expect(appStream).toHaveReceivedCommandTimes(CreateUsageReportSubscriptionCommand, 1);
  });

  test('adopts a subscription that exists already, without calling Create', async () => {
    existing();

    const result = await onEvent(events.create({}));

    expect(result).toEqual({
      PhysicalResourceId: ADOPTED,
      Data: { S3BucketName: BUCKET, Schedule: 'DAILY', CreatedByThisResource: 'false' },
    });
    expect(appStream).not.toHaveReceivedCommand(CreateUsageReportSubscriptionCommand);
  });

  test('a repeated Create after ours went through adopts the subscription (the safe direction: never deleted later)', async () => {
    none();
    appStream.on(CreateUsageReportSubscriptionCommand).resolves({ S3BucketName: BUCKET, Schedule: 'DAILY' });
    await onEvent(events.create({}));
    existing();

    const repeated = await onEvent(events.create({}));

    expect(repeated.PhysicalResourceId).toBe(ADOPTED);
    expect(appStream).toHaveReceivedCommandTimes(CreateUsageReportSubscriptionCommand, 1);
  });

  test('a Describe that answers ResourceNotFoundException means no subscription', async () => {
    appStream.on(DescribeUsageReportSubscriptionsCommand).rejects(awsError('ResourceNotFoundException'));
    appStream.on(CreateUsageReportSubscriptionCommand).resolves({ S3BucketName: BUCKET, Schedule: 'DAILY' });

    expect((await onEvent(events.create({}))).PhysicalResourceId).toBe(CREATED);
  });

  test('reads every page of DescribeUsageReportSubscriptions', async () => {
    appStream.on(DescribeUsageReportSubscriptionsCommand, { NextToken: undefined }).resolves({ UsageReportSubscriptions: [], NextToken: 'p2' });
    appStream.on(DescribeUsageReportSubscriptionsCommand, { NextToken: 'p2' })
      .resolves({ UsageReportSubscriptions: [{ S3BucketName: BUCKET, Schedule: 'DAILY' }] });

    expect((await onEvent(events.create({}))).PhysicalResourceId).toBe(ADOPTED);
  });

  test.each(['ThrottlingException', 'RequestLimitExceededException'])('%s is retried', async (name) => {
    none();
    appStream.on(CreateUsageReportSubscriptionCommand)
      .rejectsOnce(awsError(name))
      .resolves({ S3BucketName: BUCKET, Schedule: 'DAILY' });

    expect((await onEvent(events.create({}))).PhysicalResourceId).toBe(CREATED);
    expect(appStream).toHaveReceivedCommandTimes(CreateUsageReportSubscriptionCommand, 2);
  });

  test('fails with AppStream\'s error when the subscription cannot be made', async () => {
    none();
    appStream.on(CreateUsageReportSubscriptionCommand).rejects(awsError('InvalidRoleException'));

    await expect(onEvent(events.create({}))).rejects.toThrow('InvalidRoleException');
  });

  test('fails when Create answers no bucket', async () => {
    none();
    appStream.on(CreateUsageReportSubscriptionCommand).resolves({});

    await expect(onEvent(events.create({}))).rejects.toThrow('no S3BucketName');
  });
});

describe('update', () => {
  test('keeps the physical id (created or adopted) while the subscription exists', async () => {
    existing();

    expect((await onEvent(events.update(CREATED, {}, {}))).PhysicalResourceId).toBe(CREATED);
    expect((await onEvent(events.update(ADOPTED, {}, {}))).PhysicalResourceId).toBe(ADOPTED);
    expect(appStream).not.toHaveReceivedCommand(CreateUsageReportSubscriptionCommand);
  });

  test('creates the subscription again when it was deleted by hand', async () => {
    none();
    appStream.on(CreateUsageReportSubscriptionCommand).resolves({ S3BucketName: BUCKET, Schedule: 'DAILY' });

    expect((await onEvent(events.update(ADOPTED, {}, {}))).PhysicalResourceId).toBe(CREATED);
  });
});

describe('delete', () => {
  test('deletes the subscription this resource created', async () => {
    appStream.on(DeleteUsageReportSubscriptionCommand).resolves({});

    expect(await onEvent(events.delete(CREATED, {}))).toEqual({ PhysicalResourceId: CREATED });
    expect(appStream).toHaveReceivedCommandTimes(DeleteUsageReportSubscriptionCommand, 1);
  });

  test('leaves an adopted subscription in place, without any call', async () => {
    expect(await onEvent(events.delete(ADOPTED, {}))).toEqual({ PhysicalResourceId: ADOPTED });
    expect(appStream.calls()).toHaveLength(0);
  });

  test('a subscription already gone is fine (repeated Delete)', async () => {
    appStream.on(DeleteUsageReportSubscriptionCommand).rejects(awsError('ResourceNotFoundException'));

    expect(await onEvent(events.delete(CREATED, {}))).toEqual({ PhysicalResourceId: CREATED });
  });

  test('any other error fails the Delete', async () => {
    appStream.on(DeleteUsageReportSubscriptionCommand).rejects(awsError('InvalidAccountStatusException'));

    await expect(onEvent(events.delete(CREATED, {}))).rejects.toThrow('InvalidAccountStatusException');
  });
});
