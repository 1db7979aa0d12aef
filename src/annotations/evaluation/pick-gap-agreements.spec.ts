import { GapCandidate, pickGapBatch, STRATA, Stratum } from './pick-gap-agreements';

const candidate = (id: string, over: Partial<GapCandidate> = {}): GapCandidate => ({
  id,
  language: 'en',
  year: 2005,
  region: 'Europe',
  name: `A${id}`,
  wtoRtaId: id,
  articles: 100,
  hits: 1,
  southSouth: false,
  ...over,
});

describe('pick-gap-agreements', () => {
  it('places an agreement in the first stratum it fits, whatever the input order', () => {
    const pool = [
      candidate('1', { language: 'es', southSouth: true }),
      candidate('2', { southSouth: true }),
      candidate('3', { name: 'EU - X', year: 1995, hits: 2 }),
      candidate('4', { year: 1975, hits: 2 }),
      candidate('5', { year: 1975, hits: 1 }),
      candidate('6', { name: 'EC - Y', hits: 1 }),
    ];
    const picks = pickGapBatch(pool, 20261207).map((p) => `${p.stratum}:${p.agreement.id}`);
    expect(picks).toEqual(['language:1', 'south-south:2', 'eu:3', 'older:4']);
    expect(pickGapBatch([...pool].reverse(), 20261207).map((p) => `${p.stratum}:${p.agreement.id}`)).toEqual(
      picks,
    );
  });

  it('takes each stratum up to its size in seeded order, plus the reserve when asked', () => {
    const pool = Array.from({ length: 10 }, (_, i) => candidate(String(100 + i), { southSouth: true }));
    const southSouth = STRATA.find((s) => s.name === 'south-south')!;
    const one: Stratum[] = [southSouth];
    const first = pickGapBatch(pool, 7, one).map((p) => p.agreement.id);
    expect(first).toHaveLength(southSouth.take);
    expect(pickGapBatch(pool, 7, one).map((p) => p.agreement.id)).toEqual(first);
    const withReserve = pickGapBatch(pool, 7, one, 2).map((p) => p.agreement.id);
    expect(withReserve.slice(0, southSouth.take)).toEqual(first);
    expect(withReserve).toHaveLength(southSouth.take + 2);
    expect(pickGapBatch(pool, 8, one).map((p) => p.agreement.id)).not.toEqual(first);
  });
});
