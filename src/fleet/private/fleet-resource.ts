import { IResolveContext } from 'aws-cdk-lib';
import { CfnFleet, CfnFleetProps } from 'aws-cdk-lib/aws-appstream';
import { Construct } from 'constructs';

type Tree = Record<string, unknown>;

/**
 * The fleet's `AWS::AppStream::Fleet` resource: a `CfnFleet` that can also say which properties its
 * template renders, escape-hatch overrides included, for the custom resources that carry them (the
 * update guard, the fleet-state resource).
 *
 * It uses only what `CfnResource` offers its subclasses (`cfnProperties`, `renderProperties`) and
 * its public `addOverride`, which every `addPropertyOverride` / `addPropertyDeletionOverride` /
 * `addDeletionOverride` goes through: it records the overrides beside the ones the L1 keeps to
 * itself. No aws-cdk-lib internal (the `@internal` rendering method, the private `rawOverrides`) is read.
 */
export class FleetCfnResource extends CfnFleet {
  /** The overrides given so far, as `CfnResource` keeps them: a tree of the override paths. */
  private readonly recordedOverrides: Tree = Object.create(null);

  constructor(scope: Construct, id: string, props: CfnFleetProps) {
    super(scope, id, props);
  }

  public addOverride(path: string, value: any): void {
    super.addOverride(path, value);
    const parts = splitOnPeriods(path);
    let current = this.recordedOverrides;
    while (parts.length > 1) {
      const key = parts.shift()!;
      const next = current[key];
      if (next === null || typeof next !== 'object' || Array.isArray(next)) {
        current[key] = Object.create(null);
      }
      current = current[key] as Tree;
    }
    current[parts.shift()!] = value;
  }

  /**
   * The properties as the template renders them (CloudFormation names at every level, overrides
   * merged the way `CfnResource` merges them), resolved in `context`.
   */
  public renderedProperties(context: IResolveContext): Tree {
    const properties = context.resolve(this.cfnProperties) as Tree | undefined;
    const rendered: Tree = { Properties: this.renderProperties(properties ?? {}) };
    deepMerge(rendered, context.resolve(this.recordedOverrides, { removeEmpty: false }) as Tree);
    return (rendered.Properties ?? {}) as Tree;
  }
}

/** An override path split on its unescaped periods (`a\.b.c` is `a.b`, `c`), as `addOverride` reads it. */
function splitOnPeriods(path: string): string[] {
  return path.split(/(?<!\\)\./).map((part) => part.replace(/\\\./g, '.'));
}

/**
 * Merges `source` into `target` as CloudFormation overrides merge: objects merge key by key, an
 * `undefined` value deletes, anything else (arrays too) replaces; objects left empty are removed.
 */
function deepMerge(target: Tree, source: Tree | undefined): void {
  for (const [key, value] of Object.entries(source ?? {})) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const existing = target[key];
      if (existing === null || typeof existing !== 'object' || Array.isArray(existing)) {
        target[key] = {};
      }
      deepMerge(target[key] as Tree, value as Tree);
      if (Object.keys(target[key] as Tree).length === 0) {
        delete target[key];
      }
    } else if (value === undefined) {
      delete target[key];
    } else {
      target[key] = value;
    }
  }
}
