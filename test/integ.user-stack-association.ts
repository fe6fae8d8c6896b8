import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Stack as CdkStack } from 'aws-cdk-lib';
import { Stack } from '../src/stack/stack';
import { StackUser } from '../src/users/stack-user';
import { UserStackAssociation } from '../src/users/user-stack-association';

/*
 * Users of several authentication types on an AppStream stack, through the batch custom resource.
 * SAML and API users need no identity provider or directory to be associated, and AppStream stacks
 * cost nothing without a running fleet, so any account can deploy this test.
 *
 * - `Small`: three users listed inline in the template;
 * - `Large`: 150 API users on a second stack, shipped as an S3 asset that the handler reads.
 */
const app = new App();
const stack = new CdkStack(app, 'cdk-appstream-integ-user-stack-association');

const small = new Stack(stack, 'SmallStack', { description: 'cdk-appstream integ test: users inline' });
new UserStackAssociation(stack, 'Small', {
  stack: small,
  users: [StackUser.saml('integ-saml-alice'), StackUser.saml('integ-saml-Bob'), StackUser.api('integ-api-service')],
});

const large = new Stack(stack, 'LargeStack', { description: 'cdk-appstream integ test: users from an S3 asset' });
const association = new UserStackAssociation(stack, 'Large', { stack: large });
association.addUsers(...Array.from({ length: 150 }, (_, i) => StackUser.api(`integ-api-${String(i).padStart(3, '0')}`)));

const integ = new IntegTest(app, 'UserStackAssociationInteg', {
  testCases: [stack],
});

integ.assertions
  .awsApiCall('AppStream', 'describeUserStackAssociations', { StackName: small.stackName })
  .expect(ExpectedResult.objectLike({
    UserStackAssociations: Match.arrayWith([
      Match.objectLike({ StackName: small.stackName, UserName: 'integ-saml-alice', AuthenticationType: 'SAML' }),
      Match.objectLike({ StackName: small.stackName, UserName: 'integ-saml-Bob', AuthenticationType: 'SAML' }),
      Match.objectLike({ StackName: small.stackName, UserName: 'integ-api-service', AuthenticationType: 'API' }),
    ]),
  }));

// One page of one entry keeps the assertion's response small; it proves the S3 list was applied.
integ.assertions
  .awsApiCall('AppStream', 'describeUserStackAssociations', { StackName: large.stackName, MaxResults: 1 })
  .expect(ExpectedResult.objectLike({
    UserStackAssociations: [Match.objectLike({ StackName: large.stackName, AuthenticationType: 'API' })],
  }));

app.synth();
