/**
 * A StreamingPortal run locally, end to end: the real handler (`lambda/streaming-portal/`) behind
 * the local HTTP API and JWT authorizer, its AppStream calls going to the fake endpoint. Used by the
 * handler's HTTP tests and by `benchmarks/streaming-portal.ts`.
 */
import { LocalHttpApi, PortalHandler, TestIssuer } from './local-http-api';
import { handler, resetConfig } from '../../lambda/streaming-portal';
import { PortalEnv, PortalRoutes, UserIdFormats } from '../../src/portal/private/streaming-portal-contract';
import { FakeAppStream, useFakeEndpoint } from '../fake-appstream/server';
import { registerSessionOperations, SessionState } from '../fake-appstream/sessions';

export const PORTAL_STACK = 'portal-stack';
export const PORTAL_FLEET = 'portal-fleet';
export const PORTAL_AUDIENCE = 'portal-client';
export const ADMIN_SCOPE = 'portal/admin';

export interface LocalPortalOptions {
  /** Environment of the handler over the defaults (PortalEnv names → values). */
  readonly env?: Partial<Record<keyof typeof PortalEnv, string>>;
  /** Scopes the streaming-URL route needs. @default - none */
  readonly userScopes?: string[];
  /** The handler's invocation budget (ms). @default 15000 */
  readonly invocationTimeoutMs?: number;
  /** Applications the fake fleet offers. */
  readonly applications?: string[];
  /** The handler to serve. @default - the handler's source (`lambda/streaming-portal`) */
  readonly handler?: PortalHandler;
}

export interface LocalPortal {
  /** Base URL of the local HTTP API (no trailing slash). */
  readonly url: string;
  readonly fake: FakeAppStream;
  readonly sessions: SessionState;
  readonly issuer: TestIssuer;
  readonly api: LocalHttpApi;
  stop(): Promise<void>;
}

/** Starts the fake endpoint and the local HTTP API in front of the portal handler. */
export async function startLocalPortal(options: LocalPortalOptions = {}, issuer: TestIssuer = new TestIssuer()): Promise<LocalPortal> {
  const fake = new FakeAppStream();
  const sessions = registerSessionOperations(fake);
  sessions.addStackAndFleet(PORTAL_STACK, PORTAL_FLEET, options.applications ?? []);
  const endpoint = await fake.start();
  useFakeEndpoint(endpoint);

  const env: Record<keyof typeof PortalEnv, string> = {
    STACK_NAME: PORTAL_STACK,
    FLEET_NAME: PORTAL_FLEET,
    USER_ID_CLAIM: 'sub',
    USER_ID_FORMAT: UserIdFormats.SHA256,
    DEFAULT_VALIDITY_SECONDS: '60',
    MAX_VALIDITY_SECONDS: '3600',
    APPLICATION_IDS: '[]',
    ALLOW_SESSION_CONTEXT: 'false',
    ...options.env,
  };
  for (const [key, name] of Object.entries(PortalEnv) as Array<[keyof typeof PortalEnv, string]>) {
    process.env[name] = env[key];
  }
  resetConfig();

  const api = new LocalHttpApi({
    issuer: issuer.issuer,
    audience: [PORTAL_AUDIENCE],
    jwks: issuer.jwks,
    routes: [
      { ...PortalRoutes.STREAMING_URL, scopes: options.userScopes },
      { ...PortalRoutes.LIST_SESSIONS, scopes: [ADMIN_SCOPE] },
      { ...PortalRoutes.EXPIRE_SESSION, scopes: [ADMIN_SCOPE] },
    ],
    handler: options.handler ?? handler,
    invocationTimeoutMs: options.invocationTimeoutMs,
  });
  const url = await api.start();
  return {
    url,
    fake,
    sessions,
    issuer,
    api,
    stop: async () => {
      await api.stop();
      await fake.stop();
    },
  };
}
