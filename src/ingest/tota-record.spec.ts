import { ConcludedBy, PartyRole, RecordCoverage, RecordPart } from '../agreements/agreement.enums';
import {
  accessionInstrumentDates,
  BlocFacts,
  euBloc,
  foldBlocs,
  provisionRecords,
  totaPartyCodes,
  totaRecord,
  laterBlocMembers,
  withDestaAccessions,
  withDestaEntryIntoForce,
  withDestaMemberAccessions,
  withDestaWithdrawals,
  withLaterParties,
  withSides,
} from './tota-record';
import { sidesOf } from './tota/agreement-sides';
import { computeBindings } from '../bindings/binding';
import { TotaChapter, TotaTreaty } from './tota/tota-treaty';
import { accessionDateOf, laterPartiesOf } from './tota/meta-corrections';
import { bindingRow } from '../../test/support/binding-rows';

// An invented bloc (XBL, "XB") and invented states; only the dates matter.
const bloc: BlocFacts = {
  code: 'XBL',
  namePattern: /\bXB\b/,
  members: [
    { code: 'AAA', dateJoined: '2000-01-01', dateLeft: null, names: ['Aland'] },
    { code: 'BBB', dateJoined: '2000-01-01', dateLeft: null, names: ['Beland'] },
    { code: 'CCC', dateJoined: '2010-01-01', dateLeft: null, names: ['Celand'] },
    { code: 'DDD', dateJoined: '2000-01-01', dateLeft: '2015-01-31', names: ['Deland'] },
  ],
};

function treaty(overrides: Partial<TotaTreaty>): TotaTreaty {
  return {
    fileName: 'pta_1.xml',
    treatyIdentifier: '1',
    name: 'XB - Zedland',
    type: 'Free Trade Agreement',
    wtoRtaId: '5',
    status: 'In Force',
    notification: null,
    dateSigned: '2005-06-01',
    dateIntoForce: '2006-01-01',
    dateNotification: null,
    endImplementation: null,
    dateInactive: null,
    partiesOriginal: ['AAA', 'BBB', 'DDD', 'ZED'],
    parties: ['AAA', 'BBB', 'CCC', 'DDD', 'ZED'],
    composition: 'Bilateral; One Party is an RTA',
    region: null,
    regions: [],
    partiesWto: null,
    crossregional: null,
    language: 'en',
    sources: [],
    relatedAgreementWtoIds: [],
    chapters: [],
    ...overrides,
  };
}

const fold = (t: TotaTreaty) => foldBlocs(t, totaPartyCodes(t), [bloc]);

describe('foldBlocs: member states listed one by one in an agreement of their bloc', () => {
  it('records a state that joined the bloc after the signature as bound through the bloc, not as a party', () => {
    const result = fold(treaty({}));
    expect(result.codes).toEqual(['XBL', 'ZED']);
    expect(result.throughBloc.sort()).toEqual(['AAA', 'BBB', 'CCC', 'DDD']);
    expect(result.counterparties).toEqual([]);
  });

  it('also folds a later member that the source lists as an original party, unless the title names it', () => {
    // Listed among the original parties (as ToTA does for states that joined soon after), but not named.
    const listedEarly = fold(treaty({ partiesOriginal: ['AAA', 'BBB', 'CCC', 'DDD', 'ZED'] }));
    expect(listedEarly.codes).toEqual(['XBL', 'ZED']);
    expect(listedEarly.counterparties).toEqual([]);
  });

  it('keeps the counterparty: an original party, not a member at signature, named in the title', () => {
    const result = fold(
      treaty({
        name: 'XB - Celand Association Agreement',
        partiesOriginal: ['AAA', 'BBB', 'CCC', 'DDD'],
        parties: [],
      }),
    );
    expect(result.codes).toEqual(['XBL', 'CCC']);
    expect(result.counterparties).toEqual(['CCC']);
    expect(result.throughBloc.sort()).toEqual(['AAA', 'BBB', 'DDD']);
  });

  it('a named state that only acceded later is no counterparty', () => {
    const result = fold(treaty({ name: 'XB - Celand', partiesOriginal: ['AAA', 'BBB', 'DDD', 'ZED'] }));
    expect(result.counterparties).toEqual([]);
    expect(result.codes).toEqual(['XBL', 'ZED']);
  });

  it('keeps a state that had left the bloc before the signature as a party in its own right', () => {
    const result = fold(
      treaty({
        dateSigned: '2016-03-01',
        partiesOriginal: ['AAA', 'BBB', 'CCC', 'DDD', 'ZED'],
        parties: ['AAA', 'BBB', 'CCC', 'DDD', 'ZED'],
      }),
    );
    expect(result.codes).toEqual(['XBL', 'DDD', 'ZED']);
    expect(result.throughBloc.sort()).toEqual(['AAA', 'BBB', 'CCC']);
  });

  it('a member at signature that left later is bound through the bloc (its exit date ends the binding)', () => {
    expect(fold(treaty({})).throughBloc).toContain('DDD');
  });

  it('folds an agreement whose title does not name the bloc when most of its members at signature are listed', () => {
    const result = fold(treaty({ name: 'Convention of Somewhere', partiesOriginal: ['AAA', 'BBB', 'ZED'] }));
    expect(result.codes).toEqual(['XBL', 'ZED']);
  });

  it('leaves an agreement of a member state with a third state alone', () => {
    const t = treaty({ name: 'Celand - Zedland', partiesOriginal: ['CCC', 'ZED'], parties: [] });
    expect(fold(t)).toMatchObject({ codes: ['CCC', 'ZED'], folded: [], throughBloc: [], constituent: false });
    // Signed before Celand joined and by a minority of members: no fold either.
    const minority = treaty({ name: 'Aland - Zedland', partiesOriginal: ['AAA', 'ZED'], parties: [] });
    expect(fold(minority).folded).toEqual([]);
  });

  it('binds the states of the constituent treaty (signed before the bloc had members) through the bloc', () => {
    const t = treaty({
      name: 'Treaty establishing the Somewhere Union',
      dateSigned: '1999-03-25',
      partiesOriginal: ['AAA', 'BBB', 'DDD'],
      parties: ['AAA', 'BBB', 'CCC', 'DDD'],
    });
    expect(fold(t)).toMatchObject({ codes: ['XBL'], folded: ['XBL'], constituent: true });
    expect(fold(t).throughBloc.sort()).toEqual(['AAA', 'BBB', 'CCC', 'DDD']);
    const record = totaRecord(t, 'x', [bloc]);
    expect(record.parties).toEqual([
      expect.objectContaining({ code: 'XBL', role: PartyRole.ORIGINAL, withdrawn: false }),
    ]);
    expect(record.factSources?.parties).toMatch(/constituent treaty of XBL/);
    // Not when a founder is missing: two later members' own agreement signed before the bloc existed.
    const early = treaty({
      dateSigned: '1999-03-25',
      name: 'Aland - Celand',
      partiesOriginal: ['AAA', 'CCC'],
      parties: [],
    });
    expect(fold(early)).toMatchObject({ codes: ['AAA', 'CCC'], folded: [], constituent: false });
  });

  it('says in the record where the parties come from', () => {
    const record = totaRecord(treaty({ name: 'XB - Celand', partiesOriginal: ['AAA', 'BBB', 'CCC'] }), 'x', [
      bloc,
    ]);
    expect(record.parties.map((p) => p.code)).toEqual(['XBL', 'CCC', 'ZED']);
    expect(record.factSources?.parties).toMatch(/recorded as XBL.*counterparty.*CCC/);
  });
});

