// `node -r ./test/support/register-ts.js src/main.ts`: runs the TypeScript sources in a child process, as the
// tests that start the real server or command line do. It strips the types with swc, with the options ts-node's
// swc transpiler derives from tsconfig.json (CommonJS, ES2022, legacy decorators with their metadata, class
// fields assigned, not defined), and checks nothing (tsc --noEmit does, in CI). ts-node in transpile-only mode
// spent about 5 s of CPU a start on itself (it loads the TypeScript compiler); this costs a fraction of a second.
// Each file is transpiled as it is required, from its current text: there is nothing to go stale.
'use strict';
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

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

process.setSourceMapsEnabled(true);

require.extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
