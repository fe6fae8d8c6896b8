import * as fs from 'fs';
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as imagebuilder from 'aws-cdk-lib/aws-imagebuilder';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ts from 'typescript';
import * as appstream from '../src';
import { appfabric } from '../src';

/**
 * jsii-rosetta proves that every TypeScript example of the README compiles; this test runs each one
 * in a stack of its own and synthesizes it, so that an example that compiles but fails validation
 * (a missing capacity, an OU the directory does not have, ...) fails here.
 */
const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
// The default fixture's examples and the AppFabric ones (rosetta/appfabric.ts-fixture).
const EXAMPLES = [...README.matchAll(/```ts(?: fixture=appfabric)?\n([\s\S]*?)```/g)].map((match) => match[1]);

/** What a `declare const name: Type;` of an example stands for when the example runs. */
const DECLARED: Record<string, (scope: cdk.Stack) => unknown> = {
  'ec2.IVpc': (scope) => new ec2.Vpc(scope, 'DeclaredVpc', { maxAzs: 2 }),
  's3.IBucket': (scope) => new s3.Bucket(scope, 'DeclaredBucket'),
  'lambda.IFunction': (scope) => new lambda.Function(scope, 'DeclaredFunction', {
    runtime: lambda.Runtime.NODEJS_24_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => {};'),
  }),
  'secretsmanager.ISecret': (scope) => new secretsmanager.Secret(scope, 'DeclaredSecret'),
  'appstream.IDirectoryConfig': (scope) => appstream.DirectoryConfig.fromDirectoryConfigAttributes(scope, 'DeclaredDirectory', {
    directoryName: 'corp.example.com',
    organizationalUnits: ['OU=AppStream,DC=corp,DC=example,DC=com'],
  }),
  'appstream.IFleet': (scope) => declaredFleet(scope),
  'appstream.Fleet': (scope) => declaredFleet(scope),
  'appstream.IStack': (scope) => new appstream.Stack(scope, 'DeclaredStack'),
  'appstream.Stack': (scope) => new appstream.Stack(scope, 'DeclaredStack'),
};

function declaredFleet(scope: cdk.Stack): appstream.Fleet {
  return new appstream.Fleet(scope, 'DeclaredFleet', {
    instanceType: appstream.InstanceType.STANDARD_MEDIUM,
    image: appstream.FleetImage.fromName('AppStream-WinServer2022-09-01-2025'),
    desiredCapacity: 1,
    vpc: new ec2.Vpc(scope, 'DeclaredFleetVpc', { maxAzs: 2 }),
  });
}

/** Relative paths of the examples (`users/staff.csv`) resolve against the directory synth runs in. */
const EXAMPLE_WORKING_DIRECTORY = path.join(__dirname, 'fixtures', 'readme');

function run(example: string): cdk.Stack {
  const stack = new cdk.Stack(new cdk.App(), 'ReadmeExample', { env: { account: '123456789012', region: 'us-east-1' } });
  const declarations: string[] = [];
  const values: unknown[] = [];
  const body = example.replace(/^declare const (\w+): ([\w.]+);$/gm, (_line, name: string, type: string) => {
    const make = DECLARED[type];
    if (!make) {
      throw new Error(`the README declares a ${type}: teach DECLARED in test/readme-examples.test.ts how to make one`);
    }
    declarations.push(name);
    values.push(make(stack));
    return '';
  });
  const js = ts.transpileModule(body, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS } }).outputText;
  // What rosetta/default.ts-fixture (and rosetta/appfabric.ts-fixture) put in scope of the examples.
  const modules = {
    appstream,
    appfabric,
    CfnOutput: cdk.CfnOutput,
    events,
    kms,
    scheduler,
    cdk,
    Duration: cdk.Duration,
    Size: cdk.Size,
    SecretValue: cdk.SecretValue,
    acmpca,
    cognito,
    ec2,
    iam,
    imagebuilder,
    lambda,
    s3,
    secretsmanager,
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const execute = new Function(...Object.keys(modules), ...declarations, js);
  const cwd = process.cwd();
  process.chdir(EXAMPLE_WORKING_DIRECTORY);
  try {
    execute.call(stack, ...Object.values(modules), ...values);
    Template.fromStack(stack); // synthesizes: runs the validations that wait for synth
  } finally {
    process.chdir(cwd);
  }
  return stack;
}

test('the README has TypeScript examples', () => {
  expect(EXAMPLES.length).toBeGreaterThan(20);
});

/** Each example with its number and the line that names what it builds, for the test's title. */
const CASES = EXAMPLES.map((example, index) => {
  const lines = example.split('\n');
  return [index + 1, lines.find((line) => line.includes('new appstream.') || line.includes('new appfabric.')) ?? lines[0], example];
});

test.each(CASES)('README example %i (%s) synthesizes', (_index, _title, example) => {
  expect(() => run(example as string)).not.toThrow();
});
