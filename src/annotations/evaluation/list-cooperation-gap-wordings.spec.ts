import {
  GAP_WORDINGS,
  GapCandidateAgreement,
  orderGapCandidates,
  preferenceGroup,
} from './list-cooperation-gap-wordings';

const candidate = (id: string, over: Partial<GapCandidateAgreement> = {}): GapCandidateAgreement => ({
  id,
  language: 'en',
  year: 2005,
  region: 'Europe',
  name: `A${id}`,
  wtoRtaId: id,
  articles: 100,
  gapKinds: 1,
  gapArticles: 1,
  ...over,
});

describe('list-cooperation-gap-wordings', () => {
  it('prefers Spanish or French texts, then African, Caribbean or Gulf parties, then the rest', () => {
    expect(preferenceGroup(candidate('1', { language: 'fr', region: 'Europe' }))).toBe(0);
    expect(preferenceGroup(candidate('2', { region: 'Caribbean; North America' }))).toBe(1);
    expect(preferenceGroup(candidate('3', { region: 'Middle East' }))).toBe(1);
    expect(preferenceGroup(candidate('4', { region: 'East Asia' }))).toBe(2);
  });

  it('orders within a group by distinct gaps, then gap articles, then identifier, whatever the input order', () => {
    const pool = [
      candidate('9', { region: 'West Africa', gapKinds: 1, gapArticles: 5 }),
      candidate('3', { gapKinds: 3 }),
      candidate('7', { region: 'West Africa', gapKinds: 2 }),
      candidate('5', { language: 'es' }),
      candidate('2', { region: 'West Africa', gapKinds: 1, gapArticles: 5 }),
    ];
    const order = orderGapCandidates(pool).map((a) => a.id);
    expect(order).toEqual(['5', '7', '2', '9', '3']);
    expect(orderGapCandidates([...pool].reverse()).map((a) => a.id)).toEqual(order);
  });

  it('recognises the audit’s gap wordings in the three languages, not their look-alikes', () => {
    const gap = (name: string, text: string) => GAP_WORDINGS[name].text!.test(text);
    expect(gap('cultural-field', 'la coopération dans le domaine culturel')).toBe(true);
    expect(gap('cultural-field', 'la cooperación en materia cultural')).toBe(true);
    expect(gap('heritage-conservation', 'la conservación del patrimonio cultural')).toBe(true);
    expect(gap('co-production', 'la coproduction de films')).toBe(true);
    expect(gap('artist-exchanges', 'el intercambio de artistas')).toBe(true);
    expect(gap('cultural-field', 'the agricultural field')).toBe(false);
    expect(GAP_WORDINGS['mixed-culture-heading'].heading!.test('Social and Cultural Affairs')).toBe(true);
  });
});
