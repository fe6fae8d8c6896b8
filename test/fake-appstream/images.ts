/**
 * Image operations of the fake AppStream endpoint, on the images of a `FleetState` (`fleets.ts`):
 * DescribeImages, CreateImportedImage, CreateUpdatedImage, CopyImage, DeleteImage,
 * UpdateImagePermissions, DescribeImagePermissions, DeleteImagePermissions, TagResource and
 * UntagResource.
 *
 * Behaviour modelled on the API reference (appstream 2016-12-01):
 * - every image lives in one Region: a request sees the images of the Region its client signed for
 *   (the SigV4 credential scope), so a handler's CopyImage destination is apart from its home;
 * - DescribeImages pages with MaxResults (0–25, ValidationException beyond; 0 or absent = 25),
 *   NextToken (InvalidNextTokenException when not one of ours) and filters by Type; with `Names` or
 *   `Arns` it answers those images and ResourceNotFoundException for one that does not exist;
 * - a new image (imported IMPORTING, updated PENDING, copied COPYING) is not visible for the first
 *   `readLag` reads by name (reads lag writes, as AWS's do), then becomes AVAILABLE after
 *   `readsUntilDone` more reads by name, or FAILED with a StateChangeReason (and ImageErrors) given
 *   with `failNext`;
 * - names are unique per Region (ResourceAlreadyExistsException); CreateImportedImage checks the
 *   model's patterns of Name, SourceAmiId, Description and DisplayName (ValidationException) and
 *   needs an IamRoleArn (InvalidRoleException: assumed, the model lists the error without saying
 *   when); CreateUpdatedImage and CopyImage need an AVAILABLE source (ResourceNotAvailableException),
 *   and CreateUpdatedImage answers `canUpdateImage: false` for an image in `upToDate`;
 * - UpdateImagePermissions needs an AVAILABLE image (ResourceNotAvailableException);
 *   DeleteImagePermissions of an account the image is not shared with is a ResourceNotFoundException
 *   (assumed); DescribeImagePermissions pages with MaxResults ≤ 500;
 * - DeleteImage of an image a fleet uses is a ResourceInUseException; a missing one a
 *   ResourceNotFoundException.
 */
import type { FleetState } from './fleets';
import { FakeAppStream, FakeServiceError, type RequestContext } from './server';

/** One image of the fake. */
export interface FakeImage {
  readonly Name: string;
  readonly Arn: string;
  State: string;
  readonly Platform: string;
  readonly Visibility: 'PUBLIC' | 'PRIVATE' | 'SHARED';
  readonly CreatedTime: Date;
  /** The Region the image is in. */
  readonly Region?: string;
  readonly Description?: string;
  readonly DisplayName?: string;
  StateChangeReason?: { readonly Code: string; readonly Message: string };
  ImageErrors?: Array<{ readonly ErrorCode: string; readonly ErrorMessage: string }>;
  Tags?: Record<string, string>;
  /** account id → what it may do with the image. */
  SharedWith?: Map<string, { allowFleet: boolean; allowImageBuilder: boolean }>;
  /** Where a new image is in its making (absent for images that tests add ready-made). */
  lifecycle?: { hiddenReads: number; readsLeft: number; failure?: ImageFailure };
}

/** How an image fails: its StateChangeReason and ImageErrors. */
export interface ImageFailure {
  readonly Code: string;
  readonly Message: string;
  readonly ImageErrors?: Array<{ readonly ErrorCode: string; readonly ErrorMessage: string }>;
}

/** Timing of the images the fake makes, counted in reads by name (deterministic). */
export interface ImageTiming {
  /** Reads by name that do not see a new image yet. @default 1 */
  readLag?: number;
  /** Further reads by name before a new image is AVAILABLE (or FAILED). @default 2 */
  readsUntilDone?: number;
}

