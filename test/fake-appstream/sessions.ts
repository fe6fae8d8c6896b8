/**
 * Streaming-URL and session operations of the fake AppStream endpoint on an in-memory state:
 * CreateStreamingURL, DescribeSessions and ExpireSession.
 *
 * Behaviour modelled on the API reference (appstream 2016-12-01):
 * - CreateStreamingURL needs StackName, FleetName and UserId; UserId is 2 to 32 characters of
 *   `[\w+=,.@-]` and Validity 1 to 604800 seconds (default 60), else ValidationException; a stack that
 *   does not exist is a ResourceNotFoundException, a fleet that is not the stack's an
 *   InvalidParameterCombinationException (assumed), a fleet that is not RUNNING a
 *   ResourceNotAvailableException, an ApplicationId the fleet does not offer (other than Desktop) a
 *   ResourceNotFoundException (assumed). It answers a URL and `Expires` in epoch seconds; no session
 *   exists until the user opens the URL (`startSession` plays that part);
 * - DescribeSessions needs StackName and FleetName (ValidationException), UserId only with
 *   AuthenticationType (InvalidParameterCombinationException), Limit at most 50 (ValidationException;
 *   default 20), answers the sessions of that AuthenticationType (default API) and pages with
 *   NextToken (a token that is not ours: InvalidParameterCombinationException, assumed);
 * - ExpireSession ends a session; an unknown id succeeds (the reference lists no error). Reads lag:
 *   with `setReadLag(ms)`, an expired session still shows as ACTIVE for `ms` milliseconds.
 */
import { FakeAppStream, FakeServiceError } from './server';

/** One streaming session of the fake. */
export interface FakeSession {
  readonly Id: string;
  readonly UserId: string;
  readonly StackName: string;
  readonly FleetName: string;
  readonly AuthenticationType: string;
  readonly StartTime: number;
  /** When ExpireSession ended it (`Date.now()` time). */
  expiredAt?: number;
}

/** One streaming URL the fake issued, with the request that asked for it. */
export interface IssuedUrl {
  readonly StackName: string;
  readonly FleetName: string;
  readonly UserId: string;
  readonly Validity: number;
  readonly ApplicationId?: string;
  readonly SessionContext?: string;
  readonly StreamingURL: string;
}

const USER_ID = /^[\w+=,.@-]{2,32}$/;
const VALIDITY = { min: 1, max: 604_800, default: 60 };
const PAGE = { default: 20, max: 50 };
const NEXT_TOKEN_PREFIX = 'fake-sessions-';

/** Stacks, their fleets, and the sessions on them. */
export class SessionState {
  /** stack name → the fleet associated with it (undefined: none). */
  public readonly stacks = new Map<string, string | undefined>();
  /** fleet name → whether it is RUNNING, and the applications it offers. */
  public readonly fleets = new Map<string, { running: boolean; applications: Set<string> }>();
  public readonly sessions: FakeSession[] = [];
  public readonly issued: IssuedUrl[] = [];
  private readLagMs = 0;
  private sessionCounter = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** A stack and its RUNNING fleet offering `applications`. */
  public addStackAndFleet(stackName: string, fleetName: string, applications: string[] = []): this {
    this.stacks.set(stackName, fleetName);
    this.fleets.set(fleetName, { running: true, applications: new Set(applications) });
    return this;
  }

  /** Makes DescribeSessions answer an expired session as ACTIVE for `ms` milliseconds. */
  public setReadLag(ms: number): void {
    this.readLagMs = ms;
  }

  /** A session starts: what opening a streaming URL does. Returns its id. */
  public startSession(stackName: string, fleetName: string, userId: string, authenticationType = 'API'): string {
    this.sessionCounter++;
    const id = `00000000-0000-4000-8000-${String(this.sessionCounter).padStart(12, '0')}`;
    this.sessions.push({
      Id: id,
      UserId: userId,
      StackName: stackName,
      FleetName: fleetName,
      AuthenticationType: authenticationType,
      StartTime: this.now(),
    });
    return id;
  }

  /** Ends a session (unknown or already ended: nothing happens). */
  public expire(id: string): void {
    const session = this.sessions.find((s) => s.Id === id && s.expiredAt === undefined);
    if (session) {
      session.expiredAt = this.now();
    }
  }

  /** Whether the session is still running (the truth, without read lag). */
  public isActive(id: string): boolean {
    return this.sessions.some((s) => s.Id === id && s.expiredAt === undefined);
  }

