import * as cdk from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Fleet } from '../src/fleet/fleet';
import { FleetImage } from '../src/fleet/image';
import { InstanceType } from '../src/fleet/instance-type';
import { PortalIdentityProvider } from '../src/portal/portal-identity-provider';
import { StreamingPortal } from '../src/portal/streaming-portal';
import { PortalUserIdFormat, StreamingPortalProps } from '../src/portal/streaming-portal-props';
import { Stack } from '../src/stack/stack';

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const ISSUER = 'https://login.example.com/oauth2';

function setup(stackProps: { embedHostDomains?: string[]; withFleet?: boolean } = {}) {
  const scope = new cdk.Stack(new cdk.App(), 'Test', { env: { account: ACCOUNT, region: REGION } });
  const fleet = new Fleet(scope, 'Fleet', {
    fleetName: 'portal-fleet',
    instanceType: InstanceType.STANDARD_MEDIUM,
    image: FleetImage.fromName('AppStream-WinServer2022-09-01-2025'),
    desiredCapacity: 1,
  });
  const stack = new Stack(scope, 'Stack', {
    stackName: 'portal-stack',
    embedHostDomains: stackProps.embedHostDomains,
    fleet: stackProps.withFleet === false ? undefined : fleet,
  });
  return { scope, fleet, stack };
}

function portal(props: Partial<StreamingPortalProps> = {}, stackProps: { embedHostDomains?: string[] } = {}) {
  const { scope, stack, fleet } = setup(stackProps);
  const created = new StreamingPortal(scope, 'Portal', {
    stack,
    identityProvider: PortalIdentityProvider.fromIssuer(ISSUER, ['portal-client']),
    ...props,
  });
  return { scope, stack, fleet, portal: created, template: Template.fromStack(scope) };
}

function handlerEnvironment(template: Template): Record<string, unknown> {
  const functions = template.findResources('AWS::Lambda::Function', { Properties: { Handler: 'index.handler' } });
  return Object.values(functions)[0].Properties.Environment.Variables;
}

describe('StreamingPortal defaults', () => {
  test('an HTTP API with one JWT-authorized route to the handler', () => {
    const { template } = portal();
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.absent() });
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'POST /streaming-url',
      AuthorizationType: 'JWT',
      AuthorizationScopes: Match.absent(),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: ISSUER, Audience: ['portal-client'] },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
  });

  test('the handler: its own bundle, the newest Node.js runtime, a short timeout, configured by environment', () => {
    const { template, scope, stack, fleet } = portal();
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.handler',
      Runtime: 'nodejs24.x',
      Timeout: 15,
      MemorySize: 256,
    });
    expect(handlerEnvironment(template)).toEqual({
      PORTAL_STACK_NAME: scope.resolve(stack.stackName),
      PORTAL_FLEET_NAME: scope.resolve(fleet.fleetName),
      PORTAL_USER_ID_CLAIM: 'sub',
      PORTAL_USER_ID_FORMAT: 'SHA256',
      PORTAL_DEFAULT_VALIDITY_SECONDS: '60',
      PORTAL_MAX_VALIDITY_SECONDS: '60',
      PORTAL_APPLICATION_IDS: '[]',
      PORTAL_ALLOW_SESSION_CONTEXT: 'false',
    });
  });

  test('the stage throttles each route: 10 requests per second, bursts of 20, and logs access without headers', () => {
    const { template } = portal();
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context.routeKey') },
    });
    const format = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0].Properties.AccessLogSettings.Format;
    expect(format).not.toMatch(/header|authorization/i);
  });

  test('least privilege: CreateStreamingURL on the stack and fleet ARNs only, logs to its own group', () => {
    const { template, scope, stack, fleet } = portal();
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements.filter((s) => JSON.stringify(s.Action).includes('appstream:'))).toEqual([{
      Effect: 'Allow',
      Action: 'appstream:CreateStreamingURL',
      Resource: [scope.resolve(stack.stackArn), scope.resolve(fleet.fleetArn)],
    }]);
    expect(JSON.stringify(scope.resolve(stack.stackArn))).toContain(':stack/');
    // No AWSLambdaBasicExecutionRole: the role may write to the handler's log group only.
    template.resourcePropertiesCountIs('AWS::IAM::Role', { ManagedPolicyArns: Match.anyValue() }, 0);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  test('exposes the URL of the stage and of the streaming-URL route', () => {
    const { portal: p, scope } = portal();
    expect(scope.resolve(p.url)).toEqual({ 'Fn::Join': ['', ['https://', { Ref: expect.any(String) }, '.execute-api.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/']] });
    expect(scope.resolve(p.streamingUrlEndpoint)['Fn::Join'][1].at(-1)).toBe('/streaming-url');
    expect(p.fleet.fleetName).toBeDefined();
  });

  test('cdk-nag AwsSolutions finds nothing unsuppressed, admin routes included', () => {
    const { scope, template } = portal({ adminScopes: ['portal/admin'] });
    const violations = new AwsSolutionsChecks().validateScope(scope).violations
      .map((v: any) => `${v.ruleName} ${v.resourceLogicalId ?? ''} ${v.ruleInfo ?? ''}`.trim());
    expect(violations).toEqual([]);
    // The one suppression, on the handler's role and its policy: ExpireSession on "*", with its reason.
    const suppressed = Object.entries(template.toJSON().Resources as Record<string, any>)
      .filter(([, r]) => r.Metadata?.cdk_nag)
      .map(([, r]) => [r.Type, r.Metadata.cdk_nag.rules_to_suppress]);
    const expireOnAny = [{ id: 'AwsSolutions-IAM5', reason: expect.stringContaining('ExpireSession supports no resource type') }];
    expect(suppressed).toEqual([['AWS::IAM::Role', expireOnAny], ['AWS::IAM::Policy', expireOnAny]]);
  });
});

