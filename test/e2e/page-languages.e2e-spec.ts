import { startTestApp, TestApp } from '../support/test-app';

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
      ['"unclosed', 'fr', 'Le guillemet à la position 1 n’est jamais fermé.'],
      ['"unclosed', 'es', 'Las comillas abiertas en la posición 1 no se cierran nunca.'],
      ['NOT culture', 'es', 'NOT solo excluye palabras de lo que otra palabra encuentra.'],
      ['NOT culture', 'fr', 'NOT ne fait qu’écarter des mots de ce qu’un autre mot trouve.'],
      ['(culture', 'fr', 'La parenthèse à la position 1 n’est jamais fermée.'],
      ['culture c*', 'es', 'El asterisco de la posición 10 necesita al menos 2 letras delante.'],
      ['"unclosed', 'en', 'The quotation mark at position 1 is never closed.'],
    ];
    for (const [q, lang, expected] of cases) {
      const page = await t.http().get(`/search?q=${encodeURIComponent(q)}&lang=${lang}`);
      expect({ q, lang, status: page.status }).toEqual({ q, lang, status: 400 });
      const message = errorMessage(page.text);
      expect({ q, lang, message }).toEqual({ q, lang, message: expect.stringContaining(expected) });
      expect(message).not.toMatch(/^query:/);
    }
  });
});
