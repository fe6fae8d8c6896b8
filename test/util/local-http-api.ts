/**
 * A local stand-in for an API Gateway HTTP API with a JWT authorizer and a Lambda integration
 * (payload format 2.0), so that a portal handler is tested through a real HTTP request.
 *
 * The authorizer does what API Gateway documents for JWT authorizers:
 * - the token comes from the `Authorization` header, with or without `Bearer `; none: 401;
 * - it must be a JWS signed RS256 by a key of the issuer's JWKS (by `kid`); else 401;
 * - `iss` must be the issuer; `aud` must hold one of the audiences, or, without `aud`, `client_id`
 *   must be one (Cognito access tokens); `exp` must be in the future, `nbf` and `iat` not in it; else 401;
 * - a route with authorization scopes needs a token whose `scope` (space separated) or `scp` holds
 *   one of them; else 403;
 * - the handler gets the claims in `requestContext.authorizer.jwt.claims`, each as a string (arrays
 *   as `[a b]`), and the token's scopes in `requestContext.authorizer.jwt.scopes`.
 *
 * `TestIssuer` makes the key pair, its JWKS and signed tokens with node:crypto.
 */
import { createPublicKey, generateKeyPairSync, JsonWebKey, KeyObject, randomUUID, sign, verify } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/** One route: its method, its path (with `{name}` parameters) and the scopes it needs. */
export interface LocalRoute {
  readonly method: string;
  readonly path: string;
  /** One of these must be in the token's scopes. @default - any valid token */
  readonly scopes?: readonly string[];
}

/** A JSON Web Key Set with public RSA keys. */
export interface Jwks {
  readonly keys: ReadonlyArray<JsonWebKey & { kid: string }>;
}

export type PortalHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface LocalHttpApiOptions {
  readonly issuer: string;
  readonly audience: readonly string[];
  readonly jwks: Jwks;
  readonly routes: readonly LocalRoute[];
  readonly handler: PortalHandler;
  /** The Lambda invocation's time budget, as `context.getRemainingTimeInMillis()` counts it down. @default 15000 */
  readonly invocationTimeoutMs?: number;
}

/** Signs tokens for tests, as an OpenID Connect issuer would. */
export class TestIssuer {
  public readonly kid = 'test-key-1';
  private readonly privateKey: KeyObject;
  public readonly jwks: Jwks;

  constructor(public readonly issuer = 'https://issuer.example.com', modulusLength = 2048) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
    this.privateKey = privateKey;
    this.jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: this.kid, alg: 'RS256', use: 'sig' }] };
  }

  /**
   * A signed token with the standard claims (iss, iat, exp one hour ahead) and `claims` over them.
   * `header` overrides the JOSE header (alg, kid).
   */
  public token(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const fullHeader = { alg: 'RS256', typ: 'JWT', kid: this.kid, ...header };
    const payload = { iss: this.issuer, iat: now, exp: now + 3600, ...claims };
    const signingInput = `${base64url(JSON.stringify(fullHeader))}.${base64url(JSON.stringify(payload))}`;
    const signature = sign('RSA-SHA256', Buffer.from(signingInput), this.privateKey);
    return `${signingInput}.${signature.toString('base64url')}`;
  }
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** Why a token was refused (tests read it from `rejections`), and the status API Gateway answers. */
export interface Rejection {
  readonly status: 401 | 403;
  readonly reason: string;
}

export class LocalHttpApi {
  /** Why each refused request was refused, in order. */
  public readonly rejections: Rejection[] = [];
  private server?: http.Server;
  private readonly keys: Map<string, KeyObject>;

  constructor(private readonly options: LocalHttpApiOptions) {
    this.keys = new Map(options.jwks.keys.map((jwk) => [jwk.kid, createPublicKey({ key: jwk, format: 'jwk' })]));
  }

