import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { destaDisagreements, readDesta } from './desta-crosscheck';

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

  it('reads nothing when the corpus has no DESTA list', () => {
    expect(readDesta(join(dir, 'nowhere')).size).toBe(0);
  });
});
