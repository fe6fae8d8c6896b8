import type { CloudFormationCustomResourceEvent } from 'aws-lambda';

/**
 * Logs a custom-resource event without its pre-signed ResponseURL and without property values,
 * which can hold long user lists: only the property names and, for lists, their lengths.
 */
export function logEvent(event: CloudFormationCustomResourceEvent): void {
  const summarize = (props: Record<string, unknown> | undefined) =>
    props === undefined
      ? undefined
      : Object.fromEntries(Object.entries(props).map(([key, value]) => [
        key,
        Array.isArray(value) ? `[${value.length} entries]` : typeof value === 'object' ? '{...}' : value,
      ]));
  console.log(JSON.stringify({
    RequestType: event.RequestType,
    ResourceType: event.ResourceType,
    LogicalResourceId: event.LogicalResourceId,
    PhysicalResourceId: 'PhysicalResourceId' in event ? event.PhysicalResourceId : undefined,
    ResourceProperties: summarize(event.ResourceProperties),
    OldResourceProperties: 'OldResourceProperties' in event ? summarize(event.OldResourceProperties) : undefined,
  }));
}
