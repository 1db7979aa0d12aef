import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run build` runs under a serving `npm start` (`npm run cli` builds first): the server loads some modules late
 * (the report renderer's worker threads), so the `dist` it serves from must stay whole while the compiler runs and
 * be replaced at once. Run here with a stand-in compiler that records what it saw of `dist` while it ran.
 */
describe('npm run build', () => {
  const script = (
    JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { scripts: { build: string } }
  ).scripts.build;
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'build-'));
    mkdirSync(join(dir, 'dist', 'src'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'src', 'worker.js'), 'old');
    mkdirSync(join(dir, 'bin'));
    // The stand-in `tsc`: notes whether the served file is still there, then writes its output where it is told.
    writeFileSync(
      join(dir, 'bin', 'tsc'),
      [
        '#!/bin/sh',
        'test -f dist/src/worker.js && echo whole > seen || echo gone > seen',
        'out=dist',
        'while [ $# -gt 0 ]; do [ "$1" = "--outDir" ] && out="$2"; shift; done',
        'mkdir -p "$out/src" && echo new > "$out/src/worker.js"',
      ].join('\n'),
    );
    chmodSync(join(dir, 'bin', 'tsc'), 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = () =>
    execFileSync('sh', ['-c', script], {
      cwd: dir,
      env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}` },
    });

  it('leaves the served dist whole while compiling, then replaces it with the new output', () => {
    build();
    expect(readFileSync(join(dir, 'seen'), 'utf8').trim()).toBe('whole');
    expect(readFileSync(join(dir, 'dist', 'src', 'worker.js'), 'utf8').trim()).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['bin', 'dist', 'seen']);
  });

  it('builds where there was no dist yet', () => {
    rmSync(join(dir, 'dist'), { recursive: true });
    build();
    expect(readFileSync(join(dir, 'dist', 'src', 'worker.js'), 'utf8').trim()).toBe('new');
  });

  it('keeps the old dist when the compiler fails', () => {
    writeFileSync(join(dir, 'bin', 'tsc'), '#!/bin/sh\nexit 2\n');
    expect(build).toThrow();
    expect(existsSync(join(dir, 'dist', 'src', 'worker.js'))).toBe(true);
  });
});
