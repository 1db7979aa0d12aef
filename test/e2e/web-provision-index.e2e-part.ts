import { EntityManager } from '@mikro-orm/knex';
import { ClauseIndex } from '../../src/search/wording/clause-index';
import { ClauseIndexService } from '../../src/search/wording/clause-index.service';
import type { Response } from 'supertest';
import { startTestApp, statementsDuring, TestApp } from '../support/test-app';

/**
 * A freshly started server builds its clause index in the background (tens of seconds for the whole corpus):
 * a provision page does not wait for it, but shows the text, annotations and citation, and says that similar
 * clauses and the family come shortly, with a link to reload; once built, they are there. The agreement page's
 * contents read one page of provisions from the index, not every provision of the agreement with its text.
 */
describe('web explorer: provision page while the clause index builds; contents page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  it('answers a provision page at once while the first index of a large catalogue builds, then shows similar clauses', async () => {
    const clauses = t.app.get(ClauseIndexService);
    // The catalogue looks large (the corpus) and its first build does not end until released: the catalogue
    // stamp's count, built with Knex (quoted for the engine; of the provisions of visible agreements), answers as the
    // corpus would.
    type Query = { sql: string; bindings?: unknown[] };
    const client = (t.orm.em as EntityManager).getKnex().client as {
      query(connection: unknown, obj: Query): Promise<unknown>;
    };
    const query = client.query.bind(client);
    jest
      .spyOn(client, 'query')
      .mockImplementation((connection: unknown, obj: Query) =>
        query(
          connection,
          /^select count\(\*\) as [`"]n[`"], max\([`"]p[`"]\.[`"]id[`"]\) as [`"]m[`"] from [`"]provision[`"] as [`"]p[`"] where /.test(
            obj.sql,
          )
            ? { ...obj, sql: 'select 41000 as "n", 41000 as "m"', bindings: [] }
            : obj,
        ),
      );
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const build = ClauseIndex.buildInSlices.bind(ClauseIndex);
    jest.spyOn(ClauseIndex, 'buildInSlices').mockImplementation(async (texts, size) => {
      await gate;
      return build(texts, size);
    });

    // The build is held until released below: a page that waited for it would never answer (Jest's timeout), so
    // the answer itself says it did not wait, whatever the machine's load (a bound of 5 s said it before).
    let released = false;
    const page = await t.http().get('/provisions/canada-korea-fta/art-22.6');
    expect({ status: page.status, released }).toEqual({ status: 200, released: false });
    expect(page.text).toContain('Similar clauses and the clause family are not ready yet');
    expect(page.text).toContain(
      'href="/provisions/canada-korea-fta/art-22.6">Reload this page to see them</a>',
    );
    expect(page.text).toContain('<h2 id="ann-h">');
    expect(page.text).toContain('class="citation-text"');

    released = true;
    release();
    await clauses.get();
    const later = await t.http().get('/provisions/canada-korea-fta/art-22.6');
    expect(later.status).toBe(200);
    expect(later.text).not.toContain('not ready yet');
    expect(later.text).toMatch(/<section aria-labelledby="sim-h">[\s\S]*(<ol>|No other provision)/);
  });

  it('reads the contents of an agreement as one page from the index, and pages with the API cursors', async () => {
    jest.restoreAllMocks();
    let page!: Response;
    const statements = await statementsDuring(
      t.orm,
      async () => (page = await t.http().get('/agreements/cptpp')),
    );
    expect(page.status).toBe(200);
    // A window over the agreement's provisions ranks them all, with their texts, to keep the first page.
    expect(statements.filter((sql) => /row_number\(\) over/i.test(sql) && /provision/.test(sql))).toEqual([]);

    const api = await t.gql<{
      agreement: { provisions: { pageInfo: { endCursor: string }; edges: { node: { key: string } }[] } };
    }>(
      '{ agreement(slug: "cptpp") { provisions(first: 30) { pageInfo { endCursor } edges { node { key } } } } }',
    );
    const keys = api.data!.agreement.provisions.edges.map((e) => e.node.key);
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys.slice(0, 10)) expect(page.text).toContain(`href="/provisions/cptpp/${key}"`);
    const { data } = await t.gql<{
      agreement: { provisions: { pageInfo: { endCursor: string }; edges: { node: { key: string } }[] } };
    }>(
      '{ agreement(slug: "cptpp") { provisions(first: 5) { pageInfo { endCursor } edges { node { key } } } } }',
    );
    const second = await t
      .http()
      .get(`/agreements/cptpp?after=${encodeURIComponent(data!.agreement.provisions.pageInfo.endCursor)}`);
    expect(second.status).toBe(200);
    expect(second.text).toContain(`href="/provisions/cptpp/${keys[5]}"`);
    expect(second.text).not.toContain(`href="/provisions/cptpp/${keys[4]}"`);
  });
});
