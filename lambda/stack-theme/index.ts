/**
 * Handler of `Custom::AppStreamStackTheme`: the theme (custom branding) of a stack
 * (CreateThemeForStack / UpdateThemeForStack / DeleteThemeForStack, which CloudFormation lacks).
 *
 * - Create: creates the theme; a theme that exists already (a repeated event, or one made by hand
 *   for a stack this app owns) is updated to the template's instead.
 * - Update: on the same stack, sends only what changed (footer links removed: `AttributesToDelete`);
 *   on another stack (the stack was replaced), creates the theme there under a new physical id, and
 *   CloudFormation deletes the old one.
 * - Delete: deletes the theme (one already gone is fine).
 *
 * The images are S3 locations that AppStream may read already: images shipped as assets are copied
 * by `Custom::AppStreamObjectCopy` resources, which the theme depends on.
 */
import {
  CreateThemeForStackCommand,
  DeleteThemeForStackCommand,
  DescribeThemeForStackCommand,
  ThemeAttribute,
  ThemeStyling,
  UpdateThemeForStackCommand,
  type UpdateThemeForStackCommandInput,
} from '@aws-sdk/client-appstream';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { STACK_THEME_RESOURCE_TYPE, StackThemeProps, type ThemeImageLocation } from '../../src/stack/private/stack-theme-contract';
import { appStreamCalls, type AppStreamCalls } from '../shared/appstream';
import { logEvent } from '../shared/log';
import { isNotFound } from '../shared/values';

/** What onEvent returns to the provider framework. */
export interface OnEventResponse {
  readonly PhysicalResourceId: string;
}

/** The theme as the properties give it. */
export interface ThemeSpec {
  readonly stackName: string;
  readonly titleText: string;
  readonly styling: string;
  readonly footerLinks: Array<{ DisplayName: string; FooterLinkURL: string }>;
  readonly logo: ThemeImageLocation;
  readonly favicon: ThemeImageLocation;
}

export async function onEvent(event: CloudFormationCustomResourceEvent, context?: Partial<Context>): Promise<OnEventResponse> {
  logEvent(event);
  if (event.ResourceType !== STACK_THEME_RESOURCE_TYPE) {
    throw new Error(`Unsupported resource type ${event.ResourceType}`);
  }
  const calls = appStreamCalls(context);
  const spec = parseProps(event.ResourceProperties);
  switch (event.RequestType) {
    case 'Create':
      await createOrUpdate(calls, spec);
      return { PhysicalResourceId: spec.stackName };
    case 'Update': {
      const old = parseProps(event.OldResourceProperties);
      if (old.stackName !== spec.stackName) {
        await createOrUpdate(calls, spec);
      } else {
        await update(calls, spec.stackName, changes(old, spec));
      }
      return { PhysicalResourceId: spec.stackName };
    }
    case 'Delete':
      await deleteTheme(calls, spec.stackName);
      return { PhysicalResourceId: event.PhysicalResourceId };
  }
}

async function createOrUpdate(calls: AppStreamCalls, spec: ThemeSpec): Promise<void> {
  if (await describeTheme(calls, spec.stackName)) {
    await update(calls, spec.stackName, changes(undefined, spec));
    return;
  }
  try {
    await calls.call((client) => client.send(new CreateThemeForStackCommand({
      StackName: spec.stackName,
      TitleText: spec.titleText,
      ThemeStyling: spec.styling as ThemeStyling,
      FooterLinks: spec.footerLinks.length > 0 ? spec.footerLinks : undefined,
      OrganizationLogoS3Location: s3Location(spec.logo),
      FaviconS3Location: s3Location(spec.favicon),
    })));
  } catch (error) {
    // Describe lagged behind a theme just made (by a repeated event): make it ours.
    if ((error as { name?: string }).name !== 'ResourceAlreadyExistsException') {
      throw error;
    }
    await update(calls, spec.stackName, changes(undefined, spec));
  }
}

/**
 * The UpdateThemeForStack fields that differ from `old` (all of them without `old`), and
 * `State: ENABLED` when everything is sent (a theme disabled by hand is enabled again).
 */
export function changes(old: ThemeSpec | undefined, spec: ThemeSpec): Omit<UpdateThemeForStackCommandInput, 'StackName'> {
  const differs = (a: unknown, b: unknown) => old === undefined || JSON.stringify(a) !== JSON.stringify(b);
  const footerChanged = differs(old?.footerLinks, spec.footerLinks);
  return {
    ...(differs(old?.titleText, spec.titleText) ? { TitleText: spec.titleText } : {}),
    ...(differs(old?.styling, spec.styling) ? { ThemeStyling: spec.styling as ThemeStyling } : {}),
    ...(footerChanged && spec.footerLinks.length > 0 ? { FooterLinks: spec.footerLinks } : {}),
    ...(footerChanged && spec.footerLinks.length === 0 && old !== undefined ? { AttributesToDelete: [ThemeAttribute.FOOTER_LINKS] } : {}),
    ...(differs(old && s3Location(old.logo), s3Location(spec.logo)) ? { OrganizationLogoS3Location: s3Location(spec.logo) } : {}),
    ...(differs(old && s3Location(old.favicon), s3Location(spec.favicon)) ? { FaviconS3Location: s3Location(spec.favicon) } : {}),
    ...(old === undefined ? { State: 'ENABLED' as const } : {}),
  };
}

async function update(calls: AppStreamCalls, stackName: string, fields: Omit<UpdateThemeForStackCommandInput, 'StackName'>): Promise<void> {
  if (Object.keys(fields).length === 0) {
    return;
  }
  await calls.call((client) => client.send(new UpdateThemeForStackCommand({ StackName: stackName, ...fields })));
}

async function describeTheme(calls: AppStreamCalls, stackName: string): Promise<boolean> {
  try {
    const result = await calls.call((client) => client.send(new DescribeThemeForStackCommand({ StackName: stackName })));
    return result.Theme !== undefined;
  } catch (error) {
    if (isNotFound(error)) {
      return false;
    }
    throw error;
  }
}

async function deleteTheme(calls: AppStreamCalls, stackName: string): Promise<void> {
  try {
    await calls.call((client) => client.send(new DeleteThemeForStackCommand({ StackName: stackName })));
  } catch (error) {
    if (!isNotFound(error)) {
      throw error;
    }
  }
}

function s3Location(image: ThemeImageLocation) {
  return { S3Bucket: image.Bucket, S3Key: image.Key };
}

export function parseProps(props: Record<string, unknown>): ThemeSpec {
  const text = (name: string) => {
    const value = props[name];
    if (typeof value !== 'string' || value.length === 0) {
      throw new Error(`Missing property ${name}`);
    }
    return value;
  };
  const image = (name: string): ThemeImageLocation => {
    const value = props[name] as Partial<ThemeImageLocation> | undefined;
    if (typeof value?.Bucket !== 'string' || typeof value?.Key !== 'string') {
      throw new Error(`Property ${name} must give Bucket and Key`);
    }
    return value as ThemeImageLocation;
  };
  const links = props[StackThemeProps.FOOTER_LINKS];
  return {
    stackName: text(StackThemeProps.STACK_NAME),
    titleText: text(StackThemeProps.TITLE_TEXT),
    styling: text(StackThemeProps.THEME_STYLING),
    footerLinks: Array.isArray(links)
      ? links.map((link) => ({ DisplayName: String(link.DisplayName), FooterLinkURL: String(link.FooterLinkURL) }))
      : [],
    logo: image(StackThemeProps.ORGANIZATION_LOGO),
    favicon: image(StackThemeProps.FAVICON),
  };
}
