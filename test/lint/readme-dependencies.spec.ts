import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The README's "Dependencies, and why each is there" names every package of package.json, and names none that is
 * not there: `negotiator` (the media type `/graphql` answers in) was a dependency the table left out (newuser18,
 * 7 December 2026). A `scope/*` entry covers the packages of its scope.
 */
const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function dependencyTable(): { runtime: string[]; dev: string[] } {
  const start = README.indexOf('## Dependencies, and why each is there');
  if (start < 0) throw new Error('the README has no "Dependencies, and why each is there" section');
  const end = README.indexOf('\n## ', start + 1);
  const rows = README.slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| package') && !line.startsWith('|---'))
    .map((line) => line.split(' | ')[0].slice(2));
  const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  return {
    runtime: rows.filter((cell) => !cell.startsWith('dev:')).flatMap(names),
    dev: rows.filter((cell) => cell.startsWith('dev:')).flatMap(names),
  };
}

const covers = (entry: string, name: string) =>
  entry === name || (entry.endsWith('/*') && name.startsWith(entry.slice(0, -1)));

describe("the README's table of dependencies", () => {
  const table = dependencyTable();
  const named = [...table.runtime, ...table.dev];

  it('names every dependency of package.json', () => {
    const missing = Object.keys(PACKAGE.dependencies).filter(
      (name) => !table.runtime.some((entry) => covers(entry, name)),
    );
    expect(missing).toEqual([]);
  });

  it('names every development dependency of package.json', () => {
    const missing = Object.keys(PACKAGE.devDependencies).filter(
      (name) => !named.some((entry) => covers(entry, name)),
    );
    expect(missing).toEqual([]);
  });

  it('names no package that package.json lacks', () => {
    const all = [...Object.keys(PACKAGE.dependencies), ...Object.keys(PACKAGE.devDependencies)];
    const unknown = named.filter((entry) => !all.some((name) => covers(entry, name)));
    expect(unknown).toEqual([]);
  });
});
