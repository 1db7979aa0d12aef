import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir } from '../../src/config';
import { evidentLanguage } from '../../src/search/draft/draft-language';
import { ClauseIndexService } from '../../src/search/wording/clause-index.service';
import { FAMILY_MAX_MEMBERS } from '../../src/search/similar/similarity.service';
import { startCorpusApp } from '../support/corpus-app';
import { TestApp } from '../support/test-app';

const CHECK = `query ($input: CheckDraftInput!) { checkDraft(input: $input) {
  gaps { kind basis message practice { party agreements carrying reviewed partial }
    precedents { annotationStatus provision { id pinpoint agreement { slug dateSigned } } } }
} }`;

interface Gap {
  kind: string;
  basis: string;
  message: string;
  practice: { party: string; agreements: number; carrying: number; reviewed: number; partial: number }[];
  precedents: {
    annotationStatus: string;
    provision: { id: string; pinpoint: string; agreement: { slug: string; dateSigned: string | null } };
  }[];
}

/** The codes whose absence each gap states (draft-check.service.ts). */
const LACKING: Record<string, string[]> = {
  ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT: ['ECOMMERCE_CULTURAL_CARVE_OUT', 'CULTURAL_EXEMPTION'],
  SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION: ['AUDIOVISUAL_EXCLUSION', 'CULTURAL_EXEMPTION'],
  NO_CONVENTION_REFERENCE: ['CONVENTION_REF_EXPLICIT', 'CONVENTION_REF_IMPLICIT'],
  NO_PREFERENTIAL_TREATMENT: ['PREFERENTIAL_TREATMENT_CULTURE'],
};

/**
 * What the draft checker tells a negotiator about the 2024 WTO e-commerce text is checked against the catalogue
 * itself: the clauses it offers as the parties' practice are theirs, of the code it lacks, dated as said, and the
 * Convention is expected only of Parties to it.
 */
