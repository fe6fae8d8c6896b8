/**
 * Image builder operations of the fake AppStream endpoint on an in-memory state:
 * DescribeImageBuilders, StartImageBuilder, StopImageBuilder.
 *
 * Behaviour modelled on the API reference (appstream 2016-12-01):
 * - a new builder is PENDING and becomes RUNNING on its own (`startDelayMs`); StartImageBuilder
 *   moves a STOPPED builder to PENDING, then RUNNING; StopImageBuilder moves a RUNNING builder to
 *   STOPPING, then STOPPED (`stopDelayMs`); time is read on every request;
 * - `failStart(name, errors, reason)`: the builder's next start ends FAILED with those
 *   ImageBuilderErrors and StateChangeReason;
 * - StartImageBuilder of a builder that is not STOPPED is a ResourceNotAvailableException,
 *   StopImageBuilder of one that is not RUNNING an
 *   OperationNotPermittedException (assumed: the reference lists these errors without saying when);
 * - DescribeImageBuilders of an unknown name is a ResourceNotFoundException.
 */
import { FakeAppStream, FakeServiceError } from './server';

/** An error as DescribeImageBuilders returns it. */
export interface FakeResourceError {
  readonly ErrorCode: string;
  readonly ErrorMessage: string;
}

/** One image builder of the fake. */
export interface FakeImageBuilder {
  Name: string;
  State: 'PENDING' | 'RUNNING' | 'STOPPING' | 'STOPPED' | 'FAILED';
  ImageBuilderErrors: FakeResourceError[];
  StateChangeReason?: { Code: string; Message: string };
  /** When the current transition completes (`Date.now()` time). */
  transitionEndsAt: number;
  /** How the next start ends, when it fails. */
  nextStartFails?: { errors: FakeResourceError[]; reason: { Code: string; Message: string } };
}

/** In-memory image builders, with the delays of their state machine. */
export class ImageBuilderState {
  public readonly builders = new Map<string, FakeImageBuilder>();

  constructor(public startDelayMs = 40, public stopDelayMs = 20) {}

  /** Creates a builder as CloudFormation leaves it: PENDING, on its way to RUNNING (or in `state`). */
  public addBuilder(name: string, state: FakeImageBuilder['State'] = 'PENDING'): FakeImageBuilder {
    const builder: FakeImageBuilder = { Name: name, State: state, ImageBuilderErrors: [], transitionEndsAt: Date.now() + this.startDelayMs };
    this.builders.set(name, builder);
    return builder;
  }

  /** Makes the next start of `name` (or the one under way) end FAILED. */
  public failStart(name: string, errors: FakeResourceError[], reason: { Code: string; Message: string }): void {
    this.builder(name).nextStartFails = { errors, reason };
  }

  /** The builder, its pending transition applied if its time has come. */
  public builder(name: string): FakeImageBuilder {
    const builder = this.builders.get(name);
    if (!builder) {
      throw new FakeServiceError('ResourceNotFoundException', `The image builder ${name} does not exist.`);
    }
    if (Date.now() >= builder.transitionEndsAt) {
      if (builder.State === 'STOPPING') {
        builder.State = 'STOPPED';
      } else if (builder.State === 'PENDING') {
        const failure = builder.nextStartFails;
        builder.nextStartFails = undefined;
        builder.State = failure ? 'FAILED' : 'RUNNING';
        builder.ImageBuilderErrors = failure?.errors ?? [];
        builder.StateChangeReason = failure?.reason;
      }
    }
    return builder;
  }
}

/** Registers the image builder operations on `fake`; returns the state they act on. */
export function registerImageBuilderOperations(fake: FakeAppStream, state: ImageBuilderState = new ImageBuilderState()): ImageBuilderState {
  fake.register('DescribeImageBuilders', (input) => {
    const names: string[] = input?.Names ?? [...state.builders.keys()];
    return {
      ImageBuilders: names.map((name) => {
        const builder = state.builder(name);
        return {
          Name: builder.Name,
          State: builder.State,
          ...(builder.ImageBuilderErrors.length ? { ImageBuilderErrors: builder.ImageBuilderErrors } : {}),
          ...(builder.StateChangeReason ? { StateChangeReason: builder.StateChangeReason } : {}),
        };
      }),
    };
  });

  fake.register('StartImageBuilder', (input) => {
    const builder = state.builder(input?.Name);
    if (builder.State !== 'STOPPED') {
      throw new FakeServiceError('ResourceNotAvailableException', `The image builder ${builder.Name} is ${builder.State}, not STOPPED.`);
    }
    builder.State = 'PENDING';
    builder.ImageBuilderErrors = [];
    builder.StateChangeReason = undefined;
    builder.transitionEndsAt = Date.now() + state.startDelayMs;
    return { ImageBuilder: { Name: builder.Name, State: builder.State } };
  });

  fake.register('StopImageBuilder', (input) => {
    const builder = state.builder(input?.Name);
    if (builder.State !== 'RUNNING') {
      throw new FakeServiceError('OperationNotPermittedException', `The image builder ${builder.Name} is ${builder.State}, not RUNNING.`);
    }
    builder.State = 'STOPPING';
    builder.transitionEndsAt = Date.now() + state.stopDelayMs;
    return { ImageBuilder: { Name: builder.Name, State: builder.State } };
  });
  return state;
}
