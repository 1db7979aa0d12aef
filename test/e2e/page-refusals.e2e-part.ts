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

  it('an address with a % not followed by two hexadecimal digits gets a 400 page saying so, in its language', async () => {
    for (const path of ['/parties/%ZZ', '/agreements/ceta%2', '/provisions/ceta/art-%G1', '/%ZZ']) {
      const page = await t.http().get(path).set('Accept', BROWSER);
      expect({ path, status: page.status, type: page.headers['content-type'] }).toEqual({
        path,
        status: 400,
        type: 'text/html; charset=utf-8',
      });
      expect(pageText(page.text)).toContain(
        `The address ${path} holds "${/%.{0,2}$|%[^/]{2}/.exec(path)![0]}"`,
      );
    }
    const french = await t.http().get('/parties/%ZZ?lang=fr').set('Accept', BROWSER);
    expect(pageText(french.text)).toContain('L’adresse /parties/%ZZ contient « %ZZ »');
    const api = await t.http().get('/parties/%ZZ').set('Accept', 'application/json');
    expect({ status: api.status, code: api.body.code }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
  });

  it('a query string that is no percent-encoded UTF-8 is refused by name, not read as something else', async () => {
    for (const [path, name, value] of [
      ['/search?q=%E0%A4%A', 'q', '%E0%A4%A'],
      ['/search?q=%ZZ', 'q', '%ZZ'],
      ['/agreements?q=caf%E9', 'q', 'caf%E9'],
      ['/compare?agreements=ceta,%FF', 'agreements', 'ceta,%FF'],
      ['/parties/CAN?asOf=%', 'asOf', '%'],
      ['/trends?lang=fr&from=%C3', 'from', '%C3'],
      ['/?%ZZ=1', '%ZZ', '1'],
    ]) {
      const page = await t.http().get(path).set('Accept', BROWSER);
      expect({ path, status: page.status, type: page.headers['content-type'] }).toEqual({
        path,
        status: 400,
        type: 'text/html; charset=utf-8',
      });
      expect(pageText(page.text)).toContain(
        path.includes('lang=fr')
          ? `Le paramètre « ${name} » contient « ${value} »`
          : `The parameter ${name} holds "${value}"`,
      );
      const api = await t.http().get(path).set('Accept', 'application/json');
      expect({ path, status: api.status, argument: api.body.argument }).toEqual({
        path,
        status: 400,
        argument: name,
      });
    }
    // What a browser sends for the same words, and a + for a space, still reads.
    for (const path of ['/search?q=caf%C3%A9', '/search?q=cultural+goods', '/agreements?q=%25'])
      expect({ path, status: (await t.http().get(path).set('Accept', BROWSER)).status }).toEqual({
        path,
        status: 200,
      });
  });
});
