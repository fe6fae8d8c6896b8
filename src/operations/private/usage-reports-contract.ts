/**
 * The contract between the `UsageReports` construct and its handler in `lambda/usage-reports/`:
 * resource type, physical ids, attribute names, imported by both sides.
 */

/** The usage-report subscription of the account and Region (one per account and Region). */
export const USAGE_REPORT_SUBSCRIPTION_RESOURCE_TYPE = 'Custom::AppStreamUsageReportSubscription';

/**
 * Physical ids. A Delete event carries the physical id but not the Data of the Create, so whether
 * this resource made the subscription (and may delete it) is recorded in the id itself.
 */
export const UsageReportPhysicalIds = {
  /** This resource called CreateUsageReportSubscription: its Delete deletes the subscription. */
  CREATED: 'AppStreamUsageReportSubscription:created',
  /** The subscription existed before: this resource adopted it and leaves it on Delete. */
  ADOPTED: 'AppStreamUsageReportSubscription:adopted',
} as const;

/** Attributes the handler returns. */
export const UsageReportAttributes = {
  /** The bucket AppStream writes the reports to (`appstream-logs-<region>-<account>-<random>`). */
  S3_BUCKET_NAME: 'S3BucketName',
  /** The schedule of the reports (API `UsageReportSchedule`: `DAILY`). */
  SCHEDULE: 'Schedule',
  /** "true" when this resource made the subscription, "false" when it adopted one. */
  CREATED_BY_THIS_RESOURCE: 'CreatedByThisResource',
} as const;

/** API `UsageReportSchedule`: the only value. */
export const USAGE_REPORT_SCHEDULE_DAILY = 'DAILY';
