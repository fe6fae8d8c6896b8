import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';

/**
 * Validates the AppStream resources of a synthesized template against AWS's CloudFormation
 * registry schemas, with cfn-lint's patches that add the API's enums, patterns and lengths.
 *
 * The schemas are copies kept in `test/cfn-schemas/` (a user's clone has nothing else). cfn-lint's
 * "manual" Fleet patch is left out: its timeout ranges are stale (IdleDisconnectTimeout 0–3600,
 * MaxUserDuration 600–360000) against the API model (0 or 60–36000, 600–432000).
 */
const SCHEMA_DIR = path.join(__dirname, '..', 'cfn-schemas');

const SCHEMA_FILES: Record<string, { schema: string; patches: string[] }> = {
  'AWS::AppStream::Fleet': { schema: 'aws-appstream-fleet.json', patches: ['extensions__all__aws_appstream_fleet__format.json'] },
  'AWS::AppStream::Stack': { schema: 'aws-appstream-stack.json', patches: ['extensions__all__aws_appstream_stack__smithy.json'] },
  'AWS::AppStream::StackFleetAssociation': { schema: 'aws-appstream-stackfleetassociation.json', patches: [] },
  'AWS::AppStream::StackUserAssociation': { schema: 'aws-appstream-stackuserassociation.json', patches: [] },
  'AWS::AppStream::DirectoryConfig': { schema: 'aws-appstream-directoryconfig.json', patches: ['extensions__all__aws_appstream_directoryconfig__smithy.json'] },
  'AWS::AppStream::User': { schema: 'aws-appstream-user.json', patches: ['extensions__all__aws_appstream_user__smithy.json'] },
  'AWS::AppStream::AppBlock': { schema: 'aws-appstream-appblock.json', patches: ['extensions__all__aws_appstream_appblock__smithy.json'] },
  'AWS::AppStream::AppBlockBuilder': { schema: 'aws-appstream-appblockbuilder.json', patches: ['extensions__all__aws_appstream_appblockbuilder__smithy.json'] },
  'AWS::AppStream::Application': { schema: 'aws-appstream-application.json', patches: ['extensions__all__aws_appstream_application__smithy.json'] },
  'AWS::AppStream::ApplicationEntitlementAssociation': { schema: 'aws-appstream-applicationentitlementassociation.json', patches: [] },
  'AWS::AppStream::ApplicationFleetAssociation': { schema: 'aws-appstream-applicationfleetassociation.json', patches: [] },
  'AWS::AppStream::Entitlement': { schema: 'aws-appstream-entitlement.json', patches: ['extensions__all__aws_appstream_entitlement__smithy.json'] },
  'AWS::AppStream::ImageBuilder': { schema: 'aws-appstream-imagebuilder.json', patches: ['extensions__all__aws_appstream_imagebuilder__smithy.json'] },
};

interface JsonPatchAdd { readonly op: string; readonly path: string; readonly value: unknown }

function applyPatch(document: any, patch: JsonPatchAdd): void {
  if (patch.op !== 'add') {
    throw new Error(`unsupported JSON patch op ${patch.op}`);
  }
  const keys = patch.path.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop()!;
  let node = document;
  for (const key of keys) {
    node = node[key] ??= {};
  }
  node[last] = patch.value;
}

/**
 * AWS patterns mix Unicode classes (`\p{L}`, which need the `u` flag) with escapes such as `\-`
 * that the `u` flag refuses: compile each with `u` when it can, without it otherwise.
 */
function compilePattern(pattern: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return new RegExp(pattern, flags.replace('u', ''));
  }
}
compilePattern.code = 'compilePattern';

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: compilePattern as any } });
const validators = new Map<string, ValidateFunction>();

function validatorFor(type: string): ValidateFunction | undefined {
  const files = SCHEMA_FILES[type];
  if (!files) {
    return undefined;
  }
  let validate = validators.get(type);
  if (!validate) {
    const schema = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, files.schema), 'utf8'));
    for (const patchFile of files.patches) {
      for (const patch of JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, patchFile), 'utf8'))) {
        applyPatch(schema, patch);
      }
    }
    // Registry schemas are draft-07 documents with CloudFormation-only keywords; the meta keys go.
    delete schema.$schema;
    validate = ajv.compile(schema);
    validators.set(type, validate);
  }
  return validate;
}

/** `{ Ref }`, `{ Fn::* }` and dynamic references are only known at deploy time: not judged. */
function isDeployTimeValue(value: unknown): boolean {
  if (typeof value === 'string') {
    return value.includes('{{resolve:');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

function valueAt(document: unknown, instancePath: string): unknown {
  let node: any = document;
  for (const key of instancePath.split('/').slice(1)) {
    node = node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function containsDeployTimeValue(value: unknown): boolean {
  if (isDeployTimeValue(value)) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(containsDeployTimeValue);
  }
  return typeof value === 'object' && value !== null && Object.values(value).some(containsDeployTimeValue);
}

/**
 * Every schema violation of every AppStream resource in `template`, as
 * `LogicalId (Type): /path message`. Violations on deploy-time values are not reported.
 */
export function appStreamSchemaViolations(template: { Resources?: Record<string, any> }): string[] {
  const violations: string[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const validate = validatorFor(resource.Type);
    if (!validate) {
      continue;
    }
    const properties = resource.Properties ?? {};
    if (validate(properties)) {
      continue;
    }
    for (const error of validate.errors as ErrorObject[]) {
      const value = valueAt(properties, error.instancePath);
      // A type or pattern error on an intrinsic function is CloudFormation's to resolve.
      if (containsDeployTimeValue(value) || isDeployTimeUnderAnyOf(properties, error)) {
        continue;
      }
      violations.push(`${logicalId} (${resource.Type}): ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
    }
  }
  return violations;
}

function isDeployTimeUnderAnyOf(properties: unknown, error: ErrorObject): boolean {
  // Errors reported on a parent object because of a child intrinsic (e.g. oneOf/anyOf) are skipped too.
  return ['oneOf', 'anyOf'].includes(error.keyword) && containsDeployTimeValue(valueAt(properties, error.instancePath));
}

/** The AppStream resource types this validator knows. */
export const VALIDATED_RESOURCE_TYPES = Object.keys(SCHEMA_FILES);
