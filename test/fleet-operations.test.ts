import { App, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Fleet } from '../src/fleet/fleet';
import { FleetPlatform } from '../src/fleet/fleet-platform';
import { FleetProps } from '../src/fleet/fleet-props';
import { FleetState, FleetUpdateBehavior } from '../src/fleet/fleet-state';
import { FleetType } from '../src/fleet/fleet-type';
import { FleetImage, ImageVisibility } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';

// Fleet operations through the public API: `desiredState`, `updateBehavior` and `FleetImage.latest`.

const IMAGE = FleetImage.fromName('AppStream-WinServer2022-09-01-2025');
const GUARD = 'Custom::AppStreamFleetUpdateGuard';
const STATE = 'Custom::AppStreamFleetState';
const LOOKUP = 'Custom::AppStreamImageLookup';

function newStack(): Stack {
  return new Stack(new App(), 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
}

function newFleet(stack: Stack, props: Partial<FleetProps> = {}, id = 'Fleet'): Fleet {
  return new Fleet(stack, id, {
    instanceType: InstanceType.STANDARD_MEDIUM,
    image: IMAGE,
    desiredCapacity: 1,
    ...props,
  });
}

/** The single resource of `type` in `template`, with its logical id. */
function only(template: Template, type: string): { id: string; resource: any } {
  const found = Object.entries(template.findResources(type));
  expect(found).toHaveLength(1);
  return { id: found[0][0], resource: found[0][1] };
}

/** The synthesized template of a fresh stack with one fleet built from `props`. */
function synth(props: Partial<FleetProps>): Template {
  const stack = newStack();
  newFleet(stack, props);
  return Template.fromStack(stack);
}

describe('desiredState RUNNING', () => {
  test('creates the guard before the fleet and the state resource after it, both naming the fleet literally', () => {
    const stack = newStack();
    newFleet(stack, { fleetName: 'office', fleetType: FleetType.ALWAYS_ON, desiredState: FleetState.RUNNING });
    const template = Template.fromStack(stack);

    const fleet = only(template, 'AWS::AppStream::Fleet');
    const guard = only(template, GUARD);
    const state = only(template, STATE);
    expect(fleet.resource.DependsOn).toEqual([guard.id]);
    expect(state.resource.DependsOn).toEqual([fleet.id]);
    expect(guard.resource.DependsOn).toBeUndefined();
    expect(guard.resource.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^AppStreamCustomResourceProviderframeworkonEvent/), 'Arn'] },
      FleetName: 'office',
      FleetType: 'ALWAYS_ON',
      StopForUpdates: 'true',
      FleetProperties: expect.objectContaining({ InstanceType: 'stream.standard.medium' }),
    });
    template.hasResourceProperties(STATE, {
      FleetName: 'office',
      DesiredState: 'RUNNING',
      FleetProperties: Match.objectLike({ InstanceType: 'stream.standard.medium', ComputeCapacity: { DesiredInstances: 1 } }),
    });
  });

  test('a generated fleet name is the same literal in the fleet, the guard, the state resource and the IAM policy', () => {
    const template = synth({ desiredState: FleetState.RUNNING });
    const name = only(template, 'AWS::AppStream::Fleet').resource.Properties.Name;
    expect(typeof name).toBe('string');
    expect(only(template, GUARD).resource.Properties.FleetName).toBe(name);
    expect(only(template, STATE).resource.Properties.FleetName).toBe(name);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Action: ['appstream:StartFleet', 'appstream:StopFleet'],
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:appstream:us-east-1:123456789012:fleet/${name}`]] },
        }]),
      },
    });
  });

  test('StartFleet / StopFleet are granted on this fleet only; two fleets share one provider and one statement', () => {
    const stack = newStack();
    newFleet(stack, { fleetName: 'one', desiredState: FleetState.RUNNING }, 'One');
    newFleet(stack, { fleetName: 'two', desiredState: FleetState.STOPPED }, 'Two');
    const template = Template.fromStack(stack);

    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    const arn = (name: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:appstream:us-east-1:123456789012:fleet/${name}`]] });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Action: ['appstream:StartFleet', 'appstream:StopFleet'],
          Effect: 'Allow',
          Resource: [arn('one'), arn('two')],
        }]),
      },
    });
    // Nothing but the read-only DescribeFleets takes "*".
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement)
      .filter((s: any) => s.Resource === '*' && JSON.stringify(s.Action).includes('appstream:'));
    expect(statements.map((s: any) => s.Action)).toEqual(expect.arrayContaining(['appstream:DescribeFleets']));
    expect(statements.every((s: any) => s.Action === 'appstream:DescribeFleets')).toBe(true);
  });

  test('updateBehavior FAIL renders StopForUpdates "false"', () => {
    synth({ desiredState: FleetState.RUNNING, updateBehavior: FleetUpdateBehavior.FAIL })
      .hasResourceProperties(GUARD, { StopForUpdates: 'false' });
  });

  test('an Elastic fleet tells the guard its type (what a running Elastic fleet accepts differs)', () => {
    const stack = newStack();
    newFleet(stack, {
      fleetType: FleetType.ELASTIC,
      image: undefined,
      desiredCapacity: undefined,
      maxConcurrentSessions: 10,
      platform: FleetPlatform.AMAZON_LINUX2,
      vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }),
      desiredState: FleetState.RUNNING,
    });
    Template.fromStack(stack).hasResourceProperties(GUARD, {
      FleetType: 'ELASTIC',
      FleetProperties: Match.objectLike({ MaxConcurrentSessions: 10, Platform: 'AMAZON_LINUX2' }),
    });
  });
});

