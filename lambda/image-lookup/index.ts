/**
 * Handler of `Custom::AppStreamImageLookup`: finds the newest AVAILABLE image whose name starts
 * with a prefix (optionally of one platform and one visibility type) with DescribeImages, and
 * returns its name and ARN as attributes.
 *
 * CloudFormation invokes it only when a property changes (the filter or the user's refresh
 * token), so the image a fleet uses never switches on an unrelated deploy. Delete does nothing:
 * the look-up created nothing.
 */
import { DescribeImagesCommand, Image, VisibilityType } from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import {
  DESCRIBE_IMAGES_PAGE_SIZE,
  IMAGE_LOOKUP_RESOURCE_TYPE,
  IMAGE_VISIBILITY_TYPES,
  ImageLookupAttributes,
  ImageLookupProps,
} from '../../src/fleet/private/image-lookup-contract';
import { appStreamCalls, type AppStreamCalls } from '../shared/appstream';
import { logEvent } from '../shared/log';

/** What onEvent returns to the provider framework. */
export interface OnEventResponse {
  readonly PhysicalResourceId: string;
  readonly Data?: Record<string, string>;
}

/** Upper bound of pages read, a guard against a NextToken that never ends (25 000 images). */
const MAX_PAGES = 1000;


/** The filter of one look-up, parsed from the resource properties. */
export interface ImageFilter {
  readonly namePrefix: string;
  readonly platform?: string;
  readonly type?: string;
}

export async function onEvent(event: CloudFormationCustomResourceEvent, context?: Partial<Context>): Promise<OnEventResponse> {
  logEvent(event);
  if (event.RequestType === 'Delete') {
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  if (event.ResourceType !== IMAGE_LOOKUP_RESOURCE_TYPE) {
    throw new Error(`Unsupported resource type ${event.ResourceType}`);
  }
  const filter = parseProps(event.ResourceProperties);
  const image = await findLatestImage(filter, appStreamCalls(context));
  return {
    // The ARN identifies the result; a new image on Update is a new physical id, and the
    // Delete of the old one that CloudFormation sends afterwards does nothing.
    PhysicalResourceId: image.Arn!,
    Data: {
      [ImageLookupAttributes.IMAGE_NAME]: image.Name,
      [ImageLookupAttributes.IMAGE_ARN]: image.Arn!,
    },
  };
}

export function parseProps(props: Record<string, unknown>): ImageFilter {
  const namePrefix = props[ImageLookupProps.NAME_PREFIX];
  if (typeof namePrefix !== 'string' || namePrefix.length === 0) {
    throw new Error(`${ImageLookupProps.NAME_PREFIX} is required and must be a non-empty string`);
  }
  const platform = optionalString(props, ImageLookupProps.PLATFORM);
  const type = optionalString(props, ImageLookupProps.TYPE);
  if (type !== undefined && !IMAGE_VISIBILITY_TYPES.includes(type)) {
    throw new Error(`${ImageLookupProps.TYPE} must be one of ${IMAGE_VISIBILITY_TYPES.join(', ')}, got "${type}"`);
  }
  return { namePrefix, platform, type };
}

/** Reads every page of DescribeImages and returns the newest AVAILABLE image that matches. */
export async function findLatestImage(filter: ImageFilter, calls: AppStreamCalls = appStreamCalls()): Promise<Image & { Name: string }> {
  let best: (Image & { Name: string }) | undefined;
  let seen = 0;
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await calls.call((client) => client.send(new DescribeImagesCommand({
      Type: filter.type as VisibilityType | undefined,
      MaxResults: DESCRIBE_IMAGES_PAGE_SIZE,
      NextToken: nextToken,
    })));
    for (const image of result.Images ?? []) {
      seen++;
      if (matches(image, filter) && (best === undefined || newer(image, best))) {
        best = image as Image & { Name: string };
      }
    }
    nextToken = result.NextToken;
    if (!nextToken) {
      break;
    }
  }
  if (!best) {
    throw new Error(`No AVAILABLE image matches ${describeFilter(filter)} (among ${seen} images)`);
  }
  return best;
}

function matches(image: Image, filter: ImageFilter): boolean {
  return image.State === 'AVAILABLE'
    && image.Arn !== undefined
    && (image.Name ?? '').startsWith(filter.namePrefix)
    && (filter.platform === undefined || image.Platform === filter.platform);
}

/** Newest CreatedTime wins; on a tie the greater name, so the answer does not depend on page order. */
function newer(a: Image, b: Image): boolean {
  const diff = createdTime(a) - createdTime(b);
  return diff !== 0 ? diff > 0 : (a.Name ?? '') > (b.Name ?? '');
}

function createdTime(image: Image): number {
  return image.CreatedTime ? new Date(image.CreatedTime).getTime() : 0;
}

function describeFilter(filter: ImageFilter): string {
  return [
    `name prefix "${filter.namePrefix}"`,
    filter.platform ? `platform ${filter.platform}` : undefined,
    filter.type ? `type ${filter.type}` : 'any type (PUBLIC, PRIVATE, SHARED)',
  ].filter((part) => part !== undefined).join(', ');
}

function optionalString(props: Record<string, unknown>, name: string): string | undefined {
  const value = props[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}
