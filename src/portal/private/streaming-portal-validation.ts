import { Token } from 'aws-cdk-lib';
import { APPLICATION_ID, VALIDITY_SECONDS } from './streaming-portal-contract';
import { checkArray, checkBoolean, checkDuration, checkEnum, checkNumber, checkObject, checkString, hasMethods } from '../../core/private/input-types';
import { PropsValidator } from '../../core/private/validation';
import { PortalUserIdFormat, StreamingPortalProps } from '../streaming-portal-props';

/** API Gateway's account-level throttle quotas, the most a stage's route settings can use. */
export const THROTTLE_RATE = { min: 1, max: 10_000, default: 10 } as const;
export const THROTTLE_BURST = { min: 1, max: 5_000, default: 20 } as const;

/** A claim name: what a JWT's JSON object can carry, without spaces (API Gateway passes it by name). */
const CLAIM_NAME = { min: 1, max: 256, pattern: /^\S+$/ };
/** An OAuth scope token (RFC 6749 §3.3: printable ASCII without space, `"` and `\`). */
const SCOPE = { min: 1, max: 256, pattern: /^[\x21\x23-\x5B\x5D-\x7E]+$/ };
/** A CORS origin: scheme, host and optional port, no path (or `*`). */
const ORIGIN_PATTERN = /^(\*|https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?)$/;
/** The claim Cognito fills with a 36-character UUID, which AppStream's 32-character user id cannot take as it is. */
const COGNITO_SUB = 'sub';

/**
 * Whether the identity provider is a Cognito user pool: its issuer URL says so, also when region
 * and pool id are still tokens (the URL's start is literal text).
 */
function isCognitoIssuer(issuerUrl: string): boolean {
  return issuerUrl.startsWith('https://cognito-idp.');
}

/** Records a problem when a given list is empty (leaving it out is how to say "none"). */
function nonEmpty(v: PropsValidator, property: string, list: readonly unknown[]): void {
  if (!Token.isUnresolved(list) && list.length === 0) {
    v.fail(property, list, 'must not be empty (leave it out instead)');
  }
}

/**
 * Every problem with a portal's props, recorded in `v` (the caller throws them all at once).
 */
