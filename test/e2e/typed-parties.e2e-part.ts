import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_DRAFT_PARTIES, MAX_TYPED_PARTIES } from '../../src/parties/typed-parties';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The CLDR names asked for (`Intl.DisplayNames#of`) while `work` runs: the work of reading a party typed by its name.
 * Until 7 December 2026 each piece of a field was compared with every party's CLDR name (about 250 asked a piece),
 * and a field of 20,000 pieces held the event loop 14 s. A count, not a time: the bound of the event loop's longest
 * wait (250 ms, then 1.5 s) was passed by a loaded machine (437 ms at load 22) and catches no fault a count misses.
 */
async function namesAsked<T>(work: () => Promise<T>, bound = 2_000): Promise<[T, number]> {
  const of = Intl.DisplayNames.prototype.of;
  let asked = 0;
  // Past the bound each further name is refused, so that the fault fails the test at once, not after minutes.
  const spy = jest.spyOn(Intl.DisplayNames.prototype, 'of').mockImplementation(function (
    this: Intl.DisplayNames,
    code: string,
  ) {
    if (++asked > bound) throw new Error(`more than ${bound} CLDR names asked`);
    return of.call(this, code);
  });
  try {
    return [await work(), asked];
  } finally {
    spy.mockRestore();
  }
}

/** `n` distinct three-letter codes: AAA, AAB, ... (most name no party). */
const codes = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    String.fromCharCode(65 + (Math.floor(i / 676) % 26), 65 + (Math.floor(i / 26) % 26), 65 + (i % 26)),
  );

/**
 * Parties typed in one field (a draft check's, an explorer filter's) are read by one rule (`readTypedParties`):
 * hostile18 found a field of thousands held the event loop for seconds, and the search page's links grew with the
 * square of their number.
 */
