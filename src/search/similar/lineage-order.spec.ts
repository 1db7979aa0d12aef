import { shingles } from '../similarity';
import { orderLineage } from './lineage-order';

const base = 'nothing in this agreement shall be construed to apply to measures adopted or maintained';
const member = (id: number, dateSigned: string | null, text: string, agreementId = id) => ({
  id,
  dateSigned,
  agreementId,
  position: 1,
  shingles: shingles(text),
});

describe('orderLineage', () => {
  it('puts the earliest first as the template and links each later member to its closest earlier one', () => {
    const links = orderLineage([
      member(
        3,
        '2008-11-21',
        `${base} by either party with respect to cultural industries except article 203`,
      ),
      member(1, null, `${base} by either party with respect to cultural industries except article 2205`),
      member(2, '1992-12-17', `${base} by a party with respect to cultural industries`),
      member(
        4,
        '2009-06-28',
        `${base} by either party with respect to cultural industries except article 2 3`,
      ),
    ]);
    expect(links.map((l) => l.id)).toEqual([2, 3, 4, 1]);
    expect(links[0]).toEqual({ id: 2, sourceId: null, score: null, templateScore: 1 });
    expect(links[1]).toMatchObject({ sourceId: 2 });
    expect(links[2]).toMatchObject({ sourceId: 3 });
    expect(links[3]).toMatchObject({ sourceId: 3 });
    for (const link of links.slice(1)) {
      expect(link.score).toBeGreaterThanOrEqual(link.templateScore);
      expect(link.templateScore).toBeGreaterThan(0);
    }
  });
});
