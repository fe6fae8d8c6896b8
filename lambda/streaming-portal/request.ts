/**
 * What a portal request asks for, parsed and judged without any AWS call: every problem of a request
 * is listed in one 400 answer, as the constructs list every problem of their props.
 */
import { createHash } from 'node:crypto';
import type { AuthenticationType } from '@aws-sdk/client-appstream';
import type { PortalConfig } from './config';
import {
  APPLICATION_ID,
  SESSION_CONTEXT,
  SESSION_ID,
  SESSIONS_PAGE_MAX,
  STREAMING_URL_USER_ID,
  UserIdFormats,
} from '../../src/portal/private/streaming-portal-contract';

/** A value, or the problems that keep the request from being served. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: string[] };

export interface StreamingUrlRequest {
  readonly validitySeconds: number;
  readonly applicationId?: string;
  readonly sessionContext?: string;
}

export interface ListSessionsRequest {
  readonly userId?: string;
  readonly authenticationType: AuthenticationType;
  readonly limit?: number;
  readonly nextToken?: string;
}

export interface ExpireSessionRequest {
  readonly sessionId: string;
  readonly authenticationType: AuthenticationType;
}

/** `DescribeSessionsRequest.AuthenticationType`; the API's default (and the portal's users) is API. */
const AUTHENTICATION_TYPES: readonly string[] = ['API', 'SAML', 'USERPOOL', 'AWS_AD'];
/** `Session.UserId`: 2 to 128 characters. */
const SESSION_USER_ID = { min: 2, max: 128 };

/** Collects the problems of one request. */
class Problems {
  public readonly list: string[] = [];

  public add(field: string, message: string, value: unknown): void {
    // A value is echoed only in short: it came from the caller and may be anything.
    const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value) : JSON.stringify(value);
    this.list.push(`${field}: ${message} (got ${shown})`);
  }

  public string(field: string, value: unknown, rule: { min: number; max: number; pattern?: RegExp }, patternDescription?: string): value is string {
    if (typeof value !== 'string') {
      this.add(field, 'must be a string', value);
      return false;
    }
    if (value.length < rule.min || value.length > rule.max) {
      this.add(field, `must be ${rule.min} to ${rule.max} characters long`, value);
      return false;
    }
    if (rule.pattern && !rule.pattern.test(value)) {
      this.add(field, `must match ${patternDescription ?? rule.pattern.source}`, value);
      return false;
    }
    return true;
  }

  public integer(field: string, value: unknown, min: number, max: number): value is number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.add(field, `must be an integer from ${min} to ${max}`, value);
      return false;
    }
    return true;
  }

  public result<T>(value: T): Parsed<T> {
    return this.list.length === 0 ? { ok: true, value } : { ok: false, problems: this.list };
  }
}

/** The body of `POST /streaming-url`: a JSON object, or nothing at all for every default. */
export function parseStreamingUrlRequest(body: string | undefined, config: PortalConfig): Parsed<StreamingUrlRequest> {
  const problems = new Problems();
  const input = parseJsonObject(body, problems);
  if (input === undefined) {
    return problems.result({ validitySeconds: config.defaultValiditySeconds });
  }
  const known = ['validity', 'applicationId', 'sessionContext'];
  for (const key of Object.keys(input).filter((k) => !known.includes(k))) {
    problems.add(key, `is not a field of this request (fields: ${known.join(', ')})`, input[key]);
  }
  let validitySeconds = config.defaultValiditySeconds;
  if (input.validity !== undefined && problems.integer('validity', input.validity, 1, config.maxValiditySeconds)) {
    validitySeconds = input.validity;
  }
  let applicationId: string | undefined;
  if (input.applicationId !== undefined) {
    if (config.applicationIds.length === 0) {
      problems.add('applicationId', 'this portal does not let a request choose the application', input.applicationId);
    } else if (problems.string('applicationId', input.applicationId, APPLICATION_ID, 'letters, digits, _ . and -, starting with a letter or digit')) {
      if (config.applicationIds.includes(input.applicationId)) {
        applicationId = input.applicationId;
      } else {
        problems.add('applicationId', `must be one of ${config.applicationIds.join(', ')}`, input.applicationId);
      }
    }
  }
  let sessionContext: string | undefined;
  if (input.sessionContext !== undefined) {
    if (!config.allowSessionContext) {
      problems.add('sessionContext', 'this portal does not accept a session context', '...');
    } else if (problems.string('sessionContext', input.sessionContext, SESSION_CONTEXT)) {
      sessionContext = input.sessionContext;
    }
  }
  return problems.result({ validitySeconds, applicationId, sessionContext });
}

