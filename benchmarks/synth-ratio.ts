/**
 * Synth time of the same AppStream estate written with this library's L2 constructs and with raw L1s.
 *
 * 20 fleets + 20 stacks + 20 stack-fleet associations (plus the fleet roles the L2 creates by default,
 * which the L1 variant writes by hand so that both templates hold the same resources). Each variant is
 * synthesized alternately, after warm-up runs, and the medians are compared.
 *
 *   npx projen bench:synth            # ROUNDS=15 by default
 */
import { performance } from 'perf_hooks';
import * as cdk from 'aws-cdk-lib';
import * as appstreamL1 from 'aws-cdk-lib/aws-appstream';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as appstream from '../src';

const COUNT = 20;
const IMAGE = 'AppStream-WinServer2022-09-01-2025';
const ROUNDS = Number(process.env.ROUNDS ?? '15');
const WARMUP = 3;

function l2App(): cdk.App {
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
    new appstream.Stack(stack, `Stack${i}`, {
      stackName: `stack-${i}`,
      fleets: [fleet],
      userSettings: { clipboardCopyToLocalDevice: false, fileDownload: false, printingToLocalDevice: false },
    });
  }
  return app;
}

function l1App(): cdk.App {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Bench', { env: { account: '123456789012', region: 'us-east-1' } });
  for (let i = 0; i < COUNT; i++) {
    const role = new iam.CfnRole(stack, `FleetRole${i}`, {
      assumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'appstream.amazonaws.com' } }],
      },
    });
    const fleet = new appstreamL1.CfnFleet(stack, `Fleet${i}`, {
      name: `fleet-${i}`,
      instanceType: 'stream.standard.medium',
      imageName: IMAGE,
      fleetType: 'ON_DEMAND',
      computeCapacity: { desiredInstances: 2 },
      maxUserDurationInSeconds: 28800,
      disconnectTimeoutInSeconds: 900,
      iamRoleArn: role.attrArn,
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

function resourceCounts(app: cdk.App): Record<string, number> {
  const template = app.synth().getStackByName('Bench').template as { Resources: Record<string, { Type: string }> };
  const counts: Record<string, number> = {};
  for (const resource of Object.values(template.Resources)) {
    counts[resource.Type] = (counts[resource.Type] ?? 0) + 1;
  }
  return counts;
}

function timeSynth(build: () => cdk.App): number {
  const start = performance.now();
  build().synth();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function main(): void {
  console.log('resources, L2:', JSON.stringify(resourceCounts(l2App())));
  console.log('resources, L1:', JSON.stringify(resourceCounts(l1App())));
  for (let i = 0; i < WARMUP; i++) {
    timeSynth(l2App);
    timeSynth(l1App);
  }
  const l2: number[] = [];
  const l1: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    l2.push(timeSynth(l2App));
    l1.push(timeSynth(l1App));
  }
  const ratio = median(l2) / median(l1);
  console.log(`rounds: ${ROUNDS} (after ${WARMUP} warm-up rounds each)`);
  console.log(`L2 synth median: ${median(l2).toFixed(1)} ms`);
  console.log(`L1 synth median: ${median(l1).toFixed(1)} ms`);
  console.log(`ratio L2 / L1: ${ratio.toFixed(2)}x (goal <= 1.20x)`);
}

main();
