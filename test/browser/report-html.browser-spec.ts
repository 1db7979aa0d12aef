import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { PROJECT_ROOT } from '../../src/common/paths';
import { renderHtml } from '../../src/reports/render/render-html';
import { sampleReportDocument } from '../../src/reports/render/sample-report-document';

/**
 * Opens a rendered HTML report in headless Chromium (Debian's `chromium` package, or CHROMIUM_PATH): the page
 * renders its tables and SVG charts, logs no error, loads nothing but itself, and prints one section per page.
 * Screenshots and a PDF go to test/out/ (git-ignored) for a human look.
 */
const OUT_DIR = join(PROJECT_ROOT, 'test', 'out');

describe('HTML report in headless Chromium', () => {
  const document = sampleReportDocument();
  const htmlPath = join(OUT_DIR, 'report-html.html');
  const timings: Record<string, number> = {};
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    let start = Date.now();
    writeFileSync(htmlPath, renderHtml(document));
    timings.renderMs = Date.now() - start;

    start = Date.now();
    browser = await launchChromium();
    timings.launchMs = Date.now() - start;

    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`requestfailed: ${request.url()}`));
    page.on('request', (request) => requests.push(request.url()));

    start = Date.now();
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    timings.loadMs = Date.now() - start;
  });

  afterAll(async () => {
    await browser?.close();
    if (Object.keys(timings).length > 0) {
      writeFileSync(join(OUT_DIR, 'report-html-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    }
  });

  it('renders the title, the tables and the SVG charts', async () => {
    expect(await page.title()).toBe(document.title);
    expect(await page.locator('h1').textContent()).toBe(document.title);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('section.report-section').count()).toBe(document.sections.length);
    expect(await page.locator('table').count()).toBe(5);
    expect(await page.locator('table caption').count()).toBe(5);
    expect(await page.getByRole('table', { name: 'Findings' }).locator('tbody tr').count()).toBe(3);
    expect(await page.locator('.badge').count()).toBe(3);

    expect(await page.locator('svg.chart').count()).toBe(3);
    expect(await page.locator('svg.chart > title').count()).toBe(3);
    expect(await page.getByRole('img', { name: 'Trends' }).count()).toBe(1);
    expect(await page.locator('svg.chart-line polyline').count()).toBe(2);
    expect(await page.locator('svg.chart-heatmap g.cell rect').count()).toBe(6);
    expect(await page.locator('svg.chart-bar rect.bar').count()).toBe(3);
  });

  it('lays the charts out with a real size', async () => {
    for (const svg of await page.locator('svg.chart').all()) {
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(80);
    }
    const cellTexts = await page.locator('svg.chart-heatmap g.cell text').allTextContents();
    expect(cellTexts).toEqual(['1', '0', '–', '3', '2', '5']);
  });

  it('logs no error and loads nothing but itself', () => {
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(htmlPath).href]);
  });

  it('writes a screenshot, and prints one section per page within the page width', async () => {
    let start = Date.now();
    await page.screenshot({ path: join(OUT_DIR, 'report-html.png'), fullPage: true });
    timings.screenshotMs = Date.now() - start;

    await page.emulateMedia({ media: 'print' });
    const breaks = await page
      .locator('section.report-section')
      .evaluateAll((sections) =>
        sections.map((s) => s.ownerDocument.defaultView?.getComputedStyle(s).breakBefore),
      );
    expect(breaks).toEqual(document.sections.map(() => 'page'));
    const bodyWidth = await page.locator('body').evaluate((body) => body.getBoundingClientRect().width);
    for (const svg of await page.locator('svg.chart').all()) {
      expect((await svg.boundingBox())!.width).toBeLessThanOrEqual(bodyWidth + 0.5);
    }
    await page.screenshot({ path: join(OUT_DIR, 'report-html-print.png'), fullPage: true });

    start = Date.now();
    const pdf = await page.pdf({
      path: join(OUT_DIR, 'report-html.pdf'),
      format: 'A4',
      printBackground: true,
    });
    timings.pdfMs = Date.now() - start;
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(document.sections.length + 1);
    expect(existsSync(join(OUT_DIR, 'report-html.png'))).toBe(true);
  });
});
