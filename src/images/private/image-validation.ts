import { RemovalPolicy, Token } from 'aws-cdk-lib';
import { IMAGE_DESCRIPTION_API_MAX, IMAGE_DESCRIPTION_MAX, IMAGE_NAME_MAX_LENGTH, ImageSources, OWNER_MARKER_LENGTH } from './image-contract';
import { checkArray, checkBoolean, checkEnumLike, checkList, checkObject, checkString, failType, hasMethods } from '../../core/private/input-types';
import {
  ACCOUNT_ID_PATTERN, AMI_ID_PATTERN, APP_CATALOG_MAX, APP_DISPLAY_NAME_PATTERN, APP_NAME_PATTERN, DISPLAY_NAME_MAX_LENGTH,
  FILE_PATH_MAX_LENGTH, IMAGE_IMPORT_TEXT_PATTERN, LAUNCH_PARAMETERS_MAX_LENGTH, NAME_PATTERN, REGION_NAME_MAX_LENGTH,
} from '../../core/private/limits';
import { validateTags } from '../../core/private/tags';
import { PropsValidator, StringRule } from '../../core/private/validation';
import type { ImageProps } from '../image';
import type { ImageApplication, ImageFromAmiOptions } from '../image-source';

// Limits of the AppStream API model (appstream-service-2.json: CreateImportedImage,
// CreateUpdatedImage, CopyImage, UpdateImagePermissions), from `limits.ts` and the image contract.

const IMAGE_NAME_RULE: StringRule = {
  min: 1,
  max: IMAGE_NAME_MAX_LENGTH,
  pattern: NAME_PATTERN,
  patternDescription: 'a letter or digit followed by letters, digits, "_", "." or "-"',
};
const IMPORT_TEXT_DESCRIPTION = 'letters, digits, spaces and _.()- only (CreateImportedImage)';
/** A Region name as AWS spells them (`us-east-1`, `us-gov-west-1`, `cn-north-1`, `eusc-de-east-1`, ...); the API asks only for 1 to 32 characters. */
const REGION_RULE: StringRule = {
  min: 1,
  max: REGION_NAME_MAX_LENGTH,
  pattern: /^[a-z]+(-[a-z]+)+-\d+$/,
  patternDescription: 'a Region name such as eu-west-1',
};

/** Records every problem of an `Image`'s props; `stackRegion` is the stack's Region (a token when agnostic). */
export function validateImageProps(v: PropsValidator, props: ImageProps, stackRegion: string): void {
  const sourceWhat = 'an ImageSource such as ImageSource.fromAmi({ amiId })';
  if (props.source === undefined) {
    failType(v, 'source', props.source, sourceWhat);
    return;
  }
  if (!checkObject(v, 'source', props.source, sourceWhat, ['_kind', '_bind'])) {
    return;
  }
  props.source._validate(v);
  const imported = props.source._kind === ImageSources.IMPORTED;
  if (checkString(v, 'imageName', props.imageName, '"golden-2025-12"')) {
    v.string('imageName', props.imageName, IMAGE_NAME_RULE);
  }
  if (checkString(v, 'description', props.description) && props.description !== undefined && !Token.isUnresolved(props.description)) {
    if (props.description.length > IMAGE_DESCRIPTION_MAX) {
      v.fail('description', props.description, `must be at most ${IMAGE_DESCRIPTION_MAX} characters long `
        + `(the API's ${IMAGE_DESCRIPTION_API_MAX}, less ${OWNER_MARKER_LENGTH} for the marker by which the handler recognises its images)`);
    } else if (imported) {
      v.string('description', props.description, { pattern: IMAGE_IMPORT_TEXT_PATTERN, patternDescription: IMPORT_TEXT_DESCRIPTION });
    }
  }
  if (checkString(v, 'displayName', props.displayName)) {
    v.string('displayName', props.displayName, {
      max: DISPLAY_NAME_MAX_LENGTH,
      pattern: imported ? IMAGE_IMPORT_TEXT_PATTERN : undefined,
      patternDescription: IMPORT_TEXT_DESCRIPTION,
    });
  }
  checkList(v, 'shareWith', props.shareWith, (account, i) => {
    if (checkString(v, `shareWith[${i}]`, account, '"123456789012"')) {
      v.string(`shareWith[${i}]`, account as string, { pattern: ACCOUNT_ID_PATTERN, patternDescription: 'a 12-digit account id' });
    }
  });
  repeated(v, 'shareWith', props.shareWith);
  if (props.sharePermissions !== undefined) {
    checkBoolean(v, 'sharePermissions.allowFleet', props.sharePermissions.allowFleet);
    checkBoolean(v, 'sharePermissions.allowImageBuilder', props.sharePermissions.allowImageBuilder);
    if (props.sharePermissions.allowFleet === false && props.sharePermissions.allowImageBuilder === false) {
      v.fail('sharePermissions', props.sharePermissions, 'must allow fleets, image builders or both (a share that allows nothing is no share)');
    }
    if (!props.shareWith?.length) {
      v.fail('sharePermissions', props.sharePermissions, 'applies to the accounts of shareWith, which is empty');
    }
  }
  checkList(v, 'copyTo', props.copyTo, (region, i) => {
    if (checkString(v, `copyTo[${i}]`, region, '"eu-west-1"')) {
      v.string(`copyTo[${i}]`, region as string, REGION_RULE);
      if (region === stackRegion) {
        v.fail(`copyTo[${i}]`, region, "must be another Region than the stack's: a copy has the image's name, unique in a Region");
      }
    }
  });
  repeated(v, 'copyTo', props.copyTo);
  if (props.removalPolicy !== undefined && ![RemovalPolicy.RETAIN, RemovalPolicy.DESTROY].includes(props.removalPolicy)) {
    v.fail('removalPolicy', props.removalPolicy, 'must be RemovalPolicy.RETAIN or RemovalPolicy.DESTROY');
  }
  validateTags(v, props.tags);
}

