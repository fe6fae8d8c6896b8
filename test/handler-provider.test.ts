import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { FleetStateProvider } from '../src/private/fleet-state-provider';
import { ImageLookupProvider } from '../src/private/image-lookup-provider';
import { UserStackAssociationProvider } from '../src/private/user-stack-association-provider';

function makeStack(): cdk.Stack {
  return new cdk.Stack(new cdk.App(), 'Providers', { env: { account: '123456789012', region: 'us-east-1' } });
}

describe('HandlerProvider (every custom-resource provider of the library)', () => {
  test('one provider per CDK stack and handler kind, under a fixed id', () => {
    const stack = makeStack();
    const first = FleetStateProvider.getOrCreate(stack);
    expect(FleetStateProvider.getOrCreate(new cdk.CfnResource(stack, 'Other', { type: 'AWS::SNS::Topic' }))).toBe(first);
    expect(stack.node.tryFindChild(FleetStateProvider.ID)).toBe(first);
    expect(ImageLookupProvider.getOrCreate(stack)).not.toBe(first as unknown);
  });

  test('a construct id taken by something else is an error that names it', () => {
    const stack = makeStack();
    new cdk.CfnResource(stack, ImageLookupProvider.ID, { type: 'AWS::SNS::Topic' });
    expect(() => ImageLookupProvider.getOrCreate(stack)).toThrow(/Providers\/AppStreamImageLookupProvider is reserved for the cdk-appstream ImageLookupProvider/);
  });

  test('every function, the framework\'s included, runs on the newest Node.js runtime', () => {
    const stack = makeStack();
    FleetStateProvider.getOrCreate(stack);
    UserStackAssociationProvider.getOrCreate(stack);
    const functions = Object.values(Template.fromStack(stack).findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThanOrEqual(7);
    expect(new Set(functions.map((fn) => fn.Properties.Runtime))).toEqual(new Set(['nodejs24.x']));
  });

  test('roles of our own with log permissions on dedicated log groups, no managed policies', () => {
    const stack = makeStack();
    FleetStateProvider.getOrCreate(stack);
    const template = Template.fromStack(stack);
    template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    // The handlers (onEvent + isComplete), the framework's functions, and the waiter state machine.
    template.resourceCountIs('AWS::Logs::LogGroup', 3);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.isComplete',
      LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('AppStreamFleetStateProviderHandlerLogs') } },
    });
  });

  test('isComplete providers poll through a logged waiter state machine; others have none', () => {
    const stack = makeStack();
    FleetStateProvider.getOrCreate(stack);
    ImageLookupProvider.getOrCreate(stack);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
    });
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'index.isComplete' }, 1);
  });

  test('cdk-nag suppressions carry reasons and sit on the framework and handler resources only', () => {
    const stack = makeStack();
    ImageLookupProvider.getOrCreate(stack);
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
