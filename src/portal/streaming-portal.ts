import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import {
  HANDLER_TIMEOUT_SECONDS,
  PortalEnv,
  PortalRoutes,
  VALIDITY_SECONDS,
} from './private/streaming-portal-contract';
import { THROTTLE_BURST, THROTTLE_RATE, validateStreamingPortalProps } from './private/streaming-portal-validation';
import { PortalUserIdFormat, StreamingPortalProps } from './streaming-portal-props';
import { DEFAULT_LOG_RETENTION, HANDLER_RUNTIME } from '../core/private/appstream-provider';
import { acknowledgeNagFinding } from '../core/private/nag';
import { SESSION_EXPIRE_ACTIONS, STACK_CREATE_STREAMING_URL_ACTIONS, STACK_READ_SESSIONS_ACTIONS } from '../core/private/permissions';
import { PropsValidator } from '../core/private/validation';
import { IFleet } from '../fleet/fleet';
import { Stack } from '../stack/stack';

/**
 * An HTTPS endpoint that hands a signed-in user a streaming URL for an AppStream stack and fleet,
 * with admin routes to list and end sessions.
 *
 * An API Gateway HTTP API with a JWT authorizer (a Cognito user pool or any OpenID Connect issuer)
 * in front of a Lambda function that calls `CreateStreamingURL` for the caller: the user id comes
 * from a claim of the caller's token, never from the request. Each route is throttled on the stage;
 * the function may create streaming URLs on this stack and fleet only.
 *
 * - `POST /streaming-url`, body `{ "validity"?: seconds, "applicationId"?: string, "sessionContext"?: string }`
 *   → `{ "streamingUrl", "expires", "userId" }`
 * - `GET /admin/sessions?userId=&authenticationType=&limit=&nextToken=` → `{ "sessions": [...], "nextToken" }`
 * - `DELETE /admin/sessions/{sessionId}` → 204
 *
 * The admin routes exist only with `adminScopes`, and need a token with one of them.
 */
export class StreamingPortal extends Construct {
  /** The HTTP API. */
  public readonly httpApi: apigwv2.HttpApi;

  /** The stage (`$default`) that throttles every route. */
  public readonly stage: apigwv2.HttpStage;

  /** The function that answers the routes. */
  public readonly handler: lambda.IFunction;

  /** The portal's base URL (`https://<api-id>.execute-api.<region>.amazonaws.com/`). */
  public readonly url: string;

  /** The URL to POST to for a streaming URL. */
  public readonly streamingUrlEndpoint: string;

  /** The fleet users stream from. */
  public readonly fleet: IFleet;

