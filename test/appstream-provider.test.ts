import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { AwsSolutionsChecks } from 'cdk-nag';
import { AppStreamProvider } from '../src/core/private/appstream-provider';
import { HANDLER_NODE_MAJOR } from '../src/core/private/handler-runtime';
import { ProviderSettings } from '../src/core/provider-settings';
import { Fleet } from '../src/fleet/fleet';
import { FleetState } from '../src/fleet/fleet-state';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';
import { Stack as AppStreamStack } from '../src/stack/stack';
import { StackUser } from '../src/users/stack-user';
import { UserStackAssociation } from '../src/users/user-stack-association';

const CUSTOM_RESOURCE_TYPES = [
  'Custom::AppStreamFleetState',
  'Custom::AppStreamFleetUpdateGuard',
  'Custom::AppStreamImageLookup',
  'Custom::AppStreamUserStackAssociation',
];

function makeStack(app = new cdk.App(), id = 'Providers'): cdk.Stack {
  return new cdk.Stack(app, id, { env: { account: '123456789012', region: 'us-east-1' } });
}

/** The kinds of custom resource a test stack uses. */
interface Kinds {
  readonly fleetState?: boolean;
  readonly imageLookup?: boolean;
  readonly users?: boolean;
}

/** `count` fleets and associations in `stack`, each using the kinds asked for. */
function useKinds(stack: cdk.Stack, kinds: Kinds, count = 1): void {
  for (let i = 1; i <= count; i++) {
    if (kinds.fleetState || kinds.imageLookup) {
      new Fleet(stack, `Fleet${i}`, {
        fleetName: `fleet-${i}`,
        instanceType: InstanceType.STANDARD_MEDIUM,
        image: kinds.imageLookup
          ? FleetImage.latest({ namePrefix: `golden-${i}-` })
          : FleetImage.fromName('AppStream-WinServer2022-09-01-2025'),
        desiredCapacity: 1,
        desiredState: kinds.fleetState ? FleetState.RUNNING : undefined,
      });
    }
    if (kinds.users) {
      new UserStackAssociation(stack, `Users${i}`, {
        stack: AppStreamStack.fromStackName(stack, `Stack${i}`, `stack-${i}`),
        // More than 100 users travel as an S3 asset: the user-list grant is used too.
        users: Array.from({ length: 150 }, (_, u) => StackUser.saml(`user${u}`)),
      });
    }
  }
}

const ALL_KINDS: Kinds = { fleetState: true, imageLookup: true, users: true };

/** The AppStream and S3 statements of the handler role. */
function handlerStatements(template: Template): any[] {
  const policies = template.findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: Match.stringLikeRegexp(`^${AppStreamProvider.ID}HandlerRole`) }] },
  });
  expect(Object.keys(policies)).toHaveLength(1);
  return Object.values(policies)[0].Properties.PolicyDocument.Statement
    .filter((statement: any) => /"(appstream|s3):/.test(JSON.stringify(statement.Action)));
}

