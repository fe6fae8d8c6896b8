import * as fs from 'fs';
import * as path from 'path';
// The sync entry point bundles its own CsvError class: take both from it, or instanceof fails.
import { CsvError, parse } from 'csv-parse/sync';
import { userKey, userNameProblem } from './user-name';

/**
 * Reads a list of users from a CSV or JSON file at synth time.
 *
 * CSV (`.csv`): a header line naming the columns `userName` and `authenticationType` (any order,
 * any case; other columns are ignored), then one user per line. Fields may be quoted with `"`
 * (a quote inside a quoted field is doubled); unquoted fields are trimmed; blank lines are skipped.
 * Quoting is read by `csv-parse` (RFC 4180), one line at a time: a quoted field cannot span lines
 * (user names hold no line breaks), so that a quote left open costs one line, not the rest of the file.
 *
 * JSON (`.json`): an array of objects `{ "userName": "...", "authenticationType": "..." }`.
 *
 * `authenticationType` is one of `knownTypes` (any case). Every problem of the file is reported
 * in one error that names the file and the line of each problem, in line order.
 */
export interface UserListEntry {
  readonly userName: string;
  /** Upper-case API value, one of the known types. */
  readonly authenticationType: string;
  /** 1-based line of the entry in the file. */
  readonly line: number;
}

/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED_PROBLEMS = 50;

