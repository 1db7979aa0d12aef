import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importers } from '../../src/ingest/importers';
import { writeAgreementsFile } from '../support/agreements-file';
import { startTestApp, TestApp } from '../support/test-app';
import { pageText as text } from '../support/page-text';

type Report = {
  agreements: {
    agreement: { slug: string; status: string };
    partners: { code: string }[];
  }[];
  leftOut: { slug: string; status: string }[];
  leftOutDatesUnknown: string[];
  notes: string[];
};

/**
 * The status the record carries against the status today (truth20). An agreement recorded IN_FORCE with no date of
 * signature, provisional application or entry into force binds its parties on dates nobody recorded; once its
 * termination has passed its status today is TERMINATED (`statusOn`). The bindings read the reports' facts, which
 * carried the status today only: as of a date before the termination, the report and the party page said it did not
 * bind the party ("known not to"), and a partner bound on unknown dates vanished from the partners without a word.
 */
describe('the recorded status, not the status today, decides what is not known', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'recorded-status-'));

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    const file = writeAgreementsFile(join(dir, 'undated.json'), [
      {
        slug: 'undated-ended',
        title: 'Recorded in force with no date, terminated in 2015',
        kind: 'BILATERAL',
        status: 'IN_FORCE',
        dateTerminated: '2015-01-01',
        parties: [{ code: 'CHE' }, { code: 'NZL' }],
      },
      {
        slug: 'undated-ended-own-date',
        title: 'Recorded in force, dated for one party only, terminated in 2015',
        kind: 'BILATERAL',
        status: 'IN_FORCE',
        dateTerminated: '2015-01-01',
        parties: [{ code: 'ISL', dateInForce: '2005-01-01' }, { code: 'NZL' }],
      },
      {
        slug: 'provisional-undated',
        title: 'Provisionally applied from a date not recorded',
        kind: 'BILATERAL',
        status: 'PROVISIONALLY_APPLIED',
        dateSigned: '2008-01-01',
        parties: [{ code: 'CHE' }, { code: 'NZL' }],
      },
      {
        slug: 'kenya-joined-undated',
        title: 'Switzerland, Norway and Kenya, Kenya joined on a date not recorded',
        kind: 'PLURILATERAL',
        status: 'IN_FORCE',
        dateSigned: '2010-01-01',
        dateInForce: '2011-01-01',
        parties: [{ code: 'CHE' }, { code: 'NOR' }, { code: 'KEN', role: 'ACCEDED' }],
      },
      {
        slug: 'che-alone',
        title: 'Switzerland and a partner the record does not name',
        kind: 'BILATERAL',
        status: 'IN_FORCE',
        dateSigned: '2010-01-01',
        dateInForce: '2011-01-01',
        parties: [{ code: 'CHE' }],
      },
      {
        slug: 'terminated-start-undated',
        title: 'Terminated in 2012, in force from a date not recorded',
        kind: 'BILATERAL',
        status: 'TERMINATED',
        dateSigned: '2000-01-01',
        dateTerminated: '2012-01-01',
        parties: [{ code: 'CHE' }, { code: 'NZL' }],
      },
      {
        slug: 'ended-start-undated',
        title: 'Terminated on a day not recorded, in force from a date not recorded',
        kind: 'BILATERAL',
        status: 'TERMINATED',
        dateSigned: '2000-01-01',
        parties: [{ code: 'CHE' }, { code: 'NZL' }],
      },
      {
        slug: 'between-sides',
        title: 'Applied between the EFTA States and Canada only, in force from its first date',
        kind: 'BILATERAL',
        status: 'IN_FORCE',
        dateSigned: '2008-01-26',
        dateInForce: '2009-07-01',
        parties: [
          ...['CHE', 'ISL', 'NOR'].map((code) => ({ code, side: 'EFTA States' })),
          { code: 'CAN', side: 'Canada' },
        ],
      },
      {
        slug: 'eu-begun-undated',
        title: 'The Union and New Zealand, provisionally applied from a date not recorded',
        kind: 'BILATERAL',
        status: 'PROVISIONALLY_APPLIED',
        dateSigned: '2008-01-01',
        parties: [{ code: 'EUN' }, { code: 'NZL' }],
      },
      {
        slug: 'eu-no-dates',
        title: 'The Union and Chile, in force, no date recorded at all',
        kind: 'BILATERAL',
        status: 'IN_FORCE',
        parties: [{ code: 'EUN' }, { code: 'CHL' }],
      },
      {
        slug: 'withdrawn-ended-undated',
        title: 'Left by Singapore in 2005, ended on a day not recorded',
        kind: 'PLURILATERAL',
        status: 'TERMINATED',
        dateSigned: '2000-01-01',
        dateInForce: '2001-01-01',
        parties: [{ code: 'SGP', dateWithdrawn: '2005-01-01' }, { code: 'NZL' }, { code: 'AUS' }],
      },
    ]);
    const summary = await importers(t.app).json.import({ paths: [file] });
    expect(summary.imported).toBe(11);
  });
  afterAll(() => t.close());

  const report = async (party: string, asOf: string) => {
    const res = await t.gql<{ coherenceReport: Report }>(
      `query($party: String!, $asOf: LocalDate) { coherenceReport(party: $party, asOf: $asOf) {
        agreements { agreement { slug status } partners { code } } leftOut { slug status } leftOutDatesUnknown notes } }`,
      { party, asOf },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.coherenceReport;
  };

  it('says whether it bound the party before its termination is not known, not that it did not', async () => {
    const before = await report('CHE', '2010-06-01');
    expect(before.leftOutDatesUnknown).toContain('undated-ended');
    expect(before.notes.join(' ')).not.toMatch(
      /not binding it on that date[^.]*: Recorded in force with no date/,
    );
    // After its termination it binds no one: known.
    const after = await report('CHE', '2016-01-01');
    expect(after.leftOut.map((a) => a.slug)).toContain('undated-ended');
    expect(after.leftOutDatesUnknown).not.toContain('undated-ended');
  });

  it('names a partner bound on dates not recorded, before the termination', async () => {
    const before = await report('ISL', '2010-06-01');
    const row = before.agreements.find((a) => a.agreement.slug === 'undated-ended-own-date');
    expect(row).toBeDefined();
    expect(row!.partners).toEqual([]);
    expect(before.notes.join(' ')).toMatch(
      /New Zealand \(NZL\)[^.]*Recorded in force, dated for one party only/,
    );
  });

  it('says an original partner of an agreement begun on a day no source gives did not join it late, in every language', async () => {
    // New Zealand is an original party; the agreement's own start is not recorded (Iceland's is).
    const notes = (await report('ISL', '2010-06-01')).notes.join(' ');
    expect(notes).toMatch(
      /Original parties for which an agreement began to apply on a date no source gives[^:]*: New Zealand \(NZL\) in Recorded in force, dated for one party only/,
    );
    expect(notes).not.toMatch(/Parties that joined an agreement[^:]*: New Zealand/);
    for (const [lang, started, joined] of [
      ['FR', 'Les parties originelles à l’égard desquelles un accord a commencé', 'ont rejoint un accord'],
      [
        'ES',
        'Las partes originarias respecto de las cuales un acuerdo comenzó',
        'se adhirieron a un acuerdo',
      ],
    ]) {
      const res = await t.gql<{ coherenceReport: { notes: string[] } }>(
        `query($language: ReportLanguage!) { coherenceReport(party: "ISL", asOf: "2010-06-01", language: $language) { notes } }`,
        { language: lang },
      );
      expect(res.errors).toBeUndefined();
      const said = res.data!.coherenceReport.notes.join(' ');
      expect(said).toMatch(new RegExp(`${started}[^:]*: [^.]*\\(NZL\\)`));
      expect(said).not.toContain(joined);
    }
    // A partner that acceded on a day no source gives still joined it.
    const norway = (await report('NOR', '2015-06-01')).notes.join(' ');
    expect(norway).toMatch(
      /Parties that joined an agreement on a date not recorded[^:]*: Kenya \(KEN\) in Switzerland, Norway and Kenya/,
    );
    expect(norway).not.toMatch(/Original parties for which[^:]*: Kenya/);
  });

  it('says an agreement ended on a day no source gives ended then, in the GraphQL lists, the notes and the page alike', async () => {
    // Its start is not recorded either: one reason is said, the end, and the lists share no agreement.
    const res = await t.gql<{
      coherenceReport: {
        leftOutEndedUndated: string[];
        leftOutStartedUndated: string[];
        leftOutLeftUndated: string[];
        notes: string[];
      };
    }>(
      `{ coherenceReport(party: "CHE", asOf: "2010-06-01") { leftOutEndedUndated leftOutStartedUndated leftOutLeftUndated notes } }`,
    );
    expect(res.errors).toBeUndefined();
    const r = res.data!.coherenceReport;
    expect(r.leftOutEndedUndated).toEqual(['ended-start-undated']);
    expect(r.leftOutStartedUndated).not.toContain('ended-start-undated');
    expect(r.leftOutStartedUndated).toContain('provisional-undated');
    expect(r.leftOutLeftUndated).toEqual([]);
    expect(r.notes.join(' ')).toMatch(
      /ended on a date no source gives[^.]*: Terminated on a day not recorded, in force from a date not recorded/,
    );
    expect(r.notes.join(' ')).not.toMatch(
      /began to apply on a date no source gives[^.]*Terminated on a day not recorded/,
    );
    const page = text((await t.http().get('/parties/CHE?asOf=2010-06-01').expect(200)).text);
    expect(page).toMatch(
      /Terminated on a day not recorded, in force from a date not recorded[^·]*· ended on a date no source gives/,
    );
  });

  it("does not say the first date of an agreement applied between sides may not be its lone party's own (truth21)", async () => {
    // The agreement applies only between the EFTA States and Canada: it first applied between Canada and one of
    // them, so 2009-07-01 is Canada's own date, though Norway's may be later.
    const title = 'Applied between the EFTA States and Canada only, in force from its first date';
    const firstDates = (notes: string[]) =>
      notes.find((n) => n.includes('no date of its own is recorded')) ?? '';
    expect(firstDates((await report('CAN', '2020-01-01')).notes)).not.toContain(title);
    const norway = firstDates((await report('NOR', '2020-01-01')).notes);
    expect(norway).toContain(title);
    // Its sides are two, recorded: it has three parties or more.
    expect(norway).toContain('of three or more parties');
    const page = text((await t.http().get('/parties/CAN?asOf=2020-01-01').expect(200)).text);
    expect(page).toContain(title);
    expect(page).not.toMatch(new RegExp(`${title}[^·]*· [^·]*the agreement's first date`));
  });

  it("says a bloc's agreement begun on a day no source gives began then for a member at its signature, and was joined by a later one (truth21)", async () => {
    const lists = async (party: string, asOf: string) => {
      const res = await t.gql<{
        coherenceReport: { leftOutDatesUnknown: string[]; leftOutStartedUndated: string[]; notes: string[] };
      }>(
        `query($party: String!, $asOf: LocalDate) { coherenceReport(party: $party, asOf: $asOf) {
          leftOutDatesUnknown leftOutStartedUndated notes } }`,
        { party, asOf },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.coherenceReport;
    };
    // France, a member since 1958, bound through the Union: the agreement began on an unrecorded day.
    const france = await lists('FRA', '2010-06-01');
    expect(france.leftOutStartedUndated).toContain('eu-begun-undated');
    expect(france.notes.join(' ')).not.toMatch(
      /joined (it|them) on a date not recorded[^.]*The Union and New Zealand/,
    );
    const page = text((await t.http().get('/parties/FRA?asOf=2010-06-01').expect(200)).text);
    expect(page).toMatch(/The Union and New Zealand[^·]*· applied from a date no source gives/);
    // Croatia joined the Union in 2013, after the signature: it joined the agreement on a day no source gives.
    const croatia = await lists('HRV', '2014-01-01');
    expect(croatia.leftOutDatesUnknown).toContain('eu-begun-undated');
    expect(croatia.leftOutStartedUndated).not.toContain('eu-begun-undated');
  });

  const undatedLists = async (party: string, asOf: string) => {
    const res = await t.gql<{
      coherenceReport: {
        leftOut: { slug: string }[];
        leftOutDatesUnknown: string[];
        leftOutStartedUndated: string[];
        leftOutEndedUndated: string[];
        notes: string[];
      };
    }>(
      `query($party: String!, $asOf: LocalDate) { coherenceReport(party: $party, asOf: $asOf) {
        leftOut { slug } leftOutDatesUnknown leftOutStartedUndated leftOutEndedUndated notes } }`,
      { party, asOf },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.coherenceReport;
  };

  it("says a bloc's agreement with no date recorded at all began on a day no source gives, not that a member joined it late (truth22)", async () => {
    // No signature is recorded: whether France (a member since 1958) or Croatia (since 2013) was a member when the
    // Union concluded it is not known, so neither is said to have joined it late; the agreement began on an
    // unrecorded day.
    for (const [party, asOf, page] of [
      ['FRA', '2010-06-01', 'applied from a date no source gives'],
      ['HRV', '2014-01-01', 'applied from a date no source gives'],
    ] as const) {
      const r = await undatedLists(party, asOf);
      expect(r.leftOutDatesUnknown).toContain('eu-no-dates');
      expect(r.leftOutStartedUndated).toContain('eu-no-dates');
      expect(r.notes.join(' ')).not.toMatch(
        /joined (it|them) on a date not recorded[^.]*The Union and Chile/,
      );
      expect(r.notes.join(' ')).toMatch(/began to apply on a date no source gives[^.]*The Union and Chile/);
      const html = text((await t.http().get(`/parties/${party}?asOf=${asOf}`).expect(200)).text);
      expect(html).toMatch(
        new RegExp(`The Union and Chile, in force, no date recorded at all[^·]*· ${page}`),
      );
    }
    // Before Croatia joined the Union, known not bound through it.
    const before = await undatedLists('HRV', '2012-01-01');
    expect(before.leftOutDatesUnknown).not.toContain('eu-no-dates');
  });

  it('says a party that withdrew on a known day from an agreement ended on an unrecorded day is not bound after its withdrawal (truth22)', async () => {
    const slug = 'withdrawn-ended-undated';
    // Before the withdrawal: the agreement may have ended already, on a day no source gives.
    const before = await undatedLists('SGP', '2003-01-01');
    expect(before.leftOutDatesUnknown).toContain(slug);
    expect(before.leftOutEndedUndated).toContain(slug);
    // From the withdrawal on: known not bound, whenever the agreement ended.
    const after = await undatedLists('SGP', '2006-01-01');
    expect(after.leftOut.map((a) => a.slug)).toContain(slug);
    expect(after.leftOutDatesUnknown).not.toContain(slug);
    expect(after.notes.join(' ')).toMatch(/not binding it on that date[^.]*Left by Singapore in 2005/);
    const page = text((await t.http().get('/parties/SGP?asOf=2006-01-01').expect(200)).text);
    expect(page).toMatch(/Left by Singapore in 2005, ended on a day not recorded[^·]*· [^·]*not binding SGP/);
    // The others are still not known to be bound on that day (the end is not recorded).
    expect((await undatedLists('NZL', '2006-01-01')).leftOutEndedUndated).toContain(slug);
  });

  it('says the same in the report files and on the party page', async () => {
    const json = (await t.http().get('/reports/coherence/CHE.json?asOf=2010-06-01').expect(200)).body as {
      notes: string[];
    };
    expect(json.notes.join(' ')).toMatch(/Recorded in force with no date, terminated in 2015/);
    // The status as recorded is the rule's, not the file's.
    expect(JSON.stringify(json)).not.toContain('recordedStatus');
    expect(json.notes.join(' ')).not.toMatch(
      /not binding it on that date[^.]*: Recorded in force with no date/,
    );
    const page = text((await t.http().get('/parties/CHE?asOf=2010-06-01').expect(200)).text);
    expect(page).toMatch(
      /Recorded in force with no date, terminated in 2015[^·]*· applied from a date no source gives/,
    );
    expect(page).not.toMatch(/Recorded in force with no date, terminated in 2015[^·]*· not binding CHE/);
  });

  it('says an agreement begun on a day no source gives began then, not that an original party joined it late', async () => {
    const notes = (await report('CHE', '2010-06-01')).notes.join(' ');
    for (const title of [
      'Recorded in force with no date, terminated in 2015',
      'Provisionally applied from a date not recorded',
      'Terminated in 2012, in force from a date not recorded',
    ])
      expect(notes).toMatch(new RegExp(`began to apply on a date no source gives[^]*${title}`));
    expect(notes).not.toMatch(/joined (it|them) on a date not recorded/);
    const page = text((await t.http().get('/parties/CHE?asOf=2010-06-01').expect(200)).text);
    expect(page).not.toContain('joined by CHE on a date not recorded');
    expect(page).toMatch(
      /Provisionally applied from a date not recorded[^·]*· applied from a date no source gives/,
    );
    const fr = text((await t.http().get('/parties/CHE?asOf=2010-06-01&lang=fr').expect(200)).text);
    expect(fr).toContain('appliqué depuis une date qu’aucune source ne donne');
    expect(fr).not.toContain('adhésion de CHE à une date non enregistrée');
    // A party that did join on a day no source gives is still said to have joined.
    const kenya = (await report('KEN', '2015-06-01')).notes.join(' ');
    expect(kenya).toMatch(/joined it on a date not recorded[^]*Kenya joined on a date not recorded/);
  });

  it("heads the evidence's review status as today's, in every language and format, whatever the report's date", async () => {
    const headers = {
      en: 'Review status today',
      fr: 'État de la relecture aujourd’hui',
      es: 'Estado de la revisión hoy',
    };
    for (const [lang, header] of Object.entries(headers)) {
      const query = `asOf=2019-06-01&lang=${lang}`;
      const md = (await t.http().get(`/reports/coherence/CAN.md?${query}`).expect(200)).text;
      const evidenceHeader = md
        .split('\n')
        .find(
          (line) =>
            line.includes('| Pinpoint |') ||
            line.includes('| Référence |') ||
            line.includes('| Referencia |'),
        );
      expect(evidenceHeader).toContain(`| ${header} |`);
      const html = text((await t.http().get(`/reports/coherence/CAN.html?${query}`).expect(200)).text);
      expect(html).toContain(header);
      const json = (await t.http().get(`/reports/coherence/CAN.json?${query}`).expect(200)).body as {
        sections: { id: string; table?: { columns: { key: string; label: string }[] } }[];
      };
      const evidence = json.sections.find((x) => x.id === 'evidence')!;
      expect(evidence.table!.columns.find((c) => c.key === 'status')!.label).toBe(header);
    }
  });

  it('says whether an agreement applied from a date not recorded bound the party is not known, after its signature only', async () => {
    // Provisionally applied, or terminated, with no date of application or entry into force recorded: it applied on
    // days nobody recorded, never before its signature, never after its termination.
    for (const [slug, unknownOn, knownNotOn] of [
      ['provisional-undated', ['2010-06-01', '2026-01-01'], ['2007-06-01']],
      ['terminated-start-undated', ['2010-06-01'], ['1999-06-01', '2013-06-01']],
    ] as const) {
      for (const date of unknownOn) expect((await report('CHE', date)).leftOutDatesUnknown).toContain(slug);
      for (const date of knownNotOn) {
        const r = await report('CHE', date);
        expect(r.leftOut.map((a) => a.slug)).toContain(slug);
        expect(r.leftOutDatesUnknown).not.toContain(slug);
      }
    }
    const page = text((await t.http().get('/parties/CHE?asOf=2010-06-01').expect(200)).text);
    expect(page).not.toMatch(/Provisionally applied from a date not recorded[^·]*· not binding CHE/);
    expect(page).not.toMatch(/Terminated in 2012, in force from a date not recorded[^·]*· not binding CHE/);
  });

  it('does not say a developed party has no developing partner where one is bound on days not recorded', async () => {
    const res = await t.gql<{
      coherenceReport: {
        agreements: {
          agreement: { slug: string };
          checks: { ruleId: string; outcome: string; message: string }[];
        }[];
      };
    }>(
      `{ coherenceReport(party: "CHE", asOf: "2015-06-01") { agreements { agreement { slug } checks { ruleId outcome message } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const row = res.data!.coherenceReport.agreements.find(
      (a) => a.agreement.slug === 'kenya-joined-undated',
    )!;
    const check = row.checks.find((c) => c.ruleId === 'G18.2/no-preferential-treatment')!;
    expect(check.outcome).toBe('UNKNOWN');
    expect(check.message).toContain('Kenya (KEN)');
    expect(check.message).not.toContain('No developing-country partner');
    // A record that names no partner says nothing of the partners: neither "no developing partner" nor "every
    // partner is a Party".
    const alone = res.data!.coherenceReport.agreements.find((a) => a.agreement.slug === 'che-alone')!;
    const outcome = (rule: string) => alone.checks.find((c) => c.ruleId === rule)!;
    expect(outcome('G18.2/no-preferential-treatment')).toMatchObject({
      outcome: 'UNKNOWN',
      message: expect.stringContaining('records no party of the other side'),
    });
    expect(outcome('INFO/partners-not-convention-parties').outcome).toBe('UNKNOWN');
    expect(outcome('INFO/partners-not-convention-parties').message).not.toContain('Every partner');
  });
});