const chapter = (name: string, order: number, articles: [string | null, string][]): TotaChapter => ({
  chapterIdentifier: String(order + 1),
  number: null,
  name,
  order,
  articles: articles.map(([number, id], i) => ({
    articleIdentifier: id,
    number,
    name: null,
    text: 'Invented text.',
    order: order * 10 + i,
  })),
});

describe('ToTA records: what they hold and their keys', () => {
  it('says where ToTA contradicts itself, and leaves out an entry into force before the signature', () => {
    const early = totaRecord(
      treaty({
        name: 'Zedland - Yland',
        dateSigned: '2003-07-17',
        dateIntoForce: '1992-02-17',
        partiesOriginal: ['ZED', 'YYY'],
        parties: ['ZED', 'YYY'],
      }),
      'x',
      [],
    );
    expect(early.dateInForce).toBeNull();
    expect(early.factSources?.dateInForce).toMatch(
      /1992-02-17, before the signature date it gives \(2003-07-17\)/,
    );
    const signedOnly = totaRecord(
      treaty({
        name: 'Zedland - Yland',
        status: 'Early announcement-Signed',
        partiesOriginal: ['ZED', 'YYY'],
        parties: ['ZED', 'YYY'],
      }),
      'x',
      [],
    );
    expect(signedOnly.dateInForce).toBe('2006-01-01');
    expect(signedOnly.factSources?.status).toMatch(/signed only, not in force.*2006-01-01: the two disagree/);
    const plain = totaRecord(
      treaty({ name: 'Zedland - Yland', partiesOriginal: ['ZED', 'YYY'], parties: ['ZED', 'YYY'] }),
      'x',
      [],
    );
    expect(plain.factSources?.dateInForce).toBeUndefined();
    expect(plain.factSources?.status).toMatch(
      /"In Force" on the WTO RTA card as ToTA v0\.5\.0 \(2017\) copied it; not re-checked since/,
    );
  });

  it('writes the title with single spaces where ToTA doubled one, so that the title filter finds it as shown', () => {
    // Five ToTA names hold a double space ("Arusha  Agreement", "Korea, Republic of -  Colombia"): a page shows one
    // space, and "Arusha Agreement" typed in the title filter (titleContains) found no agreement.
    const record = totaRecord(treaty({ name: ' Zedland,  Republic of -  Yland\t Agreement ' }), 'x', []);
    expect(record.title).toBe('Zedland, Republic of - Yland Agreement');
    expect(record.shortTitle).toBe('Zedland, Republic of - Yland Agreement');
  });

  it('says which parties ToTA gives no dates for: those that joined later and those that left', () => {
    const r = totaRecord(
      treaty({
        name: 'Zedland - Yland',
        partiesOriginal: ['ZED', 'YYY', 'WWW'],
        parties: ['ZED', 'YYY', 'VVV'],
      }),
      'x',
      [],
    );
    expect(r.parties.find((p) => p.code === 'VVV')).toMatchObject({
      role: PartyRole.ACCEDED,
      dateJoined: null,
    });
    const accession = totaRecord(
      treaty({
        name: 'Zedland Union - Accession of Vland',
        partiesOriginal: ['ZED', 'YYY'],
        parties: ['ZED', 'YYY', 'VVV'],
      }),
      'x',
      [],
    );
    // The accession instrument's dates are the acceding state's own.
    expect(accession.parties.find((p) => p.code === 'VVV')).toMatchObject({ role: PartyRole.ORIGINAL });
    expect(accession.factSources?.partyDates).toBeUndefined();
    expect(r.factSources?.partyDates).toMatch(
      /current parties but not the original ones .*: VVV; .*original parties but not the current ones .*: WWW\. Not counted as bound/,
    );
  });

  it('records the full main text, and the annexes when the file has annex chapters', () => {
    const plain = totaRecord(treaty({ chapters: [chapter('General', 0, [['Article 1', '11']])] }), 'x', []);
    expect(plain.record).toEqual({ coverage: RecordCoverage.FULL_TEXT, parts: [RecordPart.MAIN_TEXT] });
    const annexed = totaRecord(
      treaty({
        chapters: [chapter('General', 0, [['Article 1', '11']]), chapter('Annex 2', 1, [[null, '12']])],
      }),
      'x',
      [],
    );
    expect(annexed.record?.parts).toEqual([RecordPart.MAIN_TEXT, RecordPart.ANNEXES]);
  });

  it('suffixes the keys of a further language version with its language, one safe path segment', () => {
    const t = treaty({
      language: 'es',
      chapters: [
        chapter('Preámbulo', 0, [[null, '21']]),
        chapter('General', 1, [
          ['Artículo 1', '22'],
          ['Artículo 1', '23'],
          [null, '24'],
        ]),
      ],
    });
    const keys = provisionRecords(t, 'es', new Set(['art-1', 'preamble'])).map((p) => p.key);
    expect(keys).toEqual(['preamble.es', 'art-1.es', 'art-1-tota-23.es', 'tota-24.es']);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
    // The first version keeps the keys a lone import gives.
    expect(provisionRecords(t).map((p) => p.key)).toEqual(['preamble', 'art-1', 'art-1-tota-23', 'tota-24']);
    // A key the other version already uses is not taken again.
    expect(provisionRecords(t, 'es', new Set(['art-1.es'])).map((p) => p.key)[1]).toBe('art-1-tota-22.es');
  });

  it('stores the number alone, whatever word and language ToTA writes before it, and keeps the keys its words gave', () => {
    // The forms the 450 files hold (the word's misspellings included), and one record of each.
    const written: [string, string, string][] = [
      ['ARTICLE 2106', '2106', 'art-2106'],
      ['ARTICLE 1.1', '1.1', 'art-1.1'],
      ['ARTICLE XIV.1', 'XIV.1', 'art-xiv.1'],
      ['ARTÍCULO 12.10', '12.10', 'art-12.10'],
      ['ARTICULO II', 'II', 'art-ii'],
      ['ARTÍCULO 1-01', '1-01', 'art-1-01'],
      ['ARTICLE - IV', 'IV', 'art-iv'],
      ['ARTICLE: 8.4', '8.4', 'art-8.4'],
      ['ARTICLE:8.7', '8.7', 'art-8.7'],
      ['ARTICLES 7.3', '7.3', 'art-s-7.3'],
      ['ARTICLE G-01', 'G-01', 'art-g-01'],
      ['ARTICLE 25 BIS', '25 BIS', 'art-25-bis'],
      ['ARTICLE PREMIER', 'PREMIER', 'art-premier'],
      ['ARTICLE 1ER', '1ER', 'art-1er'],
      ['ARTÍCULO TRANSITORIO', 'TRANSITORIO', 'art-transitorio'],
      ['ARTÍÍCULO 19-15', '19-15', 'art-19-15'],
      ['ARTIICLE 64', '64', 'art-iicle-64'],
      ['ARTCLE XXIII', 'XXIII', 'art-cle-xxiii'],
      ['Art. 7', '7', 'art-7'],
      ['10.14', '10.14', 'art-10.14'],
      ['ARTICLE', 'ARTICLE', 'art'],
    ];
    const records = provisionRecords(
      treaty({
        chapters: [
          chapter(
            'General',
            0,
            written.map(([n], i) => [n, String(30 + i)]),
          ),
        ],
      }),
    );
    expect(records.map((r) => [r.articleNumber, r.key])).toEqual(written.map(([, n, key]) => [n, key]));
  });
});

