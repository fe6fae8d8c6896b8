/**
 * Synth time of the same AppStream estate written with this library's L2 constructs and with raw
 * L1s, against aws-cdk-lib's own L2 overhead measured in the same run.
 *
 * COUNT (default 100) fleets + COUNT stacks + COUNT stack-fleet associations, in these variants:
 * - generated: no fleetName / stackName. The L2 generates both names; the equivalent L1 names its
 *   CfnFleet and CfnStack with `Names.uniqueResourceName` (CfnFleet requires a name);
 * - given: fleetName / stackName given (literal names in the L1);
 * - granted (GRANTED=1 only): given names, and each fleet may read an S3 bucket of the app's (an
 *   `s3.Bucket` in both variants, since the bucket is not ours to measure): L2
 *   `bucket.grantRead(fleet)`; L1 a CfnRole and a CfnPolicy written by hand with the same statements.
 * The per-stack user association is not measured: the L2's is a custom resource (with its provider)
 * that has no L1 equivalent holding the same resources.
 *
 * Each variant has its own reference: aws-cdk-lib's `sqs.Queue` against `sqs.CfnQueue`, on as many
 * resources as the variant's template holds, without queue names for `generated` and with them
 * otherwise. Every round synthesizes every build once (L2, L1, sqs L2, sqs L1 of every variant), in
 * an order that rotates round by round, after warm-up rounds, with a full GC before each synthesis;
 * the medians are compared. The script checks that the L2 and L1 of a variant hold the same
 * resources. A variant meets the goal when its L2 / L1 is at most the reference's; the script exits
 * non-zero when one does not.
 *
 *   npx projen bench:synth            # ROUNDS=21 by default (about two minutes); run on an otherwise idle machine
 *   ROUNDS=31 COUNT=100 GRANTED=1 npx projen bench:synth
 */
import { performance } from 'perf_hooks';
import * as cdk from 'aws-cdk-lib';
import * as appstreamL1 from 'aws-cdk-lib/aws-appstream';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as appstream from '../src';

const COUNT = Number(process.env.COUNT ?? '100');
const IMAGE = 'AppStream-WinServer2022-09-01-2025';
const ROUNDS = Number(process.env.ROUNDS ?? '21');
const WARMUP = Number(process.env.WARMUP ?? '3');
const GRANTED = process.env.GRANTED === '1';

type Naming = 'generated' | 'given';

interface Variant {
  readonly name: string;
  readonly naming: Naming;
  readonly granted: boolean;
}

const VARIANTS: Variant[] = [
  { name: 'generated names', naming: 'generated', granted: false },
  { name: 'given names', naming: 'given', granted: false },
  ...(GRANTED ? [{ name: 'given names, bucket.grantRead(fleet) per fleet', naming: 'given' as Naming, granted: true }] : []),
];

function benchStack(app: cdk.App): cdk.Stack {
  return new cdk.Stack(app, 'Bench', { env: { account: '123456789012', region: 'us-east-1' } });
}

function l2App(variant: Variant): cdk.App {
  const app = new cdk.App();
  const stack = benchStack(app);
  const given = variant.naming === 'given';
  for (let i = 0; i < COUNT; i++) {
    const fleet = new appstream.Fleet(stack, `Fleet${i}`, {
      fleetName: given ? `fleet-${i}` : undefined,
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      image: appstream.FleetImage.fromName(IMAGE),
      desiredCapacity: 2,
      maxUserDuration: cdk.Duration.hours(8),
      disconnectTimeout: cdk.Duration.minutes(15),
    });
    if (variant.granted) {
      new s3.Bucket(stack, `Data${i}`).grantRead(fleet);
    }
    new appstream.Stack(stack, `Stack${i}`, {
      stackName: given ? `stack-${i}` : undefined,
      fleet,
      userSettings: { clipboardCopyToLocalDevice: false, fileDownload: false, printingToLocalDevice: false },
    });
  }
  return app;
}

function l1App(variant: Variant): cdk.App {
  const app = new cdk.App();
  const stack = benchStack(app);
  const given = variant.naming === 'given';
  for (let i = 0; i < COUNT; i++) {
    let roleArn: string | undefined;
    if (variant.granted) {
      const bucket = new s3.Bucket(stack, `Data${i}`);
      const role = new iam.CfnRole(stack, `FleetRole${i}`, {
        assumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'appstream.amazonaws.com' } }],
        },
      });
      new iam.CfnPolicy(stack, `FleetPolicy${i}`, {
        policyName: `FleetPolicy${i}`,
        roles: [role.ref],
        policyDocument: {
          Version: '2012-10-17',
          Statement: [{
            Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'],
            Effect: 'Allow',
            Resource: [bucket.bucketArn, bucket.arnForObjects('*')],
          }],
        },
      });
      roleArn = role.attrArn;
    }
    const fleet = new appstreamL1.CfnFleet(stack, `Fleet${i}`, {
      name: `fleet-${i}`,
      instanceType: 'stream.standard.medium',
      imageName: IMAGE,
      fleetType: 'ON_DEMAND',
      computeCapacity: { desiredInstances: 2 },
      maxUserDurationInSeconds: 28800,
      disconnectTimeoutInSeconds: 900,
      iamRoleArn: roleArn,
      disableImdsv1: true,
    });
    if (!given) {
      fleet.name = cdk.Names.uniqueResourceName(fleet, { maxLength: 100 });
    }
    const appStreamStack = new appstreamL1.CfnStack(stack, `Stack${i}`, {
      userSettings: [
        { action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', permission: 'DISABLED' },
        { action: 'FILE_DOWNLOAD', permission: 'DISABLED' },
        { action: 'PRINTING_TO_LOCAL_DEVICE', permission: 'DISABLED' },
      ],
    });
    appStreamStack.name = given ? `stack-${i}` : cdk.Names.uniqueResourceName(appStreamStack, { maxLength: 100 });
    const association = new appstreamL1.CfnStackFleetAssociation(stack, `Association${i}`, {
      fleetName: fleet.ref,
      stackName: appStreamStack.ref,
    });
    association.addDependency(fleet);
    association.addDependency(appStreamStack);
  }
  return app;
}

