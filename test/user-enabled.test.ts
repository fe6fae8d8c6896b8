import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { User } from '../src/users/user';

function setup() {
  return new cdk.Stack(new cdk.App(), 'TestStack');
}

describe('User enabled', () => {
  test('enabled: false adds a Custom::AppStreamUserEnabled that depends on the user', () => {
    const stack = setup();
    new User(stack, 'Alice', { email: 'Alice@example.com', enabled: false });
    const template = Template.fromStack(stack);

    const resources = template.findResources('Custom::AppStreamUserEnabled');
    expect(Object.values(resources)).toEqual([expect.objectContaining({
      Properties: expect.objectContaining({ UserName: 'Alice@example.com', AuthenticationType: 'USERPOOL', Enabled: 'false' }),
      DependsOn: [expect.stringMatching(/^Alice/)],
    })]);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{ Effect: 'Allow', Action: ['appstream:EnableUser', 'appstream:DisableUser'], Resource: '*' }]),
      },
    });
  });

  test('enabled: true keeps the user enabled (re-enables one disabled by hand on the next update)', () => {
    const stack = setup();
    new User(stack, 'Bob', { email: 'bob@example.com', enabled: true });
    Template.fromStack(stack).hasResourceProperties('Custom::AppStreamUserEnabled', { Enabled: 'true' });
  });

  test('by default nothing is added: no custom resource, no provider', () => {
    const stack = setup();
    new User(stack, 'Carol', { email: 'carol@example.com' });
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::AppStreamUserEnabled', 0);
    template.resourceCountIs('AWS::Lambda::Function', 0);
  });

  test('many users share one provider', () => {
    const stack = setup();
    for (let i = 0; i < 3; i++) {
      new User(stack, `U${i}`, { email: `u${i}@example.com`, enabled: i % 2 === 0 });
    }
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::AppStreamUserEnabled', 3);
    template.resourceCountIs('AWS::Lambda::Function', 5);
  });

  test('enabled must be a boolean from plain JavaScript', () => {
    const stack = setup();
    expect(() => new User(stack, 'Bad', { email: 'bad@example.com', enabled: 'false' } as any))
      .toThrow('enabled: must be a boolean (true or false), not a string (got "false")');
  });
});
