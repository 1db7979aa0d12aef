import { execFileSync, spawn, spawnSync } from 'node:child_process';
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
import { dirname, join } from 'node:path';

/**
 * `npm run build` runs under a serving `npm start` (`npm run cli` builds first): the server loads some modules late
 * (the report renderer's worker threads), so the `dist` it serves from must stay whole while the compiler runs and
 * be replaced at once. `npm start` and `npm run cli` build only when the sources changed since `dist` was built. Run
 * here with a stand-in compiler that records what it saw of `dist` while it ran, and how many times it ran.
 */
describe('npm run build', () => {
  const scripts = (
    JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const buildScript = join(__dirname, '..', 'src', 'build.js');
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'build-'));
    mkdirSync(join(dir, 'dist', 'src'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'src', 'worker.js'), 'old');
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'main.ts'), 'export {};');
    mkdirSync(join(dir, 'bin'));
    // The stand-in `tsc`: notes whether the served file is still there, then writes its output where it is told.
    writeFileSync(
      join(dir, 'bin', 'tsc'),
      [
        '#!/bin/sh',
        'echo run >> runs',
        'test -f dist/src/worker.js && echo whole > seen || echo gone > seen',
        'out=dist',
        'while [ $# -gt 0 ]; do [ "$1" = "--outDir" ] && out="$2"; shift; done',
        'mkdir -p "$out/src" && echo new > "$out/src/worker.js"',
      ].join('\n'),
    );
    chmodSync(join(dir, 'bin', 'tsc'), 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = (...args: string[]) =>
    execFileSync(process.execPath, [buildScript, ...args], {
      cwd: dir,
      env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}` },
    });
  const compilerRuns = () =>
    existsSync(join(dir, 'runs')) ? readFileSync(join(dir, 'runs'), 'utf8').trim().split('\n').length : 0;

  it('is the script that npm start and npm run cli run first, skipping unchanged sources', () => {
    expect(scripts.build).toBe('node src/build.js');
    expect(scripts.prestart).toBe('node src/build.js --when-changed');
    expect(scripts.precli).toBe('node src/build.js --when-changed');
  });

  it('leaves the served dist whole while compiling, then replaces it with the new output', () => {
    build();
    expect(readFileSync(join(dir, 'seen'), 'utf8').trim()).toBe('whole');
    expect(readFileSync(join(dir, 'dist', 'src', 'worker.js'), 'utf8').trim()).toBe('new');
    expect(readdirSync(dir).sort()).toEqual(['bin', 'dist', 'runs', 'seen', 'src']);
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

  it('with --when-changed, compiles only when a source changed since dist was built', () => {
    build('--when-changed');
    expect(compilerRuns()).toBe(1);
    build('--when-changed');
    expect(compilerRuns()).toBe(1);
    writeFileSync(join(dir, 'src', 'main.ts'), 'export const changed = 1;');
    build('--when-changed');
    expect(compilerRuns()).toBe(2);
    writeFileSync(join(dir, 'src', 'added.ts'), 'export {};');
    build('--when-changed');
    expect(compilerRuns()).toBe(3);
    build();
    expect(compilerRuns()).toBe(4);
  });

  it('builds one at a time: a second build started while one compiles waits for it, and dist holds all of its output', async () => {
    // Both compiled into the one .dist-next, each removing what the other had written: dist lacked a.js, stamped.
    writeFileSync(
      join(dir, 'bin', 'tsc'),
      [
        '#!/bin/sh',
        'echo run >> runs',
        'out=dist',
        'while [ $# -gt 0 ]; do [ "$1" = "--outDir" ] && out="$2"; shift; done',
        'mkdir -p "$out/src" && echo a > "$out/src/a.js"',
        'sleep 1',
        'mkdir -p "$out/src" && echo b > "$out/src/b.js"',
      ].join('\n'),
    );
    const first = spawn(process.execPath, [buildScript, '--when-changed'], {
      cwd: dir,
      env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}` },
    });
    const firstEnded = new Promise<number | null>((resolve) => first.on('exit', resolve));
    while (!existsSync(join(dir, '.dist-next', 'src', 'a.js')))
      await new Promise((resolve) => setTimeout(resolve, 20));
    build('--when-changed');
    expect(await firstEnded).toBe(0);
    expect(readdirSync(join(dir, 'dist', 'src')).sort()).toEqual(['a.js', 'b.js']);
    // The second found these sources built once the first was done.
    expect(compilerRuns()).toBe(1);
    expect(existsSync(join(dir, '.build-lock'))).toBe(false);
  });

  it('takes over the lock of a build whose process has gone', () => {
    writeFileSync(join(dir, '.build-lock'), '2147483646');
    build('--when-changed');
    expect(compilerRuns()).toBe(1);
    expect(existsSync(join(dir, '.build-lock'))).toBe(false);
  });

  it("run as `node src/build.js`, outside npm, takes the project's own compiler from node_modules/.bin", () => {
    // With no tsc on PATH it printed "compiling" and exited 1 with no word of why (newuser18, 7 December 2026).
    // PATH holds node alone; the project's tsc, run here in a folder without tsconfig.build.json, says so: it was
    // found and run.
    const run = spawnSync(process.execPath, [buildScript], {
      cwd: dir,
      env: { ...process.env, PATH: dirname(process.execPath) },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(`${run.stdout}${run.stderr}`).toMatch(/tsconfig\.build\.json/);
    expect(existsSync(join(dir, 'dist', 'src', 'worker.js'))).toBe(true);
  });

  it('with --when-changed, compiles after a build that failed', () => {
    build('--when-changed');
    writeFileSync(join(dir, 'src', 'main.ts'), 'export const broken = 1;');
    writeFileSync(join(dir, 'bin', 'tsc'), '#!/bin/sh\necho run >> runs\nexit 2\n');
    expect(() => build('--when-changed')).toThrow();
    expect(() => build('--when-changed')).toThrow();
    expect(compilerRuns()).toBe(3);
  });
});
