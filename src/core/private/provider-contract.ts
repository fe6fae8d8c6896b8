/**
 * The contract between the one custom-resource provider of a CDK stack (`AppStreamProvider`) and
 * its handler in `lambda/provider/`: how long each invocation may run, how often the provider's
 * waiter polls `isComplete`, and for how long in all. Imported by both sides.
 */

/** Timeout of each handler invocation (onEvent and isComplete), in minutes: Lambda's maximum. */
export const HANDLER_TIMEOUT_MINUTES = 15;

/** Memory of the handler functions, in MiB. */
export const HANDLER_MEMORY_MB = 512;

/**
 * Seconds between two isComplete polls. The first poll comes at once after onEvent; fleets take
 * 10-20 minutes to start, and a user list continues where the last poll stopped.
 */
export const QUERY_INTERVAL_SECONDS = 10;

/**
 * How long the provider's waiter polls before failing, in minutes. CloudFormation fails a custom
 * resource after one hour without an answer (ServiceTimeout is at most 3,600 s), and the provider
 * framework accepts at most one hour: failing a little earlier gives a clear message instead.
 */
export const TOTAL_TIMEOUT_MINUTES = 55;

/**
 * A handler starts no new AppStream call once less than this remains of its invocation, so a call
 * in flight ends (or is abandoned) before Lambda stops it; the next poll continues.
 */
export const INVOCATION_MARGIN_MS = 60_000;
