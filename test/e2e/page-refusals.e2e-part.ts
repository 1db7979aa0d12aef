import { startTestApp, TestApp } from '../support/test-app';
import { pageText } from '../support/page-text';

/**
 * What a browser reads when the explorer refuses what it sent before any page ran: a form's body over BODY_LIMIT,
 * an address whose percent-encoding is broken (in its path or its query string). Each is an HTML page in the page's
 * language saying what was wrong; a client asking for JSON keeps the API's JSON answer.
 */
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('pages refusing what a browser sent', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });

  afterAll(async () => {
    await t?.close();
  });

  const form = (draft: string) => `draft=${encodeURIComponent(draft)}&parties=CAN&language=`;

  it('a draft over BODY_LIMIT sent from the form gets the page, in its language, naming the limit; JSON clients keep JSON', async () => {
    const tooLarge = form('culture '.repeat(140_000)); // 1.12 MB
    for (const [lang, words] of [
      ['en', /The form sent is larger than 1 MB/],
      ['fr', /Le formulaire envoyé dépasse 1 Mo/],
      ['es', /El formulario enviado supera 1 MB/],
    ] as const) {
      const page = await t
        .http()
        .post(`/draft-check?lang=${lang}`)
        .set('Accept', BROWSER)
        .type('form')
        .send(tooLarge);
      expect({ lang, status: page.status, type: page.headers['content-type'] }).toEqual({
        lang,
        status: 413,
        type: 'text/html; charset=utf-8',
      });
      expect(page.text).toContain(`<html lang="${lang}"`);
      expect(pageText(page.text)).toMatch(words);
    }
    // The language a browser asks for, as every page reads it.
    const french = await t
      .http()
      .post('/draft-check')
      .set('Accept', BROWSER)
      .set('Accept-Language', 'fr-CA,fr;q=0.9')
      .type('form')
      .send(tooLarge);
    expect(french.status).toBe(413);
    expect(pageText(french.text)).toMatch(/Le formulaire envoyé dépasse 1 Mo/);
    // A program posting the same form, asking for JSON (or for nothing in particular), reads the API's answer.
    for (const accept of ['application/json', undefined]) {
      const request = t.http().post('/draft-check').type('form');
      const api = await (accept ? request.set('Accept', accept) : request).send(tooLarge);
      expect({ accept, status: api.status, type: api.headers['content-type'] }).toEqual({
        accept,
        status: 413,
        type: 'application/json; charset=utf-8',
      });
      expect(api.body).toEqual({
        statusCode: 413,
        code: 'BAD_REQUEST',
        message: 'the body is larger than 1mb (BODY_LIMIT)',
      });
    }
  });

  it('a draft under BODY_LIMIT but over the checker’s length still gets the form with the checker’s words', async () => {
    const page = await t
      .http()
      .post('/draft-check')
      .set('Accept', BROWSER)
      .type('form')
      .send(form('culture '.repeat(90_000))); // 720 kB
    expect(page.status).toBe(400);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(pageText(page.text)).toMatch(/The draft has 719,999 characters, more than the 200,000 allowed/);
  });
});
