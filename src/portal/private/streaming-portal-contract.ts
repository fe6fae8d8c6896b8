/**
 * The contract between the `StreamingPortal` construct and its handler in
 * `lambda/streaming-portal/`: the routes, the environment variables that configure the handler,
 * and the limits both sides judge values by. Imported by both sides; no aws-cdk-lib here (the
 * handler bundle must stay small).
 */
import { NAME_MAX_LENGTH, NAME_SOURCE } from '../../core/private/limits';

/** The routes of the portal's HTTP API: method and path, as API Gateway's route keys name them. */
export const PortalRoutes = {
  /** A streaming URL for the caller. */
  STREAMING_URL: { method: 'POST', path: '/streaming-url' },
  /** The sessions of the stack and fleet (admin scope). */
  LIST_SESSIONS: { method: 'GET', path: '/admin/sessions' },
  /** Ends one session of the stack and fleet (admin scope). */
  EXPIRE_SESSION: { method: 'DELETE', path: '/admin/sessions/{sessionId}' },
} as const;

/** The route key of a route (`POST /streaming-url`), as API Gateway passes it in `routeKey`. */
export function routeKey(route: { readonly method: string; readonly path: string }): string {
  return `${route.method} ${route.path}`;
}

/** The environment variables that configure the handler. */
export const PortalEnv = {
  STACK_NAME: 'PORTAL_STACK_NAME',
  FLEET_NAME: 'PORTAL_FLEET_NAME',
  /** The JWT claim whose value identifies the user. */
  USER_ID_CLAIM: 'PORTAL_USER_ID_CLAIM',
  /** One of `UserIdFormats`. */
  USER_ID_FORMAT: 'PORTAL_USER_ID_FORMAT',
  /** Whole seconds. */
  DEFAULT_VALIDITY_SECONDS: 'PORTAL_DEFAULT_VALIDITY_SECONDS',
  /** Whole seconds: the longest validity a request may ask for. */
  MAX_VALIDITY_SECONDS: 'PORTAL_MAX_VALIDITY_SECONDS',
  /** A JSON array of the application ids a request may name; empty: the request may name none. */
  APPLICATION_IDS: 'PORTAL_APPLICATION_IDS',
  /** "true" when a request may pass a session context. */
  ALLOW_SESSION_CONTEXT: 'PORTAL_ALLOW_SESSION_CONTEXT',
} as const;

/** How the handler turns the claim's value into the AppStream user id (values of `PortalEnv.USER_ID_FORMAT`). */
export const UserIdFormats = {
  /** The claim's value as it is; a value AppStream refuses is a 403. */
  CLAIM_VALUE: 'CLAIM_VALUE',
  /** The first 32 hex digits of the SHA-256 of the claim's value: fits AppStream's 32 characters whatever the claim. */
  SHA256: 'SHA256',
} as const;

/**
 * `CreateStreamingURLRequest.UserId` (`StreamingUrlUserId`): 2 to 32 characters of `[\w+=,.@-]`.
 * Shorter than the 128 of `Session.UserId`: a Cognito `sub` (36 characters) does not fit.
 */
export const STREAMING_URL_USER_ID = { min: 2, max: 32, pattern: /^[\w+=,.@-]*$/ } as const;

/** `CreateStreamingURLRequest.Validity`: "between 1 and 604800 seconds. The default is 60 seconds." */
export const VALIDITY_SECONDS = { min: 1, max: 604_800, default: 60 } as const;

/**
 * `CreateStreamingURLRequest.ApplicationId` is any non-empty string in the model; it names an
 * application (`CreateApplicationRequest.Name`: the model's `Name` pattern) or `Desktop`, which the
 * same pattern admits.
 */
export const APPLICATION_ID = { min: 1, max: NAME_MAX_LENGTH, pattern: new RegExp(`^${NAME_SOURCE}$`) } as const;

/**
 * `CreateStreamingURLRequest.SessionContext` has no maximum in the model (minimum 1); it travels in
 * the streaming URL, visible to the user. The portal's own bound keeps request bodies and URLs small.
 */
export const SESSION_CONTEXT = { min: 1, max: 1_000 } as const;

/** `DescribeSessionsRequest.Limit`: "The default value is 20 and the maximum value is 50." */
export const SESSIONS_PAGE_MAX = 50;

/** The `Session.Id` of an expire request: the model's `String` (min 1); the portal bounds it. */
export const SESSION_ID = { min: 1, max: 128, pattern: /^[\w-]+$/ } as const;

/**
 * A portal request waits at most this long for AppStream, throttling retries included; API Gateway
 * gives up on an HTTP API integration after 30 s.
 */
export const HANDLER_TIMEOUT_SECONDS = 15;

/** The handler starts no AppStream attempt once less than this remains of its invocation. */
export const HANDLER_MARGIN_MS = 2_000;