function arn(resource: string): unknown {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:appstream:us-east-1:123456789012:${resource}`]] };
}

const DESCRIBE_FLEETS = { Action: 'appstream:DescribeFleets', Effect: 'Allow', Resource: '*' };
const DESCRIBE_IMAGES = { Action: 'appstream:DescribeImages', Effect: 'Allow', Resource: '*' };
const START_STOP = {
  Action: ['appstream:StartFleet', 'appstream:StopFleet'],
  Effect: 'Allow',
  Resource: [arn('fleet/fleet-1'), arn('fleet/fleet-2')],
};
const associate = (stackName: string) => ({
  Action: ['appstream:BatchAssociateUserStack', 'appstream:BatchDisassociateUserStack', 'appstream:DescribeUserStackAssociations'],
  Effect: 'Allow',
  Resource: arn(`stack/${stackName}`),
});
const READ_USER_LISTS = {
  Action: 's3:GetObject',
  Effect: 'Allow',
  Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::cdk-hnb659fds-assets-123456789012-us-east-1/*.json']] },
};

describe('AppStreamProvider (the one custom-resource provider of a CDK stack)', () => {
  test('one provider per CDK stack, however many kinds and resources use it', () => {
    const stack = makeStack();
    useKinds(stack, ALL_KINDS, 2);

    const template = Template.fromStack(stack);
    expect(stack.node.findChild(AppStreamProvider.ID)).toBeInstanceOf(AppStreamProvider);
    expect(AppStreamProvider.getOrCreate(stack.node.findChild('Fleet1'))).toBe(stack.node.findChild(AppStreamProvider.ID));
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'index.onEvent' }, 1);
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'index.isComplete' }, 1);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);

    const tokens = CUSTOM_RESOURCE_TYPES.flatMap((type) => Object.values(template.findResources(type)))
      .map((resource) => JSON.stringify(resource.Properties.ServiceToken));
    expect(tokens).toHaveLength(8);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(new RegExp(`^\\{"Fn::GetAtt":\\["${AppStreamProvider.ID}frameworkonEvent`));
  });

  test('each CDK stack gets its own provider', () => {
    const app = new cdk.App();
    const first = makeStack(app, 'First');
    const second = makeStack(app, 'Second');
    useKinds(first, { users: true });
    useKinds(second, { imageLookup: true });
    for (const stack of [first, second]) {
      Template.fromStack(stack).resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'index.onEvent' }, 1);
    }
  });

  test('a construct id taken by something else is an error that names it', () => {
    const stack = makeStack();
    new cdk.CfnResource(stack, AppStreamProvider.ID, { type: 'AWS::SNS::Topic' });
    expect(() => AppStreamProvider.getOrCreate(stack))
      .toThrow(/Providers\/AppStreamCustomResourceProvider is reserved for the cdk-appstream AppStreamProvider/);
  });

  test('every function, the framework\'s included, runs on the newest Node.js runtime; the handlers with 15 minutes and 512 MB', () => {
    const stack = makeStack();
    AppStreamProvider.getOrCreate(stack);
    const template = Template.fromStack(stack);
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    // onEvent and isComplete, and the framework's onEvent, isComplete and onTimeout.
    expect(functions).toHaveLength(5);
    expect(new Set(functions.map((fn) => fn.Properties.Runtime))).toEqual(new Set(['nodejs24.x']));
    for (const handler of ['index.onEvent', 'index.isComplete']) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: handler,
        Timeout: 900,
        MemorySize: 512,
        Code: { S3Key: Match.stringLikeRegexp('\\.zip$') },
        LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp(`^${AppStreamProvider.ID}HandlerLogs`) } },
      });
    }
  });

  test('roles of our own with log permissions on dedicated log groups, no managed policies', () => {
    const stack = makeStack();
    AppStreamProvider.getOrCreate(stack);
    const template = Template.fromStack(stack);
    template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    // The handlers, the framework's functions, and the waiter state machine.
    template.resourceCountIs('AWS::Logs::LogGroup', 3);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${AppStreamProvider.ID}HandlerLogs`), 'Arn'] },
        }]),
      },
    });
  });

  test('the waiter polls isComplete every 10 s for 55 minutes and logs without execution data', () => {
    const stack = makeStack();
    AppStreamProvider.getOrCreate(stack);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
    });
    const definition = JSON.stringify(Object.values(template.findResources('AWS::StepFunctions::StateMachine'))[0].Properties.DefinitionString);
    expect(definition).toMatch(/\\"IntervalSeconds\\":10,\\"MaxAttempts\\":330,\\"BackoffRate\\":1/);
  });

  test('IAM is scoped per kind: each fleet\'s and stack\'s ARN, "*" only for the Describe actions, *.json of the asset bucket', () => {
    const stack = makeStack();
    useKinds(stack, ALL_KINDS, 2);
    const statements = handlerStatements(Template.fromStack(stack));
    expect(statements).toHaveLength(6);
    expect(statements).toEqual(expect.arrayContaining([
      DESCRIBE_FLEETS, DESCRIBE_IMAGES, START_STOP, associate('stack-1'), associate('stack-2'), READ_USER_LISTS,
    ]));
  });

  test.each<[string, Kinds, object[]]>([
    ['fleet states', { fleetState: true }, [DESCRIBE_FLEETS, START_STOP]],
    ['image look-ups', { imageLookup: true }, [DESCRIBE_IMAGES]],
    ['user-stack associations', { users: true }, [associate('stack-1'), associate('stack-2'), READ_USER_LISTS]],
  ])('only %s: only their statements', (_, kinds, expected) => {
    const stack = makeStack();
    useKinds(stack, kinds, 2);
    const statements = handlerStatements(Template.fromStack(stack));
    expect(statements).toHaveLength(expected.length);
    expect(statements).toEqual(expect.arrayContaining(expected));
  });

  test.each<[string, Kinds]>([
    ['every kind', ALL_KINDS],
    ['fleet states', { fleetState: true }],
    ['image look-ups', { imageLookup: true }],
    ['user-stack associations', { users: true }],
  ])('cdk-nag AwsSolutions finds nothing unsuppressed with %s', (_, kinds) => {
    const stack = makeStack();
    useKinds(stack, kinds, 2);
    const violations = new AwsSolutionsChecks().validateScope(stack).violations
      .map((v: any) => `${v.ruleName} ${v.resourceLogicalId ?? ''} ${v.ruleInfo ?? ''}`.trim());
    expect(violations).toEqual([]);
  });

  test('cdk-nag suppressions carry reasons and sit on the framework and handler resources', () => {
    const stack = makeStack();
    useKinds(stack, ALL_KINDS);
    const resources = Template.fromStack(stack).toJSON().Resources as Record<string, any>;
    for (const [logicalId, resource] of Object.entries(resources)) {
      const suppressions = resource.Metadata?.cdk_nag?.rules_to_suppress ?? [];
      for (const suppression of suppressions) {
        expect(suppression.reason.length).toBeGreaterThan(40);
      }
      if (logicalId.includes('framework') || logicalId.includes('HandlerRole')) {
        expect(suppressions.map((s: any) => s.id)).toContain('AwsSolutions-IAM5');
      }
    }
  });
});

describe('the provider framework of aws-cdk-lib, brought to our runtime (no public way to choose its runtime)', () => {
  // cr.Provider picks its functions' runtime itself (the region's "latest Node.js" fact) and has no
  // prop for it in aws-cdk-lib 2.257.0: AppStreamProvider sets it on the framework's CfnFunctions.
  // These tests fail loudly if aws-cdk-lib changes the framework's shape.
  test.each([
    ['a stack in a known region', { account: '123456789012', region: 'us-east-1' }],
    ['an environment-agnostic stack', undefined],
  ])('%s: the three framework functions are found and run nodejs%s.x', (_, env) => {
    const stack = new cdk.Stack(new cdk.App(), 'Framework', { env });
    const provider = AppStreamProvider.getOrCreate(stack);
    const framework = provider.node.findChild('Provider');
    expect(framework).toBeInstanceOf(cr.Provider);
    const frameworkFunctions = framework.node.findAll().filter((c): c is lambda.CfnFunction => c instanceof lambda.CfnFunction);
    expect(frameworkFunctions.map((fn) => fn.handler).sort()).toEqual(['framework.isComplete', 'framework.onEvent', 'framework.onTimeout']);
    for (const fn of frameworkFunctions) {
      expect(fn.runtime).toBe(`nodejs${HANDLER_NODE_MAJOR}.x`);
    }
    const runtimes = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function')).map((fn) => fn.Properties.Runtime);
    expect(runtimes).toEqual(Array(5).fill(`nodejs${HANDLER_NODE_MAJOR}.x`));
  });

  test('our runtime is aws-cdk-lib\'s constant of the same name, and the newest Node.js runtime it knows', () => {
    const nodeRuntimes = lambda.Runtime.ALL
      .filter((runtime) => runtime.family === lambda.RuntimeFamily.NODEJS && /^nodejs\d+\.x$/.test(runtime.name))
      .map((runtime) => Number(/\d+/.exec(runtime.name)![0]));
    expect(Math.max(...nodeRuntimes)).toBe(HANDLER_NODE_MAJOR);
    expect(lambda.Runtime.NODEJS_24_X.name).toBe(`nodejs${HANDLER_NODE_MAJOR}.x`);
  });
});

describe('ProviderSettings.configureLogs: retention and removal policy of the provider\'s log groups', () => {
  function logGroups(stack: cdk.Stack): any[] {
    const groups = Object.values(Template.fromStack(stack).findResources('AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(3);
    return groups;
  }

  test('default: 3 months, retained after cdk destroy', () => {
    const stack = makeStack();
    useKinds(stack, { users: true });
    for (const group of logGroups(stack)) {
      expect(group).toEqual(expect.objectContaining({
        Properties: { RetentionInDays: 90 }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain',
      }));
    }
  });

  test.each([
    ['before', true],
    ['after', false],
  ])('called %s the first construct that creates the provider', (_, before) => {
    const stack = makeStack();
    const configure = () => ProviderSettings.configureLogs(stack, {
      logRetention: logs.RetentionDays.ONE_WEEK,
      logRemovalPolicy: cdk.RemovalPolicy.DESTROY,
    });
    if (before) {
      configure();
    }
    useKinds(stack, ALL_KINDS);
    if (!before) {
      configure();
    }
    for (const group of logGroups(stack)) {
      expect(group).toEqual(expect.objectContaining({
        Properties: { RetentionInDays: 7 }, DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete',
      }));
    }
  });

  test('from any construct of the stack; a later call overrides only what it sets; other stacks keep the defaults', () => {
    const app = new cdk.App();
    const configured = makeStack(app, 'Configured');
    const other = makeStack(app, 'Other');
    const child = new cdk.CfnResource(configured, 'Child', { type: 'AWS::SNS::Topic' });
    ProviderSettings.configureLogs(child, { logRemovalPolicy: cdk.RemovalPolicy.DESTROY });
    ProviderSettings.configureLogs(configured, { logRetention: logs.RetentionDays.INFINITE });
    useKinds(configured, { imageLookup: true });
    useKinds(other, { imageLookup: true });
    for (const group of logGroups(configured)) {
      expect(group.Properties).toBeUndefined();
      expect(group.DeletionPolicy).toBe('Delete');
    }
    for (const group of logGroups(other)) {
      expect(group.Properties).toEqual({ RetentionInDays: 90 });
      expect(group.DeletionPolicy).toBe('Retain');
    }
  });

  test('a nested stack has its own provider and its own settings', () => {
    const parent = makeStack();
    const nested = new cdk.NestedStack(parent, 'Nested');
    ProviderSettings.configureLogs(nested, { logRetention: logs.RetentionDays.ONE_DAY });
    useKinds(nested, { imageLookup: true });
    useKinds(parent, { imageLookup: true });
    for (const group of logGroups(nested)) {
      expect(group.Properties).toEqual({ RetentionInDays: 1 });
    }
    for (const group of logGroups(parent)) {
      expect(group.Properties).toEqual({ RetentionInDays: 90 });
    }
  });

  test('wrong values from plain JavaScript are refused, naming the option', () => {
    const stack = makeStack();
    expect(() => ProviderSettings.configureLogs(stack, { logRetention: 'ONE_WEEK' as any }))
      .toThrow(/logRetention must be one of 1, 3, 5, 7, .* \(got "ONE_WEEK"\)/);
    expect(() => ProviderSettings.configureLogs(stack, { logRemovalPolicy: 'delete' as any }))
      .toThrow(/logRemovalPolicy must be one of destroy, retain, retain-on-update-or-delete, .* \(got "delete"\)/);
    expect(() => ProviderSettings.configureLogs(stack, { logRemovalPolicy: cdk.RemovalPolicy.SNAPSHOT }))
      .toThrow(/logRemovalPolicy must be one of .* \(got "snapshot"\)/);
  });
});
