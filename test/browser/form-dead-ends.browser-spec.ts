import { AddressInfo } from 'node:net';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { axeViolations } from '../support/axe';
import { startTestApp, TestApp } from '../support/test-app';
import { MAX_QUERY_LENGTH } from '../../src/search/query/parse-search-query';
import { MAX_PARTY_NAMES } from '../../src/parties/typed-parties';

/**
 * What Chromium shows where a new user's forms dead-ended (the trial of 7 December 2026): the draft form with many
 * parties typed by name, a search pasted far over its cap, a report read in the browser and refused.
 */
describe('forms that keep what was typed, in Chromium', () => {
  let t: TestApp;
  let origin: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-GB' });
  });

  beforeEach(async () => {
    await context.clearCookies();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const draft = 'Each Party shall promote cultural diversity and the diversity of cultural expressions.';

  const submitDraft = async (page: Page, parties: string) => {
    await page.goto(`${origin}/draft-check`);
    await page.fill('#draft', draft);
    await page.fill('#d-parties', parties);
    const [answer] = await Promise.all([
      page.waitForNavigation(),
      page.click('button[type=submit]:not([name])'),
    ]);
    return answer;
  };

  it('checks a draft for the CPTPP parties typed by name', async () => {
    const page = await context.newPage();
    const answer = await submitDraft(
      page,
      'Australia, Japan, Singapore, Canada, Chile, Mexico, Peru, New Zealand, Malaysia, Viet Nam, Brunei, Korea, Republic of',
    );
    expect(answer?.status()).toBe(200);
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    await page.close();
  });

  it('keeps the draft and the names, the message beside the field, when too many names must be looked up', async () => {
    const page = await context.newPage();
    const names = Array.from({ length: MAX_PARTY_NAMES + 1 }, (_, i) => `Atlantis${i}`).join(', ');
    const answer = await submitDraft(page, names);
    expect(answer?.status()).toBe(400);
    expect(await page.inputValue('#draft')).toBe(draft);
    expect(await page.inputValue('#d-parties')).toBe(names);
    const error = page.locator('#d-parties-error');
    expect(await error.textContent()).toContain(
      `at most ${MAX_PARTY_NAMES} names to search the catalogue for`,
    );
    expect(await page.getAttribute('#d-parties', 'aria-describedby')).toContain('d-parties-error');
    // Beside the field: drawn just under it.
    const field = (await page.locator('#d-parties').boundingBox())!;
    const box = (await error.boundingBox())!;
    expect(box.y).toBeGreaterThan(field.y);
    expect(box.y - (field.y + field.height)).toBeLessThan(150);
    // The field, its limits and the message, as a screen reader reads them.
    expect(await axeViolations(page, { extraTags: ['best-practice'], minImpact: 'moderate' })).toEqual([]);
    await page.close();
  });

  it('a search of 16,000 pasted characters is cut to its cap by the box, not refused with HTTP 431', async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/search`);
    await page.fill('#q', 'culture '.repeat(2_000));
    expect((await page.inputValue('#q')).length).toBe(MAX_QUERY_LENGTH);
    const [answer] = await Promise.all([page.waitForNavigation(), page.press('#q', 'Enter')]);
    expect(answer?.status()).not.toBe(431);
    expect(await page.locator('form[role="search"]').count()).toBe(1);
    await page.close();
  });

  it('a report asked in the browser and refused is a page in its language, not JSON', async () => {
    const page = await context.newPage();
    for (const [address, lang] of [
      ['/reports/coherence/COL.html?asOf=2010-13-01', 'en'],
      ['/reports/trends.html?groupBy=FOO&lang=fr', 'fr'],
      ['/reports/coherence/COL.html?asOf=2060-01-01&lang=es', 'es'],
    ] as const) {
      const answer = await page.goto(`${origin}${address}`);
      expect({ address, status: answer?.status() }).toEqual({ address, status: 400 });
      const facts = await page.evaluate(() => {
        const doc = (
          globalThis as unknown as {
            document: { documentElement: { lang: string }; body: { innerText: string } };
          }
        ).document;
        return { lang: doc.documentElement.lang, json: doc.body.innerText.trim().startsWith('{') };
      });
      expect({ address, ...facts }).toEqual({ address, lang, json: false });
    }
    await page.close();
  });
});