describe('ToTA records: original parties that DESTA has accede later', () => {
  it('records them as acceding with no date, bound on no date, and says which DESTA entry says so', () => {
    // ToTA pta_115 (AFTA, signed 1992-01-28, in force 1993-01-01) lists Viet Nam among the original parties;
    // DESTA v2.02 entry 64+1 records Viet Nam's accession in 1995. Viet Nam's report said AFTA applied to it since
    // 1993-01-01.
    const record = totaRecord(
      treaty({
        name: 'ASEAN Free Trade Area (AFTA)',
        composition: 'Plurilateral',
        dateSigned: '1992-01-28',
        dateIntoForce: '1993-01-01',
        partiesOriginal: ['IDN', 'MYS', 'VNM'],
        parties: ['IDN', 'MYS', 'VNM'],
      }),
      'afta',
      [],
    );
    withDestaAccessions(
      record,
      new Map([['VNM', { number: '64+1', name: 'ASEAN FTA Vietnam accession', year: '1995' }]]),
    );
    expect(record.parties.map((p) => [p.code, p.role, p.dateJoined])).toEqual([
      ['IDN', PartyRole.ORIGINAL, null],
      ['MYS', PartyRole.ORIGINAL, null],
      ['VNM', PartyRole.ACCEDED, null],
    ]);
    expect(record.factSources?.partyDates).toContain(
      'VNM (DESTA v2.02 entry 64+1, "ASEAN FTA Vietnam accession", 1995)',
    );
    const bindings = computeBindings(
      {
        id: 1,
        status: 'IN_FORCE',
        dateSigned: '1992-01-28',
        dateProvisionallyApplied: null,
        dateInForce: '1993-01-01',
        dateTerminated: null,
      },
      record.parties.map((p) =>
        bindingRow(p.code, { role: p.role as 'ORIGINAL' | 'ACCEDED', dateJoined: p.dateJoined ?? null }),
      ),
      [],
    );
    expect(bindings.map((b) => [b.partyCode, b.appliedFrom])).toEqual([
      ['IDN', '1993-01-01'],
      ['MYS', '1993-01-01'],
      ['VNM', null],
    ]);
  });
});

