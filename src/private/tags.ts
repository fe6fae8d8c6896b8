import { Token } from 'aws-cdk-lib';
import { PropsValidator } from './validation';

// The AppStream API model's tag shapes (appstream-service-2.json), shared by every AppStream
// resource: `Tags` is a map of 1 to 50 entries; `TagKey` is 1 to 128 characters of
// `^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$` (any first character, then letters, digits,
// spaces or `_.:/=+-@`, never starting with `aws:`); `TagValue` is 0 to 256 characters of
// `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`. The registry schemas accept more; the service enforces these.

/** The most tags an AppStream resource takes. */
export const TAGS_MAX = 50;
/** `TagKey` length and pattern. */
export const TAG_KEY = {
  min: 1,
  max: 128,
  pattern: /^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
  patternDescription: '1 to 128 letters, digits, spaces or _.:/=+-@ (after a first character that may be any), not starting with aws:',
};
/** `TagValue` length and pattern. */
export const TAG_VALUE = {
  min: 0,
  max: 256,
  pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u,
  patternDescription: 'at most 256 letters, digits, spaces or _.:/=+-@',
};

/**
 * Records every problem of `tags` (key to value) in `v`: how many there are, each key and each
 * value. Keys and values that are tokens are not judged.
 */
export function validateTags(v: PropsValidator, tags: { [key: string]: string } | undefined): void {
  if (tags === undefined || Token.isUnresolved(tags)) {
    return;
  }
  const keys = Object.keys(tags);
  v.listLength('tags', keys, 0, TAGS_MAX);
  for (const key of keys) {
    v.string(`tags key ${JSON.stringify(key)}`, key, TAG_KEY);
    v.string(`tags[${JSON.stringify(key)}]`, tags[key], TAG_VALUE);
  }
}