  /** Starts listening on 127.0.0.1 on a random port; returns the base URL (no trailing slash). */
  public async start(): Promise<string> {
    const server = http.createServer((req, res) => {
      void this.handle(req, res);
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  public async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const match = this.route(method, url.pathname);
    if (!match) {
      return send(res, 404, { message: 'Not Found' });
    }
    const auth = this.authorize(req.headers.authorization, match.route);
    if ('status' in auth) {
      this.rejections.push(auth);
      return send(res, auth.status, { message: auth.status === 401 ? 'Unauthorized' : 'Forbidden' },
        auth.status === 401 ? { 'www-authenticate': `Bearer error="invalid_token" error_description="${auth.reason}"` } : {});
    }
    const event = this.event(req, url, match, auth, Buffer.concat(chunks).toString('utf8'));
    const deadline = Date.now() + (this.options.invocationTimeoutMs ?? 15_000);
    const context = {
      awsRequestId: event.requestContext.requestId,
      functionName: 'local-portal',
      getRemainingTimeInMillis: () => deadline - Date.now(),
    } as unknown as Context;
    let result: APIGatewayProxyStructuredResultV2;
    try {
      result = await this.options.handler(event, context);
    } catch {
      return send(res, 500, { message: 'Internal Server Error' });
    }
    res.writeHead(result.statusCode ?? 200, { 'content-type': 'application/json', ...stringHeaders(result.headers) });
    res.end(result.body ?? '');
  }

  private route(method: string, pathname: string): { route: LocalRoute; pathParameters: Record<string, string> } | undefined {
    for (const route of this.options.routes) {
      if (route.method !== method) {
        continue;
      }
      const names: string[] = [];
      const pattern = new RegExp(`^${route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      })}$`);
      const found = pattern.exec(pathname);
      if (found) {
        return { route, pathParameters: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1])])) };
      }
    }
    return undefined;
  }

  /** The JWT authorizer: the token's claims and scopes, or why it is refused. */
  private authorize(header: string | undefined, route: LocalRoute): { claims: Record<string, unknown>; scopes: string[] } | Rejection {
    const unauthorized = (reason: string): Rejection => ({ status: 401, reason });
    if (!header) {
      return unauthorized('no token');
    }
    const token = header.replace(/^Bearer\s+/i, '');
    const parts = token.split('.');
    if (parts.length !== 3) {
      return unauthorized('not a JWT');
    }
    let jose: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      jose = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return unauthorized('not a JWT');
    }
    const key = this.keys.get(String(jose.kid));
    if (jose.alg !== 'RS256' || !key) {
      return unauthorized('unknown algorithm or key');
    }
    if (!verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2], 'base64url'))) {
      return unauthorized('bad signature');
    }
    const now = Date.now() / 1000;
    if (claims.iss !== this.options.issuer) {
      return unauthorized('wrong issuer');
    }
    const audiences = claims.aud === undefined ? [claims.client_id] : [claims.aud].flat();
    if (!audiences.some((a) => this.options.audience.includes(String(a)))) {
      return unauthorized('wrong audience');
    }
    if (typeof claims.exp !== 'number' || claims.exp <= now) {
      return unauthorized('expired');
    }
    if ((typeof claims.nbf === 'number' && claims.nbf > now) || (typeof claims.iat === 'number' && claims.iat > now + 1)) {
      return unauthorized('not yet valid');
    }
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean)
      : Array.isArray(claims.scp) ? claims.scp.map(String) : typeof claims.scp === 'string' ? claims.scp.split(' ') : [];
    if (route.scopes && !route.scopes.some((s) => scopes.includes(s))) {
      return { status: 403, reason: 'missing scope' };
    }
    return { claims, scopes };
  }

  private event(
    req: http.IncomingMessage,
    url: URL,
    match: { route: LocalRoute; pathParameters: Record<string, string> },
    auth: { claims: Record<string, unknown>; scopes: string[] },
    body: string,
  ): APIGatewayProxyEventV2WithJWTAuthorizer {
    const routeKey = `${match.route.method} ${match.route.path}`;
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) {
      query[name] = name in query ? `${query[name]},${value}` : value;
    }
    const now = new Date();
    return {
      version: '2.0',
      routeKey,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers: stringHeaders(req.headers as Record<string, string | string[]>) as Record<string, string>,
      queryStringParameters: Object.keys(query).length > 0 ? query : undefined,
      pathParameters: Object.keys(match.pathParameters).length > 0 ? match.pathParameters : undefined,
      requestContext: {
        accountId: '123456789012',
        apiId: 'local',
        authorizer: {
          principalId: '',
          integrationLatency: 0,
          jwt: { claims: flattenClaims(auth.claims), scopes: auth.scopes.length > 0 ? auth.scopes : null as unknown as string[] },
        },
        domainName: 'local',
        domainPrefix: 'local',
        http: { method: req.method ?? 'GET', path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: String(req.headers['user-agent'] ?? '') },
        requestId: randomUUID(),
        routeKey,
        stage: '$default',
        time: now.toISOString(),
        timeEpoch: now.getTime(),
      },
      body: body === '' ? undefined : body,
      isBase64Encoded: false,
    };
  }
}

/** Claims as API Gateway hands them over: every value a string, arrays as `[a b]`. */
function flattenClaims(claims: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([name, value]) => [
    name,
    typeof value === 'string' ? value : Array.isArray(value) ? `[${value.join(' ')}]` : typeof value === 'object' ? JSON.stringify(value) : String(value),
  ]));
}

function stringHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : String(v)]));
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
