import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { PortalIdentityProvider } from './portal-identity-provider';
import { IFleet } from '../fleet/fleet';
import { IStack } from '../stack/stack-interface';

/**
 * How the portal turns the identifying claim into the AppStream user id of `CreateStreamingURL`,
 * which takes 2 to 32 characters of letters, digits and `_ + = , . @ -`.
 */
export enum PortalUserIdFormat {
  /**
   * The first 32 hex digits of the SHA-256 of the claim's value: fits whatever the claim (a Cognito
   * `sub` has 36 characters, many e-mail addresses more than 32), the same user always gets the same
   * id, and the id reveals nothing of the claim. The portal's answer tells each user their id.
   */
  SHA256 = 'SHA256',

  /** The claim's value as it is: readable in session lists, but a value AppStream refuses is a 403. */
  CLAIM_VALUE = 'CLAIM_VALUE',
}

/**
 * Request throttling of the portal's HTTP API stage, applied to each route.
 */
export interface PortalThrottleSettings {
  /**
   * Steady-state requests per second of each route (a whole number from 1 to 10,000).
   *
   * @default 10
   */
  readonly rateLimit?: number;

  /**
   * Requests that may arrive at once above the rate (a whole number from 1 to 5,000).
   *
   * @default 20
   */
  readonly burstLimit?: number;
}

/**
 * Properties of a `StreamingPortal`.
 */
export interface StreamingPortalProps {
  /**
   * The AppStream stack users stream from.
   */
  readonly stack: IStack;

  /**
   * The fleet users stream from.
   *
   * @default - the stack's fleet (`stack.fleet`): add it to the stack before creating the portal
   */
  readonly fleet?: IFleet;

  /**
   * Who issues the tokens the portal accepts (a Cognito user pool or any OpenID Connect issuer).
   */
  readonly identityProvider: PortalIdentityProvider;

  /**
   * The token claim that identifies the user. `sub` is stable and unique per issuer; an e-mail
   * claim is readable but may change, and some issuers do not verify it.
   *
   * @default 'sub'
   */
  readonly userIdClaim?: string;

  /**
   * How the claim's value becomes the AppStream user id.
   *
   * @default PortalUserIdFormat.SHA256
   */
  readonly userIdFormat?: PortalUserIdFormat;

  /**
   * Scopes of which a token needs one to get a streaming URL (the `scope` or `scp` claim: access
   * tokens; ID tokens carry no scope).
   *
   * @default - any token of the issuer and audience
   */
  readonly userScopes?: string[];

  /**
   * Scopes of which a token needs one for the admin routes (list and expire sessions). Without
   * them the portal has no admin routes.
   *
   * @default - no admin routes
   */
  readonly adminScopes?: string[];

  /**
   * How long a streaming URL stays valid when the request does not say (1 second to 7 days).
   *
   * @default Duration.seconds(60)
   */
  readonly defaultValidity?: Duration;

  /**
   * The longest validity a request may ask for (1 second to 7 days, at least `defaultValidity`).
   *
   * @default - `defaultValidity`: a request may only ask for a shorter one
   */
  readonly maxValidity?: Duration;

  /**
   * The applications (their names in the image, or `Desktop`) that a request may ask to launch.
   *
   * @default - a request may name none: users choose in the AppStream catalog
   */
  readonly applicationIds?: string[];

  /**
   * Whether a request may pass a session context to the streaming application. It travels in the
   * streaming URL, where the user can read and change it: never let it carry what you would not let
   * the user choose.
   *
   * @default false
   */
  readonly allowSessionContext?: boolean;

  /**
   * Request throttling of each route.
   *
   * @default - 10 requests per second, bursts of 20
   */
  readonly throttle?: PortalThrottleSettings;

  /**
   * The origins (`https://host[:port]`) that browsers may call the portal from (CORS).
   *
   * @default - `https://<domain>` for each embed host domain of the stack (an owned `Stack`); no CORS when it has none
   */
  readonly allowedOrigins?: string[];

  /**
   * How long the handler's and the access logs keep their events.
   *
   * @default logs.RetentionDays.THREE_MONTHS
   */
  readonly logRetention?: logs.RetentionDays;
}
