import * as path from 'path';
import { tempFiles } from './util/temp-files';
import { readUserListFile } from '../src/users/private/user-list-file';

const KNOWN = ['API', 'SAML', 'USERPOOL', 'AWS_AD'];
const FIXTURES = path.join(__dirname, 'fixtures');

const tempFile = tempFiles('user-list-file-test-');

/** The problem lines of the error, without the file name. */
function problemsOf(file: string): string[] {
  try {
    readUserListFile(file, KNOWN);
  } catch (e) {
    return (e as Error).message.split('\n').slice(1).map((line) => line.replace(`  - ${file}:`, ''));
  }
  throw new Error('expected an error');
}

const lineNumbers = (problems: string[]) => problems.map((problem) => Number(/^(\d+):/.exec(problem)?.[1]));

describe('readUserListFile: problems in line order', () => {
  test('CSV: reading problems (field count, open quote) and user problems interleave by line', () => {
    const problems = problemsOf(path.join(FIXTURES, 'users-malformed.csv'));
    expect(lineNumbers(problems)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(problems[2]).toBe('5: expected 3 fields as in the header, got 2');
    expect(problems[4]).toBe('7: a quoted field is not closed (quoted fields cannot span lines)');
  });

  test('JSON: shape problems and user problems interleave by line', () => {
    expect(lineNumbers(problemsOf(path.join(FIXTURES, 'users-malformed.json')))).toEqual([3, 4, 5, 6, 8]);
  });

  test('over 50 problems: the first 50 by line are listed', () => {
    const lines = ['userName,authenticationType', ...Array.from({ length: 30 }, (_, i) => `user${i},BAD`), ...Array.from({ length: 30 }, () => '"open,SAML')];
    const problems = problemsOf(tempFile('many.csv', lines.join('\n')));
    const listed = lineNumbers(problems.slice(0, 50));
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
    expect(listed[0]).toBe(2);
    expect(problems[50]).toBe('  - ... and 10 more');
  });
});

describe('readUserListFile: CSV quoting (csv-parse)', () => {
  test.each([
    ['a quoted field with a comma and doubled quotes', '"o,brien",SAML', 'o,brien'],
    ['spaces and tabs around a quoted field', ' \t"o,brien" \t,SAML', 'o,brien'],
    ['spaces inside quotes are kept, then refused as a user name', '" bob",SAML', undefined],
    ['an unquoted field with a tab is trimmed', 'bob\t,SAML', 'bob'],
    ['a quoted authentication type', 'bob,"saml"', 'bob'],
  ])('%s', (_, line, userName) => {
    const file = tempFile('quoting.csv', `userName,authenticationType\n${line}\n`);
    if (userName === undefined) {
      expect(problemsOf(file)).toEqual(['2: userName must contain letters, marks, symbols, numbers and punctuation only (no whitespace) (got " bob")']);
    } else {
      expect(readUserListFile(file, KNOWN)).toEqual([{ userName, authenticationType: 'SAML', line: 2 }]);
    }
  });

  test.each([
    ['text right after the closing quote', 'a,"bob"x', 8],
    ['text after the closing quote and a space', 'a,"bob" x', 9],
    ['in the first field', '"bob"x,a', 6],
  ])('%s: the column of that text is named', (_, line, column) => {
    const file = tempFile('after-quote.csv', `authenticationType,userName\n${line}\n`);
    expect(problemsOf(file)).toEqual([`2: unexpected text after a quoted field at column ${column}`]);
  });

  test('a quote inside an unquoted field, and an open quote, cost their own line only', () => {
    const file = tempFile('lines.csv', 'userName,authenticationType\nbo"b,SAML\n"open,SAML\ncarol,SAML\ncarol,SAML\n');
    expect(problemsOf(file)).toEqual([
      '2: a field that contains a quote must be quoted, with the quote doubled',
      '3: a quoted field is not closed (quoted fields cannot span lines)',
      '5: duplicate user "carol" (SAML), first listed on line 4',
    ]);
  });

  test('lines with and without quotes give the same fields', () => {
    const plain = tempFile('plain.csv', 'userName,authenticationType,team\n bob , saml ,\n');
    const quoted = tempFile('quoted.csv', 'userName,authenticationType,team\n "bob" , "saml" ,""\n');
    expect(readUserListFile(plain, KNOWN)).toEqual(readUserListFile(quoted, KNOWN));
  });
});
