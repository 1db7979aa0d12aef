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

describe('pages refusing a form the body parser would not read, and a form sent where no page takes one', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });

  afterAll(async () => {
    await t?.close();
  });

  const post = (path: string, accept: string | undefined) => {
    const request = t.http().post(path);
    return accept ? request.set('Accept', accept) : request;
  };

  /** Each refusal as a browser sends its cause, what the page says in each language, and the API's JSON. */
  const refusals: {
    what: string;
    status: number;
    send: (path: string, accept: string | undefined) => ReturnType<ReturnType<TestApp['http']>['post']>;
    words: Record<'en' | 'fr' | 'es', RegExp>;
    message: RegExp;
  }[] = [
    {
      what: 'more fields than the parser reads',
      status: 413,
      send: (path, accept) =>
        post(path, accept)
          .type('form')
          .send(Array.from({ length: 1001 }, (_, i) => `f${i}=1`).join('&')),
      words: {
        en: /The form sent has more than 1,000 fields/,
        fr: /Le formulaire envoyé a plus de 1 000 champs/,
        es: /El formulario enviado tiene más de 1000 campos/,
      },
      message: /^the form has more than 1000 fields/,
    },
    {
      what: 'a character set the parser does not read',
      status: 415,
      send: (path, accept) =>
        post(path, accept)
          .set('Content-Type', 'application/x-www-form-urlencoded; charset=koi8-r')
          .send('draft=culture&parties=CAN'),
      words: {
        en: /The form was sent in the character set KOI8-R/,
        fr: /Le formulaire a été envoyé dans le jeu de caractères KOI8-R/,
        es: /El formulario se envió en el juego de caracteres KOI8-R/,
      },
      message: /^the body's character set KOI8-R is not read/,
    },
    {
      what: 'a compression the parser does not read',
      status: 415,
      send: (path, accept) =>
        post(path, accept)
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .set('Content-Encoding', 'compress')
          .send('draft=culture&parties=CAN'),
      words: {
        en: /The form was sent compressed as compress/,
        fr: /Le formulaire a été envoyé compressé en compress/,
        es: /El formulario se envió comprimido como compress/,
      },
      message: /^unsupported content encoding "compress"/,
    },
    {
      what: 'a body that is not what its Content-Encoding says',
      status: 400,
      send: (path, accept) =>
        post(path, accept)
          .set('Content-Type', 'application/x-www-form-urlencoded')
          .set('Content-Encoding', 'gzip')
          .send('draft=culture&parties=CAN'),
      words: {
        en: /The form’s body could not be read as it was sent/,
        fr: /Le corps du formulaire n’a pas pu être lu tel qu’il a été envoyé/,
        es: /El cuerpo del formulario no pudo leerse tal como se envió/,
      },
      message: /^the body is not valid gzip data/,
    },
  ];

  it.each(refusals.map((r) => [r.what, r] as const))(
    '%s: a browser gets the page in its language naming it; JSON clients keep JSON',
    async (_what, refusal) => {
      for (const lang of ['en', 'fr', 'es'] as const) {
        const page = await refusal.send(`/draft-check?lang=${lang}`, BROWSER);
        expect({ lang, status: page.status, type: page.headers['content-type'] }).toEqual({
          lang,
          status: refusal.status,
          type: 'text/html; charset=utf-8',
        });
        expect(page.text).toContain(`<html lang="${lang}"`);
        expect(pageText(page.text)).toMatch(refusal.words[lang]);
      }
      for (const accept of ['application/json', undefined]) {
        const api = await refusal.send('/draft-check', accept);
        expect({ accept, status: api.status, type: api.headers['content-type'] }).toEqual({
          accept,
          status: refusal.status,
          type: 'application/json; charset=utf-8',
        });
        expect(api.body.statusCode).toBe(refusal.status);
        expect(api.body.message).toMatch(refusal.message);
      }
    },
  );

  it('a form sent to a page that takes none gets a 405 page with Allow, in its language; elsewhere the 404 page; JSON clients keep JSON', async () => {
    for (const [lang, words] of [
      ['en', /The page \/agreements takes no form/],
      ['fr', /La page \/agreements ne reçoit aucun formulaire/],
      ['es', /La página \/agreements no recibe ningún formulario/],
    ] as const) {
      const page = await post(`/agreements?lang=${lang}`, BROWSER).type('form').send('q=culture');
      expect({ lang, status: page.status, type: page.headers['content-type'] }).toEqual({
        lang,
        status: 405,
        type: 'text/html; charset=utf-8',
      });
      expect(page.headers.allow).toBe('GET, HEAD');
      expect(page.text).toContain(`<html lang="${lang}"`);
      expect(pageText(page.text)).toMatch(words);
    }
    // A page with a parameter in its address (`/parties/:code`), and one that takes no parameters.
    for (const path of ['/parties/CAN', '/'])
      expect({ path, status: (await post(path, BROWSER).type('form').send('a=1')).status }).toEqual({
        path,
        status: 405,
      });
    const nothing = await post('/no-such-page', BROWSER).type('form').send('a=1');
    expect({ status: nothing.status, type: nothing.headers['content-type'] }).toEqual({
      status: 404,
      type: 'text/html; charset=utf-8',
    });
    expect(pageText(nothing.text)).toMatch(/There is no page at \/no-such-page/);
    for (const accept of ['application/json', undefined]) {
      const api = await post('/agreements', accept).type('form').send('q=culture');
      expect({ accept, status: api.status, body: api.body }).toEqual({
        accept,
        status: 404,
        body: { statusCode: 404, code: 'NOT_FOUND', message: 'Cannot POST /agreements' },
      });
    }
  });
});
