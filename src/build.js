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
const { join } = require('node:path');

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

const hash = sourcesHash();
const built = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : undefined;
if (process.argv.includes('--when-changed') && built === hash) process.exit(0);

rmSync('.dist-next', { recursive: true, force: true });
try {
  execFileSync('tsc', ['-p', 'tsconfig.build.json', '--outDir', '.dist-next'], { stdio: 'inherit' });
} catch {
  rmSync('.dist-next', { recursive: true, force: true });
  process.exit(1);
}
writeFileSync(join('.dist-next', '.sources-hash'), `${hash}\n`);
rmSync('.dist-old', { recursive: true, force: true });
if (existsSync('dist')) renameSync('dist', '.dist-old');
renameSync('.dist-next', 'dist');
rmSync('.dist-old', { recursive: true, force: true });
