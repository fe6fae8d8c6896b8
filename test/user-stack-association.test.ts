import * as fs from 'fs';
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { parseUsers } from '../lambda/user-stack-association/props';
import { AppStreamProvider } from '../src/core/private/appstream-provider';
import { DirectoryConfig } from '../src/directory/directory-config';
import { Fleet, IFleet } from '../src/fleet/fleet';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';
import { Stack as AppStreamStack } from '../src/stack/stack';
import { IStack } from '../src/stack/stack-interface';
import { StackUser } from '../src/users/stack-user';
import { AuthenticationType, User } from '../src/users/user';
import { UserStackAssociation } from '../src/users/user-stack-association';

const RESOURCE_TYPE = 'Custom::AppStreamUserStackAssociation';

/** A stand-in AppStream stack: the members of `IStack` that `UserStackAssociation` uses. */
class TestStack extends cdk.Resource {
  public readonly stackArn: string;
  public fleet?: IFleet;

  constructor(scope: Construct, id: string, public readonly stackName: string) {
    super(scope, id);
    this.stackArn = cdk.Stack.of(this).formatArn({ service: 'appstream', resource: 'stack', resourceName: stackName });
  }

  public grantCreateStreamingUrl(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.drop(grantee, 'test');
  }
}

function testStack(scope: Construct, id: string, name: string, fleet?: { domainJoined?: boolean }): IStack {
  const stack = new TestStack(scope, id, name);
  if (fleet) {
    stack.fleet = Object.assign(new Construct(scope, `${id}Fleet`), { domainJoined: fleet.domainJoined }) as unknown as IFleet;
  }
  return stack as unknown as IStack;
}

function setup() {
  const app = new cdk.App();
  const stack = new cdk.Stack(app, 'TestStack', { env: { account: '123456789012', region: 'eu-west-1' } });
  return { app, stack };
}

