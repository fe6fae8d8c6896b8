/**
 * The StreamingPortal handler through real HTTP requests: the local HTTP API verifies each token as
 * API Gateway's JWT authorizer does and hands the claims to the real handler, whose AppStream calls
 * go to the fake endpoint (which rejects beyond its rate, as AWS does).
 */
import { createHash } from 'node:crypto';
import { handler } from '../lambda/streaming-portal';
import { TestIssuer } from './util/local-http-api';
import { ADMIN_SCOPE, LocalPortal, LocalPortalOptions, PORTAL_AUDIENCE, PORTAL_FLEET, PORTAL_STACK, startLocalPortal } from './util/local-portal';
import { readConfig } from '../lambda/streaming-portal/config';

jest.setTimeout(30_000);

const issuer = new TestIssuer();
let portal: LocalPortal;
let logged: string[];

async function start(options: LocalPortalOptions = {}): Promise<void> {
  await portal?.stop();
  portal = await startLocalPortal(options, issuer);
}

beforeEach(async () => {
  logged = [];
  for (const method of ['log', 'error', 'warn', 'info'] as const) {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    });
  }
  await start();
});

afterEach(async () => {
  jest.restoreAllMocks();
  await portal.stop();
});

function userToken(claims: Record<string, unknown> = {}): string {
  return issuer.token({ sub: 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff', aud: PORTAL_AUDIENCE, ...claims });
}

function adminToken(claims: Record<string, unknown> = {}): string {
  // A Cognito access token: no aud, the client in client_id, scopes in scope.
  return issuer.token({ sub: 'admin-1', client_id: PORTAL_AUDIENCE, scope: `openid ${ADMIN_SCOPE}`, ...claims });
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

async function call(method: string, path: string, token: string | undefined, body?: unknown): Promise<Answer> {
  const response = await fetch(`${portal.url}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

const streamingUrl = (token: string | undefined, body?: unknown) => call('POST', '/streaming-url', token, body);
const sha256UserId = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

describe('POST /streaming-url with a valid token', () => {
  test('answers a streaming URL for the caller, the user id hashed from the sub claim', async () => {
    const before = Date.now();
    const answer = await streamingUrl(userToken());

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const userId = sha256UserId('a1b2c3d4-e5f6-4711-8899-aabbccddeeff');
    expect(answer.body).toEqual({ streamingUrl: portal.sessions.issued[0].StreamingURL, expires: expect.any(String), userId });
    const expires = Date.parse(answer.body.expires);
    expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 59_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 61_000);
    expect(portal.fake.calls.map((c) => c.input)).toEqual([{ StackName: PORTAL_STACK, FleetName: PORTAL_FLEET, UserId: userId, Validity: 60 }]);
  });

  test('the same user always gets the same id; another user another', async () => {
    const first = await streamingUrl(userToken());
    const again = await streamingUrl(userToken());
    const other = await streamingUrl(userToken({ sub: 'someone-else' }));
    expect(again.body.userId).toBe(first.body.userId);
    expect(other.body.userId).toBe(sha256UserId('someone-else'));
  });

  test('takes the validity from the request, up to the maximum', async () => {
    const answer = await streamingUrl(userToken(), { validity: 3600 });
    expect(answer.status).toBe(200);
    expect(portal.fake.calls[0].input.Validity).toBe(3600);
  });

  test('takes an allowed application id and a session context where the portal allows them', async () => {
    await start({ env: { APPLICATION_IDS: '["Excel","Desktop"]', ALLOW_SESSION_CONTEXT: 'true' }, applications: ['Excel'] });
    const answer = await streamingUrl(userToken(), { applicationId: 'Excel', sessionContext: 'project=42' });
    expect(answer.status).toBe(200);
    expect(portal.fake.calls[0].input).toMatchObject({ ApplicationId: 'Excel', SessionContext: 'project=42' });
  });

  test('an empty body takes every default', async () => {
    const answer = await streamingUrl(userToken(), '');
    expect(answer.status).toBe(200);
    expect(portal.fake.calls[0].input.Validity).toBe(60);
  });

  test('the user id is the claim value itself with CLAIM_VALUE, from the claim the portal names', async () => {
    await start({ env: { USER_ID_FORMAT: 'CLAIM_VALUE', USER_ID_CLAIM: 'preferred_username' } });
    const answer = await streamingUrl(userToken({ preferred_username: 'alice@example.com' }));
    expect(answer.status).toBe(200);
    expect(answer.body.userId).toBe('alice@example.com');
    expect(portal.fake.calls[0].input.UserId).toBe('alice@example.com');
  });

  test('a Cognito access token (client_id, no aud) with the required user scope', async () => {
    await start({ userScopes: ['portal/stream'] });
    const answer = await streamingUrl(issuer.token({ sub: 'u-1', client_id: PORTAL_AUDIENCE, scope: 'portal/stream' }));
    expect(answer.status).toBe(200);
  });
});

describe('POST /streaming-url refused by the authorizer (the handler never runs)', () => {
  const otherIssuer = new TestIssuer('https://issuer.example.com');
  test.each([
    ['no token', undefined, 'no token'],
    ['an expired token', () => userToken({ exp: Math.floor(Date.now() / 1000) - 10 }), 'expired'],
    ['a token not valid yet', () => userToken({ nbf: Math.floor(Date.now() / 1000) + 600 }), 'not yet valid'],
    ['a malformed token', () => 'not-a-jwt', 'not a JWT'],
    ['a token whose parts are not JSON', () => 'abc.def.ghi', 'not a JWT'],
    ['a token signed by another key', () => otherIssuer.token({ sub: 'x', aud: PORTAL_AUDIENCE }), 'bad signature'],
    ['a token with a changed payload', () => {
      const [header, , signature] = userToken().split('.');
      return `${header}.${Buffer.from(JSON.stringify({ iss: issuer.issuer, sub: 'admin', aud: PORTAL_AUDIENCE, exp: 4e9 })).toString('base64url')}.${signature}`;
    }, 'bad signature'],
    ['an unsigned token (alg none)', () => {
      const [, payload] = userToken().split('.');
      return `${Buffer.from(JSON.stringify({ alg: 'none', kid: issuer.kid })).toString('base64url')}.${payload}.`;
    }, 'unknown algorithm or key'],
    ['a token of another issuer', () => userToken({ iss: 'https://evil.example.com' }), 'wrong issuer'],
    ['a token for another audience', () => userToken({ aud: 'another-client' }), 'wrong audience'],
  ])('%s: 401', async (_name, token, reason) => {
    const answer = await streamingUrl(typeof token === 'function' ? token() : token);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ message: 'Unauthorized' });
    expect(portal.api.rejections).toEqual([{ status: 401, reason }]);
    expect(portal.fake.calls).toHaveLength(0);
  });

  test('a token without the user scope the route needs: 403', async () => {
    await start({ userScopes: ['portal/stream'] });
    const answer = await streamingUrl(userToken({ scope: 'openid profile' }));
    expect(answer.status).toBe(403);
    expect(portal.fake.calls).toHaveLength(0);
  });
});

describe('POST /streaming-url with a token the portal cannot map to a user: 403', () => {
  test('the claim is missing', async () => {
    await start({ env: { USER_ID_CLAIM: 'email' } });
    const answer = await streamingUrl(userToken());
    expect(answer.status).toBe(403);
    expect(answer.body.errors).toEqual(['the token has no email claim to identify the user']);
    expect(portal.fake.calls).toHaveLength(0);
  });

  test.each([
    ['a 36-character Cognito sub', 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff'],
    ['one character', 'a'],
    ['characters AppStream refuses', 'alice smith'],
  ])('CLAIM_VALUE and %s', async (_name, sub) => {
    await start({ env: { USER_ID_FORMAT: 'CLAIM_VALUE' } });
    const answer = await streamingUrl(userToken({ sub }));
    expect(answer.status).toBe(403);
    expect(answer.body.errors[0]).toMatch(/the sub claim is not a valid AppStream user id \(2 to 32 characters/);
    expect(portal.fake.calls).toHaveLength(0);
  });
});

describe('POST /streaming-url with bad input: 400 listing every problem', () => {
  test.each([
    ['validity above the maximum', { validity: 3601 }, 'validity: must be an integer from 1 to 3600 (got 3601)'],
    ['validity 0', { validity: 0 }, 'validity: must be an integer from 1 to 3600 (got 0)'],
    ['validity not whole', { validity: 1.5 }, 'validity: must be an integer from 1 to 3600 (got 1.5)'],
    ['validity as a string', { validity: '60' }, 'validity: must be an integer from 1 to 3600 (got "60")'],
    ['an application id the portal does not allow', { applicationId: 'Excel' }, 'applicationId: this portal does not let a request choose the application (got "Excel")'],
    ['a session context the portal does not allow', { sessionContext: 'x' }, 'sessionContext: this portal does not accept a session context (got "...")'],
    ['an unknown field', { userId: 'admin' }, 'userId: is not a field of this request (fields: validity, applicationId, sessionContext) (got "admin")'],
    ['malformed JSON', '{"validity":', 'body: must be a JSON object'],
    ['a JSON array', '[1]', 'body: must be a JSON object'],
  ])('%s', async (_name, body, problem) => {
    const answer = await streamingUrl(userToken(), body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ message: 'Invalid request', errors: [problem] });
    expect(portal.fake.calls).toHaveLength(0);
  });

  test('application ids and session contexts the portal allows are still judged', async () => {
    await start({ env: { APPLICATION_IDS: '["Excel"]', ALLOW_SESSION_CONTEXT: 'true' } });
    const answer = await streamingUrl(userToken(), { applicationId: 'Word', sessionContext: 'x'.repeat(1001), validity: -1 });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      'validity: must be an integer from 1 to 3600 (got -1)',
      'applicationId: must be one of Excel (got "Word")',
      `sessionContext: must be 1 to 1000 characters long (got "${'x'.repeat(37)}...")`,
    ]);
    const badPattern = await streamingUrl(userToken(), { applicationId: '-bad name', sessionContext: '' });
    expect(badPattern.body.errors).toEqual([
      'applicationId: must match letters, digits, _ . and -, starting with a letter or digit (got "-bad name")',
      'sessionContext: must be 1 to 1000 characters long (got "")',
    ]);
  });
});

describe('POST /streaming-url when AppStream refuses or throttles', () => {
  test('throttling retried within the invocation: the caller gets the URL', async () => {
    portal.fake.injectFault('CreateStreamingURL', 'ThrottlingException', 2);
    const answer = await streamingUrl(userToken());
    expect(answer.status).toBe(200);
    expect(portal.fake.count('CreateStreamingURL')).toBe(3);
  });

  test('beyond the rate AppStream admits until the invocation ends: 429 with Retry-After, nothing queued', async () => {
    // 2.6 s of budget minus the 2 s margin: each request may try for about 0.6 s.
    await start({ invocationTimeoutMs: 2_600 });
    portal.fake.setRateLimit({ requestsPerSecond: 1, burst: 1, rejectWith: 'RequestLimitExceededException' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => streamingUrl(userToken())));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(2);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
    const throttled = answers.find((a) => a.status === 429)!;
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect(throttled.body).toEqual({ message: 'Too many requests: try again shortly' });
    expect(portal.fake.count('CreateStreamingURL', 'throttled')).toBeGreaterThan(0);
  });

  test('AppStream failing until the invocation ends: 503', async () => {
    await start({ invocationTimeoutMs: 2_300 });
    portal.fake.injectFault('CreateStreamingURL', 'http500', 1000);
    const answer = await streamingUrl(userToken());
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('1');
  });

  test.each([
    ['the fleet is not running', 503, (p: LocalPortal) => p.sessions.fleets.get(PORTAL_FLEET)!.running = false],
    ['the stack does not exist', 502, (p: LocalPortal) => p.sessions.stacks.delete(PORTAL_STACK)],
    ['the fleet is not the stack\'s', 400, (p: LocalPortal) => p.sessions.stacks.set(PORTAL_STACK, 'other-fleet')],
  ])('%s: %d', async (_name, status, change) => {
    change(portal);
    const answer = await streamingUrl(userToken());
    expect(answer.status).toBe(status);
    expect(Object.keys(answer.body)).toEqual(['message']);
  });

  test('an unexpected AppStream error: 500 with the request id, logged without secrets', async () => {
    portal.fake.injectFault('CreateStreamingURL', { kind: 'error', type: 'AccessDeniedException', status: 400 });
    const answer = await streamingUrl(userToken());
    expect(answer.status).toBe(500);
    expect(answer.body).toEqual({ message: 'Internal error', requestId: expect.any(String) });
    expect(logged.some((line) => line.includes('AccessDeniedException'))).toBe(true);
  });
});

describe('nothing secret in the logs', () => {
  test('one line per request: route, status, time; no token, claim, URL or session context', async () => {
    await start({ env: { ALLOW_SESSION_CONTEXT: 'true' } });
    logged = [];
    const token = userToken({ email: 'alice@example.com' });
    const ok = await streamingUrl(token, { sessionContext: 'secret-context' });
    await streamingUrl(token, { validity: 'nope', sessionContext: 'secret-context' });

    expect(ok.status).toBe(200);
    expect(logged).toHaveLength(2);
    expect(JSON.parse(logged[0])).toEqual({ route: 'POST /streaming-url', status: 200, ms: expect.any(Number), requestId: expect.any(String) });
    const all = logged.join('\n');
    for (const secret of [token, token.split('.')[2], ok.body.streamingUrl, 'fake-signature', 'secret-context', 'alice@example.com',
      'a1b2c3d4-e5f6-4711-8899-aabbccddeeff', ok.body.userId]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('admin routes', () => {
  const listSessions = (token: string | undefined, query = '') => call('GET', `/admin/sessions${query}`, token);
  const expire = (token: string | undefined, id: string) => call('DELETE', `/admin/sessions/${encodeURIComponent(id)}`, token);

  test('list the API sessions of the stack and fleet', async () => {
    const id = portal.sessions.startSession(PORTAL_STACK, PORTAL_FLEET, 'user-1');
    portal.sessions.startSession('other-stack', 'other-fleet', 'user-2');
    portal.sessions.startSession(PORTAL_STACK, PORTAL_FLEET, 'saml-user', 'SAML');

    const answer = await listSessions(adminToken());
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      sessions: [{
        id, userId: 'user-1', state: 'ACTIVE', connectionState: 'CONNECTED', authenticationType: 'API', startTime: expect.any(String),
      }],
    });
    expect(portal.fake.calls[0].input).toEqual({ StackName: PORTAL_STACK, FleetName: PORTAL_FLEET, AuthenticationType: 'API' });
  });

  test('filters by user and authentication type, pages with limit and nextToken', async () => {
    for (let i = 0; i < 3; i++) {
      portal.sessions.startSession(PORTAL_STACK, PORTAL_FLEET, 'saml-user', 'SAML');
    }
    const first = await listSessions(adminToken(), '?authenticationType=SAML&userId=saml-user&limit=2');
    expect(first.body.sessions).toHaveLength(2);
    expect(first.body.nextToken).toEqual(expect.any(String));
    const second = await listSessions(adminToken(), `?authenticationType=SAML&userId=saml-user&limit=2&nextToken=${encodeURIComponent(first.body.nextToken)}`);
    expect(second.body.sessions).toHaveLength(1);
    expect(second.body.nextToken).toBeUndefined();
    expect(portal.fake.calls[0].input).toEqual({
      StackName: PORTAL_STACK, FleetName: PORTAL_FLEET, AuthenticationType: 'SAML', UserId: 'saml-user', Limit: 2,
    });
  });

  test('bad query: 400 listing every problem', async () => {
    const answer = await listSessions(adminToken(), '?authenticationType=LDAP&limit=51&userId=x');
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      'authenticationType: must be one of API, SAML, USERPOOL, AWS_AD (got "LDAP")',
      'userId: must be 2 to 128 characters long (got "x")',
      'limit: must be an integer from 1 to 50 (got 51)',
    ]);
    expect(portal.fake.calls).toHaveLength(0);
  });

  test('expire a session of the stack and fleet: 204, found through DescribeSessions pages', async () => {
    for (let i = 0; i < 60; i++) {
      portal.sessions.startSession(PORTAL_STACK, PORTAL_FLEET, `user-${i}`);
    }
    const id = portal.sessions.startSession(PORTAL_STACK, PORTAL_FLEET, 'leaving-user');
    const answer = await expire(adminToken(), id);
    expect(answer.status).toBe(204);
    expect(portal.sessions.isActive(id)).toBe(false);
    expect(portal.fake.calls.map((c) => c.operation)).toEqual(['DescribeSessions', 'DescribeSessions', 'ExpireSession']);
    expect(portal.fake.calls[1].input).toMatchObject({ Limit: 50, NextToken: expect.any(String) });
  });

  test('expiring twice while reads lag: both 204 (the second finds the session still listed), the session ends once', async () => {
    portal.sessions.setReadLag(60_000);
    const id = portal.sessions.startSession(PORTAL_STACK, PORTAL_FLEET, 'user-1');
    expect((await expire(adminToken(), id)).status).toBe(204);
    expect((await listSessions(adminToken())).body.sessions.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await expire(adminToken(), id)).status).toBe(204);
    expect(portal.sessions.isActive(id)).toBe(false);
  });

  test('a session of another stack, or none at all: 404, nothing expired', async () => {
    const elsewhere = portal.sessions.startSession('other-stack', 'other-fleet', 'user-1');
    for (const id of [elsewhere, 'no-such-session']) {
      const answer = await expire(adminToken(), id);
      expect(answer.status).toBe(404);
    }
    expect(portal.sessions.isActive(elsewhere)).toBe(true);
    expect(portal.fake.count('ExpireSession')).toBe(0);
  });

  test('a malformed session id or authentication type: 400', async () => {
    const answer = await call('DELETE', `/admin/sessions/${encodeURIComponent('bad id!')}?authenticationType=nope`, adminToken());
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      'sessionId: must match letters, digits, _ and - (got "bad id!")',
      'authenticationType: must be one of API, SAML, USERPOOL, AWS_AD (got "nope")',
    ]);
  });

  test.each([
    ['a user token (no admin scope)', () => userToken()],
    ['an access token with other scopes', () => adminToken({ scope: 'openid portal/stream' })],
  ])('%s: 403 on every admin route', async (_name, token) => {
    const id = portal.sessions.startSession(PORTAL_STACK, PORTAL_FLEET, 'user-1');
    expect((await listSessions(token())).status).toBe(403);
    expect((await expire(token(), id)).status).toBe(403);
    expect(portal.api.rejections).toEqual([{ status: 403, reason: 'missing scope' }, { status: 403, reason: 'missing scope' }]);
    expect(portal.fake.calls).toHaveLength(0);
  });

  test('no token: 401', async () => {
    expect((await listSessions(undefined)).status).toBe(401);
  });
});

test('a route the handler does not know: 404 (API Gateway routes only known ones; the handler still refuses)', async () => {
  const answer = await handler({ routeKey: 'GET /nope', requestContext: { requestId: 'r-1' } } as any);
  expect(answer.statusCode).toBe(404);
});

describe('the configuration the construct sets', () => {
  const valid = {
    PORTAL_STACK_NAME: 's',
    PORTAL_FLEET_NAME: 'f',
    PORTAL_USER_ID_CLAIM: 'sub',
    PORTAL_USER_ID_FORMAT: 'SHA256',
    PORTAL_DEFAULT_VALIDITY_SECONDS: '60',
    PORTAL_MAX_VALIDITY_SECONDS: '60',
  };
  test('is read once and whole', () => {
    expect(readConfig(valid)).toEqual({
      stackName: 's',
      fleetName: 'f',
      userIdClaim: 'sub',
      userIdFormat: 'SHA256',
      defaultValiditySeconds: 60,
      maxValiditySeconds: 60,
      applicationIds: [],
      allowSessionContext: false,
    });
  });
  test.each([
    ['a missing variable', { PORTAL_STACK_NAME: '' }, /lacks PORTAL_STACK_NAME/],
    ['a validity that is no whole number', { PORTAL_MAX_VALIDITY_SECONDS: '1.5' }, /PORTAL_MAX_VALIDITY_SECONDS is not a whole number of seconds/],
    ['an unknown user id format', { PORTAL_USER_ID_FORMAT: 'MD5' }, /PORTAL_USER_ID_FORMAT is not one of CLAIM_VALUE, SHA256/],
    ['application ids that are no list of strings', { PORTAL_APPLICATION_IDS: '[1]' }, /PORTAL_APPLICATION_IDS is not a JSON array of strings/],
  ])('fails loudly on %s', (_name, change, message) => {
    expect(() => readConfig({ ...valid, ...change })).toThrow(message);
  });
});
