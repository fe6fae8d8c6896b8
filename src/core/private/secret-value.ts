import { SecretValue, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

// What a SecretValue writes into a template, for every construct that takes a secret (directory
// configs, AppFabric credentials): plain text and references CloudFormation would not resolve are
// refused there.

/** A string that is one CloudFormation dynamic reference, and nothing else; group 1 is its service. */
const DYNAMIC_REFERENCE = /^\{\{resolve:([a-z-]+):[^{}]+\}\}$/;

/** What a `SecretValue` puts into the template. */
export type SecretValueSource =
  /** The secret itself, in clear (`SecretValue.unsafePlainText('...')`, or a token resolving to a literal). */
  | { readonly kind: 'plainText'; readonly value: string }
  /** A `{{resolve:secretsmanager:...}}` reference. */
  | { readonly kind: 'secretsManager' }
  /**
   * A `{{resolve:ssm-secure:...}}` reference. CloudFormation resolves these only in the properties
   * of a fixed list of resource types, and the AppStream and AppFabric types are not among them
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-ssm-secure-strings.html):
   * the deployment would fail.
   */
  | { readonly kind: 'ssmSecure' }
  /** A reference to a service that is no secret store (`{{resolve:ssm:...}}`: a plain-text parameter). */
  | { readonly kind: 'otherDynamicReference'; readonly service: string }
  /** A CloudFormation expression resolved at deploy time (a `NoEcho` parameter, an attribute, a join). */
  | { readonly kind: 'expression' };

/**
 * What a `SecretValue` would write into the template: the secret in clear, a dynamic reference (and
 * to which service), or a CloudFormation expression. A token is resolved to find out, so a plain
 * text hidden behind `Lazy` is caught too.
 */
export function secretValueSource(scope: IConstruct, value: SecretValue): SecretValueSource {
  const raw = value.unsafeUnwrap();
  const resolved: unknown = Token.isUnresolved(raw) ? Stack.of(scope).resolve(raw) : raw;
  if (typeof resolved !== 'string') {
    return JSON.stringify(resolved ?? null).includes('{{resolve:ssm-secure:') ? { kind: 'ssmSecure' } : { kind: 'expression' };
  }
  const reference = DYNAMIC_REFERENCE.exec(resolved);
  if (!reference) {
    return { kind: 'plainText', value: resolved };
  }
  switch (reference[1]) {
    case 'secretsmanager': return { kind: 'secretsManager' };
    case 'ssm-secure': return { kind: 'ssmSecure' };
    default: return { kind: 'otherDynamicReference', service: reference[1] };
  }
}
