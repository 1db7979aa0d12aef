import { startTestApp, TestApp } from '../support/test-app';
import { pageText as text } from '../support/page-text';

/**
 * True statements about dates and blocs (data25): a bloc's page as of a date counts the members of that date, and the
 * flow counts name the party they are said of in the words of each language.
 */
describe('dates and blocs on the party page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });
  afterAll(() => t.close());

  const page = async (path: string) => text((await t.http().get(path).expect(200)).text);

  it("counts a bloc's members on the page's date, by the bindings' membership rule", async () => {
    // It said "27 members, and 1 former member" of the EU as of 1960: today's, and the United Kingdom (joined 1973).
    const { data } = await t.gql<{
      party: { members: { party: { code: string }; dateJoined: string | null; dateLeft: string | null }[] };
    }>('{ party(code: "EUN") { members { party { code } dateJoined dateLeft } } }');
    const members = data!.party.members;
    const founders = members.filter((m) => m.dateJoined !== null && m.dateJoined <= '1960-01-01');
    expect(founders.map((m) => m.party.code).sort()).toEqual(['BEL', 'DEU', 'FRA', 'ITA', 'LUX', 'NLD']);
    const later = members.length - founders.length;
    expect(await page('/parties/EUN?asOf=1960-01-01')).toContain(`6 members; ${later} more joined later`);
    expect(await page('/parties/EUN?asOf=1960-01-01&lang=fr')).toContain(
      `6 membres ; ${later} autres ont adhéré plus tard`,
    );
    expect(await page('/parties/EUN?asOf=1960-01-01&lang=es')).toContain(
      `6 miembros; ${later} más se adhirieron después`,
    );
    // In 2019 the United Kingdom was a member still; in 2021 it had left, and no member had joined after 2013.
    expect(await page('/parties/EUN?asOf=2019-06-01')).toContain('28 members');
    expect(await page('/parties/EUN?asOf=2021-01-01')).toContain('27 members, and 1 former member');
    expect(await page('/parties/EUN?asOf=2013-06-30')).toContain('27 members; 1 more joined later');
  });

  it('names the party the flow counts are said of, in the gender and number of its name (French, Spanish)', async () => {
    // French said "qui le lient" of every party, la Jamaïque and la Croatie included, after "Traitement préférentiel",
    // which "le" then read as; Spanish "que lo vinculan".
    const jamaica = await page('/parties/JAM?asOf=2005-01-01&lang=fr');
    expect(jamaica).toMatch(
      /aucun flux enregistré entre parties liées par l’accord au 1er janv\. 2005 \(\d+ flux en tout\)/,
    );
    expect(jamaica).not.toContain('qui le lient');
    const jamaicaEs = await page('/parties/JAM?asOf=2005-01-01&lang=es');
    expect(jamaicaEs).toMatch(/ningún flujo registrado entre partes vinculadas por el acuerdo el 1 ene 2005/);
    expect(jamaicaEs).not.toContain('que lo vinculan');
    expect(await page('/parties/HRV?lang=fr')).toMatch(
      /sur les accords dont on sait qu’ils lient la Croatie par l’intermédiaire du bloc/,
    );
    expect(await page('/parties/HRV?lang=es')).toMatch(
      /en los acuerdos que se sabe que vinculan a Croacia a través del bloque/,
    );
  });

  it('counts a flow on a date only where the agreement binds both its grantor and its beneficiary then', async () => {
    // EU - Central America applied to the EU, Honduras, Nicaragua and Panama from 2013-08-01, to Costa Rica and El
    // Salvador from 2013-10-01 and Guatemala from 2013-12-01. The EU's page as of 2013-09-01 counted its flows to all
    // six (flows have no date), and Costa Rica's counted none only because its own agreement did not bind it yet.
    const { data } = await t.gql<{
      preferentialTreatmentFlows: {
        flows: { pending: boolean; beneficiary: { code: string }; agreement: { slug: string } }[];
      };
    }>(
      '{ preferentialTreatmentFlows(filter: { grantors: ["EUN"] }) { flows { pending beneficiary { code } agreement { slug } } } }',
    );
    const all = data!.preferentialTreatmentFlows.flows;
    const notYet = new Set(['CRI', 'SLV', 'GTM']);
    const centralAmerica = all.filter((f) => f.agreement.slug === 'eu-central-america-aa');
    expect(centralAmerica.filter((f) => notYet.has(f.beneficiary.code)).length).toBeGreaterThan(0);
    // On 2013-09-01 the EPA, EU - Central America (for Honduras, Nicaragua and Panama) bound the EU; EU - Ukraine
    // (2014) did not.
    const bound = all.filter(
      (f) =>
        f.agreement.slug === 'eu-cariforum-epa' ||
        (f.agreement.slug === 'eu-central-america-aa' && !notYet.has(f.beneficiary.code)),
    );
    const count = (flows: typeof all) => {
      const pending = flows.filter((f) => f.pending).length;
      return `${flows.length - pending} flow${flows.length - pending === 1 ? '' : 's'}${pending ? `, ${pending} more awaiting review` : ''}`;
    };
    expect(await page('/parties/EUN?asOf=2013-09-01')).toContain(
      `Preferential treatment granted (${count(bound)} between parties bound by the agreement on 1 Sept 2013, of ${all.length} flows in all)`,
    );
    // France grants through the EU on the same flows that day.
    expect(await page('/parties/FRA?asOf=2013-09-01')).toContain(
      `granted through the European Union (${count(bound)} on the agreements known to bind it through the bloc, between parties bound by the agreement on 1 Sept 2013, of ${all.length} flows in all)`,
    );
    // From 2013-12-01 every Central American party is bound: all but EU - Ukraine's.
    const december = all.filter((f) => f.agreement.slug !== 'eu-ukraine-aa');
    expect(await page('/parties/EUN?asOf=2013-12-01')).toContain(
      `(${count(december)} between parties bound by the agreement on 1 Dec 2013, of ${all.length} flows in all)`,
    );
    // Honduras receives its flow on 2013-09-01; Guatemala does not, its own binding not yet started.
    expect(await page('/parties/HND?asOf=2013-09-01')).toMatch(/Preferential treatment received \(1 flow\)/);
    expect(await page('/parties/GTM?asOf=2013-09-01')).toContain(
      'Preferential treatment received: no flow recorded between parties bound by the agreement on 1 Sept 2013 (1 flow in all)',
    );
  });
});
