// Tests that read the real corpus (CORPUS_DIR, default ../shared/corpus): `npm run test:corpus`. The whole
// corpus is imported once per run (globalSetup, `support/corpus-template.ts`); the tests that read the imported
// corpus start from a copy of that database.
const base = require('../package.json').jest;
module.exports = {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/test/corpus'],
  testMatch: ['**/*.corpus-spec.ts'],
  testTimeout: 600000,
  globalSetup: '<rootDir>/test/corpus/global-setup.ts',
  globalTeardown: '<rootDir>/test/corpus/global-teardown.ts',
};
