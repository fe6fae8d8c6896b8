import { Token } from 'aws-cdk-lib';
import { PropsValidator } from './validation';

// Runtime type checks of public inputs, shared by every construct, for callers from plain
// JavaScript (and jsii languages that pass `any`), where a value of the wrong type would change the
// meaning (`'false'` is truthy) or crash deep inside. Each records one problem in the library's
// usual form: `<property>: must be <what>, not <its type> (got <value>)`. Undefined values pass
// (required props are checked where they are required); tokens are left to the other rules.

/** Records that `value` is not `what`, such as `a boolean (true or false)`. */
export function failType(v: PropsValidator, property: string, value: unknown, what: string): void {
  v.fail(property, value, `must be ${what}, not ${typeName(value)}`);
}

/** Records a problem unless `value` is undefined or a boolean. */
export function checkBoolean(v: PropsValidator, property: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') {
    failType(v, property, value, 'a boolean (true or false)');
  }
}

/** Records a problem unless `value` is undefined or a number (tokens are numbers too). */
export function checkNumber(v: PropsValidator, property: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'number') {
    failType(v, property, value, 'a number');
  }
}

/**
 * Records a problem unless `value` is undefined, a string, or a token; returns whether it is one.
 *
 * @param example a value to show, such as `"my-fleet"`
 */
export function checkString(v: PropsValidator, property: string, value: unknown, example?: string): value is string | undefined {
  if (value === undefined || typeof value === 'string' || Token.isUnresolved(value)) {
    return true;
  }
  failType(v, property, value, example === undefined ? 'a string' : `a string such as ${example}`);
  return false;
}

/** Records a problem unless `value` is undefined or an array; returns whether it may be iterated. */
export function checkArray(v: PropsValidator, property: string, value: unknown): boolean {
  if (value === undefined || Array.isArray(value) || Token.isUnresolved(value)) {
    return Array.isArray(value);
  }
  failType(v, property, value, 'an array');
  return false;
}

/** Like `checkArray`, then calls `each` on every item of an array. */
export function checkList(v: PropsValidator, property: string, value: unknown, each: (item: unknown, i: number) => void): void {
  if (checkArray(v, property, value)) {
    (value as unknown[]).forEach(each);
  }
}

/** Records a problem unless `value` is undefined, a token, or one of the values of the TypeScript enum `values`. */
export function checkEnum(v: PropsValidator, property: string, value: unknown, enumName: string, values: Record<string, string>): void {
  if (value === undefined || (typeof value === 'string' && (Object.values(values).includes(value) || Token.isUnresolved(value)))) {
    return;
  }
  const allowed = Object.keys(values).map((k) => `${enumName}.${k}`).join(', ');
  if (typeof value === 'string') {
    v.fail(property, value, `must be one of ${allowed}`);
  } else {
    failType(v, property, value, `one of ${allowed}`);
  }
}

/**
 * Records a problem unless `value` is undefined or an instance of the enum-like class `className`
 * (an object with a string `value`, as its constants and `of()` make). Judged by shape, not by
 * `instanceof`, so that two copies of this library in one app still work.
 */
export function checkEnumLike(
  v: PropsValidator, property: string, value: unknown, className: string, constant: string, apiValue: string = constant,
): boolean {
  if (value === undefined || isEnumLike(value)) {
    return true;
  }
  failType(v, property, value, `${article(className)} ${className} such as ${className}.${constant} or ${className}.of('${apiValue}')`);
  return false;
}

/** Whether `value` is an object of an enum-like class: it carries its API value as a string. */
export function isEnumLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { value?: unknown }).value === 'string';
}

/**
 * Records a problem unless `value` is undefined or an object with the given members (a class
 * instance such as a `StorageConnector`, or a construct such as a fleet).
 */
export function checkObject(v: PropsValidator, property: string, value: unknown, what: string, members: string[]): boolean {
  if (value === undefined) {
    return true;
  }
  if (typeof value === 'object' && value !== null && members.every((m) => (value as Record<string, unknown>)[m] !== undefined)) {
    return true;
  }
  failType(v, property, value, what);
  return false;
}

/** Whether `value` is an object with every one of `methods` (a `Duration`, a `FleetImage`, ...). */
export function hasMethods(value: unknown, ...methods: string[]): boolean {
  return typeof value === 'object' && value !== null && methods.every((m) => typeof (value as Record<string, unknown>)[m] === 'function');
}

/** Records a problem unless `value` is undefined or a `Duration`; a number is shown as `Duration.seconds(n)`. */
export function checkDuration(v: PropsValidator, property: string, value: unknown): void {
  if (value !== undefined && !hasMethods(value, 'toSeconds', 'isUnresolved')) {
    failType(v, property, value, `a Duration such as Duration.minutes(15)${typeof value === 'number' ? ` or Duration.seconds(${value})` : ''}`);
  }
}

/** Records a problem unless `value` is undefined or a `Size`. */
export function checkSize(v: PropsValidator, property: string, value: unknown, example: string): void {
  if (value !== undefined && !hasMethods(value, 'toGibibytes', 'isUnresolved')) {
    failType(v, property, value, `a Size such as ${example}`);
  }
}

function article(word: string): string {
  return /^[aeio]/i.test(word) ? 'an' : 'a'; // 'a UserAction', 'an AgentAction', 'an object'
}

/** How a value's type reads in an error. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) {
    return String(value);
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `${article(name)} ${name}` : 'a plain object';
  }
  return `${article(typeof value)} ${typeof value}`;
}