  /** The sessions DescribeSessions shows now: expired ones only while reads still lag. */
  public visibleSessions(): FakeSession[] {
    const now = this.now();
    return this.sessions.filter((s) => s.expiredAt === undefined || now - s.expiredAt < this.readLagMs);
  }
}

function required(input: Record<string, unknown>, ...names: string[]): void {
  const missing = names.filter((n) => typeof input[n] !== 'string' || input[n] === '');
  if (missing.length > 0) {
    throw new FakeServiceError('ValidationException', `1 validation error detected: ${missing.join(', ')} must not be null`);
  }
}

/** Registers CreateStreamingURL, DescribeSessions and ExpireSession on `fake`; returns the state they act on. */
export function registerSessionOperations(fake: FakeAppStream, state: SessionState = new SessionState()): SessionState {
  fake.register('CreateStreamingURL', (input) => {
    required(input, 'StackName', 'FleetName', 'UserId');
    if (!USER_ID.test(input.UserId)) {
      throw new FakeServiceError('ValidationException', "1 validation error detected: Value at 'userId' failed to satisfy constraint");
    }
    const validity = input.Validity ?? VALIDITY.default;
    if (!Number.isInteger(validity) || validity < VALIDITY.min || validity > VALIDITY.max) {
      throw new FakeServiceError('ValidationException', `Validity must be between ${VALIDITY.min} and ${VALIDITY.max} seconds`);
    }
    if (!state.stacks.has(input.StackName)) {
      throw new FakeServiceError('ResourceNotFoundException', `Stack ${input.StackName} not found`);
    }
    if (state.stacks.get(input.StackName) !== input.FleetName) {
      throw new FakeServiceError('InvalidParameterCombinationException', `Fleet ${input.FleetName} is not associated with stack ${input.StackName}`);
    }
    const fleet = state.fleets.get(input.FleetName)!;
    if (!fleet.running) {
      throw new FakeServiceError('ResourceNotAvailableException', `Fleet ${input.FleetName} is not running`);
    }
    if (input.ApplicationId !== undefined && input.ApplicationId !== 'Desktop' && !fleet.applications.has(input.ApplicationId)) {
      throw new FakeServiceError('ResourceNotFoundException', `Application ${input.ApplicationId} not found`);
    }
    const streamingUrl = `https://appstream2.us-east-1.aws.amazon.com/authenticate?parameters=${Buffer.from(
      JSON.stringify({ user: input.UserId, n: state.issued.length })).toString('base64url')}&signature=fake-signature-${state.issued.length}`;
    state.issued.push({ ...input, Validity: validity, StreamingURL: streamingUrl });
    return { StreamingURL: streamingUrl, Expires: Math.floor(Date.now() / 1000) + validity };
  });

  fake.register('DescribeSessions', (input) => {
    required(input, 'StackName', 'FleetName');
    if (input.UserId !== undefined && input.AuthenticationType === undefined) {
      throw new FakeServiceError('InvalidParameterCombinationException', 'AuthenticationType is required with UserId');
    }
    const limit = input.Limit ?? PAGE.default;
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE.max) {
      throw new FakeServiceError('ValidationException', `Limit must be between 1 and ${PAGE.max}`);
    }
    let start = 0;
    if (input.NextToken !== undefined) {
      start = Number(String(input.NextToken).slice(NEXT_TOKEN_PREFIX.length));
      if (!String(input.NextToken).startsWith(NEXT_TOKEN_PREFIX) || !Number.isInteger(start)) {
        throw new FakeServiceError('InvalidParameterCombinationException', 'Invalid NextToken');
      }
    }
    const authenticationType = input.AuthenticationType ?? 'API';
    const matching = state.visibleSessions().filter((s) => s.StackName === input.StackName && s.FleetName === input.FleetName
      && s.AuthenticationType === authenticationType && (input.UserId === undefined || s.UserId === input.UserId));
    const page = matching.slice(start, start + limit);
    return {
      Sessions: page.map((s) => ({
        Id: s.Id,
        UserId: s.UserId,
        StackName: s.StackName,
        FleetName: s.FleetName,
        State: 'ACTIVE',
        ConnectionState: 'CONNECTED',
        AuthenticationType: s.AuthenticationType,
        StartTime: s.StartTime / 1000,
      })),
      NextToken: start + limit < matching.length ? `${NEXT_TOKEN_PREFIX}${start + limit}` : undefined,
    };
  });

  fake.register('ExpireSession', (input) => {
    required(input, 'SessionId');
    state.expire(input.SessionId);
    return {};
  });

  return state;
}
