/**
 * Handler of `Custom::AppStreamUsageReportSubscription`: the usage-report subscription of the
 * account and Region (CreateUsageReportSubscription has no CloudFormation resource).
 *
 * - Create: a subscription that exists already is adopted, never re-created, and this resource then
 *   leaves it on Delete (physical id `...:adopted`); otherwise it creates one (`...:created`).
 * - Update: nothing changes on AWS's side unless the subscription was deleted by hand meanwhile,
 *   in which case it is created again.
 * - Delete: deletes the subscription only if this resource created it; one already gone is fine.
 *
 * A Create that CloudFormation repeats after our CreateUsageReportSubscription went through finds
 * the subscription and adopts it: the safe direction (it is then left in place on Delete, never
 * deleted from under someone else).
 */
import {
  CreateUsageReportSubscriptionCommand,
  DeleteUsageReportSubscriptionCommand,
  DescribeUsageReportSubscriptionsCommand,
  UsageReportSubscription,
} from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import {
  USAGE_REPORT_SCHEDULE_DAILY,
  UsageReportAttributes,
  UsageReportPhysicalIds,
} from '../../src/operations/private/usage-reports-contract';
import { appStreamCalls, type AppStreamCalls } from '../shared/appstream';
import { logEvent } from '../shared/log';
import { isNotFound } from '../shared/values';

/** What onEvent returns to the provider framework. */
export interface OnEventResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
}

/** Upper bound of pages read, a guard against a NextToken that never ends. */
const MAX_PAGES = 100;

export async function onEvent(event: CloudFormationCustomResourceEvent, context?: Partial<Context>): Promise<OnEventResponse> {
  logEvent(event);
  const calls = appStreamCalls(context);
  switch (event.RequestType) {
    case 'Create':
      return ensureSubscription(calls, UsageReportPhysicalIds.ADOPTED);
    case 'Update':
      return ensureSubscription(calls, event.PhysicalResourceId);
    case 'Delete':
      if (event.PhysicalResourceId === UsageReportPhysicalIds.CREATED) {
        await deleteSubscription(calls);
      }
      return { PhysicalResourceId: event.PhysicalResourceId };
  }
}

/**
 * Returns the existing subscription under `physicalIdIfExists`, or creates one (then the physical
 * id says this resource created it).
 */
async function ensureSubscription(calls: AppStreamCalls, physicalIdIfExists: string): Promise<OnEventResponse> {
  const existing = await describeSubscription(calls);
  if (existing?.S3BucketName) {
    return answer(physicalIdIfExists, existing.S3BucketName, existing.Schedule);
  }
  const created = await calls.call((client) => client.send(new CreateUsageReportSubscriptionCommand({})));
  if (!created.S3BucketName) {
    throw new Error('CreateUsageReportSubscription answered no S3BucketName');
  }
  return answer(UsageReportPhysicalIds.CREATED, created.S3BucketName, created.Schedule);
}

/** The account's subscription in this Region, if any. */
export async function describeSubscription(calls: AppStreamCalls): Promise<UsageReportSubscription | undefined> {
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    let result;
    try {
      result = await calls.call((client) => client.send(new DescribeUsageReportSubscriptionsCommand({ NextToken: nextToken })));
    } catch (error) {
      if (isNotFound(error)) {
        return undefined;
      }
      throw error;
    }
    const found = result.UsageReportSubscriptions?.find((subscription) => subscription.S3BucketName);
    if (found) {
      return found;
    }
    nextToken = result.NextToken;
    if (!nextToken) {
      return undefined;
    }
  }
  return undefined;
}

async function deleteSubscription(calls: AppStreamCalls): Promise<void> {
  try {
    await calls.call((client) => client.send(new DeleteUsageReportSubscriptionCommand({})));
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
    }
  }
}

function answer(physicalResourceId: string, bucketName: string, schedule: string | undefined): OnEventResponse {
  return {
    PhysicalResourceId: physicalResourceId,
    Data: {
      [UsageReportAttributes.S3_BUCKET_NAME]: bucketName,
      [UsageReportAttributes.SCHEDULE]: schedule ?? USAGE_REPORT_SCHEDULE_DAILY,
      [UsageReportAttributes.CREATED_BY_THIS_RESOURCE]: String(physicalResourceId === UsageReportPhysicalIds.CREATED),
    },
  };
}
