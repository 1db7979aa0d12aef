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
    const addresses = [...readme.matchAll(/\| `(\/reports\/[^`]+)` \|/g)].map((m) => m[1]);
    expect(addresses.length).toBeGreaterThanOrEqual(4);
    const types: Record<string, RegExp> = {
      csv: /^text\/csv/,
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
