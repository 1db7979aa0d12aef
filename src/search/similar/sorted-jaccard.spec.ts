import { jaccard, shingles } from '../similarity';
import { sortedJaccard } from './sorted-jaccard';

describe('sortedJaccard', () => {
  it('equals jaccard on shingle sets', () => {
    const texts = [
      'nothing in this agreement shall be construed to apply to measures with respect to cultural industries',
      'this agreement is not to be construed to apply to measures with respect to cultural industries',
      'measures affecting cultural industries are exempt from the provisions of this agreement',
      '',
    ];
    for (const a of texts) {
      for (const b of texts) {
        expect(sortedJaccard(shingles(a), shingles(b))).toBeCloseTo(jaccard(shingles(a), shingles(b)), 12);
      }
    }
  });
});
