/**
 * The portal's configuration, read once from the environment that the `StreamingPortal` construct
 * sets (names in the contract). A missing or broken variable fails the first request loudly: it is
 * a deployment mistake, never the caller's.
 */
import { PortalEnv, UserIdFormats } from '../../src/portal/private/streaming-portal-contract';

export type UserIdFormat = typeof UserIdFormats[keyof typeof UserIdFormats];

export interface PortalConfig {
  readonly stackName: string;
  readonly fleetName: string;
  readonly userIdClaim: string;
  readonly userIdFormat: UserIdFormat;
  readonly defaultValiditySeconds: number;
  readonly maxValiditySeconds: number;
  /** The application ids a request may name (empty: none). */
  readonly applicationIds: readonly string[];
  readonly allowSessionContext: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  const text = (name: string): string => {
    const value = env[name];
    if (value === undefined || value === '') {
      throw new Error(`The portal's environment lacks ${name}`);
    }
    return value;
  };
  const seconds = (name: string): number => {
    const value = Number(text(name));
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`The portal's environment variable ${name} is not a whole number of seconds`);
    }
    return value;
  };
  const format = text(PortalEnv.USER_ID_FORMAT);
  if (!Object.values<string>(UserIdFormats).includes(format)) {
    throw new Error(`The portal's environment variable ${PortalEnv.USER_ID_FORMAT} is not one of ${Object.values(UserIdFormats).join(', ')}`);
  }
  const applicationIds: unknown = JSON.parse(env[PortalEnv.APPLICATION_IDS] ?? '[]');
  if (!Array.isArray(applicationIds) || !applicationIds.every((id) => typeof id === 'string')) {
    throw new Error(`The portal's environment variable ${PortalEnv.APPLICATION_IDS} is not a JSON array of strings`);
  }
  return {
    stackName: text(PortalEnv.STACK_NAME),
    fleetName: text(PortalEnv.FLEET_NAME),
    userIdClaim: text(PortalEnv.USER_ID_CLAIM),
    userIdFormat: format as UserIdFormat,
    defaultValiditySeconds: seconds(PortalEnv.DEFAULT_VALIDITY_SECONDS),
    maxValiditySeconds: seconds(PortalEnv.MAX_VALIDITY_SECONDS),
    applicationIds,
    allowSessionContext: env[PortalEnv.ALLOW_SESSION_CONTEXT] === 'true',
  };
}
