import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AppStreamProvider } from '../src/core/private/appstream-provider';
import { FleetState, FleetUpdateBehavior } from '../src/fleet/fleet-state';
import { FleetCfnResource } from '../src/fleet/private/fleet-resource';
import { FleetStateResource } from '../src/fleet/private/fleet-state-resource';
import { FleetUpdateGuard } from '../src/fleet/private/fleet-state-update-guard';

function makeStack(): Stack {
  return new Stack(new App(), 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
}

function makeFleet(stack: Stack, id = 'Fleet', name = 'my-fleet', extra: Partial<FleetCfnResource> = {}): FleetCfnResource {
  const fleet = new FleetCfnResource(stack, id, {
    name,
    instanceType: 'stream.standard.small',
    fleetType: 'ALWAYS_ON',
    imageName: 'AppStream-WinServer2022-09-01-2025',
    computeCapacity: { desiredInstances: 2 },
    maxUserDurationInSeconds: 7200,
  });
  Object.assign(fleet, extra);
  return fleet;
}

/** Both resources on one fleet, as `Fleet` wires them. */
function guardAndState(stack: Stack, fleet: FleetCfnResource, name: string, behavior = FleetUpdateBehavior.STOP_AND_RESTART, id = 'Fleet') {
  new FleetUpdateGuard(stack, `${id}Guard`, { fleet, fleetName: name, updateBehavior: behavior });
  new FleetStateResource(stack, `${id}State`, { fleet, fleetName: name, desiredState: FleetState.RUNNING });
}

describe('FleetStateResource', () => {
  test('names the fleet by its literal name, depends on it, carries the desired state and the fleet\'s updatable properties', () => {
    const stack = makeStack();
    const fleet = makeFleet(stack);
    new FleetStateResource(stack, 'State', { fleet, fleetName: 'my-fleet', desiredState: FleetState.RUNNING });

    const template = Template.fromStack(stack);
    template.hasResourceProperties('Custom::AppStreamFleetState', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp(AppStreamProvider.ID), 'Arn'] },
      FleetName: 'my-fleet',
      DesiredState: 'RUNNING',
      FleetProperties: {
        InstanceType: 'stream.standard.small',
        ImageName: 'AppStream-WinServer2022-09-01-2025',
        ComputeCapacity: { DesiredInstances: 2 },
        MaxUserDurationInSeconds: 7200,
      },
    });
    template.hasResource('Custom::AppStreamFleetState', { DependsOn: ['Fleet'] });
    // Name, FleetType and Tags are not updatable in place.
    const [props] = Object.values(template.findResources('Custom::AppStreamFleetState')).map((r) => r.Properties);
    expect(Object.keys(props.FleetProperties).sort()).toEqual(['ComputeCapacity', 'ImageName', 'InstanceType', 'MaxUserDurationInSeconds']);
  });

  test('STOPPED is rendered as such', () => {
    const stack = makeStack();
    new FleetStateResource(stack, 'State', { fleet: makeFleet(stack), fleetName: 'my-fleet', desiredState: FleetState.STOPPED });

    Template.fromStack(stack).hasResourceProperties('Custom::AppStreamFleetState', { DesiredState: 'STOPPED' });
  });

  test('reads the fleet\'s properties at synthesis: later changes to the L1 count', () => {
    const stack = makeStack();
    const fleet = makeFleet(stack);
    new FleetStateResource(stack, 'State', { fleet, fleetName: 'my-fleet', desiredState: FleetState.RUNNING });
    fleet.instanceType = 'stream.standard.large';

    Template.fromStack(stack).hasResourceProperties('Custom::AppStreamFleetState', {
      FleetProperties: Match.objectLike({ InstanceType: 'stream.standard.large' }),
    });
  });
  test('escape-hatch overrides count, nested values carry CloudFormation names, tags never count', () => {
    const stack = makeStack();
    const fleet = makeFleet(stack);
    fleet.addPropertyOverride('StreamView', 'DESKTOP');
    fleet.addPropertyOverride('ComputeCapacity.DesiredInstances', 3);
    fleet.addPropertyDeletionOverride('MaxUserDurationInSeconds');
    fleet.tags.setTag('team', 'apps');
    new FleetStateResource(stack, 'State', { fleet, fleetName: 'my-fleet', desiredState: FleetState.RUNNING });

    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AppStream::Fleet', { Tags: [{ Key: 'team', Value: 'apps' }] });
    const [props] = Object.values(template.findResources('Custom::AppStreamFleetState')).map((r) => r.Properties);
    expect(props.FleetProperties).toEqual({
      ComputeCapacity: { DesiredInstances: 3 },
      ImageName: 'AppStream-WinServer2022-09-01-2025',
      InstanceType: 'stream.standard.small',
      StreamView: 'DESKTOP',
    });
  });
});

