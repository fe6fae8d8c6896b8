import { CfnResource, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Acknowledges a cdk-nag finding on everything `scope` holds, with the reason: through
 * `Validations.acknowledge()` (cdk-nag 3, one exact finding) and through the `cdk_nag` resource
 * metadata (cdk-nag 2, by rule), so that the library need not depend on cdk-nag.
 *
 * @param finding the finding, such as `AwsSolutions-IAM5[Resource::*]`
 */
export function acknowledgeNagFinding(scope: IConstruct, finding: string, reason: string): void {
  if (finding.split('::').length > 2) {
    // Validations.acknowledge() refuses ids with more than one '::' (an ARN with <AWS::Partition>):
    // record the acknowledgement as it would.
    scope.node.addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, { [finding]: reason });
  } else {
    Validations.of(scope).acknowledge({ id: finding, reason });
  }
  const rule = finding.replace(/\[.*$/, '');
  for (const child of scope.node.findAll()) {
    if (child instanceof CfnResource) {
      const existing = (child.getMetadata('cdk_nag')?.rules_to_suppress ?? []) as Array<{ id: string; reason: string }>;
      if (!existing.some((suppression) => suppression.id === rule)) {
        child.addMetadata('cdk_nag', { rules_to_suppress: [...existing, { id: rule, reason }] });
      }
    }
  }
}