/** The image operations' own state: timing, failures to come, images with no updates. */
export class ImageLab {
  /** `${region}/${name}` → how the next image of that name fails. */
  private readonly failures = new Map<string, ImageFailure>();
  /** Names of images CreateUpdatedImage finds up to date. */
  public readonly upToDate = new Set<string>();

  constructor(public readonly state: FleetState, public readonly timing: Required<ImageTiming>) {}

  /** The next image named `name` made in `region` ends FAILED with `failure`. */
  public failNext(name: string, failure: ImageFailure, region = 'us-east-1'): void {
    this.failures.set(`${region}/${name}`, failure);
  }

  /** The image named `name` in `region`, whether reads see it yet or not. */
  public find(region: string, name: string): FakeImage | undefined {
    return this.state.images.find((image) => image.Name === name && regionOf(image) === region);
  }

  /** Adds an image being made (`state`), hidden for the read lag. */
  public make(region: string, name: string, state: string, fields: Partial<FakeImage>): FakeImage {
    if (this.find(region, name)) {
      throw new FakeServiceError('ResourceAlreadyExistsException', `The image ${name} already exists.`);
    }
    const failure = this.failures.get(`${region}/${name}`);
    this.failures.delete(`${region}/${name}`);
    const image = this.state.addImage(name, new Date().toISOString(), {
      ...fields, State: state, Visibility: 'PRIVATE', Region: region, Platform: fields.Platform ?? 'WINDOWS_SERVER_2022',
    });
    image.lifecycle = { hiddenReads: this.timing.readLag, readsLeft: this.timing.readsUntilDone, failure };
    return image;
  }

  /** The image as a read by name sees it: undefined while hidden; one step further in its making. */
  public read(region: string, name: string): FakeImage | undefined {
    const image = this.find(region, name);
    const lifecycle = image?.lifecycle;
    if (!image || !lifecycle) {
      return image;
    }
    if (lifecycle.hiddenReads > 0) {
      lifecycle.hiddenReads -= 1;
      return undefined;
    }
    if (lifecycle.readsLeft > 0) {
      lifecycle.readsLeft -= 1;
      if (lifecycle.readsLeft === 0) {
        const failure = lifecycle.failure;
        image.State = failure ? 'FAILED' : 'AVAILABLE';
        if (failure) {
          image.StateChangeReason = { Code: failure.Code, Message: failure.Message };
          image.ImageErrors = failure.ImageErrors;
        }
      }
    }
    return image;
  }

  /** The image named `name` in `region` (as it truly is), or ResourceNotFoundException. */
  public existing(region: string, name: string): FakeImage {
    const image = this.find(region, name);
    if (!image) {
      throw new FakeServiceError('ResourceNotFoundException', `The image ${name} does not exist.`);
    }
    return image;
  }

  /** The image, or ResourceNotAvailableException unless it is AVAILABLE. */
  public available(region: string, name: string): FakeImage {
    const image = this.existing(region, name);
    if (image.State !== 'AVAILABLE') {
      throw new FakeServiceError('ResourceNotAvailableException', `The image ${name} is ${image.State}, not AVAILABLE.`);
    }
    return image;
  }
}

const MAX_IMAGE_PAGE = 25;
const MAX_PERMISSIONS_PAGE = 500;
const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$/;
const AMI_ID = /^ami-[a-z0-9]{8,17}$/;
const IMPORT_TEXT = /^[a-zA-Z0-9_.() -]+$/;

function regionOf(image: FakeImage): string {
  return image.Region ?? 'us-east-1';
}

/** The image as the API answers it (no internal fields; times in epoch seconds). */
function describe(image: FakeImage): Record<string, unknown> {
  const { lifecycle: _lifecycle, SharedWith, Tags: _tags, Region: _region, CreatedTime, ...fields } = image;
  return {
    ...fields,
    CreatedTime: CreatedTime.getTime() / 1000,
    ...(SharedWith?.size ? { ImageSharedWithOthers: 'TRUE' } : {}),
  };
}

