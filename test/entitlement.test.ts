import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { bucketAppBlock, expectProblems, FIXTURES, newStack, onlyResource, validTemplate } from './util/apps';
import { AppStreamFile } from '../src/apps/app-file';
import { Application } from '../src/apps/application';
import { AppVisibility, Entitlement, SamlAttribute } from '../src/apps/entitlement';
import { FleetPlatform } from '../src/fleet/fleet-platform';
import { Stack } from '../src/stack/stack';
import { StackUser } from '../src/users/stack-user';
import { UserStackAssociation } from '../src/users/user-stack-association';

function app(scope: cdk.Stack, id = 'App'): Application {
  return new Application(scope, id, {
    appBlock: (scope.node.tryFindChild('AppBlock') as any) ?? bucketAppBlock(scope),
    launchPath: 'C:\\app.exe',
    icon: AppStreamFile.fromAsset(path.join(FIXTURES, 'icon.png')),
    platforms: [FleetPlatform.WINDOWS_SERVER_2019],
  });
}

describe('Entitlement', () => {
  test('renders the stack, the rules and the visibility; applications are associated after the entitlement', () => {
    const scope = newStack();
    const stack = new Stack(scope, 'Stack');
    const first = app(scope);
    const entitlement = new Entitlement(scope, 'Engineers', {
      stack,
      description: 'Engineering apps',
      attributes: [
        { name: SamlAttribute.DEPARTMENT, value: 'engineering' },
        { name: SamlAttribute.of('costCenter'), value: '42' },
      ],
      applications: [first],
    });
    const second = app(scope, 'Second');
    entitlement.addApplication(second);
    const template = validTemplate(scope);
    const resource = onlyResource(template, 'AWS::AppStream::Entitlement');
    const stackId = scope.getLogicalId(stack.node.defaultChild as cdk.CfnElement);
    expect(resource.Properties).toEqual({
      Name: expect.stringMatching(/^TestEngineers[0-9A-F]{8}-[0-9a-f]{8}$/),
      StackName: { Ref: stackId },
      Description: 'Engineering apps',
      AppVisibility: 'ASSOCIATED',
      Attributes: [{ Name: 'department', Value: 'engineering' }, { Name: 'costCenter', Value: '42' }],
    });
    expect(resource.DependsOn).toEqual([stackId]);
    const associations = Object.values(template.findResources('AWS::AppStream::ApplicationEntitlementAssociation')) as any[];
    const entitlementId = scope.getLogicalId(entitlement.node.defaultChild as cdk.CfnElement);
    expect(associations.map((a) => a.Properties)).toEqual([first, second].map((a) => ({
      StackName: { Ref: stackId },
      EntitlementName: resource.Properties.Name,
      ApplicationIdentifier: scope.resolve(a.applicationName),
    })));
    for (const [association, application] of [[associations[0], first], [associations[1], second]] as const) {
      const applicationId = scope.getLogicalId(application.node.defaultChild as cdk.CfnElement);
      expect(association.DependsOn).toEqual(expect.arrayContaining([entitlementId, applicationId]));
    }
    expect(entitlement.appVisibility).toBe(AppVisibility.ASSOCIATED);
    expect(entitlement.appStreamStack).toBe(stack);
  });

  test('AppVisibility.ALL takes no applications', () => {
    const scope = newStack();
    const entitlement = new Entitlement(scope, 'All', {
      stack: Stack.fromStackName(scope, 'Stack', 'portal'),
      attributes: [{ name: SamlAttribute.GROUPS, value: 'everyone' }],
      appVisibility: AppVisibility.ALL,
    });
    expect(onlyResource(validTemplate(scope), 'AWS::AppStream::Entitlement').Properties).toMatchObject({ StackName: 'portal', AppVisibility: 'ALL' });
    expect(() => entitlement.addApplication(app(scope))).toThrow(/addApplication\(\): the entitlement gives every application of the stack \(AppVisibility.ALL\)/);
  });

  test('the generated name follows the stack; a given name is kept with a warning', () => {
    const name = (stackName: string) => {
      const scope = newStack();
      new Entitlement(scope, 'E', { stack: Stack.fromStackName(scope, 'S', stackName), attributes: [{ name: SamlAttribute.ROLES, value: 'r' }] });
      return onlyResource(validTemplate(scope), 'AWS::AppStream::Entitlement').Properties.Name;
    };
    expect(name('a')).toBe(name('a'));
    expect(name('a')).not.toBe(name('b'));
    const scope = newStack();
    new Entitlement(scope, 'E', { entitlementName: 'mine', stack: Stack.fromStackName(scope, 'S', 'a'), attributes: [{ name: SamlAttribute.TITLE, value: 'x' }] });
    expect(onlyResource(validTemplate(scope), 'AWS::AppStream::Entitlement').Properties.Name).toBe('mine');
    Annotations.fromStack(scope).hasWarning('/Test/E', Match.stringLikeRegexp('entitlementName is given: a change of stack replaces'));
  });

  test('a stack with users of other authentication types is refused at synth; SAML users are fine', () => {
    const scope = newStack();
    const stack = new Stack(scope, 'Stack');
    stack.addUsers(StackUser.saml('bob'));
    new Entitlement(scope, 'E', { stack, attributes: [{ name: SamlAttribute.USER_TYPE, value: 'staff' }] });
    expect(() => validTemplate(scope)).not.toThrow();

    const other = newStack();
    const otherStack = new Stack(other, 'Stack');
    new UserStackAssociation(other, 'Users', { stack: otherStack, users: [StackUser.userPool('alice@example.com'), StackUser.api('svc'), StackUser.saml('bob')] });
    new Entitlement(other, 'E', { stack: otherStack, attributes: [{ name: SamlAttribute.USER_TYPE, value: 'staff' }] });
    expect(() => cdk.App.of(other)!.synth()).toThrow(/stack: entitlements apply to SAML 2.0 users only, but Test\/Users associates the stack with users of other authentication types, whom AppStream gives every application of the stack: alice@example.com \(USERPOOL\), svc \(API\)\./);
  });

  test('importer', () => {
    const scope = newStack();
    const stack = Stack.fromStackName(scope, 'S', 'portal');
    const imported = Entitlement.fromEntitlementName(scope, 'E', stack, 'engineers');
    expect(imported.entitlementName).toBe('engineers');
    expect(imported.appStreamStack).toBe(stack);
  });

  test('every problem in one error', () => {
    const scope = newStack();
    const stack = Stack.fromStackName(scope, 'S', 'portal');
    expectProblems(() => new Entitlement(scope, 'E', {
      stack,
      entitlementName: 'bad name',
      description: 'd'.repeat(257),
      attributes: [{ name: SamlAttribute.of('department'), value: '' }, { name: SamlAttribute.ROLES, value: 'x' }, { name: SamlAttribute.ROLES, value: 'x' }],
    }), 'Test/E: invalid Entitlement props (4 problems)', [
      'entitlementName: must match',
      'description: must be 0 to 256 characters long',
      'attributes[0].value: must be at least 1 characters long',
      'attributes[2]: is listed twice; each rule may appear once (got "roles=x")',
    ]);
    expectProblems(() => new Entitlement(scope, 'Empty', { stack, attributes: [] }), 'Test/Empty: invalid Entitlement props (1 problem)', [
      'attributes: must have 1 to',
    ]);
    expectProblems(() => new Entitlement(scope, 'Types', { stack: 'portal', attributes: [{ name: 'department', value: 1 }], appVisibility: 'SOME' } as any),
      'Test/Types: invalid Entitlement props (4 problems)', [
        'stack: must be an AppStream stack (IStack)',
        'appVisibility: must be',
        'attributes[0].name: must be',
        'attributes[0].value: must be a string',
      ]);
    expect(() => new Entitlement(scope, 'Missing', {} as any)).toThrow(/stack: is required[\s\S]*attributes: is required/);
  });

  test('an application is added once', () => {
    const scope = newStack();
    const e = new Entitlement(scope, 'E', { stack: Stack.fromStackName(scope, 'S', 'portal'), attributes: [{ name: SamlAttribute.ORGANIZATION, value: 'o' }] });
    const a = app(scope);
    e.addApplication(a);
    expect(() => e.addApplication(a)).toThrow(/was already added to this entitlement/);
    expect(() => e.addApplication('app' as any)).toThrow(/addApplication\(\): must be an application \(IApplication\)/);
  });
});
