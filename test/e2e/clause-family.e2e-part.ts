import { Role } from '../../src/auth/role.enum';
import { startTestApp, TestApp } from '../support/test-app';

// Invented clauses (not treaty wording): a template, a reworded descendant and a rewording of that one.
const CHAIN = [
  'Nothing in this Agreement shall be construed to apply to measures adopted or maintained by either Party with respect to puppet theatres, storytellers and mural painters, except as provided in Article 204 (Tariffs).',
  'This Agreement does not apply to a measure adopted or maintained by a Party with respect to puppet theatres, storytellers and mural painters, except as provided in Article 2.04 (Tariffs).',
  'This Agreement does not apply to a measure adopted or maintained by a Party with respect to a person engaged in puppet theatre, storytelling or mural painting, except as provided in Article 3.4 (Tariffs).',
];
const CHAIN_AGREEMENTS = ['nafta', 'canada-peru-fta', 'canada-korea-fta'];

const DRAFT = `Chapter 14 Electronic Commerce

Article 14.1 Definitions
For the purposes of this Chapter, digital product means a computer programme, text, video, image, sound recording or other product that is digitally encoded and transmitted electronically.

Article 14.2 Customs Duties
No Party shall impose customs duties on electronic transmissions, including content transmitted electronically, between a person of one Party and a person of another Party.

Article 14.3 Non-Discriminatory Treatment of Digital Products
No Party shall accord less favourable treatment to digital products created, produced, published, contracted for, commissioned or first made available on commercial terms in the territory of another Party than it accords to other like digital products.
`;

const CHECK = `query ($input: CheckDraftInput!) { checkDraft(input: $input) {
  codes
  gaps { kind basis rule message practice { party agreements carrying } precedents { provision { pinpoint } } }
  articles { articleNumber articleTitle words annotations { code ruleId }
    precedents { score dateSigned parties sameParties provision { pinpoint } family { size since template { pinpoint } }
      diff { stats { equalWords } } } }
} }`;