/** Reference: aws-cdk-lib's own L2 (sqs.Queue) against its L1, on `resources` queues. */
function sqsApp(l2: boolean, naming: Naming, resources: number): cdk.App {
  const app = new cdk.App();
  const stack = benchStack(app);
  for (let i = 0; i < resources; i++) {
    const queueName = naming === 'given' ? `queue-${i}` : undefined;
    if (l2) {
      new sqs.Queue(stack, `Queue${i}`, { queueName, visibilityTimeout: cdk.Duration.minutes(5) });
    } else {
      new sqs.CfnQueue(stack, `Queue${i}`, { queueName, visibilityTimeout: 300 });
    }
  }
  return app;
}

function resourceCounts(app: cdk.App): Record<string, number> {
  const template = app.synth().getStackByName('Bench').template as { Resources: Record<string, { Type: string }> };
  const counts: Record<string, number> = {};
  for (const type of Object.values(template.Resources).map((resource) => resource.Type).sort()) {
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

function timeSynth(build: () => cdk.App): number {
  // A full collection before each synthesis, so that no build pays for another's garbage.
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  build().synth();
  return performance.now() - start;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

interface Build {
  readonly label: string;
  readonly build: () => cdk.App;
  readonly times: number[];
}

function main(): void {
  if (!(globalThis as { gc?: () => void }).gc) {
    console.warn('warning: no global gc (run with NODE_OPTIONS=--expose-gc, as `npx projen bench:synth` does)');
  }
  const builds: Build[] = [];
  const rows: Array<{ variant: Variant; resources: string; queues: number; l2: Build; l1: Build; sqsL2: Build; sqsL1: Build }> = [];
  for (const variant of VARIANTS) {
    const l2Counts = resourceCounts(l2App(variant));
    const l1Counts = resourceCounts(l1App(variant));
    if (JSON.stringify(l2Counts) !== JSON.stringify(l1Counts)) {
      throw new Error(`${variant.name}: the variants differ: L2 ${JSON.stringify(l2Counts)}, L1 ${JSON.stringify(l1Counts)}`);
    }
    const queues = Object.values(l2Counts).reduce((a, b) => a + b, 0);
    const make = (label: string, build: () => cdk.App): Build => {
      const b = { label: `${variant.name}: ${label}`, build, times: [] };
      builds.push(b);
      return b;
    };
    rows.push({
      variant,
      resources: Object.entries(l2Counts).map(([type, n]) => `${n} ${type.replace(/^AWS::/, '')}`).join(', '),
      queues,
      l2: make('L2', () => l2App(variant)),
      l1: make('L1', () => l1App(variant)),
      sqsL2: make('sqs.Queue', () => sqsApp(true, variant.naming, queues)),
      sqsL1: make('sqs.CfnQueue', () => sqsApp(false, variant.naming, queues)),
    });
  }

  console.log(`rounds: ${ROUNDS}, after ${WARMUP} warm-up rounds; every build once per round, the order rotating;`
    + ` ${COUNT} fleets + ${COUNT} stacks + ${COUNT} stack-fleet associations`);
  for (let round = -WARMUP; round < ROUNDS; round++) {
    const offset = ((round % builds.length) + builds.length) % builds.length;
    for (let i = 0; i < builds.length; i++) {
      const b = builds[(i + offset) % builds.length];
      const ms = timeSynth(b.build);
      if (round >= 0) {
        b.times.push(ms);
      }
    }
  }

  console.log('| variant | resources (identical in L2 and L1) | L2 median | L1 median | L2 / L1 | sqs.Queue / sqs.CfnQueue (same count) | L2 / L1 ≤ reference |');
  console.log('|---|---|---:|---:|---:|---:|---|');
  let missed = 0;
  for (const row of rows) {
    const ratio = median(row.l2.times) / median(row.l1.times);
    const reference = median(row.sqsL2.times) / median(row.sqsL1.times);
    const met = ratio <= reference;
    missed += met ? 0 : 1;
    console.log(`| ${row.variant.name} | ${row.resources} | ${median(row.l2.times).toFixed(1)} ms | ${median(row.l1.times).toFixed(1)} ms `
      + `| ${ratio.toFixed(2)}x | ${reference.toFixed(2)}x (${median(row.sqsL2.times).toFixed(1)} / ${median(row.sqsL1.times).toFixed(1)} ms, ${row.queues} queues) `
      + `| ${met ? 'yes' : 'NO'} |`);
  }
  console.log('goal: per variant, L2 / L1 <= aws-cdk-lib\'s sqs.Queue / sqs.CfnQueue in the same run');
  if (missed > 0) {
    process.exitCode = 1;
  }
}

main();
