// `node -r ./test/support/register-ts.js src/main.ts`: runs the TypeScript sources in a child process, as the
// tests that start the real server or command line do. It strips the types with swc, with the options ts-node's
// swc transpiler derives from tsconfig.json (CommonJS, ES2022, legacy decorators with their metadata, class
// fields assigned, not defined), and checks nothing (tsc --noEmit does, in CI). ts-node in transpile-only mode
// spent about 5 s of CPU a start on itself (it loads the TypeScript compiler); this costs a fraction of a second.
// Each file is transpiled from its current text. The output is kept on disk under the hash of that text (with
// the file's path, swc's version and the options): a test run starts the sources a few dozen times (commands,
// servers, render workers), and transpiling the same 300-odd files again was half a second of CPU each time.
// A changed text has another hash, so nothing goes stale.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync, version } = require('@swc/core');

const options = {
  swcrc: false,
  configFile: false,
  sourceMaps: 'inline',
  module: { type: 'commonjs', strictMode: true, noInterop: false },
  jsc: {
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    target: 'es2022',
    keepClassNames: true,
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
};

const cacheDir = join(__dirname, '..', '..', 'node_modules', '.cache', 'register-ts');
const settings = `${version}\0${JSON.stringify(options)}`;

/** The JavaScript of a TypeScript text: from the cache when this text was transpiled before, else by swc. */
function transpile(source, filename) {
  const key = createHash('sha256').update(settings).update('\0').update(filename).update('\0').update(source);
  const cached = join(cacheDir, `${key.digest('hex')}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // Not transpiled yet (or the cache is unreadable): transpile below.
  }
  const { code } = transformSync(source, { ...options, filename });
  try {
    // Written aside, then renamed: processes starting at once never read a half-written file.
    const partial = `${cached}.${process.pid}.${process.hrtime.bigint()}`;
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(partial, code);
    renameSync(partial, cached);
  } catch {
    // A cache that cannot be written only costs the next start the transpiling.
  }
  return code;
}

process.setSourceMapsEnabled(true);

require.extensions['.ts'] = function compileTs(module, filename) {
  module._compile(transpile(readFileSync(filename, 'utf8'), filename), filename);
};
