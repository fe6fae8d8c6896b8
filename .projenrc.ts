import { CURRENTLY_RECOMMENDED_FLAGS } from 'aws-cdk-lib/cx-api';
import { awscdk, javascript, JsonFile } from 'projen';
import { HANDLER_NODE_MAJOR } from './src/core/private/handler-runtime';

// Versions that work together offline; see the toolchain notes in CONTRIBUTING.md before changing one.
const CDK_VERSION = '2.257.0';
const AWS_SDK_VERSION = '3.1112.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-appstream',
  description:
    'AWS CDK L2 constructs for Amazon AppStream 2.0 (Amazon WorkSpaces Applications): fleets, stacks, '
    + 'users, directory configs, and custom resources for what CloudFormation lacks.',
  keywords: [
    'cdk', 'aws-cdk', 'awscdk', 'appstream', 'appstream2', 'appstream-2.0',
    'workspaces-applications', 'amazon-workspaces-applications', 'vdi', 'streaming',
  ],
  author: 'cdk-appstream developers',
  authorAddress: 'cdk-appstream@example.com',
  repositoryUrl: 'https://github.com/cdk-appstream/cdk-appstream.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,

  cdkVersion: CDK_VERSION,
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',

  // Publishing stays off; the targets prove that every jsii language can be generated.
  release: false,
  github: false,
  publishToPypi: { distName: 'cdk-appstream', module: 'cdk_appstream' },
  publishToMaven: {
    javaPackage: 'io.github.cdkappstream',
    mavenGroupId: 'io.github.cdk-appstream',
    mavenArtifactId: 'cdk-appstream',
  },
  publishToNuget: { dotNetNamespace: 'CdkAppStream', packageId: 'CdkAppStream' },
  publishToGo: { moduleName: 'github.com/cdk-appstream/cdk-appstream-go' },

  // Runtime dependencies of a jsii library ship inside its package (bundleDependencies).
  // csv-parse (MIT, no dependencies of its own) reads the CSV user lists of StackUser.fromFile.
  bundledDeps: ['csv-parse@7.0.3'],

  devDeps: [
    'aws-cdk@2.1148.1',
    '@aws-cdk/integ-runner@2.197.10',
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    'cdk-nag@3.0.2',
    `@aws-sdk/client-appstream@${AWS_SDK_VERSION}`,
    `@aws-sdk/client-s3@${AWS_SDK_VERSION}`,
    'aws-sdk-client-mock@4.1.0',
    'aws-sdk-client-mock-jest@4.1.0',
    '@types/aws-lambda@8.10.164',
    'esbuild@0.28.2',
    'ajv@8.20.0',
    // The AppFabric user-access audit's state machine: validated and executed offline in tests.
    'asl-validator@4.0.0',
    'aws-local-stepfunctions@3.0.0',
    'typescript@^6.0.3',
    '@types/node@^22',
  ],

  lambdaAutoDiscover: false,
  integrationTestAutoDiscover: false,
  docgen: true,
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'lambda', 'examples', 'benchmarks'],
  },
  jestOptions: {
    // A snapshot that differs must fail the suite, not be rewritten: refresh with `npx jest -u`.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      setupFilesAfterEnv: ['aws-sdk-client-mock-jest'],
    },
  },
  gitignore: ['cdk.out', '/examples/cdk.out', '/examples/cdk.context.json', '.jsii.tabl.json', '/assets/', '*.d.ts.map', '.bench/'],
});

// npm ci fails on a clean clone with unrs-resolver 1.13.0 (platform packages missing from the registry).
project.package.addPackageResolutions('unrs-resolver@1.12.2');
project.eslint?.allowDevDeps('lambda/**');

// ---------------------------------------------------------------------------------------------
// Custom-resource handler: lambda/provider/index.ts, the one entry that dispatches on the resource
// type to the kind modules (lambda/<kind>/), is bundled with esbuild at build time into
// assets/lambda/provider/index/index.js, which ships in the npm package. Consumers need no esbuild.
// ---------------------------------------------------------------------------------------------
const addHandlerBundle = (entrypoint: string) => project.bundler.addBundle(entrypoint, {
  platform: 'node',
  // The Node.js of the Lambda runtime the functions run on: one constant for both.
  target: `node${HANDLER_NODE_MAJOR}`,
  externals: [],
  tsconfigPath: 'lambda/tsconfig.json',
  minify: true,
  sourcemap: false,
  // ESM builds of the SDK tree-shake: about 300 KB instead of 490 KB.
  mainFields: ['module', 'main'],
});
addHandlerBundle('lambda/provider/index.ts');
// The StreamingPortal's HTTP API handler (not a custom resource): assets/lambda/streaming-portal/index/index.js.
addHandlerBundle('lambda/streaming-portal/index.ts');
project.npmignore?.addPatterns('!/assets/', '/examples/', '/benchmarks/', '/lambda/', '/rosetta/', '/.ci/');

