// The labelled family files, read through the loader the bench and the corpus test use (family-measure.ts): each
// is well formed, and no article is a member of two files (a later set must be unseen by the earlier ones).
// Nothing of the similarity tool is run here.
import { FamilyFile, FamilySplit, labelledFamilies } from './family-measure';

const FILES: [FamilyFile, FamilySplit[]][] = [
  ['families.json', ['development', 'held-out']],
  ['fresh.json', ['fresh']],
  ['fresh2.json', ['fresh2']],
  ['fresh3.json', ['fresh3']],
  ['fresh4.json', ['fresh4']],
  ['fresh5.json', ['fresh5']],
  ['fresh6.json', ['fresh6']],
  ['fresh7.json', ['fresh7']],
  ['fresh8.json', ['fresh8']],
  ['fresh9.json', ['fresh9']],
  ['fresh10.json', ['fresh10']],
  ['fresh11.json', ['fresh11']],
  ['fresh12.json', ['fresh12']],
  ['fresh13.json', ['fresh13']],
  ['fresh14.json', ['fresh14']],
  ['fresh15.json', ['fresh15']],
];

describe('labelled family files', () => {
  it.each(FILES)('%s: members in signature order, each source an earlier member', (file, splits) => {
    const families = labelledFamilies(file);
    expect(families.length).toBeGreaterThanOrEqual(3);
    for (const family of families) {
      expect(splits).toContain(family.split);
      expect(family.name).toMatch(/^[a-z0-9-]+$/);
      expect(family.note.length).toBeGreaterThan(200);
      const pinpoints = family.members.map((m) => m.pinpoint);
      expect(new Set(pinpoints).size).toBe(pinpoints.length);
      const dates = family.members.map((m) => m.dateSigned);
      expect(dates).toEqual([...dates].sort());
      family.members.forEach((member, i) => {
        expect(member.tota).toMatch(/^\d+$/);
        expect(member.article).toMatch(/^\d+$/);
        expect(member.dateSigned).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        // The template (the first member) has no source; every other member names an earlier one.
        if (i === 0) expect(member.source).toBeNull();
        else expect(pinpoints.slice(0, i)).toContain(member.source);
      });
    }
  });

  it('holds no ToTA article in two files or two families', () => {
    const where = new Map<string, string>();
    const repeated: string[] = [];
    for (const [file] of FILES) {
      for (const family of labelledFamilies(file)) {
        for (const member of family.members) {
          const key = `${member.tota}/${member.article}`;
          const here = `${file}:${family.name}`;
          if (where.has(key)) repeated.push(`${key} in ${where.get(key)} and ${here}`);
          else where.set(key, here);
        }
      }
    }
    expect(repeated).toEqual([]);
    expect(labelledFamilies('fresh6.json').flatMap((f) => f.members)).toHaveLength(66);
    expect(labelledFamilies('fresh7.json').flatMap((f) => f.members)).toHaveLength(42);
    expect(labelledFamilies('fresh8.json').flatMap((f) => f.members)).toHaveLength(52);
    expect(labelledFamilies('fresh9.json').flatMap((f) => f.members)).toHaveLength(83);
    expect(labelledFamilies('fresh10.json').flatMap((f) => f.members)).toHaveLength(114);
    expect(labelledFamilies('fresh11.json').flatMap((f) => f.members)).toHaveLength(86);
    expect(labelledFamilies('fresh12.json').flatMap((f) => f.members)).toHaveLength(51);
    expect(labelledFamilies('fresh13.json').flatMap((f) => f.members)).toHaveLength(85);
    expect(labelledFamilies('fresh14.json').flatMap((f) => f.members)).toHaveLength(63);
    expect(labelledFamilies('fresh15.json').flatMap((f) => f.members)).toHaveLength(49);
  });
});
