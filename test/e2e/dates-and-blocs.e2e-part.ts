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
      /aucun flux enregistré sur les accords qui lient la Jamaïque au 1er janv\. 2005 \(\d+ flux sur ses autres accords\)/,
    );
    expect(jamaica).not.toContain('qui le lient');
    const jamaicaEs = await page('/parties/JAM?asOf=2005-01-01&lang=es');
    expect(jamaicaEs).toMatch(/en los acuerdos que vinculan a Jamaica el 1 ene 2005/);
    expect(jamaicaEs).not.toContain('que lo vinculan');
    expect(await page('/parties/HRV?lang=fr')).toMatch(
      /sur les accords dont on sait qu’ils lient la Croatie par l’intermédiaire du bloc/,
    );
    expect(await page('/parties/HRV?lang=es')).toMatch(
      /en los acuerdos que se sabe que vinculan a Croacia a través del bloque/,
    );
    // English keeps "it".
    expect(await page('/parties/JAM?asOf=2005-01-01')).toContain(
      'on the agreements binding it on 1 Jan 2005',
    );
  });
});
