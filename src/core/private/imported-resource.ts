import { Token } from 'aws-cdk-lib';
import { checkString } from './input-types';
import { ARN_PARTITION_SOURCE, NAME_SOURCE } from './limits';
import { PropsValidator, StringRule } from './validation';

/** What identifies an imported AppStream resource: its name or its ARN, or both. */
export interface ImportedIdentity {
  /** The ARN's resource type, such as `stack` or `fleet`. */
  readonly resourceType: string;
  /** The name property, such as `stackName`, and its value. */
  readonly nameProperty: string;
  readonly name: unknown;
  /** The ARN property, such as `stackArn`, and its value. */
  readonly arnProperty: string;
  readonly arn: unknown;
  /** What a given name must be. */
  readonly nameRule: StringRule;
}

/**
 * Records in `v` every problem of the name and ARN given to an importer: one of them is required,
 * each has the right type and shape (`arn:<partition>:appstream:<region>:<account>:<type>/<Name>`),
 * and a name given with an ARN is the ARN's. Tokens are not judged.
 */
export function validateImportedIdentity(v: PropsValidator, identity: ImportedIdentity): void {
  const { resourceType, nameProperty, name, arnProperty, arn } = identity;
  const nameIsString = checkString(v, nameProperty, name);
  const arnIsString = checkString(v, arnProperty, arn);
  if (name === undefined && arn === undefined) {
    v.failRule(`${nameProperty} or ${arnProperty} is required`);
  }
  const arnPattern = new RegExp(`^arn:${ARN_PARTITION_SOURCE}:appstream:[a-z0-9-]+:[0-9]{12}:${resourceType}/${NAME_SOURCE}$`);
  if (nameIsString) {
    v.string(nameProperty, name as string | undefined, identity.nameRule);
  }
  if (arnIsString) {
    v.string(arnProperty, arn as string | undefined, {
      pattern: arnPattern,
      patternDescription: `an AppStream ${resourceType} ARN, arn:<partition>:appstream:<region>:<account>:${resourceType}/<name>`,
    });
  }
  if (typeof name === 'string' && typeof arn === 'string' && !Token.isUnresolved(name) && !Token.isUnresolved(arn)
    && arnPattern.test(arn) && !arn.endsWith(`:${resourceType}/${name}`)) {
    v.fail(nameProperty, name, `must be the name in ${arnProperty} (${arn})`);
  }
}
