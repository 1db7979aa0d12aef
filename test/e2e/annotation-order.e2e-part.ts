import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';
import { importers } from '../../src/ingest/importers';

interface Page {
  annotations: {
    edges: { node: { id: string; confidence: number | null; ruleId: string | null } }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

// Reviewers sort the queue by the rules' calibrated confidence, likely-wrong proposals first.
describe('annotations ordered by confidence', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await importers(t.app).tota.import({
      paths: [join(__dirname, '..', 'fixtures', 'tota', 'sample_1.xml')],
      annotate: true,
    });
  });
  afterAll(() => t.close());

  const page = (direction: string, first: number, after?: string, filter = '{ origins: [RULE] }') =>
    t.gql<Page>(
      `query($after: String) { annotations(first: ${first}, after: $after, filter: ${filter}, orderBy: { field: CONFIDENCE, direction: ${direction} }) {
         edges { node { id confidence ruleId } } pageInfo { endCursor hasNextPage } } }`,
      { after },
    );

  async function all(direction: string): Promise<{ id: string; confidence: number | null }[]> {
    const nodes: { id: string; confidence: number | null }[] = [];
    let after: string | undefined;
    for (;;) {
      const result = await page(direction, 2, after);
      expect(result.errors).toBeUndefined();
      nodes.push(...result.data!.annotations.edges.map((edge) => edge.node));
      if (!result.data!.annotations.pageInfo.hasNextPage) return nodes;
      after = result.data!.annotations.pageInfo.endCursor!;
    }
  }

  it('ASC gives the least confident proposals first, page after page, and DESC the reverse', async () => {
    const ascending = await all('ASC');
    expect(ascending.length).toBeGreaterThanOrEqual(3);
    const values = ascending.map((node) => node.confidence!);
    expect(values.every((value) => typeof value === 'number')).toBe(true);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(values).size).toBeGreaterThan(1); // confidences differ by rule: not a constant
    const descending = await all('DESC');
    expect(descending.map((node) => node.confidence)).toEqual([...values].sort((a, b) => b - a));
    expect(new Set(descending.map((node) => node.id))).toEqual(new Set(ascending.map((node) => node.id)));
  });

  it('puts annotations without a confidence (made by people) after the proposals, in both directions', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const result = await page(direction, 50, undefined, '{}');
      const confidences = result.data!.annotations.edges.map((edge) => edge.node.confidence);
      const firstNull = confidences.indexOf(null);
      expect(firstNull).toBeGreaterThan(0);
      expect(confidences.slice(firstNull).every((value) => value === null)).toBe(true);
    }
  });

  it('rejects an unknown order field as bad input', async () => {
    const result = await t.gql(
      '{ annotations(first: 1, orderBy: { field: PRIORITY }) { edges { node { id } } } }',
    );
    expect(result.errors![0].extensions).toMatchObject({
      code: expect.stringMatching(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/),
    });
  });
});
