import { RecordCoverage } from '../../agreements/agreement.enums';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { normalizeWhitespace, parseTota, TotaParseError } from './parse-tota';
import { totaProvisions } from './tota-provisions';
import { totaRecord, withSides } from '../tota-record';
import { computeBindings } from '../../bindings/binding';
import { bindingRow } from '../../../test/support/binding-rows';
import { sidesOf } from './agreement-sides';
import { partyEntriesIntoForce, TotaMetaCorrection } from './meta-corrections';

// Invented treaty between two invented partners; the wording is ours.
function treatyXml(options: { meta?: string; body?: string; identifier?: string } = {}): string {
  const identifier = options.identifier ?? '<treaty_identifier>901</treaty_identifier>';
  return `<?xml version="1.0" encoding="UTF-8"?>
<treaty>
  <meta>
    <name>Atlantis - Lemuria</name>
    <type>Free Trade Agreement &amp; Economic Integration Agreement</type>
    <wto_rta_id>77</wto_rta_id>
    ${identifier}
    <status>In Force</status>
    <notification>GATT Art. XXIV &amp; GATS Art. V</notification>
    <date_signed>2012-02-29</date_signed>
    <date_into_force>2013-01-01</date_into_force>
    <date_notification/>
    <end_implementation></end_implementation>
    <date_inactive/>
    ${options.meta ?? ''}
    <parties_original>
      <partyisocode n="2">LEM</partyisocode>
      <partyisocode n="1">ATL</partyisocode>
    </parties_original>
    <parties>
      <partyisocode n="1">ATL</partyisocode>
    </parties>
    <composition>Bilateral</composition>
    <region>Europe; South America</region>
    <parties_wto>Yes</parties_wto>
    <crossregional>No</crossregional>
    <language>en</language>
    <source lang="en" type="full text">https://example.org/atl-lem.pdf</source>
    <source lang="es" type="annex">https://example.org/anexos.html</source>
    <related_agreement_wto_id n="1">12</related_agreement_wto_id>
  </meta>
  <body>
    ${
      options.body ??
      `<chapter name="Preamble" chapter_identifier="1">
      <article article_identifier="10">The two partners, wishing to trade more, agree as follows:</article>
    </chapter>
    <chapter number="CHAPTER 1" name="General Provisions" chapter_identifier="2">
      <article number="ARTICLE 1.1" name="Objectives" article_identifier="11">1. The aims are
to trade&#160;more\u00a0and better.  2. Fair &amp; open trade.</article>
      <article number="ARTICLE 1.2" article_identifier="12"></article>
    </chapter>`
    }
  </body>
</treaty>`;
}

