import { Template } from 'aws-cdk-lib/assertions';

const ASSET_HASH = /[0-9a-f]{64}/g;

/**
 * The template as JSON, with asset hashes masked so that a handler edit does not churn every
 * snapshot (handler behaviour has tests of its own).
 */
export function maskedTemplate(template: Template): unknown {
  return JSON.parse(JSON.stringify(template.toJSON()).replace(ASSET_HASH, '[ASSET-HASH]'));
}
