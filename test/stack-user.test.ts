import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { tempFiles } from './util/temp-files';
import { StackUser } from '../src/users/stack-user';
import { AuthenticationType, User } from '../src/users/user';

const FIXTURES = path.join(__dirname, 'fixtures');

function describeUsers(users: StackUser[]): string[] {
  return users.map((u) => `${u.authenticationType.value}:${u.userName}`);
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an error');
}

const tempFile = tempFiles('stack-user-test-');

describe('StackUser factories', () => {
  test.each([
    ['userPool', StackUser.userPool('Alice@Example.com'), 'Alice@Example.com', AuthenticationType.USERPOOL],
    ['saml', StackUser.saml('bob'), 'bob', AuthenticationType.SAML],
    ['api', StackUser.api('svc'), 'svc', AuthenticationType.API],
    ['activeDirectory', StackUser.activeDirectory('CORP\\carol'), 'CORP\\carol', AuthenticationType.AWS_AD],
    ['of', StackUser.of('dave', AuthenticationType.of('NEW')), 'dave', AuthenticationType.of('NEW')],
  ])('%s', (_, user, userName, type) => {
    expect(user.userName).toBe(userName);
    expect(user.authenticationType.value).toBe(type.value);
    expect(user.user).toBeUndefined();
  });

  test('fromUser keeps the construct', () => {
    const stack = new cdk.Stack();
    const user = new User(stack, 'U', { email: 'Erin@example.com' });
    const entry = StackUser.fromUser(user);
    expect(entry.user).toBe(user);
    expect(entry.userName).toBe('Erin@example.com');
    expect(entry.authenticationType).toBe(AuthenticationType.USERPOOL);
  });
});

