import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack as CdkStack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Fleet } from '../src/fleet/fleet';
import { FleetType } from '../src/fleet/fleet-type';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';
import { PortalIdentityProvider } from '../src/portal/portal-identity-provider';
import { StreamingPortal } from '../src/portal/streaming-portal';
import { Stack } from '../src/stack/stack';

/*
 * A streaming portal in front of a stack: a Cognito user pool with an app client and an admin scope,
 * the portal's HTTP API with its JWT authorizer, routes and stage throttling. The assertions call the
 * deployed endpoint without a token (the authorizer must answer 401 on the user and the admin routes,
 * with CORS for the stack's embed host domain) and read the stage's throttling back.
 *
 * Cost: nothing while idle (the fleet is created STOPPED; API Gateway and Lambda bill per request).
 */
const app = new App();
const stack = new CdkStack(app, 'cdk-appstream-integ-streaming-portal');

const fleet = new Fleet(stack, 'Fleet', {
  instanceType: InstanceType.STANDARD_SMALL,
  fleetType: FleetType.ON_DEMAND,
  image: FleetImage.fromName('AppStream-WinServer2022-09-01-2025'),
  desiredCapacity: 1,
  maxUserDuration: Duration.hours(1),
});
const appStreamStack = new Stack(stack, 'Stack', { embedHostDomains: ['apps.example.com'], fleet });

const userPool = new cognito.UserPool(stack, 'Users');
const portalScope = new cognito.ResourceServerScope({ scopeName: 'admin', scopeDescription: 'List and end streaming sessions' });
const resourceServer = userPool.addResourceServer('Portal', { identifier: 'portal', scopes: [portalScope] });
const client = userPool.addClient('Web', {
  oAuth: {
    flows: { authorizationCodeGrant: true },
    scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.resourceServer(resourceServer, portalScope)],
    callbackUrls: ['https://apps.example.com/callback'],
  },
});

const portal = new StreamingPortal(stack, 'Portal', {
  stack: appStreamStack,
  identityProvider: PortalIdentityProvider.fromUserPool(userPool, [client]),
  adminScopes: ['portal/admin'],
  defaultValidity: Duration.minutes(1),
  maxValidity: Duration.minutes(10),
  throttle: { rateLimit: 5, burstLimit: 10 },
});

const integ = new IntegTest(app, 'StreamingPortalInteg', {
  testCases: [stack],
  diffAssets: false,
});

integ.assertions
  .httpApiCall(portal.streamingUrlEndpoint, { method: 'POST', headers: { Origin: 'https://apps.example.com' } })
  .expect(ExpectedResult.objectLike({ status: 401 }));

integ.assertions
  .httpApiCall(`${portal.url}admin/sessions`)
  .expect(ExpectedResult.objectLike({ status: 401 }));

integ.assertions
  .awsApiCall('ApiGatewayV2', 'getStage', { ApiId: portal.httpApi.apiId, StageName: '$default' })
  .expect(ExpectedResult.objectLike({ DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 } }));

app.synth();