describe('ToTA records: an original party that DESTA has accede later, on the day a source gives (data26)', () => {
  it("records Cambodia's accession to AFTA on 1999-04-30, bound from then, with its source", () => {
    // ToTA pta_115 lists Cambodia among AFTA's original parties; DESTA v2.02 entry 64+3 gives its accession in 1999,
    // the ASEAN Secretariat the day (TOTA_ACCESSION_DATES). Before, it was recorded with no date, bound on no date.
    const record = totaRecord(
      treaty({
        fileName: 'pta_115.xml',
        name: 'ASEAN Free Trade Area (AFTA)',
        composition: 'Plurilateral',
        dateSigned: '1992-01-28',
        dateIntoForce: '1993-01-01',
        partiesOriginal: ['IDN', 'KHM', 'VNM'],
        parties: ['IDN', 'KHM', 'VNM'],
      }),
      'afta',
      [],
    );
    withDestaAccessions(
      record,
      new Map([
        ['VNM', { number: '64+1', name: 'ASEAN FTA Vietnam accession', year: '1995' }],
        ['KHM', { number: '64+3', name: 'ASEAN FTA Cambodia accession', year: '1999' }],
      ]),
      (code) => accessionDateOf('pta_115.xml', code),
    );
    expect(record.parties.map((p) => [p.code, p.role, p.dateJoined])).toEqual([
      ['IDN', PartyRole.ORIGINAL, null],
      ['KHM', PartyRole.ACCEDED, '1999-04-30'],
      ['VNM', PartyRole.ACCEDED, null],
    ]);
    const note = record.factSources?.partyDates ?? '';
    expect(note).toContain(
      'KHM (DESTA v2.02 entry 64+3, "ASEAN FTA Cambodia accession", 1999) on 1999-04-30: the Protocol for the Accession',
    );
    // Viet Nam keeps no day, and the note still says so (its closing sentence).
    expect(note).toMatch(
      /VNM \(DESTA v2\.02 entry 64\+1[^;]*\. Not counted as bound on any date until a source gives one$/,
    );
    const bindings = computeBindings(
      {
        id: 1,
        status: 'IN_FORCE',
        dateSigned: '1992-01-28',
        dateProvisionallyApplied: null,
        dateInForce: '1993-01-01',
        dateTerminated: null,
      },
      record.parties.map((p) =>
        bindingRow(p.code, { role: p.role as 'ORIGINAL' | 'ACCEDED', dateJoined: p.dateJoined ?? null }),
      ),
      [],
    );
    expect(bindings.map((b) => [b.partyCode, b.appliedFrom])).toEqual([
      ['IDN', '1993-01-01'],
      ['KHM', '1999-04-30'],
      ['VNM', null],
    ]);
    // Another file's Cambodia is not dated by it.
    expect(accessionDateOf('pta_116.xml', 'KHM')).toBeUndefined();
  });
});

describe('ToTA records: meta corrected against the text', () => {
  it('say in factSources what ToTA gave and which words of the text correct it', () => {
    const note = 'Corrected: ToTA (pta_408.xml) gives 2012-12-07; the text ToTA holds gives 2012-09-07';
    const record = totaRecord(
      treaty({ dateSigned: '2012-09-07', corrections: { dateSigned: note } }),
      'hk-chile',
      [],
    );
    expect(record.dateSigned).toBe('2012-09-07');
    expect(record.factSources?.dateSigned).toBe(note);
  });
});

describe('ToTA records: current parties that DESTA has withdraw later', () => {
  it('records them as withdrawn with no date, bound on no date, and says which DESTA entry says so', () => {
    // ToTA pta_111 (COMESA, signed 1993-11-05, in force 1994-12-08) lists Lesotho and Tanzania among the current
    // parties; DESTA v2.02 entries 243_1 and 243_3 record their withdrawals in 1997 and 2004. Mauritius's report
    // named both as its partners in COMESA in 2026.
    const record = totaRecord(
      treaty({
        name: 'Common Market for Eastern and Southern Africa (COMESA)',
        composition: 'Plurilateral',
        dateSigned: '1993-11-05',
        dateIntoForce: '1994-12-08',
        partiesOriginal: ['KEN', 'LSO', 'MUS', 'TZA'],
        parties: ['KEN', 'LSO', 'MUS', 'TZA'],
      }),
      'comesa',
      [],
    );
    withDestaWithdrawals(
      record,
      new Map([
        ['LSO', { number: '243_1', name: 'COMESA withdrawal Lesotho Mozambique', year: '1997' }],
        ['TZA', { number: '243_3', name: 'COMESA withdrawal Tanzania', year: '2004' }],
      ]),
    );
    expect(record.parties.map((p) => [p.code, p.withdrawn, p.dateWithdrawn])).toEqual([
      ['KEN', false, null],
      ['LSO', true, null],
      ['MUS', false, null],
      ['TZA', true, null],
    ]);
    expect(record.factSources?.partyDates).toContain(
      'LSO (DESTA v2.02 entry 243_1, "COMESA withdrawal Lesotho Mozambique", 1997)',
    );
    expect(record.factSources?.partyDates).toMatch(
      /Not counted as bound on any date until a source gives one$/,
    );
    const bindings = computeBindings(
      {
        id: 1,
        status: 'IN_FORCE',
        dateSigned: '1993-11-05',
        dateProvisionallyApplied: null,
        dateInForce: '1994-12-08',
        dateTerminated: null,
      },
      record.parties.map((p) =>
        bindingRow(p.code, { withdrawn: p.withdrawn, dateWithdrawn: p.dateWithdrawn ?? null }),
      ),
      [],
    );
    const boundOn = (date: string) =>
      bindings
        .filter(
          (b) => b.appliedFrom !== null && b.appliedFrom <= date && (b.until === null || b.until > date),
        )
        .map((b) => b.partyCode);
    expect(boundOn('2026-12-05')).toEqual(['KEN', 'MUS']);
  });
});

describe('ToTA records: signed only as the WTO card said in 2017, in force since by DESTA', () => {
  // ToTA pta_446 (EFTA - Philippines, signed 2016-04-28) gives "Early announcement-Signed" and no date of entry into
  // force; DESTA v2.02 entry 965 gives the year of entry into force 2018. Switzerland's party page said the agreement
  // did not bind it on 2026-12-05.
  const signedOnly = () =>
    treaty({
      fileName: 'pta_446.xml',
      name: 'EFTA - Philippines',
      status: 'Early announcement-Signed',
      composition: 'Plurilateral',
      dateSigned: '2016-04-28',
      dateIntoForce: null,
      partiesOriginal: ['CHE', 'ISL', 'LIE', 'NOR', 'PHL'],
      parties: ['CHE', 'ISL', 'LIE', 'NOR', 'PHL'],
    });
  const desta = {
    number: '965',
    name: 'EFTA Philippines',
    entryType: 'base_treaty',
    entryForceYear: '2018' as string | null,
  };

  it('records it in force with no date, names both sources, and binds its parties today', () => {
    const t = signedOnly();
    const record = totaRecord(t, 'efta-philippines', []);
    withDestaEntryIntoForce(record, t, desta);
    expect(record.status).toBe('IN_FORCE');
    expect(record.dateInForce).toBeNull();
    expect(record.factSources?.status).toContain('DESTA v2.02 entry 965 ("EFTA Philippines", base treaty)');
    expect(record.factSources?.status).toContain('the year of entry into force 2018');
    expect(record.factSources?.status).toContain('"Early announcement-Signed"');
    const bindings = computeBindings(
      {
        id: 1,
        status: record.status,
        dateSigned: record.dateSigned ?? null,
        dateProvisionallyApplied: null,
        dateInForce: record.dateInForce ?? null,
        dateTerminated: null,
      },
      record.parties.map((p) => bindingRow(p.code)),
      [],
    );
    const che = bindings.find((b) => b.partyCode === 'CHE')!;
    expect(che.inForceInferred).toBe(true);
    expect(che.appliedFrom !== null && che.appliedFrom <= '2026-12-05' && che.until === null).toBe(true);
  });

  it('leaves it signed where DESTA gives no year of entry into force', () => {
    const t = signedOnly();
    const record = totaRecord(t, 'efta-philippines', []);
    withDestaEntryIntoForce(record, t, { ...desta, entryForceYear: null });
    withDestaEntryIntoForce(record, t, undefined);
    expect(record.status).toBe('SIGNED');
    expect(record.factSources?.status).toMatch(/^"Early announcement-Signed" on the WTO RTA card/);
  });

  it("keeps ToTA's own date of entry into force in force where DESTA gives its year, and both where it gives another", () => {
    // ToTA pta_331 (EFTA - GCC) gives "Early announcement-Signed" and 2014-07-01; DESTA 379 gives 2014.
    // Switzerland's page said "signed", beside "applicable from 1 Jul 2014".
    const gcc = treaty({
      fileName: 'pta_331.xml',
      name: 'EFTA - GCC',
      status: 'Early announcement-Signed',
      dateSigned: '2009-06-22',
      dateIntoForce: '2014-07-01',
    });
    const entry = { number: '379', name: 'EFTA Gulf Cooperation Council (GCC)', entryType: 'base_treaty' };
    const record = totaRecord(gcc, 'efta-gcc', []);
    withDestaEntryIntoForce(record, gcc, { ...entry, entryForceYear: '2014' });
    expect([record.status, record.dateInForce]).toEqual(['IN_FORCE', '2014-07-01']);
    expect(record.factSources?.status).toContain('In force from 2014-07-01');
    expect(record.factSources?.status).toContain('DESTA v2.02 entry 379');
    expect(record.factSources?.status).toContain('signed only');
    const disagreeing = totaRecord(gcc, 'efta-gcc', []);
    withDestaEntryIntoForce(disagreeing, gcc, { ...entry, entryForceYear: '2015' });
    expect([disagreeing.status, disagreeing.dateInForce]).toEqual(['SIGNED', '2014-07-01']);
    expect(disagreeing.factSources?.status).toContain('the two disagree');
  });
});

describe('ToTA records: a bloc member that acceded to a bloc agreement by its own instrument', () => {
  it('lists it beside the bloc as acceding with no date, bound on its side on no date we can name, and names the DESTA entry', () => {
    // As the EEA (ToTA pta_105, signed 1992, in force 1994) and Croatia (joined the EU in 2013; DESTA v2.02 entry
    // 437+33 records its accession to the EEA in 2014): here the invented bloc XBL, which CCC joined in 2010.
    const t = treaty({ partiesOriginal: ['AAA', 'BBB', 'ZED'], parties: ['AAA', 'BBB', 'CCC', 'ZED'] });
    const fold = foldBlocs(t, totaPartyCodes(t), [bloc]);
    expect(fold.throughBloc).toContain('CCC');
    expect(laterBlocMembers(t, fold, bloc)).toEqual(['CCC']);
    const record = totaRecord(t, 'xb-zedland', [bloc]);
    expect(record.parties.map((p) => p.code)).not.toContain('CCC');
    withDestaMemberAccessions(
      record,
      'XBL',
      new Map([['CCC', { number: '9+1', name: 'XB Zedland Celand accession', year: '2012' }]]),
    );
    expect(record.parties.find((p) => p.code === 'CCC')).toMatchObject({
      role: PartyRole.ACCEDED,
      dateJoined: null,
    });
    expect(record.factSources?.partyDates).toContain(
      'CCC (DESTA v2.02 entry 9+1, "XB Zedland Celand accession", 2012)',
    );
    const bindings = computeBindings(
      {
        id: 1,
        status: 'IN_FORCE',
        dateSigned: '2005-06-01',
        dateProvisionallyApplied: null,
        dateInForce: '2006-01-01',
        dateTerminated: null,
      },
      record.parties.map((p) =>
        bindingRow(p.code, { role: p.role as 'ORIGINAL' | 'ACCEDED', dateJoined: p.dateJoined ?? null }),
      ),
      bloc.members.map((m) => ({
        bloc: 'XBL',
        member: m.code,
        dateJoined: m.dateJoined,
        dateLeft: m.dateLeft,
        dateBoundUntil: null,
      })),
    );
    // On the bloc's side (no partner of Zedland), from a date no source here gives; not from 2010-01-01.
    expect(bindings.filter((b) => b.partyCode === 'CCC')).toEqual([
      expect.objectContaining({ via: 'XBL', appliedFrom: null, inForceFrom: null }),
    ]);
    expect(bindings.find((b) => b.partyCode === 'AAA')).toMatchObject({
      via: 'XBL',
      appliedFrom: '2006-01-01',
    });
  });
});

describe('ToTA records: a state that joined later, dated by its own accession instrument in the same corpus', () => {
  // ToTA pta_138 (EFTA, 1960) lists Iceland and Liechtenstein among its current parties only; pta_135 ("EFTA -
  // Accession of Iceland", related to WTO id 152, in force 1970-03-01) lists Iceland among its current parties
  // only. pta_440 (EAEU, WTO 909) lists Armenia and Kyrgyzstan among its current parties only; pta_441 (Accession
  // of Armenia, in force 2015-01-02) and pta_444 (Accession of the Kyrgyz Republic, in force 2015-08-12, listing
  // Armenia too) are related to 909. Iceland's page said EFTA bound it "on a date no source gives".
  const efta = treaty({
    fileName: 'pta_138.xml',
    name: 'European Free Trade Association (EFTA)',
    wtoRtaId: '152',
    composition: 'Plurilateral',
    dateSigned: '1960-01-04',
    dateIntoForce: '1960-05-03',
    partiesOriginal: ['CHE', 'NOR'],
    parties: ['CHE', 'ISL', 'LIE', 'NOR'],
    relatedAgreementWtoIds: ['149'],
  });
  const eaeu = treaty({
    fileName: 'pta_440.xml',
    name: 'Eurasian Economic Union (EAEU)',
    wtoRtaId: '909',
    composition: 'Plurilateral',
    dateSigned: '2014-05-29',
    dateIntoForce: '2015-01-01',
    partiesOriginal: ['BLR', 'KAZ', 'RUS'],
    parties: ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS'],
  });
  const instruments = [
    treaty({
      fileName: 'pta_135.xml',
      name: 'EFTA - Accession of Iceland',
      wtoRtaId: '149',
      dateSigned: '1969-12-04',
      dateIntoForce: '1970-03-01',
      partiesOriginal: ['CHE', 'LIE', 'NOR'],
      parties: ['CHE', 'ISL', 'LIE', 'NOR'],
      relatedAgreementWtoIds: ['152'],
    }),
    treaty({
      fileName: 'pta_444.xml',
      name: 'Eurasian Economic Union (EAEU) - Accession of the Kyrgyz Republic',
      wtoRtaId: '922',
      dateSigned: '2014-12-23',
      dateIntoForce: '2015-08-12',
      partiesOriginal: ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS'],
      parties: ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS'],
      relatedAgreementWtoIds: ['909', '910'],
    }),
    treaty({
      fileName: 'pta_441.xml',
      name: 'Eurasian Economic Union (EAEU) - Accession of Armenia',
      wtoRtaId: '910',
      dateSigned: '2014-10-10',
      dateIntoForce: '2015-01-02',
      partiesOriginal: ['ARM', 'BLR', 'KAZ', 'RUS'],
      parties: ['ARM', 'BLR', 'KAZ', 'RUS'],
      relatedAgreementWtoIds: ['909', '922'],
    }),
  ];
  const dates = accessionInstrumentDates([efta, eaeu, ...instruments, null]);
  const joined = (t: TotaTreaty) =>
    totaRecord(t, 'x', [], dates)
      .parties.filter((p) => p.role === PartyRole.ACCEDED)
      .map((p) => [p.code, p.dateJoined]);

  it('dates the acceding state from the instrument’s entry into force, and no other state it lists', () => {
    // Liechtenstein, listed on Iceland's instrument too, joined EFTA in 1991: no instrument here dates it.
    expect(joined(efta)).toEqual([
      ['ISL', '1970-03-01'],
      ['LIE', null],
    ]);
    // Armenia is listed on Kyrgyzstan's instrument as well: its own, earlier one dates it.
    expect(joined(eaeu)).toEqual([
      ['ARM', '2015-01-02'],
      ['KGZ', '2015-08-12'],
    ]);
  });

  it('names the instrument in the record, keeps the undated ones "not counted", and binds from the date', () => {
    const record = totaRecord(efta, 'efta', [], dates);
    expect(record.factSources?.partyDates).toContain(
      'ISL 1970-03-01 (pta_135.xml, "EFTA - Accession of Iceland")',
    );
    expect(record.factSources?.partyDates).toMatch(
      /current parties but not the original ones .*: LIE\. Not counted as bound on any date/,
    );
    const bindings = computeBindings(
      {
        id: 1,
        status: 'IN_FORCE',
        dateSigned: '1960-01-04',
        dateProvisionallyApplied: null,
        dateInForce: '1960-05-03',
        dateTerminated: null,
      },
      record.parties.map((p) =>
        bindingRow(p.code, { role: p.role as 'ORIGINAL' | 'ACCEDED', dateJoined: p.dateJoined ?? null }),
      ),
      [],
    );
    expect(new Map(bindings.map((b) => [b.partyCode, b.inForceFrom]))).toEqual(
      new Map([
        ['CHE', '1960-05-03'],
        ['ISL', '1970-03-01'],
        ['LIE', null],
        ['NOR', '1960-05-03'],
      ]),
    );
    // Without the instruments (a file imported alone), nothing changes: no date.
    expect(totaRecord(efta, 'efta', []).parties.find((p) => p.code === 'ISL')?.dateJoined).toBeNull();
  });

  it('adds a DESTA note after the instrument note without losing either', () => {
    const record = totaRecord(eaeu, 'eaeu', [], dates);
    withDestaAccessions(record, new Map([['BLR', { number: '9+1', name: 'invented', year: '2016' }]]));
    expect(record.factSources?.partyDates).toContain('KGZ 2015-08-12 (pta_444.xml');
    expect(record.factSources?.partyDates).toContain('BLR (DESTA v2.02 entry 9+1, "invented", 2016)');
  });
});

describe('ToTA records: who concluded an EU agreement (concludedBy)', () => {
  const eu = euBloc([
    { code: 'FRA', dateJoined: '1958-01-01', dateLeft: null },
    { code: 'DEU', dateJoined: '1958-01-01', dateLeft: null },
    { code: 'HRV', dateJoined: '2013-07-01', dateLeft: null },
  ]);
  const chapters = (...texts: string[]): TotaChapter[] => [
    {
      chapterIdentifier: '1',
      number: null,
      name: null,
      order: 0,
      articles: texts.map((text, i) => ({
        articleIdentifier: String(i + 1),
        number: null,
        name: null,
        text,
        order: i,
      })),
    },
  ];
  const euTreaty = (text: string) =>
    treaty({
      name: 'EC - Zedland',
      partiesOriginal: ['FRA', 'DEU', 'ZED'],
      parties: ['FRA', 'DEU', 'HRV', 'ZED'],
      chapters: chapters(text),
    });

  it('records what the text says, and where it says so', () => {
    const record = totaRecord(
      euTreaty(
        'THE EUROPEAN ECONOMIC COMMUNITY, of the one part, and THE REPUBLIC OF ZEDLAND, of the other part',
      ),
      'ec-zedland',
      [eu],
    );
    expect(record.concludedBy).toBe(ConcludedBy.BLOC_ONLY);
    expect(record.factSources?.concludedBy).toMatch(/pta_1\.xml.*EU \(its Communities\) alone/);
    const silent = totaRecord(euTreaty('Article 1 Trade shall be free.'), 'ec-zedland', [eu]);
    expect(silent.concludedBy).toBeNull();
    expect(silent.factSources?.concludedBy).toBeUndefined();
    // Not an EU agreement: nothing is read.
    expect(totaRecord(treaty({}), 'xb-zedland', [bloc]).concludedBy).toBeNull();
  });

  it('records nothing where DESTA has a member state accede by its own instrument to what the text gives as the bloc’s alone', () => {
    const record = totaRecord(
      euTreaty('THE EUROPEAN COMMUNITY, of the one part, and THE REPUBLIC OF ZEDLAND, of the other part'),
      'ec-zedland',
      [eu],
    );
    withDestaMemberAccessions(
      record,
      'EUN',
      new Map([['HRV', { number: '9+1', name: 'EC Zedland Croatia accession', year: '2014' }]]),
    );
    expect(record.concludedBy).toBeNull();
    expect(record.factSources?.concludedBy).toMatch(
      /^Not recorded: .*DESTA records member states of EUN acceding/,
    );
  });
});

describe('ToTA records: states that joined after ToTA, which its file does not list (MERCOSUR)', () => {
  it('adds Venezuela and Bolivia to MERCOSUR as acceding, bound on no date the sources agree on, and says why', () => {
    // ToTA pta_119 (Treaty of Asuncion, signed 1991-03-26, in force 1991-11-29) lists the four founders only.
    const mercosur = treaty({
      fileName: 'pta_119.xml',
      name: 'Southern Common Market (MERCOSUR)',
      composition: 'Plurilateral',
      dateSigned: '1991-03-26',
      dateIntoForce: '1991-11-29',
      partiesOriginal: ['ARG', 'BRA', 'PRY', 'URY'],
      parties: ['ARG', 'BRA', 'PRY', 'URY'],
    });
    const record = totaRecord(mercosur, 'mercosur', []);
    withLaterParties(record, laterPartiesOf('pta_119.xml', totaPartyCodes(mercosur)));
    expect(record.parties.map((p) => [p.code, p.role, p.dateJoined ?? null])).toEqual([
      ['ARG', PartyRole.ORIGINAL, null],
      ['BRA', PartyRole.ORIGINAL, null],
      ['PRY', PartyRole.ORIGINAL, null],
      ['URY', PartyRole.ORIGINAL, null],
      ['VEN', PartyRole.ACCEDED, null],
      ['BOL', PartyRole.ACCEDED, null],
    ]);
    // Each is named with its sources; Venezuela's suspension is said, never taken for a withdrawal.
    expect(record.factSources?.partyDates).toContain(
      'VEN: Venezuela signed its Protocol of Accession in 2006',
    );
    expect(record.factSources?.partyDates).toContain('5 August 2017');
    expect(record.factSources?.partyDates).toContain('BOL: ');
    expect(record.parties.every((p) => !p.withdrawn)).toBe(true);
    // Listed, and bound on no date: no "applied since" is claimed for either.
    const bindings = computeBindings(
      {
        id: 1,
        status: 'IN_FORCE',
        dateSigned: '1991-03-26',
        dateProvisionallyApplied: null,
        dateInForce: '1991-11-29',
        dateTerminated: null,
      },
      record.parties.map((p) =>
        bindingRow(p.code, {
          role: p.role === PartyRole.ACCEDED ? 'ACCEDED' : 'ORIGINAL',
          dateJoined: p.dateJoined ?? null,
        }),
      ),
      [],
    );
    expect(bindings.filter((b) => b.appliedFrom !== null).map((b) => b.partyCode)).toEqual([
      'ARG',
      'BRA',
      'PRY',
      'URY',
    ]);
    // Once ToTA lists a state, the correction no longer applies.
    expect(laterPartiesOf('pta_119.xml', ['ARG', 'BRA', 'PRY', 'URY', 'VEN']).map((c) => c.code)).toEqual([
      'BOL',
    ]);
    expect(laterPartiesOf('pta_340.xml', ['ARG', 'BRA', 'IND', 'PRY', 'URY'])).toEqual([]);
  });
});

describe('ToTA records: the sides of an agreement applied only between sides (EFTA)', () => {
  it('gives each party of EFTA - Central America its side, Costa Rica and Panama one, and cites Art. 1.4', () => {
    const efta = treaty({
      fileName: 'pta_416.xml',
      name: 'EFTA - Central America (Costa Rica and Panama)',
      partiesOriginal: ['CHE', 'CRI', 'ISL', 'LIE', 'NOR', 'PAN'],
      parties: ['CHE', 'CRI', 'ISL', 'LIE', 'NOR', 'PAN'],
    });
    const record = totaRecord(efta, 'efta-central-america', []);
    withSides(record, sidesOf('pta_416.xml'), 'pta_416.xml');
    expect(Object.fromEntries(record.parties.map((p) => [p.code, p.side]))).toEqual({
      CHE: 'EFTA States',
      CRI: 'Central American States',
      ISL: 'EFTA States',
      LIE: 'EFTA States',
      NOR: 'EFTA States',
      PAN: 'Central American States',
    });
    expect(record.factSources?.sides).toMatch(/^ToTA v0\.5\.0, pta_416\.xml, Art\. 1\.4: /);
  });

  it('puts every EFTA State a file lists on the EFTA side, those that left EFTA too (EFTA - Bulgaria)', () => {
    const record = totaRecord(
      treaty({
        fileName: 'pta_244.xml',
        name: 'EFTA - Bulgaria',
        partiesOriginal: ['AUT', 'BGR', 'CHE', 'FIN', 'ISL', 'LIE', 'NOR', 'SWE'],
        parties: [],
      }),
      'efta-bulgaria',
      [],
    );
    withSides(record, sidesOf('pta_244.xml'), 'pta_244.xml');
    expect(record.parties.filter((p) => p.side !== 'EFTA States').map((p) => [p.code, p.side])).toEqual([
      ['BGR', 'Bulgaria'],
    ]);
  });

  it('records no side where the text divides nothing (the EFTA Convention)', () => {
    const record = totaRecord(
      treaty({ fileName: 'pta_138.xml', partiesOriginal: ['CHE', 'ISL', 'LIE', 'NOR'] }),
      'efta',
      [],
    );
    withSides(record, sidesOf('pta_138.xml'), 'pta_138.xml');
    expect(record.parties.every((p) => p.side == null)).toBe(true);
    expect(record.factSources?.sides).toBeUndefined();
  });
});
