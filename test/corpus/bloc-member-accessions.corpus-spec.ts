import { EntityManager } from '@mikro-orm/knex';
import { join } from 'node:path';
import { corpusDir } from '../../src/config';
import { importers } from '../../src/ingest/importers';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Croatia and the bloc agreements the EU signed before it joined (2013-07-01), as the ToTA import records them
 * with the fixtures: ToTA pta_105 (the EEA, signed 1992) lists Croatia among its current parties; DESTA v2.02 entry
 * 437+33 records its accession to the EEA in 2014 (it applied provisionally from 2014-04-12: Council Decision
 * 2014/343/EU). It was bound through the EU from 2013-07-01; now it is listed beside the EU as acceding, bound on
 * the EU's side on no date the corpus gives (DESTA gives a year), never from 2013-07-01, and no partner.
 */
describe('the ToTA import: a member state that acceded to a bloc agreement by its own instrument', () => {
  let t: TestApp;
  const em = () => t.orm.em.fork() as EntityManager;
  const sql = <T>(query: string, params: unknown[] = []) => em().getConnection().execute<T[]>(query, params);

  beforeAll(async () => {
    t = await startTestApp();
    await importers(t.app).tota.import({
      paths: [join(corpusDir(), 'tota', 'xml', 'pta_105.xml')],
      annotate: false,
    });
  });
  afterAll(() => t?.close());

  it('lists Croatia beside the EU in the EEA as acceding, with the DESTA entry, bound on the EU side on no known date', async () => {
    const [eea] = await sql<{ id: number; slug: string; fact_sources: string }>(
      `select id, slug, fact_sources from agreement where tota_id = '105'`,
    );
    expect(eea).toBeDefined();
    const parties = await sql<{ party_code: string; role: string; date_joined: string | null }>(
      `select party_code, role, date_joined from agreement_party where agreement_id = ? order by party_code`,
      [eea.id],
    );
    expect(parties.find((p) => p.party_code === 'HRV')).toEqual({
      party_code: 'HRV',
      role: 'ACCEDED',
      date_joined: null,
    });
    const facts = JSON.parse(eea.fact_sources) as Record<string, string>;
    expect(facts.partyDates).toContain('HRV (DESTA v2.02 entry 437+33');
    const [hrv] = await sql<{
      via: string | null;
      applied_from: string | null;
      in_force_from: string | null;
    }>(
      `select via, applied_from, in_force_from from agreement_binding where agreement_id = ? and party_code = 'HRV'`,
      [eea.id],
    );
    // It said: via EUN, applied and in force from 2013-07-01.
    expect(hrv).toEqual({ via: 'EUN', applied_from: null, in_force_from: null });
    // A member at the signature is still bound from the agreement's dates.
    const [fra] = await sql<{ via: string | null; in_force_from: string | null }>(
      `select via, in_force_from from agreement_binding where agreement_id = ? and party_code = 'FRA'`,
      [eea.id],
    );
    expect(fra).toEqual({ via: 'EUN', in_force_from: '1994-01-01' });
  });
});