  constructor(scope: Construct, id: string, props: StreamingPortalProps) {
    super(scope, id);

    const v = new PropsValidator(this);
    validateStreamingPortalProps(v, props);
    v.throwIfInvalid();
    this.fleet = (props.fleet ?? props.stack.fleet)!;

    const defaultValidity = props.defaultValidity?.toSeconds() ?? VALIDITY_SECONDS.default;
    const retention = props.logRetention ?? DEFAULT_LOG_RETENTION;
    const role = new iam.Role(this, 'HandlerRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    const handlerLogs = new logs.LogGroup(this, 'HandlerLogs', { retention });
    handlerLogs.grantWrite(role);

    this.handler = new lambda.Function(this, 'Handler', {
      description: `Streaming URLs for AppStream stack ${props.stack.node.id} (cdk-appstream StreamingPortal)`,
      runtime: HANDLER_RUNTIME,
      code: lambda.Code.fromAsset(path.join(__dirname, '..', '..', 'assets', 'lambda', 'streaming-portal', 'index')),
      handler: 'index.handler',
      timeout: cdk.Duration.seconds(HANDLER_TIMEOUT_SECONDS),
      memorySize: 256,
      role,
      logGroup: handlerLogs,
      environment: {
        [PortalEnv.STACK_NAME]: props.stack.stackName,
        [PortalEnv.FLEET_NAME]: this.fleet.fleetName,
        [PortalEnv.USER_ID_CLAIM]: props.userIdClaim ?? 'sub',
        [PortalEnv.USER_ID_FORMAT]: props.userIdFormat ?? PortalUserIdFormat.SHA256,
        [PortalEnv.DEFAULT_VALIDITY_SECONDS]: String(defaultValidity),
        [PortalEnv.MAX_VALIDITY_SECONDS]: String(props.maxValidity?.toSeconds() ?? defaultValidity),
        [PortalEnv.APPLICATION_IDS]: JSON.stringify(props.applicationIds ?? []),
        [PortalEnv.ALLOW_SESSION_CONTEXT]: String(props.allowSessionContext ?? false),
      },
    });
    // CreateStreamingURL (and DescribeSessions) need both the stack and the fleet resource types.
    const stackAndFleet = [props.stack.stackArn, this.fleet.fleetArn];
    iam.Grant.addToPrincipal({ grantee: role, actions: STACK_CREATE_STREAMING_URL_ACTIONS, resourceArns: stackAndFleet });

    const allowOrigins = props.allowedOrigins
      ?? (props.stack instanceof Stack ? props.stack.embedHostDomains?.map((domain) => `https://${domain}`) : undefined);
    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      description: 'Streaming URLs for AppStream users (cdk-appstream StreamingPortal)',
      createDefaultStage: false,
      corsPreflight: allowOrigins && allowOrigins.length > 0 ? {
        allowOrigins,
        allowMethods: [apigwv2.CorsHttpMethod.POST, apigwv2.CorsHttpMethod.GET, apigwv2.CorsHttpMethod.DELETE],
        allowHeaders: ['authorization', 'content-type'],
        maxAge: cdk.Duration.hours(1),
      } : undefined,
    });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: {
        rateLimit: props.throttle?.rateLimit ?? THROTTLE_RATE.default,
        burstLimit: props.throttle?.burstLimit ?? THROTTLE_BURST.default,
      },
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(new logs.LogGroup(this, 'AccessLogs', { retention })),
        // Who called what and how it went: no header, so no token.
        format: apigw.AccessLogFormat.custom(JSON.stringify({
          requestId: '$context.requestId',
          ip: '$context.identity.sourceIp',
          time: '$context.requestTime',
          routeKey: '$context.routeKey',
          status: '$context.status',
          latency: '$context.responseLatency',
          authorizerError: '$context.authorizer.error',
          integrationError: '$context.integrationErrorMessage',
        })),
      },
    });
    this.url = this.stage.url;
    this.streamingUrlEndpoint = `${this.url}${PortalRoutes.STREAMING_URL.path.slice(1)}`;

    const authorizer = new HttpJwtAuthorizer('JwtAuthorizer', props.identityProvider.issuerUrl, {
      jwtAudience: props.identityProvider.audience,
    });
    const integration = new HttpLambdaIntegration('Handler', this.handler);
    const addRoute = (route: { readonly method: string; readonly path: string }, scopes: string[] | undefined) =>
      this.httpApi.addRoutes({
        path: route.path,
        methods: [route.method as apigwv2.HttpMethod],
        integration,
        authorizer,
        authorizationScopes: scopes,
      });
    addRoute(PortalRoutes.STREAMING_URL, props.userScopes);
    if (props.adminScopes) {
      addRoute(PortalRoutes.LIST_SESSIONS, props.adminScopes);
      addRoute(PortalRoutes.EXPIRE_SESSION, props.adminScopes);
      iam.Grant.addToPrincipal({ grantee: role, actions: STACK_READ_SESSIONS_ACTIONS, resourceArns: stackAndFleet });
      // IAM supports no resource type for ExpireSession; the handler expires only sessions it finds on this stack and fleet.
      iam.Grant.addToPrincipal({ grantee: role, actions: SESSION_EXPIRE_ACTIONS, resourceArns: ['*'] });
      acknowledgeNagFinding(role, 'AwsSolutions-IAM5[Resource::*]',
        'appstream:ExpireSession supports no resource type in IAM, so "*"; the handler expires only sessions it finds on this stack and fleet.');
    }
  }
}