export function validateStreamingPortalProps(v: PropsValidator, props: StreamingPortalProps): void {
  checkObject(v, 'stack', props.stack, 'an AppStream stack (IStack) such as a Stack or Stack.fromStackName()', ['stackName', 'stackArn']);
  if (props.stack === undefined) {
    v.fail('stack', props.stack, 'is required');
  }
  checkObject(v, 'fleet', props.fleet, 'a fleet (IFleet) such as a Fleet or Fleet.fromFleetName()', ['fleetName', 'fleetArn']);
  const stackFleet = props.stack?.fleet;
  if (props.fleet === undefined && stackFleet === undefined) {
    v.failRule('fleet: the stack has no fleet yet and none was given: pass `fleet`, or add the fleet to the stack before creating the portal');
  } else if (props.fleet !== undefined && stackFleet !== undefined && props.fleet !== stackFleet) {
    // AppStream associates at most one fleet with a stack: CreateStreamingURL would refuse every request.
    v.fail('fleet', props.fleet.node?.path ?? props.fleet,
      `must be the stack's fleet (${stackFleet.node.path}): a stack has at most one fleet; leave fleet out to use it`);
  }
  validateIdentityProvider(v, props);

  if (checkString(v, 'userIdClaim', props.userIdClaim, "'sub'")) {
    v.string('userIdClaim', props.userIdClaim, { ...CLAIM_NAME, patternDescription: 'a claim name without spaces' });
  }
  checkEnum(v, 'userIdFormat', props.userIdFormat, 'PortalUserIdFormat', PortalUserIdFormat);
  if (props.userIdFormat === PortalUserIdFormat.CLAIM_VALUE && (props.userIdClaim ?? COGNITO_SUB) === COGNITO_SUB
    && typeof props.identityProvider?.issuerUrl === 'string' && isCognitoIssuer(props.identityProvider.issuerUrl)) {
    v.fail('userIdFormat', props.userIdFormat,
      "must be PortalUserIdFormat.SHA256 with a Cognito user pool's sub claim: a sub has 36 characters, a streaming URL's user id at most 32");
  }

  validateScopes(v, 'userScopes', props.userScopes);
  validateScopes(v, 'adminScopes', props.adminScopes);

  const validitySeconds = (property: 'defaultValidity' | 'maxValidity'): number | undefined => {
    const value = props[property];
    checkDuration(v, property, value);
    if (!hasMethods(value, 'toSeconds', 'isUnresolved') || value!.isUnresolved()) {
      return undefined;
    }
    v.durationInRange(property, value, VALIDITY_SECONDS.min, VALIDITY_SECONDS.max);
    const seconds = value!.toSeconds({ integral: false });
    // Only valid values are compared below: one problem per wrong value.
    return Number.isInteger(seconds) && seconds >= VALIDITY_SECONDS.min && seconds <= VALIDITY_SECONDS.max ? seconds : undefined;
  };
  const defaultSeconds = validitySeconds('defaultValidity');
  const maxSeconds = validitySeconds('maxValidity');
  if (maxSeconds !== undefined && (props.defaultValidity === undefined || defaultSeconds !== undefined)
    && maxSeconds < (defaultSeconds ?? VALIDITY_SECONDS.default)) {
    v.fail('maxValidity', props.maxValidity, `must be at least defaultValidity (${defaultSeconds ?? VALIDITY_SECONDS.default} seconds)`);
  }

  if (checkArray(v, 'applicationIds', props.applicationIds)) {
    nonEmpty(v, 'applicationIds', props.applicationIds!);
    props.applicationIds!.forEach((id, i) => {
      if (checkString(v, `applicationIds[${i}]`, id, "'Desktop'")) {
        v.string(`applicationIds[${i}]`, id, { ...APPLICATION_ID, patternDescription: 'letters, digits, _ . and -, starting with a letter or digit' });
      }
    });
  }
  checkBoolean(v, 'allowSessionContext', props.allowSessionContext);

  if (checkObject(v, 'throttle', props.throttle, 'an object with rateLimit and burstLimit', [])) {
    checkNumber(v, 'throttle.rateLimit', props.throttle?.rateLimit);
    checkNumber(v, 'throttle.burstLimit', props.throttle?.burstLimit);
    v.integerInRange('throttle.rateLimit', props.throttle?.rateLimit, THROTTLE_RATE.min, THROTTLE_RATE.max);
    v.integerInRange('throttle.burstLimit', props.throttle?.burstLimit, THROTTLE_BURST.min, THROTTLE_BURST.max);
  }

  if (checkArray(v, 'allowedOrigins', props.allowedOrigins)) {
    props.allowedOrigins!.forEach((origin, i) => {
      if (checkString(v, `allowedOrigins[${i}]`, origin, "'https://portal.example.com'")) {
        v.string(`allowedOrigins[${i}]`, origin, { min: 1, pattern: ORIGIN_PATTERN, patternDescription: 'an origin such as https://portal.example.com (scheme, host and port, no path)' });
      }
    });
  }
}

function validateIdentityProvider(v: PropsValidator, props: StreamingPortalProps): void {
  const provider = props.identityProvider;
  if (!checkObject(v, 'identityProvider', provider,
    'a PortalIdentityProvider such as PortalIdentityProvider.fromUserPool() or PortalIdentityProvider.fromIssuer()', ['issuerUrl', 'audience'])) {
    return;
  }
  if (provider === undefined) {
    v.fail('identityProvider', provider, 'is required');
    return;
  }
  if (checkString(v, 'identityProvider.issuerUrl', provider.issuerUrl, "'https://issuer.example.com'")) {
    v.string('identityProvider.issuerUrl', provider.issuerUrl, { min: 9, max: 2048, pattern: /^https:\/\/\S+$/, patternDescription: 'an https URL' });
  }
  if (checkArray(v, 'identityProvider.audience', provider.audience)) {
    nonEmpty(v, 'identityProvider.audience', provider.audience);
    provider.audience.forEach((audience, i) => {
      if (checkString(v, `identityProvider.audience[${i}]`, audience)) {
        v.string(`identityProvider.audience[${i}]`, audience, { min: 1 });
      }
    });
  }
}

function validateScopes(v: PropsValidator, property: string, scopes: string[] | undefined): void {
  if (!checkArray(v, property, scopes)) {
    return;
  }
  nonEmpty(v, property, scopes!);
  scopes!.forEach((scope, i) => {
    if (checkString(v, `${property}[${i}]`, scope, "'portal/admin'")) {
      v.string(`${property}[${i}]`, scope, { ...SCOPE, patternDescription: 'an OAuth scope: printable characters without spaces, " and \\' });
    }
  });
}
