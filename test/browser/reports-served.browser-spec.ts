import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { axeViolations } from '../support/axe';
import { serveToChromium, ServedToChromium } from '../support/chromium';
import { PROJECT_ROOT } from '../../src/common/paths';
import { COMPARED_AGREEMENTS, writeReportScenario } from '../support/report-scenario';

/**
 * The four reports as the service serves them (GET /reports/...html), opened in headless Chromium (Debian's
 * `chromium`, or CHROMIUM_PATH): each page renders its tables and SVG charts, logs no error, loads nothing but
 * itself, and its provision links open. Screenshots go to test/out/.
 */
const OUT_DIR = join(PROJECT_ROOT, 'test', 'out');
const COMPARED = COMPARED_AGREEMENTS;

describe('served HTML reports in headless Chromium', () => {
  let served: ServedToChromium;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    // The service's address, which the reports' links name (read at each request), is its PUBLIC_URL.
    served = await serveToChromium({
      rateLimits: false,
      publicUrl: true,
      prepare: (app) => writeReportScenario(app.app),
    });
    ({ origin: base, browser } = served);
  });

  afterAll(() => served?.close());

  /** Opens a page and records console errors, page errors, failed requests and every request made. */
  async function open(path: string): Promise<{ page: Page; problems: () => string[]; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    const failed: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()}: ${r.url()}`);
    });
    page.on('request', (r) => requests.push(r.url()));
    const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    // Chromium asks a served page for /favicon.ico, which the service does not have, and Playwright does not
    // show that request. A 404 line is forgiven only when no request the page made failed: then it is the icon.
    const forgiven = (line: string) => failed.length === 0 && /Failed to load resource: .* 404/.test(line);
    return { page, problems: () => [...failed, ...problems.filter((line) => !forgiven(line))], requests };
  }

  async function expectCleanPage(
    path: string,
    screenshot: string,
    expected: { tables: number; charts: Record<string, number> },
  ): Promise<Page> {
    const { page, problems, requests } = await open(path);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('section.report-section table').count()).toBeGreaterThanOrEqual(
      expected.tables,
    );
    for (const [selector, count] of Object.entries(expected.charts))
      expect({ selector, count: await page.locator(selector).count() }).toEqual({ selector, count });
    for (const svg of await page.locator('svg.chart').all()) {
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(80);
    }
    expect(problems()).toEqual([]);
    expect(requests).toEqual([`${base}${path}`]);
    await page.screenshot({ path: join(OUT_DIR, screenshot), fullPage: true });
    expect(existsSync(join(OUT_DIR, screenshot))).toBe(true);
    return page;
  }

  it.each(['en', 'fr', 'es'])(
    'fits a 375 px phone with the parameters of a %s coherence report in view (long labels pushed the values off)',
    async (lang) => {
      const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
      await page.goto(`${base}/reports/coherence/CHE.html?asOf=2024-01-01&lang=${lang}`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      const values = await page.locator('dl.parameters dd').all();
      expect(values.length).toBeGreaterThan(3);
      for (const value of values) {
        const box = await value.boundingBox();
        expect({ text: await value.innerText(), right: Math.min(375, box!.x + box!.width) }).toEqual({
          text: await value.innerText(),
          right: box!.x + box!.width,
        });
      }
      await page.screenshot({ path: join(OUT_DIR, `coherence-${lang}-375.png`), fullPage: false });
      await page.close();
    },
  );

  it("renders Canada's coherence report with findings, scores and trend charts, and its links open", async () => {
    const page = await expectCleanPage('/reports/coherence/CAN.html', 'report-coherence-can.png', {
      tables: 5,
      charts: { 'svg.chart-bar': 1, 'svg.chart-line': 1 },
    });
    expect(await page.title()).toBe('Coherence of the trade agreements of Canada with the 2005 Convention');
    expect(await page.getByRole('table', { name: 'Findings' }).locator('tbody tr').count()).toBeGreaterThan(
      5,
    );
    expect(await page.locator('.badge-high').count()).toBeGreaterThan(0);
    // One line per paragraph that has assessed agreements (on the fixtures alone some have none).
    const trendSeries = await page.evaluate(async () => {
      const res = await fetch('/reports/coherence/CAN.json');
      const doc = (await res.json()) as { sections: { id: string; chart?: { series: unknown[] } }[] };
      return doc.sections.find((s) => s.id === 'trend')!.chart!.series.length;
    });
    expect(trendSeries).toBeGreaterThan(0);
    expect(await page.locator('svg.chart-line polyline').count()).toBe(trendSeries);
    const link = page
      .getByRole('table', { name: 'Evidence' })
      .locator(`a[href^="${base}/provisions/"]`)
      .first();
    const href = await link.getAttribute('href');
    await Promise.all([page.waitForURL(href!), link.click()]);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    // Each annotation by its code's name, the code beneath it.
    expect(await page.locator('article.card h3').first().textContent()).toMatch(/[a-z]/);
    expect(await page.locator('article.card p.muted code').first().textContent()).toMatch(/^[A-Z_]+$/);
    await page.close();
  });

  it('a report saved from the browser and opened from disk (file://) still links to the service: a provision, a CSV', async () => {
    const path = `/reports/compare.html?agreements=${COMPARED.join(',')}`;
    const saved = join(mkdtempSync(join(tmpdir(), 'saved-report-')), 'comparison.html');
    writeFileSync(saved, await (await fetch(`${base}${path}`)).text());
    const page = await browser.newPage();
    await page.goto(pathToFileURL(saved).href);
    const link = page.getByRole('table', { name: 'Provisions' }).locator('a[href*="/provisions/"]').first();
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(`${base}/provisions/`)).toBe(true);
    const [response] = await Promise.all([page.waitForEvent('response'), link.click()]);
    expect({ url: response.url(), status: response.status() }).toEqual({ url: href, status: 200 });
    expect(await page.locator('h1').textContent()).toBeTruthy();
    await page.goto(pathToFileURL(saved).href);
    const csv = (await page.locator('a[href*="/reports/compare.csv"]').first().getAttribute('href'))!;
    expect((await fetch(csv)).status).toBe(200);
    expect(csv.startsWith(`${base}/reports/`)).toBe(true);
    await page.close();
  });

  it('renders a comparison of eleven agreements with its heatmap', async () => {
    const page = await expectCleanPage(
      `/reports/compare.html?agreements=${COMPARED.join(',')}`,
      'report-compare.png',
      {
        tables: 2,
        charts: { 'svg.chart-heatmap': 1 },
      },
    );
    expect(await page.locator('svg.chart-heatmap g.cell rect').count()).toBe(COMPARED.length * 10);
    expect(await page.getByRole('table', { name: 'Matrix' }).locator('thead th').count()).toBe(
      COMPARED.length + 1,
    );
    await page.close();
  });

  it('shows a proposals-only cell in a style of its own, in the matrix and in the heatmap, with a legend', async () => {
    const page = await expectCleanPage(
      '/reports/compare.html?agreements=t-che-proposed,t-che-explicit&codes=CONVENTION_REF_EXPLICIT',
      'report-compare-pending.png',
      { tables: 2, charts: { 'svg.chart-heatmap': 1 } },
    );
    const pending = page.getByRole('table', { name: 'Matrix' }).locator('td.pending');
    expect(await pending.count()).toBe(1);
    expect(await pending.textContent()).toBe('1 proposed, awaiting review: preamble (binding)');
    const style = await pending.evaluate((td) => {
      const css = td.ownerDocument.defaultView!.getComputedStyle(td);
      return { border: css.borderTopStyle, image: css.backgroundImage, font: css.fontStyle };
    });
    expect(style).toMatchObject({ border: 'dashed', font: 'italic' });
    expect(style.image).toContain('repeating-linear-gradient');
    const accepted = page
      .getByRole('table', { name: 'Matrix' })
      .locator('td', { hasText: 'binding: preamble' });
    expect(
      await accepted.evaluate((td) => td.ownerDocument.defaultView!.getComputedStyle(td).borderTopStyle),
    ).not.toBe('dashed');
    const heatmap = page.locator('svg.chart-heatmap');
    expect(await heatmap.locator('g.cell.pending').count()).toBe(1);
    expect(await heatmap.locator('g.cell.pending text').textContent()).toBe('(B)');
    expect(await heatmap.locator('rect.legend-pending').count()).toBe(1);
    expect(await heatmap.locator('g.legend').textContent()).toContain('proposed only, awaiting review');
    const box = await heatmap.locator('g.legend').boundingBox();
    const svgBox = await heatmap.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(svgBox!.x + svgBox!.width + 1);
    await page.close();
  });

  it('renders trends since 1990 as line charts', async () => {
    const page = await expectCleanPage('/reports/trends.html?groupBy=YEAR&from=1990', 'report-trends.png', {
      tables: 2,
      charts: { 'svg.chart-line': 3 },
    });
    // The accepted share and the share with proposals: one series per code in each, its line broken at the years
    // with no agreement signed (more lines than series where the fixtures' years have gaps).
    for (const chart of [0, 1]) {
      const svg = page.locator('svg.chart-line').nth(chart);
      expect(await svg.locator('g.series').count()).toBe(10);
      expect(await svg.locator('polyline').count()).toBeGreaterThanOrEqual(10);
    }
    await page.close();
  });

  it('renders trends by region as a heatmap', async () => {
    const page = await expectCleanPage('/reports/trends.html?groupBy=REGION', 'report-trends-region.png', {
      tables: 2,
      charts: { 'svg.chart-heatmap': 1 },
    });
    await page.close();
  });

  it('renders preferential-treatment flows as a bar chart', async () => {
    const page = await expectCleanPage('/reports/flows.html', 'report-flows.png', {
      tables: 2,
      charts: { 'svg.chart-bar': 1 },
    });
    expect(await page.locator('svg.chart-bar rect.bar').count()).toBeGreaterThan(3);
    await page.close();
  });

  it.each([['fr'], ['es']])(
    'renders the comparison and the flows in %s at 1280 and 375 px: no page-wide scroll, a French colon never starts a line',
    async (lang) => {
      for (const path of [
        `/reports/compare.html?agreements=${COMPARED.join(',')}&lang=${lang}`,
        `/reports/flows.html?lang=${lang}`,
      ])
        for (const width of [1280, 375]) {
          const { page, problems } = await open(path);
          await page.setViewportSize({ width, height: 900 });
          expect(await page.locator('html').getAttribute('lang')).toBe(lang);
          expect(
            await page
              .locator('html')
              .evaluate((html) => html.scrollWidth - html.ownerDocument.defaultView!.innerWidth),
          ).toBe(0);
          // A colon, semicolon or closing guillemet after a space sits on the line of the word before it.
          const broken = await page.locator('main').evaluate((main) => {
            const found: string[] = [];
            const doc = main.ownerDocument;
            // 4: NodeFilter.SHOW_TEXT.
            const walker = doc.createTreeWalker(main, 4);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const value = node.nodeValue ?? '';
              for (const m of value.matchAll(/\S[\s\u00a0]([:;»])/g)) {
                const at = (i: number) => {
                  const range = doc.createRange();
                  range.setStart(node!, i);
                  range.setEnd(node!, i + 1);
                  return range.getClientRects()[0]?.top;
                };
                const before = at(m.index!);
                const mark = at(m.index! + 2);
                if (before !== undefined && mark !== undefined && mark > before + 2)
                  found.push(value.slice(Math.max(0, m.index! - 20), m.index! + 10));
              }
            }
            return found;
          });
          expect(broken).toEqual([]);
          expect(problems()).toEqual([]);
          if (width === 375)
            await page.screenshot({
              path: join(OUT_DIR, `report-${path.includes('flows') ? 'flows' : 'compare'}-${lang}-375.png`),
            });
          await page.close();
        }
    },
  );

  it.each([
    ['/reports/coherence/CAN.html'],
    [`/reports/compare.html?agreements=${COMPARED.join(',')}`],
    ['/reports/trends.html?groupBy=YEAR&from=1990'],
    ['/reports/trends.html?groupBy=REGION'],
    ['/reports/flows.html'],
    ['/provisions/canada-korea-fta/art-22.6'],
  ])(
    '%s passes axe-core (WCAG 2.1 AA and best practices): contrast, a main landmark, scrolling boxes reachable by keyboard',
    async (path) => {
      const { page } = await open(path);
      expect(await axeViolations(page, { extraTags: ['best-practice'], minImpact: 'minor' })).toEqual([]);
      expect(await page.getByRole('main').count()).toBe(1);
      // Every box that scrolls sideways takes the focus and has a name, so the keyboard can reach and scroll it.
      await page.setViewportSize({ width: 500, height: 800 });
      const scrolling = await page.locator('.table-wrap, .chart-wrap').evaluateAll((boxes) =>
        boxes
          .filter((box) => box.scrollWidth > box.clientWidth)
          .map((box) => ({
            tabindex: box.getAttribute('tabindex'),
            label: Boolean(box.getAttribute('aria-label')),
          })),
      );
      if (path.startsWith('/reports/')) expect(scrolling.length).toBeGreaterThan(0);
      for (const box of scrolling) expect(box).toEqual({ tabindex: '0', label: true });
      await page.close();
    },
  );
});
