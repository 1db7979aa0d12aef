import { agreementNameWithYear, yearAfterName } from './common';

describe('the year written after an agreement name (yearAfterName)', () => {
  it('is the year of signature', () => {
    expect(yearAfterName({ shortTitle: 'EU-Korea FTA', title: 'x', dateSigned: '2010-10-06' })).toBe('2010');
    expect(agreementNameWithYear({ shortTitle: 'EU-Korea FTA', title: 'x', dateSigned: '2010-10-06' })).toBe(
      'EU-Korea FTA (2010)',
    );
  });

  it('is none where the name already ends with that year, in brackets or not', () => {
    const chile = {
      shortTitle: 'EU-Chile Association Agreement (2002)',
      title: 'x',
      dateSigned: '2002-11-18',
    };
    expect(yearAfterName(chile)).toBeNull();
    expect(agreementNameWithYear(chile)).toBe('EU-Chile Association Agreement (2002)');
    expect(yearAfterName({ shortTitle: null, title: 'GATT 1994', dateSigned: '1994-04-15' })).toBeNull();
  });

  it('is written where the name ends with another year or with a longer number', () => {
    expect(yearAfterName({ shortTitle: 'Protocol (2002)', title: 'x', dateSigned: '2004-01-01' })).toBe(
      '2004',
    );
    expect(yearAfterName({ shortTitle: 'Decision 12002', title: 'x', dateSigned: '2002-01-01' })).toBe(
      '2002',
    );
    // The short title is the name when there is one; the title otherwise.
    expect(yearAfterName({ shortTitle: 'Pact', title: 'Pact of 2002', dateSigned: '2002-01-01' })).toBe(
      '2002',
    );
  });

  it('is none without a date of signature', () => {
    expect(yearAfterName({ shortTitle: 'Pact', title: 'x', dateSigned: null })).toBeNull();
    expect(agreementNameWithYear({ shortTitle: 'Pact', title: 'x', dateSigned: null })).toBe('Pact');
  });
});
