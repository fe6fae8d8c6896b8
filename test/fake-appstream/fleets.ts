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
 * - DescribeImages pages with MaxResults (0–25, ValidationException beyond; 0 or absent = 25),
 *   NextToken (InvalidNextTokenException when not one of ours) and filters by Type.
 */
import { FakeAppStream, FakeServiceError } from './server';

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

/** One image of the fake. */
export interface FakeImage {
  readonly Name: string;
  readonly Arn: string;
  readonly State: string;
  readonly Platform: string;
  readonly Visibility: 'PUBLIC' | 'PRIVATE' | 'SHARED';
  readonly CreatedTime: Date;
}

const ACCEPTED_WHILE_RUNNING: Record<string, string[]> = {
  ALWAYS_ON: ['DisplayName', 'ComputeCapacity', 'ImageName', 'ImageArn', 'DisconnectTimeoutInSeconds', 'IdleDisconnectTimeoutInSeconds'],
  ON_DEMAND: ['DisplayName', 'ComputeCapacity', 'ImageName', 'ImageArn', 'DisconnectTimeoutInSeconds', 'IdleDisconnectTimeoutInSeconds'],
  ELASTIC: ['DisplayName', 'DisconnectTimeoutInSeconds', 'IdleDisconnectTimeoutInSeconds', 'MaxConcurrentSessions', 'SessionScriptS3Location', 'UsbDeviceFilterStrings'],
};
const MAX_IMAGE_PAGE = 25;
const REGION = 'us-east-1';
const ACCOUNT = '111111111111';

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
    const image: FakeImage = {
      Name: name,
      Arn: options.Arn ?? `arn:aws:appstream:${REGION}::image/${name}`,
      State: options.State ?? 'AVAILABLE',
      Platform: options.Platform ?? 'WINDOWS_SERVER_2022',
      Visibility: options.Visibility ?? 'PUBLIC',
      CreatedTime: new Date(createdTime),
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

  fake.register('DescribeImages', (input) => {
    const maxResults = input?.MaxResults ?? MAX_IMAGE_PAGE;
    if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > MAX_IMAGE_PAGE) {
      throw new FakeServiceError('ValidationException', `MaxResults must be between 0 and ${MAX_IMAGE_PAGE}`);
    }
    const size = maxResults === 0 ? MAX_IMAGE_PAGE : maxResults;
    const all = state.images.filter((image) => input?.Type === undefined || image.Visibility === input.Type);
    let offset = 0;
    if (input?.NextToken !== undefined) {
      const match = /^images-(\d+)$/.exec(String(input.NextToken));
      if (!match) {
        throw new FakeServiceError('InvalidNextTokenException', 'Invalid NextToken');
      }
      offset = Number(match[1]);
    }
    const page = all.slice(offset, offset + size).map((image) => ({ ...image, CreatedTime: image.CreatedTime.getTime() / 1000 }));
    const next = offset + size < all.length ? `images-${offset + size}` : undefined;
    return next ? { Images: page, NextToken: next } : { Images: page };
  });

  return state;
}
