import './promise-with-resolvers';
import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { FakeAppFabric } from './fake-appfabric';
import { appfabric } from '../../src';

// Synthesizes a UserAccessAudit, turns its DefinitionString into plain JSON, validates it with
// asl-validator, and runs it with aws-local-stepfunctions, its task states answered locally.

// aws-local-stepfunctions 3.0.0 is an ES module package with a CommonJS build: required, typed from its declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StateMachine } = require('aws-local-stepfunctions') as typeof import('aws-local-stepfunctions', { with: { 'resolution-mode': 'import' } });

// asl-validator 4.0.0 ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const aslValidator: (definition: unknown) => { isValid: boolean; errors: unknown[] } = require('asl-validator');

export const ENV = { account: '123456789012', region: 'us-east-1' };
export const APP_BUNDLE_ARN = 'arn:aws:appfabric:us-east-1:123456789012:appbundle/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
export const RESULTS_BUCKET = 'audit-results-bucket';

/** Replaces the CloudFormation expressions of a synthesized value with literals. */
export function resolveCfn(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(resolveCfn);
  }
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('Fn::Join' in obj) {
      const [separator, parts] = obj['Fn::Join'] as [string, unknown[]];
      return parts.map((part) => resolveCfn(part)).join(separator);
    }
    if ('Ref' in obj) {
      const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::Region': ENV.region, 'AWS::AccountId': ENV.account, 'AWS::URLSuffix': 'amazonaws.com' };
      return pseudo[obj.Ref as string] ?? `ref-${obj.Ref}`;
    }
    if ('Fn::GetAtt' in obj) {
      const [id, attribute] = obj['Fn::GetAtt'] as [string, string];
      return `arn:aws:fake:${ENV.region}:${ENV.account}:${id}/${attribute}`;
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, resolveCfn(v)]));
  }
  return value;
}

/** Synthesizes an audit with `props` (beside the app bundle and bucket) and returns its definition. */
export function auditDefinitionOf(props: Partial<appfabric.UserAccessAuditProps> = {}): { definition: any; template: Template } {
  const stack = new cdk.Stack(new cdk.App(), 'Audit', { env: ENV });
  new appfabric.UserAccessAudit(stack, 'Audit', {
    appBundle: appfabric.AppBundle.fromAppBundleArn(stack, 'Bundle', APP_BUNDLE_ARN),
    resultsBucket: s3.Bucket.fromBucketName(stack, 'Results', RESULTS_BUCKET),
    ...props,
  });
  const template = Template.fromStack(stack);
  const machines = template.findResources('AWS::StepFunctions::StateMachine');
  const [machine] = Object.values(machines) as Array<{ Properties: { DefinitionString: unknown } }>;
  return { definition: JSON.parse(resolveCfn(machine.Properties.DefinitionString) as string), template };
}

/** asl-validator's verdict on a definition. */
export function validateAsl(definition: unknown): { isValid: boolean; errors: unknown[] } {
  return aslValidator(definition);
}

/** One S3 object the audit wrote. */
export interface WrittenObject {
  readonly Bucket: string;
  readonly Key: string;
  readonly ContentType: string;
  readonly document: any;
}

export interface AuditRun {
  readonly output: any;
  readonly error?: Error;
  readonly objects: WrittenObject[];
  readonly events: any[];
  readonly milliseconds: number;
}

/** Runs `definition` against `fake` with `input`; waits and retry intervals are zero. */
export async function runAudit(definition: unknown, fake: FakeAppFabric, input: unknown, executionName = 'run-1'): Promise<AuditRun> {
  const objects: WrittenObject[] = [];
  const events: any[] = [];
  const machine = new StateMachine(definition as any);
  const started = Date.now();
  const execution = machine.run(input as any, {
    overrides: {
      taskResourceLocalHandlers: {
        StartUserAccessTasks: fake.startUserAccessTasks as any,
        BatchGetUserAccessTasks: fake.batchGetUserAccessTasks as any,
        WriteReport: (request: any) => {
          objects.push({ Bucket: request.Bucket, Key: request.Key, ContentType: request.ContentType, document: JSON.parse(request.Body) });
          return { ETag: '"etag"' };
        },
        PublishAuditEvent: (request: any) => {
          events.push(...request.Entries);
          return { Entries: [{ EventId: 'e-1' }], FailedEntryCount: 0 };
        },
      },
      waitTimeOverrides: { WaitForTasks: 0 },
      retryIntervalOverrides: { StartUserAccessTasks: 0, BatchGetUserAccessTasks: 0, WriteReport: 0 },
    },
    context: {
      Execution: { Id: `arn:aws:states:us-east-1:123456789012:execution:Audit:${executionName}`, Name: executionName, StartTime: '2026-12-01T02:00:00.000Z' },
    } as any,
  });
  try {
    const output = await execution.result;
    return { output, objects, events, milliseconds: Date.now() - started };
  } catch (error) {
    return { output: undefined, error: error as Error, objects, events, milliseconds: Date.now() - started };
  }
}
