// `npm run build`: compiles into `.dist-next`, then puts it in the place of `dist` at once, so that a server started
// by `npm start` keeps serving a whole `dist` while the compiler runs (it loads some modules late: the report
// renderer's worker threads). `--when-changed` (`npm start`, `npm run cli`) skips the compiler when `dist` was built
// from the same sources: the hash of `src/`, `migrations/`, the tsconfig files and `package-lock.json`, which each
// build keeps in `dist/.sources-hash`. Plain JavaScript, so that checking costs no compiler start-up.
'use strict';
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} = require('node:fs');
const { delimiter, join } = require('node:path');

const INPUTS = ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const STAMP = join('dist', '.sources-hash');

function sourcesHash() {
  const hash = createHash('sha256');
  const add = (path) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash.update(`${path}\0`);
    hash.update(readFileSync(path));
  };
  INPUTS.forEach(add);
  return hash.digest('hex');
}

const LOCK = '.build-lock';

/**
 * One build at a time in a checkout: two (`npm start` in one terminal and `npm run cli` in another, after a pull)
 * compiled into the one `.dist-next`, each removing what the other had written, and left a `dist` without some of
 * its files, stamped as built, which every later start then took as it was. The lock holds the builder's pid; one
 * whose process has gone is taken over.
 */
function takeLock() {
  let said = false;
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      process.on('exit', () => rmSync(LOCK, { force: true }));
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const holder = Number(existsSync(LOCK) ? readFileSync(LOCK, 'utf8') : NaN);
    if (holder > 0 && !alive(holder)) {
      rmSync(LOCK, { force: true });
      continue;
    }
    if (!said)
      process.stderr.write(`build: another build is running (${LOCK}, pid ${holder}); waiting for it\n`);
    said = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

const builtHash = () => (existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : undefined);
const hash = sourcesHash();
const whenChanged = process.argv.includes('--when-changed');
if (whenChanged && builtHash() === hash) process.exit(0);
takeLock();
// Another build may have built these sources while this one waited.
if (whenChanged && builtHash() === hash) process.exit(0);
if (whenChanged) process.stderr.write('build: the sources changed since dist was built; compiling\n');

rmSync('.dist-next', { recursive: true, force: true });
// npm puts node_modules/.bin on PATH; `node src/build.js` run by hand finds the project's compiler there too (with no
// tsc on PATH it said "compiling" and exited 1 with no word of why). A tsc earlier on PATH is taken first.
const PATH = [process.env.PATH, join(__dirname, '..', 'node_modules', '.bin')]
  .filter(Boolean)
  .join(delimiter);
try {
  execFileSync('tsc', ['-p', 'tsconfig.build.json', '--outDir', '.dist-next'], {
    stdio: 'inherit',
    env: { ...process.env, PATH },
  });
} catch (error) {
  if (error.code === 'ENOENT')
    process.stderr.write('build: no TypeScript compiler (tsc) found: run npm ci first\n');
  rmSync('.dist-next', { recursive: true, force: true });
  process.exit(1);
}
writeFileSync(join('.dist-next', '.sources-hash'), `${hash}\n`);
rmSync('.dist-old', { recursive: true, force: true });
if (existsSync('dist')) renameSync('dist', '.dist-old');
renameSync('.dist-next', 'dist');
rmSync('.dist-old', { recursive: true, force: true });
