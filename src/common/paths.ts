import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The checkout's top folder, whether running from src/ (ts) or dist/ (js). */
export const PROJECT_ROOT = findProjectRoot(__dirname);
export const FIXTURES_DIR = join(PROJECT_ROOT, 'fixtures');
