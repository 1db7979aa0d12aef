import { Browser, BrowserContext } from 'playwright-core';
import { serveToChromium, ServedToChromium } from '../support/chromium';

/**
 * A French or Spanish page speaks its language: every word of every page kind is the page's own, except the words
 * it marks as being in another language (a treaty's title or text, the catalogue's English summaries, notes and
 * report findings: `lang` on the element, `lang=""` where the language is not known), codes (`<code>`, upper-case
 * identifiers such as CULTURAL_EXEMPTION or the search operators OR and NOT) and the names of the languages on the
 * language links. English left in the interface (a label, a heading, a chart's description, an error message, a
 * tooltip or an aria-label) fails the test; so do a date written the ISO way and a number grouped the English way.
 */
const PAGES: [string, string][] = [
  ['home', '/'],
  ['search', '/search?q=cultural'],
  ['search with a facet', '/search?q=cultural&code=CULTURAL_EXEMPTION'],
  ['agreements', '/agreements'],
  ['agreements of a party', '/agreements?party=CAN'],
  ['agreement', '/agreements/ceta'],
  ['provision', '/provisions/canada-korea-fta/art-22.6'],
  ['preamble', '/provisions/ceta/preamble'],
  ['parties', '/parties'],
  ['party', '/parties/CAN'],
  ['bloc', '/parties/EUN'],
  ['compare', '/compare?agreements=ceta,cptpp,usmca'],
  ['trends by year', '/trends?groupBy=YEAR&from=1990'],
  ['trends by region', '/trends?groupBy=REGION'],
  ['flows', '/flows'],
  ['draft check', '/draft-check'],
  ['review', '/review'],
  ['unknown agreement', '/agreements/no-such-agreement'],
  ['unknown party', '/parties/XXZ'],
  ['unknown address', '/no-such-page'],
  ['bad filter', '/agreements?from=2090'],
  ['broken escape in the address', '/parties/%ZZ'],
  ['undecodable query string', '/search?q=%E0%A4%A'],
];

/** English words that are no French or Spanish word: one of them in the interface is English left behind. */
// "exemption" is French as well ("une exemption culturelle"): the reports' findings and notes now come in the page's
// language, so it is not a sign of English here.
// Whole words only: `\b` takes an accented letter for a boundary, and read "not" in French "notées".
const ENGLISH = new RegExp(
  `(?<![\\p{L}\\p{N}_])(${[
    'the',
    'of',
    'and',
    'with',
    'which',
    'this',
    'that',
    'is',
    'are',
    'was',
    'has',
    'have',
    'not',
    'from',
    'for',
    'by',
    'to',
    'only',
    'been',
    'its',
    'their',
    'what',
    'be',
    'it',
    'at',
    'none',
    'data',
    'awaiting',
    'agreements?',
    'found',
    'chart',
    'results?',
    'search',
    'against',
    'checked',
    'between',
    'each',
    'every',
    'other',
    'than',
    'there',
    'these',
    'those',
    'when',
    'where',
    'would',
    'should',
    'could',
    'will',
    'our',
    'your',
    'you',
    'we',
    'they',
    'his',
    'her',
    'about',
    'into',
    'over',
    'under',
    'after',
    'before',
    'also',
    'but',
    'if',
    'more',
    'most',
    'some',
    'any',
    'high',
    'low',
    'medium',
    'yes',
    'signed',
    'review',
    'reviewed',
    'proposed',
    'accepted',
    'rejected',
    'binding',
    'country',
  ].join('|')})(?![\\p{L}\\p{N}_])`,
  'u',
);

interface Node_ {
  nodeType: number;
  textContent: string | null;
  parentElement: Element_ | null;
}
interface Element_ {
  closest(selector: string): Element_ | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<Element_> & Iterable<Element_>;
  tagName: string;
}
interface Document_ {
  body: Element_;
  createTreeWalker(root: Element_, what: number): { nextNode(): Node_ | null };
}

describe('French and Spanish pages in their own words', () => {
  let served: ServedToChromium;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    served = await serveToChromium({ rateLimits: false });
    ({ origin, browser } = served);
    context = await browser.newContext({ locale: 'en-GB' });
  });

  afterAll(() => served?.close());

  it.each(['fr', 'es'].flatMap((lang) => PAGES.map(([name, path]) => [lang, name, path])))(
    'in %s, the %s page (%s)',
    async (lang, _name, path) => {
      const page = await context.newPage();
      await page.goto(`${origin}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      const texts = await page.evaluate((pageLang) => {
        const doc = (globalThis as unknown as { document: Document_ }).document;
        // Words in another language, said so, and codes are not the page's to translate.
        const elsewhere = (e: Element_ | null) =>
          !e ||
          Boolean(e.closest('script, style, code, nav.languages')) ||
          (e.closest('[lang]')?.getAttribute('lang') ?? pageLang) !== pageLang;
        const out: string[] = [];
        const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          if (!elsewhere(n.parentElement)) out.push((n.textContent ?? '').trim());
        for (const e of doc.body.querySelectorAll('[title], [aria-label], [placeholder], [alt]'))
          if (!elsewhere(e))
            for (const name of ['title', 'aria-label', 'placeholder', 'alt'])
              if (e.getAttribute(name))
                out.push(`${e.tagName.toLowerCase()}@${name}: ${e.getAttribute(name)}`);
        return out.filter(Boolean);
      }, lang);
      // Upper-case identifiers (codes, the search operators), addresses or slugs, and what a message quotes (a
      // parameter's name, what the visitor typed) are not words of the page's language.
      const words = (text: string) =>
        text
          .replace(/«[^»]*»|“[^”]*”|"[^"]*"/g, '')
          .replace(/\b[A-Z][A-Z0-9_]+\b/g, '')
          .replace(/\S*[-/]\S*/g, '');
      const english = texts.filter((text) => ENGLISH.test(words(text)));
      // Dates as the page writes them (the <time> element keeps the ISO date in its datetime attribute).
      const isoDates = texts.filter((text) => /\b\d{4}-\d{2}-\d{2}\b/.test(text));
      const englishNumbers = texts.filter((text) => /\b\d{1,3}(,\d{3})+\b/.test(text));
      await page.close();
      expect({ english, isoDates, englishNumbers }).toEqual({
        english: [],
        isoDates: [],
        englishNumbers: [],
      });
    },
  );

  it.each([
    ['fr', '\u00a0: '],
    ['es', ': '],
  ])("on a phone, a %s table's cell labels end with the language's colon", async (lang, colon) => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await phone.newPage();
    await page.goto(`${origin}/parties/CAN?lang=${lang}`);
    const endings = await page.evaluate(() => {
      const { document, getComputedStyle } = globalThis as unknown as {
        document: { querySelectorAll(s: string): Iterable<object> };
        getComputedStyle(e: object, pseudo: string): { content: string };
      };
      return [...document.querySelectorAll('table.responsive td[data-label]')].map(
        (td) =>
          JSON.parse(
            getComputedStyle(td, '::before').content.replace(/^"(.*)" *$/, (_m, inner: string) =>
              JSON.stringify(inner),
            ),
          ) as string,
      );
    });
    await phone.close();
    expect(endings.length).toBeGreaterThan(0);
    expect(endings.filter((label) => !label.endsWith(colon) || label.endsWith(` ${colon}`))).toEqual([]);
  });
});
