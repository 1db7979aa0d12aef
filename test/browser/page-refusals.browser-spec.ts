import { Browser, BrowserContext } from 'playwright-core';
import { serveToChromium, ServedToChromium } from '../support/chromium';

/**
 * What Chromium shows when the explorer refuses what it sent before a page ran: the draft checker's form with a draft
 * over BODY_LIMIT, and addresses whose percent-encoding is broken. Each is a page in the reader's language with its
 * menu and the refusal's words, never the API's JSON.
 */
describe('refusals a browser shows as pages', () => {
  let served: ServedToChromium;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    served = await serveToChromium({ rateLimits: false });
    ({ origin, browser } = served);
    context = await browser.newContext({ locale: 'en-GB' });
  });

  // Each test in a browser that keeps no cookie of the one before (the language chosen by `lang=`).
  beforeEach(async () => {
    await context.clearCookies();
  });

  afterAll(() => served?.close());

  /** The page's language, its alert's words and whether its body reads as JSON. */
  const shown = (page: import('playwright-core').Page) =>
    page.evaluate(() => {
      const doc = (
        globalThis as unknown as {
          document: {
            documentElement: { lang: string };
            body: { innerText: string };
            querySelector(s: string): { textContent: string | null } | null;
          };
        }
      ).document;
      return {
        lang: doc.documentElement.lang,
        alert: doc.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
        json: doc.body.innerText.trim().startsWith('{'),
        menu: Boolean(doc.querySelector('ul.menu')),
      };
    });

  it.each([
    ['en', 'The form sent is larger than 1 MB'],
    ['fr', 'Le formulaire envoyé dépasse 1 Mo'],
  ])(
    'in %s, a draft over BODY_LIMIT sent from the form shows a page naming the limit',
    async (lang, words) => {
      const page = await context.newPage();
      await page.goto(`${origin}/draft-check?lang=${lang}`);
      await page.fill('#draft', 'culture '.repeat(140_000));
      await page.fill('#d-parties', 'CAN');
      const [answer] = await Promise.all([
        page.waitForNavigation(),
        page.click('button[type=submit]:not([name])'),
      ]);
      expect(answer?.status()).toBe(413);
      const facts = await shown(page);
      expect(facts).toEqual({ lang, alert: expect.stringContaining(words), json: false, menu: true });
      await page.close();
    },
  );

  it.each([
    ['/parties/%ZZ', 'The address /parties/%ZZ holds "%ZZ", which is no percent-encoded byte'],
    ['/agreements/%FF', 'The address /agreements/%FF holds percent-encoded bytes that are not UTF-8'],
    ['/search?q=%E0%A4%A', 'The parameter q holds "%E0%A4%A", which is not percent-encoded UTF-8 text'],
    ['/trends?lang=es&from=%ZZ', 'El parámetro «from» contiene «%ZZ»'],
  ])('%s shows a 400 page saying what is wrong', async (path, words) => {
    const page = await context.newPage();
    const answer = await page.goto(`${origin}${path}`);
    expect(answer?.status()).toBe(400);
    expect(answer?.headers()['content-type']).toBe('text/html; charset=utf-8');
    expect(await shown(page)).toEqual({
      lang: path.includes('lang=es') ? 'es' : 'en',
      alert: expect.stringContaining(words),
      json: false,
      menu: true,
    });
    await page.close();
  });
});