/** Records every problem of the options of `ImageSource.fromAmi()`. */
export function validateAmiSource(v: PropsValidator, options: ImageFromAmiOptions): void {
  if (checkString(v, 'source.amiId', options.amiId, '"ami-0123456789abcdef0"')) {
    if (options.amiId === undefined) {
      v.fail('source.amiId', options.amiId, 'is required');
    } else {
      v.string('source.amiId', options.amiId, { pattern: AMI_ID_PATTERN, patternDescription: '"ami-" and 8 to 17 lowercase letters or digits' });
    }
  }
  if (options.role !== undefined && !hasMethods(options.role, 'grantPassRole')) {
    v.fail('source.role', options.role, 'must be an iam.IRole');
  }
  checkEnumLike(v, 'source.agentSoftwareVersion', options.agentSoftwareVersion, 'AgentSoftwareVersion', 'CURRENT_LATEST');
  checkEnumLike(v, 'source.runtimeValidationInstanceType', options.runtimeValidationInstanceType, 'InstanceType', 'STANDARD_MEDIUM', 'stream.standard.medium');
  if (checkArray(v, 'source.applications', options.applications)) {
    v.listLength('source.applications', options.applications, 0, APP_CATALOG_MAX);
    options.applications!.forEach((app, i) => validateApplication(v, `source.applications[${i}]`, app));
    repeated(v, 'source.applications names', options.applications!.map((app) => app?.name));
  }
}

function validateApplication(v: PropsValidator, path: string, app: ImageApplication): void {
  if (!checkObject(v, path, app, 'an ImageApplication ({ name, absoluteAppPath })', ['name', 'absoluteAppPath'])) {
    return;
  }
  const text = (member: keyof ImageApplication, rule: StringRule) => {
    if (checkString(v, `${path}.${member}`, app[member])) {
      v.string(`${path}.${member}`, app[member], rule);
    }
  };
  text('name', { min: 1, max: 100, pattern: APP_NAME_PATTERN, patternDescription: 'a letter or digit followed by up to 99 letters, digits, "_", "." or "-"' });
  text('displayName', { max: 100, pattern: APP_DISPLAY_NAME_PATTERN, patternDescription: 'a letter or digit followed by up to 99 letters, digits, spaces, "_", "." or "-"' });
  text('absoluteAppPath', { min: 1, max: FILE_PATH_MAX_LENGTH });
  text('absoluteIconPath', { min: 1, max: FILE_PATH_MAX_LENGTH });
  text('absoluteManifestPath', { min: 1, max: FILE_PATH_MAX_LENGTH });
  text('workingDirectory', { max: FILE_PATH_MAX_LENGTH });
  text('launchParameters', { min: 1, max: LAUNCH_PARAMETERS_MAX_LENGTH, pattern: /^[^\x00]+$/, patternDescription: 'no NUL character' });
}

/** Records the values listed more than once (tokens aside). */
function repeated(v: PropsValidator, property: string, values: readonly unknown[] | undefined): void {
  if (!Array.isArray(values)) {
    return;
  }
  const seen = new Set<unknown>();
  const twice = new Set<unknown>();
  for (const value of values) {
    if (typeof value === 'string' && Token.isUnresolved(value)) {
      continue;
    }
    (seen.has(value) ? twice : seen).add(value);
  }
  if (twice.size > 0) {
    v.fail(property, [...twice].join(', '), 'must not repeat a value');
  }
}
