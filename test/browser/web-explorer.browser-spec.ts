import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/common/paths';
import { Role } from '../../src/auth/role.enum';
import { axeViolations } from '../support/axe';
import { readCsvTable } from '../support/download-readers';
import { fromGlobalId } from '../../src/graphql/node/global-id';
import { serveToChromium, ServedToChromium } from '../support/chromium';
import { TestApp } from '../support/test-app';
import { WEB_FAMILY, WEB_PHRASE, writeWebScenario } from '../support/web-scenario';

/**
 * The web explorer as its users drive it, in headless Chromium, over plain HTTP on a host name that is not
 * localhost (explorer.test, mapped to 127.0.0.1): every page loads with no console error, no request leaving
 * the server and no serious or critical axe-core violation; the four journeys of the issue; bad input in URLs.
 * Screenshots go to test/out/web-*.png.
 */
const OUT_DIR = join(PROJECT_ROOT, 'test', 'out');

describe('web explorer in headless Chromium', () => {
  let served: ServedToChromium;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    served = await serveToChromium({
      rateLimits: false,
      host: 'explorer.test',
      prepare: (app) => writeWebScenario(app.app),
    });
    ({ t, origin: base, browser } = served);
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
  });

  afterAll(() => served?.close());

  interface Watched {
    page: Page;
    problems: string[];
    requests: string[];
  }

  /** A new page that records console errors, page errors, failed requests and every request it makes. */
  async function watch(ctx: BrowserContext = context): Promise<Watched> {
    const page = await ctx.newPage();
    const watched: Watched = { page, problems: [], requests: [] };
    page.on('console', (m) => {
      if (m.type() === 'error') watched.problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => watched.problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => watched.problems.push(`requestfailed: ${r.url()}`));
    page.on('request', (r) => watched.requests.push(r.url()));
    return watched;
  }

  /** Requests that left the server (anything not on this origin, data: URLs aside). */
  const outside = (w: Watched) =>
    w.requests.filter((u) => !u.startsWith(`${base}/`) && !u.startsWith('data:'));

  const axe = (page: Page) => axeViolations(page);

  const PAGES: [string, string][] = [
    ['home', '/'],
    ['search', `/search?q=${encodeURIComponent(`"${WEB_PHRASE}"`)}`],
    ['agreements', '/agreements?party=CAN'],
    ['agreement', '/agreements/canada-korea-fta'],
    ['agreement-scenario', '/agreements/w-gamma'],
    ['provision', '/provisions/w-gamma/art-5?with=w-alpha%2Fart-5'],
    ['provision-fixture', '/provisions/canada-korea-fta/art-22.6'],
    ['parties', '/parties'],
    ['party', '/parties/CAN'],
    ['compare', '/compare?agreements=w-alpha,w-beta,w-gamma'],
    ['trends', '/trends?groupBy=YEAR&from=1990'],
    ['trends-region', '/trends?groupBy=REGION'],
    ['flows', '/flows'],
    ['draft-check', '/draft-check'],
    ['review', '/review'],
    ['home-fr', '/?lang=fr'],
    ['agreement-es', '/agreements/ceta?lang=es'],
  ];

  it.each(PAGES)(
    'serves %s (%s): one h1, no console error, nothing from outside, no serious axe violation',
    async (name, path) => {
      const w = await watch();
      const response = await w.page.goto(`${base}${path}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      expect(await w.page.locator('h1').count()).toBe(1);
      expect(await w.page.locator('main').count()).toBe(1);
      expect(await axe(w.page)).toEqual([]);
      expect(w.problems).toEqual([]);
      expect(outside(w)).toEqual([]);
      await w.page.screenshot({ path: join(OUT_DIR, `web-${name}.png`), fullPage: true });
      await w.page.close();
      await context.clearCookies(); // the language pages set a cookie
    },
  );

  it('fits a 390 px wide phone and prints without the navigation', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const w = await watch(phone);
    for (const path of [
      '/',
      '/agreements/ceta',
      '/parties/CAN',
      `/search?q=${encodeURIComponent(WEB_PHRASE)}`,
    ]) {
      await w.page.goto(`${base}${path}`);
      const width = await w.page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
            .documentElement.scrollWidth,
      );
      const wide = await w.page.evaluate(() => {
        const doc = (
          globalThis as unknown as {
            document: {
              querySelectorAll(s: string): ArrayLike<{
                tagName: string;
                className: string;
                getBoundingClientRect(): { right: number };
              }>;
            };
          }
        ).document;
        return Array.from(doc.querySelectorAll('body *'))
          .filter((e) => e.getBoundingClientRect().right > 400)
          .slice(0, 5)
          .map((e) => `${e.tagName}.${e.className}:${Math.round(e.getBoundingClientRect().right)}`);
      });
      expect({ path, width, wide }).toEqual({ path, width: 390, wide: [] });
    }
    // A drop-down shows its chosen option whole: the French trends page cut "année de signature" to "année de signatu".
    for (const path of [
      '/trends?lang=fr',
      '/trends?lang=es',
      '/agreements?lang=fr',
      '/search?q=culture&lang=es',
    ]) {
      await w.page.goto(`${base}${path}`);
      const cut = await w.page.evaluate(() => {
        interface Select {
          name: string;
          clientWidth: number;
          selectedIndex: number;
          options: ArrayLike<{ text: string }>;
        }
        const doc = (
          globalThis as unknown as {
            document: {
              querySelectorAll(s: string): ArrayLike<Select>;
              createElement(tag: 'canvas'): {
                getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } };
              };
            };
            getComputedStyle(e: Select): { font: string; paddingLeft: string; paddingRight: string };
          }
        ).document;
        const view = globalThis as unknown as {
          getComputedStyle(e: Select): { font: string; paddingLeft: string; paddingRight: string };
        };
        const context = doc.createElement('canvas').getContext('2d');
        return Array.from(doc.querySelectorAll('select'))
          .filter((select) => {
            const style = view.getComputedStyle(select);
            context.font = style.font;
            const text = select.options[select.selectedIndex]?.text ?? '';
            // The arrow takes about 20 px beside the text and the padding.
            const needed =
              context.measureText(text).width +
              parseFloat(style.paddingLeft) +
              parseFloat(style.paddingRight) +
              20;
            return needed > select.clientWidth + 1;
          })
          .map((select) => select.name);
      });
      expect({ path, cut }).toEqual({ path, cut: [] });
    }
    await w.page.screenshot({ path: join(OUT_DIR, 'web-search-phone.png'), fullPage: true });
    await w.page.emulateMedia({ media: 'print' });
    expect(await w.page.locator('header.site-header').isVisible()).toBe(false);
    expect(await w.page.locator('h1').isVisible()).toBe(true);
    expect(w.problems).toEqual([]);
    await phone.close();
  });

  it("draws every chart a 390 px phone shows with text of 10 px or more (a party's charts were 6 px)", async () => {
    // The charts are laid out 760 px wide; a phone shrank the party page's and the flows page's to 366 px, their
    // 12 px text to 5.8 px, where only the trends line chart had a phone's layout.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const w = await watch(phone);
    for (const path of ['/parties/CAN', '/parties/JAM', '/flows', '/trends', '/trends?groupBy=REGION']) {
      await w.page.goto(`${base}${path}`);
      const charts = await w.page.evaluate(() => {
        interface Chart {
          id: string;
          viewBox: { baseVal: { width: number } };
          getBoundingClientRect(): { width: number };
          getAttribute(name: string): string | null;
        }
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<Chart> } })
          .document;
        return Array.from(doc.querySelectorAll('svg.chart'))
          .filter((svg) => svg.getBoundingClientRect().width > 0)
          .map((svg) => ({
            id: svg.id,
            textPx:
              Math.round(
                ((Number(svg.getAttribute('font-size') ?? 12) * svg.getBoundingClientRect().width) /
                  svg.viewBox.baseVal.width) *
                  10,
              ) / 10,
          }));
      });
      expect(charts.length).toBeGreaterThan(0);
      // A chart too wide for the phone scrolls in its figure, not the page.
      const width = await w.page.evaluate(
        () =>
          (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
            .documentElement.scrollWidth,
      );
      expect({ path, width }).toEqual({ path, width: 390 });
      for (const chart of charts)
        expect({ path, ...chart, legible: chart.textPx >= 10 }).toMatchObject({ legible: true });
    }
    expect(w.problems).toEqual([]);
    await phone.close();
  });

  it('shows every option of a drop-down whole on a desktop, in each language (the Code drop-down cut "Cultural exemption" to "Cultural exemptic")', async () => {
    const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const w = await watch(desktop);
    for (const lang of ['en', 'fr', 'es'])
      for (const path of ['/search?q=culture', '/agreements', '/trends', '/flows', '/draft-check']) {
        await w.page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        const cut = await w.page.evaluate(() => {
          interface Select {
            name: string;
            clientWidth: number;
            options: ArrayLike<{ text: string }>;
          }
          interface Style {
            font: string;
            paddingLeft: string;
            paddingRight: string;
          }
          const view = globalThis as unknown as {
            document: {
              querySelectorAll(s: string): ArrayLike<Select>;
              createElement(tag: 'canvas'): {
                getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } };
              };
            };
            getComputedStyle(e: Select): Style;
          };
          const context = view.document.createElement('canvas').getContext('2d');
          return Array.from(view.document.querySelectorAll('select')).flatMap((select) => {
            const style = view.getComputedStyle(select);
            context.font = style.font;
            // Each option as it shows once chosen: its text, the padding and about 20 px of arrow.
            return Array.from(select.options)
              .filter(
                (o) =>
                  context.measureText(o.text.trim()).width +
                    parseFloat(style.paddingLeft) +
                    parseFloat(style.paddingRight) +
                    20 >
                  select.clientWidth + 1,
              )
              .map((o) => `${select.name}: ${o.text.trim()}`);
          });
        });
        expect({ lang, path, cut }).toEqual({ lang, path, cut: [] });
      }
    expect(w.problems).toEqual([]);
    await desktop.close();
  });

  it('keeps buttons apart from each other and from their field, on a phone and a desktop (the draft check\'s two buttons touched at 390 px, "Search" its box)', async () => {
    for (const width of [390, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      const w = await watch(ctx);
      for (const path of [
        '/draft-check',
        '/search?q=culture',
        '/',
        '/parties',
        '/agreements/ceta',
        '/review',
      ]) {
        await w.page.goto(`${base}${path}`);
        const touching = await w.page.evaluate(() => {
          interface Box {
            left: number;
            right: number;
            top: number;
            bottom: number;
            width: number;
          }
          interface Element {
            tagName: string;
            textContent: string | null;
            getAttribute(name: string): string | null;
            getBoundingClientRect(): Box;
          }
          const doc = (
            globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<Element> } }
          ).document;
          const boxes = Array.from(
            doc.querySelectorAll('main button, main input, main select, main textarea'),
          )
            .filter((e) => e.getAttribute('type') !== 'hidden' && e.getAttribute('type') !== 'checkbox')
            .map((e) => ({ e, box: e.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0);
          const name = (e: Element) => `${e.tagName.toLowerCase()} ${(e.textContent ?? '').trim()}`.trim();
          const found: string[] = [];
          for (const [i, a] of boxes.entries())
            for (const b of boxes.slice(i + 1)) {
              if (a.e.tagName !== 'BUTTON' && b.e.tagName !== 'BUTTON') continue;
              const apartX = Math.max(b.box.left - a.box.right, a.box.left - b.box.right);
              const apartY = Math.max(b.box.top - a.box.bottom, a.box.top - b.box.bottom);
              // Less than 4 px apart both ways: they touch (or overlap).
              if (apartX < 4 && apartY < 4) found.push(`${name(a.e)} / ${name(b.e)}`);
            }
          return found;
        });
        expect({ width, path, touching }).toEqual({ width, path, touching: [] });
      }
      expect(w.problems).toEqual([]);
      await ctx.close();
    }
  });

  it('shows a list of parties typed in a filter whole, on a phone and a desktop', async () => {
    // "Canada, Corée du Sud" was cut to "Canada, Corée du S" in the draft checker's half-width cell, at 1280 px too.
    for (const width of [390, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 900 } });
      const w = await watch(ctx);
      for (const [path, field] of [
        ['/draft-check?lang=fr', '#d-parties'],
        ['/agreements?lang=fr', '#a-party'],
        ['/flows?lang=fr', '#f-grantors'],
      ]) {
        await w.page.goto(`${base}${path}`);
        await w.page.fill(field, 'Canada, Corée du Sud');
        const cut = await w.page
          .locator(field)
          .evaluate(
            (input: { scrollWidth: number; clientWidth: number }) => input.scrollWidth > input.clientWidth,
          );
        expect({ width, path, cut }).toEqual({ width, path, cut: false });
      }
      expect(w.problems).toEqual([]);
      await ctx.close();
    }
  });

  it('journey of a negotiator: searches a phrase, filters by party, opens a provision, follows its family, copies the citation', async () => {
    const w = await watch();
    const { page } = w;
    await page.goto(`${base}/`);
    await page.getByLabel('Search the texts of the agreements').fill(`"${WEB_PHRASE}"`);
    await Promise.all([
      page.waitForURL(/\/search\?q=/),
      page.getByRole('button', { name: 'Search', exact: true }).click(),
    ]);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('3 provisions match');
    expect(await page.locator('ol.hits mark').first().textContent()).toMatch(/cultural/i);
    // Filter by party through the facet: KOR leaves the 2015 agreement.
    await Promise.all([page.waitForURL(/party=KOR/), page.locator('.facet a', { hasText: /^KOR$/ }).click()]);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('1 provision matches');
    await Promise.all([
      page.waitForURL(/\/provisions\/w-gamma\/art-5/),
      page.locator('ol.hits a').first().click(),
    ]);
    expect(await page.locator('h1').textContent()).toContain('Article 5');
    expect(await page.locator('.text mark.evidence').count()).toBeGreaterThan(0);
    // The family, oldest first: w-alpha is the template.
    const timeline = page.locator('ol.timeline > li');
    expect(await timeline.count()).toBe(3);
    expect(await timeline.first().textContent()).toContain('W-ALPHA');
    expect(await timeline.first().textContent()).toContain('template');
    await Promise.all([
      page.waitForURL(/with=w-alpha/),
      timeline.first().getByRole('link', { name: 'Compare side by side' }).click(),
    ]);
    expect(await page.locator('.diff').count()).toBe(1);
    await Promise.all([
      page.waitForURL(/\/provisions\/w-alpha\/art-5$/),
      timeline.first().getByRole('link').first().click(),
    ]);
    // Over plain HTTP the page copies through a selection and execCommand: record what the copy event carries.
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { addEventListener(e: string, f: () => void): void };
        getSelection(): { toString(): string };
        copied?: string;
      };
      g.document.addEventListener('copy', () => (g.copied = g.getSelection().toString()));
    });
    await page.getByRole('button', { name: 'Copy' }).click();
    await expect(page.locator('.copy-status').textContent()).resolves.toContain('Copied');
    const copied = await page.evaluate(() => (globalThis as unknown as { copied: string }).copied.trim());
    expect(copied).toContain(
      'Web test agreement w-alpha (W-ALPHA), Article 5 Cultural measures, signed 2 Apr 2001.',
    );
    expect(copied).toContain(`${base}/provisions/w-alpha/art-5`);
    expect(w.problems).toEqual([]);
    expect(outside(w)).toEqual([]);
    await page.close();
  });

  it('journey of a ministry: opens its party page, reads a finding, follows its evidence, downloads the XLSX', async () => {
    const w = await watch();
    const { page } = w;
    await page.goto(`${base}/`);
    await page.getByLabel('Country or bloc (name or code)').fill('Canada');
    await Promise.all([
      page.waitForURL(/\/parties\/CAN$/),
      page.getByRole('button', { name: 'Open the party page' }).click(),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Canada');
    const findings = page.locator('table.findings tbody tr');
    expect(await findings.count()).toBeGreaterThan(0);
    const withEvidence = page
      .locator('table.findings tbody tr', { has: page.locator('a.evidence-link') })
      .first();
    expect(await withEvidence.locator('.badge').first().textContent()).toBeTruthy();
    const link = withEvidence.locator('a.evidence-link').first();
    const href = await link.getAttribute('href');
    await Promise.all([page.waitForURL(`${base}${href}`), link.click()]);
    expect(await page.locator('h2', { hasText: 'Annotations' }).count()).toBe(1);
    await page.goBack();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'XLSX' }).click(),
    ]);
    const file = await download.path();
    const bytes = readFileSync(file!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(download.suggestedFilename()).toMatch(/^coherence-can-.*\.xlsx$/);
    expect(w.problems).toEqual([]);
    expect(outside(w)).toEqual([]);
    await page.close();
  });

  it('journey of an analyst: ticks three agreements, compares them and downloads the matrix', async () => {
    const w = await watch();
    const { page } = w;
    await page.goto(`${base}/agreements?party=CAN&sort=SLUG&dir=DESC`);
    for (const slug of WEB_FAMILY) await page.locator(`#cmp-${slug}`).check();
    await Promise.all([
      page.waitForURL(/\/compare\?/),
      page.getByRole('button', { name: 'Compare the selected agreements' }).click(),
    ]);
    expect(await page.locator('table.matrix thead th').count()).toBe(3);
    expect(await page.locator('table.matrix td.hit-cell a').count()).toBeGreaterThanOrEqual(2);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Matrix.*\(CSV\)/ }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    // The matrix alone, one table: a row per fact and per code, a column per agreement.
    const { header, records } = readCsvTable(csv);
    for (const slug of WEB_FAMILY) expect(header).toContain(slug.toUpperCase());
    expect(records.map((r) => r.Row)).toContain('Cultural exemption');
    expect(w.problems).toEqual([]);
    expect(outside(w)).toEqual([]);
    await page.close();
  });

  it('journey of a reviewer: signs in, accepts one, rejects one with a reason, sees the conflict when someone else reviewed first', async () => {
    const mine = await t.createKey(Role.REVIEWER, 'Rita');
    const other = await t.createKey(Role.REVIEWER, 'Omar');
    const w = await watch();
    const { page } = w;
    await page.goto(`${base}/review`);
    await page.getByLabel('API key (role reviewer / administrator)').fill(mine);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
    await page.waitForSelector('.review-item');
    expect(await page.locator('main').textContent()).toContain('Signed in as Rita (reviewer)');
    // The key survives a plain GET of the page in this tab (sessionStorage), and never appears in a URL.
    await page.goto(`${base}/review?agreement=w-gamma`);
    await page.waitForSelector('.review-item');
    expect(await page.locator('.review-item').count()).toBe(3);
    expect(await page.locator('#r-agreement').inputValue()).toBe('w-gamma');
    // The rules' proposals are said to come from the rules, not from a person named after them.
    expect(await page.locator('.review-item').first().textContent()).toContain(
      'Proposed by the annotation rules',
    );
    expect(w.requests.some((u) => u.includes(mine))).toBe(false);

    // Accept the first with the keyboard shortcut.
    await page.locator('.review-item').first().focus();
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('a')]);
    await expect(page.locator('.notice.ok').textContent()).resolves.toMatch(
      /^\s*Accepted annotation \d+ \(CULTURAL_EXEMPTION at w-gamma\/art-5\)/,
    );
    expect(await page.locator('.review-item').count()).toBe(2);

    // Rejecting needs a reason.
    const first = page.locator('.review-item').first();
    await Promise.all([page.waitForLoadState('load'), first.getByRole('button', { name: 'Reject' }).click()]);
    await expect(page.locator('.notice.error').textContent()).resolves.toContain('A reason is required');
    await page
      .locator('.review-item')
      .first()
      .getByLabel('Reason (required to reject)')
      .fill('names no cultural sector');
    await Promise.all([
      page.waitForLoadState('load'),
      page.locator('.review-item').first().getByRole('button', { name: 'Reject' }).click(),
    ]);
    await expect(page.locator('.notice.ok').textContent()).resolves.toMatch(/^\s*Rejected annotation \d+/);

    // Someone else accepts the last proposal while it is on this screen.
    const last = page.locator('.review-item').first();
    const id = await last.locator('input[name=id]').inputValue();
    const version = Number(await last.locator('input[name=version]').inputValue());
    const api = await t.gql(
      'mutation($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { status } }',
      { input: { id, version, decision: 'ACCEPT' } },
      { key: other },
    );
    expect(api.errors).toBeUndefined();
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      last.getByRole('button', { name: 'Accept' }).click(),
    ]);
    expect(response.status()).toBe(409);
    await expect(page.locator('.conflict').textContent()).resolves.toContain(
      `Someone else reviewed annotation ${fromGlobalId(id)!.key} first: it is now accepted by Omar`,
    );
    await expect(page.locator('.progress-text').textContent()).resolves.toContain(
      'You have reviewed 2 annotations',
    );
    expect(await axe(page)).toEqual([]);
    await page.screenshot({ path: join(OUT_DIR, 'web-review-conflict.png'), fullPage: true });
    expect(w.problems.filter((p) => !/status of 409|status of 400/.test(p))).toEqual([]);
    expect(outside(w)).toEqual([]);
    await page.close();
  });

  it.each([
    ['/agreements/no-such-agreement', 404, 'no-such-agreement'],
    ['/parties/XXZ', 404, 'XXZ'],
    ['/parties/12', 404, '12'],
    ['/provisions/ceta/art-999', 404, 'art-999'],
    ['/provisions/not-a-pinpoint', 400, 'not-a-pinpoint'],
    [`/search?q=${encodeURIComponent('"cultural')}`, 400, 'quote'],
    ['/search?q=culture&from=19x0', 400, 'from'],
    ['/search?q=culture&to=2099', 400, '2099'],
    ['/agreements?from=2090', 400, '2090'],
    ['/search?q=culture&code=NOT_A_CODE', 400, 'NOT_A_CODE'],
    ['/agreements?sort=SIZE', 400, 'SIZE'],
    ['/trends?groupBy=COLOUR', 400, 'COLOUR'],
    ['/flows?mechanisms=BRIBES', 400, 'BRIBES'],
    ['/compare?agreements=ceta,no-such-agreement', 400, 'no-such-agreement'],
  ])('answers %s with %i and a page that says what is wrong', async (path, status, mention) => {
    const w = await watch();
    const response = await w.page.goto(`${base}${path}`);
    expect(response?.status()).toBe(status);
    expect(response?.headers()['content-type']).toContain('text/html');
    const message = await w.page.locator('.error-message').textContent();
    expect(message).toContain(mention);
    const text = (await w.page.locator('body').textContent()) ?? '';
    expect(text).not.toMatch(/\.ts:\d+|at [A-Za-z]+ \(|INTERNAL_SERVER_ERROR/);
    expect(await w.page.locator('h1').count()).toBe(1);
    await w.page.close();
  });
  it('takes the review queue\'s one-letter shortcuts only where a proposal has the focus: "a" on a menu link accepted the proposal (WCAG 2.1.4)', async () => {
    const annotator = await t.createKey(Role.ANNOTATOR, 'Ana');
    const reviewer = await t.createKey(Role.REVIEWER, 'Rui');
    const created = await t.gql<{ createAnnotation: { id: string } }>(
      'mutation { createAnnotation(input: { pinpoint: "w-alpha/art-1", code: HERITAGE_EXCEPTION, note: "shortcut" }) { id } }',
      {},
      { key: annotator },
    );
    expect(created.errors).toBeUndefined();
    const own = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const w = await watch(own);
    const { page } = w;
    await page.goto(`${base}/review?agreement=w-alpha`);
    await page.getByLabel('API key (role reviewer / administrator)').fill(reviewer);
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
    await page.waitForSelector('.review-item');
    const items = await page.locator('.review-item').count();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.url());
    });
    // A keyboard user on the menu's "Home" link types "a" (or a speech-input user says a word starting with it).
    await page.getByRole('link', { name: 'Home', exact: true }).focus();
    await page.keyboard.press('a');
    await page.keyboard.press('r');
    await page.waitForTimeout(500);
    expect(posts).toEqual([]);
    expect(page.url()).toContain('/review');
    expect(await page.locator('.review-item').count()).toBe(items);
    // On the proposal itself the shortcut still accepts.
    await page.locator('.review-item').first().focus();
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('a')]);
    await expect(page.locator('.notice.ok').textContent()).resolves.toMatch(/^\s*Accepted annotation \d+/);
    await own.close();
  });
});
