/**
 * The handler of a `StreamingPortal`: an HTTP API (payload format 2.0) whose JWT authorizer has
 * already checked the caller's token, so the claims arrive in `requestContext.authorizer.jwt`.
 *
 * - `POST /streaming-url`: a streaming URL for the caller (CreateStreamingURL), the user id taken
 *   from the configured claim;
 * - `GET /admin/sessions`: the sessions of the stack and fleet (DescribeSessions, one page);
 * - `DELETE /admin/sessions/{sessionId}`: ends a session of the stack and fleet (ExpireSession),
 *   after finding it there: IAM lets ExpireSession act on any session of the account, the portal
 *   only on its own stack's.
 *
 * Every AppStream call goes through the shared pacer (throttling retried until shortly before the
 * invocation ends, then a 429). The log holds one line per request: route, status, error name and
 * time; never the token, the claims, the streaming URL nor the session context.
 */
import {
  type AuthenticationType,
  CreateStreamingURLCommand,
  DescribeSessionsCommand,
  ExpireSessionCommand,
  type Session,
} from '@aws-sdk/client-appstream';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { PortalConfig, readConfig } from './config';
import { parseExpireSessionRequest, parseListSessionsRequest, parseStreamingUrlRequest, Parsed, userIdFromClaims } from './request';
import { HANDLER_MARGIN_MS, PortalRoutes, routeKey, SESSIONS_PAGE_MAX } from '../../src/portal/private/streaming-portal-contract';
import { AppStreamCalls, appStreamCalls } from '../shared/appstream';
import { isDeadlineReached } from '../shared/pacing';
import { isThrottling } from '../shared/retry';

export type PortalEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type PortalResult = APIGatewayProxyStructuredResultV2;

type Route = (event: PortalEvent, config: PortalConfig, appStream: AppStreamCalls) => Promise<PortalResult>;

const ROUTES: Readonly<Record<string, Route>> = {
  [routeKey(PortalRoutes.STREAMING_URL)]: createStreamingUrl,
  [routeKey(PortalRoutes.LIST_SESSIONS)]: listSessions,
  [routeKey(PortalRoutes.EXPIRE_SESSION)]: expireSession,
};

let config: PortalConfig | undefined;

/** Forgets the configuration read from the environment (tests that change it). */
export function resetConfig(): void {
  config = undefined;
}

/** Entry point (handler `index.handler`). */
export async function handler(event: PortalEvent, context?: Context): Promise<PortalResult> {
  const started = Date.now();
  let result: PortalResult;
  let errorName: string | undefined;
  try {
    config ??= readConfig();
    const route = Object.hasOwn(ROUTES, event.routeKey) ? ROUTES[event.routeKey] : undefined;
    result = route
      ? await route(event, config, appStreamCalls(context, HANDLER_MARGIN_MS))
      : json(404, { message: `No route ${event.routeKey}` });
  } catch (error) {
    errorName = (error as Error)?.name ?? 'Error';
    result = errorResult(error, event.requestContext?.requestId);
  }
  console.log(JSON.stringify({
    route: event.routeKey,
    status: result.statusCode,
    error: errorName,
    ms: Date.now() - started,
    requestId: event.requestContext?.requestId,
  }));
  return result;
}

async function createStreamingUrl(event: PortalEvent, cfg: PortalConfig, appStream: AppStreamCalls): Promise<PortalResult> {
  const userId = userIdFromClaims(event.requestContext.authorizer?.jwt?.claims, cfg);
  if (!userId.ok) {
    return json(403, { message: 'Forbidden', errors: userId.problems });
  }
  const request = parseStreamingUrlRequest(bodyText(event), cfg);
  if (!request.ok) {
    return invalid(request);
  }
  const output = await appStream.call((client) => client.send(new CreateStreamingURLCommand({
    StackName: cfg.stackName,
    FleetName: cfg.fleetName,
    UserId: userId.value,
    Validity: request.value.validitySeconds,
    ApplicationId: request.value.applicationId,
    SessionContext: request.value.sessionContext,
  })));
  return json(200, {
    streamingUrl: output.StreamingURL,
    expires: output.Expires?.toISOString(),
    userId: userId.value,
  });
}

