import { startCorpusApp } from '../support/corpus-app';
import { TestApp } from '../support/test-app';

/**
 * What the comparison and the flows say of the imported corpus, against counts made here from the database rows
 * (agreement_binding, party, annotation), not through the reports' own code: statements checked and false,
 * printed.
 */
describe('the comparison and the flows against the catalogue rows', () => {
  let t: TestApp;
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    (await t.orm.em.getConnection().execute(sql, params)) as T[];

  beforeAll(async () => {
    t = await startCorpusApp({ rateLimits: false });
  });
  afterAll(() => t?.close());

  it("names, for every agreement, each party that signed it in its own right: as a party it binds, or apart as signed only (the TPP's twelve)", async () => {
    const bindings = await rows<{
      slug: string;
      party_code: string;
      signatory_only: number | boolean;
      suspended_from: string | null;
      suspended_until: string | null;
    }>(
      `select a.slug, b.party_code, b.signatory_only, b.suspended_from, b.suspended_until from agreement_binding b
       join agreement a on a.id = b.agreement_id
       where b.via is null and a.archived_at is null order by a.slug, b.party_code`,
    );
    // A party suspended today (Venezuela in MERCOSUR since 2017-08-05) is named apart, not among the parties bound.
    const day = new Date().toISOString().slice(0, 10);
    const expected = new Map<string, { bound: string[]; signedOnly: string[]; suspended: string[] }>();
    for (const b of bindings) {
      const entry = expected.get(b.slug) ?? { bound: [], signedOnly: [], suspended: [] };
      const from = b.suspended_from && String(b.suspended_from).slice(0, 10);
      const until = b.suspended_until && String(b.suspended_until).slice(0, 10);
      const suspended = !b.signatory_only && !!from && from <= day && (!until || until > day);
      (b.signatory_only ? entry.signedOnly : suspended ? entry.suspended : entry.bound).push(b.party_code);
      expected.set(b.slug, entry);
    }
    const slugs = [...expected.keys()];
    let checked = 0;
    const wrong: string[] = [];
    for (let i = 0; i < slugs.length; i += 50) {
      const res = await t.gql<{
        compareAgreements: {
          agreements: {
            agreement: { slug: string };
            parties: { code: string }[];
            signatoriesOnly: { code: string }[];
            suspendedParties: { party: { code: string } }[];
          }[];
        };
      }>(
        `query ($a: [String!]!) { compareAgreements(agreements: $a, codes: [CULTURAL_EXEMPTION]) {
          agreements { agreement { slug } parties { code } signatoriesOnly { code } suspendedParties { party { code } } } } }`,
        { a: slugs.slice(i, i + 50) },
      );
      expect(res.errors).toBeUndefined();
      for (const a of res.data!.compareAgreements.agreements) {
        const want = expected.get(a.agreement.slug)!;
        const codes = (list: { code: string }[]) => list.map((p) => p.code).sort();
        checked += 1;
        if (
          JSON.stringify(codes(a.parties)) !== JSON.stringify([...want.bound].sort()) ||
          JSON.stringify(codes(a.signatoriesOnly)) !== JSON.stringify([...want.signedOnly].sort()) ||
          JSON.stringify(codes(a.suspendedParties.map((s) => s.party))) !==
            JSON.stringify([...want.suspended].sort())
        )
          wrong.push(
            `${a.agreement.slug}: ${JSON.stringify({ parties: a.parties, signedOnly: a.signatoriesOnly })}`,
          );
      }
    }
    console.log(`comparison parties rows: ${checked} agreements checked, ${wrong.length} false`);
    expect(checked).toBe(slugs.length);
    expect(wrong).toEqual([]);
    // The TPP, never in force: no party bound, its twelve signatories named apart.
    expect(expected.get('tpp')).toEqual({
      bound: [],
      signedOnly: expect.arrayContaining(['CAN', 'JPN', 'USA']),
      suspended: [],
    });
    // MERCOSUR: Venezuela, suspended since 2017-08-05, apart from the parties it binds.
    expect(expected.get('southern-common-market-mercosur')?.suspended).toEqual(['VEN']);
  });

  it("says, in every format's matrix, whose a clause is when its annotation names the parties it covers", async () => {
    const scoped = await rows<{ slug: string; key: string; code: string; party_scope: string | string[] }>(
      `select a.slug, p.key, an.code, an.party_scope from annotation an join provision p on p.id = an.provision_id
       join agreement a on a.id = p.agreement_id
       where an.party_scope is not null and an.status <> 'REJECTED' and a.archived_at is null`,
    );
    const slugs = [...new Set(scoped.map((s) => s.slug))];
    expect(slugs.length).toBeGreaterThan(0);
    let checked = 0;
    const wrong: string[] = [];
    for (const [lang, only] of [
      ['en', (p: string) => `(${p} only)`],
      ['fr', (p: string) => `(seulement ${p})`],
      ['es', (p: string) => `(solo ${p})`],
    ] as const) {
      const res = await t.http().get(`/reports/compare.json?agreements=${slugs.join(',')}&lang=${lang}`);
      expect(res.status).toBe(200);
      const matrix = JSON.stringify(
        res.body.sections.find((s: { id: string }) => s.id === 'matrix').table.rows,
      );
      for (const s of scoped) {
        const parties = (
          typeof s.party_scope === 'string' ? JSON.parse(s.party_scope) : s.party_scope
        ) as string[];
        checked += 1;
        if (!matrix.includes(`${s.key} ${only(parties.join(', '))}`))
          wrong.push(`${lang} ${s.slug}/${s.key} ${s.code}`);
      }
    }
    console.log(
      `comparison cells naming the parties a clause covers: ${checked} checked, ${wrong.length} false`,
    );
    expect(wrong).toEqual([]);
    // The explorer's page says both too, in its language.
    const page = (await t.http().get('/compare?agreements=tpp,usmca&lang=fr')).text;
    expect(page).toContain('Signataires seulement, jamais liés');
    expect(page).toContain('(seulement CAN)');
  });

  it('counts every flow (grantor, beneficiary, mechanism, agreement) and its provisions as the rows give them', async () => {
    const annotations = await rows<{
      agreement_id: number;
      provision_id: number;
      detail: string;
      party_scope: string | null;
    }>(
      `select p.agreement_id, p.id as provision_id, an.detail, an.party_scope from annotation an
       join provision p on p.id = an.provision_id join agreement a on a.id = p.agreement_id
       where an.code = 'PREFERENTIAL_TREATMENT_CULTURE' and an.status <> 'REJECTED' and a.archived_at is null`,
    );
    const partners = await rows<{
      agreement_id: number;
      code: string;
      developing: number | boolean | null;
      kind: string;
    }>(
      `select b.agreement_id, b.party_code as code, p.developing, p.kind from agreement_binding b
       join party p on p.code = b.party_code where b.via is null and b.signatory_only = ?`,
      [false],
    );
    const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
    const mechanisms = ['ARTIST_MOBILITY', 'CO_PRODUCTION', 'MARKET_ACCESS', 'TECHNICAL_ASSISTANCE', 'OTHER'];
    const expected = new Map<string, Set<number>>();
    for (const an of annotations) {
      const of = partners.filter((p) => Number(p.agreement_id) === Number(an.agreement_id));
      const developed = of.filter((p) => p.developing !== null && !p.developing);
      const developing = of.filter((p) => p.developing !== null && Boolean(p.developing));
      const bloc = of.find((p) => p.kind === 'BLOC');
      const scope = json(an.party_scope) as string[] | null;
      const detail = (json(an.detail) as string[]).filter((d) => mechanisms.includes(d));
      for (const grantor of developed.length ? developed : developing)
        for (const beneficiary of developing) {
          if (grantor.code === beneficiary.code) continue;
          if (bloc && grantor.code !== bloc.code && beneficiary.code !== bloc.code) continue;
          if (scope && !scope.includes(grantor.code) && !scope.includes(beneficiary.code)) continue;
          for (const mechanism of detail.length ? detail : ['OTHER']) {
            const key = [grantor.code, beneficiary.code, mechanism, an.agreement_id].join(' ');
            expected.set(key, (expected.get(key) ?? new Set()).add(Number(an.provision_id)));
          }
        }
    }
    const res = await t.gql<{
      preferentialTreatmentFlows: {
        flows: {
          grantor: { code: string };
          beneficiary: { code: string };
          mechanism: string;
          agreement: { id: string; slug: string };
          provisions: { pinpoint: string }[];
        }[];
      };
    }>(
      `{ preferentialTreatmentFlows(includeProposed: true) { flows { grantor { code } beneficiary { code } mechanism
         agreement { slug } provisions { pinpoint } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const ids = new Map(
      (await rows<{ id: number; slug: string }>('select id, slug from agreement')).map((a) => [
        a.slug,
        Number(a.id),
      ]),
    );
    const wrong: string[] = [];
    const said = new Set<string>();
    for (const f of res.data!.preferentialTreatmentFlows.flows) {
      const key = [f.grantor.code, f.beneficiary.code, f.mechanism, ids.get(f.agreement.slug)].join(' ');
      said.add(key);
      if (expected.get(key)?.size !== f.provisions.length)
        wrong.push(
          `${key}: ${f.provisions.length} provisions said, ${expected.get(key)?.size ?? 'no flow'} in the rows`,
        );
    }
    for (const key of expected.keys()) if (!said.has(key)) wrong.push(`${key}: in the rows, not said`);
    const checked = new Set([...said, ...expected.keys()]).size;
    console.log(`flows: ${checked} flows checked, ${wrong.length} false`);
    expect(checked).toBeGreaterThan(20);
    expect(wrong).toEqual([]);
  });
});