describe('the draft checker on the WTO e-commerce text ($CORPUS_DIR/drafts)', () => {
  let t: TestApp;
  const draft = readFileSync(join(corpusDir(), 'drafts', 'wto-jsi-ecommerce-2024.md'), 'utf8');
  const rows = async <T>(sql: string, params: unknown[]): Promise<T[]> =>
    (await t.orm.em.getConnection().execute(sql, params)) as T[];
  const check = async (parties: string[]): Promise<Gap[]> => {
    const res = await t.gql<{ checkDraft: { gaps: Gap[] } }>(CHECK, { input: { text: draft, parties } });
    expect(res.errors).toBeUndefined();
    return res.data!.checkDraft.gaps;
  };

  beforeAll(async () => {
    t = await startCorpusApp({ rateLimits: false });
    await t.app.get(ClauseIndexService, { strict: false }).get();
  });
  afterAll(() => t?.close());

  it("offers as the parties' practice only their own clauses, of the code the draft lacks, dated as said", async () => {
    const gaps = await check(['CAN', 'KOR']);
    expect(gaps.map((g) => g.kind).sort()).toEqual([
      'ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT',
      'NO_CONVENTION_REFERENCE',
    ]);
    for (const gap of gaps) {
      expect(gap.basis).toBe('PARTY_PRACTICE');
      expect(gap.precedents.length).toBeGreaterThan(0);
      for (const p of gap.practice) {
        expect(p.reviewed).toBeLessThanOrEqual(p.carrying);
        expect(p.carrying + p.partial).toBeLessThanOrEqual(p.agreements);
      }
      for (const { annotationStatus, provision: precedent } of gap.precedents) {
        const id = Number(/^Provision:(\d+)$/.exec(Buffer.from(precedent.id, 'base64url').toString())![1]);
        const [facts] = await rows<{ slug: string; date_signed: string | null }>(
          'select a.slug, a.date_signed from provision p join agreement a on a.id = p.agreement_id where p.id = ?',
          [id],
        );
        expect(precedent.agreement).toEqual({ slug: facts.slug, dateSigned: facts.date_signed });
        const bound = await rows<{ party_code: string }>(
          `select b.party_code from agreement_binding b join agreement a on a.id = b.agreement_id
           where a.slug = ? and b.via is null and b.party_code in ('CAN', 'KOR')`,
          [facts.slug],
        );
        expect(bound.length).toBeGreaterThan(0);
        const codes = await rows<{ code: string; status: string }>(
          "select code, status from annotation where provision_id = ? and status <> 'REJECTED'",
          [id],
        );
        const lacking = codes.filter((c) => LACKING[gap.kind].includes(c.code));
        expect(lacking.length).toBeGreaterThan(0);
        // Marked as its annotations are: ACCEPTED only where a reviewer accepted one, PROPOSED where one awaits review.
        expect(lacking.map((c) => c.status)).toContain(annotationStatus);
      }
    }
    // CETA is held in excerpts without a carve-out: counted as not known, and said so.
    const carveOut = gaps.find((g) => g.kind === 'ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT')!;
    expect(carveOut.practice.find((p) => p.party === 'CAN')!.partial).toBeGreaterThan(0);
    expect(carveOut.message).toMatch(/Canada \(CAN\) \d+ of \d+ \([^)]*held only in part\)/);
  });

  it('expects a Convention reference only of Parties to the Convention (not the United States)', async () => {
    const both = await check(['can', 'usa']);
    const convention = both.find((g) => g.kind === 'NO_CONVENTION_REFERENCE')!;
    expect(convention.practice.map((p) => p.party)).toEqual(['CAN']);
    expect(
      both.find((g) => g.kind === 'ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT')!.practice.map((p) => p.party),
    ).toEqual(['CAN', 'USA']);
    const alone = await check(['USA']);
    expect(alone.map((g) => g.kind)).not.toContain('NO_CONVENTION_REFERENCE');
    // Singapore: no deposit found in the notices (absence only), so its status is not recorded: not counted, and said.
    const pacific = await check(['JPN', 'AUS', 'SGP']);
    const reference = pacific.find((g) => g.kind === 'NO_CONVENTION_REFERENCE')!;
    expect(reference.practice.map((p) => p.party)).toEqual(['AUS']);
    expect(reference.message).toContain(
      'Whether Singapore (SGP) is a Party to the Convention is not recorded: not counted.',
    );
  });

  it("reads every article of the corpus in its ToTA language or leaves it undecided, and every agreement's text in its own", async () => {
    const provisions = await rows<{ slug: string; language: string; text: string }>(
      `select a.slug, p.language, p.text from provision p join agreement a on a.id = p.agreement_id
       where p.text is not null and p.language in ('en', 'es', 'fr')`,
      [],
    );
    const contradicted = provisions.filter((p) => ![p.language, null].includes(evidentLanguage(p.text)));
    expect(contradicted.map((p) => `${p.slug} ${p.language}: ${p.text.slice(0, 60)}`)).toEqual([]);
    const versions = new Map<string, string[]>();
    for (const p of provisions)
      versions.set(`${p.slug} ${p.language}`, [...(versions.get(`${p.slug} ${p.language}`) ?? []), p.text]);
    const misread = [...versions].filter(
      ([key, texts]) => evidentLanguage(texts.join('\n')) !== key.split(' ')[1],
    );
    expect({ versions: versions.size, misread: misread.map(([key]) => key) }).toEqual({
      versions: expect.any(Number),
      misread: [],
    });
    expect(versions.size).toBeGreaterThan(400);
  });

  it("names each precedent's parties as those its agreement binds, heads articles without footnote references, and counts Peru from its year of deposit", async () => {
    const res = await t.gql<{
      checkDraft: {
        articles: {
          articleTitle: string | null;
          precedents: {
            parties: string[];
            provision: { id: string };
            family: { size: number; complete: boolean } | null;
          }[];
        }[];
        gaps: {
          kind: string;
          message: string;
          practice: { party: string; agreements: number; since: string; sinceBasis: string }[];
        }[];
      };
    }>(
      `query ($input: CheckDraftInput!) { checkDraft(input: $input) {
        articles { articleTitle precedents { parties provision { id } family { size complete } } }
        gaps { kind message practice { party agreements since sinceBasis } } } }`,
      { input: { text: draft, parties: ['PER'] } },
    );
    expect(res.errors).toBeUndefined();
    const { articles, gaps } = res.data!.checkDraft;
    // "Article 5: Electronic Authentication and Electronic Signatures[^3]": the footnote is not the title's.
    expect(articles.map((a) => a.articleTitle).filter((title) => /\[\^|\^\d/.test(title ?? ''))).toEqual([]);
    const precedents = articles.flatMap((a) => a.precedents);
    expect(precedents.length).toBeGreaterThan(20);
    for (const precedent of precedents) {
      const id = Number(
        /^Provision:(\d+)$/.exec(Buffer.from(precedent.provision.id, 'base64url').toString())![1],
      );
      const bound = await rows<{ party_code: string }>(
        `select b.party_code from agreement_binding b join provision p on p.agreement_id = b.agreement_id
         where p.id = ? and b.via is null and b.signatory_only = ? order by b.party_code`,
        [id, false],
      );
      expect(precedent.parties).toEqual(bound.map((b) => b.party_code));
      // A family is said to be whole unless the search stopped at its bound, filled.
      if (precedent.family && !precedent.family.complete)
        expect(precedent.family.size).toBe(FAMILY_MAX_MEMBERS);
    }
    // Peru deposited in 2006 with no day recorded: its agreements from 2007-03-31, the latest the Convention can
    // have entered into force for it, counted from the catalogue's own bindings.
    const convention = gaps.find((g) => g.kind === 'NO_CONVENTION_REFERENCE')!;
    expect(convention.practice).toEqual([
      { party: 'PER', agreements: expect.any(Number), since: '2007-03-31', sinceBasis: 'IN_FORCE_BY' },
    ]);
    const [{ n }] = await rows<{ n: number }>(
      `select count(distinct a.id) as n from agreement a join agreement_binding b on b.agreement_id = a.id
       where b.party_code = 'PER' and b.via is null and b.signatory_only = ? and a.archived_at is null
         and a.date_signed >= '2007-03-31'`,
      [false],
    );
    expect(convention.practice[0].agreements).toBe(Number(n));
    expect(convention.message).toContain('counted from 2007-03-31');
  });
});

