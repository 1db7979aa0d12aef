import { readFileSync } from 'fs';
import { join } from 'path';
import { startTestApp, TestApp } from '../support/test-app';

/** The README's own examples, as a new user tries them first. */
describe("the README's addresses", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });
  afterAll(() => t.close());

  it("answers each of the README's report addresses in the format its extension names", async () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    // Every address written out in full (the table's examples, the languages' and the ZIP's), not the patterns.
    const addresses = [
      ...new Set([...readme.matchAll(/`(\/reports\/[^`<>]+\.\w+(?:\?[^`]*)?)`/g)].map((m) => m[1])),
    ].filter((address) => !address.includes('...'));
    expect(addresses).toEqual(
      expect.arrayContaining(['/reports/coherence/CAN.html', '/reports/trends.zip?groupBy=REGION&from=1990']),
    );
    const types: Record<string, RegExp> = {
      csv: /^text\/csv/,
      zip: /^application\/zip/,
      xlsx: /spreadsheetml/,
      md: /^text\/markdown/,
      json: /^application\/json/,
      html: /^text\/html/,
    };
    for (const address of addresses) {
      const extension = /\.(\w+)(\?|$)/.exec(address)![1];
      const res = await t.http().get(address).buffer(true);
      expect({
        address,
        status: res.status,
        type: types[extension].test(res.headers['content-type']),
      }).toEqual({
        address,
        status: 200,
        type: true,
      });
    }
  });
});
