import { startTestApp, TestApp } from '../support/test-app';
import { readXlsx, bodyBytes } from '../support/download-readers';
import { Role } from '../../src/auth/role.enum';
import { fromGlobalId } from '../../src/graphql/node/global-id';

/** What a reader of the French or Spanish explorer meets: every sentence of a page in the page's language. */
describe('pages in their language', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });

  afterAll(async () => {
    await t?.close();
  });

  const errorMessage = (html: string) => /<p class="error-message">([^<]*)<\/p>/.exec(html)?.[1];

  it('says what is wrong with a malformed search query in the page language, with its position', async () => {
    const cases: [string, string, string][] = [
      ['"unclosed', 'fr', 'Le guillemet en position 1 n’est pas fermé.'],
      ['"unclosed', 'es', 'Las comillas abiertas en la posición 1 no se cierran.'],
      ['NOT culture', 'es', 'La búsqueda solo excluye palabras (NOT)'],
      ['NOT culture', 'fr', 'La recherche ne fait qu’exclure des mots (NOT)'],
      ['(culture', 'fr', 'La parenthèse en position 1 n’est pas fermée.'],
      ['culture c*', 'es', 'El * de la posición 10 requiere al menos dos letras delante.'],
      ['"unclosed', 'en', 'The quote at position 1 is not closed.'],
    ];
    for (const [q, lang, expected] of cases) {
      const page = await t.http().get(`/search?q=${encodeURIComponent(q)}&lang=${lang}`);
      expect({ q, lang, status: page.status }).toEqual({ q, lang, status: 400 });
      const message = errorMessage(page.text);
      expect({ q, lang, message }).toEqual({ q, lang, message: expect.stringContaining(expected) });
      expect(message).not.toMatch(/^query:/);
    }
  });

  it('says on a French or Spanish list that its exports are in English, and its links ask for the files the API serves (reports24)', async () => {
    // The links said "Ces accords (CSV)" and gave English column names; adding the page's &lang=es gave a 400
    // "unknown parameter(s) lang". One rule: the exports are machine-readable, English names and codes in every
    // language (no lang), and the page says so.
    const english = (await t.http().get('/exports/agreements.csv?parties=KHM')).text.split('\n')[0];
    for (const [lang, says] of [
      ['fr', 'en anglais'],
      ['es', 'en inglés'],
    ] as const) {
      const page = (await t.http().get(`/agreements?party=KHM&lang=${lang}`)).text;
      const links = [
        ...page.matchAll(/<a href="([^"]*\/exports\/agreements\.(?:csv|json)[^"]*)" download>([^<]*)<\/a>/g),
      ];
      expect(links).toHaveLength(2);
      for (const [, href, label] of links) {
        expect({ lang, label }).toEqual({ lang, label: expect.stringContaining(says) });
        const path = href.replace(/&amp;/g, '&').replace(/^https?:\/\/[^/]+/, '');
        expect(path).not.toMatch(/[?&]lang=/);
        const file = await t.http().get(path);
        expect({ path, status: file.status }).toEqual({ path, status: 200 });
        if (path.includes('.csv')) expect(file.text.split('\n')[0]).toBe(english);
      }
    }
  });

  it('names the regions in the language of the page, its notes and every file', async () => {
    const english = ['Americas', 'Europe', 'Africa', 'Oceania'];
    for (const [lang, regions] of [
      ['es', ['Américas', 'Europa', 'África', 'Oceanía']],
      ['fr', ['Amériques', 'Europe', 'Afrique', 'Océanie']],
    ] as const) {
      const page = (await t.http().get(`/trends?groupBy=REGION&lang=${lang}`)).text;
      const items = [...page.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]);
      const partialNote = items.find((item) => /\(Asia|\(Asie/.test(item));
      expect({ lang, partialNote }).toEqual({ lang, partialNote: expect.stringContaining(regions[0]) });
      const blocNote = items.find((item) => /EUN/.test(item));
      expect(blocNote).toContain(`${regions[1]} ${lang === 'es' ? 'cuenta' : 'compte'}`);
      for (const word of english.filter((w) => !(regions as readonly string[]).includes(w)))
        expect({ lang, word, inNotes: items.some((item) => new RegExp(`\\b${word}\\b`).test(item)) }).toEqual(
          {
            lang,
            word,
            inNotes: false,
          },
        );
      const json = (await t.http().get(`/reports/trends.json?groupBy=REGION&lang=${lang}`)).body as {
        notes: string[];
        sections: { id: string; table?: { rows: Record<string, unknown>[] } }[];
      };
      const groups = json.sections.find((s) => s.id === 'groups')!.table!.rows.map((r) => r.group);
      expect(groups).toEqual(expect.arrayContaining([...regions]));
      expect(groups).not.toContain('Americas');
      expect(json.notes.join(' ')).not.toMatch(/\bAmericas\b/);
      const xlsx = await t
        .http()
        .get(`/reports/trends.xlsx?groupBy=REGION&lang=${lang}`)
        .buffer(true)
        .parse(bodyBytes);
      const workbook = await readXlsx(xlsx.body as Buffer);
      const cells: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text ?? '')))),
      );
      expect(cells.some((c) => c.startsWith(`${regions[0]} (`) || c === regions[0])).toBe(true);
      // The long table's key column keeps the API's key (an identifier, as the codes are); the labels are named.
      expect(cells.filter((c) => /\bAmericas \(/.test(c))).toEqual([]);
    }
  });

  it("words the review page's refusals in its language: a proposal of one's own (FORBIDDEN), one changed since the page was read (CONFLICT)", async () => {
    const reviewer = await t.createKey(Role.REVIEWER);
    const created = await t.gql<{ createAnnotation: { id: string; version: number } }>(
      'mutation { createAnnotation(input: { pinpoint: "ceta/art-16.2", code: CULTURAL_COOPERATION, note: "own" }) { id version } }',
      {},
      { key: reviewer },
    );
    const { id, version } = created.data!.createAnnotation;
    const number = fromGlobalId(id)!.key;
    const alert = (html: string) =>
      /role="alert">([\s\S]*?)<\/(p|div)>/
        .exec(html)?.[1]
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const post = (lang: string, fields: Record<string, string>) =>
      t
        .http()
        .post(`/review?lang=${lang}`)
        .type('form')
        .send({ key: reviewer, id, ...fields });
    const own = {
      fr: `L’annotation ${number} est la vôtre : un autre relecteur doit l’accepter.`,
      es: `La anotación ${number} es suya: otro revisor debe aceptarla.`,
      en: `Annotation ${number} is yours: another reviewer must accept it.`,
    };
    const changed = {
      fr: `L’annotation ${number} a été modifiée depuis le chargement de cette page`,
      es: `La anotación ${number} se modificó después de cargar esta página`,
      en: `Annotation ${number} was changed since this page was loaded`,
    };
    for (const lang of ['fr', 'es', 'en'] as const) {
      const forbidden = await post(lang, { version: String(version), decision: 'ACCEPT' });
      expect({ lang, status: forbidden.status, alert: alert(forbidden.text) }).toEqual({
        lang,
        status: 403,
        alert: own[lang],
      });
      // Edited since (still awaiting review): the page's version is stale, and nobody reviewed it.
      const stale = await post(lang, { version: String(version - 1), decision: 'REJECT', reason: 'no' });
      expect({ lang, status: stale.status, alert: alert(stale.text) }).toEqual({
        lang,
        status: 409,
        alert: expect.stringContaining(changed[lang]),
      });
    }
  });
});