describe('StreamingPortal props', () => {
  test('admin routes behind their own scopes, with DescribeSessions on the stack and fleet and ExpireSession', () => {
    const { template } = portal({ userScopes: ['portal/stream'], adminScopes: ['portal/admin', 'portal/support'] });
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 3);
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /streaming-url', AuthorizationScopes: ['portal/stream'] });
    for (const routeKey of ['GET /admin/sessions', 'DELETE /admin/sessions/{sessionId}']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: routeKey, AuthorizationType: 'JWT', AuthorizationScopes: ['portal/admin', 'portal/support'],
      });
    }
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
    const describe = statements.find((s) => s.Action === 'appstream:DescribeSessions');
    expect(JSON.stringify(describe.Resource)).toMatch(/:stack\/.*:fleet\//);
    expect(statements.find((s) => s.Action === 'appstream:ExpireSession')).toEqual({ Effect: 'Allow', Action: 'appstream:ExpireSession', Resource: '*' });
  });

  test('a Cognito user pool: its issuer URL and app client ids', () => {
    const { scope, stack } = setup();
    const pool = new cognito.UserPool(scope, 'Pool');
    const client = pool.addClient('Web');
    new StreamingPortal(scope, 'Portal', { stack, identityProvider: PortalIdentityProvider.fromUserPool(pool, [client]) });
    Template.fromStack(scope).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: scope.getLogicalId(pool.node.defaultChild as cdk.CfnElement) }]] },
        Audience: [{ Ref: scope.getLogicalId(client.node.defaultChild as cdk.CfnElement) }],
      },
    });
  });

  test('claim, format, validity, applications, session context and log retention reach the handler', () => {
    const { template } = portal({
      userIdClaim: 'email',
      userIdFormat: PortalUserIdFormat.CLAIM_VALUE,
      defaultValidity: cdk.Duration.minutes(5),
      maxValidity: cdk.Duration.hours(1),
      applicationIds: ['Excel', 'Desktop'],
      allowSessionContext: true,
      logRetention: logs.RetentionDays.ONE_WEEK,
    });
    expect(handlerEnvironment(template)).toMatchObject({
      PORTAL_USER_ID_CLAIM: 'email',
      PORTAL_USER_ID_FORMAT: 'CLAIM_VALUE',
      PORTAL_DEFAULT_VALIDITY_SECONDS: '300',
      PORTAL_MAX_VALIDITY_SECONDS: '3600',
      PORTAL_APPLICATION_IDS: '["Excel","Desktop"]',
      PORTAL_ALLOW_SESSION_CONTEXT: 'true',
    });
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 7 }, 2);
  });

  test('throttle', () => {
    const { template } = portal({ throttle: { rateLimit: 100, burstLimit: 50 } });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 50 } });
  });

  test('CORS for the embed host domains of the stack by default', () => {
    const { template } = portal({}, { embedHostDomains: ['apps.example.com', 'intranet.example.org'] });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: {
        AllowOrigins: ['https://apps.example.com', 'https://intranet.example.org'],
        AllowMethods: ['POST', 'GET', 'DELETE'],
        AllowHeaders: ['authorization', 'content-type'],
        MaxAge: 3600,
      },
    });
  });

  test('allowedOrigins replaces the embed host domains', () => {
    const { template } = portal({ allowedOrigins: ['http://localhost:3000'] }, { embedHostDomains: ['apps.example.com'] });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { CorsConfiguration: { AllowOrigins: ['http://localhost:3000'] } });
  });

  test('an imported stack with a fleet given', () => {
    const { scope } = setup();
    const imported = Stack.fromStackName(scope, 'Imported', 'imported-stack');
    new StreamingPortal(scope, 'Portal', {
      stack: imported,
      fleet: Fleet.fromFleetName(scope, 'ImportedFleet', 'imported-fleet'),
      identityProvider: PortalIdentityProvider.fromIssuer(ISSUER, ['c']),
    });
    const env = handlerEnvironment(Template.fromStack(scope));
    expect(env).toMatchObject({ PORTAL_STACK_NAME: 'imported-stack', PORTAL_FLEET_NAME: 'imported-fleet' });
  });
});

