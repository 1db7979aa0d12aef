import { startTestApp, TestApp } from '../support/test-app';

/** What hostile22 found in the explorer's pages: a "to" year the page offers, refused in GraphQL's words. */
describe('hostile pages: the years a page offers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes every "to" year it offers, up to this year plus 50, and names the parameter past it', async () => {
    const last = new Date().getUTCFullYear() + 50;
    for (const page of ['/agreements?', '/flows?', '/search?q=culture&']) {
      // 31 December of the last year lies past the latest date the API takes (today plus 50 years).
      const taken = await t.http().get(`${page}from=2000&to=${last}`);
      expect([page, taken.status]).toEqual([page, 200]);
      const refused = await t.http().get(`${page}to=${last + 1}`);
      expect([page, refused.status]).toEqual([page, 400]);
      expect(refused.text).toContain(`to must be a year between 1900 and ${last}`);
      expect(refused.text).not.toContain('$filter');
    }
  });
});