async function listSessions(event: PortalEvent, cfg: PortalConfig, appStream: AppStreamCalls): Promise<PortalResult> {
  const request = parseListSessionsRequest(event.queryStringParameters);
  if (!request.ok) {
    return invalid(request);
  }
  const { userId, authenticationType, limit, nextToken } = request.value;
  const output = await appStream.call((client) => client.send(new DescribeSessionsCommand({
    StackName: cfg.stackName,
    FleetName: cfg.fleetName,
    UserId: userId,
    AuthenticationType: authenticationType,
    Limit: limit,
    NextToken: nextToken,
  })));
  return json(200, { sessions: (output.Sessions ?? []).map(describeSession), nextToken: output.NextToken });
}

async function expireSession(event: PortalEvent, cfg: PortalConfig, appStream: AppStreamCalls): Promise<PortalResult> {
  const request = parseExpireSessionRequest(event.pathParameters, event.queryStringParameters);
  if (!request.ok) {
    return invalid(request);
  }
  const { sessionId, authenticationType } = request.value;
  if (!await sessionOfStack(sessionId, authenticationType, cfg, appStream)) {
    return json(404, { message: `No ${authenticationType} session ${sessionId} on this portal's stack and fleet` });
  }
  await appStream.call((client) => client.send(new ExpireSessionCommand({ SessionId: sessionId })));
  return { statusCode: 204, headers: { 'Cache-Control': 'no-store' } };
}

/** Whether the session is one of the stack and fleet: DescribeSessions has no filter by id, so page through. */
async function sessionOfStack(
  sessionId: string, authenticationType: AuthenticationType, cfg: PortalConfig, appStream: AppStreamCalls,
): Promise<boolean> {
  let nextToken: string | undefined;
  do {
    const page = await appStream.call((client) => client.send(new DescribeSessionsCommand({
      StackName: cfg.stackName,
      FleetName: cfg.fleetName,
      AuthenticationType: authenticationType,
      Limit: SESSIONS_PAGE_MAX,
      NextToken: nextToken,
    })));
    if (page.Sessions?.some((s) => s.Id === sessionId)) {
      return true;
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return false;
}

function describeSession(s: Session) {
  return {
    id: s.Id,
    userId: s.UserId,
    state: s.State,
    connectionState: s.ConnectionState,
    authenticationType: s.AuthenticationType,
    startTime: s.StartTime?.toISOString(),
    maxExpirationTime: s.MaxExpirationTime?.toISOString(),
    instanceId: s.InstanceId,
  };
}

function bodyText(event: PortalEvent): string | undefined {
  return event.body !== undefined && event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

function invalid(request: Extract<Parsed<unknown>, { ok: false }>): PortalResult {
  return json(400, { message: 'Invalid request', errors: request.problems });
}

/** AppStream's answers that the caller can act on; anything else is the portal's fault (500). */
const APPSTREAM_ERRORS: Readonly<Record<string, { status: number; message: string }>> = {
  ResourceNotAvailableException: { status: 503, message: 'The fleet cannot stream now (it may be stopped or at capacity): try again later' },
  LimitExceededException: { status: 503, message: 'The fleet has no capacity left: try again later' },
  InvalidParameterCombinationException: { status: 400, message: 'AppStream refused the combination of parameters' },
  OperationNotPermittedException: { status: 403, message: 'AppStream does not permit this operation for this stack and fleet' },
  ResourceNotFoundException: { status: 502, message: "The portal's stack or fleet was not found: the portal is misconfigured" },
};

function errorResult(error: unknown, requestId: string | undefined): PortalResult {
  // The pacer retried until the invocation's deadline: throttled all along (429), or AppStream failing (503).
  if (isThrottling(error) || (isDeadlineReached(error) && isThrottling(error.cause))) {
    return retryLater(429, 'Too many requests: try again shortly');
  }
  if (isDeadlineReached(error)) {
    return retryLater(503, 'AppStream did not answer in time: try again shortly');
  }
  const name = (error as Error)?.name ?? '';
  const known = Object.hasOwn(APPSTREAM_ERRORS, name) ? APPSTREAM_ERRORS[name] : undefined;
  if (known) {
    return json(known.status, { message: known.message });
  }
  // The name and message of an AppStream error hold no secret; they help whoever reads the log.
  console.error(JSON.stringify({ error: (error as Error)?.name, message: (error as Error)?.message, requestId }));
  return json(500, { message: 'Internal error', requestId });
}

function retryLater(statusCode: number, message: string): PortalResult {
  return { ...json(statusCode, { message }), headers: { ...JSON_HEADERS, 'Retry-After': '1' } };
}

const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };

function json(statusCode: number, body: unknown): PortalResult {
  return { statusCode, headers: JSON_HEADERS, body: JSON.stringify(body) };
}