describe('StreamingPortal validation: every problem in one error', () => {
  function errorOf(props: Partial<StreamingPortalProps>, withFleet = true): string {
    const { scope, stack } = setup({ withFleet });
    try {
      new StreamingPortal(scope, 'Portal', { stack, identityProvider: PortalIdentityProvider.fromIssuer(ISSUER, ['c']), ...props });
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('no error');
  }

  test('all at once, naming the construct path', () => {
    const message = errorOf({
      userIdClaim: 'has space',
      defaultValidity: cdk.Duration.days(8),
      maxValidity: cdk.Duration.millis(1500),
      applicationIds: ['-bad'],
      throttle: { rateLimit: 0, burstLimit: 5001 },
      allowedOrigins: ['https://example.com/path'],
      adminScopes: [],
      userScopes: ['has space'],
      identityProvider: PortalIdentityProvider.fromIssuer('http://insecure.example.com', []),
    });
    expect(message.split('\n')).toEqual([
      'Test/Portal: invalid StreamingPortal props (11 problems)',
      '  - identityProvider.issuerUrl: must match an https URL (got "http://insecure.example.com")',
      '  - identityProvider.audience: must not be empty (leave it out instead) (got an array of 0)',
      '  - userIdClaim: must match a claim name without spaces (got "has space")',
      '  - userScopes[0]: must match an OAuth scope: printable characters without spaces, " and \\ (got "has space")',
      '  - adminScopes: must not be empty (leave it out instead) (got an array of 0)',
      '  - defaultValidity: must be a whole number of seconds from 1 to 604800 (got 8 days)',
      '  - maxValidity: must be a whole number of seconds from 1 to 604800 (got 1 second 500 millis)',
      '  - applicationIds[0]: must match letters, digits, _ . and -, starting with a letter or digit (got "-bad")',
      '  - throttle.rateLimit: must be an integer from 1 to 10000 (got 0)',
      '  - throttle.burstLimit: must be an integer from 1 to 5000 (got 5001)',
      '  - allowedOrigins[0]: must match an origin such as https://portal.example.com (scheme, host and port, no path) (got "https://example.com/path")',
    ]);
  });

  test('no fleet: on the stack nor given', () => {
    expect(errorOf({}, false)).toContain('fleet: the stack has no fleet yet and none was given');
  });

  test("a fleet that is not the stack's", () => {
    const { scope, stack } = setup();
    const other = Fleet.fromFleetName(scope, 'Other', 'other-fleet');
    expect(() => new StreamingPortal(scope, 'Portal', { stack, fleet: other, identityProvider: PortalIdentityProvider.fromIssuer(ISSUER, ['c']) }))
      .toThrow("fleet: must be the stack's fleet (Test/Fleet): a stack has at most one fleet; leave fleet out to use it (got \"Test/Other\")");
  });

  test('maxValidity below the default validity', () => {
    expect(errorOf({ maxValidity: cdk.Duration.seconds(30) })).toContain('maxValidity: must be at least defaultValidity (60 seconds) (got 30 seconds)');
  });

  test('CLAIM_VALUE of a Cognito sub can never fit a streaming URL user id', () => {
    const { scope, stack } = setup();
    const pool = new cognito.UserPool(scope, 'Pool');
    expect(() => new StreamingPortal(scope, 'Portal', {
      stack,
      identityProvider: PortalIdentityProvider.fromUserPool(pool, [pool.addClient('Web')]),
      userIdFormat: PortalUserIdFormat.CLAIM_VALUE,
    })).toThrow(/userIdFormat: must be PortalUserIdFormat.SHA256 with a Cognito user pool's sub claim/);
  });

  test('wrong types from plain JavaScript', () => {
    const message = errorOf({
      stack: 'portal-stack' as any,
      userIdFormat: 'MD5' as any,
      defaultValidity: 60 as any,
      allowSessionContext: 'yes' as any,
      applicationIds: 'Excel' as any,
      identityProvider: { issuerUrl: ISSUER } as any,
    });
    expect(message).toContain('stack: must be an AppStream stack (IStack)');
    expect(message).toContain('userIdFormat: must be one of PortalUserIdFormat.SHA256, PortalUserIdFormat.CLAIM_VALUE');
    expect(message).toContain('defaultValidity: must be a Duration such as Duration.minutes(15) or Duration.seconds(60)');
    expect(message).toContain('allowSessionContext: must be a boolean');
    expect(message).toContain('applicationIds: must be an array');
    expect(message).toContain('identityProvider: must be a PortalIdentityProvider');
  });
});
