// Tests that read the real corpus (CORPUS_DIR, default ../shared/corpus): `npm run test:corpus`.
const base = require('../package.json').jest;
module.exports = {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/test/corpus'],
  testMatch: ['**/*.corpus-spec.ts'],
  testTimeout: 600000,
};
