import { ClauseHit } from './clause-index';
import {
  attributeSource,
  discoverFamily,
  FamilyMemberInput,
  linkFamily,
  OTHER_PARTIES_MIN_LAG_DAYS,
  SAME_PARTIES_MARGIN,
  sourceScore,
} from './clause-family';

const features = (...values: number[]) => Uint32Array.from([...values].sort((a, b) => a - b));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function member(
  id: number,
  date: string | null,
  parties: string[],
  values: number[],
  agreementId = id,
  verbatim?: number[],
): FamilyMemberInput {
  const wording = features(...values);
  return {
    id,
    agreementId,
    dateSigned: date,
    position: 0,
    parties,
    features: wording,
    wording,
    verbatim: verbatim ? features(...verbatim) : wording,
  };
}

describe('linkFamily', () => {
  it('orders by date and links each member to the closest earlier member of another agreement', () => {
    const links = linkFamily([
      member(3, '2010-01-01', ['CAN', 'PER'], range(0, 20)),
      member(1, '1990-01-01', ['CAN', 'USA'], range(0, 16)),
      member(2, '2000-01-01', ['CAN', 'ISR'], range(0, 18)),
      member(4, null, ['MEX'], range(5, 25)),
    ]);
    expect(links.map((l) => [l.id, l.sourceId, l.generation])).toEqual([
      [1, null, 0],
      [2, 1, 1],
      [3, 2, 2],
      [4, 3, 3],
    ]);
    expect(links[0]).toMatchObject({ score: null, templateScore: 1 });
    expect(links[2].score).toBeCloseTo(18 / 20, 10);
  });

  it("prefers the same parties' earlier agreement when it scores within the margin", () => {
    const base = range(0, 100);
    const links = linkFamily([
      member(1, '2000-01-01', ['AUS', 'SGP'], base),
      member(2, '2005-01-01', ['USA', 'JOR'], base.slice(0, 99)),
      member(3, '2010-01-01', ['AUS', 'THA'], base.slice(0, 97)),
    ]);
    expect(SAME_PARTIES_MARGIN).toBe(0.05);
    expect(links.find((l) => l.id === 3)).toMatchObject({ sourceId: 1, sameParties: true });
    const far = linkFamily([
      member(1, '2000-01-01', ['AUS', 'SGP'], base.slice(0, 50)),
      member(2, '2005-01-01', ['USA', 'JOR'], base),
      member(3, '2010-01-01', ['AUS', 'THA'], base.slice(0, 97)),
    ]);
    expect(far.find((l) => l.id === 3)).toMatchObject({ sourceId: 2, sameParties: false });
  });

  it('never takes a source from the same agreement, and roots the family in the clause asked about', () => {
    const links = linkFamily(
      [
        member(1, '1991-01-01', ['EUN', 'HUN'], range(0, 30), 7),
        member(2, '1991-01-01', ['EUN', 'HUN'], range(100, 130), 7),
        member(3, '1993-01-01', ['EUN', 'ROU'], range(100, 128)),
      ],
      3,
    );
    expect(links[0].id).toBe(2);
    expect(links.find((l) => l.id === 1)).toMatchObject({ sourceId: null, generation: 0 });
    expect(links.find((l) => l.id === 3)).toMatchObject({ sourceId: 2 });
  });
});

