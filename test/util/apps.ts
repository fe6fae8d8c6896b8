import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { appStreamSchemaViolations } from './cfn-schema-validator';
import { AppBlock, AppBlockContent } from '../../src/apps/app-block';
import { AppStreamFile } from '../../src/apps/app-file';

export const ACCOUNT = '111111111111';
export const REGION = 'eu-west-1';
export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'apps');

/** A CDK stack with a known account and region. */
export function newStack(): cdk.Stack {
  return new cdk.Stack(new cdk.App(), 'Test', { env: { account: ACCOUNT, region: REGION } });
}

/** A CUSTOM app block whose files are in a bucket of the app. */
export function bucketAppBlock(scope: cdk.Stack, id = 'AppBlock'): AppBlock {
  const bucket = (scope.node.tryFindChild('Apps') as s3.Bucket | undefined) ?? new s3.Bucket(scope, 'Apps');
  return new AppBlock(scope, id, {
    content: AppBlockContent.custom({
      source: AppStreamFile.fromBucket(bucket, 'app.vhd'),
      setupScript: {
        file: AppStreamFile.fromBucket(bucket, 'setup.ps1'),
        executablePath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        timeout: cdk.Duration.minutes(5),
      },
    }),
  });
}

/** The template of `scope`, after checking that every AppStream resource passes the registry schemas. */
export function validTemplate(scope: cdk.Stack): Template {
  const template = Template.fromStack(scope);
  expect(appStreamSchemaViolations(template.toJSON())).toEqual([]);
  return template;
}

/** The only resource of `type` in the template. */
export function onlyResource(template: Template, type: string): any {
  const resources = Object.values(template.findResources(type));
  expect(resources).toHaveLength(1);
  return resources[0];
}

/**
 * Expects `build` to throw the library's one error: `heading` (the construct path and the count),
 * then exactly one line per problem, each starting with the given text, in order.
 */
export function expectProblems(build: () => unknown, heading: string, problems: string[]): void {
  let message = '';
  try {
    build();
  } catch (error) {
    message = (error as Error).message;
  }
  const [first, ...lines] = message.split('\n');
  expect(first).toBe(heading);
  expect(lines).toHaveLength(problems.length);
  lines.forEach((line, i) => expect(line.startsWith(`  - ${problems[i]}`) ? line : `${line}\n  (expected to start with "  - ${problems[i]}")`).toBe(line));
}
