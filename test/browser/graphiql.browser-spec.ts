import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/common/paths';
import { serveToChromium, ServedToChromium } from '../support/chromium';

/** The GraphiQL IDE at /graphql works in a browser with no internet: everything comes from this server. */
describe('GraphiQL in headless Chromium', () => {
  let served: ServedToChromium;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    served = await serveToChromium();
    ({ origin: base, browser } = served);
  });
  afterAll(() => served?.close());

  it('loads from this server only, runs the example query and shows its result', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on(
      'request',
      (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && foreign.push(r.url()),
    );
    await page.goto(`${base}/graphql`);
    await page.waitForSelector('.graphiql-container', { timeout: 20_000 });
    await page.click('.graphiql-execute-button');
    // A locator, not waitForFunction: the page's CSP forbids the eval that waitForFunction uses.
    await page.locator('.result-window').filter({ hasText: 'totalCount' }).waitFor({ timeout: 20_000 });
    const result = await page.textContent('.result-window');
    expect(result).toContain('cultural');
    expect(problems).toEqual([]);
    expect(foreign).toEqual([]);
    mkdirSync(join(PROJECT_ROOT, 'test', 'out'), { recursive: true });
    await page.screenshot({ path: join(PROJECT_ROOT, 'test', 'out', 'graphiql.png') });
  }, 60_000);
});
