// Jest `setupFiles`: graphql-js as production runs it. graphql-js chooses its `instanceOf` when its module is first
// loaded, from NODE_ENV: under jest NODE_ENV is `test`, and its development `instanceOf` (a guard against two copies
// of graphql-js in node_modules) reads the class names of both sides of every `instanceof` that fails: `isListType`,
// `isNonNullType` and the like, at every schema build, every start's introspection check and every field resolved.
// It was a quarter of the CPU of an application's start in the tests (0.2 of 0.8 s in a profile) and most of a
// 70,000-value list's. The service runs with NODE_ENV=production, where graphql-js takes a bare `instanceof`: each
// test file's registry loads that one, here, before anything else loads graphql-js; NODE_ENV is then `test` again
// for everything else (the application's settings, Nest, Apollo).
'use strict';
const saved = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
try {
  require('graphql/jsutils/instanceOf.js');
} finally {
  process.env.NODE_ENV = saved;
}
