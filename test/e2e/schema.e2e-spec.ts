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
});