function check(condition: boolean, message: string): void {
  if (!condition) {
    throw new FakeServiceError('ValidationException', message);
  }
}

/** Registers DescribeImages on `fake` over the images of `state` (used by `registerFleetOperations`). */
export function registerDescribeImages(
  fake: FakeAppStream, state: FleetState, lab: ImageLab = new ImageLab(state, { readLag: 1, readsUntilDone: 2 }),
): void {
  fake.register('DescribeImages', (input, request: RequestContext) => {
    const names: string[] | undefined = input?.Names ?? input?.Arns?.map((arn: string) => arn.split('/').pop());
    if (names) {
      const images = names.map((name) => lab.read(request.region, name));
      if (images.some((image) => image === undefined)) {
        throw new FakeServiceError('ResourceNotFoundException', `The image ${names.join(', ')} does not exist.`);
      }
      return { Images: images.map((image) => describe(image!)) };
    }
    const maxResults = input?.MaxResults ?? MAX_IMAGE_PAGE;
    if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > MAX_IMAGE_PAGE) {
      throw new FakeServiceError('ValidationException', `MaxResults must be between 0 and ${MAX_IMAGE_PAGE}`);
    }
    const size = maxResults === 0 ? MAX_IMAGE_PAGE : maxResults;
    const all = state.images.filter((image) => regionOf(image) === request.region
      && (image.lifecycle?.hiddenReads ?? 0) === 0
      && (input?.Type === undefined || image.Visibility === input.Type));
    let offset = 0;
    if (input?.NextToken !== undefined) {
      const match = /^images-(\d+)$/.exec(String(input.NextToken));
      if (!match) {
        throw new FakeServiceError('InvalidNextTokenException', 'Invalid NextToken');
      }
      offset = Number(match[1]);
    }
    const page = all.slice(offset, offset + size).map(describe);
    const next = offset + size < all.length ? `images-${offset + size}` : undefined;
    return next ? { Images: page, NextToken: next } : { Images: page };
  });
}

/**
 * Registers every image operation on `fake` over the images of `state`; returns the lab that
 * sets their timing and failures.
 */
