import { Token } from 'aws-cdk-lib';

/**
 * What an enum-like class's `of()` accepts.
 *
 * Every enum-like class follows aws-cdk-lib's pattern (`ec2.InstanceType`, `lambda.Runtime`):
 * constants, `public static of(value)`, `public readonly value` and `toString()` returning the
 * value. `of()` is the escape hatch for values AWS adds after this library was released, so it
 * checks the shape only: a string, not empty, and the API's pattern where the model (or every AWS
 * source) gives one. Tokens are never judged.
 */
export interface EnumLikeShape {
  /** The class name, such as `FleetPlatform`: the error starts with `FleetPlatform.of:`. */
  readonly className: string;
  /** What the value is, such as `the platform's API value`. */
  readonly what: string;
  /** A valid value, such as `WINDOWS_SERVER_2022`. */
  readonly example: string;
  /** The pattern every value must match. @default - any non-empty string */
  readonly pattern?: RegExp;
  /** Completes `"<value>" is not ...` when the pattern fails, such as `an AppStream instance type`. */
  readonly notA?: string;
  /** Says in words what the pattern allows. @default - the pattern's source */
  readonly expected?: string;
}

/**
 * The value of an enum-like class's `of(value)`, after checking its shape; throws the library's
 * usual error (the method, what was expected, and what it got) otherwise.
 */
export function enumLikeValue(shape: EnumLikeShape, value: unknown): string {
  const method = `${shape.className}.of`;
  if (typeof value !== 'string') {
    throw new Error(`${method}: expects ${shape.what} as a string, such as "${shape.example}" (got ${typeof value} ${String(value)})`);
  }
  if (Token.isUnresolved(value)) {
    return value;
  }
  if (shape.pattern) {
    if (!shape.pattern.test(value)) {
      throw new Error(`${method}: "${value}" is not ${shape.notA ?? `a valid ${shape.className}`}; expected ${shape.expected ?? shape.pattern.source}`);
    }
  } else if (value.length === 0) {
    throw new Error(`${method}: expects ${shape.what} as a non-empty string, such as "${shape.example}" (got "")`);
  }
  return value;
}
