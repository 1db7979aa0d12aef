import { EntityManager } from '@mikro-orm/knex';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importers } from '../../src/ingest/importers';
import { Migration20261207120000_article_number_alone as SqliteMigration } from '../../migrations/sqlite/Migration20261207120000_article_number_alone';
import { Migration20261207120000_article_number_alone as PostgresMigration } from '../../migrations/postgresql/Migration20261207120000_article_number_alone';
import { Role } from '../../src/auth/role.enum';
import { startTestApp, TestApp } from '../support/test-app';
import { bodyBytes, readXlsx } from '../support/download-readers';

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
    // An agreement numbering per chapter: its Chapter Twenty-Two starts again at Article 16.1.
    const perChapter = join(dir, 'chapters_1.xml');
    writeFileSync(
      perChapter,
      sample
        .replace('<name>Canada - Testland</name>', '<name>Canada - Chapterland</name>')
        .replace('number="ARTICLE 22.6"', 'number="ARTICLE 16.1"')
        .replace(/99(\d{4})/g, '96$1'),
    );
    const summary = await importers(t.app).tota.import({ paths: [file, perChapter], annotate: true });
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

  describe('an agreement that numbers its articles per chapter', () => {
    const chapters = 'canada-chapterland';
    const cultural = `${chapters}/art-16.1-tota-960301`;

    it('GraphQL says so of its articles, and of no article of an agreement numbered through', async () => {
      const r = await t.gql<{
        a: { provisions: { edges: { node: { key: string; numberedPerChapter: boolean } }[] } };
        b: { provisions: { edges: { node: { key: string; numberedPerChapter: boolean } }[] } };
      }>(
        `{ a: agreement(slug: "${chapters}") { provisions(first: 10) { edges { node { key numberedPerChapter } } } }
           b: agreement(slug: "${slug}") { provisions(first: 10) { edges { node { key numberedPerChapter } } } } }`,
      );
      expect(r.errors).toBeUndefined();
      expect(r.data!.a.provisions.edges.map((e) => [e.node.key, e.node.numberedPerChapter])).toEqual([
        ['preamble', false],
        ['art-16.1', true],
        ['art-16.2', true],
        ['art-16.1-tota-960301', true],
      ]);
      expect(r.data!.b.provisions.edges.every((e) => !e.node.numberedPerChapter)).toBe(true);
    });

    it('the provision page names the chapter in its heading and its citation, in English, French and Spanish', async () => {
      const expected: Record<string, [string, string]> = {
        en: [
          'Chapter TWENTY-TWO, Article 16.1',
          'Chapterland), Chapter TWENTY-TWO, Article 16.1 Cultural Industries',
        ],
        fr: [
          'Chapitre TWENTY-TWO, Article 16.1',
          'Chapterland), chapitre TWENTY-TWO, article 16.1 Cultural Industries',
        ],
        es: [
          'Capítulo TWENTY-TWO, Artículo 16.1',
          'Chapterland), capítulo TWENTY-TWO, artículo 16.1 Cultural Industries',
        ],
      };
      for (const [lang, [heading, citation]] of Object.entries(expected)) {
        const page = await t.http().get(`/provisions/${cultural}?lang=${lang}`);
        expect(page.status).toBe(200);
        const text = page.text.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
        expect(text).toContain(`${heading} · Cultural Industries`);
        expect(text).toContain(citation);
      }
      // The numbered-through agreement's citation names no chapter.
      const other = await t.http().get(`/provisions/${slug}/art-22.6`);
      const text = other.text.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
      expect(text).toContain('Numberland), Article 22.6 Cultural Industries');
    });

    it("the review queue names the chapter of a proposal's article", async () => {
      // The review page asked for the article's number and title only: a reviewer saw "Article 16.1" for either
      // chapter's article (review of 7 December 2026).
      const reviewer = await t.createKey(Role.REVIEWER);
      const queue = await t
        .http()
        .post(`/review?agreement=${chapters}`)
        .type('form')
        .send({ key: reviewer })
        .expect(200);
      const text = queue.text.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
      expect(text).toContain('Chapter TWENTY-TWO, Article 16.1 · Cultural Industries');
    });

    it('the comparison, its page and its files and the coherence report cite its article with its chapter, and an article numbered through without (truth22)', async () => {
      // The reports' short label was "Art. 16.1" for either chapter's article 16.1: a citation that names no article.
      const r = await t.gql<{
        compareAgreements: {
          cells: { agreement: string; provisions: { pinpoint: string; label: string }[] }[];
        };
      }>(
        `query($a: [String!]!) { compareAgreements(agreements: $a, includeProposed: true) {
          cells { agreement provisions { pinpoint label } } } }`,
        { a: [chapters, slug] },
      );
      expect(r.errors).toBeUndefined();
      const labels = new Map(
        r.data!.compareAgreements.cells.flatMap((c) => c.provisions.map((p) => [p.pinpoint, p.label])),
      );
      expect(labels.get(cultural)).toBe('Ch. TWENTY-TWO, Art. 16.1');
      expect(labels.get(`${slug}/art-22.6`)).toBe('Art. 22.6');
      // Every article of the one is cited with its chapter, none of the other.
      for (const [pinpoint, label] of [...labels].filter(([p]) => p.includes('/art-')))
        expect([pinpoint, label.startsWith('Ch. ')]).toEqual([pinpoint, pinpoint.startsWith(`${chapters}/`)]);
      const query = `agreements=${chapters},${slug}&includeProposed=true`;
      const page = (await t.http().get(`/compare?${query}`).expect(200)).text.replace(/<[^>]+>/g, '');
      expect(page).toContain('Ch. TWENTY-TWO, Art. 16.1');
      expect(page).toContain('Ch. SIXTEEN, Art. 16.1');
      const json = (await t.http().get(`/reports/compare.json?${query}`).expect(200)).text;
      expect(json).toContain('Ch. TWENTY-TWO, Art. 16.1');
      expect(json).toContain('Ch. SIXTEEN, Art. 16.1');
      const md = (await t.http().get(`/reports/compare.md?${query}`).expect(200)).text;
      expect(md).toContain('Ch. TWENTY-TWO, Art. 16.1');
      const xlsx = await t
        .http()
        .get(`/reports/compare.xlsx?${query}`)
        .buffer(true)
        .parse(bodyBytes)
        .expect(200);
      const cells: string[] = [];
      (await readXlsx(xlsx.body as Buffer)).eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))),
      );
      expect(cells.join('\n')).toContain('Ch. TWENTY-TWO, Art. 16.1');
      // The coherence report of a party to it cites the same way.
      const coherence = await t.gql<{
        coherenceReport: { agreements: { checks: { evidence: { pinpoint: string; label: string }[] }[] }[] };
      }>(
        `{ coherenceReport(party: "CAN", includeProposed: true) { agreements { checks { evidence { pinpoint label } } } } }`,
      );
      expect(coherence.errors).toBeUndefined();
      const cited = coherence.data!.coherenceReport.agreements.flatMap((a) =>
        a.checks.flatMap((c) => c.evidence.filter((e) => e.pinpoint === cultural).map((e) => e.label)),
      );
      expect(cited.length).toBeGreaterThan(0);
      expect(new Set(cited)).toEqual(new Set(['Ch. TWENTY-TWO, Art. 16.1']));
    });

    it("the agreement's CSV, the exports and the search's label it with its chapter; the search's has a chapter column", async () => {
      const agreementCsv = await t.http().get(`/agreements/${chapters}.csv`).buffer(true);
      const rows = parse(agreementCsv.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<
        string,
        string
      >[];
      expect([...new Set(rows.map((r) => `${r.pinpoint} ${r.article_label}`))]).toEqual([
        `${chapters}/preamble `,
        `${chapters}/art-16.1 Ch. SIXTEEN, Art. 16.1`,
        `${chapters}/art-16.2 Ch. SIXTEEN, Art. 16.2`,
        `${cultural} Ch. TWENTY-TWO, Art. 16.1`,
      ]);
      const exported = await t.http().get(`/exports/provisions.csv?agreement.slugs=${chapters}`).buffer(true);
      expect(exported.status).toBe(200);
      const lines = parse(exported.text, { columns: true }) as Record<string, string>[];
      expect(lines.map((r) => [r.pinpoint, r.article_number, r.article_label])).toEqual([
        [`${chapters}/preamble`, '', ''],
        [`${chapters}/art-16.1`, '16.1', 'Ch. SIXTEEN, Art. 16.1'],
        [`${chapters}/art-16.2`, '16.2', 'Ch. SIXTEEN, Art. 16.2'],
        [cultural, '16.1', 'Ch. TWENTY-TWO, Art. 16.1'],
      ]);
      const annotations = await t
        .http()
        .get(`/exports/annotations.csv?agreement.slugs=${chapters}`)
        .buffer(true);
      const annotated = parse(annotations.text, { columns: true }) as Record<string, string>[];
      expect(annotated.find((r) => r.pinpoint === cultural)).toMatchObject({
        provision_label: 'Ch. TWENTY-TWO, Art. 16.1',
      });
      const search = await t.http().get('/search.csv?q=cultural%20industries').buffer(true);
      expect(search.status).toBe(200);
      const hits = parse(search.text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      const hit = hits.find((h) => h.pinpoint === cultural)!;
      expect(hit).toMatchObject({
        chapter: 'CHAPTER TWENTY-TWO Exceptions',
        article: '16.1',
        article_label: 'Ch. TWENTY-TWO, Art. 16.1',
      });
      expect(hits.find((h) => h.pinpoint === `${slug}/art-22.6`)).toMatchObject({
        article_label: 'Art. 22.6',
      });
    });

    it('each language version is read apart, and a chapter with no number by its title (GraphQL, the export)', async () => {
      // Numberland numbers its English articles through; a French version gets Article 2 in two chapters named by
      // their title only, a Spanish one Article 5 twice in one chapter.
      const editor = await t.createKey(Role.EDITOR);
      const added: [string, string, string, string | null, string | null][] = [
        ['fr-2-commerce', 'fr', '2', null, 'Commerce'],
        ['fr-2-investissement', 'fr', '2', null, 'Investissement'],
        ['es-5-a', 'es', '5', 'CAPÍTULO 1', null],
        ['es-5-b', 'es', '5', 'CAPÍTULO 1', null],
      ];
      for (const [key, language, articleNumber, chapterNumber, chapterTitle] of added) {
        const r = await t.gql(
          'mutation ($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint } }',
          {
            input: {
              agreement: slug,
              key,
              location: 'OPERATIVE',
              language,
              articleNumber,
              chapterNumber,
              chapterTitle,
              text: 'x',
            },
          },
          { key: editor },
        );
        expect(r.errors).toBeUndefined();
      }
      const r = await t.gql<{
        agreement: { provisions: { edges: { node: { key: string; numberedPerChapter: boolean } }[] } };
      }>(
        `{ agreement(slug: "${slug}") { provisions(first: 20) { edges { node { key numberedPerChapter } } } } }`,
      );
      expect(r.errors).toBeUndefined();
      expect(
        r.data!.agreement.provisions.edges.filter((e) => e.node.numberedPerChapter).map((e) => e.node.key),
      ).toEqual(['fr-2-commerce', 'fr-2-investissement']);
      const exported = await t.http().get(`/exports/provisions.csv?agreement.slugs=${slug}`).buffer(true);
      const lines = parse(exported.text, { columns: true }) as Record<string, string>[];
      expect(
        lines.filter((l) => l.article_number === '2' || l.article_number === '5').map((l) => l.article_label),
      ).toEqual(['Commerce, Art. 2', 'Investissement, Art. 2', 'Art. 5', 'Art. 5']);
    });
  });
});
