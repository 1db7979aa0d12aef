import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { PROJECT_ROOT } from '../common/paths';

/**
 * Every GraphQL block of the README is one document a newcomer can paste into GraphiQL or POST as it stands: it
 * parses and validates against the committed schema. The reviewer's round held a query and a mutation, both
 * anonymous, in one block, which GraphQL refuses ("This anonymous operation must be the only defined operation";
 * user16, 6 December 2026).
 */
const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const SCHEMA = buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.gql'), 'utf8'));

const blocks = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i) => ({
  line: README.slice(0, m.index).split('\n').length,
  number: i + 1,
  text: m[1],
}));

describe("the README's GraphQL examples", () => {
  it('finds them', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
  });

  it.each(blocks.map((b) => [b.line, b] as const))(
    'the block at line %i parses and validates against schema.gql',
    (line, block) => {
      const errors = validate(SCHEMA, parse(block.text)).map((e) => e.message);
      expect({ line, errors }).toEqual({ line, errors: [] });
    },
  );
});