export function readUserListFile(filePath: string, knownTypes: readonly string[]): UserListEntry[] {
  const extension = path.extname(filePath).toLowerCase();
  if (extension !== '.csv' && extension !== '.json') {
    throw new Error(`${filePath}: a user list file must end with .csv or .json (got "${extension || 'no extension'}")`);
  }
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf-8');
  } catch (e) {
    throw new Error(`${filePath}: cannot read the user list file: ${(e as Error).message}`);
  }
  text = text.replace(/^\uFEFF/, '');

  const problems: string[] = [];
  const raw = extension === '.csv' ? parseCsv(text, problems) : parseJson(text, problems);
  const entries = checkEntries(raw, knownTypes, problems);
  if (problems.length === 0 && entries.length === 0) {
    problems.push('the file lists no users');
  }
  if (problems.length > 0) {
    sortByLine(problems);
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  - ${filePath}:${p}`);
    if (problems.length > MAX_LISTED_PROBLEMS) {
      listed.push(`  - ... and ${problems.length - MAX_LISTED_PROBLEMS} more`);
    }
    throw new Error([`${filePath}: invalid user list (${problems.length} problem${problems.length > 1 ? 's' : ''})`, ...listed].join('\n'));
  }
  return entries;
}

interface RawEntry {
  readonly userName: string;
  readonly authenticationType: string;
  readonly line: number;
}

function checkEntries(raw: RawEntry[], knownTypes: readonly string[], problems: string[]): UserListEntry[] {
  const entries: UserListEntry[] = [];
  const seen = new Map<string, number>();
  for (const entry of raw) {
    const authenticationType = entry.authenticationType.toUpperCase();
    let ok = true;
    if (!knownTypes.includes(authenticationType)) {
      problems.push(`${entry.line}: authenticationType must be one of ${knownTypes.join(', ')} (got ${JSON.stringify(entry.authenticationType)})`);
      ok = false;
    }
    const nameProblem = userNameProblem(entry.userName, authenticationType);
    if (nameProblem) {
      problems.push(`${entry.line}: userName ${nameProblem} (got ${JSON.stringify(entry.userName)})`);
      ok = false;
    }
    if (!ok) {
      continue;
    }
    const key = userKey(entry.userName, authenticationType);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`${entry.line}: duplicate user ${JSON.stringify(entry.userName)} (${authenticationType}), first listed on line ${first}`);
      continue;
    }
    seen.set(key, entry.line);
    entries.push({ userName: entry.userName, authenticationType, line: entry.line });
  }
  return entries;
}

/** Sorts problems (`"<line>: ..."`) by line, stably: a problem without a line comes last. */
function sortByLine(problems: string[]): void {
  const lineOf = (problem: string) => {
    const match = /^(\d+):/.exec(problem);
    return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
  };
  problems.sort((a, b) => lineOf(a) - lineOf(b));
}

const NAME_COLUMN = 'username';
const TYPE_COLUMN = 'authenticationtype';

function parseCsv(text: string, problems: string[]): RawEntry[] {
  const lines = text.split(/\r\n|\n|\r/);
  const entries: RawEntry[] = [];
  let header: string[] | undefined;
  let nameIndex = -1;
  let typeIndex = -1;
  lines.forEach((content, index) => {
    const line = index + 1;
    if (content.trim() === '') {
      return;
    }
    const fields = parseCsvLine(content);
    if (typeof fields === 'string') {
      problems.push(`${line}: ${fields}`);
      return;
    }
    if (!header) {
      header = fields.map((f) => f.toLowerCase());
      nameIndex = header.indexOf(NAME_COLUMN);
      typeIndex = header.indexOf(TYPE_COLUMN);
      if (nameIndex < 0 || typeIndex < 0) {
        problems.push(`${line}: the first line must be a header naming the columns userName and authenticationType (got ${JSON.stringify(content)})`);
      }
      for (const column of [NAME_COLUMN, TYPE_COLUMN]) {
        if (header.indexOf(column) !== header.lastIndexOf(column)) {
          problems.push(`${line}: the header names the column ${column} more than once`);
        }
      }
      return;
    }
    if (nameIndex < 0 || typeIndex < 0) {
      return;
    }
    if (fields.length !== header.length) {
      problems.push(`${line}: expected ${header.length} fields as in the header, got ${fields.length}`);
      return;
    }
    entries.push({ userName: fields[nameIndex], authenticationType: fields[typeIndex], line });
  });
  if (!header) {
    problems.push('1: the file is empty; expected a header line "userName,authenticationType"');
  }
  return entries;
}

/** csv-parse's options for one line: fields trimmed around quotes too, any number of fields (checked by the caller). */
const CSV_OPTIONS = { trim: true, relax_column_count: true } as const;

/**
 * The fields of one CSV line, or a message saying why it cannot be read. A line without a quote is
 * its comma-separated fields, trimmed (what csv-parse makes of it too, 15 times faster: most lists
 * quote nothing); a line with one is csv-parse's.
 */
function parseCsvLine(content: string): string[] | string {
  if (!content.includes('"')) {
    return content.split(',').map((field) => field.trim());
  }
  try {
    return parse(content, CSV_OPTIONS)[0] ?? [];
  } catch (e) {
    if (!(e instanceof CsvError)) {
      throw e;
    }
    switch (e.code) {
      case 'CSV_QUOTE_NOT_CLOSED':
        return 'a quoted field is not closed (quoted fields cannot span lines)';
      case 'INVALID_OPENING_QUOTE':
        return 'a field that contains a quote must be quoted, with the quote doubled';
      case 'CSV_INVALID_CLOSING_QUOTE':
      case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
        return `unexpected text after a quoted field at column ${closingQuoteErrorColumn(content, e.code)}`;
      default:
        // csv-parse's own words, without its "at line 1" (the line is ours to give).
        return e.message.replace(/ at line \d+/, '');
    }
  }
}

/**
 * The 1-based column of the text after a closing quote, which csv-parse's error does not give: the
 * length of the shortest prefix of the line that fails with the same error (a prefix fails so as soon
 * as it holds that text, and no shorter one does), found by bisection.
 */
function closingQuoteErrorColumn(content: string, code: string): number {
  const failsSo = (length: number) => {
    try {
      parse(content.slice(0, length), CSV_OPTIONS);
      return false;
    } catch (e) {
      return e instanceof CsvError && e.code === code;
    }
  };
  let low = 1;
  let high = content.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsSo(middle)) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

function parseJson(text: string, problems: string[]): RawEntry[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (e) {
    problems.push(`${jsonErrorLine(text, (e as Error).message)}: not valid JSON: ${(e as Error).message}`);
    return [];
  }
  if (!Array.isArray(document)) {
    problems.push('1: expected a JSON array of { "userName": ..., "authenticationType": ... } objects');
    return [];
  }
  const lines = arrayElementLines(text);
  const entries: RawEntry[] = [];
  document.forEach((element, index) => {
    const line = lines[index] ?? 1;
    if (typeof element !== 'object' || element === null || Array.isArray(element)) {
      problems.push(`${line}: entry ${index + 1} must be an object { "userName": ..., "authenticationType": ... }`);
      return;
    }
    const record = element as Record<string, unknown>;
    const unknownKeys = Object.keys(record).filter((k) => k !== 'userName' && k !== 'authenticationType');
    if (unknownKeys.length > 0) {
      problems.push(`${line}: entry ${index + 1} has unknown keys ${unknownKeys.map((k) => JSON.stringify(k)).join(', ')}; allowed: "userName", "authenticationType"`);
      return;
    }
    const { userName, authenticationType } = record;
    if (typeof userName !== 'string' || typeof authenticationType !== 'string') {
      problems.push(`${line}: entry ${index + 1} needs the string keys "userName" and "authenticationType"`);
      return;
    }
    entries.push({ userName, authenticationType, line });
  });
  return entries;
}

/** The line of a JSON syntax error, from the parser's "line N" or "position N". */
function jsonErrorLine(text: string, message: string): number {
  const lineMatch = /line (\d+)/.exec(message);
  if (lineMatch) {
    return Number(lineMatch[1]);
  }
  const positionMatch = /position (\d+)/.exec(message);
  if (positionMatch) {
    return lineAt(text, Number(positionMatch[1]));
  }
  return text.length === 0 ? 1 : lineAt(text, text.length);
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
    }
  }
  return line;
}

/** The 1-based line where each element of the top-level JSON array starts (the text is valid JSON). */
function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
    }
    if (inString) {
      if (c === '\\') {
        i++;
      } else if (c === '"') {
        inString = false;
      }
      continue;
    }
    if (depth === 1 && expectValue && !/\s/.test(c) && c !== ']') {
      lines.push(line);
      expectValue = false;
    }
    if (c === '"') {
      inString = true;
    } else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) {
        expectValue = true;
      }
    } else if (c === ']' || c === '}') {
      depth--;
    } else if (c === ',' && depth === 1) {
      expectValue = true;
    }
  }
  return lines;
}
