import { FAMILY_MAX_MEMBERS } from '../../src/search/similar/similarity.service';
import { Role } from '../../src/auth/role.enum';
import { DraftCheckService } from '../../src/search/draft/draft-check.service';
import { EntityManager } from '@mikro-orm/knex';
import { latestAnnotatedProvisions } from '../../src/search/repository/draft-check.repository';
import { TaxonomyCodeId } from '../../src/taxonomy/taxonomy-code.enum';
import { startTestApp, TestApp } from '../support/test-app';

// An invented e-commerce chapter (not treaty wording), as a negotiator would paste it.
const DRAFT = `Chapter 9 Trade by Electronic Means

Article 9.1 Customs Duties
No Party shall impose customs duties on electronic transmissions, including content transmitted electronically, between a person of one Party and a person of another Party.

Article 9.2 Paperless Trading
Each Party shall endeavour to accept trade administration documents submitted electronically as the legal equivalent of the paper version of those documents.
`;

/** What a new user meets through the draft checker's three doors and the family view (issue 11's walk). */
describe("the draft checker's doors and the family view, as a negotiator meets them", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });
  afterAll(() => t.close());

  it('POST /draft-check answers 200 with the API fields, each precedent with its diff, and no database rows', async () => {
    const res = await t.http().post('/draft-check').send({ text: DRAFT, parties: 'CAN,KOR' });
    expect(res.status).toBe(200);
    const precedents = res.body.articles.flatMap((a: { precedents: unknown[] }) => a.precedents);
    expect(precedents.length).toBeGreaterThan(0);
    for (const p of precedents) {
      expect(p.provision.id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(Buffer.from(p.provision.id, 'base64url').toString()).toMatch(/^Provision:\d+$/);
      expect(p.provision.pinpoint).toMatch(/^[a-z0-9-]+\/\S+$/);
      expect(p.diff.segments.length).toBeGreaterThan(0);
      expect(p.diff.stats).toHaveProperty('equalWords');
    }
    const body = JSON.stringify(res.body);
    for (const internal of [
      'createdAt',
      'updatedAt',
      '"version"',
      'archivedAt',
      'draftText',
      'precedentText',
    ])
      expect(body).not.toContain(internal);
    // The draft's own words come back only where the diff shows them, never its whole text.
    expect(body).not.toContain(DRAFT.slice(0, 200));
  });

  it('reads a draft in the language its words show, and refuses one its words contradict (GraphQL, JSON door)', async () => {
    // Written for this test: an e-commerce article in Spanish.
    const spanish =
      'Artículo 9.1 Derechos aduaneros\nNinguna Parte impondrá derechos aduaneros a las transmisiones electrónicas entre una persona de una Parte y una persona de la otra Parte.';
    const query = 'query Q($input: CheckDraftInput!) { checkDraft(input: $input) { language codes } }';
    const read = await t.gql<{ checkDraft: { language: string; codes: string[] } }>(query, {
      input: { text: spanish, parties: ['CAN'] },
    });
    expect(read.data!.checkDraft).toEqual({ language: 'es', codes: ['ECOMMERCE_PROVISION'] });
    const asEnglish = await t.gql(query, { input: { text: spanish, parties: ['CAN'], language: 'en' } });
    expect(asEnglish.errors![0]).toMatchObject({
      message: expect.stringMatching(/reads as Spanish, not English/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const json = await t.http().post('/draft-check').send({ text: DRAFT, parties: 'CAN' });
    expect(json.body.language).toBe('en');
    const refused = await t.http().post('/draft-check').send({ text: DRAFT, parties: 'CAN', language: 'fr' });
    expect({ status: refused.status, message: refused.body.message }).toEqual({
      status: 400,
      message: expect.stringMatching(/reads as English, not French/),
    });
  });

  it('reads a clause pasted alone in its language, and asks for the language rather than read it as English', async () => {
    // Before: each of these was read as English and told "the draft refers neither to the 2005 Convention nor to the
    // diversity of cultural expressions", which it names. Clauses written for this test.
    for (const [text, language] of [
      ['Las Partes reafirman la diversidad de las expresiones culturales.', 'es'],
      ['Les Parties réaffirment la diversité des expressions culturelles.', 'fr'],
      ['Article 1 Chaque Partie veille à la diversité des expressions culturelles.', 'fr'],
    ]) {
      const res = await t.http().post('/draft-check').send({ text, parties: 'CAN' });
      expect({ text, status: res.status, language: res.body.language }).toEqual({
        text,
        status: 200,
        language,
      });
      expect(res.body.codes).toContain('CONVENTION_REF_IMPLICIT');
      expect(res.body.gaps.map((g: { kind: string }) => g.kind)).not.toContain('NO_CONVENTION_REFERENCE');
    }
    // Words that show Spanish or French without telling which: asked for, never read as English.
    const unclear = 'Artículo 2\nTrato nacional a los servicios.';
    const json = await t.http().post('/draft-check').send({ text: unclear, parties: 'CAN' });
    expect({ status: json.status, code: json.body.code, argument: json.body.argument }).toEqual({
      status: 400,
      code: 'BAD_USER_INPUT',
      argument: 'input.language',
    });
    expect(json.body.message).toMatch(/language is not evident from its words/);
    const gql = await t.gql('query Q($input: CheckDraftInput!) { checkDraft(input: $input) { language } }', {
      input: { text: unclear, parties: ['CAN'] },
    });
    expect(gql.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', languageNeeded: ['es'] });
    expect(
      (await t.http().post('/draft-check').send({ text: unclear, parties: 'CAN', language: 'es' })).status,
    ).toBe(200);
    // The page asks in the reader's language and keeps the form, the draft in it.
    const page = await t
      .http()
      .post('/draft-check?lang=es')
      .type('form')
      .send({ draft: unclear, parties: 'CAN' });
    expect(page.status).toBe(400);
    expect(page.text).toContain(
      'Las palabras del borrador no dicen en qué idioma está redactado (español): elíjalo en «Idioma».',
    );
    expect(page.text).toMatch(
      /<textarea id="draft" name="draft" required>Artículo 2\r?\nTrato nacional a los servicios\.<\/textarea>/,
    );
  });

  it('names a part with no heading of its own by its section, and drops page numbers left in the paste', async () => {
    const draft = `${DRAFT}\n- 2 -\n\nANNEX 9-A\n\nSection I: Competitive safeguards\nMajor suppliers shall not cross-subsidise.\n`;
    const res = await t.http().post('/draft-check').send({ text: draft, parties: 'CAN,KOR' });
    expect(res.status).toBe(200);
    const titles = res.body.articles.map(
      (a: { articleNumber: string | null; articleTitle: string | null }) => [a.articleNumber, a.articleTitle],
    );
    expect(titles).toEqual([
      ['9.1', 'Customs Duties'],
      ['9.2', 'Paperless Trading'],
      [null, 'Competitive safeguards'],
    ]);
  });

  it("every refusal of the JSON door answers the API's one error body: status, code, message, argument", async () => {
    const cases: [object | string, { code: string; argument?: string; message: RegExp }][] = [
      [
        { text: '', parties: 'CAN' },
        { code: 'BAD_USER_INPUT', argument: 'input.text', message: /empty/i },
      ],
      [
        { text: DRAFT, parties: 'XXX' },
        { code: 'BAD_USER_INPUT', argument: 'input.parties', message: /XXX/ },
      ],
      ['{"text": "Article 1', { code: 'BAD_USER_INPUT', message: /JSON/ }],
      // Numbers, punctuation and Markdown rules: nothing to compare, and nothing the draft could be said to lack.
      [
        { text: '1 2 3 . , ;\n\n---\n\n***\n', parties: 'CAN' },
        { code: 'BAD_USER_INPUT', argument: 'input.text', message: /the draft has no article text/ },
      ],
      // A text or a language of the wrong type is named as such, not taken for an empty draft or English.
      [
        { text: 5, parties: 'CAN' },
        {
          code: 'BAD_USER_INPUT',
          argument: 'input.text',
          message: /must be the draft's text, a string \(got a number\)/,
        },
      ],
      [
        { text: DRAFT, parties: 'CAN', language: 3 },
        {
          code: 'BAD_USER_INPUT',
          argument: 'input.language',
          message: /must be one of en, es, fr, or left out .*\(got a number\)/,
        },
      ],
    ];
    for (const [body, expected] of cases) {
      const res = await t.http().post('/draft-check').type('json').send(body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body).sort()).toEqual(
        ['argument', 'code', 'message', 'statusCode'].filter((k) => k !== 'argument' || expected.argument),
      );
      expect(res.body).toMatchObject({ statusCode: 400, code: expected.code });
      if (expected.argument) expect(res.body.argument).toBe(expected.argument);
      expect(res.body.message).toMatch(expected.message);
    }
  });

  it('a JSON body of the wrong shape is named as such, never read as an empty draft or as no party', async () => {
    const cases: [unknown, string, RegExp][] = [
      [['Article 1'], 'input', /the body must be a JSON object .*\(got a list\)/],
      [{ text: DRAFT, parties: 5 }, 'input.parties', /must be parties, a list .*\(got a number\)/],
      [{ text: DRAFT, parties: { code: 'CAN' } }, 'input.parties', /\(got an object\)/],
      [
        { text: DRAFT, parties: [{ code: 'CAN' }] },
        'input.parties',
        /entry 0 must be a party.s code or name.*\(got an object\)/,
      ],
      [{ text: DRAFT, parties: ['CAN', ['KOR']] }, 'input.parties', /entry 1 .*\(got a list\)/],
      [{ text: ['Article 1', 'Article 2'], parties: 'CAN' }, 'input.text', /a string \(got a list\)/],
      // A misspelt field was passed over: the draft was checked for no party.
      [
        { text: DRAFT, partys: 'CAN' },
        'input.partys',
        /unknown field\(s\) partys; the JSON body takes text, draft, parties, language/,
      ],
      // A list where JSON holds one language is a list, not a form's field sent twice.
      [
        { text: DRAFT, parties: 'CAN', language: ['en'] },
        'input.language',
        /^input\.language: must be one of en, es, fr.*\(got a list\)/,
      ],
    ];
    for (const [body, argument, message] of cases) {
      const res = await t.http().post('/draft-check').type('json').send(JSON.stringify(body));
      expect({ body, status: res.status, argument: res.body.argument }).toEqual({
        body,
        status: 400,
        argument,
      });
      expect(res.body.message).toMatch(message);
    }
  });

  it('a form that declares iso-8859-1 is read in it: its accents are letters, not undecodable bytes', async () => {
    // Invented French wording; the accents as Latin-1 bytes, raw and escaped.
    const draft =
      'Article 1\nLes Parties coopèrent à la préservation du patrimoine et à l’élaboration des politiques culturelles, également.';
    const body = Buffer.concat([
      Buffer.from('parties=CAN&draft=', 'latin1'),
      Buffer.from(draft.replace('’', "'"), 'latin1'),
      Buffer.from('%20%E9t%E9', 'latin1'),
    ]);
    const res = await t
      .http()
      .post('/draft-check')
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=iso-8859-1')
      .set('Accept', 'application/json')
      // The bytes as they are, not serialised as a form's object (superagent's types say a string).
      .serialize(((bytes: Buffer) => bytes) as unknown as (body: unknown) => string)
      .send(body);
    expect(res.body.message).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.body.language).toBe('fr');
  });

  it('a body no parser reads (plain text, XML) is named, not taken for an empty draft; a browser gets its page', async () => {
    for (const type of ['text/plain', 'application/xml']) {
      const res = await t.http().post('/draft-check').set('Content-Type', type).send('Article 1 The Parties');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.text' });
      expect(res.body.message).toContain(`a body of type ${type} is not read`);
    }
    // A browser's form of another enctype: the page, in its language, says why it read nothing.
    const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const plain = await t
      .http()
      .post('/draft-check?lang=fr')
      .set('Accept', browser)
      .set('Content-Type', 'text/plain')
      .send('draft=Article 1\r\nparties=CAN');
    const upload = await t
      .http()
      .post('/draft-check?lang=es')
      .set('Accept', browser)
      .field('parties', 'CAN')
      .field('draft', DRAFT);
    for (const [res, words] of [
      [plain, 'une forme que cette page ne lit pas'],
      [upload, 'de una forma que esta página no lee'],
    ] as const) {
      expect(res.status).toBe(400);
      expect(res.type).toBe('text/html');
      expect(res.text).toContain(words);
    }
  });

  it('a body that is not JSON is refused without quoting its words (the message is answered and logged)', async () => {
    for (const body of [
      '{"text": "Confidential offer on puppets", "parties": CAN}',
      'Confidential offer on puppets',
      '{"text": "Confidential offer on puppets',
    ]) {
      const res = await t.http().post('/draft-check').type('json').send(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(res.body.message).toMatch(/^the body is not valid JSON/);
      for (const words of ['Confid', 'puppets', 'CAN', 'parties'])
        expect(res.body.message).not.toContain(words);
    }
  });

  it("a form's fields from a client that asks for JSON get the JSON door's answers, its refusals too", async () => {
    const ok = await t
      .http()
      .post('/draft-check')
      .type('form')
      .set('Accept', 'application/json')
      .send({ draft: DRAFT, parties: 'CAN' });
    expect(ok.status).toBe(200);
    expect(ok.type).toBe('application/json');
    expect(ok.body.articles.length).toBeGreaterThan(0);
    const empty = await t
      .http()
      .post('/draft-check')
      .type('form')
      .set('Accept', 'application/json')
      .send({ draft: '', parties: 'CAN' });
    expect(empty.status).toBe(400);
    expect(empty.type).toBe('application/json');
    expect(empty.body).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.text' });
  });

  it('a form asking for JSON reads the parties by name as the page and its JSON button do', async () => {
    // "Canada, Republic of Korea" answered 400 "unknown party code(s) CANADA, REPUBLIC, OF, KOREA" here, while the
    // same form without Accept: application/json, and its download button, checked the draft for CAN and KOR.
    const send = (parties: string, format?: string) =>
      t
        .http()
        .post('/draft-check')
        .type('form')
        .set('Accept', 'application/json')
        .send({ draft: DRAFT, parties, ...(format ? { format } : {}) });
    const gapsOf = (body: { gaps: { practice: { party: string }[] }[] }) =>
      body.gaps.map((g) => g.practice.map((p) => p.party));
    const byCode = await send('CAN, KOR');
    expect(byCode.status).toBe(200);
    const byName = await send('Canada, Republic of Korea');
    expect({ status: byName.status, type: byName.type, message: byName.body.message }).toEqual({
      status: 200,
      type: 'application/json',
      message: undefined,
    });
    expect(gapsOf(byName.body)).toEqual(gapsOf(byCode.body));
    expect(gapsOf(byName.body)[0]).toEqual(['CAN', 'KOR']);
    // The download button answers the same JSON, as a file.
    const button = await send('Canada, Republic of Korea', 'json');
    expect(button.status).toBe(200);
    expect(gapsOf(JSON.parse(button.text))).toEqual(gapsOf(byName.body));
    // A name that places no party is named as the page names it, in the JSON door's refusal.
    const unknown = await send('Canada; Atlantis');
    expect(unknown.status).toBe(400);
    expect(unknown.type).toBe('application/json');
    expect(unknown.body).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.parties' });
    expect(unknown.body.message).toContain('no party is named "Atlantis"');
    expect(unknown.body.message).not.toContain('unknown party code');
  });

  it('the form door: the precedents show their parties and the words the draft changes', async () => {
    const form = await t.http().post('/draft-check').type('form').send({ draft: DRAFT, parties: 'CAN' });
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/<span class="muted precedent-parties">[A-Z]{3}(, [A-Z]{3})*<\/span>/);
    expect(form.text).toContain('Words the draft changes from this clause');
    expect(form.text).toMatch(/<ins>[^<]+<\/ins>|<del>[^<]+<\/del>/);
    // A family's size is what the bounded search found, and the page says so.
    expect(form.text).toMatch(
      new RegExp(`Clause family: \\d+ members found \\(the search stops at ${FAMILY_MAX_MEMBERS}\\)`),
    );
    // The earliest of a bounded search's members is not called the family's template (clauseFamily may go further).
    expect(form.text).toMatch(
      new RegExp(`members found \\(the search stops at ${FAMILY_MAX_MEMBERS}\\), the earliest of them <a `),
    );
    expect(form.text).not.toMatch(
      new RegExp(`members found \\(the search stops at ${FAMILY_MAX_MEMBERS}\\), template`),
    );
  });

  it('the form door takes parties by name as the other forms do, and says which name it cannot place', async () => {
    // "canada,korea" answered "unknown party code(s) CANADA, KOREA": the form's label does not say codes.
    const send = (parties: string) =>
      t.http().post('/draft-check').type('form').send({ draft: DRAFT, parties });
    const byCode = await send('CAN KOR');
    expect(byCode.status).toBe(200);
    const byName = await send('canada, kor');
    expect(byName.status).toBe(200);
    const practice = (html: string) => html.match(/\b(Canada \(CAN\)|Republic of Korea \(KOR\)) \d+ of \d+/g);
    expect(practice(byName.text)).toEqual(practice(byCode.text));
    expect(practice(byName.text)?.length).toBeGreaterThan(0);
    const unknown = await send('Canada; Atlantis');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('Atlantis');
    expect(unknown.text).not.toContain('unknown party code');
    // The error names the form's field (`parties`), not the filter forms' `party`.
    expect(unknown.text).toContain('parties: no party is named &quot;Atlantis&quot;');
    // A name several parties share is answered with them, as on the other forms.
    const ambiguous = await send('Canada, Korea');
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.text).toContain('(KOR)');
    expect(ambiguous.text).toContain('parties: &quot;Korea&quot; names several parties');
  });

  it('the form door speaks the page’s language: what the draft lacks, its scope, word counts, no precedent', async () => {
    // An invented French e-commerce article (no cultural carve-out) and one the catalogue has nothing close to.
    const draft = `Chapitre 4 Commerce électronique

Article 4.1 Droits de douane
Aucune Partie ne perçoit de droits de douane sur les transmissions électroniques entre les Parties.

Article 4.2 Phares
Les gardiens de phare échangent chaque hiver leurs relevés de brume et de marée par voie électronique.
`;
    const res = await t
      .http()
      .post('/draft-check?lang=fr')
      .type('form')
      .send({ draft, parties: 'CAN', language: 'fr' });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<html lang="fr"');
    expect(res.text).toMatch(
      /Le projet contient des dispositions sur le commerce électronique mais aucune exclusion ni exemption culturelle, alors que les accords des parties en comportent une \(Canada \(CAN\) \d+ sur \d+ \(1 des autres n’est détenu qu’en partie par le catalogue\)\)\./,
    );
    expect(res.text).toContain(
      'les accords de chaque partie signés depuis l’entrée en vigueur de la Convention à son égard',
    );
    expect(res.text).toMatch(/\(\d+ mots\)/);
    expect(res.text).toContain('Aucune clause du catalogue n’est similaire à 20\u00a0% ou plus.');
    for (const english of ['The draft has', 'the party', ' words)', 'in scope'])
      expect(res.text).not.toContain(english);
  });

  it('every door reads the parties whatever separates them: commas, semicolons or spaces', async () => {
    const gapsOf = (body: { gaps: { practice: { party: string }[] }[] }) =>
      body.gaps.map((g) => g.practice.map((p) => p.party));
    const comma = await t.http().post('/draft-check').send({ text: DRAFT, parties: 'CAN,KOR' });
    expect(comma.status).toBe(200);
    expect(gapsOf(comma.body)[0]).toEqual(['CAN', 'KOR']);
    for (const parties of ['CAN KOR', 'can; kor', ['CAN KOR'], ['CAN', ' kor ']]) {
      const res = await t.http().post('/draft-check').send({ text: DRAFT, parties });
      expect(res.status).toBe(200);
      expect(gapsOf(res.body)).toEqual(gapsOf(comma.body));
    }
    const form = await t.http().post('/draft-check').type('form').send({ draft: DRAFT, parties: 'CAN KOR' });
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/CAN: \d+\/\d+, KOR: \d+\/\d+/);
    const gql = await t.gql<{ checkDraft: { gaps: { practice: { party: string }[] }[] } }>(
      `query ($input: CheckDraftInput!) { checkDraft(input: $input) { gaps { practice { party } } } }`,
      { input: { text: DRAFT, parties: ['CAN KOR'], language: 'en' } },
    );
    expect(gql.errors).toBeUndefined();
    expect(gapsOf(gql.data!.checkDraft)).toEqual(gapsOf(comma.body));
  });

  it('offers an agreement with no date of signature last among the clauses to borrow, on both engines', async () => {
    // Ordered by the latest signature, descending: PostgreSQL puts NULL first there, SQLite last; so an undated
    // agreement's clause was the first offered on one engine and the last on the other.
    const em = t.orm.em.fork() as unknown as EntityManager;
    const codes = Object.values(TaxonomyCodeId);
    const read = () => latestAnnotatedProvisions(em, codes, null, 10_000);
    const first = (await read())[0];
    const knex = em.getKnex();
    const [{ date_signed: saved }] = await knex('agreement')
      .select('date_signed')
      .where('id', first.agreementId);
    await knex('agreement').update({ date_signed: null }).where('id', first.agreementId);
    try {
      const rows = await read();
      // Within its review status (reviewed clauses come first), the undated agreement's rows come after every other.
      const same = rows.filter((row) => row.reviewed === first.reviewed);
      const undated = same
        .map((row, i) => (row.agreementId === first.agreementId ? i : -1))
        .filter((i) => i >= 0);
      expect(same.length).toBeGreaterThan(undated.length);
      expect(undated).toEqual(undated.map((_, k) => same.length - undated.length + k));
    } finally {
      await knex('agreement').update({ date_signed: saved }).where('id', first.agreementId);
    }
  });

  it('a refusal names the party typed in `unknown` or `ambiguous` as its message quotes it: escaped and cut', async () => {
    // The message quoted a typed name escaped (shownName) and a code escaped and cut (shownCode); `extensions.unknown`
    // and `.ambiguous` carried them raw: a bidirectional override, a look-alike letter, back to the client.
    const query = `query ($input: CheckDraftInput!) { checkDraft(input: $input) { gaps { kind } } }`;
    const ask = (parties: string[]) => t.gql(query, { input: { text: DRAFT, parties } });
    const quoted = (message: string) => /"(.*)"/.exec(message)![1];
    const unknown = (await ask(['\u202Esitnaltа'])).errors![0];
    expect(unknown.message).toContain('no party is named "\\u202Esitnalt\\u0430"');
    expect(unknown.extensions).toMatchObject({
      argument: 'input.parties',
      unknown: [quoted(unknown.message)],
    });
    const several = (await ask(['Korea'])).errors![0];
    expect(several.extensions).toMatchObject({
      argument: 'input.parties',
      ambiguous: [quoted(several.message)],
    });
    // A code the catalogue lacks, in a filter: as the message names it (a Cyrillic С as its code point; cut past 12).
    for (const [code, shown] of [
      ['СAN', '\\u0421AN'],
      ['ABCDEFGHIJKLMNOP\u202E', 'ABCDEFGHIJKL…'],
      ['XY\u202EZ', 'XY\\u202EZ'],
    ]) {
      const refused = (
        await t.gql(
          `query ($parties: [String!]) { agreements(first: 1, filter: { parties: $parties }) { totalCount } }`,
          {
            parties: [code],
          },
        )
      ).errors![0];
      expect(refused.message).toContain(`unknown party code(s) ${shown}`);
      expect(refused.extensions).toMatchObject({ unknown: [shown] });
    }
  });

  it('GraphQL, the JSON body and the command line read a party as the form does: by code or by name', async () => {
    // checkDraft through GraphQL (and so the JSON body and `check-draft --parties`, which call the same checker)
    // took codes only: "Canada" answered "unknown party code(s) CANADA", while the form checked the draft for CAN.
    type Gaps = { gaps: { practice: { party: string }[] }[] };
    const gapsOf = (body: Gaps) => body.gaps.map((g) => g.practice.map((p) => p.party));
    const query = `query ($input: CheckDraftInput!) { checkDraft(input: $input) { gaps { practice { party } } } }`;
    const ask = (parties: string[]) =>
      t.gql<{ checkDraft: Gaps }>(query, { input: { text: DRAFT, parties } });
    const byCode = await ask(['CAN', 'KOR']);
    expect(byCode.errors).toBeUndefined();
    for (const parties of [
      ['Canada', 'Republic of Korea'],
      ['canada; Korea, Republic of'],
      ['Canada, KOR'],
    ]) {
      const byName = await ask(parties);
      expect(byName.errors).toBeUndefined();
      expect(gapsOf(byName.data!.checkDraft)).toEqual(gapsOf(byCode.data!.checkDraft));
    }
    const json = await t
      .http()
      .post('/draft-check')
      .send({ text: DRAFT, parties: ['Canada', 'Republic of Korea'] });
    expect(json.status).toBe(200);
    expect(gapsOf(json.body)).toEqual(gapsOf(byCode.data!.checkDraft));
    // The command line hands the checker its --parties as typed, one string.
    const cli = await t.app
      .get(DraftCheckService)
      .check({ text: DRAFT, parties: ['Canada,Republic of Korea'] });
    expect(gapsOf(cli)).toEqual(gapsOf(byCode.data!.checkDraft));
    // A name that names no party, or several, is named (BAD_USER_INPUT at input.parties), as the form names it.
    const unknown = await ask(['Canada', 'Atlantis']);
    expect(unknown.errors![0]).toMatchObject({
      message: expect.stringContaining('no party is named "Atlantis"'),
      extensions: { code: 'BAD_USER_INPUT', argument: 'input.parties', unknown: ['Atlantis'] },
    });
    // The parties are read before the text's language is worked out: a name that is no party's is refused
    // for itself (not for a language the draft does not read as), before the text work.
    const beforeText = await t.gql(query, {
      input: { text: DRAFT, parties: ['Atlantis'], language: 'fr' },
    });
    expect(beforeText.errors![0].extensions).toMatchObject({
      argument: 'input.parties',
      unknown: ['Atlantis'],
    });
    const several = await ask(['Korea']);
    expect(several.errors![0].message).toMatch(/"Korea" names several parties: .*Republic of Korea \(KOR\)/);
    expect(several.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.parties',
    });
    // A code the catalogue lacks keeps its own refusal.
    const code = await ask(['CAN', 'XYZ']);
    expect(code.errors![0].message).toContain('unknown party code(s) XYZ');
  });

  it('a Party to the Convention whose date of entry into force is not recorded (Peru) still gets the Convention gap', async () => {
    const res = await t.http().post('/draft-check').send({ text: DRAFT, parties: 'PER' });
    expect(res.status).toBe(200);
    const gap = res.body.gaps.find((g: { kind: string }) => g.kind === 'NO_CONVENTION_REFERENCE');
    expect(gap).toBeDefined();
    // Peru deposited in 2006, no day recorded: compared with its agreements signed since the latest date the
    // Convention can have entered into force for it (31 March 2007), said as such.
    expect(gap.practice).toEqual([
      {
        party: 'PER',
        partyName: 'Peru',
        agreements: expect.any(Number),
        carrying: expect.any(Number),
        reviewed: expect.any(Number),
        partial: expect.any(Number),
        naming: expect.any(Number),
        since: '2007-03-31',
        sinceBasis: 'IN_FORCE_BY',
        through: [],
        conventionParty: true,
      },
    ]);
    expect(gap.practice[0].agreements).toBeGreaterThan(0);
    expect(gap.scope).toContain('with neither recorded, since 2007-03-18');
  });

  it('names every party a gap leaves out, and why, as it names the parties counted (API, JSON, page)', async () => {
    // Before: "Whether SGP, MYS are Parties" on the page, codes where the gaps name parties; and Japan, no Party to
    // the Convention, left out of its gap without a word, as the developing parties were of preferential treatment.
    const res = await t.http().post('/draft-check').send({ text: DRAFT, parties: 'CAN,JPN,SGP,MYS' });
    expect(res.status).toBe(200);
    const gap = (kind: string) => res.body.gaps.find((g: { kind: string }) => g.kind === kind);
    const convention = gap('NO_CONVENTION_REFERENCE');
    expect(convention.practice.map((p: { party: string }) => p.party)).toEqual(['CAN']);
    expect(convention.leftOut).toEqual([
      { party: 'JPN', partyName: 'Japan', reason: 'NOT_A_CONVENTION_PARTY' },
      { party: 'SGP', partyName: 'Singapore', reason: 'CONVENTION_STATUS_UNKNOWN' },
      { party: 'MYS', partyName: 'Malaysia', reason: 'CONVENTION_STATUS_UNKNOWN' },
    ]);
    expect(convention.message).toContain(
      ' Japan (JPN) is not a Party to the Convention: not counted. Whether Singapore (SGP), Malaysia (MYS) are Parties to the Convention is not recorded: not counted.',
    );
    const preferential = gap('NO_PREFERENTIAL_TREATMENT');
    expect(preferential.practice.map((p: { party: string }) => p.party)).toEqual(['CAN', 'JPN']);
    expect(preferential.message).toContain(
      ' Singapore (SGP), Malaysia (MYS) are developing parties, which preferential treatment benefits: not counted.',
    );
    expect(gap('ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT').leftOut).toEqual([]);
    const gql = await t.gql<{
      checkDraft: { gaps: { kind: string; leftOut: { party: string; reason: string }[] }[] };
    }>(
      'query Q($input: CheckDraftInput!) { checkDraft(input: $input) { gaps { kind leftOut { party reason } } } }',
      { input: { text: DRAFT, parties: ['CAN', 'JPN', 'SGP', 'MYS'] } },
    );
    expect(gql.data!.checkDraft.gaps.find((g) => g.kind === 'NO_CONVENTION_REFERENCE')!.leftOut).toEqual(
      convention.leftOut.map(({ party, reason }: { party: string; reason: string }) => ({ party, reason })),
    );
    // The page names them in its language, in the gap; an unknown status is said once, there, as the API says it
    // (it was said twice: in the gap and again in a note above the gaps).
    for (const [lang, said, once] of [
      [
        'en',
        [
          'Japan (JPN) is not a Party to the Convention: not counted.',
          'Whether Singapore (SGP), Malaysia (MYS) are Parties to the Convention is not recorded: not counted.',
          'Singapore (SGP), Malaysia (MYS) are developing parties, which preferential treatment benefits: not counted.',
        ],
        'Whether Singapore (SGP), Malaysia (MYS) are Parties',
      ],
      [
        'fr',
        [
          'Japon (JPN) n’est pas Partie à la Convention : ses accords ne sont pas comptés.',
          'On ne sait pas si Singapour (SGP), Malaisie (MYS) sont Parties à la Convention : leurs accords ne sont pas comptés.',
        ],
        'On ne sait pas si Singapour (SGP), Malaisie (MYS) sont Parties',
      ],
      [
        'es',
        [
          'Japón (JPN) no es Parte en la Convención: no se cuentan sus acuerdos.',
          'No consta si Singapur (SGP), Malasia (MYS) son Partes en la Convención: no se cuentan sus acuerdos.',
        ],
        'No consta si Singapur (SGP), Malasia (MYS) son Partes',
      ],
    ] as const) {
      const page = await t
        .http()
        .post(`/draft-check?lang=${lang}`)
        .type('form')
        .send({ draft: DRAFT, parties: 'CAN, JPN, SGP, MYS', language: 'en' });
      expect(page.status).toBe(200);
      const text = page.text.replace(/&#39;|&rsquo;/g, '’');
      for (const sentence of said)
        expect({ lang, found: text.includes(sentence) }).toEqual({ lang, found: true });
      expect({ lang, times: text.split(once).length - 1 }).toEqual({ lang, times: 1 });
      expect(text).not.toMatch(/(?:Whether|si|consta si) SGP, MYS/);
    }
    // No gap to say it in (no party is known to be a Party: no reference gap): the note says it, once.
    const alone = await t
      .http()
      .post('/draft-check?lang=fr')
      .type('form')
      .send({ draft: DRAFT, parties: 'SGP, JPN', language: 'en' });
    expect(alone.status).toBe(200);
    const aloneText = alone.text.replace(/&#39;|&rsquo;/g, '’');
    expect(aloneText.split('On ne sait pas si Singapour (SGP) est Partie').length - 1).toBe(1);
    expect(aloneText).toContain('aucune référence à celle-ci n’est attendue');
  });

  it('a party with no agreement in scope (France, bound through the EU) is not said to have a practice without it', async () => {
    const res = await t.http().post('/draft-check').send({ text: DRAFT, parties: 'FRA' });
    expect(res.status).toBe(200);
    const gap = res.body.gaps.find(
      (g: { kind: string }) => g.kind === 'ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT',
    );
    expect(gap.practice).toEqual([
      {
        party: 'FRA',
        partyName: 'France',
        agreements: 0,
        carrying: 0,
        reviewed: 0,
        partial: 0,
        naming: null,
        since: null,
        sinceBasis: 'RECENT_YEARS',
        through: ['EUN'],
        conventionParty: true,
      },
    ]);
    // France negotiates through the EU: said, with the bloc to name (the checker said nothing of it).
    expect(gap.message).toContain(
      'France (FRA) is bound through EUN: name EUN to compare with its agreements.',
    );
    // Said of the catalogue, not of the party: France has agreements, through the EU (and Kenya's after 2007 are not held).
    expect(gap.message).toContain(
      "the catalogue holds none of the parties' agreements in scope to compare with (France (FRA))",
    );
    expect(gap.message).not.toContain('the parties have no agreements');
    expect(gap.message).not.toContain('carries one');
    const form = await t
      .http()
      .post('/draft-check?lang=es')
      .type('form')
      .send({ draft: DRAFT, parties: 'FRA' });
    expect(form.text).toContain(
      'el catálogo no contiene acuerdos de las partes que comparar (Francia (FRA))',
    );
    // The bloc by its name, with its article ("por medio de EUN" read the code where the name goes).
    expect(form.text).toContain(
      'Francia (FRA): parte obligada por medio de la Unión Europea; indique EUN para comparar con sus acuerdos.',
    );
    const french = await t
      .http()
      .post('/draft-check?lang=fr')
      .type('form')
      .send({ draft: DRAFT, parties: 'FRA' });
    expect(french.text).toMatch(
      /France \(FRA\)[\s\u00a0]: partie liée par l’intermédiaire de l’Union européenne[\s\u00a0]; indiquez EUN pour comparer avec ses accords\./,
    );
  });

  it('the form door names a preamble as such, and a family of one without a count or a template', async () => {
    const draft = `The Parties, resolved to keep their markets open to puppeteers and lighthouse keepers alike, have agreed as follows:

${DRAFT}`;
    const form = await t.http().post('/draft-check').type('form').send({ draft, parties: 'CAN' });
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/<p class="hit-title">Preamble <span class="muted">/);
    expect(form.text).not.toContain('<p class="hit-title">#1');
    // Borrowed preambles with no title of their own are named the same way, never by their pinpoint.
    expect(form.text).not.toMatch(/— [a-z0-9-]+\/preamble<\/a>/);
    expect(form.text).not.toMatch(/: 1 members found/);
  });

  it('names a preamble in the page’s language whichever door wrote it (the fixtures’ title "Preamble" stayed English)', async () => {
    const draft = `The Parties, resolved to keep their markets open to puppeteers and lighthouse keepers alike, have agreed as follows:

${DRAFT}`;
    for (const [lang, name] of [
      ['fr', 'Préambule'],
      ['es', 'Preámbulo'],
    ]) {
      const form = await t
        .http()
        .post(`/draft-check?lang=${lang}`)
        .type('form')
        .send({ draft, parties: 'CAN' });
      expect(form.status).toBe(200);
      expect(form.text).toContain(`<p class="hit-title">${name} <span class="muted">`);
      const page = await t.http().get(`/provisions/ceta/preamble?lang=${lang}`);
      const report = await t.http().get(`/reports/coherence/CAN.md?lang=${lang}`);
      for (const res of [form, page, report]) {
        expect(res.status).toBe(200);
        expect([lang, res.text.includes(name), res.text.match(/.{0,60}Preamble.{0,20}/)?.[0]]).toEqual([
          lang,
          true,
          undefined,
        ]);
      }
    }
  });

  it('a PDF sent by mistake is named as a PDF through every door, and a file upload is not taken for an empty draft', async () => {
    // The start of a PDF file as its bytes arrive: text, then compressed streams that are no text at all.
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n%'),
      Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
      Buffer.from('\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
      Buffer.from([0x78, 0x9c, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0xe9]),
    ]);
    const json = await t
      .http()
      .post('/draft-check')
      .send({ text: pdf.toString('latin1'), parties: 'CAN' });
    // A form post of its bytes percent-escapes them; bytes that are no UTF-8 reach the door still escaped.
    const form = await t
      .http()
      .post('/draft-check')
      .type('form')
      .set('Accept', 'application/json')
      .send(`parties=CAN&draft=${[...pdf].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')}`);
    for (const res of [json, form]) {
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.text' });
      expect(res.body.message).toMatch(/the draft is a PDF file, not text/);
    }
    // Any file's bytes through the form are read as the JSON door reads them: a word-processor file is binary.
    const docx = Buffer.concat([Buffer.from('PK'), Buffer.from([3, 4, 20, 1, 6, 1]), Buffer.alloc(64, 0xe9)]);
    const escaped = [...docx].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    const binary = await t
      .http()
      .post('/draft-check')
      .type('form')
      .set('Accept', 'application/json')
      .send(`parties=CAN&draft=${escaped}`);
    expect(binary.status).toBe(400);
    expect(binary.body.message).toMatch(/input\.text: the draft looks like binary data/);
    const upload = await t
      .http()
      .post('/draft-check')
      .set('Accept', 'application/json')
      .field('parties', 'CAN')
      .attach('draft', pdf, 'draft.pdf');
    expect(upload.status).toBe(400);
    expect(upload.body).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.text' });
    expect(upload.body.message).toMatch(/a file upload \(multipart\/form-data\) is not read/);
  });

  it("the form offers the result as a file, and its download button answers the JSON door's answer as one", async () => {
    const page = await t.http().get('/draft-check');
    expect(page.text).toMatch(
      /<button type="submit" name="format" value="json">Download the result \(JSON\)<\/button>/,
    );
    const file = await t
      .http()
      .post('/draft-check')
      .type('form')
      .send({ draft: DRAFT.replace(/\n/g, '\r\n'), parties: 'CAN,KOR', language: 'en', format: 'json' });
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/json');
    // Named as every download is, by what it is, its terms (the parties it was checked for) and the day: it was
    // draft-check.json whatever the draft, the parties and the day.
    const day = new Date().toISOString().slice(0, 10);
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="draft-check-parties-can-kor-${day}.json"`,
    );
    const json = await t.http().post('/draft-check').send({ text: DRAFT, parties: 'CAN,KOR' });
    expect(file.body).toEqual(json.body);
    // The form takes parties by name, as its check does: its download took codes only, and answered a form naming
    // "Canada" with the JSON refusal "unknown party code(s) CANADA".
    const named = await t
      .http()
      .post('/draft-check')
      .type('form')
      .send({ draft: DRAFT, parties: 'Canada, Republic of Korea', language: 'en', format: 'json' });
    expect(named.status).toBe(200);
    expect(named.headers['content-disposition']).toBe(file.headers['content-disposition']);
    expect(named.body).toEqual(json.body);
    // A name that finds several parties: the form again, saying which (what the check's button says).
    const several = await t
      .http()
      .post('/draft-check')
      .type('form')
      .send({ draft: DRAFT, parties: 'Korea', format: 'json' });
    expect(several.status).toBe(400);
    expect(several.text).toContain('<form method="post"');
    expect(several.text).toContain('Republic of Korea (KOR)');
    // The form's own example of what to type finds one party each, in every language of the page (codes).
    const example = /id="d-parties"[^>]*placeholder="([^"]*)"/.exec(page.text)![1];
    expect(example.split(/,\s*/)).not.toContain('Korea');
    const tried = await t
      .http()
      .post('/draft-check')
      .type('form')
      .send({ draft: DRAFT, parties: example, format: 'json' });
    expect(tried.status).toBe(200);
  });

  it('a form field sent twice is named, not taken for an empty draft, and a repeated parties field counts each', async () => {
    // What a hand-made form or a script posting `draft=..&draft=..` meets: no silent choice of one of the texts.
    const twice = `draft=${encodeURIComponent(DRAFT)}&draft=${encodeURIComponent(DRAFT)}&parties=CAN`;
    const page = await t.http().post('/draft-check').type('form').send(twice);
    expect(page.status).toBe(400);
    expect(page.text).toContain('<form method="post"');
    expect(page.text).toMatch(/The form sent the field “draft” 2 times; send it once\./);
    expect(page.text).not.toContain('Paste a draft first');
    const json = await t
      .http()
      .post('/draft-check')
      .type('form')
      .set('Accept', 'application/json')
      .send(twice);
    expect(json.status).toBe(400);
    expect(json.body).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.text' });
    expect(json.body.message).toMatch(/the field "draft" 2 times; send it once/);
    const language = await t
      .http()
      .post('/draft-check')
      .type('form')
      .send(`draft=${encodeURIComponent(DRAFT)}&language=en&language=fr&parties=CAN`);
    expect(language.status).toBe(400);
    expect(language.text).toMatch(/The form sent the field “language” 2 times; send it once\./);
    const parties = await t
      .http()
      .post('/draft-check')
      .type('form')
      .set('Accept', 'application/json')
      .send(`draft=${encodeURIComponent(DRAFT)}&parties=CAN&parties=KOR`);
    expect(parties.status).toBe(200);
    expect(parties.body.articles.length).toBeGreaterThan(0);
    const partiesPage = await t
      .http()
      .post('/draft-check')
      .type('form')
      .send(`draft=${encodeURIComponent(DRAFT)}&parties=CAN&parties=KOR`);
    expect(partiesPage.status).toBe(200);
    expect(partiesPage.text).toMatch(/value="CAN, KOR"/);
  });

  it('the form door: a draft over 200,000 characters keeps the form and says how long it is', async () => {
    const draft = `Article 1\n${'word '.repeat(40_001)}`;
    const res = await t.http().post('/draft-check').type('form').send({ draft, parties: 'CAN' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('<form method="post"');
    // In the page catalogue's words (the API's sentence is for API clients).
    expect(res.text).toMatch(/The draft has 200,0\d\d characters, more than the 200,000 allowed/);
    // No maxlength: a browser would cut a longer paste there silently and check part of the draft.
    expect(res.text).not.toMatch(/<textarea[^>]*maxlength/);
  });

  it("the form door counts a browser's CR LF line breaks as one character, as the writer sees them", async () => {
    // 160,000 characters as written; over 210,000 as a browser sends them (every line break as CR LF).
    const draft = `Article 1 Scope\n${'ab\n'.repeat(60_000)}`.slice(0, 160_000).replace(/\n/g, '\r\n');
    expect(draft.length).toBeGreaterThan(210_000);
    const res = await t.http().post('/draft-check').type('form').send({ draft, parties: 'CAN' });
    expect(res.text).not.toMatch(/too long|more than the 200,000 allowed/);
    expect(res.text).toContain('<form method="post"');
  });

  it('the family timeline names each member’s parties and codes', async () => {
    const page = await t.http().get('/provisions/canada-korea-fta/art-22.6').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    const timeline = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(page.text)![1];
    const items = timeline.split('</li>').slice(0, -1);
    expect(items.length).toBeGreaterThan(1);
    for (const item of items) {
      // Canada's exemption line: every member is one of Canada's agreements (NAFTA's with Mexico and the US).
      expect(item).toMatch(
        /<span class="muted member-parties">\((?:[A-Z]{3}, )*CAN(?:, [A-Z]{3})*\)<\/span>/,
      );
      expect(item).toContain('data-code="CULTURAL_EXEMPTION"');
    }
  });

  it('the side-by-side view quotes each text as it is written, OCR damage on one side only', async () => {
    // Two invented clauses, the older one with digits read for letters as a scanned text has them.
    const editor = await t.createKey(Role.EDITOR);
    const add = async (agreement: string, key: string, text: string) => {
      const res = await t.gql(
        'mutation ($input: AddProvisionInput!) { addProvision(input: $input) { id } }',
        { input: { agreement, key, location: 'OPERATIVE', text, language: 'en' } },
        { key: editor },
      );
      expect(res.errors).toBeUndefined();
    };
    await add(
      'nafta',
      'ocr-old',
      'Lighthouse keepers are exempt from the prov1s10ns of this Chapter, except as the Parties agree in writing.',
    );
    await add(
      'usmca',
      'ocr-new',
      'Lighthouse keepers are exempt from the provisions of this Chapter, except as the Parties later agree in writing.',
    );
    const page = await t
      .http()
      .get('/provisions/nafta/ocr-old?with=usmca/ocr-new')
      .set('Accept', 'text/html');
    expect(page.status).toBe(200);
    const [left, right] = /<div class="diff">\s*<div>([\s\S]*?)<\/div>\s*<div>([\s\S]*?)<\/div>/
      .exec(page.text)!
      .slice(1);
    expect(left).toContain('prov1s10ns');
    expect(left).not.toContain('provisions');
    expect(right).toContain('provisions');
    expect(right).not.toContain('prov1s10ns');
    expect(right).toMatch(/<ins>later ?<\/ins>/);
  });

  it('the side-by-side view gives the pair the similarity the similar clauses give it', async () => {
    const page = await t.http().get('/provisions/canada-korea-fta/art-22.6').set('Accept', 'text/html');
    const listed = /canada-peru-fta\/art-2205"[^]*?\(\d{4}; Similarity\s+(\d+)%\)/.exec(page.text);
    expect(listed).not.toBeNull();
    const diff = await t
      .http()
      .get('/provisions/canada-korea-fta/art-22.6?with=canada-peru-fta/art-2205')
      .set('Accept', 'text/html');
    const shown = /Similarity\s+(\d+)%\s+·\s+(\d+)%\s+of the words unchanged/.exec(diff.text);
    expect(shown).not.toBeNull();
    expect(shown![1]).toBe(listed![1]);
  });

  it('the side-by-side view names a `with` that is no provision (400), and keeps the page found', async () => {
    // It answered 404 for the whole page, as if the provision asked for did not exist (newuser5).
    const res = await t
      .http()
      .get('/provisions/canada-korea-fta/art-22.6?with=nope/x')
      .set('Accept', 'text/html');
    expect(res.status).toBe(400);
    expect(res.text).toContain('with: The catalogue holds no provision &quot;nope/x&quot;.');
    const fr = await t.http().get('/provisions/canada-korea-fta/art-22.6?with=nope/x&lang=fr');
    expect([fr.status, fr.text.includes('with\u00a0:') || fr.text.includes('with :')]).toEqual([400, true]);
  });

  it('clauseFamily: a party filter takes codes in any case and names an unknown one as BAD_USER_INPUT', async () => {
    const id = (
      await t.gql<{ provision: { id: string } }>(
        '{ provision(pinpoint: "canada-korea-fta/art-22.6") { id } }',
      )
    ).data!.provision.id;
    const family = (parties: string[]) =>
      t.gql<{ clauseFamily: { members: { parties: string[] }[] } }>(
        'query ($id: ID!, $parties: [String!]) { clauseFamily(id: $id, filter: { parties: $parties }) { members { parties } } }',
        { id, parties },
      );
    const upper = await family(['KOR']);
    expect(upper.errors).toBeUndefined();
    expect(upper.data!.clauseFamily.members.length).toBeGreaterThan(0);
    expect((await family(['kor'])).data).toEqual(upper.data);
    const unknown = await family(['KOR', 'Canada']);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'filter.parties',
    });
    expect(unknown.errors![0].message).toContain('CANADA');
  });
  it("clauses to borrow: one per agreement, in the draft's language where the agreement has it", async () => {
    // The EU's agreements carry the Convention in English articles and in other languages' versions of their
    // cultural protocols: an English draft is offered English clauses, each agreement once.
    const answer = await t.gql<{
      checkDraft: {
        gaps: { kind: string; precedents: { provision: { pinpoint: string; language: string | null } }[] }[];
      };
    }>(
      `query ($input: CheckDraftInput!) { checkDraft(input: $input) { gaps { kind precedents { provision { pinpoint language } } } } }`,
      {
        input: {
          text: 'Article 1 Cooperation\nThe Parties shall cooperate on trade in goods and on customs procedures.',
          parties: ['EUN'],
          language: 'en',
        },
      },
    );
    expect(answer.errors).toBeUndefined();
    const gap = answer.data!.checkDraft.gaps.find((g) => g.kind === 'NO_CONVENTION_REFERENCE');
    const pinpoints = gap!.precedents.map((p) => p.provision.pinpoint);
    const agreements = pinpoints.map((p) => p.split('/')[0]);
    expect(new Set(agreements).size).toBe(agreements.length);
    expect(pinpoints.length).toBe(5);
    expect(gap!.precedents.filter((p) => p.provision.language !== 'en')).toEqual([]);
    // Paragraph 19.5 asks for an explicit reference: the agreements that name the Convention are offered first,
    // each by its article that names it (EU-Ukraine's Art. 440, not Art. 430 on cultural diversity).
    expect(pinpoints).toContain('eu-ukraine-aa/art-440');
    expect(pinpoints).not.toContain('eu-ukraine-aa/art-430');
  });
  it("says what the parties' agreements carry when the draft has no reference: the Convention or cultural diversity", async () => {
    // Canada's agreements mostly refer to cultural diversity without naming the Convention (CETA names it): the
    // count must not read as agreements that name the Convention.
    const answer = await t.gql<{
      checkDraft: {
        gaps: {
          kind: string;
          message: string;
          scope: string;
          practice: { party: string; agreements: number; carrying: number; naming: number | null }[];
        }[];
      };
    }>(
      `query ($input: CheckDraftInput!) { checkDraft(input: $input) { gaps { kind message scope practice { party partyName agreements carrying naming } } } }`,
      {
        input: {
          text: 'Article 1 Cooperation\nThe Parties shall cooperate on trade in goods and on customs procedures.',
          parties: ['CAN'],
          language: 'en',
        },
      },
    );
    expect(answer.errors).toBeUndefined();
    const gap = answer.data!.checkDraft.gaps.find((g) => g.kind === 'NO_CONVENTION_REFERENCE')!;
    // fixtures: signed since 2007-03-18, in force today or no longer: Peru, Colombia, Panama, Honduras, Korea, CPTPP
    // (cultural diversity only), CETA (names it), USMCA (excerpts without one). The party page's 19.5 ("refer
    // explicitly") meets CETA alone: the count says how many of the 7 name the Convention. The TPP, signed in
    // 2016 and never in force, binds no party: Canada signed it and applies nothing of it, as Haiti the EPA.
    expect(gap.practice).toEqual([
      { party: 'CAN', partyName: 'Canada', agreements: 8, carrying: 7, naming: 1 },
    ]);
    expect(gap.message).toBe(
      "The draft refers neither to the 2005 Convention nor to the diversity of cultural expressions, while the parties' own agreements carry one (Canada (CAN) 7 of 8 (1 of them naming the Convention; 1 of the others held only in part)).",
    );
    expect(gap.scope).toContain(
      'in force today or no longer, not one it signed and never applied; a reference to the Convention or to the diversity of cultural expressions counts',
    );
    // Counted party by party (CAN 7 of 8, KOR ...): the scope says so when the draft names several.
    expect(gap.scope).toMatch(/^each party's agreements signed since/);
    const page = await t.http().post('/draft-check').type('form').send({
      draft:
        'Article 1 Cooperation\nThe Parties shall cooperate on trade in goods and on customs procedures.',
      parties: 'CAN',
      language: 'en',
    });
    // Named as a negotiator reads a party, its name then its code (the code alone left EUN, ARE or CHE to decode).
    expect(page.text).toContain(
      'Canada (CAN) 7 of 8 (1 of them naming the Convention; 1 of the others held only in part)',
    );
  });

  it('says a draft between developed and developing parties gives culture no preferential treatment (paragraph 18)', async () => {
    // A cultural-cooperation article of our own words, for Jamaica (a SIDS, fixtures/parties.json) and the EU, with
    // no entry of artists, co-production or market access for Jamaica's culture. The EU's own practice has it
    // (fixtures: the EU-Central America Association Agreement's Art. 60, the EU-Ukraine Association Agreement's
    // Art. 101): the gap counts the developed party, the grantor, not Jamaica.
    const text =
      'Article 9 Cultural cooperation\nThe Parties shall cooperate in the fields of culture and the creative industries, including through exchanges between their museums and libraries.';
    const ask = (parties: string[]) =>
      t.gql<{
        checkDraft: {
          gaps: {
            kind: string;
            rule: string;
            message: string;
            practice: { party: string; carrying: number }[];
          }[];
        };
      }>(
        `query ($input: CheckDraftInput!) { checkDraft(input: $input) { gaps { kind rule message practice { party carrying } } } }`,
        { input: { text, parties, language: 'en' } },
      );
    const answer = await ask(['JAM', 'EUN']);
    expect(answer.errors).toBeUndefined();
    const gap = answer.data!.checkDraft.gaps.find((g) => g.kind === 'NO_PREFERENTIAL_TREATMENT')!;
    expect(gap.rule).toBe('G18.2/no-preferential-treatment');
    expect(gap.practice.map((p) => p.party)).toEqual(['EUN']);
    expect(gap.practice[0].carrying).toBeGreaterThan(0);
    expect(gap.message).toMatch(
      /^The draft gives culture from its developing parties no preferential treatment .*, while the parties' own agreements carry one \(European Union \(EUN\) \d+ of \d+/,
    );
    // Not between developed and developing parties: nothing to say under paragraph 18.
    for (const parties of [['JAM'], ['CAN', 'KOR'], ['JAM', 'DOM']]) {
      const other = await ask(parties);
      expect(other.data!.checkDraft.gaps.map((g) => g.kind)).not.toContain('NO_PREFERENTIAL_TREATMENT');
    }
    // Panama (high income, World Bank FY23) is on the Central American side of the EU - Central America agreement:
    // its Art. 60 is the EU's help to that side, which Panama grants nobody (the flows report's rule, grantorsTo).
    // Its practice read "Panama (PAN) 1 of 1", the EU's grant counted as Panama's; its other agreement (Canada -
    // Panama) has no developing partner. So Panama's practice has no agreement that could carry it.
    const panama = await ask(['PAN', 'NIC']);
    expect(panama.errors).toBeUndefined();
    const forPanama = panama.data!.checkDraft.gaps.find((g) => g.kind === 'NO_PREFERENTIAL_TREATMENT')!;
    expect(forPanama.practice).toEqual([{ party: 'PAN', carrying: 0 }]);
    expect(forPanama.message).not.toContain('Panama (PAN) 1 of 1');
  });

  // Last in this file: it adds a proposed annotation, which the tests above would count.
  it('clauses to borrow say which annotation no reviewer has accepted, and come after the reviewed ones (GraphQL, JSON door, page)', async () => {
    // DEPA (2020, Korea's) gets a reference to the Convention that only an annotator proposes: more recent than
    // EU-Korea's reviewed one, it was offered first and unmarked.
    const annotator = await t.createKey(Role.ANNOTATOR);
    const created = await t.gql(
      'mutation ($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
      { input: { pinpoint: 'depa/art-1.1', code: 'CONVENTION_REF_EXPLICIT' } },
      { key: annotator },
    );
    expect(created.errors).toBeUndefined();
    const text =
      'Article 1 Cooperation\nThe Parties shall cooperate on trade in goods and on customs procedures.';
    const answer = await t.gql<{
      checkDraft: {
        gaps: {
          kind: string;
          precedents: {
            annotationStatus: string;
            provision: { pinpoint: string; annotations: { code: { code: string }; status: string }[] };
          }[];
        }[];
      };
    }>(
      `query ($input: CheckDraftInput!) { checkDraft(input: $input) { gaps { kind precedents { annotationStatus provision { pinpoint annotations { code { code } status } } } } } }`,
      { input: { text, parties: ['KOR'], language: 'en' } },
    );
    expect(answer.errors).toBeUndefined();
    const gap = answer.data!.checkDraft.gaps.find((g) => g.kind === 'NO_CONVENTION_REFERENCE')!;
    const marked = gap.precedents.map((p) => [p.provision.pinpoint, p.annotationStatus]);
    expect(marked).toContainEqual(['depa/art-1.1', 'PROPOSED']);
    // Each mark is what the clause's own annotations say: ACCEPTED only where a reviewer accepted a reference.
    for (const p of gap.precedents) {
      const accepted = p.provision.annotations.some(
        (a) => a.code.code.startsWith('CONVENTION_REF') && a.status === 'ACCEPTED',
      );
      expect([p.provision.pinpoint, p.annotationStatus]).toEqual([
        p.provision.pinpoint,
        accepted ? 'ACCEPTED' : 'PROPOSED',
      ]);
    }
    // Explicit references first (paragraph 19.5), and within them the reviewed EU-Korea before the proposed DEPA.
    const agreements = marked.map(([pinpoint]) => pinpoint.split('/')[0]);
    expect(agreements.indexOf('eu-korea-fta')).toBeGreaterThanOrEqual(0);
    expect(agreements.indexOf('eu-korea-fta')).toBeLessThan(agreements.indexOf('depa'));
    // The JSON download and the page say the same.
    const json = await t.http().post('/draft-check').send({ text, parties: 'KOR', language: 'en' });
    expect(json.status).toBe(200);
    const jsonGap = json.body.gaps.find((g: { kind: string }) => g.kind === 'NO_CONVENTION_REFERENCE');
    expect(
      jsonGap.precedents.map((p: { provision: { pinpoint: string }; annotationStatus: string }) => [
        p.provision.pinpoint,
        p.annotationStatus,
      ]),
    ).toEqual(marked);
    const page = await t
      .http()
      .post('/draft-check')
      .set('Accept', 'text/html')
      .type('form')
      .send({ draft: text, parties: 'KOR', language: 'en' });
    expect(page.status).toBe(200);
    const items = page.text.split('<li>').filter((i) => i.includes('/provisions/'));
    const depa = items.find((i) => i.includes('/provisions/depa/art-1.1'))!;
    expect(depa).toContain('<span class="muted gap-precedent-status">(proposed, not yet reviewed)</span>');
    const euKorea = items.find((i) => i.includes('/provisions/eu-korea-fta/'))!;
    expect(euKorea).not.toContain('gap-precedent-status');
  });
});
