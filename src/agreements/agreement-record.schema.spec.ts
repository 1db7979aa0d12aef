import { dateOrderProblems, parseAgreementRecord } from './agreement-record.schema';

const minimal = { slug: 'a-b', title: 'A', kind: 'BILATERAL', status: 'SIGNED' };

describe('agreement records', () => {
  it('accepts a minimal record and fills the defaults', () => {
    const record = parseAgreementRecord(minimal, 'test');
    expect(record).toMatchObject({ types: [], parties: [], provisions: [], related: [] });
  });

  it.each([
    [{ dateSigned: '2013-13-45' }, 'dateSigned: is not a real calendar date'],
    [{ dateSigned: '2013-02-30' }, 'dateSigned: is not a real calendar date'],
    [{ dateSigned: '13/02/2013' }, 'dateSigned: must be a date YYYY-MM-DD'],
    [{ slug: 'Not A Slug' }, 'slug: must be lower-case'],
    [{ kind: 'TRILATERAL' }, 'kind:'],
    [{ parties: [{ code: 'france' }] }, 'parties.0.code'],
    [{ surprise: 1 }, 'Unrecognized key'],
    [
      { parties: [{ code: 'HTI', signatoryOnly: true, dateProvisionallyApplied: '2010-01-01' }] },
      'parties.0.dateProvisionallyApplied: contradicts signatoryOnly',
    ],
    [
      { parties: [{ code: 'HTI', signatoryOnly: true, role: 'ACCEDED' }] },
      'parties.0.role: contradicts signatoryOnly',
    ],
    [
      { parties: [{ code: 'CAN', dateSigned: '2012-06-01', dateInForce: '2011-01-01' }] },
      'parties.0.dateInForce: (2011-01-01) is before dateSigned (2012-06-01)',
    ],
    [{ parties: [{ code: 'CAN', dateSigned: '2070-01-01' }] }, 'parties.0.dateSigned: is in the future'],
    [
      { parties: [{ code: 'CHE', side: 'EFTA States' }, { code: 'COL' }] },
      'parties.1.side: is not given, but other parties are given a side',
    ],
    [
      {
        parties: [
          { code: 'CHE', side: 'EFTA States' },
          { code: 'ISL', side: 'EFTA States' },
        ],
      },
      'parties.1.side: names one side only (EFTA States)',
    ],
    [
      {
        parties: [
          { code: 'CHE', side: 'EFTA\u00adStates' },
          { code: 'ISL', side: 'EFTA States' },
          { code: 'COL', side: 'Colombia' },
        ],
      },
      'parties.0.side: must not contain control, invisible or bidirectional-override characters (U+00AD at position 4)',
    ],
    [
      {
        parties: [
          { code: 'CHE', side: ' ' },
          { code: 'COL', side: 'Colombia' },
        ],
      },
      'parties.0.side:',
    ],
    [
      { parties: [{ code: 'CAN', withdrawn: false, dateWithdrawn: '2019-03-01' }] },
      'parties.0.withdrawn: is false, but dateWithdrawn (2019-03-01) says the party withdrew',
    ],
    [
      {
        provisions: [
          { key: 'art-1', location: 'OPERATIVE' },
          { key: 'art-1', location: 'OPERATIVE' },
        ],
      },
      'provisions.1.key: duplicate key art-1',
    ],
    [
      { provisions: [{ key: 'art-1', location: 'OPERATIVE', annotations: [{ code: 'NOT_A_CODE' }] }] },
      'provisions.0.annotations.0.code',
    ],
    [{ related: [{ slug: 'a-b', relation: 'AMENDS' }] }, 'related.0.slug: names the agreement itself'],
  ])('rejects %j naming the field', (change, message) => {
    expect(() => parseAgreementRecord({ ...minimal, ...change }, 'file.json')).toThrow(message);
    expect(() => parseAgreementRecord({ ...minimal, ...change }, 'file.json')).toThrow('file.json');
  });

  it('reports dates that contradict each other', () => {
    expect(dateOrderProblems({ dateSigned: '2015-01-01', dateInForce: '2014-01-01' })).toEqual([
      'dateInForce (2014-01-01) is before dateSigned (2015-01-01)',
    ]);
    expect(
      dateOrderProblems({ dateSigned: '2015-01-01', dateInForce: '2016-01-01', dateTerminated: null }),
    ).toEqual([]);
  });

  it('judges a date against every date that comes before it, not the first given only', () => {
    expect(
      dateOrderProblems({
        dateSigned: '2010-05-01',
        dateInForce: '2012-01-01',
        dateTerminated: '2011-01-01',
      }),
    ).toEqual(['dateTerminated (2011-01-01) is before dateInForce (2012-01-01)']);
    expect(dateOrderProblems({ dateSigned: '2010-05-01', dateProvisionallyApplied: '2001-01-01' })).toEqual([
      'dateProvisionallyApplied (2001-01-01) is before dateSigned (2010-05-01)',
    ]);
    expect(
      dateOrderProblems({
        dateSigned: '2010-05-01',
        dateProvisionallyApplied: '2011-01-01',
        dateInForce: null,
        dateTerminated: '2010-12-01',
      }),
    ).toEqual(['dateTerminated (2010-12-01) is before dateProvisionallyApplied (2011-01-01)']);
    expect(
      dateOrderProblems({
        dateSigned: '2010-05-01',
        dateProvisionallyApplied: '2010-05-01',
        dateInForce: '2011-01-01',
        dateTerminated: '2011-01-01',
      }),
    ).toEqual([]);
  });
});
