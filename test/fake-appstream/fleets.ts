/**
 * Fleet and image operations of the fake AppStream endpoint on an in-memory state:
 * DescribeFleets, StartFleet, StopFleet, UpdateFleet and DescribeImages.
 *
 * Behaviour modelled on the API reference (appstream 2016-12-01) and its waiters:
 * - a fleet moves STOPPED → STARTING → RUNNING and RUNNING → STOPPING → STOPPED; each transition
 *   completes `startDelayMs` / `stopDelayMs` after the call (time is read on every request);
 * - `failStart(name, errors)`: the next start ends in STARTING with those FleetErrors
 *   (`fallBackToStopped` makes it end STOPPED with them instead); StartFleet clears old errors;
 * - StartFleet of a fleet that is not STOPPED and StopFleet of one that is STOPPING or STOPPED answer
 *   OperationNotPermittedException (assumed: the reference does not say what the service answers);
 * - UpdateFleet of a RUNNING fleet accepts only DisplayName, ComputeCapacity, ImageName, ImageArn
 *   and the two disconnect timeouts (Elastic: DisplayName, the timeouts, MaxConcurrentSessions,
 *   SessionScriptS3Location, UsbDeviceFilterStrings); any other changed attribute, or any update of
 *   a STARTING or STOPPING fleet, is a ResourceInUseException;
 * - DescribeFleets of an unknown name is a ResourceNotFoundException;
 * - images and DescribeImages: see `images.ts`, which also makes, shares, copies and deletes them.
 */
import { registerDescribeImages, type FakeImage } from './images';
import { FakeAppStream, FakeServiceError } from './server';

export type { FakeImage } from './images';

/** A fleet error as DescribeFleets returns it. */
export interface FakeFleetError {
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

/** One fleet of the fake: its attributes and where it is in its state machine. */
export interface FakeFleet {
  Name: string;
  FleetType: string;
  State: 'STARTING' | 'RUNNING' | 'STOPPING' | 'STOPPED';
  FleetErrors: FakeFleetError[];
  /** Every other attribute (InstanceType, DisplayName, ...), as UpdateFleet sets them. */
  attributes: Record<string, unknown>;
  /** When the current transition completes (`Date.now()` time). */
  transitionEndsAt: number;
  /** How the next start ends. */
  nextStart?: { errors: FakeFleetError[]; fallBackToStopped: boolean };
}

const ACCEPTED_WHILE_RUNNING: Record<string, string[]> = {
  ALWAYS_ON: ['DisplayName', 'ComputeCapacity', 'ImageName', 'ImageArn', 'DisconnectTimeoutInSeconds', 'IdleDisconnectTimeoutInSeconds'],
  ON_DEMAND: ['DisplayName', 'ComputeCapacity', 'ImageName', 'ImageArn', 'DisconnectTimeoutInSeconds', 'IdleDisconnectTimeoutInSeconds'],
  ELASTIC: ['DisplayName', 'DisconnectTimeoutInSeconds', 'IdleDisconnectTimeoutInSeconds', 'MaxConcurrentSessions', 'SessionScriptS3Location', 'UsbDeviceFilterStrings'],
};
/** The Region and account of the fake (what a request signed for another Region sees is apart). */
export const REGION = 'us-east-1';
export const ACCOUNT = '111111111111';

/** In-memory fleets and images, with the delays of the fleet state machine. */
export class FleetState {
  public readonly fleets = new Map<string, FakeFleet>();
  public readonly images: FakeImage[] = [];

  constructor(public startDelayMs = 50, public stopDelayMs = 30) {}

  /** Creates a fleet (STOPPED unless said otherwise). */
  public addFleet(name: string, options: { state?: FakeFleet['State']; fleetType?: string; attributes?: Record<string, unknown> } = {}): FakeFleet {
    const fleet: FakeFleet = {
      Name: name,
      FleetType: options.fleetType ?? 'ON_DEMAND',
      State: options.state ?? 'STOPPED',
      FleetErrors: [],
      attributes: { InstanceType: 'stream.standard.small', ...options.attributes },
      transitionEndsAt: 0,
    };
    this.fleets.set(name, fleet);
    return fleet;
  }

  /** Makes the next start of `name` fail with `errors`. */
  public failStart(name: string, errors: FakeFleetError[], fallBackToStopped = false): void {
    this.fleet(name).nextStart = { errors, fallBackToStopped };
  }

