import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import localRules from './eslint/no-raw-sql.mjs';

// Domain code throws the errors of src/common/errors.ts; only the GraphQL transport builds GraphQL errors.
const NO_GRAPHQL_ERROR = {
  name: 'graphql',
  importNames: ['GraphQLError'],
  message: 'throw a DomainError (src/common/errors.ts); src/graphql/ maps it to a GraphQL error',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.dist-next/**',
      '.dist-old/**',
      '.bench-base/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'bench/out/**',
      'test/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: [
      '**/*.config.js',
      'test/support/register-ts.js',
      'test/support/npm-test.js',
      'test/support/test-sequencer.js',
      'test/support/graphql-production-instanceof.js',
      'src/build.js',
    ],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**'],
    ignores: ['src/graphql/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [NO_GRAPHQL_ERROR] }] },
  },
  {
    // The core does not depend on search: search follows it through subscribers and events (docs/architecture.md).
    files: [
      'src/agreements/**',
      'src/provisions/**',
      'src/annotations/**',
      'src/ingest/**',
      'src/parties/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [NO_GRAPHQL_ERROR],
          patterns: [{ group: ['**/search/**', '**/search'], message: 'the core does not import search' }],
        },
      ],
    },
  },
  {
    // No raw SQL outside the repositories and the engine adapters (docs/architecture.md, "Layers"): every
    // statement of an aggregate is written in its `repository/` folder. The core's repositories are checked
    // again below, in builder mode (with those of reports and search); ingest's repositories still hold SQL strings.
    files: ['src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      'src/**/repository/**',
      // Engine adapters: the MikroORM options, the start-up initializer, the statement budget, migrations tooling.
      'src/database/**',
      // Search's engine adapters: full text (FTS5, tsvector), deadlines, band keys, one folder per engine.
      'src/search/engine/**',
      // Query infrastructure shared by the repositories: the expression module, keyset pages, the row mapper.
      'src/common/sql.ts',
      'src/common/pagination/**',
      'src/common/row-mapper.ts',
    ],
    plugins: { local: localRules },
    rules: { 'local/no-raw-sql': 'error' },
  },
  {
    // The folders built with MikroORM's Knex query builder: no SQL text, no raw calls; an expression Knex lacks
    // is a named helper of src/common/sql.ts, the one module that writes SQL expressions.
    files: [
      'src/agreements/repository/**/*.ts',
      'src/provisions/repository/**/*.ts',
      'src/annotations/repository/**/*.ts',
      'src/parties/repository/**/*.ts',
      'src/bindings/repository/**/*.ts',
      'src/taxonomy/repository/**/*.ts',
      'src/audit/repository/**/*.ts',
      'src/reports/repository/**/*.ts',
      'src/search/repository/**/*.ts',
      'src/ingest/repository/**/*.ts',
      'src/common/pagination/**/*.ts',
      'src/common/row-mapper.ts',
    ],
    ignores: ['**/*.spec.ts'],
    plugins: { local: localRules },
    rules: { 'local/no-raw-sql': ['error', { builder: true }] },
  },
  {
    // A migration replays the same way forever: it never imports application code.
    files: ['migrations/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/src/**'], message: 'a migration does not import application code' }] },
      ],
    },
  },
);
