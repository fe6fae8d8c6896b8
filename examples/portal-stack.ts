import * as cdk from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import * as appstream from '../src';

/**
 * A streaming portal in front of a stack: users of a Cognito user pool sign in to your web page at
 * apps.example.com, which POSTs their ID token to the portal and embeds the streaming URL it answers;
 * support staff with the `portal/admin` scope list and end sessions.
 */
export class AppStreamPortalExampleStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const fleet = new appstream.Fleet(this, 'Fleet', {
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      image: appstream.FleetImage.fromName('AppStream-WinServer2022-09-01-2025'),
      desiredCapacity: 2,
      maxUserDuration: cdk.Duration.hours(4),
    });
    const stack = new appstream.Stack(this, 'Stack', {
      description: 'Applications embedded in apps.example.com',
      embedHostDomains: ['apps.example.com'],
      fleet,
    });

    const userPool = new cognito.UserPool(this, 'Users', {
      signInAliases: { email: true },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      featurePlan: cognito.FeaturePlan.PLUS,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
    const admin = new cognito.ResourceServerScope({ scopeName: 'admin', scopeDescription: 'List and end streaming sessions' });
    const portalServer = userPool.addResourceServer('Portal', { identifier: 'portal', scopes: [admin] });
    const webClient = userPool.addClient('Web', {
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.resourceServer(portalServer, admin)],
        callbackUrls: ['https://apps.example.com/signed-in'],
      },
    });

    const portal = new appstream.StreamingPortal(this, 'Portal', {
      stack,
      identityProvider: appstream.PortalIdentityProvider.fromUserPool(userPool, [webClient]),
      adminScopes: ['portal/admin'],
      maxValidity: cdk.Duration.minutes(5),
    });
    new cdk.CfnOutput(this, 'StreamingUrlEndpoint', { value: portal.streamingUrlEndpoint });
  }
}
