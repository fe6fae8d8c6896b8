/*
 * End-to-end checks of Active Directory domain join across the public constructs: DirectoryConfig,
 * Fleet, Stack, UserStackAssociation, StackUser and User, wired as an app would wire them.
 */
import { App, CfnElement, Stack as CdkStack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { appStreamSchemaViolations } from './util/cfn-schema-validator';
import { DirectoryConfig, IDirectoryConfig } from '../src/directory/directory-config';
import { Fleet } from '../src/fleet/fleet';
import { FleetProps } from '../src/fleet/fleet-props';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';
import { Stack } from '../src/stack/stack';
import { UserSettings } from '../src/stack/user-settings';
import { StackUser } from '../src/users/stack-user';
import { User } from '../src/users/user';
import { UserStackAssociation } from '../src/users/user-stack-association';

const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';
const OTHER_OU = 'OU=Elsewhere,DC=corp,DC=example,DC=com';
const SIGNIN_WARNING = 'cdk-appstream:domain-signin-without-domain-join';
const USERPOOL_REFUSAL = /user-pool \(USERPOOL\) users cannot be associated with a stack whose fleet is joined to an Active Directory domain/;

interface World {
  readonly app: App;
  readonly stack: CdkStack;
  readonly vpc: ec2.Vpc;
  readonly directory: DirectoryConfig;
}

function world(): World {
  const app = new App();
  const stack = new CdkStack(app, 'Test', { env: { account: '123456789012', region: 'us-east-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  const directory = new DirectoryConfig(stack, 'Directory', {
    directoryName: 'corp.example.com',
    organizationalUnits: [OU],
    serviceAccountSecret: new secretsmanager.Secret(stack, 'ServiceAccount'),
  });
  return { app, stack, vpc, directory };
}

function fleet(w: World, id: string, props: Partial<FleetProps> = {}): Fleet {
  return new Fleet(w.stack, id, {
    instanceType: InstanceType.STANDARD_MEDIUM,
    image: FleetImage.fromName('AppStream-WinServer2022-09-01-2025'),
    desiredCapacity: 1,
    ...props,
  });
}

function joinedFleet(w: World, id = 'Joined', directory: IDirectoryConfig = w.directory): Fleet {
  return fleet(w, id, { vpc: w.vpc, domainJoin: { directory, organizationalUnit: OU } });
}

describe('a domain-joined fleet', () => {
  test('renders DomainJoinInfo from the directory config and depends on it', () => {
    const w = world();
    joinedFleet(w);

    const template = Template.fromStack(w.stack);
    const dirId = w.stack.getLogicalId(w.directory.node.defaultChild as CfnElement);
    template.hasResourceProperties('AWS::AppStream::Fleet', {
      DomainJoinInfo: { DirectoryName: { Ref: dirId }, OrganizationalUnitDistinguishedName: OU },
      VpcConfig: { SubnetIds: Match.anyValue(), SecurityGroupIds: Match.anyValue() },
    });
    const fleetResource = template.findResources('AWS::AppStream::Fleet', { Properties: { DomainJoinInfo: Match.anyValue() } });
    const [only] = Object.values(fleetResource);
    // Through the Ref and explicitly: CloudFormation creates the config first and deletes it last.
    expect(only.DependsOn).toEqual(expect.arrayContaining([dirId]));
  });

  test('without an organizational unit renders the directory name only', () => {
    const w = world();
    fleet(w, 'Joined', { vpc: w.vpc, domainJoin: { directory: w.directory } });

    Template.fromStack(w.stack).hasResourceProperties('AWS::AppStream::Fleet', {
      DomainJoinInfo: { DirectoryName: Match.anyValue(), OrganizationalUnitDistinguishedName: Match.absent() },
    });
  });

  test('an imported directory config renders its name', () => {
    const w = world();
    joinedFleet(w, 'Joined', DirectoryConfig.fromDirectoryName(w.stack, 'Imported', 'ad.example.org'));

    const template = Template.fromStack(w.stack);
    template.hasResourceProperties('AWS::AppStream::Fleet', {
      DomainJoinInfo: { DirectoryName: 'ad.example.org', OrganizationalUnitDistinguishedName: OU },
    });
  });

  test('an organizational unit that the directory config does not list is an error naming both', () => {
    const w = world();
    expect(() => fleet(w, 'Joined', { vpc: w.vpc, domainJoin: { directory: w.directory, organizationalUnit: OTHER_OU } }))
      .toThrow(new RegExp(`domainJoin\\.organizationalUnit: must be one of the directory config's organizational units: "${OU}" \\(got "${OTHER_OU}"\\)`));
  });

  test('an imported directory config with known OUs checks the fleet OU too', () => {
    const w = world();
    const imported = DirectoryConfig.fromDirectoryConfigAttributes(w.stack, 'Imported', {
      directoryName: 'ad.example.org',
      organizationalUnits: ['OU=Apps,DC=ad,DC=example,DC=org'],
    });
    expect(() => joinedFleet(w, 'Joined', imported))
      .toThrow(/domainJoin\.organizationalUnit: must be one of the directory config's organizational units: "OU=Apps,DC=ad,DC=example,DC=org" \(got "OU=AppStream,DC=corp,DC=example,DC=com"\)/);
  });

  test('an imported directory config with unknown OUs accepts any OU', () => {
    const w = world();
    expect(() => joinedFleet(w, 'Joined', DirectoryConfig.fromDirectoryName(w.stack, 'Imported', 'ad.example.org'))).not.toThrow();
  });

  test('without a VPC is an error that says a VPC is needed', () => {
    const w = world();
    expect(() => fleet(w, 'Joined', { domainJoin: { directory: w.directory, organizationalUnit: OU } }))
      .toThrow(/Test\/Joined[\s\S]*domainJoin: a domain-joined fleet needs a VPC[\s\S]*set vpc/);
  });

  test('the whole template satisfies the registry schemas', () => {
    const w = world();
    const joined = joinedFleet(w);
    new Stack(w.stack, 'AppStreamStack', { userSettings: { domainPasswordSignin: true }, fleet: joined })
      .addUsers(StackUser.saml('bob'));

    expect(appStreamSchemaViolations(Template.fromStack(w.stack).toJSON())).toEqual([]);
  });
});

describe('stack sign-in settings and domain join', () => {
  test.each<[string, UserSettings, RegExp]>([
    ['domain password sign-in', { domainPasswordSignin: true }, /userSettings enable DOMAIN_PASSWORD_SIGNIN, but fleet .*Test\/Plain.* is not joined to an Active Directory domain/],
    ['smart-card sign-in', { domainSmartCardSignin: true }, /userSettings enable DOMAIN_SMART_CARD_SIGNIN, but fleet .*Test\/Plain.* is not joined/],
  ])('%s warns when the fleet is not domain-joined', (_name, userSettings, message) => {
    const w = world();
    new Stack(w.stack, 'AppStreamStack', { userSettings, fleet: fleet(w, 'Plain') });

    Annotations.fromStack(w.stack).hasWarning('/Test/AppStreamStack', Match.stringLikeRegexp(SIGNIN_WARNING));
    Annotations.fromStack(w.stack).hasWarning('/Test/AppStreamStack', Match.stringLikeRegexp(message.source));
  });

  test('the warning also comes with addFleet() after construction', () => {
    const w = world();
    const appStreamStack = new Stack(w.stack, 'AppStreamStack', { userSettings: { domainPasswordSignin: true } });
    appStreamStack.addFleet(fleet(w, 'Plain'));

    Annotations.fromStack(w.stack).hasWarning('/Test/AppStreamStack', Match.stringLikeRegexp(SIGNIN_WARNING));
  });

  test.each<[string, UserSettings]>([
    ['domain password sign-in', { domainPasswordSignin: true }],
    ['smart-card sign-in', { domainSmartCardSignin: true }],
    ['both', { domainPasswordSignin: true, domainSmartCardSignin: true }],
  ])('%s does not warn when the fleet is domain-joined', (_name, userSettings) => {
    const w = world();
    new Stack(w.stack, 'AppStreamStack', { userSettings, fleet: joinedFleet(w) });

    Annotations.fromStack(w.stack).hasNoWarning('/Test/AppStreamStack', Match.anyValue());
  });

  test('no warning when the sign-in settings are disabled on a fleet that is not domain-joined', () => {
    const w = world();
    new Stack(w.stack, 'AppStreamStack', {
      userSettings: { domainPasswordSignin: false, domainSmartCardSignin: false },
      fleet: fleet(w, 'Plain'),
    });

    Annotations.fromStack(w.stack).hasNoWarning('/Test/AppStreamStack', Match.anyValue());
  });
});

describe('user-pool users and domain-joined fleets', () => {
  test('user-pool users on a stack whose fleet is domain-joined are refused at synth', () => {
    const w = world();
    const appStreamStack = new Stack(w.stack, 'AppStreamStack', { fleet: joinedFleet(w) });
    new UserStackAssociation(w.stack, 'Users', { stack: appStreamStack, users: [StackUser.userPool('alice@example.com')] });

    expect(() => w.app.synth()).toThrow(USERPOOL_REFUSAL);
    expect(() => w.app.synth()).toThrow(/"alice@example.com".*Test\/Joined/);
  });

  test('also when the fleet is added after the association', () => {
    const w = world();
    const appStreamStack = new Stack(w.stack, 'AppStreamStack');
    new UserStackAssociation(w.stack, 'Users', { stack: appStreamStack, users: [StackUser.userPool('alice@example.com')] });
    appStreamStack.addFleet(joinedFleet(w));

    expect(() => w.app.synth()).toThrow(USERPOOL_REFUSAL);
  });

  test('also a User resource associated through StackUser.fromUser(), and through Stack.addUsers()', () => {
    const w = world();
    const appStreamStack = new Stack(w.stack, 'AppStreamStack');
    const user = new User(w.stack, 'Alice', { email: 'alice@example.com' });
    appStreamStack.addUsers(StackUser.fromUser(user));
    appStreamStack.addFleet(joinedFleet(w));

    expect(() => w.app.synth()).toThrow(USERPOOL_REFUSAL);
  });

  test('SAML and Active Directory users on the same stack are fine', () => {
    const w = world();
    const appStreamStack = new Stack(w.stack, 'AppStreamStack', { fleet: joinedFleet(w) });
    new UserStackAssociation(w.stack, 'Users', {
      stack: appStreamStack,
      users: [StackUser.saml('bob'), StackUser.activeDirectory('CORP\\carol')],
    });

    expect(() => w.app.synth()).not.toThrow();
    Template.fromStack(w.stack).hasResourceProperties('Custom::AppStreamUserStackAssociation', {
      Users: Match.arrayWith([Match.objectLike({ UserName: 'bob', AuthenticationType: 'SAML' })]),
    });
  });

  test('user-pool users on a stack whose fleet is not domain-joined are fine', () => {
    const w = world();
    const appStreamStack = new Stack(w.stack, 'AppStreamStack', { fleet: fleet(w, 'Plain') });
    new UserStackAssociation(w.stack, 'Users', { stack: appStreamStack, users: [StackUser.userPool('alice@example.com')] });

    expect(() => w.app.synth()).not.toThrow();
  });
});
