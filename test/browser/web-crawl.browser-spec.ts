import { Browser, BrowserContext } from 'playwright-core';
import { LANGUAGES, Language } from '../../src/web/i18n';
import { serveToChromium, ServedToChromium } from '../support/chromium';

/**
 * A crawler, as a visitor who only follows links: from the home page, breadth-first over every same-site link, in
 * each language, on the fixtures database, with a browser whose Accept-Language is English and whose cookies are
 * cleared after every page (a browser that keeps none, a link opened elsewhere): the language must travel in the
 * links themselves. Every page answers 200 (or says in its own words that something is not found), is in the
 * language it was reached in, has a title and one h1, and labels every form field; every link stays in the page's
 * language (a GET form carries it in a field); every download link answers with the content type and a file name
 * of the kind it promises.
 *
 * The crawl takes at most PER_KIND pages of each kind (path and parameter names: the 250 party pages are one kind)
 * and MAX_PAGES in all, so that it covers every kind of page without reading the whole catalogue.
 */
const MAX_PAGES = 300;
const PER_KIND = 25;
const MAX_DOWNLOADS_PER_KIND = 3;

interface PageFacts {
  lang: string;
  title: string;
  h1: number;
  links: { href: string; download: boolean; text: string }[];
  getForms: { action: string; lang: string | null }[];
  unlabelled: string[];
  notFound: string | null;
}

/** The little of the DOM the crawler reads (the project's types have no DOM library). */
interface Node_ {
  type?: string;
  value?: string;
  outerHTML: string;
  textContent: string | null;
  labels?: { length: number } | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): Node_ | null;
}
interface Document_ {
  documentElement: { lang: string };
  title: string;
  querySelector(selector: string): Node_ | null;
  querySelectorAll(selector: string): ArrayLike<Node_> & Iterable<Node_>;
}

/** What a download link promises, by the extension of its path (the ZIP of a report's CSVs has its own, `.zip`). */
function promise(path: string, text: string): { type: RegExp; ext: string } | null {
  const ext = /\.(csv|zip|json|xlsx|md|html)$/.exec(path)?.[1];
  if (!ext) return null;
  if (ext === 'zip') expect({ path, text }).toEqual({ path, text: expect.stringMatching(/zip/i) });
  const types: Record<string, RegExp> = {
    csv: /^text\/csv; charset=utf-8/,
    zip: /^application\/zip/,
    json: /^application\/json; charset=utf-8/,
    xlsx: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/,
    md: /^text\/markdown; charset=utf-8/,
    html: /^text\/html; charset=utf-8/,
  };
  return { type: types[ext], ext };
}

/** The kind of a page: its path with the last segment of an item page left out, and its parameter names. */
function kindOf(url: URL): string {
  const segments = url.pathname.split('/').filter(Boolean);
  const path = segments.length > 1 ? `/${segments[0]}/*` : `/${segments.join('/')}`;
  const names = [...new Set([...url.searchParams.keys()].filter((k) => k !== 'lang'))].sort();
  return `${path}?${names.join('&')}`;
}

