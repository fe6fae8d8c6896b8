import { Token } from 'aws-cdk-lib';
import {
  ACCOUNT_NAME_MIN_LENGTH, ACCOUNT_PASSWORD_MAX_LENGTH, ACCOUNT_PASSWORD_MIN_LENGTH, ARN_PATTERN, OU_MAX_LENGTH,
} from '../../core/private/limits';
import { PropsValidator } from '../../core/private/validation';

/**
 * Limits of `AWS::AppStream::DirectoryConfig`, from the AppStream API model
 * (`appstream-service-2.json`) and the CloudFormation registry schema with cfn-lint's patches.
 */
export const DIRECTORY_CONFIG_LIMITS = {
  /** `OrganizationalUnitDistinguishedName`: `max: 2000`. */
  organizationalUnitMaxLength: OU_MAX_LENGTH,
  /** `AccountName`: `min: 1`. */
  accountNameMinLength: ACCOUNT_NAME_MIN_LENGTH,
  /** `AccountPassword`: `min: 1`, `max: 127`. */
  accountPasswordMinLength: ACCOUNT_PASSWORD_MIN_LENGTH,
  accountPasswordMaxLength: ACCOUNT_PASSWORD_MAX_LENGTH,
  /** `Arn` (used for `CertificateAuthorityArn`). */
  arnPattern: ARN_PATTERN,
} as const;

/**
 * The API model gives `DirectoryName` no length or pattern, only its meaning: "the fully qualified
 * name of the directory (for example, corp.example.com)"; the registry schema and cfn-lint add
 * nothing. So a name is refused only when it cannot be a fully qualified name at all (fewer than
 * two labels, or an empty label), and warned about (`Warnings.DIRECTORY_NAME_NOT_DNS_NAME`) when it
 * breaks the DNS rules that no AWS source states but Active Directory's DNS names usually follow
 * (Microsoft DNS also accepts underscores and UTF-8 names, so these cannot be errors):
 * - RFC 1035 §2.3.4: at most 253 characters in dotted form; each label 1 to 63 characters.
 * - RFC 1123 §2.1: letters, digits and hyphens; a label neither starts nor ends with a hyphen.
 * - RFC 3696 §2: the top-level label is not all-numeric.
 * - Written without a trailing dot.
 */
export const DIRECTORY_NAME_RULES = {
  maxLength: 253,
  labelMaxLength: 63,
  minLabels: 2,
  labelPattern: /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/,
} as const;

/**
 * Records the problems with a directory name (a fully qualified domain name) in `v` and returns
 * the warnings (DNS rules that no AWS source states).
 */
export function validateDirectoryName(v: PropsValidator, property: string, name: string): string[] {
  if (typeof name !== 'string' || Token.isUnresolved(name)) {
    return [];
  }
  const warnings: string[] = [];
  const labels = (name.endsWith('.') ? name.slice(0, -1) : name).split('.');
  if (labels.length < DIRECTORY_NAME_RULES.minLabels) {
    v.fail(property, name, `must be a fully qualified domain name of at least ${DIRECTORY_NAME_RULES.minLabels} labels, such as corp.example.com`);
  } else if (labels.some((label) => label.length === 0)) {
    v.fail(property, name, 'must be a fully qualified domain name without empty labels (no leading dot, no "..")');
  }
  if (name.length > DIRECTORY_NAME_RULES.maxLength) {
    warnings.push(`is longer than ${DIRECTORY_NAME_RULES.maxLength} characters, the most a DNS name has`);
  }
  if (name.endsWith('.')) {
    warnings.push('ends with a dot: AppStream\'s example (corp.example.com) has none');
  }
  const bad = labels.filter((label) => label.length > 0
    && (label.length > DIRECTORY_NAME_RULES.labelMaxLength || !DIRECTORY_NAME_RULES.labelPattern.test(label)));
  if (bad.length > 0) {
    warnings.push(`has labels that are not 1 to ${DIRECTORY_NAME_RULES.labelMaxLength} letters, digits or hyphens `
      + `(not starting or ending with a hyphen), as DNS host names are: ${bad.map((l) => JSON.stringify(l)).join(', ')}`);
  }
  const last = labels[labels.length - 1];
  if (labels.length >= DIRECTORY_NAME_RULES.minLabels && /^[0-9]+$/.test(last)) {
    warnings.push('has an all-digit top-level label');
  }
  return warnings.map((w) => `${property} ${JSON.stringify(name)} ${w}; AWS states no such rule, so it is not refused, but the domain join may fail`);
}