new JsonFile(project, 'lambda/tsconfig.json', {
  obj: {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['es2022'],
      strict: true,
      noEmit: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      noImplicitReturns: true,
      types: ['node', 'aws-lambda'],
    },
    include: ['**/*.ts'],
  },
});

// ---------------------------------------------------------------------------------------------
// The example app: `npx projen synth:example` synthesizes it with the real cdk CLI.
// ---------------------------------------------------------------------------------------------
new JsonFile(project, 'examples/tsconfig.json', {
  obj: {
    compilerOptions: {
      target: 'ES2022',
      module: 'commonjs',
      rootDir: '..',
      lib: ['es2022'],
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      types: ['node'],
    },
    include: ['**/*.ts', '../src/**/*.ts'],
  },
});
// Benchmarks are scripts run with ts-node; what they import from src/, lambda/ and test/ is checked too.
new JsonFile(project, 'benchmarks/tsconfig.json', {
  obj: {
    extends: '../examples/tsconfig.json',
    include: ['**/*.ts'],
  },
});
// The feature flags that aws-cdk-lib recommends for a new app (what `cdk init` writes), taken from the
// aws-cdk-lib we build with, so that `cdk synth` does not warn about unconfigured flags.
new JsonFile(project, 'examples/cdk.json', {
  obj: { app: 'npx ts-node --prefer-ts-exts app.ts', output: 'cdk.out', context: { ...CURRENTLY_RECOMMENDED_FLAGS } },
});
const synthExample = project.addTask('synth:example', {
  description: 'Bundle the handlers and synthesize the example app with the cdk CLI (no AWS account needed)',
  env: { TS_NODE_TRANSPILE_ONLY: '1', CDK_DISABLE_VERSION_CHECK: '1' },
});
synthExample.spawn(project.bundler.bundleTask);
synthExample.exec('cdk synth --no-notices --no-version-reporting', { cwd: 'examples' });

// ---------------------------------------------------------------------------------------------
// Checks beyond what jsii compiles: lambda/ and test/ type errors, README examples, integ snapshots.
// ---------------------------------------------------------------------------------------------
const typecheck = project.addTask('typecheck', {
  description: 'Type-check lambda/, test/, examples/ and benchmarks/ (jsii compiles only src/; ts-jest and esbuild only transpile)',
});
typecheck.exec('tsc --noEmit -p lambda/tsconfig.json');
for (const dir of ['test', 'examples', 'benchmarks']) {
  typecheck.exec(`tsc --noEmit -p ${dir}/tsconfig.json`);
}

const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile every TypeScript example of README.md against the jsii assembly',
});
rosetta.exec('jsii-rosetta extract --strict');
project.postCompileTask.spawn(rosetta);

const integEnv = { TS_NODE_TRANSPILE_ONLY: '1', CDK_DISABLE_VERSION_CHECK: '1' };
project.addTask('integ:snapshot', {
  description: 'Synthesize the integ tests and refresh their snapshots (no deployment)',
  env: integEnv,
  exec: 'integ-runner --language typescript --update-on-failed --dry-run --parallel-regions us-east-1',
});
const integVerify = project.addTask('integ:verify', {
  description: 'Check that every integ test still synthesizes to its committed snapshot',
  env: integEnv,
  exec: 'integ-runner --language typescript --parallel-regions us-east-1',
});

project.testTask.prependSpawn(typecheck);
project.testTask.spawn(integVerify);

// Local builds must not need the Maven / PyPI / NuGet registries: generate the bindings only.
project.tasks.tryFind('package-all')?.reset('jsii-pacmak -v --code-only');

project.addTask('bench:synth', {
  description: 'Synth time of 20 fleets + 20 stacks + associations: L2 vs raw L1, as a ratio',
  env: { TS_NODE_TRANSPILE_ONLY: '1', NODE_OPTIONS: '--expose-gc' },
  exec: 'ts-node --project benchmarks/tsconfig.json benchmarks/synth-ratio.ts',
});

project.addTask('bench:users', {
  description: 'User-stack association against the fake endpoint that rejects beyond RATE requests/s (default 5): batch calls, attempts per call and time for 1,000, 10,000 and 50,000 users',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
  exec: 'ts-node --project benchmarks/tsconfig.json benchmarks/user-stack-association.ts',
});

const benchPortal = project.addTask('bench:portal', {
  description: 'StreamingPortal handler: bundle size (minified, gzipped), load time, and the latency of one request through the local HTTP API and JWT authorizer against the fake endpoint (median of N, default 200)',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
});
// The benchmark measures the bundle that ships, so it bundles first.
benchPortal.spawn(project.tasks.tryFind('bundle:lambda/streaming-portal/index')!);
benchPortal.exec('ts-node --project benchmarks/tsconfig.json benchmarks/streaming-portal.ts');

project.addTask('bench:footprint', {
  description: 'Supporting resources (functions, state machines, log groups, roles, policies) of a stack using every custom-resource kind',
  env: { TS_NODE_TRANSPILE_ONLY: '1' },
  exec: 'ts-node --project benchmarks/tsconfig.json benchmarks/provider-footprint.ts',
});

project.synth();
