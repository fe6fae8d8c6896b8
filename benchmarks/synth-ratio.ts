/**
 * Synth time of the same AppStream estate written with this library's L2 constructs and with raw L1s.
 *
 * 20 fleets + 20 stacks + 20 stack-fleet associations, in two scenarios:
 * - plain: fleets that need no AWS permissions (the L2 then creates no instance role);
 * - granted: each fleet may read an S3 bucket of the app's (an `s3.Bucket` in both variants, since
 *   the bucket is not ours to measure): L2 `bucket.grantRead(fleet)`; L1 a CfnRole and a CfnPolicy
 *   written by hand with the same statements.
 * Each pair is synthesized alternately, after warm-up rounds, and the medians are compared. The
 * script checks that both variants hold the same resources. A reference ratio of aws-cdk-lib's own
 * `sqs.Queue` against `sqs.CfnQueue` is printed beside.
 *
 *   npx projen bench:synth            # ROUNDS=30 by default; run on an otherwise idle machine
 */
import { performance } from 'perf_hooks';
import * as cdk from 'aws-cdk-lib';
import * as appstreamL1 from 'aws-cdk-lib/aws-appstream';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as appstream from '../src';

const COUNT = 20;
const IMAGE = 'AppStream-WinServer2022-09-01-2025';
const ROUNDS = Number(process.env.ROUNDS ?? '30');
const WARMUP = 3;

function l2App(granted: boolean): cdk.App {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Bench', { env: { account: '123456789012', region: 'us-east-1' } });
  for (let i = 0; i < COUNT; i++) {
    const fleet = new appstream.Fleet(stack, `Fleet${i}`, {
      fleetName: `fleet-${i}`,
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      image: appstream.FleetImage.fromName(IMAGE),
      desiredCapacity: 2,
      maxUserDuration: cdk.Duration.hours(8),
      disconnectTimeout: cdk.Duration.minutes(15),
    });
    if (granted) {
      new s3.Bucket(stack, `Data${i}`).grantRead(fleet);
    }
    new appstream.Stack(stack, `Stack${i}`, {
      stackName: `stack-${i}`,
      fleet,
      userSettings: { clipboardCopyToLocalDevice: false, fileDownload: false, printingToLocalDevice: false },
    });
  }
  return app;
}

function l1App(granted: boolean): cdk.App {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Bench', { env: { account: '123456789012', region: 'us-east-1' } });
  for (let i = 0; i < COUNT; i++) {
    let roleArn: string | undefined;
    if (granted) {
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
    const appStreamStack = new appstreamL1.CfnStack(stack, `Stack${i}`, {
      name: `stack-${i}`,
      userSettings: [
        { action: 'CLIPBOARD_COPY_TO_LOCAL_DEVICE', permission: 'DISABLED' },
        { action: 'FILE_DOWNLOAD', permission: 'DISABLED' },
        { action: 'PRINTING_TO_LOCAL_DEVICE', permission: 'DISABLED' },
      ],
    });
    const association = new appstreamL1.CfnStackFleetAssociation(stack, `Association${i}`, {
      fleetName: fleet.ref,
      stackName: appStreamStack.ref,
    });
    association.addDependency(fleet);
    association.addDependency(appStreamStack);
  }
  return app;
}

/** Reference point: aws-cdk-lib's own L2 (sqs.Queue) against its L1, the same number of resources. */
function sqsApp(l2: boolean): cdk.App {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Bench', { env: { account: '123456789012', region: 'us-east-1' } });
  for (let i = 0; i < 4 * COUNT; i++) {
    if (l2) {
      new sqs.Queue(stack, `Queue${i}`, { queueName: `queue-${i}`, visibilityTimeout: cdk.Duration.minutes(5) });
    } else {
      new sqs.CfnQueue(stack, `Queue${i}`, { queueName: `queue-${i}`, visibilityTimeout: 300 });
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
  // A full collection before each round, so that neither variant pays for the other's garbage.
  (globalThis as { gc?: () => void }).gc?.();
  const start = performance.now();
  build().synth();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Median synth times of two builds, alternated round by round after warm-up rounds. */
function compare(l2: () => cdk.App, l1: () => cdk.App): { l2: number; l1: number; ratio: number } {
  for (let i = 0; i < WARMUP; i++) {
    timeSynth(l2);
    timeSynth(l1);
  }
  const l2Times: number[] = [];
  const l1Times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    l2Times.push(timeSynth(l2));
    l1Times.push(timeSynth(l1));
  }
  return { l2: median(l2Times), l1: median(l1Times), ratio: median(l2Times) / median(l1Times) };
}

function main(): void {
  console.log(`rounds: ${ROUNDS} each, after ${WARMUP} warm-up rounds; ${COUNT} fleets + ${COUNT} stacks + ${COUNT} associations`);
  console.log('| scenario | resources (identical in both) | L2 median | L1 median | L2 / L1 |');
  console.log('|---|---|---:|---:|---:|');
  for (const granted of [false, true]) {
    const l2Counts = JSON.stringify(resourceCounts(l2App(granted)));
    const l1Counts = JSON.stringify(resourceCounts(l1App(granted)));
    if (l2Counts !== l1Counts) {
      throw new Error(`the variants differ: L2 ${l2Counts}, L1 ${l1Counts}`);
    }
    const result = compare(() => l2App(granted), () => l1App(granted));
    console.log(`| ${granted ? 'granted (bucket.grantRead(fleet) per fleet)' : 'plain'} | ${l2Counts.replace(/"AWS::/g, '"')} `
      + `| ${result.l2.toFixed(1)} ms | ${result.l1.toFixed(1)} ms | ${result.ratio.toFixed(2)}x |`);
  }
  const reference = compare(() => sqsApp(true), () => sqsApp(false));
  console.log(`| reference: aws-cdk-lib sqs.Queue vs sqs.CfnQueue | ${4 * COUNT} queues | ${reference.l2.toFixed(1)} ms `
    + `| ${reference.l1.toFixed(1)} ms | ${reference.ratio.toFixed(2)}x |`);
  console.log('goal: L2 / L1 <= 1.20x');
}

main();