describe('FleetUpdateGuard', () => {
  test('the fleet depends on the guard, which names the fleet, its type and the behaviour', () => {
    const stack = makeStack();
    const fleet = makeFleet(stack);
    new FleetUpdateGuard(stack, 'Guard', { fleet, fleetName: 'my-fleet', updateBehavior: FleetUpdateBehavior.STOP_AND_RESTART });

    const template = Template.fromStack(stack);
    template.hasResourceProperties('Custom::AppStreamFleetUpdateGuard', {
      FleetName: 'my-fleet',
      FleetType: 'ALWAYS_ON',
      StopForUpdates: 'true',
      FleetProperties: Match.objectLike({ InstanceType: 'stream.standard.small' }),
    });
    const guardId = Object.keys(template.findResources('Custom::AppStreamFleetUpdateGuard'))[0];
    template.hasResource('AWS::AppStream::Fleet', { DependsOn: Match.arrayWith([guardId]) });
  });

  test('the fleet type comes from the rendered template, overrides included', () => {
    const stack = makeStack();
    const fleet = makeFleet(stack);
    fleet.addPropertyOverride('FleetType', 'ELASTIC');
    new FleetUpdateGuard(stack, 'Guard', { fleet, fleetName: 'my-fleet', updateBehavior: FleetUpdateBehavior.STOP_AND_RESTART });

    const [props] = Object.values(Template.fromStack(stack).findResources('Custom::AppStreamFleetUpdateGuard')).map((r) => r.Properties);
    expect(props.FleetType).toBe('ELASTIC');
    expect(props.FleetProperties.FleetType).toBeUndefined();
    expect(props.FleetProperties.Name).toBeUndefined();
  });

  test('FAIL renders StopForUpdates "false"; a fleet without a type is ON_DEMAND', () => {
    const stack = makeStack();
    const fleet = makeFleet(stack);
    fleet.fleetType = undefined;
    new FleetUpdateGuard(stack, 'Guard', { fleet, fleetName: 'my-fleet', updateBehavior: FleetUpdateBehavior.FAIL });

    Template.fromStack(stack).hasResourceProperties('Custom::AppStreamFleetUpdateGuard', {
      StopForUpdates: 'false',
      FleetType: 'ON_DEMAND',
    });
  });

  test('guard, fleet and state resource synthesize without a cycle, in that order', () => {
    const stack = makeStack();
    const fleet = makeFleet(stack);
    guardAndState(stack, fleet, 'my-fleet');

    const template = Template.fromStack(stack);
    const guardId = Object.keys(template.findResources('Custom::AppStreamFleetUpdateGuard'))[0];
    template.hasResource('AWS::AppStream::Fleet', { DependsOn: [guardId] });
    template.hasResource('Custom::AppStreamFleetState', { Properties: Match.objectLike({ FleetName: 'my-fleet' }), DependsOn: ['Fleet'] });
  });
});

describe('the provider of fleet states', () => {
  test('one provider per stack for any number of fleets, with isComplete polling every 10 s', () => {
    const stack = makeStack();
    guardAndState(stack, makeFleet(stack, 'FleetA', 'fleet-a'), 'fleet-a', FleetUpdateBehavior.STOP_AND_RESTART, 'A');
    guardAndState(stack, makeFleet(stack, 'FleetB', 'fleet-b'), 'fleet-b', FleetUpdateBehavior.STOP_AND_RESTART, 'B');

    const template = Template.fromStack(stack);
    expect(AppStreamProvider.getOrCreate(stack)).toBe(stack.node.findChild(AppStreamProvider.ID));
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'index.onEvent', Runtime: 'nodejs24.x' }, 1);
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'index.isComplete', Runtime: 'nodejs24.x' }, 1);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    // 55 minutes of 10-second polls (CloudFormation gives a custom resource one hour).
    const definition = JSON.stringify(Object.values(template.findResources('AWS::StepFunctions::StateMachine'))[0].Properties.DefinitionString);
    expect(definition).toMatch(/\\"IntervalSeconds\\":10,\\"MaxAttempts\\":330,\\"BackoffRate\\":1/);
  });

  test('StartFleet / StopFleet are scoped to each fleet\'s ARN (once per fleet, by name: no cycle); DescribeFleets needs "*"', () => {
    const stack = makeStack();
    guardAndState(stack, makeFleet(stack, 'FleetA', 'fleet-a'), 'fleet-a', FleetUpdateBehavior.STOP_AND_RESTART, 'A');
    guardAndState(stack, makeFleet(stack, 'FleetB', 'fleet-b'), 'fleet-b', FleetUpdateBehavior.STOP_AND_RESTART, 'B');

    const template = Template.fromStack(stack);
    const arn = (name: string) => ({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:appstream:us-east-1:123456789012:fleet/${name}`]],
    });
    // onEvent and isComplete share one handler role.
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { Roles: [{ Ref: Match.stringLikeRegexp(`^${AppStreamProvider.ID}HandlerRole`) }] },
    });
    expect(Object.keys(policies)).toHaveLength(1);
    const statements = Object.values(policies)[0].Properties.PolicyDocument.Statement
      .filter((statement: any) => JSON.stringify(statement.Action).includes('appstream:'));
    expect(statements).toEqual([
      { Action: 'appstream:DescribeFleets', Effect: 'Allow', Resource: '*' },
      {
        Action: ['appstream:StartFleet', 'appstream:StopFleet'],
        Effect: 'Allow',
        Resource: [arn('fleet-a'), arn('fleet-b')],
      },
    ]);
  });
});