describe('attributeSource', () => {
  const base = range(0, 100);

  it('scores a candidate by the mean of its WORDING and VERBATIM similarities', () => {
    // The older text has all the member's content words (WORDING 1) but none of its runs of words; the newer one
    // lacks a tenth of the words but is copied word for word (VERBATIM 1).
    const older = member(1, '1960-01-01', ['GBR'], base, 1, range(0, 40));
    const newer = member(2, '1961-01-01', ['MYS'], base.slice(0, 90), 2, range(100, 140));
    const child = member(3, '1966-01-01', ['JAM'], base, 3, range(100, 140));
    expect(sourceScore(child, older)).toBe(0.5);
    expect(sourceScore(child, newer)).toBeCloseTo(0.95, 10);
    expect(attributeSource(child, [older, newer])).toMatchObject({ earlier: { id: 2 } });
    expect(linkFamily([older, newer, child]).find((l) => l.id === 3)).toMatchObject({
      sourceId: 2,
      score: 0.9, // the similarity in the family's own measure
    });
    // The later candidate wins a tie.
    const twin = { ...older, wording: newer.wording, verbatim: newer.verbatim };
    expect(attributeSource(child, [twin, newer])?.earlier.id).toBe(2);
    expect(attributeSource(child, [newer, twin])?.earlier.id).toBe(1);
  });

  it('prefers, within the margin, the agreement with the most parties in common', () => {
    // 2 (AUS-PNG) is a little closer than 1 (AUS-NZL); 3 is AUS-NZL again: both parties in common with 1.
    const anz = member(1, '1965-08-31', ['AUS', 'NZL'], base.slice(0, 96));
    const patcra = member(2, '1976-11-06', ['AUS', 'PNG'], base.slice(0, 99));
    const cer = member(3, '1982-12-14', ['AUS', 'NZL'], base);
    expect(SAME_PARTIES_MARGIN).toBe(0.05);
    expect(attributeSource(cer, [anz, patcra])).toMatchObject({ earlier: { id: 1 }, sharedParties: 2 });
    // Beyond the margin, the closest text wins whatever the parties.
    const far = { ...anz, wording: features(...base.slice(0, 80)), verbatim: features(...base.slice(0, 80)) };
    expect(attributeSource(cer, [far, patcra])).toMatchObject({ earlier: { id: 2 }, sharedParties: 1 });
  });

  it('does not take an agreement of other parties signed days before as the source, unless it is the only one', () => {
    const borneo = member(1, '1961-10-24', ['MYS'], base.slice(0, 70));
    const sibling = member(2, '1965-12-14', ['GBR', 'IRL'], base.slice(0, 99));
    const carifta = member(3, '1965-12-15', ['JAM', 'TTO'], base);
    expect(OTHER_PARTIES_MIN_LAG_DAYS).toBe(90);
    expect(attributeSource(carifta, [borneo, sibling])?.earlier.id).toBe(1);
    expect(attributeSource(carifta, [sibling])?.earlier.id).toBe(2);
    // A party's own agreement stays a candidate however recent.
    const own = { ...sibling, parties: ['JAM', 'GBR'] };
    expect(attributeSource(carifta, [borneo, own])?.earlier.id).toBe(2);
    // So does one signed long enough before.
    const older = { ...sibling, dateSigned: '1965-09-01' };
    expect(attributeSource(carifta, [borneo, older])?.earlier.id).toBe(2);
    expect(attributeSource(carifta, [])).toBeNull();
  });
});

describe('discoverFamily', () => {
  // A chain 1 - 2 - 3 - 4 - 5 where only neighbours are similar.
  const chain = async (id: number): Promise<ClauseHit[]> =>
    [id - 1, id + 1].filter((n) => n >= 1 && n <= 5).map((n) => ({ id: n, score: 0.5 }));

  it('follows a chain of rewordings', async () => {
    expect(await discoverFamily(1, chain)).toEqual({ ids: [1, 2, 3, 4, 5], truncated: false });
  });

  it('stops at the depth and size bounds and says so', async () => {
    expect(await discoverFamily(1, chain, { maxMembers: 60, maxDepth: 2 })).toEqual({
      ids: [1, 2, 3],
      truncated: true,
    });
    expect(await discoverFamily(3, chain, { maxMembers: 2, maxDepth: 4 })).toEqual({
      ids: [3, 2],
      truncated: true,
    });
  });

  it('looks up a provision at the last step only until it knows the family goes on', async () => {
    // A star: 1 is similar to 2, 3 and 4; each of them to one more (5, 6, 7), none of which fits in depth 1.
    const star = async (id: number): Promise<ClauseHit[]> => {
      asked.push(id);
      const links: Record<number, number[]> = { 1: [2, 3, 4], 2: [1, 5], 3: [1, 6], 4: [1, 7] };
      return (links[id] ?? []).map((n) => ({ id: n, score: 0.5 }));
    };
    const asked: number[] = [];
    expect(await discoverFamily(1, star, { maxMembers: 60, maxDepth: 1 })).toEqual({
      ids: [1, 2, 3, 4],
      truncated: true,
    });
    // 2 shows that the family goes on (5 is one step too far); 3 and 4 could only say it again.
    expect(asked).toEqual([1, 2]);
  });
});
