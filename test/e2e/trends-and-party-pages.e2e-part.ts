import { startTestApp, TestApp } from '../support/test-app';
import { pageText as text } from '../support/page-text';
import { agreementTypeName } from '../../src/agreements/agreement-type-names';

/**
 * What a new user's trial found wrong (pages26): trends files of a range that counts no agreement titled
 * "2021–null", English trends files naming agreement types by code, the trends line joining years with no
 * agreement, and party pages with an empty table, members out of order and a caveat beside no income group.
 */
describe('trends files and party pages of the new-user trial', () => {
  let t: TestApp;
  let last: number;
  let first: number;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    const years = (
      (await t.gql('{ trends(groupBy: YEAR) { groups { key } } }')).data as {
        trends: { groups: { key: string }[] };
      }
    ).trends.groups.map((g) => Number(g.key));
    first = Math.min(...years);
    last = Math.max(...years);
  });
  afterAll(() => t.close());

  it('says a range after the last signature is empty, in every format and language, never "null"', async () => {
    const from = last + 1;
    for (const format of ['md', 'html', 'json']) {
      const body = (await t.http().get(`/reports/trends.${format}?from=${from}`).expect(200)).text;
      expect(body).not.toContain('null');
      expect(body).toContain(`Trends by year of signature, from ${from}`);
      expect(body).toContain(
        `No agreement in the catalogue was signed in ${from} or later: the last was signed in ${last}.`,
      );
      expect(body).not.toContain('0 agreements signed');
    }
    const fr = (await t.http().get(`/reports/trends.md?from=${from}&lang=fr`).expect(200)).text;
    expect(fr).toContain(`à partir de ${from}`);
    expect(fr).toContain(`le dernier l’a été en ${last}`);
    expect(fr).not.toContain('null');
    const es = (await t.http().get(`/reports/trends.md?from=${from}&lang=es`).expect(200)).text;
    expect(es).toContain(`desde ${from}`);
    expect(es).not.toContain('null');
    // Before the first: "up to 1980", not "0 agreements signed no agreement".
    const before = (
      await t
        .http()
        .get(`/reports/trends.md?to=${first - 1}`)
        .expect(200)
    ).text;
    expect(before).toContain(`Trends by year of signature, up to ${first - 1}`);
    expect(before).toContain(`the first was signed in ${first}`);
    expect(before).not.toContain('no agreement');
    // The page says it, with no table of headers only.
    const page = (await t.http().get(`/trends?from=${from}`).expect(200)).text;
    expect(text(page)).toContain(`the last was signed in ${last}`);
    expect(page).not.toContain('<table');
  });

  it('names agreement types in the English files as the page and the French files do', async () => {
    const fta = agreementTypeName('en', 'FTA');
    expect(fta).not.toBe('FTA');
    const csv = (await t.http().get('/reports/trends.csv?groupBy=AGREEMENT_TYPE&section=groups').expect(200))
      .text;
    const labels = csv
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',')[0].replace(/"/g, ''));
    expect(labels).toContain(fta);
    expect(labels).not.toContain('FTA');
    const md = (await t.http().get('/reports/trends.md?groupBy=AGREEMENT_TYPE').expect(200)).text;
    expect(md).toContain(`| ${fta} |`);
  });

  it('breaks the trends line at years with no agreement, and says so', async () => {
    const page = (await t.http().get('/trends').expect(200)).text;
    const wide = page.slice(page.indexOf('chart-wide'), page.indexOf('chart-narrow'));
    const series = (wide.match(/<g class="series"/g) ?? []).length;
    const lines = (wide.match(/<polyline /g) ?? []).length;
    // The fixtures' years have gaps (1992, then 1996): more lines than series.
    expect(series).toBeGreaterThan(0);
    expect(lines).toBeGreaterThan(series);
    expect(text(page)).toContain('Lines break at years in which no agreement was signed');
    const html = (await t.http().get('/reports/trends.html').expect(200)).text;
    expect(text(html)).toContain('A line breaks at a year in which no agreement was signed');
  });

  it('says a party no agreement names is named by none, and keeps no table of headers only', async () => {
    const page = (await t.http().get('/parties/CIV').expect(200)).text;
    expect(text(page)).toContain('No agreement in the catalogue names Côte d’Ivoire as a party.');
    expect(page).not.toContain('<table class="responsive"');
  });

  it("lists a bloc's members by name and puts no income caveat beside no income group", async () => {
    const page = (await t.http().get('/parties/EUN').expect(200)).text;
    const members = page.slice(page.indexOf('<details>'), page.indexOf('</details>'));
    const names = [...members.matchAll(/<li><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(20);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(text(page)).toMatch(/Income group \(World Bank, FY23\) – /);
    expect(text(page)).not.toContain('July 2022 to June 2023');
    // A party with a group keeps the caveat.
    expect(text((await t.http().get('/parties/HRV').expect(200)).text)).toContain('July 2022 to June 2023');
  });

  it("labels the EU's agreements on the United Kingdom's page as bound through the EU until the end of its transition", async () => {
    const croatia = text((await t.http().get('/parties/HRV').expect(200)).text);
    expect(croatia).toContain('(through the European Union)');
    const page = text((await t.http().get('/parties/GBR').expect(200)).text);
    // Member until 2020-01-31, bound through the EU until 2020-12-31 (dateBoundUntil): no longer, said with the day.
    expect(page).toContain('(through the European Union until 31 Dec 2020)');
    expect(page).not.toContain('(through the European Union)');
    // On a day of the transition the page says what bound it then, as Croatia's does.
    const inTransition = text((await t.http().get('/parties/GBR?asOf=2020-06-01').expect(200)).text);
    expect(inTransition).toContain('(through the European Union)');
    expect(inTransition).not.toContain('until 31 Dec 2020');
    const fr = text((await t.http().get('/parties/GBR?lang=fr').expect(200)).text);
    expect(fr).toContain('jusqu’au 31 déc. 2020');
  });
});