describe('what makes CloudFormation update the guard and the state resource', () => {
  /** The properties of the guard and of the state resource of a fleet built from `props`. */
  function customProps(props: Partial<FleetProps>): { guard: unknown; state: unknown } {
    const template = synth({ fleetName: 'office', desiredState: FleetState.RUNNING, ...props });
    return { guard: only(template, GUARD).resource.Properties, state: only(template, STATE).resource.Properties };
  }

  test('the same props give the same properties (no update on an unrelated deploy)', () => {
    expect(customProps({})).toEqual(customProps({}));
  });

  test.each<[string, Partial<FleetProps>]>([
    ['a property a running fleet refuses (InstanceType)', { instanceType: InstanceType.STANDARD_LARGE }],
    ['a property a running fleet refuses (Description)', { description: 'changed' }],
    ['a property a running fleet accepts (DisplayName)', { displayName: 'Office apps' }],
    ['the capacity', { desiredCapacity: 3 }],
  ])('%s changes both, so both run on that update', (_what, change) => {
    const before = customProps({});
    const after = customProps(change);
    expect(after.guard).not.toEqual(before.guard);
    expect(after.state).not.toEqual(before.state);
  });

  test('tags change neither (TagResource works on a running fleet)', () => {
    const stack = newStack();
    const fleet = newFleet(stack, { fleetName: 'office', desiredState: FleetState.RUNNING });
    Tags.of(fleet).add('team', 'apps');
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AppStream::Fleet', { Tags: [{ Key: 'team', Value: 'apps' }] });
    expect(only(template, GUARD).resource.Properties).toEqual(customProps({}).guard);
    expect(only(template, STATE).resource.Properties).toEqual(customProps({}).state);
  });

  test('the instance role created on first use is part of the properties', () => {
    const stack = newStack();
    const fleet = newFleet(stack, { fleetName: 'office', desiredState: FleetState.RUNNING });
    void fleet.role;
    Template.fromStack(stack).hasResourceProperties(GUARD, {
      FleetProperties: Match.objectLike({ IamRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FleetInstanceRole'), 'Arn'] } }),
    });
  });
});

describe('desiredState STOPPED and no desired state', () => {
  test('STOPPED: a guard that stops a fleet still running before a refused change, whatever updateBehavior says', () => {
    const template = synth({ desiredState: FleetState.STOPPED, updateBehavior: FleetUpdateBehavior.FAIL });
    const guard = only(template, GUARD);
    const fleet = only(template, 'AWS::AppStream::Fleet');
    expect(fleet.resource.DependsOn).toEqual([guard.id]);
    template.hasResourceProperties(GUARD, { StopForUpdates: 'true' });
    expect(only(template, STATE).resource.DependsOn).toEqual([fleet.id]);
    template.hasResourceProperties(STATE, { DesiredState: 'STOPPED' });
  });

  test('without desiredState there is no custom resource and no provider', () => {
    const template = synth({});
    template.resourceCountIs(GUARD, 0);
    template.resourceCountIs(STATE, 0);
    template.resourceCountIs('AWS::Lambda::Function', 0);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 0);
  });
});

describe('warnings', () => {
  const UPDATE_BEHAVIOR = /updateBehavior applies only when desiredState is FleetState.RUNNING/;
  const START_ON_CREATE = /startOnCreate is redundant with desiredState/;

  function warnings(props: Partial<FleetProps>): string[] {
    const stack = newStack();
    newFleet(stack, props);
    return Annotations.fromStack(stack).findWarning('/Test/Fleet', Match.anyValue()).map((w) => String(w.entry.data));
  }

  test.each<[string, Partial<FleetProps>]>([
    ['without a desired state', { updateBehavior: FleetUpdateBehavior.FAIL }],
    ['with desired state STOPPED', { updateBehavior: FleetUpdateBehavior.STOP_AND_RESTART, desiredState: FleetState.STOPPED }],
  ])('updateBehavior %s is reported as ignored', (_what, props) => {
    expect(warnings(props)).toEqual([expect.stringMatching(UPDATE_BEHAVIOR)]);
  });

  test('startOnCreate with a desired state is reported as redundant', () => {
    expect(warnings({ startOnCreate: true, desiredState: FleetState.RUNNING })).toEqual([expect.stringMatching(START_ON_CREATE)]);
  });

  test('no warning for a consistent configuration', () => {
    expect(warnings({ desiredState: FleetState.RUNNING, updateBehavior: FleetUpdateBehavior.FAIL })).toEqual([]);
    expect(warnings({ startOnCreate: true })).toEqual([]);
  });
});

describe('FleetImage.latest', () => {
  test('the look-up\'s ImageArn attribute is the fleet\'s ImageArn (public, private and shared images alike)', () => {
    const stack = newStack();
    newFleet(stack, {
      image: FleetImage.latest({
        namePrefix: 'AppStream-WinServer2022-',
        platform: FleetPlatform.WINDOWS_SERVER_2022,
        visibility: ImageVisibility.PUBLIC,
        refreshToken: '2025-09',
      }),
    });
    const template = Template.fromStack(stack);
    const lookup = only(template, LOOKUP);
    expect(lookup.resource.Properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [expect.stringMatching(/^AppStreamCustomResourceProviderframeworkonEvent/), 'Arn'] },
      NamePrefix: 'AppStream-WinServer2022-',
      Platform: 'WINDOWS_SERVER_2022',
      Type: 'PUBLIC',
      RefreshToken: '2025-09',
    });
    template.hasResourceProperties('AWS::AppStream::Fleet', {
      ImageArn: { 'Fn::GetAtt': [lookup.id, 'ImageArn'] },
      ImageName: Match.absent(),
    });
  });

  test('with a desired state, the guard and the state resource carry the looked-up image, so a new image reaches them', () => {
    const template = synth({ desiredState: FleetState.RUNNING, image: FleetImage.latest({ namePrefix: 'AppStream-WinServer2022-' }) });
    const lookupId = only(template, LOOKUP).id;
    for (const type of [GUARD, STATE]) {
      template.hasResourceProperties(type, { FleetProperties: Match.objectLike({ ImageArn: { 'Fn::GetAtt': [lookupId, 'ImageArn'] } }) });
    }
  });

  test('the refresh token is the only thing that changes the look-up\'s properties between deploys of the same filter', () => {
    const lookupProps = (refreshToken?: string) =>
      only(synth({ image: FleetImage.latest({ namePrefix: 'AppStream-WinServer2022-', refreshToken }) }), LOOKUP).resource.Properties;

    // Without a token the properties never change: CloudFormation never sends an Update, the image stays.
    expect(lookupProps()).toEqual(lookupProps());
    expect(lookupProps().RefreshToken).toBeUndefined();
    // Same token: no Update; a new token: an Update, which looks the image up again.
    expect(lookupProps('1')).toEqual(lookupProps('1'));
    expect(lookupProps('2')).toEqual({ ...lookupProps('1'), RefreshToken: '2' });
  });

  test('optional filters are left out of the look-up', () => {
    const props = only(synth({ image: FleetImage.latest({ namePrefix: 'my-image' }) }), LOOKUP).resource.Properties;
    expect(Object.keys(props).sort()).toEqual(['NamePrefix', 'ServiceToken']);
  });

  test.each([
    ['empty', '', /namePrefix: must be 1 to 100 characters long \(got ""\)/],
    ['too long', 'a'.repeat(101), /namePrefix: must be 1 to 100 characters long \(got "a{101}"\)/],
    ['not the start of an image name', 'My Image', /namePrefix: must match a letter or digit followed by letters, digits, "_", "\." or "-" \(the start of an image name\) \(got "My Image"\)/],
    ['starting with a dash', '-image', /namePrefix: must match .* \(got "-image"\)/],
  ])('a prefix that is %s is refused at synth, naming the property, value and rule', (_what, namePrefix, message) => {
    const stack = newStack();
    expect(() => newFleet(stack, { image: FleetImage.latest({ namePrefix }) })).toThrow(message);
    expect(() => newFleet(newStack(), { image: FleetImage.latest({ namePrefix }) })).toThrow(/Test\/Fleet\/LatestImage/);
  });

  test('two fleets each get their own look-up on one shared provider', () => {
    const stack = newStack();
    const image = FleetImage.latest({ namePrefix: 'AppStream-WinServer2022-' });
    newFleet(stack, { image }, 'One');
    newFleet(stack, { image }, 'Two');
    const template = Template.fromStack(stack);
    template.resourceCountIs(LOOKUP, 2);
    // The handler's onEvent and isComplete, and the framework's onEvent, isComplete and onTimeout.
    template.resourceCountIs('AWS::Lambda::Function', 5);
  });
});
