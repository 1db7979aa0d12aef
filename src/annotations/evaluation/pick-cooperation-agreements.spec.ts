import {
  COOPERATION_WORD,
  CULTURE_FIELD,
  MAX_PER_REGION,
  pickCooperationBatch,
  QualifiedAgreement,
} from './pick-cooperation-agreements';

const agreement = (id: string, region: string): QualifiedAgreement => ({
  id,
  language: 'en',
  year: 2000,
  region,
  name: `A${id}`,
  wtoRtaId: id,
  articles: 100,
  hits: 3,
});

describe('pick-cooperation-agreements', () => {
  it('matches cultural fields as whole words, not inside "agricultural"', () => {
    expect(CULTURE_FIELD.test('cooperation on cultural matters')).toBe(true);
    expect(CULTURE_FIELD.test('la coopération audiovisuelle')).toBe(true);
    expect(CULTURE_FIELD.test('patrimonio cultural')).toBe(true);
    expect(CULTURE_FIELD.test('agricultural cooperation')).toBe(false);
    expect(COOPERATION_WORD.test('Co-operation')).toBe(true);
    expect(COOPERATION_WORD.test('cooperación')).toBe(true);
  });

  it('draws the same batch for the same seed, whatever the input order, capped per first region', () => {
    const pool = [
      ...Array.from({ length: 6 }, (_, i) => agreement(String(10 + i), 'Europe; Africa')),
      ...Array.from({ length: 4 }, (_, i) => agreement(String(30 + i), 'East Asia')),
      agreement('50', 'Africa'),
    ];
    const first = pickCooperationBatch(pool, 7, 8).map((a) => a.id);
    expect(pickCooperationBatch([...pool].reverse(), 7, 8).map((a) => a.id)).toEqual(first);
    const picks = pickCooperationBatch(pool, 7, 8);
    expect(picks.filter((a) => a.region.startsWith('Europe'))).toHaveLength(MAX_PER_REGION);
    expect(picks.filter((a) => a.region === 'East Asia')).toHaveLength(MAX_PER_REGION);
    expect(picks).toHaveLength(2 * MAX_PER_REGION + 1);
    expect(pickCooperationBatch(pool, 8, 8).map((a) => a.id)).not.toEqual(first);
  });
});
