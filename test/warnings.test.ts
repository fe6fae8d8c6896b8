import * as fs from 'fs';
import * as path from 'path';
import { Warnings } from '../src/core/private/warnings';

const ids = Object.values(Warnings);

test('every warning id is spelt cdk-appstream:<kebab-case-topic>, once', () => {
  for (const id of ids) {
    expect(id).toMatch(/^cdk-appstream:[a-z0-9]+(-[a-z0-9]+)*$/);
  }
  expect(new Set(ids).size).toBe(ids.length);
});

test('the README lists every warning id', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Warnings'));
  for (const id of ids) {
    expect(table).toContain(`\`${id}\``);
  }
});

test('no construct writes a warning id of its own: all come from the one list', () => {
  const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []);
  const offenders = sources(path.join(__dirname, '..', 'src'))
    .filter((file) => !file.endsWith(path.join('private', 'warnings.ts')))
    .filter((file) => /addWarningV2\(\s*['"`]/.test(fs.readFileSync(file, 'utf8')));
  expect(offenders).toEqual([]);
});