describe('clause families and the draft checker', () => {
  let t: TestApp;
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    const editor = await t.createKey(Role.EDITOR);
    for (const [i, text] of CHAIN.entries()) {
      const res = await t.gql<{ addProvision: { id: string } }>(
        'mutation ($input: AddProvisionInput!) { addProvision(input: $input) { id } }',
        {
          input: {
            agreement: CHAIN_AGREEMENTS[i],
            key: `family-${i}`,
            location: 'OPERATIVE',
            text,
            language: 'en',
          },
        },
        { key: editor },
      );
      expect(res.errors).toBeUndefined();
      ids.push(res.data!.addProvision.id);
    }
  });
  afterAll(() => t.close());

  it('follows a chain of rewordings back to the template, with sources, parties, dates and diffs', async () => {
    const res = await t.gql<{
      clauseFamily: {
        template: { id: string };
        size: number;
        members: {
          provision: { id: string };
          dateSigned: string;
          parties: string[];
          source: { id: string } | null;
          score: number | null;
          generation: number;
          diff: { segments: { kind: string; text: string }[] } | null;
        }[];
      };
    }>(
      `{ clauseFamily(id: "${ids[2]}") { template { id } size members { provision { id } dateSigned parties
          source { id } score generation diff { segments { kind text } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const family = res.data!.clauseFamily;
    expect(family.template.id).toBe(ids[0]);
    expect(family.members.map((m) => m.provision.id)).toEqual(ids);
    expect(family.members.map((m) => m.source?.id ?? null)).toEqual([null, ids[0], ids[1]]);
    expect(family.members.map((m) => m.generation)).toEqual([0, 1, 2]);
    expect(family.members[1].parties).toEqual(expect.arrayContaining(['CAN', 'PER']));
    expect(family.members[0].diff).toBeNull();
    expect(
      family.members[2].diff!.segments.some((s) => s.kind === 'INSERT' && s.text.includes('person')),
    ).toBe(true);
    const dates = family.members.map((m) => m.dateSigned);
    expect(dates).toEqual([...dates].sort());
    // 5-word shingles lose the chain: the first and the last share almost no run of five words.
    const verbatim = await t.gql<{ similarProvisions: { provision: { id: string } }[] }>(
      `{ similarProvisions(id: "${ids[2]}", measure: VERBATIM) { provision { id } } }`,
    );
    expect(verbatim.data!.similarProvisions.map((s) => s.provision.id)).not.toContain(ids[0]);
  });

  it("marks a member's code that no reviewer has accepted as proposed, in the API and on the timeline", async () => {
    const annotator = await t.createKey(Role.ANNOTATOR);
    const proposed = await t.gql(
      'mutation ($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
      { input: { pinpoint: `${CHAIN_AGREEMENTS[1]}/family-1`, code: 'CULTURAL_EXEMPTION' } },
      { key: annotator },
    );
    expect(proposed.errors).toBeUndefined();
    const res = await t.gql<{ clauseFamily: { members: { codes: string[]; proposedCodes: string[] }[] } }>(
      `{ clauseFamily(id: "${ids[2]}") { members { codes proposedCodes } } }`,
    );
    expect(res.errors).toBeUndefined();
    const [, second, third] = res.data!.clauseFamily.members;
    expect(second).toEqual({ codes: ['CULTURAL_EXEMPTION'], proposedCodes: ['CULTURAL_EXEMPTION'] });
    expect(third.proposedCodes).toEqual([]);
    const page = await t.http().get(`/provisions/${CHAIN_AGREEMENTS[2]}/family-2`).set('Accept', 'text/html');
    const timeline = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(page.text)![1];
    const item = timeline.split('</li>').find((i) => i.includes(`${CHAIN_AGREEMENTS[1]}/family-1`))!;
    expect(item).toMatch(
      /data-code="CULTURAL_EXEMPTION"[^<]*<\/span> <span class="muted">\(proposed\)<\/span>/,
    );
  });

  it('filters the members by party and code, keeping the template', async () => {
    const res = await t.gql<{
      clauseFamily: { template: { id: string }; size: number; members: { provision: { id: string } }[] };
    }>(
      `{ clauseFamily(id: "${ids[0]}", filter: { parties: ["KOR"] }) { template { id } size members { provision { id } } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.clauseFamily).toMatchObject({
      template: { id: ids[0] },
      size: 3,
      members: [{ provision: { id: ids[2] } }],
    });
  });

  it('rejects a minScore out of range as BAD_USER_INPUT', async () => {
    const res = await t.gql(`{ clauseFamily(id: "${ids[0]}", minScore: 0.01) { size } }`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'minScore' });
  });

  it('checks a draft: articles, rules, precedents with their family, and what it lacks', async () => {
    const res = await t.gql<{
      checkDraft: {
        codes: string[];
        gaps: {
          kind: string;
          basis: string;
          rule: string;
          practice: { party: string }[];
          precedents: { provision: { pinpoint: string } }[];
        }[];
        articles: { articleNumber: string | null; annotations: { code: string }[]; precedents: unknown[] }[];
      };
    }>(CHECK, { input: { text: DRAFT, parties: ['CAN', 'KOR'] } });
    expect(res.errors).toBeUndefined();
    const check = res.data!.checkDraft;
    expect(check.articles.map((a) => a.articleNumber)).toEqual(['14.1', '14.2', '14.3']);
    expect(check.codes).toContain('ECOMMERCE_PROVISION');
    const carveOut = check.gaps.find((g) => g.kind === 'ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT');
    expect(carveOut).toMatchObject({ rule: 'G19.4/ecommerce-without-cultural-carve-out' });
    expect(carveOut!.practice.map((p) => p.party)).toEqual(['CAN', 'KOR']);
    expect(carveOut!.precedents.length).toBeGreaterThan(0);
  });

  it.each([
    ['an empty draft', '   \n ', /empty/],
    ['a draft over 200,000 characters', `Article 1\n${'word '.repeat(40_001)}`, /more than the 200,000/],
    ['binary data', `Article 1\n${'\u0001\u0002\ufffdbinary'.repeat(50)}`, /binary/],
  ])('answers BAD_USER_INPUT naming the problem for %s', async (_label, text, message) => {
    const res = await t.gql(CHECK, { input: { text, parties: ['CAN'] } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.text' });
    expect(res.errors![0].message).toMatch(message);
    expect(res.errors![0].message).not.toContain('binary'.repeat(2));
  });

  it('rejects NUL bytes as BAD_USER_INPUT naming input.text (the API-wide check)', async () => {
    const res = await t.gql(CHECK, { input: { text: 'Article 1\n\u0000\u0000 binary', parties: ['CAN'] } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(res.errors![0].extensions)).toContain('input.text');
  });

  it('rejects an unknown party or language', async () => {
    const party = await t.gql(CHECK, { input: { text: DRAFT, parties: ['XXX'] } });
    expect(party.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.parties',
    });
    const language = await t.gql(CHECK, { input: { text: DRAFT, parties: ['CAN'], language: 'de' } });
    expect(language.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'input.language',
    });
  });

  it("serves the draft checker over HTTP as JSON, and as the explorer's form, and stores nothing", async () => {
    const count = async () =>
      Number((await t.orm.em.getConnection().execute('select count(*) as n from provision'))[0].n);
    const before = await count();
    const json = await t.http().post('/draft-check').send({ text: DRAFT, parties: 'CAN,KOR' });
    expect(json.status).toBe(200);
    expect(json.body.articles).toHaveLength(3);
    const form = await t
      .http()
      .post('/draft-check')
      .type('form')
      .send({ draft: DRAFT, parties: 'CAN', language: 'en' });
    expect(form.status).toBe(200);
    expect(form.text).toContain('<ol class="hits">');
    expect(form.text).toContain('/provisions/');
    const bad = await t.http().post('/draft-check').send({ text: '', parties: 'CAN' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'BAD_USER_INPUT', argument: 'input.text' });
    expect((await t.http().get('/draft-check')).text).toContain('<form method="post"');
    expect(await count()).toBe(before);
  });

  it('shows the family timeline on the provision page', async () => {
    const page = await t.http().get('/provisions/canada-korea-fta/family-2').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('class="timeline"');
    expect(page.text).toContain('nafta/family-0');
    expect(page.text).toMatch(/<ins>[^<]*person/);
  });

  it("states each member's similarity to its source and to the template as clauseFamily scores them", async () => {
    const res = await t.gql<{
      clauseFamily: {
        template: { pinpoint: string };
        members: {
          score: number | null;
          templateScore: number;
          provision: { pinpoint: string };
          source: { pinpoint: string } | null;
        }[];
      };
    }>(
      `{ clauseFamily(id: "${ids[2]}") { template { pinpoint } members { score templateScore provision { pinpoint } source { pinpoint } } } }`,
    );
    const page = (await t.http().get('/provisions/canada-korea-fta/family-2').set('Accept', 'text/html'))
      .text;
    const percent = (x: number) => `${Math.round(x * 100)}%`;
    const timeline = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(page)![1];
    const items = timeline.split('</li>').slice(0, -1);
    const members = res.data!.clauseFamily.members;
    expect(items.length).toBe(members.length);
    expect(members.filter((m) => m.source).length).toBe(2);
    // The template badge is on the member clauseFamily names, which need not be the first (run 8's rule).
    const template = res.data!.clauseFamily.template.pinpoint;
    for (const [i, m] of members.entries())
      expect({ member: m.provision.pinpoint, badge: items[i].includes('<span class="badge">') }).toEqual({
        member: m.provision.pinpoint,
        badge: m.provision.pinpoint === template,
      });
    for (const [i, m] of members.entries()) {
      if (!m.source) continue;
      expect(items[i]).toContain(`href="/provisions/${m.source.pinpoint}"`);
      expect(items[i]).toContain(`probable source <a href="/provisions/${m.source.pinpoint}"`);
      expect(items[i]).toContain(`: ${percent(m.score!)} similar`);
      expect(items[i]).toContain(`${percent(m.templateScore)} similar to the template`);
    }
  });
  // The TPP never entered into force: it bound none of its twelve signatories, who wrote its text, and eleven of
  // them took it into the CPTPP, the United States, Canada and Mexico into USMCA (fixtures/agreements/tpp.json).
  type LineageMember = {
    provision: { pinpoint: string };
    parties: string[];
    signatoriesOnly: string[];
    source: { pinpoint: string } | null;
    sameParties: boolean;
  };
  const lineageOf = async (pinpoint: string, filter = '') => {
    const found = await t.gql<{ provision: { id: string } }>(`{ provision(pinpoint: "${pinpoint}") { id } }`);
    const res = await t.gql<{ clauseFamily: { members: LineageMember[] } }>(
      `{ clauseFamily(id: "${found.data!.provision.id}"${filter}) { members { provision { pinpoint } parties signatoriesOnly
          source { pinpoint } sameParties } } }`,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.clauseFamily.members;
  };

  it("names a signed-only agreement's signatories as its members' parties, and prefers their agreements as sources", async () => {
    const tpp = ['AUS', 'BRN', 'CAN', 'CHL', 'JPN', 'MEX', 'MYS', 'NZL', 'PER', 'SGP', 'USA', 'VNM'];
    const cptpp = await lineageOf('cptpp/art-14.4');
    const tppMember = cptpp.find((m) => m.provision.pinpoint === 'tpp/art-14.4')!;
    expect(tppMember).toMatchObject({ signatoriesOnly: tpp });
    expect([...tppMember.parties].sort()).toEqual(tpp);
    const own = cptpp.find((m) => m.provision.pinpoint === 'cptpp/art-14.4')!;
    expect(own).toMatchObject({
      source: { pinpoint: 'tpp/art-14.4' },
      sameParties: true,
      signatoriesOnly: [],
    });
    expect(own.parties).toEqual(expect.arrayContaining(['AUS', 'GBR']));
    for (const key of ['art-19.5', 'art-19.7', 'art-19.10']) {
      const usmca = (await lineageOf(`usmca/${key}`)).find((m) => m.provision.pinpoint === `usmca/${key}`)!;
      expect({ key, source: usmca.source?.pinpoint, sameParties: usmca.sameParties }).toEqual({
        key,
        source: `tpp/${key.replace('19', '14')}`,
        sameParties: true,
      });
    }
    // The filter reads the same parties: the United States wrote the TPP's article, though never bound by it.
    const byUsa = await lineageOf('cptpp/art-14.4', ', filter: { parties: ["USA"] }');
    expect(byUsa.map((m) => m.provision.pinpoint)).toContain('tpp/art-14.4');
    const page = await t.http().get('/provisions/cptpp/art-14.4').set('Accept', 'text/html');
    const item = /<ol class="timeline">([\s\S]*?)<\/ol>/
      .exec(page.text)![1]
      .split('</li>')
      .find((i) => i.includes('href="/provisions/tpp/art-14.4"'))!;
    expect(item).toContain(`(signed only, never bound: ${tpp.join(', ')})`);
  });

  it('says on the timeline that an undated member’s date is not recorded, and lists it last with no source', async () => {
    const admin = await t.createKey(Role.ADMIN);
    const made = await t.gql(
      'mutation ($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
      {
        input: {
          slug: 'undated-lanterns',
          title: 'Test undated lanterns',
          kind: 'BILATERAL',
          status: 'SIGNED',
          parties: [{ code: 'CAN' }, { code: 'KOR' }],
        },
      },
      { key: admin },
    );
    expect(made.errors).toBeUndefined();
    // Invented clauses (not treaty wording).
    const lantern =
      'Each Party shall encourage cooperation between its lantern makers, paper folders and shadow puppeteers, including through joint exhibitions, residencies and the exchange of apprentices.';
    for (const [agreement, text] of [
      ['canada-chile-fta', lantern],
      ['undated-lanterns', lantern.replace('including through', 'in particular through')],
    ]) {
      const res = await t.gql(
        'mutation ($input: AddProvisionInput!) { addProvision(input: $input) { id } }',
        { input: { agreement, key: 'lanterns', location: 'OPERATIVE', text, language: 'en' } },
        { key: admin },
      );
      expect(res.errors).toBeUndefined();
    }
    const members = await lineageOf('canada-chile-fta/lanterns');
    expect(members.map((m) => [m.provision.pinpoint, m.source?.pinpoint ?? null])).toEqual([
      ['canada-chile-fta/lanterns', null],
      ['undated-lanterns/lanterns', null],
    ]);
    const page = await t.http().get('/provisions/canada-chile-fta/lanterns').set('Accept', 'text/html');
    const items = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(page.text)![1].split('</li>');
    expect(items[1]).toMatch(/<strong>signature date not recorded<\/strong> ·/);
    expect(items[1]).toContain('listed last, with no probable source');
    // Signed, never in force: its parties are its signatories, never bound.
    expect(items[1]).toContain('(signed only, never bound: CAN, KOR)');
    expect(items[1]).not.toContain('<strong>?</strong>');
  });
});
