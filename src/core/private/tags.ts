import { TagManager, Tags, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { TAG_KEY, TAG_VALUE, TAGS_MAX } from './limits';
import { PropsValidator } from './validation';

// The AppStream API model's tag shapes (appstream-service-2.json), shared by every AppStream
// resource: `Tags` is a map of 1 to 50 entries; `TagKey` is 1 to 128 characters of
// `^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$` (any first character, then letters, digits,
// spaces or `_.:/=+-@`, never starting with `aws:`); `TagValue` is 0 to 256 characters of
// `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`. The registry schemas accept more; the service enforces these.

/** `TagKey` length and pattern, with the words an error shows. */
const TAG_KEY_RULE = {
  ...TAG_KEY,
  patternDescription: '1 to 128 letters, digits, spaces or _.:/=+-@ (after a first character that may be any), not starting with aws:',
};
/** `TagValue` length and pattern, with the words an error shows. */
const TAG_VALUE_RULE = {
  ...TAG_VALUE,
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
    v.string(`tags key ${JSON.stringify(key)}`, key, TAG_KEY_RULE);
    v.string(`tags[${JSON.stringify(key)}]`, tags[key], TAG_VALUE_RULE);
  }
}

/**
 * Gives `scope` the tags of its `tags` prop (`Tags.of(scope)`, so that what it creates carries them
 * too) and checks, at synthesis, every tag that `manager` (its L1's) renders: the prop's and those
 * of `Tags.of()` on parent scopes.
 */
export function applyTags(scope: IConstruct, tags: { [key: string]: string } | undefined, manager: TagManager): void {
  for (const [key, value] of Object.entries(tags ?? {})) {
    Tags.of(scope).add(key, value);
  }
  scope.node.addValidation({
    validate: () => {
      const rendered = new PropsValidator(scope);
      validateTags(rendered, manager.tagValues());
      return rendered.messages;
    },
  });
}