/**
 * Splits a distinguished name into its relative distinguished names at unescaped commas
 * (RFC 4514 §3: a comma inside a value is escaped with a backslash).
 */
export function splitDistinguishedName(dn: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i];
    if (c === '\\' && i + 1 < dn.length) {
      current += c + dn[i + 1];
      i++;
    } else if (c === ',') {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim());
}

/**
 * The domain that a distinguished name's `DC=` components name (`DC=corp,DC=example,DC=com` →
 * `corp.example.com`), lower-cased; `undefined` when it has none.
 */
export function domainOfDistinguishedName(dn: string): string | undefined {
  const dcs = splitDistinguishedName(dn)
    .map((rdn) => /^dc\s*=\s*(.*)$/i.exec(rdn))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[1].trim().toLowerCase());
  return dcs.length > 0 ? dcs.join('.') : undefined;
}

/**
 * Records the problems with the organizational units in `v` and returns the warnings.
 *
 * Refused: an OU over 2,000 characters (API model, `OrganizationalUnitDistinguishedName`), and one
 * that is no distinguished name (RFC 4514: `type=value` components separated by commas), which is
 * what the API documents the values to be. Warned about (`Warnings.ORGANIZATIONAL_UNITS_EMPTY_OR_REPEATED`),
 * not refused: an empty list (the API model's list has no minimum, and the registry schema no
 * `minItems`) and repeated OUs (the registry schema says `uniqueItems: false`; compared
 * case-insensitively, as Active Directory compares names).
 */
export function validateOrganizationalUnits(v: PropsValidator, property: string, ous: readonly string[]): string[] {
  if (!Array.isArray(ous) || Token.isUnresolved(ous)) {
    return [];
  }
  const warnings: string[] = [];
  if (ous.length === 0) {
    warnings.push(`${property} is empty: a domain-joined fleet or image builder needs an organizational unit of this directory config`);
  }
  const seen = new Map<string, number>();
  ous.forEach((ou, i) => {
    const item = `${property}[${i}]`;
    if (typeof ou !== 'string' || Token.isUnresolved(ou)) {
      return;
    }
    if (ou.length > DIRECTORY_CONFIG_LIMITS.organizationalUnitMaxLength) {
      v.fail(item, ou, `must be at most ${DIRECTORY_CONFIG_LIMITS.organizationalUnitMaxLength} characters long`);
      return;
    }
    if (!splitDistinguishedName(ou).every((rdn) => /^[A-Za-z][A-Za-z0-9-]*\s*=.+$/.test(rdn) || /^[0-9.]+\s*=.+$/.test(rdn))) {
      v.fail(item, ou, 'must be a distinguished name of comma-separated type=value components, such as OU=AppStream,DC=corp,DC=example,DC=com');
      return;
    }
    const key = ou.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      warnings.push(`${item} ${JSON.stringify(ou)} repeats ${property}[${first}] (AWS accepts repeated OUs; the repetition has no effect)`);
    } else {
      seen.set(key, i);
    }
  });
  return warnings;
}

/** The ARN of an AWS Private CA certificate authority (service `acm-pca`, resource `certificate-authority/...`). */
export const CERTIFICATE_AUTHORITY_ARN = /^arn:[^:]+:acm-pca:[^:]*:[^:]*:certificate-authority\/.+$/;

/**
 * A JSON key of a Secrets Manager secret that a dynamic reference can name: CloudFormation's
 * `{{resolve:secretsmanager:secret-id:SecretString:json-key:version-stage:version-id}}` separates
 * its parts with colons and ends at `}}`, so a key holding either cannot be referenced.
 */
export function validateSecretJsonKey(v: PropsValidator, property: string, key: string | undefined): void {
  if (key === undefined || Token.isUnresolved(key)) {
    return;
  }
  if (key.length === 0 || key.includes(':') || key.includes('}') || key.includes('{')) {
    v.fail(property, key, 'must be a non-empty JSON key without ":", "{" or "}" (a dynamic reference cannot name such a key)');
  }
}