describe('parseTota', () => {
  it('maps every meta field', () => {
    const treaty = parseTota(treatyXml(), 'pta_901.xml');
    expect(treaty).toMatchObject({
      fileName: 'pta_901.xml',
      treatyIdentifier: '901',
      name: 'Atlantis - Lemuria',
      type: 'Free Trade Agreement & Economic Integration Agreement',
      wtoRtaId: '77',
      status: 'In Force',
      notification: 'GATT Art. XXIV & GATS Art. V',
      dateSigned: '2012-02-29',
      dateIntoForce: '2013-01-01',
      dateNotification: null,
      endImplementation: null,
      dateInactive: null,
      partiesOriginal: ['ATL', 'LEM'],
      parties: ['ATL'],
      composition: 'Bilateral',
      region: 'Europe; South America',
      regions: ['Europe', 'South America'],
      partiesWto: true,
      crossregional: false,
      language: 'en',
      relatedAgreementWtoIds: ['12'],
    });
    expect(treaty.sources).toEqual([
      { url: 'https://example.org/atl-lem.pdf', lang: 'en', type: 'full text' },
      { url: 'https://example.org/anexos.html', lang: 'es', type: 'annex' },
    ]);
  });

  it('maps chapters and articles and keeps article text as written', () => {
    const treaty = parseTota(treatyXml(), 'pta_901.xml');
    expect(treaty.chapters.map((c) => [c.chapterIdentifier, c.number, c.name, c.order])).toEqual([
      ['1', null, 'Preamble', 0],
      ['2', 'CHAPTER 1', 'General Provisions', 1],
    ]);
    const [objectives, empty] = treaty.chapters[1].articles;
    expect(objectives).toEqual({
      articleIdentifier: '11',
      number: 'ARTICLE 1.1',
      name: 'Objectives',
      text: '1. The aims are\nto trade\u00a0more\u00a0and better.  2. Fair & open trade.',
      order: 1,
    });
    expect(empty).toMatchObject({ articleIdentifier: '12', number: 'ARTICLE 1.2', name: null, text: '' });
  });

  it('turns the Preamble pseudo-chapter into PREAMBLE provisions', () => {
    const provisions = totaProvisions(parseTota(treatyXml(), 'pta_901.xml'));
    expect(provisions.map((p) => [p.ref, p.location, p.chapterTitle, p.articleNumber])).toEqual([
      ['10', ProvisionLocation.PREAMBLE, 'Preamble', null],
      ['11', ProvisionLocation.OPERATIVE, 'General Provisions', 'ARTICLE 1.1'],
      ['12', ProvisionLocation.OPERATIVE, 'General Provisions', 'ARTICLE 1.2'],
    ]);
  });

  it('keeps a numbered article that ToTA files in the Preamble pseudo-chapter operative, in no chapter', () => {
    const body = `<chapter name="Preamble" chapter_identifier="1">
      <article number="ARTICLE 1" article_identifier="20">1. An association is hereby established.</article>
      <article number="ARTICLE 2" name="Basic Duties" article_identifier="21">The Parties shall reduce duties.</article>
    </chapter>`;
    const provisions = totaProvisions(parseTota(treatyXml({ body }), 'pta_901.xml'));
    expect(
      provisions.map((p) => [p.ref, p.location, p.chapterNumber, p.chapterTitle, p.articleNumber]),
    ).toEqual([
      ['20', ProvisionLocation.OPERATIVE, null, null, 'ARTICLE 1'],
      ['21', ProvisionLocation.OPERATIVE, null, null, 'ARTICLE 2'],
    ]);
  });

  it('accepts a treaty without any chapter', () => {
    expect(parseTota(treatyXml({ body: '' }), 'x.xml').chapters).toEqual([]);
  });

  describe('rejects', () => {
    const reasonOf = (xml: string): string => {
      try {
        parseTota(xml, 'broken.xml');
      } catch (error) {
        expect(error).toBeInstanceOf(TotaParseError);
        expect((error as TotaParseError).fileName).toBe('broken.xml');
        return (error as TotaParseError).reason;
      }
      throw new Error('expected a TotaParseError');
    };

    it('a truncated file', () => {
      const xml = treatyXml();
      expect(reasonOf(xml.slice(0, xml.indexOf('</article>') + 4))).toMatch(/invalid XML/);
      expect(reasonOf(xml.slice(0, xml.length - 12))).toMatch(/invalid XML/);
    });

    it('a file cut short inside its elements, naming those left open at its last line', () => {
      // The validator said "at line 1, column 1: Invalid '[    "treaty",    "body",    "chapter"]' found."
      const xml = treatyXml();
      const cut = xml.slice(0, xml.indexOf('</article>'));
      const lastLine = cut.split('\n').length;
      expect(reasonOf(cut)).toBe(
        `invalid XML: the file ends at line ${lastLine} with <treaty>, <body>, <chapter>, <article> still open (cut short?)`,
      );
    });

    it('a missing or empty treaty identifier', () => {
      expect(reasonOf(treatyXml({ identifier: '' }))).toMatch(/treaty_identifier/);
      expect(reasonOf(treatyXml({ identifier: '<treaty_identifier/>' }))).toMatch(/treaty_identifier/);
    });

    it('an article without identifier', () => {
      const body =
        '<chapter name="Preamble" chapter_identifier="1"><article number="I">Text.</article></chapter>';
      expect(reasonOf(treatyXml({ body }))).toMatch(/no article_identifier/);
    });

    it('impossible dates', () => {
      const withDate = (date: string) => treatyXml().replace('2012-02-29', date);
      expect(reasonOf(withDate('2013-13-45'))).toMatch(/date_signed.*impossible date "2013-13-45"/);
      expect(reasonOf(withDate('2013-02-30'))).toMatch(/impossible date "2013-02-30"/);
      expect(reasonOf(withDate('2100-02-29'))).toMatch(/impossible date/);
      expect(reasonOf(withDate('13 March 2013'))).toMatch(/malformed date/);
    });

    it('a file without a treaty root', () => {
      expect(reasonOf('<agreement><meta/></agreement>')).toMatch(/no <treaty> root/);
    });
  });
});