describe('the explorer crawled link by link, in each language', () => {
  let served: ServedToChromium;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    served = await serveToChromium({ rateLimits: false });
    ({ origin, browser } = served);
  });

  afterAll(() => served?.close());

  it.each(LANGUAGES.map((l) => [l]))(
    'in %s: every page, link, form field and download',
    async (lang: Language) => {
      const context: BrowserContext = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      const start = lang === 'en' ? '/' : `/?lang=${lang}`;
      const queue: string[] = [start];
      const seen = new Set(queue);
      const perKind = new Map<string, number>();
      const downloads = new Map<string, { path: string; text: string; from: string }>();
      const downloadKinds = new Map<string, number>();
      const problems: string[] = [];
      let visited = 0;

      while (queue.length > 0 && visited < MAX_PAGES) {
        const path = queue.shift()!;
        visited++;
        const response = await page.goto(`${origin}${path}`, { waitUntil: 'domcontentloaded' });
        await context.clearCookies();
        const status = response?.status() ?? 0;
        const type = response?.headers()['content-type'] ?? '';
        if (!type.startsWith('text/html')) {
          problems.push(`${path}: answers ${type}, not a page`);
          continue;
        }
        const facts: PageFacts = await page.evaluate(() => {
          const doc = (globalThis as unknown as { document: Document_ }).document;
          const labelled = (e: Node_) =>
            Boolean(e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby'));
          return {
            lang: doc.documentElement.lang,
            title: doc.title.trim(),
            h1: doc.querySelectorAll('h1').length,
            links: [...doc.querySelectorAll('a[href]')].map((a) => ({
              href: a.getAttribute('href')!,
              download: a.hasAttribute('download'),
              text: (a.textContent ?? '').trim(),
            })),
            getForms: [...doc.querySelectorAll('form')]
              .filter((f) => (f.getAttribute('method') ?? 'get').toLowerCase() === 'get')
              .map((f) => ({
                action: f.getAttribute('action') ?? '',
                lang: f.querySelector('input[name=lang]')?.value ?? null,
              })),
            unlabelled: [...doc.querySelectorAll('input, select, textarea')]
              .filter((e) => !['hidden', 'submit', 'button', 'reset'].includes(e.type ?? ''))
              .filter((e) => !labelled(e))
              .map((e) => e.outerHTML.slice(0, 120)),
            notFound: doc.querySelector('.error-message')?.textContent ?? null,
          };
        });
        // A 404 is allowed where the page says so itself (an item the catalogue does not hold).
        if (status !== 200 && !(status === 404 && facts.notFound))
          problems.push(`${path}: HTTP ${status} ${facts.notFound ?? ''}`);
        if (facts.lang !== lang) problems.push(`${path}: reached in ${lang}, served in "${facts.lang}"`);
        if (!facts.title) problems.push(`${path}: no title`);
        if (facts.h1 !== 1) problems.push(`${path}: ${facts.h1} h1`);
        for (const field of facts.unlabelled) problems.push(`${path}: a field without a label: ${field}`);
        for (const form of facts.getForms)
          if (lang !== 'en' && form.lang !== lang)
            problems.push(`${path}: the form to ${form.action} does not carry lang=${lang}`);

        for (const link of facts.links) {
          if (link.href.startsWith('#')) continue;
          const url = new URL(link.href, `${origin}${path}`);
          if (url.origin !== origin) continue;
          const target = `${url.pathname}${url.search}`;
          const linkLang = url.searchParams.get('lang');
          const promised = promise(url.pathname, link.text);
          if (promised) {
            const kind = `${kindOf(url)} ${promised.ext}`;
            if (!downloads.has(target) && (downloadKinds.get(kind) ?? 0) < MAX_DOWNLOADS_PER_KIND) {
              downloadKinds.set(kind, (downloadKinds.get(kind) ?? 0) + 1);
              downloads.set(target, { path: target, text: link.text, from: path });
            }
            continue;
          }
          if (url.pathname.startsWith('/graphql')) continue;
          // The language links lead elsewhere on purpose; every other link keeps the page's language.
          if (linkLang && linkLang !== lang) {
            if (link.text === '') problems.push(`${path}: a language link without a name`);
            continue;
          }
          if (lang !== 'en' && linkLang !== lang)
            problems.push(`${path}: the link "${link.text.slice(0, 40)}" (${target}) loses lang=${lang}`);
          if (seen.has(target)) continue;
          seen.add(target);
          const kind = kindOf(url);
          if ((perKind.get(kind) ?? 0) >= PER_KIND) continue;
          perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
          queue.push(target);
        }
      }

      for (const d of downloads.values()) {
        const answer = await context.request.get(`${origin}${d.path}`);
        const promised = promise(new URL(d.path, origin).pathname, d.text)!;
        const type = answer.headers()['content-type'] ?? '';
        const disposition = answer.headers()['content-disposition'] ?? '';
        const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? '';
        if (answer.status() !== 200) problems.push(`${d.path} (from ${d.from}): HTTP ${answer.status()}`);
        else if (!promised.type.test(type)) problems.push(`${d.path} "${d.text}": answers ${type}`);
        else if (promised.ext !== 'html' && !filename.endsWith(`.${promised.ext}`))
          problems.push(`${d.path} "${d.text}": file name "${filename}" (${disposition})`);
      }
      await context.close();

      // The crawl reached every kind of page the menu offers, and downloads of each format.
      const kinds = [...perKind.keys()].map((k) => k.split('?')[0]);
      for (const expected of [
        '/search',
        '/agreements',
        '/agreements/*',
        '/provisions/*',
        '/parties/*',
        '/compare',
        '/trends',
        '/flows',
        '/draft-check',
        '/review',
      ])
        expect(kinds).toContain(expected);
      expect(visited).toBeGreaterThanOrEqual(150);
      expect(downloads.size).toBeGreaterThanOrEqual(10);
      expect([...new Set(problems)]).toEqual([]);
    },
    600_000,
  );

  it.each([
    ['/'],
    ['/agreements?party=CAN'],
    ['/agreements/ceta'],
    ['/provisions/canada-korea-fta/art-22.6'],
    ['/parties/CAN'],
    ['/search?q=cultural'],
    ['/trends?groupBy=REGION'],
    ['/compare?agreements=ceta,cptpp'],
    ['/draft-check'],
    ['/review'],
  ])('by keyboard alone, %s: the skip link first, every stop visible with a focus ring', async (path) => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${origin}${path}`);
    const stops: { html: string; ring: boolean; visible: boolean }[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const g = globalThis as unknown as {
          document: {
            activeElement:
              | (Node_ & { getBoundingClientRect(): { x: number; y: number; width: number; height: number } })
              | null;
            body: unknown;
          };
          getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string; boxShadow: string };
        };
        const e = g.document.activeElement;
        if (!e || e === g.document.body) return null;
        const style = g.getComputedStyle(e);
        const box = e.getBoundingClientRect();
        return {
          html: `${e.outerHTML.slice(0, 100)}@${Math.round(box.x)},${Math.round(box.y)}`,
          ring: (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none',
          visible: box.width >= 2 && box.height >= 2 && box.x >= 0,
        };
      });
      if (!stop || seen.has(stop.html)) break;
      seen.add(stop.html);
      stops.push(stop);
    }
    await context.close();
    expect(stops.length).toBeGreaterThan(5);
    expect(stops[0].html).toMatch(/class="skip"/);
    expect(stops.filter((s) => !s.ring || !s.visible).map((s) => s.html)).toEqual([]);
  });
});
