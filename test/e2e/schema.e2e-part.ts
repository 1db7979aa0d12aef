import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths';
import { printAppSchema } from '../../src/graphql/print-schema';
import { startTestApp, TestApp } from '../support/test-app';

describe('schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is the schema the code generates (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(join(PROJECT_ROOT, 'schema.gql'), 'utf8');
    expect(printAppSchema(t.app)).toBe(committed);
  });

  it('defines the family template in one place, ClauseFamily.template: its earliest member', () => {
    // clauseFamily's description points to it rather than saying the rule again (until 6 December 2026 the two said
    // different rules: "the earliest member" and "where the line of sources begins").
    const schema = printAppSchema(t.app);
    const field = /"""\s*([^"]*?)"""\s*clauseFamily\(/.exec(schema)![1];
    expect(field).not.toMatch(/template is/);
    expect(field).toContain('ClauseFamily.template');
    const template = /type ClauseFamily \{[^}]*?"""\s*([^"]*?)\s*"""\s*template: Provision!/.exec(schema)![1];
    expect(template).toMatch(/^The template of the whole family: its earliest member/);
  });
});
