import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { DirectoryConfig } from '../src/directory/directory-config';

/*
 * A directory config whose service account lives in Secrets Manager. AppStream does not contact the
 * directory when the config is created, so no Active Directory is needed to deploy this test.
 * The template holds only `{{resolve:secretsmanager:...}}` references for the credentials.
 */
const app = new App();
const stack = new Stack(app, 'cdk-appstream-integ-directory-config');

const directoryName = 'cdk-appstream-integ.example.com';
const organizationalUnit = 'OU=AppStream,DC=cdk-appstream-integ,DC=example,DC=com';

const secret = new secretsmanager.Secret(stack, 'ServiceAccount', {
  description: 'cdk-appstream integ test: AppStream directory config service account',
  generateSecretString: {
    secretStringTemplate: JSON.stringify({ user: 'CDKINTEG\\svc-appstream' }),
    generateStringKey: 'pass',
    passwordLength: 32,
  },
  removalPolicy: RemovalPolicy.DESTROY,
});

new DirectoryConfig(stack, 'Directory', {
  directoryName,
  organizationalUnits: [organizationalUnit],
  serviceAccountSecret: secret,
  serviceAccountUsernameKey: 'user',
  serviceAccountPasswordKey: 'pass',
});

const integ = new IntegTest(app, 'DirectoryConfigInteg', {
  testCases: [stack],
});

integ.assertions
  .awsApiCall('AppStream', 'describeDirectoryConfigs', { DirectoryNames: [directoryName] })
  .expect(ExpectedResult.objectLike({
    DirectoryConfigs: [
      {
        DirectoryName: directoryName,
        OrganizationalUnitDistinguishedNames: [organizationalUnit],
      },
    ],
  }));

app.synth();
