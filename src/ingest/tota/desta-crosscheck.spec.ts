import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  destaDisagreements,
  destaName,
  laterAccessions,
  laterMemberAccessions,
  readDesta,
  readDestaAccessions,
  readDestaSources,
  readDestaWithdrawals,
  laterWithdrawals,
} from './desta-crosscheck';

// Invented entries in DESTA's format (only the columns read here).
const CSV = [
  'number,base_treaty,name,entry_type,consolidated,year,entryforceyear,wto_name',
  '1,1,Zedland Yland,base_treaty,0,2008,2013,EU - Zedland',
  '1a,1,Zedland Yland (consolidated),consolidated,0,2015,2016,EU - Zedland',
  '2,2,Xland Wland,base_treaty,0,2001,2002,Xland - Wland',
  '3,3,Vland talks,negotiation,0,2020,,Vland - Uland',
].join('\n');

describe('DESTA beside ToTA', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'desta-'));
    mkdirSync(join(dir, 'desta'));
    writeFileSync(join(dir, 'desta', 'desta_list_of_treaties_02_02.csv'), CSV);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("says where DESTA's entry for the agreement gives other years than ToTA's dates, naming both", () => {
    const desta = readDesta(dir);
    const notes = destaDisagreements(desta, {
      name: 'EU - Zedland',
      dateSigned: '2008-04-29',
      dateIntoForce: '2010-02-01',
      fileName: 'pta_9.xml',
    });
    expect(notes.dateSignedDesta).toBeUndefined();
    expect(notes.dateInForceDesta).toMatch(
      /ToTA \(pta_9\.xml\) gives 2010-02-01; DESTA v2\.02 entry 1 \("Zedland Yland", base treaty\) gives the year of entry into force 2013/,
    );
    expect(
      destaDisagreements(desta, {
        name: 'Xland - Wland',
        dateSigned: '2001-05-01',
        dateIntoForce: '2002-01-01',
        fileName: 'x',
      }),
    ).toEqual({});
    // A negotiation is no agreement; an unknown name finds nothing.
    expect(
      destaDisagreements(desta, {
        name: 'Vland - Uland',
        dateSigned: '2019-01-01',
        dateIntoForce: null,
        fileName: 'x',
      }),
    ).toEqual({});
  });

  it('reads nothing when the corpus has no DESTA list, and names the files it did not find', () => {
    expect(readDesta(join(dir, 'nowhere')).size).toBe(0);
    // An import with CORPUS_DIR pointing elsewhere left ToTA's statuses uncorrected and said nothing (new-user trial):
    // the import warns with these names.
    expect(readDestaSources(join(dir, 'nowhere')).absent).toEqual([
      join(dir, 'nowhere', 'desta', 'desta_list_of_treaties_02_02.csv'),
      join(dir, 'nowhere', 'countries', 'country-codes.csv'),
    ]);
    expect(readDestaSources(dir).absent).toEqual([join(dir, 'countries', 'country-codes.csv')]);
  });

  it('parses the list once while it holds the same bytes, and again once it changes', () => {
    // Every import tota of a process asked for DESTA again, and parsed its list (some 200 columns) three times.
    const first = readDestaSources(dir);
    expect(readDestaSources(dir)).toBe(first);
    expect(first.entries.get(destaName('Tland - Sland'))).toBeUndefined();
    const file = join(dir, 'desta', 'desta_list_of_treaties_02_02.csv');
    writeFileSync(file, `${CSV}\n4,4,Tland Sland,base_treaty,0,1999,2000,Tland - Sland`);
    try {
      const changed = readDestaSources(dir);
      expect(changed).not.toBe(first);
      expect(changed.entries.get(destaName('Tland - Sland'))?.year).toBe('1999');
      expect(changed.entries.get(destaName('EU - Zedland'))).toEqual(
        first.entries.get(destaName('EU - Zedland')),
      );
    } finally {
      writeFileSync(file, CSV);
    }
    expect(readDestaSources(dir).entries.get(destaName('Tland - Sland'))).toBeUndefined();
  });
  describe('accessions', () => {
    // Facts from DESTA v2.02 (corpus desta/desta_list_of_treaties_02_02.csv): entry 64, the ASEAN FTA, signed
    // 1992, WTO name "ASEAN Free Trade Area (AFTA)"; entry 64+1, Viet Nam's accession (704), 1995; entry 64+3,
    // Cambodia's (116), 1999. ToTA pta_115 lists both among AFTA's original parties. Only the columns read here.
    const ACCESSIONS = [
      'number,base_treaty,name,entry_type,consolidated,year,entryforceyear,wto_name,c1,c2,c3,mc1,mc2,mc3',
      '64,64,ASEAN FTA,base_treaty,0,1992,1992,ASEAN Free Trade Area (AFTA),360,458,,0,0,',
      '64+1,64,ASEAN FTA Vietnam accession,accession,0,1995,,,360,458,704,2,2,1',
      '64+3,64,ASEAN FTA Cambodia accession,accession,0,1999,,,360,704,116,2,2,1',
      // Entry 671, the SADC Treaty (1992, no WTO name), and 672, its Trade Protocol (1996, a protocol entry of 671,
      // WTO name "Southern African Development Community (SADC)"); 672+3, Angola's (24) accession to the Protocol, 2003.
      '671,671,SADC,base_treaty,0,1992,1993,,508,24,,0,0,',
      '672,671,SADC Protocol,protocol or amendment,0,1996,2000,Southern African Development Community (SADC),508,24,,0,0,',
      '672+3,672,SADC Angola accession,accession,0,2003,,,508,24,,2,1,',
      // Entry 810, "EU Colombia and Peru" (2012: the EU's side coded 2, Colombia and Peru 3; one EU state kept
      // here), and 810+2, Croatia's accession (191) in 2015, coded 2 like the EU's side: no member code 1.
      '810,810,Colombia EC Peru,base_treaty,0,2012,2013,EU Colombia and Peru,276,170,604,2,3,3',
      '810+2,810,Colombia EC Peru Croatia accession,accession,0,2015,,,170,604,191,3,3,2',
    ].join('\n');
    const COUNTRIES = [
      'ISO3166-1-Alpha-3,ISO3166-1-numeric,M49',
      'IDN,360,360',
      'MYS,458,458',
      'VNM,704,704',
      'KHM,116,116',
      'DEU,276,276',
      'COL,170,170',
      'PER,604,604',
      'HRV,191,191',
      'MOZ,508,508',
      'AGO,24,24',
    ].join('\n');
    let corpus: string;
    beforeAll(() => {
      corpus = mkdtempSync(join(tmpdir(), 'desta-acc-'));
      mkdirSync(join(corpus, 'desta'));
      mkdirSync(join(corpus, 'countries'));
      writeFileSync(join(corpus, 'desta', 'desta_list_of_treaties_02_02.csv'), ACCESSIONS);
      writeFileSync(join(corpus, 'countries', 'country-codes.csv'), COUNTRIES);
    });
    afterAll(() => rmSync(corpus, { recursive: true, force: true }));

    it('finds the original parties (as ToTA lists them) that DESTA has accede after the signature', () => {
      const later = laterAccessions(
        readDestaAccessions(corpus),
        { name: 'ASEAN Free Trade Area (AFTA)', dateSigned: '1992-01-28' },
        ['IDN', 'KHM', 'MYS', 'VNM'],
      );
      expect([...later].map(([code, e]) => [code, e.number, e.year])).toEqual([
        ['VNM', '64+1', '1995'],
        ['KHM', '64+3', '1999'],
      ]);
      // Not an original party in ToTA: nothing to correct; an agreement signed later than the accession: none.
      expect(
        laterAccessions(
          readDestaAccessions(corpus),
          { name: 'ASEAN Free Trade Area (AFTA)', dateSigned: '1992-01-28' },
          ['IDN'],
        ).size,
      ).toBe(0);
      expect(
        laterAccessions(
          readDestaAccessions(corpus),
          { name: 'ASEAN Free Trade Area (AFTA)', dateSigned: '1999-06-01' },
          ['VNM', 'KHM'],
        ).size,
      ).toBe(0);
    });

    it('reads an accession to a protocol that is an agreement of its own (Angola and the SADC Trade Protocol)', () => {
      // ToTA pta_41 lists Angola among the Protocol's original parties; Mauritius's report named it a partner.
      const later = laterAccessions(
        readDestaAccessions(corpus),
        { name: 'Southern African Development Community (SADC)', dateSigned: '1996-08-24' },
        ['AGO', 'MOZ'],
      );
      expect([...later].map(([code, e]) => [code, e.number, e.year])).toEqual([['AGO', '672+3', '2003']]);
    });

    it('finds a bloc member that acceded by its own protocol, though DESTA codes it by side (Croatia, EU-Colombia-Peru)', () => {
      const later = laterMemberAccessions(
        readDestaAccessions(corpus),
        { name: 'EU - Colombia and Peru', dateSigned: '2012-06-26' },
        ['HRV'],
      );
      expect([...later].map(([code, e]) => [code, e.number, e.year])).toEqual([['HRV', '810+2', '2015']]);
      // What the original parties' reading finds is unchanged: no member code 1, nobody.
      expect(
        laterAccessions(
          readDestaAccessions(corpus),
          { name: 'EU - Colombia and Peru', dateSigned: '2012-06-26' },
          ['HRV', 'COL'],
        ).size,
      ).toBe(0);
    });
  });
  describe('withdrawals', () => {
    // Facts from DESTA v2.02 (corpus desta/desta_list_of_treaties_02_02.csv): entry 243, COMESA, signed 1993, WTO
    // name "Common Market for Eastern and Southern Africa (COMESA)"; entry 243_1, the withdrawal of Lesotho (426)
    // and Mozambique (508) in 1997, both with member code 1 (Kenya, 404, stays: 2); entry 243_3, Tanzania's (834),
    // 2004. ToTA pta_111 lists Lesotho and Tanzania among COMESA's current parties. Only the columns read here.
    const WITHDRAWALS = [
      'number,base_treaty,name,entry_type,consolidated,year,entryforceyear,wto_name,c1,c2,c3,mc1,mc2,mc3',
      '243,243,COMESA,base_treaty,0,1993,1994,Common Market for Eastern and Southern Africa (COMESA),404,426,834,0,0,0',
      '243_1,243,COMESA withdrawal Lesotho Mozambique,withdrawal,0,1997,,,404,426,508,2,1,1',
      '243_3,243,COMESA withdrawal Tanzania,withdrawal,0,2004,,,404,834,,2,1,',
      '243+1,243,COMESA Egypt accession,accession,0,1998,1999,,404,818,,2,1,',
    ].join('\n');
    const COUNTRIES = [
      'ISO3166-1-Alpha-3,ISO3166-1-numeric,M49',
      'KEN,404,404',
      'LSO,426,426',
      'MOZ,508,508',
      'TZA,834,834',
      'EGY,818,818',
    ].join('\n');
    let corpus: string;
    beforeAll(() => {
      corpus = mkdtempSync(join(tmpdir(), 'desta-wd-'));
      mkdirSync(join(corpus, 'desta'));
      mkdirSync(join(corpus, 'countries'));
      writeFileSync(join(corpus, 'desta', 'desta_list_of_treaties_02_02.csv'), WITHDRAWALS);
      writeFileSync(join(corpus, 'countries', 'country-codes.csv'), COUNTRIES);
    });
    afterAll(() => rmSync(corpus, { recursive: true, force: true }));

    it('finds the current parties (as ToTA lists them) that DESTA has withdraw after the signature', () => {
      const comesa = {
        name: 'Common Market for Eastern and Southern Africa (COMESA)',
        dateSigned: '1993-11-05',
      };
      const left = laterWithdrawals(readDestaWithdrawals(corpus), comesa, ['EGY', 'KEN', 'LSO', 'TZA']);
      expect([...left].map(([code, e]) => [code, e.number, e.year])).toEqual([
        ['LSO', '243_1', '1997'],
        ['TZA', '243_3', '2004'],
      ]);
      // Mozambique, whom ToTA does not list, and Kenya, who stays: nothing to correct; an accession is not a withdrawal; signed later: none.
      expect(laterWithdrawals(readDestaWithdrawals(corpus), comesa, ['KEN', 'MUS']).size).toBe(0);
      expect([...readDestaAccessions(corpus).values()].flat().map((e) => e.number)).toEqual(['243+1']);
      expect(
        laterWithdrawals(readDestaWithdrawals(corpus), { ...comesa, dateSigned: '2005-01-01' }, [
          'LSO',
          'TZA',
        ]).size,
      ).toBe(0);
    });
  });
});
