// Several instances of the service on one PostgreSQL with Redis (both on 127.0.0.1): `npm run test:cluster`.
const base = require('../package.json').jest;
module.exports = {
  ...base,
  rootDir: '..',
  roots: ['<rootDir>/test/cluster'],
  testMatch: ['**/*.cluster-spec.ts'],
  testTimeout: 600000,
};
