import { Browser, Page } from 'playwright-core';
import { serveToChromium, ServedToChromium } from '../support/chromium';

const HOST = 'clausetracker.test';

/**
 * Served over plain HTTP on a host name other than localhost (here mapped to 127.0.0.1 inside Chromium), the IDE
 * and the reports work: no request is upgraded to https (which would fail: nothing answers there).
 */
describe(`plain HTTP on a host name (${HOST})`, () => {
  let served: ServedToChromium;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    // Served on a host name, the service is told its address (the reports link to it absolutely, as every file does).
    served = await serveToChromium({ rateLimits: false, host: HOST, publicUrl: true });
    ({ origin: base, browser } = served);
  });
  afterAll(() => served?.close());

  /** A page that records console errors, failed requests and requests anywhere but `base`. */
  async function watched(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`));
    page.on('request', (r) => {
      if (!r.url().startsWith(`${base}/`) && !r.url().startsWith('data:'))
        problems.push(`elsewhere: ${r.url()}`);
    });
    return { page, problems };
  }

  it('GraphiQL loads and runs its query', async () => {
    const { page, problems } = await watched();
    const response = await page.goto(`${base}/graphql`);
    expect(response?.headers()['strict-transport-security']).toBeUndefined();
    expect(response?.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    await page.click('.graphiql-execute-button');
    await page.locator('.result-window').filter({ hasText: 'totalCount' }).waitFor({ timeout: 20_000 });
    expect(problems).toEqual([]);
  }, 60_000);

  it('a report page loads with its styles, and its links stay on plain HTTP', async () => {
    const { page, problems } = await watched();
    const response = await page.goto(`${base}/reports/coherence/CAN.html?utm_source=mail`);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    const links = await page
      .locator('a[href]')
      .evaluateAll((as) => as.map((a) => (a as unknown as { href: string }).href));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((href) => href.startsWith('https:'))).toEqual([]);
    // A link to another page (an agreement) and the favicon answer over the same plain HTTP, fetched by the page.
    const other = links.find((href) => href.startsWith(`${base}/`) && !href.includes('#'));
    expect(other).toBeDefined();
    const status = (url: string) => page.evaluate(async (u) => (await fetch(u)).status, url);
    expect(await status(other!)).toBe(200);
    expect(await status(`${base}/favicon.ico`)).toBe(200);
    expect(problems).toEqual([]);
  }, 60_000);
});
