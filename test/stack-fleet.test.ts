import * as cdk from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Fleet } from '../src/fleet/fleet';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';
import { Stack } from '../src/stack/stack';
import { IStack } from '../src/stack/stack-interface';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';

function newStack(): cdk.Stack {
  return new cdk.Stack(new cdk.App(), 'Test', { env: { account: ACCOUNT, region: REGION } });
}

function ownedFleet(scope: cdk.Stack, id = 'Fleet'): Fleet {
  return new Fleet(scope, id, {
    fleetName: id.toLowerCase(),
    instanceType: InstanceType.STANDARD_MEDIUM,
    image: FleetImage.fromName('AppStream-WinServer2022-09-01-2025'),
    desiredCapacity: 1,
  });
}

function arn(resource: string, name: string) {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:appstream:${REGION}:${ACCOUNT}:${resource}/${name}`]] };
}

describe('Stack fleet association', () => {
  test('addFleet creates one association that depends on the stack and the fleet', () => {
    const scope = newStack();
    const fleet = ownedFleet(scope);
    const stack = new Stack(scope, 'Stack', { stackName: 'portal' });
    stack.addFleet(fleet);

    const template = Template.fromStack(scope);
    const stackId = scope.getLogicalId(stack.node.defaultChild as cdk.CfnElement);
    const fleetId = scope.getLogicalId(fleet.node.defaultChild as cdk.CfnElement);
    const associations = template.findResources('AWS::AppStream::StackFleetAssociation');
    expect(Object.keys(associations)).toHaveLength(1);
    const [association] = Object.values(associations);
    expect(association.Properties).toEqual({ FleetName: { Ref: fleetId }, StackName: { Ref: stackId } });
    expect(association.DependsOn).toEqual(expect.arrayContaining([stackId, fleetId]));
    expect(stack.fleet).toBe(fleet);
  });

  test('the fleet prop associates the fleet at construction', () => {
    const scope = newStack();
    const fleet = Fleet.fromFleetName(scope, 'Fleet', 'existing-fleet');
    const stack = new Stack(scope, 'Stack', { fleet });
    Template.fromStack(scope).hasResourceProperties('AWS::AppStream::StackFleetAssociation', {
      FleetName: 'existing-fleet',
      StackName: { Ref: scope.getLogicalId(stack.node.defaultChild as cdk.CfnElement) },
    });
    expect(stack.fleet).toBe(fleet);
  });

  test('without a fleet, fleet is undefined and nothing is associated', () => {
    const scope = newStack();
    const stack = new Stack(scope, 'Stack');
    expect(stack.fleet).toBeUndefined();
    Template.fromStack(scope).resourceCountIs('AWS::AppStream::StackFleetAssociation', 0);
  });

  test('IStack exposes the fleet: owned stacks, imports with a fleet, imports without one', () => {
    const scope = newStack();
    const fleet = Fleet.fromFleetName(scope, 'Fleet', 'f');
    const owned: IStack = new Stack(scope, 'Owned', { fleet });
    const withFleet: IStack = Stack.fromStackAttributes(scope, 'WithFleet', { stackName: 'with', fleet });
    expect(owned.fleet).toBe(fleet);
    expect(withFleet.fleet).toBe(fleet);
    expect(Stack.fromStackName(scope, 'ByName', 'by-name').fleet).toBeUndefined();
    expect(Stack.fromStackArn(scope, 'ByArn', `arn:aws:appstream:${REGION}:${ACCOUNT}:stack/by-arn`).fleet).toBeUndefined();
    expect(Stack.fromStackAttributes(scope, 'NoFleet', { stackName: 'no-fleet' }).fleet).toBeUndefined();
  });

  test('a second fleet is an error naming the stack and both fleets', () => {
    const scope = newStack();
    const stack = new Stack(scope, 'Stack', { stackName: 'portal', fleet: Fleet.fromFleetName(scope, 'A', 'fleet-a') });
    expect(() => stack.addFleet(Fleet.fromFleetName(scope, 'B', 'fleet-b')))
      .toThrow(/Test\/Stack: stack 'portal' \(Test\/Stack\) already has fleet 'fleet-a' \(Test\/A\); AppStream associates at most one fleet with a stack \(cannot add 'fleet-b' \(Test\/B\)\)/);
    const two = new Stack(scope, 'Two', { fleet: Fleet.fromFleetName(scope, 'C', 'c') });
    expect(() => two.addFleet(Fleet.fromFleetName(scope, 'D', 'd'))).toThrow(/already has fleet 'c'/);
    expect(two.fleet?.fleetName).toBe('c');
  });

  test('a fleet in another CDK stack makes this CDK stack depend on it', () => {
    const app = new cdk.App();
    const fleetStack = new cdk.Stack(app, 'Fleets', { env: { account: ACCOUNT, region: REGION } });
    const portalStack = new cdk.Stack(app, 'Portal', { env: { account: ACCOUNT, region: REGION } });
    const fleet = ownedFleet(fleetStack);
    new Stack(portalStack, 'Stack', { fleet });
    app.synth();
    expect(portalStack.dependencies).toContain(fleetStack);
  });
});

describe('Stack domain sign-in warnings', () => {
  const id = 'cdk-appstream:domain-signin-without-domain-join';

  test('domain password sign-in with a fleet that is not domain-joined warns (fleet prop)', () => {
    const scope = newStack();
    new Stack(scope, 'Stack', {
      userSettings: { domainPasswordSignin: true },
      fleet: ownedFleet(scope),
    });
    Annotations.fromStack(scope).hasWarning('/Test/Stack', Match.stringLikeRegexp(`enable DOMAIN_PASSWORD_SIGNIN, but fleet 'Test/Fleet' is not joined.*\\[ack: ${id}\\]`));
  });

  test('smart-card sign-in with a fleet that is not domain-joined warns (addFleet)', () => {
    const scope = newStack();
    const stack = new Stack(scope, 'Stack', { userSettings: { domainSmartCardSignin: true, domainPasswordSignin: true } });
    stack.addFleet(Fleet.fromFleetAttributes(scope, 'Fleet', { fleetName: 'f', domainJoined: false }));
    Annotations.fromStack(scope).hasWarning('/Test/Stack', Match.stringLikeRegexp('enable DOMAIN_PASSWORD_SIGNIN and DOMAIN_SMART_CARD_SIGNIN'));
  });

  test.each([
    ['a domain-joined fleet', true, { domainPasswordSignin: true }],
    ['a fleet whose domain join is unknown', undefined, { domainSmartCardSignin: true }],
    ['sign-in disabled', false, { domainPasswordSignin: false, domainSmartCardSignin: false }],
  ])('no warning with %s', (_name, domainJoined, userSettings) => {
    const scope = newStack();
    new Stack(scope, 'Stack', { userSettings, fleet: Fleet.fromFleetAttributes(scope, 'Fleet', { fleetName: 'f', domainJoined }) });
    Annotations.fromStack(scope).hasNoWarning('*', Match.stringLikeRegexp('not joined'));
  });
});

describe('Stack grants', () => {
  function policyOf(scope: cdk.Stack) {
    const policies = Template.fromStack(scope).findResources('AWS::IAM::Policy');
    return Object.values(policies).map((p) => p.Properties.PolicyDocument.Statement);
  }

  function setUp() {
    const scope = newStack();
    const role = new iam.Role(scope, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const stack = new Stack(scope, 'Stack', { stackName: 'portal', fleet: Fleet.fromFleetName(scope, 'Fleet', 'desk') });
    const stackArn = scope.resolve(stack.stackArn);
    return { scope, role, stack, stackArn };
  }

  test('grantCreateStreamingUrl: CreateStreamingURL on the stack and the fleet ARN', () => {
    const { scope, role, stack, stackArn } = setUp();
    stack.grantCreateStreamingUrl(role);
    expect(policyOf(scope)).toEqual([[{
      Action: 'appstream:CreateStreamingURL',
      Effect: 'Allow',
      Resource: [stackArn, arn('fleet', 'desk')],
    }]]);
  });

  test('grantReadSessions: DescribeSessions on the stack and the fleet ARN', () => {
    const { scope, role, stack, stackArn } = setUp();
    stack.grantReadSessions(role);
    expect(policyOf(scope)).toEqual([[{ Action: 'appstream:DescribeSessions', Effect: 'Allow', Resource: [stackArn, arn('fleet', 'desk')] }]]);
  });

  test('grantSessionManagement: DescribeSessions on stack and fleet, ExpireSession on * (no resource type in IAM)', () => {
    const { scope, role, stack, stackArn } = setUp();
    const grant = stack.grantSessionManagement(role);
    expect(grant.success).toBe(true);
    expect(policyOf(scope)).toEqual([[
      { Action: 'appstream:DescribeSessions', Effect: 'Allow', Resource: [stackArn, arn('fleet', 'desk')] },
      { Action: 'appstream:ExpireSession', Effect: 'Allow', Resource: '*' },
    ]]);
  });

  test('grant: any actions on the stack ARN', () => {
    const { scope, role, stack, stackArn } = setUp();
    stack.grant(role, 'appstream:DescribeStacks', 'appstream:ListAssociatedFleets');
    expect(policyOf(scope)).toEqual([[{
      Action: ['appstream:DescribeStacks', 'appstream:ListAssociatedFleets'],
      Effect: 'Allow',
      Resource: stackArn,
    }]]);
  });

  test('an owned fleet: its ARN is used, no warning', () => {
    const scope = newStack();
    const role = new iam.Role(scope, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const fleet = ownedFleet(scope);
    const stack = new Stack(scope, 'Stack', { fleet });
    stack.grantCreateStreamingUrl(role);
    expect(policyOf(scope)[0][0].Resource).toEqual([scope.resolve(stack.stackArn), scope.resolve(fleet.fleetArn)]);
    Annotations.fromStack(scope).hasNoWarning('*', Match.anyValue());
  });

  test('without a known fleet the grant covers the fleets of the account and region, with a warning', () => {
    const scope = newStack();
    const role = new iam.Role(scope, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const stack = new Stack(scope, 'Stack', { stackName: 'portal' });
    stack.grantCreateStreamingUrl(role);
    expect(policyOf(scope)[0][0].Resource).toEqual([scope.resolve(stack.stackArn), arn('fleet', '*')]);
    Annotations.fromStack(scope).hasWarning('/Test/Stack', Match.stringLikeRegexp('No fleet is associated with this stack yet'));
  });

  test('an imported stack grants on its own ARN and the fleet given as attribute', () => {
    const scope = newStack();
    const role = new iam.Role(scope, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const fleet = Fleet.fromFleetArn(scope, 'Fleet', 'arn:aws:appstream:us-east-1:222222222222:fleet/other-fleet');
    const imported = Stack.fromStackAttributes(scope, 'Imported', {
      stackArn: 'arn:aws:appstream:us-east-1:222222222222:stack/other',
      fleet,
    });
    imported.grantCreateStreamingUrl(role);
    expect(policyOf(scope)[0][0].Resource).toEqual([
      'arn:aws:appstream:us-east-1:222222222222:stack/other',
      'arn:aws:appstream:us-east-1:222222222222:fleet/other-fleet',
    ]);
  });

  test('an imported stack without fleet: wildcard fleet ARN in the stack\'s own account and region', () => {
    const scope = newStack();
    const role = new iam.Role(scope, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const imported = Stack.fromStackArn(scope, 'Imported', 'arn:aws:appstream:us-east-1:222222222222:stack/other');
    imported.grantReadSessions(role);
    expect(scope.resolve(policyOf(scope)[0][0].Resource[1])).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:222222222222:fleet/*']],
    });
  });
});