  /** Adds an image. */
  public addImage(name: string, createdTime: string, options: Partial<Omit<FakeImage, 'Name' | 'CreatedTime'>> = {}): FakeImage {
    const region = options.Region ?? REGION;
    const image: FakeImage = {
      ...options,
      Name: name,
      Arn: options.Arn ?? `arn:aws:appstream:${region}:${options.Visibility === 'PRIVATE' ? ACCOUNT : ''}:image/${name}`,
      State: options.State ?? 'AVAILABLE',
      Platform: options.Platform ?? 'WINDOWS_SERVER_2022',
      Visibility: options.Visibility ?? 'PUBLIC',
      CreatedTime: new Date(createdTime),
      Region: region,
    };
    this.images.push(image);
    return image;
  }

  /** The fleet, its pending transition applied if its time has come. */
  public fleet(name: string): FakeFleet {
    const fleet = this.fleets.get(name);
    if (!fleet) {
      throw new FakeServiceError('ResourceNotFoundException', `The fleet ${name} does not exist.`);
    }
    if (Date.now() >= fleet.transitionEndsAt) {
      if (fleet.State === 'STOPPING') {
        fleet.State = 'STOPPED';
      } else if (fleet.State === 'STARTING') {
        const failure = fleet.nextStart;
        if (failure) {
          fleet.FleetErrors = failure.errors;
          fleet.nextStart = undefined;
          fleet.State = failure.fallBackToStopped ? 'STOPPED' : 'STARTING';
          fleet.transitionEndsAt = failure.fallBackToStopped ? 0 : Number.MAX_SAFE_INTEGER;
        } else {
          fleet.State = 'RUNNING';
        }
      }
    }
    return fleet;
  }

  /** The fleet as DescribeFleets answers it. */
  public describe(fleet: FakeFleet): Record<string, unknown> {
    return {
      ...fleet.attributes,
      Arn: `arn:aws:appstream:${REGION}:${ACCOUNT}:fleet/${fleet.Name}`,
      Name: fleet.Name,
      FleetType: fleet.FleetType,
      State: fleet.State,
      ComputeCapacityStatus: { Desired: 1 },
      ...(fleet.FleetErrors.length ? { FleetErrors: fleet.FleetErrors } : {}),
    };
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Registers the fleet and image operations on `fake`; returns the state they act on. */
export function registerFleetOperations(fake: FakeAppStream, state: FleetState = new FleetState()): FleetState {
  fake.register('DescribeFleets', (input) => {
    const names: string[] = input?.Names ?? [...state.fleets.keys()];
    return { Fleets: names.map((name) => state.describe(state.fleet(name))) };
  });

  fake.register('StartFleet', (input) => {
    const fleet = state.fleet(input?.Name);
    if (fleet.State !== 'STOPPED') {
      throw new FakeServiceError('OperationNotPermittedException', `The fleet ${fleet.Name} is ${fleet.State}, not STOPPED.`);
    }
    fleet.State = 'STARTING';
    fleet.FleetErrors = [];
    fleet.transitionEndsAt = Date.now() + state.startDelayMs;
    return {};
  });

  fake.register('StopFleet', (input) => {
    const fleet = state.fleet(input?.Name);
    if (fleet.State === 'STOPPED' || fleet.State === 'STOPPING') {
      throw new FakeServiceError('OperationNotPermittedException', `The fleet ${fleet.Name} is already ${fleet.State}.`);
    }
    fleet.State = 'STOPPING';
    fleet.nextStart = undefined;
    fleet.transitionEndsAt = Date.now() + state.stopDelayMs;
    return {};
  });

  fake.register('UpdateFleet', (input) => {
    const fleet = state.fleet(input?.Name);
    const changes = Object.entries(input ?? {}).filter(([key, value]) => key !== 'Name' && !sameValue(fleet.attributes[key], value));
    if (fleet.State === 'STARTING' || fleet.State === 'STOPPING') {
      throw new FakeServiceError('ResourceInUseException', `The fleet ${fleet.Name} is ${fleet.State}; try again when it is RUNNING or STOPPED.`);
    }
    if (fleet.State === 'RUNNING') {
      const accepted = ACCEPTED_WHILE_RUNNING[fleet.FleetType] ?? [];
      const refused = changes.map(([key]) => key).filter((key) => !accepted.includes(key));
      if (refused.length) {
        throw new FakeServiceError('ResourceInUseException', `The fleet ${fleet.Name} must be stopped to change ${refused.join(', ')}.`);
      }
    }
    for (const [key, value] of changes) {
      fleet.attributes[key] = value;
    }
    return { Fleet: state.describe(fleet) };
  });

  registerDescribeImages(fake, state);

  return state;
}
