import { AddressInfo } from 'node:net';
import { Browser, BrowserContext } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { launchChromium } from '../support/chromium';
import { startTestApp, TestApp } from '../support/test-app';
import { writeWebScenario } from '../support/web-scenario';

/**
 * What a screen reader's user meets beyond WCAG's serious failures: axe-core's best practices from moderate up
 * (landmarks named once, ...), and links that repeat down a list named by what they lead to.
 */
describe('web explorer for a screen reader', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    await writeWebScenario(t.app);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([
    ['/compare?agreements=w-alpha,w-beta,w-gamma'],
    ['/provisions/w-gamma/art-5'],
    ['/agreements?code=CULTURAL_EXEMPTION'],
  ])('%s has no moderate or worse axe violation, best practices included', async (path) => {
    const page = await context.newPage();
    expect((await page.goto(`${base}${path}`))?.status()).toBe(200);
    expect(await axeViolations(page, { extraTags: ['best-practice'], minImpact: 'moderate' })).toEqual([]);
    await page.close();
  });

  it('names each "Compare side by side" link of a provision page by the provision it compares with', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/provisions/w-gamma/art-5`);
    const links = page.getByRole('link', { name: /^Compare side by side/ });
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(2); // the family's two other members, and the similar clauses
    const names: string[] = [];
    // The snapshot's first line is the link's role and name (`- link "..."`); the lines under it, its address.
    for (let i = 0; i < count; i++) names.push((await links.nth(i).ariaSnapshot()).split('\n')[0]);
    const byHref = new Map<string, string>();
    for (let i = 0; i < count; i++) byHref.set((await links.nth(i).getAttribute('href'))!, names[i]);
    // One name per provision compared with (a provision may be linked from both lists), each naming it.
    expect(new Set(byHref.values()).size).toBe(byHref.size);
    expect([...byHref.values()].some((n) => n.includes('W-ALPHA') && n.includes('Article 5'))).toBe(true);
    await page.close();
  });
});
