import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A temporary folder for the tests of one file, made before them and removed after them; returns
 * a function that writes a file there and answers its path.
 */
export function tempFiles(prefix: string): (name: string, content: string) => string {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return (name, content) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
}