function users(n: number, make: (i: number) => StackUser = (i) => StackUser.saml(`user${String(i).padStart(5, '0')}`)): StackUser[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

describe('UserStackAssociation', () => {
  test('renders a custom resource with the stack name, the users inline and no e-mail by default', () => {
    const { stack } = setup();
    const appStreamStack = testStack(stack, 'AppStreamStack', 'my-stack');
    new UserStackAssociation(stack, 'Users', {
      stack: appStreamStack,
      users: [StackUser.saml('bob'), StackUser.userPool('Alice@Example.com'), StackUser.api('svc-1'), StackUser.activeDirectory('CORP\\carol')],
    });

    const template = Template.fromStack(stack);
    template.hasResourceProperties(RESOURCE_TYPE, {
      ServiceToken: Match.anyValue(),
      StackName: 'my-stack',
      // sorted by name (UTF-16 code units), case kept
      Users: [
        { UserName: 'Alice@Example.com', AuthenticationType: 'USERPOOL' },
        { UserName: 'CORP\\carol', AuthenticationType: 'AWS_AD' },
        { UserName: 'bob', AuthenticationType: 'SAML' },
        { UserName: 'svc-1', AuthenticationType: 'API' },
      ],
      SendEmailNotification: 'false',
      UsersBucket: Match.absent(),
      UsersKey: Match.absent(),
    });
  });

  test('sendEmailNotification: true is passed as "true"', () => {
    const { stack } = setup();
    new UserStackAssociation(stack, 'Users', {
      stack: testStack(stack, 'S', 'my-stack'),
      users: [StackUser.userPool('alice@example.com')],
      sendEmailNotification: true,
    });
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { SendEmailNotification: 'true' });
  });

  test('sendEmailNotification without user-pool users warns', () => {
    const { stack } = setup();
    new UserStackAssociation(stack, 'Users', {
      stack: testStack(stack, 'S', 'my-stack'),
      users: [StackUser.saml('bob')],
      sendEmailNotification: true,
    });
    Annotations.fromStack(stack).hasWarning('/TestStack/Users', Match.stringLikeRegexp('only user-pool users receive the welcome e-mail'));
  });

  test('the stack name is a reference to the stack, so the association depends on it', () => {
    const { stack } = setup();
    const cfnStack = new cdk.CfnResource(stack, 'AppStreamStack', { type: 'AWS::AppStream::Stack' });
    const appStreamStack = testStack(stack, 'Imported', cfnStack.ref);
    new UserStackAssociation(stack, 'Users', { stack: appStreamStack, users: [StackUser.saml('bob')] });
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { StackName: { Ref: 'AppStreamStack' } });
  });

  test('addUsers adds users after construction (rendered at synth)', () => {
    const { stack } = setup();
    const association = new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack') });
    association.addUsers(StackUser.saml('zed'));
    association.addUsers(StackUser.saml('amy'), StackUser.api('amy'));
    expect(association.users.map((u) => `${u.userName}/${u.authenticationType.value}`)).toEqual(['zed/SAML', 'amy/SAML', 'amy/API']);
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, {
      Users: [
        { UserName: 'amy', AuthenticationType: 'API' },
        { UserName: 'amy', AuthenticationType: 'SAML' },
        { UserName: 'zed', AuthenticationType: 'SAML' },
      ],
    });
  });

  test('addUsers after synthesis is refused', () => {
    const { app, stack } = setup();
    const association = new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: [StackUser.saml('a')] });
    app.synth();
    expect(() => association.addUsers(StackUser.saml('b'))).toThrow(/cannot add users after the user list was rendered/);
  });

  test('userCount is the UserCount attribute', () => {
    const { stack } = setup();
    const association = new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: [StackUser.saml('a')] });
    new cdk.CfnOutput(stack, 'Count', { value: cdk.Token.asString(association.userCount) });
    const outputs = Template.fromStack(stack).findOutputs('Count');
    expect(outputs.Count.Value).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Users/), 'UserCount'] });
  });

  test('AuthenticationType.of() passes a type this library does not name', () => {
    const { stack } = setup();
    new UserStackAssociation(stack, 'Users', {
      stack: testStack(stack, 'S', 'my-stack'),
      users: [StackUser.of('dave', AuthenticationType.of('NEW_TYPE')), StackUser.of('erin', AuthenticationType.of('SAML'))],
    });
    Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, {
      Users: [{ UserName: 'dave', AuthenticationType: 'NEW_TYPE' }, { UserName: 'erin', AuthenticationType: 'SAML' }],
    });
    // The API model lists four types; CloudFormation's schema takes any string: accepted, with a warning.
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('value-beyond-narrowest-limit'));
    expect(warnings.map((w) => w.entry.data)).toEqual([expect.stringMatching(
      /^users\[0\]\.authenticationType: is not one the AppStream API lists \(API, SAML, USERPOOL, AWS_AD\); the CloudFormation schema accepts any, the service may refuse it \(got "NEW_TYPE"\)/)]);
  });

  test.each([
    ['NEW', true], ['NEW_TYPE_2', true], ['AWS_AD', true], ['X', true],
    ['new', false], ['New', false], ['NEW-TYPE', false], ['_NEW', false], ['9NEW', false], ['', false],
  ])('the construct and the handler agree on the authentication type %j (accepted: %s)', (type, accepted) => {
    const { stack } = setup();
    const construct = () => new UserStackAssociation(stack, 'Users', {
      stack: testStack(stack, 'S', 'my-stack'),
      users: [StackUser.of('dave', AuthenticationType.of(type))],
    });
    const handler = () => parseUsers('Users', [{ UserName: 'dave', AuthenticationType: type }]);
    if (accepted) {
      expect(construct).not.toThrow();
      expect(handler()).toEqual([{ UserName: 'dave', AuthenticationType: type }]);
    } else {
      expect(construct).toThrow(/AuthenticationType\.of: ".*" is not an authentication type; expected an API value such as SAML \(upper-case letters, digits and _\)/);
      expect(handler).toThrow(/AuthenticationType must be an API value such as SAML/);
    }
  });

  describe('validation', () => {
    test('every problem of the users prop is reported at once, with property, value and rule', () => {
      const { stack } = setup();
      const s = testStack(stack, 'S', 'my-stack');
      let message = '';
      try {
        new UserStackAssociation(stack, 'Users', {
          stack: s,
          users: [
            StackUser.userPool('not-an-email'),
            StackUser.saml(''),
            StackUser.saml('x'.repeat(129)),
            StackUser.api('has space'),
            StackUser.saml('bob'),
            StackUser.saml('bob'),
            // From plain JavaScript, an object that is not made by AuthenticationType.of().
            StackUser.of('frank', { value: 'saml' } as unknown as AuthenticationType),
          ],
        });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/TestStack\/Users: invalid UserStackAssociation props \(6 problems\)/);
      expect(message).toContain('users[0].userName: must be an e-mail address such as name@example.com (USERPOOL user) (got "not-an-email")');
      expect(message).toContain('users[1].userName: must be 1 to 128 characters long (SAML user) (got "")');
      expect(message).toMatch(/users\[2\]\.userName: must be 1 to 128 characters long \(SAML user\) \(got "x{117}\.\.\."\)/);
      expect(message).toContain('users[3].userName: must contain letters, marks, symbols, numbers and punctuation only (no whitespace) (API user) (got "has space")');
      expect(message).toContain('users[5]: SAML user listed more than once');
      expect(message).toContain('users[6].authenticationType: must be an API value such as SAML');
    });

    test('a name of exactly 128 characters and a unicode e-mail are accepted; case-variants are different users', () => {
      const { stack } = setup();
      expect(() => new UserStackAssociation(stack, 'Users', {
        stack: testStack(stack, 'S', 'my-stack'),
        users: [
          StackUser.saml('x'.repeat(128)),
          StackUser.userPool('jürgen.müller@exämple.de'),
          StackUser.saml('Bob'),
          StackUser.saml('bob'),
          StackUser.api('bob'),
        ],
      })).not.toThrow();
    });

    test('addUsers checks duplicates against the users already listed', () => {
      const { stack } = setup();
      const association = new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: [StackUser.saml('bob')] });
      expect(() => association.addUsers(StackUser.api('ok'), StackUser.saml('bob'), StackUser.userPool('bad')))
        .toThrow(/\(2 problems\)[\s\S]*addUsers\(\)\[1\]: SAML user listed more than once[\s\S]*addUsers\(\)\[2\]\.userName: must be an e-mail address/);
      // nothing of a refused call is added
      expect(association.users).toHaveLength(1);
    });

    test('at least one user is required at synth', () => {
      const { app, stack } = setup();
      new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: [] });
      expect(() => app.synth()).toThrow(/\[TestStack\/Users\] a UserStackAssociation needs at least one user/);
    });

    test('the same user in two associations of the same stack is refused; other stacks are fine', () => {
      const { app, stack } = setup();
      const s1 = testStack(stack, 'S1', 'stack-one');
      const s2 = testStack(stack, 'S2', 'stack-two');
      new UserStackAssociation(stack, 'A', { stack: s1, users: [StackUser.saml('bob'), StackUser.saml('amy')] });
      new UserStackAssociation(stack, 'B', { stack: s1, users: [StackUser.saml('Bob')] }).addUsers(StackUser.saml('bob'));
      new UserStackAssociation(stack, 'C', { stack: s2, users: [StackUser.saml('bob')] });
      expect(() => app.synth()).toThrow(/\[TestStack\/B\] 1 user\(s\) are also associated with the same stack by TestStack\/A: "bob" \(SAML\)/);
    });

    test('a user shared by associations of one stack is reported once, by the later association, naming the first', () => {
      const { app, stack } = setup();
      const s1 = testStack(stack, 'S1', 'stack-one');
      new UserStackAssociation(stack, 'A', { stack: s1, users: [StackUser.saml('bob')] });
      new UserStackAssociation(stack, 'B', { stack: s1, users: [StackUser.saml('bob'), StackUser.saml('amy')] });
      new UserStackAssociation(stack, 'C', { stack: s1, users: [StackUser.saml('amy')] });
      const error = (() => {
        try {
          app.synth();
        } catch (e) {
          return (e as Error).message;
        }
        return '';
      })();
      const reports = error.split('\n').filter((line) => line.includes('also associated'));
      expect(reports).toEqual([
        expect.stringMatching(/\[TestStack\/B\] 1 user\(s\) are also associated with the same stack by TestStack\/A: "bob" \(SAML\);/),
        expect.stringMatching(/\[TestStack\/C\] 1 user\(s\) are also associated with the same stack by TestStack\/B: "amy" \(SAML\);/),
      ]);
    });

    test('two imports of the same stack name in the same environment count as the same stack', () => {
      const { app, stack } = setup();
      new UserStackAssociation(stack, 'A', { stack: testStack(stack, 'S1', 'shared'), users: [StackUser.api('bob')] });
      const other = new cdk.Stack(app, 'Other', { env: { account: '123456789012', region: 'eu-west-1' } });
      new UserStackAssociation(other, 'B', { stack: testStack(other, 'S2', 'shared'), users: [StackUser.api('bob')] });
      const elsewhere = new cdk.Stack(app, 'Elsewhere', { env: { account: '123456789012', region: 'us-east-1' } });
      new UserStackAssociation(elsewhere, 'C', { stack: testStack(elsewhere, 'S3', 'shared'), users: [StackUser.api('bob')] });
      expect(() => app.synth()).toThrow(/\[Other\/B\] 1 user\(s\) are also associated with the same stack by TestStack\/A/);
      expect(() => app.synth()).not.toThrow(/\[TestStack\/A\][^\n]*also associated/);
      expect(() => app.synth()).not.toThrow(/Elsewhere\/C/);
    });

    test('user-pool users are refused on a stack with a domain-joined fleet, also one added later', () => {
      const { app, stack } = setup();
      const joined = testStack(stack, 'S', 'joined');
      new UserStackAssociation(stack, 'Users', {
        stack: joined,
        users: [StackUser.userPool('alice@example.com'), StackUser.saml('bob')],
      });
      // the fleet is associated after the users
      (joined as unknown as TestStack).fleet = Object.assign(new Construct(stack, 'JoinedFleet'), { domainJoined: true }) as unknown as IFleet;
      expect(() => app.synth()).toThrow(/user-pool \(USERPOOL\) users cannot be associated with a stack whose fleet is joined to an Active Directory domain[^\n]*"alice@example.com"[^\n]*TestStack\/JoinedFleet/);
    });

    test('other users on a domain-joined stack, and user-pool users on a stack without one, are fine', () => {
      const { app, stack } = setup();
      new UserStackAssociation(stack, 'A', { stack: testStack(stack, 'S1', 'joined', { domainJoined: true }), users: [StackUser.saml('bob'), StackUser.activeDirectory('carol')] });
      new UserStackAssociation(stack, 'B', { stack: testStack(stack, 'S2', 'plain', { domainJoined: false }), users: [StackUser.userPool('alice@example.com')] });
      expect(() => app.synth()).not.toThrow();
    });

    test('user names that are tokens are not judged and stay inline', () => {
      const { stack } = setup();
      const name = new cdk.CfnParameter(stack, 'UserName').valueAsString;
      new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: [StackUser.userPool(name)] });
      Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, {
        Users: [{ UserName: { Ref: 'UserName' }, AuthenticationType: 'USERPOOL' }],
      });
    });
  });

  describe('with the library\'s Stack', () => {
    test('an owned stack: StackName refers to it and IAM names the association actions', () => {
      const { stack } = setup();
      const appStreamStack = new AppStreamStack(stack, 'AppStreamStack', { stackName: 'owned' });
      new UserStackAssociation(stack, 'Users', { stack: appStreamStack, users: [StackUser.userPool('alice@example.com')] });
      const template = Template.fromStack(stack);
      const stackId = stack.getLogicalId(appStreamStack.node.defaultChild as cdk.CfnElement);
      template.hasResourceProperties(RESOURCE_TYPE, { StackName: { Ref: stackId } });
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({
            Action: ['appstream:BatchAssociateUserStack', 'appstream:BatchDisassociateUserStack', 'appstream:DescribeUserStackAssociations'],
          })]),
        },
      });
    });

    test('an owned stack refuses user-pool users once a domain-joined fleet is added, even after the association', () => {
      const { app, stack } = setup();
      const appStreamStack = new AppStreamStack(stack, 'AppStreamStack', { stackName: 'owned' });
      new UserStackAssociation(stack, 'Users', { stack: appStreamStack, users: [StackUser.userPool('alice@example.com')] });
      appStreamStack.addFleet(Fleet.fromFleetAttributes(stack, 'Joined', { fleetName: 'joined', domainJoined: true }));
      expect(() => app.synth()).toThrow(/user-pool \(USERPOOL\) users cannot be associated with a stack whose fleet is joined to an Active Directory domain/);
    });

    test('a real Fleet joined through a real DirectoryConfig: user-pool users refused, every problem at once; SAML and AD users fine', () => {
      const { app, stack } = setup();
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
      const directory = new DirectoryConfig(stack, 'Directory', {
        directoryName: 'corp.example.com',
        organizationalUnits: ['OU=AppStream,DC=corp,DC=example,DC=com'],
        serviceAccountSecret: new secretsmanager.Secret(stack, 'ServiceAccount'),
      });
      const fleet = new Fleet(stack, 'Fleet', {
        fleetName: 'joined',
        instanceType: InstanceType.STANDARD_MEDIUM,
        image: FleetImage.fromName('AppStream-WinServer2022-09-01-2025'),
        desiredCapacity: 1,
        vpc,
        domainJoin: { directory, organizationalUnit: 'OU=AppStream,DC=corp,DC=example,DC=com' },
      });
      const appStreamStack = new AppStreamStack(stack, 'AppStreamStack', { stackName: 'corp', fleet });
      new UserStackAssociation(stack, 'Fine', { stack: appStreamStack, users: [StackUser.saml('bob'), StackUser.activeDirectory('CORP\\carol')] });
      new UserStackAssociation(stack, 'Refused', {
        stack: appStreamStack,
        users: [StackUser.userPool('alice@example.com'), StackUser.userPool('Alice@example.com'), StackUser.saml('bob')],
      });

      expect(fleet.domainJoined).toBe(true);
      const error = (() => {
        try {
          app.synth();
        } catch (e) {
          return (e as Error).message;
        }
        return '';
      })();
      // both problems of the Refused association, reported together; nothing about Fine's users
      expect(error).toMatch(/TestStack\/Refused[^\n]*user-pool \(USERPOOL\) users cannot be associated with a stack whose fleet is joined to an Active Directory domain[^\n]*"alice@example.com", "Alice@example.com"[^\n]*TestStack\/Fleet/);
      expect(error).toMatch(/TestStack\/Refused[^\n]*1 user\(s\) are also associated with the same stack by TestStack\/Fine: "bob" \(SAML\)/);
      expect(error).not.toMatch(/TestStack\/Fine:? [^\n]*USERPOOL/);
    });

    test('an imported stack with a domain-joined fleet refuses user-pool users', () => {
      const { app, stack } = setup();
      const imported = AppStreamStack.fromStackAttributes(stack, 'Imported', {
        stackName: 'imported',
        fleet: Fleet.fromFleetAttributes(stack, 'Joined', { fleetName: 'joined', domainJoined: true }),
      });
      new UserStackAssociation(stack, 'Users', { stack: imported, users: [StackUser.userPool('alice@example.com')] });
      expect(() => app.synth()).toThrow(/whose fleet is joined to an Active Directory domain/);
    });
  });

  describe('User dependency', () => {
    test('an association naming a User depends on it and uses its e-mail', () => {
      const { stack } = setup();
      const user = new User(stack, 'Alice', { email: 'Alice@example.com' });
      new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: [StackUser.fromUser(user)] });
      const template = Template.fromStack(stack);
      const userId = stack.getLogicalId(user.node.defaultChild as cdk.CfnElement);
      template.hasResource(RESOURCE_TYPE, {
        DependsOn: Match.arrayWith([userId]),
        Properties: Match.objectLike({ Users: [{ UserName: 'Alice@example.com', AuthenticationType: 'USERPOOL' }] }),
      });
    });

    test('a User added with addUsers is a dependency too', () => {
      const { stack } = setup();
      const association = new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: [StackUser.saml('bob')] });
      const user = new User(stack, 'Alice', { email: 'alice@example.com' });
      association.addUsers(StackUser.fromUser(user));
      const userId = stack.getLogicalId(user.node.defaultChild as cdk.CfnElement);
      Template.fromStack(stack).hasResource(RESOURCE_TYPE, { DependsOn: Match.arrayWith([userId]) });
    });

    test('an imported user adds no dependency', () => {
      const { stack } = setup();
      const user = User.fromUserName(stack, 'Imported', 'someone@example.com');
      new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: [StackUser.fromUser(user)] });
      const resources = Template.fromStack(stack).findResources(RESOURCE_TYPE);
      const [resource] = Object.values(resources);
      expect(resource.DependsOn).toBeUndefined();
      expect(resource.Properties.Users).toEqual([{ UserName: 'someone@example.com', AuthenticationType: 'USERPOOL' }]);
    });
  });

  describe('scale: inline or asset', () => {
    test('100 users stay inline', () => {
      const { stack } = setup();
      new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: users(100) });
      const [resource] = Object.values(Template.fromStack(stack).findResources(RESOURCE_TYPE));
      expect(resource.Properties.Users).toHaveLength(100);
      expect(resource.Properties.UsersBucket).toBeUndefined();
    });

    test('101 users go to an S3 asset', () => {
      const { stack } = setup();
      new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: users(101) });
      Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, {
        Users: Match.absent(),
        UsersBucket: Match.anyValue(),
        UsersKey: Match.stringLikeRegexp('^[0-9a-f]{64}\\.json$'),
      });
    });

    test('a few long names go to an asset once the inline JSON passes 8 KiB', () => {
      const { stack } = setup();
      new UserStackAssociation(stack, 'Users', {
        stack: testStack(stack, 'S', 'my-stack'),
        users: users(80, (i) => StackUser.saml(`${'n'.repeat(120)}${String(i).padStart(3, '0')}`)),
      });
      Template.fromStack(stack).hasResourceProperties(RESOURCE_TYPE, { Users: Match.absent(), UsersKey: Match.anyValue() });
    });

    test('10,000 users: the template holds bucket and key, stays small, and the asset holds the sorted list', () => {
      const { app, stack } = setup();
      const list = users(10_000, (i) => (i % 2 === 0
        ? StackUser.userPool(`user${9999 - i}@example.com`)
        : StackUser.saml(`saml-user-${9999 - i}`)));
      new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: list });

      const assembly = app.synth();
      const artifact = assembly.getStackByName(stack.stackName);
      const templateSize = fs.statSync(path.join(assembly.directory, artifact.templateFile)).size;
      expect(templateSize).toBeLessThan(50 * 1024);

      const [resource] = Object.values(Template.fromJSON(artifact.template).findResources(RESOURCE_TYPE));
      expect(resource.Properties.Users).toBeUndefined();
      const key: string = resource.Properties.UsersKey;
      expect(resource.Properties.UsersBucket).toEqual('cdk-hnb659fds-assets-123456789012-eu-west-1');

      const hash = key.replace(/\.json$/, '');
      const staged = fs.readdirSync(assembly.directory).find((f) => f.startsWith(`asset.${hash}`));
      expect(staged).toBeDefined();
      const stagedPath = path.join(assembly.directory, staged!);
      const file = fs.statSync(stagedPath).isDirectory() ? path.join(stagedPath, 'users.json') : stagedPath;
      const content = JSON.parse(fs.readFileSync(file, 'utf-8'));
      expect(content).toHaveLength(10_000);
      expect(content[0]).toEqual({ UserName: 'saml-user-0', AuthenticationType: 'SAML' });
      expect(content[9999]).toEqual({ UserName: 'user9@example.com', AuthenticationType: 'USERPOOL' });
      const names = content.map((u: { UserName: string }) => u.UserName);
      expect(names).toEqual([...names].sort());
    });

    test('the asset hash is stable: same users in another order give the same key', () => {
      const keyOf = (list: StackUser[]) => {
        const { stack } = setup();
        new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: list });
        const [resource] = Object.values(Template.fromStack(stack).findResources(RESOURCE_TYPE));
        return resource.Properties.UsersKey;
      };
      const list = users(500);
      expect(keyOf(list)).toEqual(keyOf([...list].reverse()));
      expect(keyOf(list)).not.toEqual(keyOf(users(501)));
    });

    test('the handler may read the JSON objects of the asset bucket (current and previous lists), once per provider', () => {
      const { stack } = setup();
      new UserStackAssociation(stack, 'A', { stack: testStack(stack, 'S1', 'one'), users: users(200) });
      new UserStackAssociation(stack, 'B', { stack: testStack(stack, 'S2', 'two'), users: users(300) });
      const template = Template.fromStack(stack);
      const statements = Object.values(template.findResources('AWS::IAM::Policy'))
        .flatMap((p) => p.Properties.PolicyDocument.Statement)
        .filter((st: any) => JSON.stringify(st.Action).includes('s3:'));
      expect(statements).toEqual([{
        Action: 's3:GetObject',
        Effect: 'Allow',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::cdk-hnb659fds-assets-123456789012-eu-west-1/*.json']] },
      }]);
    });

    test('inline lists need no S3 permission', () => {
      const { stack } = setup();
      new UserStackAssociation(stack, 'A', { stack: testStack(stack, 'S1', 'one'), users: users(3) });
      const policies = JSON.stringify(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
      expect(policies).not.toContain('s3:');
    });

    test('a long list with deploy-time user names is refused', () => {
      const { app, stack } = setup();
      const name = new cdk.CfnParameter(stack, 'UserName').valueAsString;
      new UserStackAssociation(stack, 'Users', { stack: testStack(stack, 'S', 'my-stack'), users: [...users(150), StackUser.saml(name)] });
      expect(() => app.synth()).toThrow(/1 user name\(s\) are only known at deploy time/);
    });
  });

  describe('provider', () => {
    test('the functions use roles with log permissions on their own log groups, no managed policies', () => {
      const { stack } = setup();
      new UserStackAssociation(stack, 'A', { stack: testStack(stack, 'S1', 'one'), users: [StackUser.saml('a')] });
      const template = Template.fromStack(stack);
      // The handlers, the provider framework's functions, and its waiter state machine.
      template.resourceCountIs('AWS::Logs::LogGroup', 3);
      template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
      template.allResourcesProperties('AWS::IAM::Role', { ManagedPolicyArns: Match.absent() });
      template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.onEvent',
        LoggingConfig: { LogGroup: { Ref: Match.stringLikeRegexp('ProviderHandlerLogs') } },
      });
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: {
          Statement: Match.arrayWith([{
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('ProviderHandlerLogs'), 'Arn'] },
          }]),
        },
      });
    });

    test('one provider per CDK stack, however many associations; IAM scoped to each stack ARN', () => {
      const { stack } = setup();
      new UserStackAssociation(stack, 'A', { stack: testStack(stack, 'S1', 'stack-one'), users: [StackUser.saml('a')] });
      new UserStackAssociation(stack, 'B', { stack: testStack(stack, 'S2', 'stack-two'), users: [StackUser.saml('b')] });
      new UserStackAssociation(stack, 'C', { stack: testStack(stack, 'S3', 'stack-one'), users: [StackUser.saml('c')] });

      const template = Template.fromStack(stack);
      expect(stack.node.tryFindChild(AppStreamProvider.ID)).toBeInstanceOf(AppStreamProvider);
      template.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'index.onEvent' }, 1);
      template.resourceCountIs(RESOURCE_TYPE, 3);

      const tokens = new Set(Object.values(template.findResources(RESOURCE_TYPE)).map((r) => JSON.stringify(r.Properties.ServiceToken)));
      expect(tokens.size).toBe(1);

      const actions = ['appstream:BatchAssociateUserStack', 'appstream:BatchDisassociateUserStack', 'appstream:DescribeUserStackAssociations'];
      const policies = template.findResources('AWS::IAM::Policy');
      const statements = Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement)
        .filter((s: any) => JSON.stringify(s.Action).includes('appstream:'));
      const resources = statements.flatMap((s: any) => [s.Resource].flat()).map((r: any) => JSON.stringify(r)).sort();
      expect(statements.every((s: any) => JSON.stringify([s.Action].flat().sort()) === JSON.stringify(actions))).toBe(true);
      expect(resources).toEqual([
        JSON.stringify({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:eu-west-1:123456789012:stack/stack-one']] }),
        JSON.stringify({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:eu-west-1:123456789012:stack/stack-two']] }),
      ]);
      expect(JSON.stringify(statements)).not.toContain('"*"');
    });

    test('each CDK stack gets its own provider', () => {
      const { app, stack } = setup();
      const other = new cdk.Stack(app, 'Other');
      new UserStackAssociation(stack, 'A', { stack: testStack(stack, 'S1', 'one'), users: [StackUser.saml('a')] });
      new UserStackAssociation(other, 'B', { stack: testStack(other, 'S2', 'two'), users: [StackUser.saml('a')] });
      Template.fromStack(stack).resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'index.onEvent' }, 1);
      Template.fromStack(other).resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'index.onEvent' }, 1);
    });

    test('the handler function: newest Node.js runtime, 15 minutes, 512 MB, the bundled asset', () => {
      const { stack } = setup();
      new UserStackAssociation(stack, 'A', { stack: testStack(stack, 'S1', 'one'), users: [StackUser.saml('a')] });
      Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'index.onEvent',
        Runtime: 'nodejs24.x',
        Timeout: 900,
        MemorySize: 512,
        Code: { S3Key: Match.stringLikeRegexp('\\.zip$') },
      });
    });
  });
});
