import { emptySummary, formatSummary } from './import-summary';

describe('formatSummary', () => {
  it('says what each file did: agreements created, agreements already held updated, language versions added', () => {
    const summary = {
      ...emptySummary(),
      files: 4,
      imported: 4,
      provisions: 30,
      updated: [{ file: 'pta_449.xml', into: 'tpp' }],
      merged: [{ file: 'pta_449_es.xml', language: 'es', into: 'tpp', keySuffix: 'es' }],
    };
    expect(formatSummary(summary, 1.04).split('\n')).toEqual([
      '4 of 4 files imported in 1.0 s: 30 provisions, 0 proposed annotations.',
      '2 new agreements created; 1 agreement already in the catalogue updated (tpp from pta_449.xml); 1 file added to an agreement as a further language version of the same treaty:',
      '  pta_449_es.xml (es) into tpp, provision keys ending in .es',
    ]);
  });

  it('counts in words, never "file(s)", and says nothing more when every file made an agreement of its own', () => {
    const one = { ...emptySummary(), files: 1, imported: 1, provisions: 2 };
    expect(formatSummary(one, 0)).toBe(
      '1 of 1 file imported in 0.0 s: 2 provisions, 0 proposed annotations.',
    );
    const updatedOnly = { ...one, updated: [{ file: 'pta_449.xml', into: 'tpp' }] };
    expect(formatSummary(updatedOnly, 0).split('\n')[1]).toBe(
      '1 agreement already in the catalogue updated (tpp from pta_449.xml).',
    );
  });

  it('counts an agreement once when several of its language versions came unchanged (it said "2 agreements")', () => {
    const again = {
      ...emptySummary(),
      files: 2,
      imported: 2,
      provisions: 1015,
      unchanged: [
        { file: 'pta_449.xml', into: 'tpp' },
        { file: 'pta_450.xml', into: 'tpp' },
      ],
    };
    expect(formatSummary(again, 2.9).split('\n')[1]).toBe(
      '1 agreement already in the catalogue unchanged, nothing written (tpp from pta_449.xml, tpp from pta_450.xml).',
    );
  });

  it('says what a failure left: the other files written (each its own transaction), or nothing of a whole-file import', () => {
    const failure = { file: 'pta_3.xml', reason: 'not XML' };
    const perFile = { ...emptySummary(), files: 3, imported: 2, provisions: 5, failures: [failure] };
    // A ToTA run that failed at its third file kept the first two: it said only that the failed one was not written.
    expect(formatSummary(perFile, 0).split('\n').slice(-1)).toEqual([
      '1 failed (each named above); nothing of them was written. The 2 others were, each in its own transaction: import the failed ones again once corrected (a file imported again is updated in place).',
    ]);
    const wholeFile = {
      ...emptySummary(),
      unit: 'agreement record',
      files: 3,
      failures: [failure],
      wholeFile: true,
    };
    expect(formatSummary(wholeFile, 0).split('\n').slice(-1)).toEqual([
      '1 failed (each named above); nothing of the file was written: the catalogue is as it was (correct them and import the file again).',
    ]);
  });
});
