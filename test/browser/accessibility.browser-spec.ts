import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Browser, BrowserContext } from 'playwright-core';
import { parseAgreementRecord } from '../../src/agreements/agreement-record.schema';
import { Role } from '../../src/auth/role.enum';
import { AgreementRecordWriter } from '../../src/ingest/agreement-record.writer';
import { axeViolations } from '../support/axe';
import { serveToChromium, ServedToChromium } from '../support/chromium';
import { TestApp } from '../support/test-app';
import { writeWebScenario } from '../support/web-scenario';

/** A rule's proposal with one of the rules' longest identifiers (no break in it), to review on a phone. */
async function writeLongRuleProposal(t: TestApp): Promise<void> {
  const text = 'Nothing in this chapter applies to broadcasting services delivered by electronic means.';
  const record = parseAgreementRecord(
    {
      slug: 'w-phone',
      title: 'Web test agreement w-phone',
      kind: 'BILATERAL',
      types: ['FTA'],
      status: 'IN_FORCE',
      dateSigned: '2019-03-01',
      parties: [{ code: 'CAN' }, { code: 'CHL' }],
      provisions: [
        {
          key: 'art-1',
          location: 'OPERATIVE',
          articleNumber: '1',
          position: 1,
          language: 'en',
          text,
          annotations: [
            {
              code: 'ECOMMERCE_CULTURAL_CARVE_OUT',
              status: 'PROPOSED',
              origin: 'RULE',
              ruleId: 'ECOMMERCE_CULTURAL_CARVE_OUT/en/ecommerce-excludes-broadcast',
              evidence: { start: 0, end: 20, quote: text.slice(0, 20) },
            },
          ],
        },
      ],
    },
    'w-phone',
  );
  const em = t.app.get(MikroORM).em.fork() as EntityManager;
  await em.transactional((tx) => t.app.get(AgreementRecordWriter).write(tx, record));
}

/**
 * What a screen reader's user meets beyond WCAG's serious failures: axe-core's best practices from moderate up
 * (landmarks named once, ...), and links that repeat down a list named by what they lead to.
 */
describe('web explorer for a screen reader', () => {
  let served: ServedToChromium;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    served = await serveToChromium({
      rateLimits: false,
      prepare: async (app) => {
        await writeWebScenario(app.app);
        await writeLongRuleProposal(app);
      },
    });
    ({ t, origin: base, browser } = served);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(() => served?.close());

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

  it("fits a 375 px phone on the reviewer's queue, a rule's long identifier included (it scrolled sideways)", async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await phone.newPage();
    await page.goto(`${base}/review?agreement=w-phone`);
    await page.getByLabel('API key (role reviewer / administrator)').fill(await t.createKey(Role.REVIEWER));
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
    await page.waitForSelector('.review-item');
    expect(await page.locator('.review-item code', { hasText: 'ecommerce-excludes-broadcast' }).count()).toBe(
      1,
    );
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
            .documentElement.scrollWidth,
      ),
    ).toBe(375);
    await phone.close();
  });
});