describe('parties typed: a field of thousands is read at once or refused', () => {
  let t: TestApp;
  const saved = process.env.RATE_LIMIT_PER_ADDRESS;
  beforeAll(async () => {
    process.env.RATE_LIMIT_PER_ADDRESS = '1000000';
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    if (saved === undefined) delete process.env.RATE_LIMIT_PER_ADDRESS;
    else process.env.RATE_LIMIT_PER_ADDRESS = saved;
  });

  it('a draft check whose parties are one party typed 20,000 times reads each piece without asking every party name', async () => {
    // 'CAN,' 20,000 times, 80 kB: each piece was compared with every party's CLDR name, 14 s of event loop.
    const [res, asked] = await namesAsked(() =>
      t
        .http()
        .post('/draft-check')
        .send({
          text: 'Article 1\nThe Parties shall cooperate on culture.',
          parties: ['CAN,'.repeat(20_000)],
        }),
    );
    expect(res.status).toBe(200);
    expect(res.body.codes).toEqual(['CULTURAL_COOPERATION']);
    // Each language's names are asked for once (at most some 250 a language, the first time), not once a piece.
    expect(asked).toBeLessThanOrEqual(2_000);
  });

  it("takes the United Nations' French and Spanish names as it takes the English ones (a new user's 400s)", async () => {
    for (const parties of [
      'République de Corée, Fédération de Russie',
      'República de Corea',
      'Estados Unidos de América',
    ]) {
      const res = await t
        .http()
        .post('/draft-check')
        .send({ text: 'Article 1\nThe Parties shall cooperate.', parties });
      expect([parties, res.status]).toEqual([parties, 200]);
    }
    // Each party named is the one the gap's practice counts (a draft that imposes no duties on e-commerce and carves
    // nothing out for culture).
    const named = await t
      .http()
      .post('/draft-check')
      .send({
        text: 'Article 1 Customs Duties\nNo Party shall impose customs duties on electronic transmissions.',
        parties: ['République de Corée', 'Federación de Rusia', 'Canada'],
      });
    const gap = named.body.gaps.find(
      (g: { kind: string }) => g.kind === 'ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT',
    );
    expect(gap.practice.map((p: { party: string }) => p.party)).toEqual(['KOR', 'RUS', 'CAN']);
    for (const lang of ['en', 'fr', 'es']) {
      const page = await t
        .http()
        .get(`/search?q=culture&party=${encodeURIComponent('États-Unis d’Amérique')}&lang=${lang}`);
      expect([lang, page.status]).toEqual([lang, 200]);
      const spanish = await t
        .http()
        .get(`/search?q=culture&party=${encodeURIComponent('República de Corea')}&lang=${lang}`);
      expect([lang, spanish.status]).toEqual([lang, 200]);
    }
  });

  it(`refuses more than ${MAX_DRAFT_PARTIES} parties in a draft check, naming the bound`, async () => {
    const res = await t.gql('query($input: CheckDraftInput!) { checkDraft(input: $input) { codes } }', {
      input: { text: 'Article 1 The Parties shall cooperate on culture.', parties: [codes(3000).join(',')] },
    });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.parties' });
    expect(res.errors?.[0]?.message).toBe(`input.parties: at most ${MAX_DRAFT_PARTIES} parties`);
    const over = await t.gql('query($input: CheckDraftInput!) { checkDraft(input: $input) { codes } }', {
      input: {
        text: 'Article 1 The Parties shall cooperate on culture.',
        parties: [codes(MAX_DRAFT_PARTIES + 1).join(' ')],
      },
    });
    expect(over.errors?.[0]?.message).toBe(`input.parties: at most ${MAX_DRAFT_PARTIES} parties`);
    const sixty = await t.gql('query($input: CheckDraftInput!) { checkDraft(input: $input) { codes } }', {
      input: {
        text: 'Article 1 The Parties shall cooperate on culture.',
        parties: [codes(MAX_DRAFT_PARTIES).join(' ')],
      },
    });
    // As many as the bound are read (and refused only as codes the catalogue lacks).
    expect(sixty.errors?.[0]?.message).toMatch(/^input\.parties: unknown party code\(s\) AAA, AAB/);
  });

  it("checks a draft for a WTO initiative's participants: about 90, or 117 with the EU's member states named (data26)", async () => {
    // The Joint Statement Initiative on Electronic Commerce has 91 participants, the European Union one of them
    // ($CORPUS_DIR/drafts); the draft checker took 60 at most (an agreement's most parties), and refused them.
    const countries = (
      JSON.parse(readFileSync(join(__dirname, '../../fixtures/parties.json'), 'utf8')) as {
        code: string;
        kind: string;
        territoryOf?: string | null;
      }[]
    )
      .filter((p) => p.kind === 'COUNTRY' && !p.territoryOf)
      .map((p) => p.code);
    const members = [
      'AUT',
      'BEL',
      'BGR',
      'CYP',
      'CZE',
      'DEU',
      'DNK',
      'ESP',
      'EST',
      'FIN',
      'FRA',
      'GRC',
      'HRV',
      'HUN',
    ];
    const others = countries.filter((c) => !members.includes(c));
    const check = (parties: string[]) =>
      t.gql<{ checkDraft: { codes: string[]; gaps: { kind: string }[] } }>(
        'query($input: CheckDraftInput!) { checkDraft(input: $input) { codes gaps { kind } } }',
        {
          input: {
            text: 'Article 1 Electronic commerce. The Parties shall not impose customs duties on electronic transmissions.',
            parties,
          },
        },
      );
    const participants = ['EUN', ...others.slice(0, 90)];
    const ninety = await check([participants.join(', ')]);
    expect(ninety.errors).toBeUndefined();
    expect(ninety.data!.checkDraft.codes.length).toBeGreaterThan(0);
    // The EU's member states named instead of the EU: as many as the bound holds (117 of 120).
    const named = [...members, ...others.slice(0, MAX_DRAFT_PARTIES - members.length)];
    expect(named.length).toBe(MAX_DRAFT_PARTIES);
    expect((await check(named)).errors).toBeUndefined();
    // The form says the bound, and takes the participants typed in its field.
    const form = await t.http().get('/draft-check').set('Accept', 'text/html');
    expect(form.text).toContain(`${MAX_DRAFT_PARTIES} parties at most`);
    const posted = await t
      .http()
      .post('/draft-check')
      .set('Accept', 'text/html')
      .type('form')
      .send(
        `draft=${encodeURIComponent('Article 1 The Parties shall cooperate on culture.')}&parties=${encodeURIComponent(participants.join(', '))}&language=en`,
      );
    expect(posted.status).toBe(200);
    expect(posted.text).not.toContain('id="d-parties-error"');
    expect(posted.text).toMatch(/<h2>The checker(&#39;|')s answer<\/h2>/);
  });

  it('the search page refuses 3,000 party codes at once, with a short page', async () => {
    // One chip per party, each linking to the search without it: 3,000 codes made 36 MB of links and 5.8 s. The
    // page's length counts that work (the links grew with the square of the codes); the names asked for, the chips'.
    const [res, asked] = await namesAsked(() =>
      t.http().get(`/search?q=culture&party=${codes(3000).join(',')}`),
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain(`party: at most ${MAX_TYPED_PARTIES} parties`);
    expect(res.text.length).toBeLessThan(100_000);
    expect(asked).toBeLessThanOrEqual(2_000);
    const agreements = await t.http().get(`/agreements?party=${codes(MAX_TYPED_PARTIES + 1).join(',')}`);
    expect(agreements.status).toBe(400);
    expect(agreements.text).toContain(`party: at most ${MAX_TYPED_PARTIES} parties`);
    // A repeated party counts once.
    const repeated = await t.http().get(`/agreements?party=${'CAN,'.repeat(500)}`);
    expect(repeated.status).toBe(200);
  });
});
