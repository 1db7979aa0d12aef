import { Role } from '../../src/auth/role.enum';
import { startTestApp, TestApp } from '../support/test-app';

// An invented e-commerce chapter (not treaty wording) with no cultural carve-out.
const DRAFT = `Chapter 9 Digital Trade

Article 9.1 Paperless Trading
Each Party shall endeavour to accept electronic versions of its trade administration documents as the legal equivalent of paper documents.

Article 9.2 Customs Duties
No Party shall impose customs duties on electronic transmissions between a person of one Party and a person of another Party.
`;

const CHECK = `query ($input: CheckDraftInput!) { checkDraft(input: $input) {
  gaps { kind basis message practice { party agreements carrying reviewed partial } }
} }`;

interface Gap {
  kind: string;
  basis: string;
  message: string;
  practice: { party: string; agreements: number; carrying: number; reviewed: number; partial: number }[];
}

/**
 * What the draft checker's "the draft lacks X" rests on: the fixtures hold CETA (2016) and RCEP (2020) as excerpts
 * only, without a cultural carve-out among them, and every fixture annotation is accepted.
 */
describe('the draft checker says what its practice counts rest on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });
  afterAll(() => t.close());

  const carveOutGap = async (parties: string[]): Promise<Gap> => {
    const res = await t.gql<{ checkDraft: { gaps: Gap[] } }>(CHECK, { input: { text: DRAFT, parties } });
    expect(res.errors).toBeUndefined();
    return res.data!.checkDraft.gaps.find((g) => g.kind === 'ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT')!;
  };

  it('counts an agreement held only in excerpts as not known, not as one without a carve-out', async () => {
    const gap = await carveOutGap(['CAN']);
    // CAN's e-commerce agreements since 2008-11-30: Panama, Honduras, Korea, CETA, CPTPP, USMCA (the TPP, never in
    // force, binds no party: Canada signed it and applies nothing of it).
    expect(gap.practice).toEqual([{ party: 'CAN', agreements: 6, carrying: 5, reviewed: 5, partial: 1 }]);
    expect(gap.message).toContain('(Canada (CAN) 5 of 6 (1 of the others held only in part))');
  });

  it("leaves out of a party's practice an agreement it signed only (Haiti and the EU-CARIFORUM EPA)", async () => {
    // The fixture's EPA has e-commerce articles; Haiti signed it and does not apply it, Jamaica applies it.
    const gap = await carveOutGap(['HTI', 'JAM']);
    expect(gap.practice.map((p) => [p.party, p.agreements])).toEqual([
      ['HTI', 0],
      ['JAM', 1],
    ]);
  });

  it('says how many carrying agreements rest on annotations no reviewer has accepted', async () => {
    const annotator = await t.createKey(Role.ANNOTATOR);
    const proposed = await t.gql(
      'mutation ($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id status } }',
      { input: { pinpoint: 'korea-australia-fta/art-15.3', code: 'ECOMMERCE_CULTURAL_CARVE_OUT' } },
      { key: annotator },
    );
    expect(proposed.errors).toBeUndefined();
    const gap = await carveOutGap(['kor']);
    // KOR's since 2010-11-15: Canada-Korea (accepted), Korea-Australia (now proposed), DEPA (accepted), RCEP (excerpts).
    expect(gap.practice).toEqual([{ party: 'KOR', agreements: 4, carrying: 3, reviewed: 2, partial: 1 }]);
    expect(gap.message).toContain(
      'Republic of Korea (KOR) 3 of 4 (1 of them on annotations not yet reviewed; 1 of the others held only in part)',
    );
    // The explorer's page words the same counts again, in its own language.
    const page = await t.http().post('/draft-check').type('form').send({ draft: DRAFT, parties: 'KOR' });
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      'Republic of Korea (KOR) 3 of 4 (1 of them on annotations not yet reviewed; 1 of the others held only in part)',
    );
  });
  it("counts a clause that covers one party only in that party's practice (Canada's exemption in the USMCA)", async () => {
    // fixtures/agreements/usmca.json: Art. 32.6 protects measures of Canada only (partyScope CAN; Government of
    // Canada text of Chapter 32), and USMCA's held e-commerce articles carry no carve-out of their own; CPTPP
    // Art. 14.4 takes broadcasting out for every party. Mexico's e-commerce agreements of its last 10 years in the
    // fixtures: Pacific Alliance and USMCA (both held in excerpts), CPTPP (the TPP, never in force, binds no party).
    // The checker said "MEX 3 of 4", USMCA among them.
    const gap = await carveOutGap(['MEX']);
    expect(gap.practice).toEqual([{ party: 'MEX', agreements: 3, carrying: 1, reviewed: 1, partial: 2 }]);
    expect((await carveOutGap(['CAN'])).practice).toEqual([
      { party: 'CAN', agreements: 6, carrying: 5, reviewed: 5, partial: 1 },
    ]);
  });

  const CONVENTION_GAP = `query ($input: CheckDraftInput!) { checkDraft(input: $input) {
    gaps { kind message practice { party agreements carrying since sinceBasis } }
  } }`;
  const conventionGap = async (parties: string[]) => {
    const res = await t.gql<{
      checkDraft: {
        gaps: {
          kind: string;
          message: string;
          practice: {
            party: string;
            agreements: number;
            carrying: number;
            since: string;
            sinceBasis: string;
          }[];
        }[];
      };
    }>(CONVENTION_GAP, { input: { text: DRAFT, parties } });
    expect(res.errors).toBeUndefined();
    return res.data!.checkDraft.gaps.find((g) => g.kind === 'NO_CONVENTION_REFERENCE')!;
  };

  it("counts a Party's practice from the latest date the Convention can have bound it when only the year of deposit is known", async () => {
    // Saint Kitts and Nevis deposited in 2016 (fixtures/parties.json: depositYear, no day): the EU-CARIFORUM EPA it
    // signed in 2008 is no practice of a Party to the Convention. The checker counted it from 2007-03-18: "KNA 1 of 1".
    const kna = await conventionGap(['KNA']);
    expect(kna.practice).toEqual([
      { party: 'KNA', agreements: 0, carrying: 0, since: '2017-03-31', sinceBasis: 'IN_FORCE_BY' },
    ]);
    // Peru (2006): from 2007-03-31 at the latest, and said so beside its count.
    const per = await conventionGap(['PER']);
    expect(per.practice[0]).toMatchObject({ party: 'PER', since: '2007-03-31', sinceBasis: 'IN_FORCE_BY' });
    expect(per.message).toContain(
      'counted from 2007-03-31, the latest date the Convention can have entered into force for it',
    );
    // A Party with neither day nor year (Saint Lucia) is counted from the Convention's own entry into force, said so.
    const lca = await conventionGap(['LCA']);
    expect(lca.practice).toEqual([
      { party: 'LCA', agreements: 1, carrying: 1, since: '2007-03-18', sinceBasis: 'CONVENTION_IN_FORCE' },
    ]);
    expect(lca.message).toContain(
      'counted from 2007-03-18: when the Convention entered into force for it is not recorded',
    );
    // The page says the same in its language.
    const page = await t
      .http()
      .post('/draft-check?lang=fr')
      .type('form')
      .send({ draft: DRAFT, parties: 'LCA' });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(
      /comptés depuis le 18 mars 2007 : la date d’entrée en vigueur de la Convention/,
    );
    // French puts a no-break space before a colon, in the words the page writes around the catalogue's: the
    // party's practice read "LCA: 1/1" and a precedent's family "Famille de clauses: ..." (new-user trial).
    expect(page.text).toContain('LCA\u00a0: 1/1');
    expect(page.text).toMatch(/Famille de clauses\u00a0: /);
    expect(page.text).not.toMatch(/[A-Z]{3}: \d|Famille de clauses: /);
    // A recorded date stays the party's own.
    expect((await conventionGap(['CAN'])).practice[0]).toMatchObject({
      since: '2007-03-18',
      sinceBasis: 'IN_FORCE',
    });
  });

  it("names as a precedent's parties those its agreement binds, not a party that signed only", async () => {
    // An invented agreement Honduras signed only (as Haiti the EU-CARIFORUM EPA) and an invented clause of it: the
    // checker listed Honduras among the precedent's parties and called it the draft party's own precedent.
    const admin = await t.createKey(Role.ADMIN);
    const slug = `signed-only-${Math.random().toString(36).slice(2, 10)}`;
    const created = await t.gql(
      'mutation ($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
      {
        input: {
          slug,
          title: 'Signed-only test agreement',
          kind: 'BILATERAL',
          status: 'IN_FORCE',
          dateSigned: '2015-01-01',
          dateInForce: '2016-01-01',
          parties: [{ code: 'CAN' }, { code: 'CRI' }, { code: 'HND', signatoryOnly: true }],
        },
      },
      { key: admin },
    );
    expect(created.errors).toBeUndefined();
    const clause =
      'Each Party shall keep a public register of marionette workshops and shall publish the register online every spring.';
    const added = await t.gql(
      'mutation ($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint } }',
      { input: { agreement: slug, key: 'art-1', location: 'OPERATIVE', articleNumber: '1', text: clause } },
      { key: admin },
    );
    expect(added.errors).toBeUndefined();
    const res = await t.gql<{
      checkDraft: {
        articles: {
          precedents: { parties: string[]; sameParties: boolean; provision: { pinpoint: string } }[];
        }[];
      };
    }>(
      `query ($input: CheckDraftInput!) { checkDraft(input: $input) {
        articles { precedents { parties sameParties provision { pinpoint } } } } }`,
      { input: { text: `Article 1 Registers\n${clause}`, parties: ['HND'] } },
    );
    expect(res.errors).toBeUndefined();
    const precedent = res.data!.checkDraft.articles[0].precedents.find(
      (p) => p.provision.pinpoint === `${slug}/art-1`,
    )!;
    expect(precedent).toMatchObject({ parties: ['CAN', 'CRI'], sameParties: false });
  });

  it('says which parties it cannot tell are Parties to the Convention, rather than leaving them out unsaid', async () => {
    // Singapore: no deposit found, absence only (fixtures/parties.json: UNKNOWN). Alone, no reference is expected of
    // it, and the answer says why; beside Canada, the gap says Singapore is not counted.
    const query = `query ($input: CheckDraftInput!) { checkDraft(input: $input) {
      conventionStatusUnknown gaps { kind message practice { party } } } }`;
    type Answer = {
      checkDraft: {
        conventionStatusUnknown: string[];
        gaps: { kind: string; message: string; practice: { party: string }[] }[];
      };
    };
    const alone = await t.gql<Answer>(query, { input: { text: DRAFT, parties: ['SGP'] } });
    expect(alone.errors).toBeUndefined();
    expect(alone.data!.checkDraft.conventionStatusUnknown).toEqual(['SGP']);
    expect(alone.data!.checkDraft.gaps.map((g) => g.kind)).not.toContain('NO_CONVENTION_REFERENCE');
    const both = await t.gql<Answer>(query, { input: { text: DRAFT, parties: ['CAN', 'SGP'] } });
    const gap = both.data!.checkDraft.gaps.find((g) => g.kind === 'NO_CONVENTION_REFERENCE')!;
    expect(gap.practice.map((p) => p.party)).toEqual(['CAN']);
    expect(gap.message).toContain(
      'Whether Singapore (SGP) is a Party to the Convention is not recorded: not counted.',
    );
    const page = await t
      .http()
      .post('/draft-check?lang=es')
      .type('form')
      .send({ draft: DRAFT, parties: 'SGP' });
    expect(page.status).toBe(200);
    // Named as the gaps name parties, not by its code alone ("No consta si SGP es Parte" before).
    expect(page.text).toContain('No consta si Singapur (SGP) es Parte en la Convención');
  });
});