export function registerImageOperations(fake: FakeAppStream, state: FleetState, timing: ImageTiming = {}): ImageLab {
  const lab = new ImageLab(state, { readLag: timing.readLag ?? 1, readsUntilDone: timing.readsUntilDone ?? 2 });
  registerDescribeImages(fake, state, lab);

  fake.register('CreateImportedImage', (input, { region }) => {
    check(NAME.test(input.Name ?? ''), 'Name must match ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$');
    check(AMI_ID.test(input.SourceAmiId ?? ''), 'SourceAmiId must match ^ami-[a-z0-9]{8,17}$');
    check(input.Description === undefined || (IMPORT_TEXT.test(input.Description) && input.Description.length <= 256), 'Description is invalid');
    check(input.DisplayName === undefined || (IMPORT_TEXT.test(input.DisplayName) && input.DisplayName.length <= 100), 'DisplayName is invalid');
    if (!input.IamRoleArn) {
      throw new FakeServiceError('InvalidRoleException', 'AppStream cannot assume the role: IamRoleArn is required to import an AMI.');
    }
    const image = lab.make(region, input.Name, 'IMPORTING', {
      Description: input.Description, DisplayName: input.DisplayName, Tags: input.Tags,
    });
    return { Image: describe(image) };
  });

  fake.register('CreateUpdatedImage', (input, { region }) => {
    check(NAME.test(input.newImageName ?? ''), 'newImageName must match ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$');
    const existing = lab.available(region, input.existingImageName);
    if (lab.upToDate.has(existing.Name)) {
      return { canUpdateImage: false };
    }
    const image = lab.make(region, input.newImageName, 'PENDING', {
      Description: input.newImageDescription, DisplayName: input.newImageDisplayName, Tags: input.newImageTags, Platform: existing.Platform,
    });
    return { image: describe(image), canUpdateImage: true };
  });

  fake.register('CopyImage', (input, { region }) => {
    check(NAME.test(input.DestinationImageName ?? ''), 'DestinationImageName must match ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$');
    check(typeof input.DestinationRegion === 'string' && input.DestinationRegion.length >= 1 && input.DestinationRegion.length <= 32,
      'DestinationRegion must be 1 to 32 characters');
    const source = lab.available(region, input.SourceImageName);
    // CopyImage copies no tags.
    lab.make(input.DestinationRegion, input.DestinationImageName, 'COPYING', {
      Description: input.DestinationImageDescription, Platform: source.Platform,
    });
    return { DestinationImageName: input.DestinationImageName };
  });

  fake.register('DeleteImage', (input, { region }) => {
    const image = lab.existing(region, input.Name);
    const user = [...state.fleets.values()].find((fleet) => fleet.attributes.ImageName === image.Name || fleet.attributes.ImageArn === image.Arn);
    if (user) {
      throw new FakeServiceError('ResourceInUseException', `The image ${image.Name} is in use by fleet ${user.Name}.`);
    }
    state.images.splice(state.images.indexOf(image), 1);
    return { Image: { ...describe(image), State: 'DELETING' } };
  });

  fake.register('UpdateImagePermissions', (input, { region }) => {
    check(/^\d+$/.test(input.SharedAccountId ?? ''), 'SharedAccountId must match ^\\d+$');
    const image = lab.available(region, input.Name);
    image.SharedWith ??= new Map();
    image.SharedWith.set(input.SharedAccountId, {
      allowFleet: input.ImagePermissions?.allowFleet ?? false,
      allowImageBuilder: input.ImagePermissions?.allowImageBuilder ?? false,
    });
    return {};
  });

  fake.register('DeleteImagePermissions', (input, { region }) => {
    const image = lab.existing(region, input.Name);
    if (!image.SharedWith?.delete(input.SharedAccountId)) {
      throw new FakeServiceError('ResourceNotFoundException', `The image ${image.Name} is not shared with ${input.SharedAccountId}.`);
    }
    return {};
  });

  fake.register('DescribeImagePermissions', (input, { region }) => {
    const image = lab.existing(region, input.Name);
    const maxResults = input.MaxResults ?? MAX_PERMISSIONS_PAGE;
    check(Number.isInteger(maxResults) && maxResults >= 0 && maxResults <= MAX_PERMISSIONS_PAGE, `MaxResults must be between 0 and ${MAX_PERMISSIONS_PAGE}`);
    const all = [...(image.SharedWith ?? new Map()).entries()].map(([sharedAccountId, imagePermissions]) => ({ sharedAccountId, imagePermissions }));
    const offset = input.NextToken === undefined ? 0 : Number(String(input.NextToken).replace(/^permissions-/, ''));
    const size = maxResults === 0 ? MAX_PERMISSIONS_PAGE : maxResults;
    const next = offset + size < all.length ? `permissions-${offset + size}` : undefined;
    return { Name: image.Name, SharedImagePermissionsList: all.slice(offset, offset + size), ...(next ? { NextToken: next } : {}) };
  });

  const byArn = (arn: string): FakeImage => {
    const image = state.images.find((candidate) => candidate.Arn === arn);
    if (!image) {
      throw new FakeServiceError('ResourceNotFoundException', `No resource ${arn}.`);
    }
    return image;
  };
  fake.register('TagResource', (input) => {
    const image = byArn(input.ResourceArn);
    image.Tags = { ...image.Tags, ...input.Tags };
    return {};
  });
  fake.register('UntagResource', (input) => {
    const image = byArn(input.ResourceArn);
    image.Tags = Object.fromEntries(Object.entries(image.Tags ?? {}).filter(([key]) => !input.TagKeys.includes(key)));
    return {};
  });

  return lab;
}
