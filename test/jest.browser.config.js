// Tests that drive headless Chromium (Debian's chromium, or CHROMIUM_PATH): `npm run test:browser`.
const base = require('../package.json').jest;
module.exports = {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser-spec.ts'],
};