/** The query of `GET /admin/sessions`. */
export function parseListSessionsRequest(query: Record<string, string | undefined> | undefined): Parsed<ListSessionsRequest> {
  const problems = new Problems();
  const q = query ?? {};
  const authenticationType = parseAuthenticationType(q.authenticationType, problems);
  if (q.userId !== undefined) {
    problems.string('userId', q.userId, SESSION_USER_ID);
  }
  let limit: number | undefined;
  if (q.limit !== undefined) {
    const value = /^\d+$/.test(q.limit) ? Number(q.limit) : q.limit;
    if (problems.integer('limit', value, 1, SESSIONS_PAGE_MAX)) {
      limit = value;
    }
  }
  if (q.nextToken !== undefined) {
    problems.string('nextToken', q.nextToken, { min: 1, max: 4096 });
  }
  return problems.result({ userId: q.userId, authenticationType, limit, nextToken: q.nextToken });
}

/** The path and query of `DELETE /admin/sessions/{sessionId}`. */
export function parseExpireSessionRequest(
  pathParameters: Record<string, string | undefined> | undefined,
  query: Record<string, string | undefined> | undefined,
): Parsed<ExpireSessionRequest> {
  const problems = new Problems();
  const sessionId = pathParameters?.sessionId;
  problems.string('sessionId', sessionId, SESSION_ID, 'letters, digits, _ and -');
  const authenticationType = parseAuthenticationType(query?.authenticationType, problems);
  return problems.result({ sessionId: sessionId ?? '', authenticationType });
}

function parseAuthenticationType(value: string | undefined, problems: Problems): AuthenticationType {
  if (value === undefined) {
    return 'API';
  }
  if (!AUTHENTICATION_TYPES.includes(value)) {
    problems.add('authenticationType', `must be one of ${AUTHENTICATION_TYPES.join(', ')}`, value);
  }
  return value as AuthenticationType;
}

function parseJsonObject(body: string | undefined, problems: Problems): Record<string, any> | undefined {
  if (body === undefined || body.trim() === '') {
    return undefined;
  }
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    problems.list.push('body: must be a JSON object');
    return undefined;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.list.push('body: must be a JSON object');
    return undefined;
  }
  return input as Record<string, any>;
}

/**
 * The AppStream user id of the caller, from the claim the portal names. API Gateway's JWT authorizer
 * passes every claim as a string (arrays and objects flattened); a claim that is missing, or a value
 * AppStream refuses, fails with the reason (a 403: the token, not the request, is the problem).
 */
export function userIdFromClaims(claims: Record<string, unknown> | undefined, config: PortalConfig): Parsed<string> {
  const value = claims?.[config.userIdClaim];
  if (typeof value !== 'string' && typeof value !== 'number') {
    return { ok: false, problems: [`the token has no ${config.userIdClaim} claim to identify the user`] };
  }
  const text = String(value);
  if (config.userIdFormat === UserIdFormats.SHA256) {
    // 128 bits of the hash: hex digits fit AppStream's pattern, and collisions stay out of reach.
    return { ok: true, value: createHash('sha256').update(text, 'utf8').digest('hex').slice(0, STREAMING_URL_USER_ID.max) };
  }
  const { min, max, pattern } = STREAMING_URL_USER_ID;
  if (text.length < min || text.length > max || !pattern.test(text)) {
    return {
      ok: false,
      problems: [`the ${config.userIdClaim} claim is not a valid AppStream user id (${min} to ${max} characters of letters, digits and _ + = , . @ -)`],
    };
  }
  return { ok: true, value: text };
}
