import { TagManager, Tags, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { TAG_KEY, TAG_VALUE, TAGS_MAX } from './limits';
import { PropsValidator } from './validation';

// Tags, shared by every AppStream resource. AWS's sources disagree on the characters:
// - the AppStream API model (appstream-service-2.json): `Tags` is a map of 1 to 50 entries; `TagKey`
//   is 1 to 128 characters of `^(^(?!aws:).[\p{L}\p{Z}\p{N}_.:/=+\-@]*)$` (any first character,
//   then letters, digits, spaces or `_.:/=+-@`, never starting with `aws:`); `TagValue` is 0 to 256
//   characters of `^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$`;
// - the CloudFormation registry schema of AWS::AppStream::Fleet: a key of 1 to 128 characters of
//   `^(?!aws:)[\S\s]+$`, a value of at most 256 characters of `^[\S\s]*$` (any character); the
//   other AppStream schemas give no limit at all.
// As for every disputed limit, a tag is refused only beyond the widest bound (the lengths, the
// `aws:` prefix, the count) and warned about beyond the narrowest (the API's characters).

/** `TagKey` as the registry schema bounds it: refused beyond. */
const TAG_KEY_RULE = { min: TAG_KEY.min, max: TAG_KEY.max, pattern: /^(?!aws:)/, patternDescription: 'a key that does not start with aws:' };
/** `TagValue` as the registry schema bounds it: refused beyond. */
const TAG_VALUE_RULE = { min: TAG_VALUE.min, max: TAG_VALUE.max };
/** What the API model's characters allow, in the words of a warning. */
const API_CHARACTERS = 'letters, digits, spaces and _.:/=+-@';

/**
 * Records every problem of `tags` (key to value) in `v`: how many there are, each key and each
 * value; and a warning for each key or value with characters that only the registry schema
 * accepts. Keys and values that are tokens are not judged.
 */
export function validateTags(v: PropsValidator, tags: { [key: string]: string } | undefined): void {
  if (tags === undefined || Token.isUnresolved(tags)) {
    return;
  }
  const keys = Object.keys(tags);
  v.listLength('tags', keys, 0, TAGS_MAX);
  for (const key of keys) {
    const keyProperty = `tags key ${JSON.stringify(key)}`;
    const valueProperty = `tags[${JSON.stringify(key)}]`;
    const value = tags[key];
    v.string(keyProperty, key, TAG_KEY_RULE);
    v.string(valueProperty, value, TAG_VALUE_RULE);
    if (!Token.isUnresolved(key) && TAG_KEY_RULE.pattern.test(key) && !TAG_KEY.pattern.test(key)) {
      v.warn(keyProperty, key, `has characters beyond the AppStream API's (${API_CHARACTERS} after the first); `
        + 'the CloudFormation schema accepts them, the service may refuse them');
    }
    if (typeof value === 'string' && !Token.isUnresolved(value) && !TAG_VALUE.pattern.test(value)) {
      v.warn(valueProperty, value, `has characters beyond the AppStream API's (${API_CHARACTERS}); `
        + 'the CloudFormation schema accepts them, the service may refuse them');
    }
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
