import { Role } from '../../src/auth/role.enum';
import { startTestApp, TestApp } from '../support/test-app';
import { pageText as text } from '../support/page-text';
import { readCsvTable } from '../support/download-readers';

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
    // The link opens the flows counted: those agreements, those beneficiaries.
    const eu2013 = (await t.http().get('/parties/EUN?asOf=2013-09-01').expect(200)).text;
    const href = /href="(\/flows\?grantors=EUN[^"]*)">Preferential treatment granted/
      .exec(eu2013)![1]
      .replace(/&amp;/g, '&');
    const linked = new URL(href, 'http://x').searchParams.get('beneficiaries')!.split(',');
    for (const code of notYet) expect(linked).not.toContain(code);
    const flowsPage = text((await t.http().get(href).expect(200)).text);
    expect(/(\d+) flows?/.exec(flowsPage)![1]).toBe(String(bound.filter((f) => !f.pending).length));
    // France grants through the EU on the same flows that day.
    expect(await page('/parties/FRA?asOf=2013-09-01')).toContain(
      `granted through the European Union (${count(bound)} on the agreements known to bind France through the bloc, between parties bound by the agreement on 1 Sept 2013, of ${all.length} flows in all)`,
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

  it('says a date that is a bound "on or before" wherever it is printed, and never that the party was or was not bound before it', async () => {
    // AANZFTA's 2011-02-01 for Cambodia is a bound (fixtures/agreements/aanzfta.json): it was shown as its day, and
    // the page as of 2011-01-15 said "not binding KHM", which no source says.
    const today = await page('/parties/KHM');
    expect(today).toMatch(
      /AANZFTA 27 Feb 2009 in force · in force for KHM on or before 1 Feb 2011 \(its own day is not recorded\)/,
    );
    expect(await page('/parties/KHM?lang=fr')).toContain(
      'en vigueur pour KHM le 1er févr. 2011 au plus tard',
    );
    expect(await page('/parties/KHM?lang=es')).toContain('en vigor para KHM el 1 feb 2011 a más tardar');
    const before = await page('/parties/KHM?asOf=2011-01-15');
    expect(before).toContain(
      'in force for KHM on or before 1 Feb 2011, its own day not recorded: whether it bound KHM on 15 Jan 2011 is not known',
    );
    expect(before).not.toMatch(/AANZFTA 27 Feb 2009 in force · not binding/);
    // The agreement's page lists its parties' dates: the same bound (review25: it printed "1 Feb 2011" as the day).
    const agreementPage = await page('/agreements/aanzfta');
    expect(agreementPage).toMatch(
      /Cambodia KHM original – on or before 1 Feb 2011 \(its own day is not recorded\)/,
    );
    expect(agreementPage).toContain('Australia AUS original – 1 Jan 2010 –');
    expect(await page('/agreements/aanzfta?lang=fr')).toContain('le 1er févr. 2011 au plus tard');
    // Before AANZFTA applied to anyone (2010-01-01), known not bound.
    expect(await page('/parties/KHM?asOf=2009-06-01')).toMatch(
      /AANZFTA 27 Feb 2009 in force · not binding KHM on 1 Jun 2009/,
    );
    // The coherence report, every language and format.
    const notes = {
      en: 'AANZFTA (on or before 2011-02-01)',
      fr: 'AANZFTA (le 1er févr. 2011 au plus tard)',
      es: 'AANZFTA (el 1 feb 2011 a más tardar)',
    };
    for (const [lang, item] of Object.entries(notes))
      for (const format of ['md', 'html', 'json']) {
        const file = (await t.http().get(`/reports/coherence/KHM.${format}?lang=${lang}`).expect(200)).text;
        expect({ lang, format, has: file.includes(item) }).toEqual({ lang, format, has: true });
      }
    // The agreements table says which date is a bound, in a column of its own.
    const table = readCsvTable(
      (await t.http().get('/reports/coherence/KHM.csv?section=agreements').expect(200)).text,
    );
    const bound = "Date is a bound: in force on or before it (the party's own day not recorded)";
    expect(table.header).toContain(bound);
    expect(table.records.find((r) => r.Agreement === 'AANZFTA')?.[bound]).toBe('true');
    expect(table.records.find((r) => r.Agreement === 'RCEP')?.[bound]).toBe('false');
    const json = (await t.http().get('/reports/coherence/KHM.json').expect(200)).body as {
      notes: string[];
      agreements: { agreement: { slug: string }; appliedFrom: string; appliedFromPrecision: string }[];
    };
    expect(json.notes.join(' ')).toContain(
      'the date given for Cambodia is a bound the sources agree on, not its own day, which none gives: it was in force for Cambodia on or before that date',
    );
    const earlier = (await t.http().get('/reports/coherence/KHM.json?asOf=2011-01-15').expect(200)).body as {
      notes: string[];
    };
    expect(earlier.notes.join(' ')).toContain(
      // After RCEP's list (not binding then), "other ... as well", as the other lists read.
      '1 other agreement of Cambodia is left out as well, as not known to bind Cambodia on that date: in force for Cambodia on or before a later day the sources give, its own day not recorded: AANZFTA (on or before 2011-02-01)',
    );
    expect(earlier.notes.join(' ')).not.toMatch(/not binding it on that date[^.]*AANZFTA/);
    // GraphQL: the report's agreement, its left-out list, the agreement's parties.
    const res = await t.gql<{
      coherenceReport: {
        agreements: { agreement: { slug: string }; appliedFrom: string; appliedFromPrecision: string }[];
      };
      earlier: { leftOutInForceBy: { slug: string; date: string }[]; leftOutDatesUnknown: string[] };
      agreement: {
        parties: {
          party: { code: string };
          inForceFrom: string | null;
          inForceFromPrecision: string | null;
          dateInForcePrecision: string;
        }[];
      };
    }>(`{ coherenceReport(party: "KHM") { agreements { agreement { slug } appliedFrom appliedFromPrecision } }
      earlier: coherenceReport(party: "KHM", asOf: "2011-01-15") { leftOutInForceBy { slug date } leftOutDatesUnknown }
      agreement(slug: "aanzfta") { parties { party { code } inForceFrom inForceFromPrecision dateInForcePrecision } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.coherenceReport.agreements).toContainEqual({
      agreement: { slug: 'aanzfta' },
      appliedFrom: '2011-02-01',
      appliedFromPrecision: 'AT_LATEST',
    });
    expect(res.data!.earlier.leftOutInForceBy).toEqual([{ slug: 'aanzfta', date: '2011-02-01' }]);
    expect(res.data!.earlier.leftOutDatesUnknown).toContain('aanzfta');
    const parties = new Map(res.data!.agreement.parties.map((p) => [p.party.code, p]));
    expect(parties.get('KHM')).toMatchObject({
      inForceFrom: '2011-02-01',
      inForceFromPrecision: 'AT_LATEST',
      dateInForcePrecision: 'AT_LATEST',
    });
    expect(parties.get('LAO')).toMatchObject({ inForceFromPrecision: 'AT_LATEST' });
    expect(parties.get('IDN')).toMatchObject({ inForceFrom: '2012-01-10', inForceFromPrecision: 'EXACT' });
    // The agreements CSV says the precision beside the date.
    const csv = readCsvTable(
      (await t.http().get('/exports/agreements.csv?parties=KHM,IDN').expect(200)).text,
    ).records;
    const row = (party: string) => csv.find((r) => r.slug === 'aanzfta' && r.party === party)!;
    expect([row('KHM').party_in_force_from, row('KHM').party_dates_precision]).toEqual([
      '2011-02-01',
      'AT_LATEST',
    ]);
    expect([row('IDN').party_in_force_from, row('IDN').party_dates_precision]).toEqual([
      '2012-01-10',
      'EXACT',
    ]);
    // A partner's bound, in another party's report: Cambodia is no partner of Australia's on 2011-01-15, not because it
    // joined late (it is an original party) but because its day is not known.
    const australia = (
      (await t.http().get('/reports/coherence/AUS.json?asOf=2011-01-15').expect(200)).body as {
        notes: string[];
      }
    ).notes.join(' ');
    expect(australia).toContain(
      'Parties for which an agreement was in force on or before a day the sources give, their own day not recorded, that day being later than 2011-01-15, are not counted among its partners',
    );
    expect(australia).not.toMatch(/Parties that joined an agreement on a date not recorded[^.]*Cambodia/);
    // RCEP's 2022-03-18 for Malaysia, the later of two days reported, is a bound too.
    expect(await page('/parties/MYS')).toContain('in force for MYS on or before 18 Mar 2022');
  });

  it('says "on or before" of a bound in the comparison too: its boundParties, notes, files and page, in every language', async () => {
    // The comparison's boundParties gave Cambodia's 2011-02-01 in AANZFTA as its day, with no precision, and none of
    // its files or its page said the date was a bound, where the party page and the coherence report do.
    const res = await t.gql<{
      compareAgreements: {
        notes: string[];
        agreements: {
          boundParties: { party: { code: string }; appliedFrom: string; appliedFromPrecision: string }[];
        }[];
      };
    }>(`{ compareAgreements(agreements: ["aanzfta"], language: FR) {
      notes agreements { boundParties { party { code } appliedFrom appliedFromPrecision } } } }`);
    expect(res.errors).toBeUndefined();
    const bound = new Map(
      res.data!.compareAgreements.agreements[0].boundParties.map((b) => [b.party.code, b]),
    );
    expect(bound.get('KHM')).toMatchObject({ appliedFrom: '2011-02-01', appliedFromPrecision: 'AT_LATEST' });
    expect(bound.get('LAO')).toMatchObject({ appliedFromPrecision: 'AT_LATEST' });
    expect(bound.get('AUS')).toMatchObject({ appliedFromPrecision: 'EXACT' });
    expect(res.data!.compareAgreements.notes.join(' ')).toContain(
      'Cambodge (KHM) dans AANZFTA (le 1er févr. 2011 au plus tard)',
    );
    const items = {
      en: 'Cambodia (KHM) in AANZFTA (on or before 2011-02-01)',
      fr: 'Cambodge (KHM) dans AANZFTA (le 1er févr. 2011 au plus tard)',
      es: 'Camboya (KHM) en AANZFTA (el 1 feb 2011 a más tardar)',
    };
    for (const [lang, item] of Object.entries(items))
      for (const format of ['md', 'html', 'json']) {
        const file = (
          await t.http().get(`/reports/compare.${format}?agreements=aanzfta&lang=${lang}`).expect(200)
        ).text;
        expect({ lang, format, has: file.includes(item) }).toEqual({ lang, format, has: true });
      }
    // The page (two agreements at least) says it in its notes, RCEP's Malaysia too (the later of two days reported).
    const compare = await page('/compare?agreements=aanzfta,rcep');
    expect(compare).toContain('Cambodia (KHM) in AANZFTA (on or before 2011-02-01)');
    expect(compare).toContain('Malaysia (MYS) in RCEP (on or before 2022-03-18)');
  });

  it("says Chile - Colombia's 11 May 2009 is a bound, and gives Korea its own DEPA date (data26)", async () => {
    // The sources give 8 or 11 May 2009 (fixtures/agreements/chile-colombia-fta.json): the later day was recorded as
    // the agreement's, printed as its day, and the party pages said "not binding" COL before it.
    const col = await page('/parties/COL');
    expect(col).toMatch(
      /Chile-Colombia FTA 27 Nov 2006 in force · in force for COL on or before 11 May 2009 \(its own day is not recorded\)/,
    );
    const before = await page('/parties/COL?asOf=2009-05-09');
    expect(before).toContain('whether it bound COL on 9 May 2009 is not known');
    expect(before).not.toMatch(/Chile-Colombia FTA 27 Nov 2006 in force · not binding/);
    const agreementPage = await page('/agreements/chile-colombia-fta');
    expect(agreementPage).toMatch(
      /In force between 8 May 2009 and 11 May 2009 \(its own day is not recorded\)/,
    );
    expect(agreementPage).toMatch(/Chile CHL original – on or before 11 May 2009/);
    const french = await page('/agreements/chile-colombia-fta?lang=fr');
    expect(french).toMatch(/entre le 8 mai 2009 et le 11 mai 2009/);
    expect(french).toMatch(/le 11 mai 2009 au plus tard/);
    expect(await page('/agreements/chile-colombia-fta?lang=es')).toMatch(
      /entre el 8 may 2009 y el 11 may 2009/,
    );
    // A date that is the day stays one (AANZFTA's 1 January 2010, Australia's among others).
    expect(await page('/agreements/aanzfta')).not.toMatch(/In force (on or before|between)/);
    // Before 8 May 2009, in no source in force: known not bound.
    expect(await page('/parties/COL?asOf=2009-05-07')).toMatch(
      /Chile-Colombia FTA 27 Nov 2006 in force · not binding COL on 7 May 2009/,
    );
    // The coherence report and the agreements CSV.
    const res = await t.gql<{
      coherenceReport: {
        agreements: { agreement: { slug: string }; appliedFrom: string; appliedFromPrecision: string }[];
      };
      depa: {
        parties: { party: { code: string }; dateInForce: string | null; inForceFrom: string | null }[];
      };
    }>(`{ coherenceReport(party: "COL") { agreements { agreement { slug } appliedFrom appliedFromPrecision } }
      depa: agreement(slug: "depa") { parties { party { code } dateInForce inForceFrom } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.coherenceReport.agreements).toContainEqual({
      agreement: { slug: 'chile-colombia-fta' },
      appliedFrom: '2009-05-11',
      appliedFromPrecision: 'AT_LATEST',
    });
    const csv = readCsvTable(
      (await t.http().get('/exports/agreements.csv?parties=COL,CHL&slugs=chile-colombia-fta').expect(200))
        .text,
    ).records;
    expect(csv.map((r) => [r.party, r.party_in_force_from, r.party_dates_precision]).sort()).toEqual([
      ['CHL', '2009-05-11', 'AT_LATEST'],
      ['COL', '2009-05-11', 'AT_LATEST'],
    ]);
    // DEPA: Korea's own date of entry into force is recorded (it had its accession's day only).
    expect(res.data!.depa.parties.find((p) => p.party.code === 'KOR')).toEqual({
      party: { code: 'KOR' },
      dateInForce: '2024-05-03',
      inForceFrom: '2024-05-03',
    });
  });

  it('refuses a bound with no date, naming the field', async () => {
    const admin = await t.createKey(Role.ADMIN, 'admin');
    const res = await t.gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
      {
        input: {
          slug: 'bound-without-date',
          title: 'A bound without a date',
          kind: 'BILATERAL',
          status: 'IN_FORCE',
          dateSigned: '2009-02-27',
          dateInForce: '2010-01-01',
          parties: [{ code: 'KHM', dateInForcePrecision: 'AT_LATEST' }, { code: 'LAO' }],
        },
      },
      { key: admin },
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('AT_LATEST is given without dateInForce');
  });
});
