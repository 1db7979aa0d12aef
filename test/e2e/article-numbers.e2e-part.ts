import { EntityManager } from '@mikro-orm/knex';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importers } from '../../src/ingest/importers';
import { Migration20261207120000_article_number_alone as SqliteMigration } from '../../migrations/sqlite/Migration20261207120000_article_number_alone';
import { Migration20261207120000_article_number_alone as PostgresMigration } from '../../migrations/postgresql/Migration20261207120000_article_number_alone';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * What the new-user trial of 7 December 2026 found: `articleNumber` was "ARTICLE 2106" after `import tota` and "2106"
 * on the fixtures, and so was the provisions export's `article_number`, the column analysts join and sort on.
 */
describe('article numbers: the number alone, at every door and in a database written before', () => {
  let t: TestApp;
  let dir: string;
  const em = () => t.orm.em.fork() as EntityManager;
  const slug = 'canada-numberland';
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    dir = mkdtempSync(join(tmpdir(), 'ct-article-numbers-'));
    const sample = readFileSync(join(__dirname, '..', 'fixtures', 'tota', 'sample_1.xml'), 'utf8');
    const file = join(dir, 'numbers_1.xml');
    writeFileSync(
      file,
      sample
        .replace('<name>Canada - Testland</name>', '<name>Canada - Numberland</name>')
        .replace('number="ARTICLE 16.2"', 'number="ARTÍCULO 16.2"')
        .replace('number="ARTICLE 22.6"', 'number="ARTICLE - 22.6"')
        .replace(/99(\d{4})/g, '97$1'),
    );
    const summary = await importers(t.app).tota.import({ paths: [file], annotate: false });
    expect(summary.failures).toEqual([]);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const numbers = async () => {
    const r = await t.gql<{
      agreement: { provisions: { edges: { node: { key: string; articleNumber: string | null } }[] } };
    }>(`{ agreement(slug: "${slug}") { provisions(first: 10) { edges { node { key articleNumber } } } } }`);
    return r.data!.agreement.provisions.edges.map((e) => [e.node.key, e.node.articleNumber]);
  };

  it('import tota stores the number without the word the file writes before it (keys as before)', async () => {
    expect(await numbers()).toEqual([
      ['preamble', null],
      ['art-16.1', '16.1'],
      ['art-16.2', '16.2'],
      ['art-22.6', '22.6'],
    ]);
    const csv = await t.http().get(`/exports/provisions.csv?agreement.slugs=${slug}`).buffer(true);
    expect(csv.status).toBe(200);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.article_number, r.article_label])).toEqual([
      ['', ''],
      ['16.1', 'Art. 16.1'],
      ['16.2', 'Art. 16.2'],
      ['22.6', 'Art. 22.6'],
    ]);
  });

  it('the migration rewrites the numbers a database holds with the word, and the search title beside them', async () => {
    const knex = em().getKnex();
    const [{ id }] = await knex('provision')
      .join('agreement', 'agreement.id', 'provision.agreement_id')
      .where({ 'agreement.slug': slug, 'provision.key': 'art-22.6' })
      .select('provision.id as id');
    const title = async () =>
      (await knex('provision_search').where({ provision_id: id }).first('title')).title as string;
    const indexed = await title();
    expect(indexed.startsWith('22 6 ')).toBe(true);
    // As ToTA's rows were stored before 7 December 2026.
    await knex('provision').where({ id }).update({ article_number: 'ARTÍCULO 22.6' });
    await knex('provision_search')
      .where({ provision_id: id })
      .update({ title: `articulo ${indexed}` });
    const Migration = t.driver === 'postgresql' ? PostgresMigration : SqliteMigration;
    const migration = new Migration(t.orm.em.getDriver() as never, t.orm.config);
    await migration.up();
    expect((await numbers()).find(([key]) => key === 'art-22.6')).toEqual(['art-22.6', '22.6']);
    expect(await title()).toBe(indexed);
  });
});
