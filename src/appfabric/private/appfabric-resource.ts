import { CfnResource, ITaggable, Lazy, TagManager, TagType } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * The `AWS::AppFabric::*` resource of a construct. aws-cdk-lib 2.257 (the oldest version our peer
 * dependency accepts) has no generated `aws_appfabric` L1s, so the resources are `CfnResource`s with
 * the property names of the CloudFormation registry schemas. Tags (`Tags.of(construct)`) render as
 * the list of `{ Key, Value }` those schemas take.
 */
export function appFabricResource(
  scope: Construct & ITaggable, type: string, properties: Record<string, unknown>,
): CfnResource {
  return new CfnResource(scope, 'Resource', {
    type,
    properties: {
      ...properties,
      // TagManager renders `{ key, value }`; the registry schemas spell them `{ Key, Value }`.
      Tags: Lazy.any({
        produce: () => (scope.tags.renderTags() as Array<{ key: string; value: string }> | undefined)
          ?.map((tag) => ({ Key: tag.key, Value: tag.value })),
      }, { omitEmptyArray: true }),
    },
  });
}

/** The tag manager of a construct whose resource is `type`. */
export function appFabricTags(type: string): TagManager {
  return new TagManager(TagType.STANDARD, type);
}