describe('StackUser.fromFile', () => {
  test('CSV: header, blank lines, trimmed fields, any case of type, quoted fields', () => {
    expect(describeUsers(StackUser.fromFile(path.join(FIXTURES, 'users.csv')))).toEqual([
      'USERPOOL:alice@example.com',
      'SAML:bob',
      'API:svc-reporting',
      'AWS_AD:CORP\\carol',
      'SAML:o,brien',
      'SAML:say"hi"',
    ]);
  });

  test('JSON: array of { userName, authenticationType }', () => {
    const users = StackUser.fromFile(path.join(FIXTURES, 'users.json'));
    expect(describeUsers(users)).toEqual([
      'USERPOOL:alice@example.com',
      'SAML:bob',
      'API:svc-reporting',
      'AWS_AD:CORP\\carol',
    ]);
    expect(users[0].authenticationType).toBe(AuthenticationType.USERPOOL);
  });

  test('CSV: columns in any order, other columns ignored, CRLF line ends and a byte-order mark', () => {
    const file = tempFile('crlf.csv', '\uFEFFAuthenticationType,Department,UserName\r\nSAML,Sales,bob\r\nUSERPOOL,IT,Alice@Example.com\r\n');
    expect(describeUsers(StackUser.fromFile(file))).toEqual(['SAML:bob', 'USERPOOL:Alice@Example.com']);
  });

  test('CSV: every problem is reported at once with file and line', () => {
    const file = path.join(FIXTURES, 'users-malformed.csv');
    const message = messageOf(() => StackUser.fromFile(file));
    expect(message).toContain(`${file}: invalid user list (6 problems)`);
    expect(message).toContain(`${file}:3: authenticationType must be one of API, SAML, USERPOOL, AWS_AD (got "SMAL")`);
    expect(message).toContain(`${file}:4: userName must be an e-mail address such as name@example.com (got "frank")`);
    expect(message).toContain(`${file}:5: expected 3 fields as in the header, got 2`);
    expect(message).toContain(`${file}:6: duplicate user "dave" (SAML), first listed on line 2`);
    expect(message).toContain(`${file}:7: a quoted field is not closed`);
    expect(message).toContain(`${file}:8: userName must contain letters, marks, symbols, numbers and punctuation only (no whitespace) (got "has space")`);
  });

  test('JSON: every problem is reported at once with file and line', () => {
    const file = path.join(FIXTURES, 'users-malformed.json');
    const message = messageOf(() => StackUser.fromFile(file));
    expect(message).toContain(`${file}: invalid user list (5 problems)`);
    expect(message).toContain(`${file}:3: authenticationType must be one of API, SAML, USERPOOL, AWS_AD (got "LDAP")`);
    expect(message).toContain(`${file}:4: entry 3 must be an object`);
    expect(message).toContain(`${file}:5: entry 4 has unknown keys "username"`);
    expect(message).toContain(`${file}:6: entry 5 needs the string keys "userName" and "authenticationType"`);
    // names are case-sensitive: line 7 is another user, line 8 repeats line 2
    expect(message).toContain(`${file}:8: duplicate user "alice@example.com" (USERPOOL), first listed on line 2`);
    expect(message).not.toContain(`${file}:7:`);
  });

  test('JSON: a syntax error names the line', () => {
    const file = path.join(FIXTURES, 'users-syntax-error.json');
    expect(() => StackUser.fromFile(file)).toThrow(new RegExp(`${escape(file)}:3: not valid JSON`));
  });

  test('JSON: not an array', () => {
    const file = tempFile('object.json', '{ "userName": "bob", "authenticationType": "SAML" }');
    expect(() => StackUser.fromFile(file)).toThrow(/object\.json:1: expected a JSON array/);
  });

  test('CSV without the required header', () => {
    const file = tempFile('no-header.csv', 'bob,SAML\namy,SAML\n');
    expect(() => StackUser.fromFile(file)).toThrow(/no-header\.csv:1: the first line must be a header naming the columns userName and authenticationType/);
  });

  test('CSV with a column named twice', () => {
    const file = tempFile('twice.csv', 'userName,authenticationType,username\nbob,SAML,bob\n');
    expect(() => StackUser.fromFile(file)).toThrow(/twice\.csv:1: the header names the column username more than once/);
  });

  test('CSV: a quote inside an unquoted field, and text after a quoted field', () => {
    const file = tempFile('quotes.csv', 'userName,authenticationType\nbo"b,SAML\n"bob"x,SAML\n');
    const message = messageOf(() => StackUser.fromFile(file));
    expect(message).toContain('quotes.csv:2: a field that contains a quote must be quoted');
    expect(message).toContain('quotes.csv:3: unexpected text after a quoted field at column 6');
  });

  test('empty files and header-only files list no users', () => {
    expect(() => StackUser.fromFile(tempFile('empty.csv', ''))).toThrow(/empty\.csv:1: the file is empty/);
    expect(() => StackUser.fromFile(tempFile('header.csv', 'userName,authenticationType\n'))).toThrow(/header\.csv:the file lists no users/);
    expect(() => StackUser.fromFile(tempFile('empty.json', '[]'))).toThrow(/empty\.json:the file lists no users/);
    expect(() => StackUser.fromFile(tempFile('blank.json', ''))).toThrow(/blank\.json:1: not valid JSON/);
  });

  test('unsupported extension and missing file', () => {
    expect(() => StackUser.fromFile(tempFile('users.txt', 'x'))).toThrow(/users\.txt: a user list file must end with \.csv or \.json \(got "\.txt"\)/);
    expect(() => StackUser.fromFile(path.join(path.dirname(tempFile('present.csv', 'x')), 'missing.csv'))).toThrow(/missing\.csv: cannot read the user list file/);
  });

  test('more than 50 problems are summarized', () => {
    const lines = ['userName,authenticationType', ...Array.from({ length: 60 }, (_, i) => `user${i},BAD`)];
    const message = messageOf(() => StackUser.fromFile(tempFile('many.csv', lines.join('\n'))));
    expect(message).toContain('(60 problems)');
    expect(message).toContain('... and 10 more');
    expect(message.split('\n')).toHaveLength(1 + 50 + 1);
  });

  test('10,000 users load from a generated file', () => {
    const lines = ['userName,authenticationType', ...Array.from({ length: 10_000 }, (_, i) => `user${i}@example.com,USERPOOL`)];
    const users = StackUser.fromFile(tempFile('big.csv', lines.join('\n')));
    expect(users).toHaveLength(10_000);
    expect(users[9_999].userName).toBe('user9999@example.com');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