/**
 * A gap resting on the Convention (no party's agreements carry what the draft lacks) says the Convention's
 * Operational Guidelines expect it: a statement about the parties counted, true only where one of them is a Party
 * to the Convention (the party table's status, from the deposit notices). The United States and Japan are not
 * Parties: of them alone, the Guidelines expect nothing. Counted over party sets and drafts: statements checked and
 * false, printed.
 */
describe("the draft checker's appeals to the Convention's Operational Guidelines", () => {
  let t: TestApp;
  const wto = readFileSync(join(corpusDir(), 'drafts', 'wto-jsi-ecommerce-2024.md'), 'utf8');
  // Own words: a services chapter with no audiovisual exclusion, an e-commerce chapter with none of its own.
  const services = [
    '# Chapter Nine: Cross-Border Trade in Services',
    '### Article 9.1: Scope',
    'This Chapter applies to measures of a Party affecting cross-border trade in services by service suppliers of the other Party.',
    '### Article 9.2: National Treatment',
    'Each Party shall accord to services and service suppliers of the other Party treatment no less favourable than that it accords, in like circumstances, to its own services and service suppliers.',
  ].join('\n\n');
  const SETS = [
    ['CAN', 'KOR'],
    ['EUN'],
    ['JPN', 'SGP'],
    ['JPN'],
    ['AUS'],
    ['PER'],
    ['USA'],
    ['CAN', 'USA'],
    ['CHN', 'EUN'],
    ['KEN'],
    ['JPN', 'VNM'],
    ['USA', 'COL'],
  ];

  beforeAll(async () => {
    t = await startCorpusApp({ rateLimits: false });
    await t.app.get(ClauseIndexService, { strict: false }).get();
  });
  afterAll(() => t?.close());

  it('says the Guidelines expect it only where a party counted is a Party to the Convention', async () => {
    const status = new Map(
      (
        (await t.orm.em
          .getConnection()
          .execute('select code, convention_status_kind as kind from party', [])) as {
          code: string;
          kind: string;
        }[]
      ).map((r) => [r.code, r.kind]),
    );
    let checked = 0;
    const wrong: string[] = [];
    for (const text of [wto, services]) {
      for (const parties of SETS) {
        const res = await t.gql<{
          checkDraft: {
            gaps: { kind: string; basis: string; message: string; practice: { party: string }[] }[];
          };
        }>(
          `query ($input: CheckDraftInput!) { checkDraft(input: $input) {
            gaps { kind basis message practice { party } } } }`,
          { input: { text, parties } },
        );
        expect(res.errors).toBeUndefined();
        for (const gap of res.data!.checkDraft.gaps.filter((g) => g.basis === 'CONVENTION')) {
          checked += 1;
          const aParty = gap.practice.some((p) => status.get(p.party) === 'PARTY');
          const saysExpected = gap.message.includes("the Convention's Operational Guidelines expect it");
          const saysNone = gap.message.includes('none of these parties is known to be one');
          if (saysExpected !== aParty || saysNone === aParty)
            wrong.push(`${parties.join(',')} ${gap.kind}: ${gap.message}`);
        }
      }
    }
    console.log(`Guidelines statements: ${checked} checked, ${wrong.length} false`);
    expect(checked).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });

  it("counts a developed party's preferential-treatment practice over its agreements with a developing partner only", async () => {
    // Paragraph 18's treatment is for developing partners' culture: CETA or the EU-Japan EPA cannot carry it, and
    // counting them ('European Union (EUN) 2 of 13') said the EU left it out of agreements where it had no place. Nor
    // can a bloc's agreement whose developing parties are on the party's side, not the bloc's (Panama's EU - Central
    // America, truth15), nor one whose text applies it between sides only, Panama's EFTA - Central America, where
    // Costa Rica is of Panama's side (sides19): a developing partner not on the party's side, as grantorsTo reads the
    // sides (the sides recorded, else the bloc's).
    let checked = 0;
    const wrong: string[] = [];
    for (const parties of [
      ['CHN', 'EUN'],
      ['EUN', 'CRI'],
      ['JPN', 'VNM'],
      ['USA', 'COL'],
      ['KOR', 'PER'],
      ['AUS', 'VNM'],
      ['CAN', 'MEX'],
      ['PAN', 'NIC'],
    ]) {
      const res = await t.gql<{
        checkDraft: {
          gaps: { kind: string; practice: { party: string; agreements: number; since: string | null }[] }[];
        };
      }>(
        `query ($input: CheckDraftInput!) { checkDraft(input: $input) {
          gaps { kind practice { party agreements since } } } }`,
        { input: { text: wto, parties } },
      );
      expect(res.errors).toBeUndefined();
      const gap = res.data!.checkDraft.gaps.find((g) => g.kind === 'NO_PREFERENTIAL_TREATMENT');
      for (const p of gap?.practice ?? []) {
        checked += 1;
        const [{ n }] = (await t.orm.em.getConnection().execute(
          `select count(distinct a.id) as n from agreement a join agreement_binding b on b.agreement_id = a.id
             join party gp on gp.code = b.party_code
             left join agreement_party gs on gs.agreement_id = a.id and gs.party_code = b.party_code
           where b.party_code = ? and b.via is null and b.signatory_only = ? and a.archived_at is null
             and a.date_signed >= ?
             and exists (select 1 from agreement_binding d join party dp on dp.code = d.party_code
               left join agreement_party ds on ds.agreement_id = d.agreement_id and ds.party_code = d.party_code
               where d.agreement_id = a.id and d.via is null and d.signatory_only = ? and dp.developing = ?
                 and case when gs.side is not null and ds.side is not null then gs.side <> ds.side
                   else (dp.kind = 'BLOC' or gp.kind = 'BLOC' or not exists (select 1 from agreement_binding k
                     join party kp on kp.code = k.party_code where k.agreement_id = a.id and k.via is null
                       and kp.kind = 'BLOC')) end)`,
          [p.party, false, p.since, false, true],
        )) as { n: number }[];
        if (Number(n) !== p.agreements)
          wrong.push(
            `${parties.join(',')} ${p.party}: ${p.agreements} said, ${Number(n)} with a developing partner`,
          );
      }
    }
    console.log(`preferential-treatment practice counts: ${checked} checked, ${wrong.length} false`);
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(wrong).toEqual([]);
  });
});
