/**
 * What the library adds to a CDK stack beside the user's own AppStream resources, when every kind
 * of custom resource is used: a fleet kept RUNNING (`desiredState`) on the newest image
 * (`FleetImage.latest`), a stack with that fleet, a `UserStackAssociation`, a user kept disabled
 * (`enabled: false`) the usage-report subscription (`UsageReports`) and an `Image` (an
 * updated copy of an existing image: an `Image` from an AMI also has its import role, which belongs
 * to that image, not to the provider).
 *
 * Prints a markdown table of the supporting resources (every resource whose type is neither
 * `AWS::AppStream::*` nor `Custom::AppStream*`): Lambda functions, state machines, log groups, IAM
 * roles and policies, and all of them in total. Goal: one custom-resource provider per CDK stack,
 * i.e. one `onEvent` handler function.
 *
 *   npx projen bench:footprint
 */
import * as cdk from 'aws-cdk-lib';
import * as appstream from '../src';

/** Resource types counted one by one; the total counts every supporting resource. */
const COUNTED_TYPES: Array<[label: string, type: string]> = [
  ['Lambda functions', 'AWS::Lambda::Function'],
  ['State machines', 'AWS::StepFunctions::StateMachine'],
  ['Log groups', 'AWS::Logs::LogGroup'],
  ['IAM roles', 'AWS::IAM::Role'],
  ['IAM policies', 'AWS::IAM::Policy'],
];

interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

function synthesize(): TemplateResource[] {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'Footprint', { env: { account: '123456789012', region: 'us-east-1' } });
  const fleet = new appstream.Fleet(stack, 'Fleet', {
    instanceType: appstream.InstanceType.STANDARD_MEDIUM,
    image: appstream.FleetImage.latest({ namePrefix: 'AppStream-WinServer2022-', platform: appstream.FleetPlatform.WINDOWS_SERVER_2022 }),
    desiredCapacity: 1,
    desiredState: appstream.FleetState.RUNNING,
  });
  const appStreamStack = new appstream.Stack(stack, 'Stack', { fleet });
  new appstream.UserStackAssociation(stack, 'Users', {
    stack: appStreamStack,
    users: [appstream.StackUser.saml('alice@corp.example.com'), appstream.StackUser.saml('bob@corp.example.com')],
  });
  new appstream.User(stack, 'DisabledUser', { email: 'carol@example.com', enabled: false });
  new appstream.UsageReports(stack, 'UsageReports');
  new appstream.Image(stack, 'Image', {
    source: appstream.ImageSource.updatedFrom(appstream.Image.fromImageName(stack, 'Base', 'golden-base')),
  });
  const template = app.synth().getStackByName(stack.stackName).template as { Resources: Record<string, TemplateResource> };
  return Object.values(template.Resources);
}

function isUsersOwn(resource: TemplateResource): boolean {
  return resource.Type.startsWith('AWS::AppStream::') || resource.Type.startsWith('Custom::AppStream');
}

function main(): void {
  const supporting = synthesize().filter((resource) => !isUsersOwn(resource));
  const countOf = (type: string) => supporting.filter((resource) => resource.Type === type).length;

  console.log('| supporting resource | count |');
  console.log('|---|---:|');
  for (const [label, type] of COUNTED_TYPES) {
    console.log(`| ${label} | ${countOf(type)} |`);
  }
  console.log(`| **all supporting resources** | **${supporting.length}** |`);

  const onEventHandlers = supporting.filter((resource) =>
    resource.Type === 'AWS::Lambda::Function' && resource.Properties?.Handler === 'index.onEvent').length;
  if (onEventHandlers !== 1) {
    console.error(`\nGoal missed: ${onEventHandlers} onEvent handler functions (custom-resource providers); the goal is 1 per CDK stack.`);
    process.exitCode = 1;
  }
}

main();
