import { FamilyMemberResolver } from './similarity.resolver';
import type { FamilyMember } from '../dto/family.models';

/** A long text of made-up words: two of them share next to nothing, the costliest case for a word diff. */
function longText(seed: number, words = 4000): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(`w${x % 50000}`);
  }
  return out.join(' ');
}

const member = (id: number): FamilyMember =>
  ({
    provision: { id },
    source: { id: id + 100 },
    sourceText: longText(id),
    text: longText(id + 7),
  }) as unknown as FamilyMember;

describe('a family member word diff', () => {
  it('lets other clients be answered between the diffs of a family, which graphql-js starts together', async () => {
    const resolver = new FamilyMemberResolver();
    const order: string[] = [];
    setImmediate(() => order.push('other client'));
    const diffs = [1, 2, 3].map((id) =>
      Promise.resolve(resolver.diff(member(id))).then((diff) => {
        order.push(`diff ${id}`);
        return diff;
      }),
    );
    const results = await Promise.all(diffs);
    expect(results.every((d) => d !== null && d.segments.length > 0)).toBe(true);
    // Before, the three diffs ran in the calls themselves and the other client waited for all of them.
    expect(order).toContain('other client');
    expect(order.indexOf('other client')).toBeLessThan(order.length - 1);
  });
});
