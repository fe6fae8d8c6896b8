import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { appStreamSchemaViolations } from './util/cfn-schema-validator';
import { AuthenticationType, MessageAction, User } from '../src/users/user';

function setup() {
  const app = new cdk.App();
  return new cdk.Stack(app, 'TestStack');
}

describe('User', () => {
  test('renders AWS::AppStream::User with the e-mail as user name, case kept, USERPOOL', () => {
    const stack = setup();
    const user = new User(stack, 'Alice', { email: 'Alice.Smith@Example.com' });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::AppStream::User', 1);
    template.hasResourceProperties('AWS::AppStream::User', {
      UserName: 'Alice.Smith@Example.com',
      AuthenticationType: 'USERPOOL',
      FirstName: Match.absent(),
      LastName: Match.absent(),
      MessageAction: Match.absent(),
    });
    expect(user.userName).toBe('Alice.Smith@Example.com');
    expect(user.authenticationType).toBe(AuthenticationType.USERPOOL);
    expect(appStreamSchemaViolations(template.toJSON())).toEqual([]);
  });

  test('firstName, lastName and messageAction', () => {
    const stack = setup();
    new User(stack, 'Bob', { email: 'bob@example.com', firstName: 'Bob Jr', lastName: 'O-Neil_2', messageAction: MessageAction.SUPPRESS });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AppStream::User', {
      UserName: 'bob@example.com',
      FirstName: 'Bob Jr',
      LastName: 'O-Neil_2',
      MessageAction: 'SUPPRESS',
    });
    expect(appStreamSchemaViolations(template.toJSON())).toEqual([]);
  });

  test('messageAction RESEND alone, and MessageAction.of()', () => {
    const stack = setup();
    new User(stack, 'A', { email: 'a@example.com', messageAction: MessageAction.RESEND });
    new User(stack, 'B', { email: 'b@example.com', messageAction: MessageAction.of('NEW_ACTION') });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::AppStream::User', { UserName: 'a@example.com', MessageAction: 'RESEND' });
    template.hasResourceProperties('AWS::AppStream::User', { UserName: 'b@example.com', MessageAction: 'NEW_ACTION' });
  });

  test('every problem is reported at once, with property, value and rule', () => {
    const stack = setup();
    let message = '';
    try {
      new User(stack, 'Bad', {
        email: 'not an email',
        firstName: 'Zoë',
        lastName: 'x'.repeat(2049),
        messageAction: MessageAction.RESEND,
      });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('TestStack/Bad: invalid User props (4 problems)');
    // not an e-mail address: said first, before the whitespace rule it breaks too
    expect(message).toContain('email: must be an e-mail address such as name@example.com (got "not an email")');
    expect(message).toContain('firstName: must match letters A-Z/a-z, digits, "_", "-" and whitespace (got "Zoë")');
    expect(message).toContain('lastName: must be 1 to 2048 characters long');
    expect(message).toContain('messageAction: RESEND cannot be combined with firstName or lastName');
  });

  test.each([
    ['no-at-sign.example.com', 'must be an e-mail address'],
    ['a@localhost', 'must be an e-mail address'],
    ['a@b@example.com', 'must be an e-mail address'],
    ['', 'must be an e-mail address'],
    ['alice smith', 'must be an e-mail address'],
    ['a b@example.com', 'must contain letters, marks, symbols, numbers and punctuation only'],
    [`${'a'.repeat(117)}@example.com`, 'must be 1 to 128 characters long'],
  ])('email %j is refused: %s', (email, rule) => {
    expect(() => new User(setup(), 'U', { email })).toThrow(new RegExp(`email: ${rule}`));
  });

  test('an e-mail of exactly 128 characters, and names of 2,048 characters, are accepted', () => {
    const stack = setup();
    expect(() => new User(stack, 'U', {
      email: `${'a'.repeat(116)}@example.com`,
      firstName: 'f'.repeat(2048),
      lastName: 'l'.repeat(2048),
    })).not.toThrow();
  });

  test('an empty first name is refused (the API pattern needs a character)', () => {
    expect(() => new User(setup(), 'U', { email: 'a@example.com', firstName: '' })).toThrow(/firstName: must be 1 to 2048 characters long \(got ""\)/);
  });

  test('tokens are not judged', () => {
    const stack = setup();
    const email = new cdk.CfnParameter(stack, 'Email').valueAsString;
    const first = new cdk.CfnParameter(stack, 'First').valueAsString;
    new User(stack, 'U', { email, firstName: first, messageAction: MessageAction.SUPPRESS });
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::User', { UserName: { Ref: 'Email' }, FirstName: { Ref: 'First' } });
  });

  test('fromUserName imports a user-pool user', () => {
    const stack = setup();
    const user = User.fromUserName(stack, 'Imported', 'Someone@example.com');
    expect(user.userName).toBe('Someone@example.com');
    expect(user.authenticationType.value).toBe('USERPOOL');
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::User', 0);
  });
});

describe('AuthenticationType', () => {
  test('the API model values', () => {
    expect(AuthenticationType.known().map((t) => t.value)).toEqual(['API', 'SAML', 'USERPOOL', 'AWS_AD']);
    expect(AuthenticationType.AWS_AD.toString()).toBe('AWS_AD');
  });

  test('of() returns the named constant for a known value and a new one otherwise', () => {
    expect(AuthenticationType.of('SAML')).toBe(AuthenticationType.SAML);
    expect(AuthenticationType.of('FUTURE').value).toBe('FUTURE');
  });

  test.each(['saml', 'User Pool', '', 'AWS-AD'])('of() refuses %j, which no AWS source would take', (value) => {
    expect(() => AuthenticationType.of(value)).toThrow(`AuthenticationType.of: "${value}" is not an authentication type; expected an API value such as SAML (upper-case letters, digits and _)`);
  });
});
