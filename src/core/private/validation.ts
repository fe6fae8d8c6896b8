import { Duration, Size, SizeRoundingBehavior, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** Length and pattern of a string property. */
export interface StringRule {
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: RegExp;
  /** Says in words what the pattern allows. @default - the pattern's source */
  readonly patternDescription?: string;
}

/**
 * Collects every problem with a construct's props, then reports them all in one error that names
 * the construct path, each property, its value and the allowed range.
 *
 * Values that are tokens are never judged: they are only known at deploy time.
 */
export class PropsValidator {
  /**
   * A validator of the attributes given to an importer such as `Stack.fromStackAttributes`: its
   * error names the construct the import would create and the method.
   */
  public static forImport(scope: IConstruct, id: string, method: string): PropsValidator {
    return new PropsValidator(scope, { path: `${scope.node.path}/${id}`, subject: `${method} attributes` });
  }

  private readonly problems: string[] = [];
  private readonly cautions: string[] = [];
  private readonly heading: { readonly path: string; readonly subject: string };

  constructor(scope: IConstruct, heading?: { readonly path: string; readonly subject: string }) {
    this.heading = heading ?? { path: scope.node.path, subject: `${scope.constructor.name} props` };
  }

  /** Records a problem with `property`: `message` says what is allowed. */
  public fail(property: string, value: unknown, message: string): void {
    this.problems.push(`${property}: ${message} (got ${describe(value)})`);
  }

  /**
   * Records a value that one AWS source accepts and another, narrower, does not: the construct
   * warns (`Warnings.VALUE_BEYOND_NARROWEST_LIMIT`) instead of refusing it.
   */
  public warn(property: string, value: unknown, message: string): void {
    this.cautions.push(`${property}: ${message} (got ${describe(value)})`);
  }

  /** Records a problem that concerns several properties together. */
  public failRule(message: string): void {
    this.problems.push(message);
  }

  /** An integer in [min, max]. */
  public integerInRange(property: string, value: number | undefined, min: number, max: number): void {
    if (value === undefined || Token.isUnresolved(value)) {
      return;
    }
    if (!Number.isInteger(value) || value < min || value > max) {
      this.fail(property, value, `must be an integer from ${min} to ${max}`);
    }
  }

  /** A duration that is a whole number of seconds in [minSeconds, maxSeconds]. */
  public durationInRange(property: string, value: Duration | undefined, minSeconds: number, maxSeconds: number): void {
    if (value === undefined || value.isUnresolved()) {
      return;
    }
    const seconds = value.toSeconds({ integral: false });
    if (!Number.isInteger(seconds) || seconds < minSeconds || seconds > maxSeconds) {
      this.fail(property, value, `must be a whole number of seconds from ${minSeconds} to ${maxSeconds}`);
    }
  }

  /** A size that is a whole number of GiB in [minGiB, maxGiB]. */
  public sizeInRange(property: string, value: Size | undefined, minGiB: number, maxGiB: number): void {
    if (value === undefined || value.isUnresolved()) {
      return;
    }
    const gib = value.toGibibytes({ rounding: SizeRoundingBehavior.NONE });
    if (!Number.isInteger(gib) || gib < minGiB || gib > maxGiB) {
      this.fail(property, value, `must be a whole number of GiB from ${minGiB} to ${maxGiB}`);
    }
  }

  /** A string of [min, max] characters that matches `pattern` (when given). */
  public string(property: string, value: string | undefined, opts: StringRule): void {
    if (value === undefined || Token.isUnresolved(value)) {
      return;
    }
    const min = opts.min ?? 0;
    if (value.length < min || (opts.max !== undefined && value.length > opts.max)) {
      this.fail(property, value, opts.max === undefined
        ? `must be at least ${min} characters long`
        : `must be ${min} to ${opts.max} characters long`);
    } else if (opts.pattern && !opts.pattern.test(value)) {
      this.fail(property, value, `must match ${opts.patternDescription ?? opts.pattern.source}`);
    }
  }

  /** A list of [min, max] items. */
  public listLength(property: string, value: readonly unknown[] | undefined, min: number, max: number): void {
    if (value === undefined || Token.isUnresolved(value)) {
      return;
    }
    if (value.length < min || value.length > max) {
      this.fail(property, `${value.length} items`, min === max ? `must have exactly ${min} items` : `must have ${min} to ${max} items`);
    }
  }

  /** Every problem recorded so far, one message each (for `node.addValidation`). */
  public get messages(): string[] {
    return [...this.problems];
  }

  /** Every warning recorded so far (see `warn`). */
  public get warnings(): string[] {
    return [...this.cautions];
  }

  /** Whether any problem has been recorded so far. */
  public get hasProblems(): boolean {
    return this.problems.length > 0;
  }

  /** Throws one error listing every recorded problem, if there is any. */
  public throwIfInvalid(): void {
    if (this.problems.length === 0) {
      return;
    }
    const heading = `${this.heading.path}: invalid ${this.heading.subject} (${this.problems.length} problem${this.problems.length > 1 ? 's' : ''})`;
    throw new Error([heading, ...this.problems.map((p) => `  - ${p}`)].join('\n'));
  }
}

function describe(value: unknown): string {
  if (value instanceof Duration) {
    return value.toHumanString();
  }
  if (value instanceof Size) {
    return `${value.toGibibytes({ rounding: SizeRoundingBehavior.NONE })} GiB`;
  }
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
  }
  if (Array.isArray(value)) {
    return `an array of ${value.length}`;
  }
  if (typeof value === 'object' && value !== null) {
    return 'an object';
  }
  return String(value);
}