describe('normalizeWhitespace', () => {
  it('folds non-breaking spaces and line breaks into single spaces', () => {
    expect(normalizeWhitespace('  cultural\u00a0\u00a0industries\r\nare\u2028 out \t ')).toBe(
      'cultural industries are out',
    );
  });
});

describe('ToTA meta corrected against the treaty text', () => {
  it("holds no provisions of a file whose body is another agreement's text, and says why", () => {
    // ToTA pta_206 (EC - Algeria, 1976) holds the 2002 association agreement's text: as the earliest text of
    // the Euro-Mediterranean clauses, it was named the template of their families.
    const body = `<chapter name="Preamble" chapter_identifier="1">
      <article number="ARTICLE 1" article_identifier="17642">1. An association is hereby established.</article>
    </chapter>`;
    const left = parseTota(treatyXml({ body }), 'pta_206.xml');
    expect(left.chapters).toEqual([]);
    expect(left.corrections?.text).toMatch(/^Text left out: .*2002-04-22 \(pta_16\.xml\)/);
    const record = totaRecord(left, 'ec-algeria', []);
    expect([record.provisions, record.record]).toEqual([
      [],
      { coverage: RecordCoverage.METADATA_ONLY, parts: [] },
    ]);
    expect(record.factSources?.text).toBe(left.corrections?.text);
    // Another file, or the same file once ToTA holds another text: as ToTA gives it.
    for (const kept of [
      parseTota(treatyXml({ body }), 'pta_207.xml'),
      parseTota(treatyXml(), 'pta_206.xml'),
    ]) {
      expect([kept.chapters.length > 0, 'corrections' in kept]).toEqual([true, false]);
      expect(totaRecord(kept, 'x', []).record?.coverage).toBe(RecordCoverage.FULL_TEXT);
    }
  });

  it('holds no provisions of a text amended decades after the signature the record gives (truth9: pta_138, the EFTA Convention as amended at Vaduz in 2001, dated 1960)', () => {
    // Dated 1960, the 2001 articles were named the probable source of clauses signed from 1961 on.
    const body = `<chapter name="Preamble" chapter_identifier="1">
      <article article_identifier="11554">THE ASSOCIATION</article>
    </chapter>`;
    const left = parseTota(treatyXml({ body }), 'pta_138.xml');
    expect(left.chapters).toEqual([]);
    expect(left.corrections?.text).toMatch(/^Text left out: .*amended at Vaduz on 21 June 2001/);
    expect(totaRecord(left, 'european-free-trade-association-efta', []).provisions).toEqual([]);
  });

  it('keeps the text of another instrument weeks apart, saying what it is (truth8: pta_429, Russia - Belarus of 1995-01-06)', () => {
    const body = `<chapter name="Preamble" chapter_identifier="1">
      <article article_identifier="37833">AGREEMENT ON CUSTOMS UNION</article>
    </chapter>`;
    const held = parseTota(treatyXml({ body }), 'pta_429.xml');
    expect(held.chapters).toHaveLength(1);
    expect(held.corrections?.text).toMatch(/^Text held: .*6 January 1995/);
    const record = totaRecord(held, 'russian-federation-belarus-kazakhstan', []);
    expect(record.record?.coverage).toBe(RecordCoverage.FULL_TEXT);
    expect(record.provisions).toHaveLength(1);
    expect(record.factSources?.text).toBe(held.corrections?.text);
  });

  it("takes the signature date the treaty's own final clause states, saying what ToTA gave", () => {
    // ToTA pta_408 (Hong Kong, China - Chile) gives 2012-12-07; its text was done at Vladivostok on 2012-09-07.
    // Chile's party page said the agreement was signed on 7 Dec 2012.
    const xml = treatyXml().replace(
      '<date_signed>2012-02-29</date_signed>',
      '<date_signed>2012-12-07</date_signed>',
    );
    const corrected = parseTota(xml, 'pta_408.xml');
    expect(corrected.dateSigned).toBe('2012-09-07');
    expect(corrected.corrections?.dateSigned).toContain('ToTA (pta_408.xml) gives 2012-12-07');
    expect(corrected.corrections?.dateSigned).toContain('Vladivostok');
    // Another file, or the same file once ToTA gives another date: as ToTA gives it, nothing corrected.
    const other = parseTota(xml, 'pta_901.xml');
    expect([other.dateSigned, 'corrections' in other]).toEqual(['2012-12-07', false]);
    const fixed = parseTota(treatyXml(), 'pta_408.xml');
    expect([fixed.dateSigned, 'corrections' in fixed]).toEqual(['2012-02-29', false]);
  });

  it("records an agreement the press of record reports ended since ToTA's 2017 copy as inactive, with no day", () => {
    // ToTA pta_337 (Turkey - Jordan) gives "In Force"; Jordan terminated it in 2018 and Jordan's party page
    // counted it among the agreements binding Jordan in 2026.
    const xml = treatyXml().replace(/<status>[^<]*<\/status>/, '<status>In Force</status>');
    const ended = parseTota(xml, 'pta_337.xml');
    expect([ended.status, ended.dateInactive]).toEqual(['Inactive', null]);
    expect(ended.corrections?.status).toContain(
      'ToTA (pta_337.xml) gives In Force (the WTO RTA card as ToTA',
    );
    expect(ended.corrections?.status).toContain('jordantimes.com');
    expect([parseTota(xml, 'pta_338.xml').status, 'corrections' in parseTota(xml, 'pta_338.xml')]).toEqual([
      'In Force',
      false,
    ]);
  });

  describe("parties' own dates of entry into force (a correction naming parties)", () => {
    // ToTA pta_49 (Chile - Central America) gives 2002-06-01 for all six parties; the agreement entered into force
    // between Chile and each Central American country on its own day (Art. 21.03). Chile's and Costa Rica's first
    // date read months late, and Guatemala's years early.
    const centralAmerica = () =>
      treatyXml()
        .replace('<date_signed>2012-02-29</date_signed>', '<date_signed>1999-10-18</date_signed>')
        .replace(
          '<date_into_force>2013-01-01</date_into_force>',
          '<date_into_force>2002-06-01</date_into_force>',
        )
        .replace(
          /<parties_original>[\s\S]*?<\/parties>/,
          ['parties_original', 'parties']
            .map(
              (tag) =>
                `<${tag}>${['CHL', 'CRI', 'GTM', 'HND', 'NIC', 'SLV']
                  .map((code, i) => `<partyisocode n="${i + 1}">${code}</partyisocode>`)
                  .join('')}</${tag}>`,
            )
            .join('\n'),
        );

    it('dates the agreement by its first entry into force and each corrected party by its own, saying what ToTA gave', () => {
      const corrected = parseTota(centralAmerica(), 'pta_49.xml');
      expect(corrected.dateIntoForce).toBe('2002-02-15');
      expect(corrected.corrections?.dateInForce).toContain('ToTA (pta_49.xml) gives 2002-06-01');
      expect(corrected.partiesInForce?.dates).toEqual({
        CHL: '2002-02-15',
        CRI: '2002-02-15',
        SLV: '2002-06-03',
        GTM: '2010-03-23',
      });
      // Guatemala's is a bound (data26): in force on that day at the latest, as both sources have it.
      expect(corrected.partiesInForce?.atLatest).toEqual(['GTM']);
      const record = totaRecord(corrected, 'chile-central-america', []);
      withSides(record, sidesOf('pta_49.xml'), 'pta_49.xml');
      expect(record.dateInForce).toBe('2002-02-15');
      expect(record.factSources?.dateInForce).toBe(corrected.corrections?.dateInForce);
      expect(Object.fromEntries(record.parties.map((p) => [p.code, p.dateInForce ?? null]))).toEqual({
        CHL: '2002-02-15',
        CRI: '2002-02-15',
        GTM: '2010-03-23',
        HND: null,
        NIC: null,
        SLV: '2002-06-03',
      });
      expect(
        record.parties.filter((p) => p.dateInForcePrecision).map((p) => [p.code, p.dateInForcePrecision]),
      ).toEqual([['GTM', 'AT_LATEST']]);
      // The note names each dated party, its day and its source, and the one date ToTA gives; no "not counted" close.
      expect(record.factSources?.partyDates).toMatch(
        /ToTA \(pta_49\.xml\) gives one date, 2002-06-01, for all/,
      );
      expect(record.factSources?.partyDates).toMatch(/SLV on 2002-06-03: ALADI/);
      expect(record.factSources?.partyDates).not.toMatch(/Not counted as bound/);
      expect(record.factSources?.partyDates).toMatch(
        /GTM on or before 2010-03-23 \(a bound, its own day not recorded\): /,
      );
      // The parties left undated, and why (one source only; none found).
      expect(record.factSources?.partyDates).toMatch(
        /HND: no date of its own recorded, as one source only gives a day/,
      );
      expect(record.factSources?.partyDates).toMatch(
        /NIC: no date of its own recorded, as no source found gives its day/,
      );

      // The one rule that derives bindings reads the parties' own dates: no second rule.
      const bindings = computeBindings(
        {
          id: 49,
          status: 'IN_FORCE',
          dateSigned: record.dateSigned ?? null,
          dateProvisionallyApplied: null,
          dateInForce: record.dateInForce ?? null,
          dateTerminated: null,
        },
        record.parties.map((p) =>
          bindingRow(p.code, {
            dateInForce: p.dateInForce ?? null,
            dateInForcePrecision: p.dateInForcePrecision ?? null,
            side: p.side ?? null,
          }),
        ),
        [],
      );
      const of = (code: string) => bindings.find((b) => b.partyCode === code)!;
      expect([of('CHL').inForceFrom, of('CHL').agreementFirstDates]).toEqual(['2002-02-15', false]);
      expect([of('CRI').inForceFrom, of('CRI').agreementFirstDates]).toEqual(['2002-02-15', false]);
      expect([of('SLV').inForceFrom, of('SLV').agreementFirstDates]).toEqual(['2002-06-03', false]);
      // Guatemala's own day is not recorded, a bound is: from it on, bound; before it, not known (`startAtLatest`).
      expect([of('GTM').inForceFrom, of('GTM').agreementFirstDates, of('GTM').startAtLatest]).toEqual([
        '2010-03-23',
        false,
        true,
      ]);
      // Honduras' own day is not recorded: the agreement's first date, said to be perhaps another party's only.
      expect([of('HND').inForceFrom, of('HND').agreementFirstDates]).toEqual(['2002-02-15', true]);
    });

    it('corrects nothing once ToTA gives another date, nor another file', () => {
      const other = centralAmerica().replace('<date_into_force>2002-06-01', '<date_into_force>2002-06-03');
      const unchanged = parseTota(other, 'pta_49.xml');
      expect([unchanged.dateIntoForce, 'corrections' in unchanged, 'partiesInForce' in unchanged]).toEqual([
        '2002-06-03',
        false,
        false,
      ]);
      const elsewhere = parseTota(centralAmerica(), 'pta_902.xml');
      expect([elsewhere.dateIntoForce, 'partiesInForce' in elsewhere]).toEqual(['2002-06-01', false]);
    });

    it("dates each CAFTA-DR party by its own entry into force, ToTA's 2006-03-01 kept as the first (data26)", () => {
      const cafta = treatyXml()
        .replace('<date_signed>2012-02-29</date_signed>', '<date_signed>2004-08-05</date_signed>')
        .replace(
          '<date_into_force>2013-01-01</date_into_force>',
          '<date_into_force>2006-03-01</date_into_force>',
        )
        .replace(
          /<parties_original>[\s\S]*?<\/parties>/,
          ['parties_original', 'parties']
            .map(
              (tag) =>
                `<${tag}>${['CRI', 'DOM', 'GTM', 'HND', 'NIC', 'SLV', 'USA']
                  .map((code, i) => `<partyisocode n="${i + 1}">${code}</partyisocode>`)
                  .join('')}</${tag}>`,
            )
            .join('\n'),
        );
      const parsed = parseTota(cafta, 'pta_23.xml');
      expect(parsed.dateIntoForce).toBe('2006-03-01');
      const record = totaRecord(parsed, 'cafta-dr', []);
      const own = Object.fromEntries(record.parties.map((p) => [p.code, p.dateInForce ?? null]));
      expect(own).toEqual({
        CRI: '2009-01-01',
        DOM: '2007-03-01',
        GTM: '2006-07-01',
        HND: '2006-04-01',
        NIC: '2006-04-01',
        SLV: '2006-03-01',
        USA: '2006-03-01',
      });
      expect(record.parties.some((p) => p.dateInForcePrecision)).toBe(false);
      expect(record.factSources?.partyDates).toMatch(/CRI on 2009-01-01: the United States' proclamations/);
      // No party is dated by the agreement's first date any more (the caveat Costa Rica's report carried).
      const bindings = computeBindings(
        {
          id: 23,
          status: 'IN_FORCE',
          dateSigned: record.dateSigned ?? null,
          dateProvisionallyApplied: null,
          dateInForce: record.dateInForce ?? null,
          dateTerminated: null,
        },
        record.parties.map((p) => bindingRow(p.code, { dateInForce: p.dateInForce ?? null })),
        [],
      );
      expect(bindings.filter((b) => b.agreementFirstDates)).toEqual([]);
      expect(bindings.find((b) => b.partyCode === 'CRI')?.inForceFrom).toBe('2009-01-01');
    });

    it("gives one side's parties one date, and keeps corrections of the agreement's date out of the parties'", () => {
      const table: TotaMetaCorrection[] = [
        {
          fileName: 'x.xml',
          field: 'dateIntoForce',
          totaValue: '2001-01-01',
          value: '2000-12-01',
          source: 'a',
        },
        {
          fileName: 'x.xml',
          field: 'dateIntoForce',
          parties: ['AAA', 'BBB'],
          totaValue: '2001-01-01',
          value: '2001-03-01',
          source: 'the exchange of notes of side B',
        },
      ];
      expect(partyEntriesIntoForce('x.xml', '2001-01-01', table)).toEqual({
        dates: { AAA: '2001-03-01', BBB: '2001-03-01' },
        atLatest: [],
        note:
          'entered into force for each on its own day, where ToTA (x.xml) gives one date, 2001-01-01, for all: ' +
          'AAA, BBB on 2001-03-01: the exchange of notes of side B',
      });
      expect(partyEntriesIntoForce('x.xml', '2001-01-02', table)).toBeNull();
      expect(partyEntriesIntoForce('y.xml', '2001-01-01', table)).toBeNull();
    });
  });
});
