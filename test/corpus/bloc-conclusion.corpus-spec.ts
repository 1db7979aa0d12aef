import { EntityManager } from '@mikro-orm/knex';
import { startCorpusApp } from '../support/corpus-app';
import { TestApp } from '../support/test-app';

/**
 * Who concluded the EU's agreements, as the ToTA import reads it from their texts (ingest/tota/bloc-conclusion.ts),
 * against the agreements whose conclusion another source confirms, and what it changes: the bindings through the
 * EU that are "not known" (a member state that joined the EU after the signature, with no accession of its own).
 * Before concludedBy, 533 of the corpus's 1,815 bindings through the EU were not known; an agreement of the bloc
 * alone now binds such a member from its entry into the EU.
 */
const CONFIRMED: { totaId: string; concludedBy: 'BLOC_ONLY' | 'MIXED' | null; source: string }[] = [
  // Fixtures, hand-checked (their factSources.concludedBy names the official text).
  { totaId: '29', concludedBy: 'MIXED', source: 'EU-Chile: tradoc_111620 (fixture)' },
  { totaId: '145', concludedBy: 'MIXED', source: 'EU-Korea: CELEX 22011A0514(01) (fixture)' },
  { totaId: '368', concludedBy: 'MIXED', source: 'EU-CARIFORUM: CELEX 22008A1030(01) (fixture)' },
  { totaId: '388', concludedBy: 'MIXED', source: 'EU-Central America: CELEX 22012A1215(01) (fixture)' },
  { totaId: '392', concludedBy: 'MIXED', source: 'EU-Ukraine: OJ L 161, 29.5.2014 (fixture)' },
  { totaId: '395', concludedBy: 'MIXED', source: 'EU-Colombia-Peru: CELEX 22012A1221(01) (fixture)' },
  // Read from the text by the import, confirmed elsewhere.
  {
    totaId: '131',
    concludedBy: 'BLOC_ONLY',
    source:
      'EEC-Switzerland 1972: Regulation (EEC) No 2840/72 concluded it on behalf of the Community; EUR-Lex CELEX 01972A0722(03)',
  },
  {
    totaId: '411',
    concludedBy: 'BLOC_ONLY',
    source:
      'EC-Pacific interim EPA: Council Decision 2011/144/EU approved it on behalf of the Union (https://oeil.secure.europarl.europa.eu/oeil/en/document-summary?id=1145176)',
  },
  {
    totaId: '210',
    concludedBy: 'BLOC_ONLY',
    source:
      'EEC-Cyprus 1972: the Council of the European Communities and the Government of Cyprus are the parties (https://eur-lex.europa.eu/legal-content/EN/AUTO/?uri=CELEX%3A21972A1219%2801%29)',
  },
  {
    totaId: '214',
    concludedBy: 'BLOC_ONLY',
    source:
      'EEC-Egypt 1977: the EEC alone is the party of its 1987 Additional Protocol, which names the 1977 Cooperation Agreement between the EEC and Egypt (https://www.global-regulation.com/law/european-union/3287411/)',
  },
  // Concluded by the bloc alone, but not recorded: where the sources disagree, the import records nothing.
  {
    totaId: '57',
    concludedBy: null,
    source:
      'EC-Lebanon interim agreement 2002, the Community alone (https://publications.parliament.uk/pa/cm200102/cmselect/cmeuleg/152-xxiv/15216.htm); DESTA records member states acceding, as to the mixed association agreement',
  },
];

describe('the ToTA corpus: who concluded the EU agreements, and the bindings of later member states', () => {
  let t: TestApp;
  const sql = <T>(query: string, params: unknown[] = []) =>
    (t.orm.em.fork() as EntityManager).getConnection().execute<T[]>(query, params);

  beforeAll(async () => {
    t = await startCorpusApp({ rateLimits: false });
  });
  afterAll(() => t?.close());

  it('agrees with every agreement whose conclusion another source confirms, or records nothing', async () => {
    const rows = await sql<{ tota_id: string; concluded_by: string | null }>(
      `select tota_id, concluded_by from agreement where tota_id in (${CONFIRMED.map(() => '?').join(', ')})`,
      CONFIRMED.map((c) => c.totaId),
    );
    const read = new Map(rows.map((r) => [r.tota_id, r.concluded_by ?? null]));
    expect(CONFIRMED.map((c) => [c.totaId, read.get(c.totaId)])).toEqual(
      CONFIRMED.map((c) => [c.totaId, c.concludedBy]),
    );
  });

  it('binds Croatia by EEC-Switzerland from its entry into the EU, and by EU-Korea through its own protocol', async () => {
    const hrv = (totaId: string) =>
      sql<{ via: string; applied_from: string | null; in_force_from: string | null }>(
        `select b.via, b.applied_from, b.in_force_from from agreement_binding b join agreement a on a.id = b.agreement_id where a.tota_id = ? and b.party_code = 'HRV'`,
        [totaId],
      );
    expect(await hrv('131')).toEqual([
      { via: 'EUN', applied_from: '2013-07-01', in_force_from: '2013-07-01' },
    ]);
    // Spain (1986) by the EEC-Sweden agreement, until Sweden joined the EU on 1995-01-01 and it ended.
    const [esp] = await sql<{ applied_from: string; until: string }>(
      `select b.applied_from, b."until" from agreement_binding b join agreement a on a.id = b.agreement_id where a.tota_id = '238' and b.party_code = 'ESP'`,
    );
    expect(esp).toEqual({ applied_from: '1986-01-01', until: '1995-01-01' });
    // EU-Korea is mixed: Croatia is bound by its own protocol, listed beside the EU as acceding (its dates are
    // the protocol's, which sets them back to its entry into the EU), not by a rule on its entry.
    const [accession] = await sql<{ role: string }>(
      `select p.role from agreement_party p join agreement a on a.id = p.agreement_id where a.tota_id = '145' and p.party_code = 'HRV'`,
    );
    expect(accession).toEqual({ role: 'ACCEDED' });
    expect((await hrv('145'))[0].via).toBe('EUN');
  });

  it('counts the bindings through the EU whose dates are not known: 533 before, 340 after', async () => {
    const [count] = await sql<{ total: number; unknown: number }>(
      `select count(*) as "total",
         sum(case when not b.signatory_only and (b."until" = '0001-01-01' or (b.applied_from is null and b.in_force_from is null
           and (a.date_in_force is not null or a.date_provisionally_applied is not null or a.status = 'IN_FORCE'))) then 1 else 0 end) as "unknown"
       from agreement_binding b join agreement a on a.id = b.agreement_id where b.via = 'EUN'`,
    );
    expect({ total: Number(count.total), unknown: Number(count.unknown) }).toEqual({
      total: 1815,
      unknown: 340,
    });
    // None of them is through an agreement recorded as the bloc's alone.
    const [blocOnly] = await sql<{ n: number }>(
      `select count(*) as "n" from agreement_binding b join agreement a on a.id = b.agreement_id
       where b.via = 'EUN' and a.concluded_by = 'BLOC_ONLY' and b.applied_from is null and b.in_force_from is null and not b.signatory_only`,
    );
    expect(Number(blocOnly.n)).toBe(0);
  });
});
