// Measures clauseFamily against the hand-labelled families of test/fixtures/families (used by the corpus test and
// by `npm run bench:similarity`): family recall, template and source attribution.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LabelledMember {
  tota: string;
  article: string;
  pinpoint: string;
  dateSigned: string;
  source: string | null;
  /** The source labelled before the label review of 2026-12-03 (README.md here), when the review changed it. */
  labelledBefore?: string | null;
}

/**
 * `fresh`: the families of fresh.json, built after the attribution rule was frozen (README.md here);
 * `fresh2` to `fresh15`: those of fresh2.json, fresh3.json, fresh4.json, fresh5.json, fresh6.json, fresh7.json,
 * fresh8.json, fresh9.json, fresh10.json, fresh11.json, fresh12.json, fresh13.json, fresh14.json and fresh15.json, each built before a later rule was chosen and scored once it was frozen (fresh15.json: not yet scored).
 */
export type FamilySplit =
  | 'development'
  | 'held-out'
  | 'fresh'
  | 'fresh2'
  | 'fresh3'
  | 'fresh4'
  | 'fresh5'
  | 'fresh6'
  | 'fresh7'
  | 'fresh8'
  | 'fresh9'
  | 'fresh10'
  | 'fresh11'
  | 'fresh12'
  | 'fresh13'
  | 'fresh14'
  | 'fresh15';

export interface LabelledFamily {
  name: string;
  theme: string;
  code: string;
  /**
   * `development` or `held-out`: the families were split by their order in the file (1st, 3rd, 5th against 2nd,
   * 4th, 6th) before attribution rules were compared on the first half, so that a rule chosen there is judged on
   * the other half (see README.md here).
   */
  split: FamilySplit;
  note: string;
  members: LabelledMember[];
}

/**
 * The labelled families: families.json (development and held-out halves), fresh.json, fresh2.json, fresh3.json,
 * fresh4.json, fresh5.json, fresh6.json, fresh7.json, fresh8.json, fresh9.json, fresh10.json, fresh11.json,
 * fresh12.json, fresh13.json, fresh14.json or fresh15.json.
 */
export type FamilyFile =
  | 'families.json'
  | 'fresh.json'
  | 'fresh2.json'
  | 'fresh3.json'
  | 'fresh4.json'
  | 'fresh5.json'
  | 'fresh6.json'
  | 'fresh7.json'
  | 'fresh8.json'
  | 'fresh9.json'
  | 'fresh10.json'
  | 'fresh11.json'
  | 'fresh12.json'
  | 'fresh13.json'
  | 'fresh14.json'
  | 'fresh15.json';

/** The files run 14's leave-one-file-out folds went over: every set seen before fresh11.json was scored. */
export const RUN_14_FOLD_FILES: readonly FamilyFile[] = [
  'families.json',
  'fresh.json',
  'fresh2.json',
  'fresh3.json',
  'fresh4.json',
  'fresh5.json',
  'fresh6.json',
  'fresh7.json',
  'fresh8.json',
  'fresh9.json',
  'fresh10.json',
];

/** The files run 15's leave-one-file-out folds go over: all twelve labelled files, fresh11.json added once scored. */
export const RUN_15_FOLD_FILES: readonly FamilyFile[] = [...RUN_14_FOLD_FILES, 'fresh11.json'];

/** The files run 16's leave-one-file-out folds go over: all thirteen labelled files, fresh12.json added once scored. */
export const RUN_16_FOLD_FILES: readonly FamilyFile[] = [...RUN_15_FOLD_FILES, 'fresh12.json'];

export function labelledFamilies(name: FamilyFile = 'families.json'): LabelledFamily[] {
  const file = join(__dirname, '..', 'fixtures', 'families', name);
  return (JSON.parse(readFileSync(file, 'utf8')) as { families: LabelledFamily[] }).families;
}

/** What the measure needs of one clauseFamily answer. */
export interface FamilyAnswer {
  template: { pinpoint: string };
  members: { provision: { pinpoint: string }; source: { pinpoint: string } | null }[];
}

export const FAMILY_QUERY = `query ($id: ID!) { clauseFamily(id: $id) {
  template { pinpoint } members { provision { pinpoint } source { pinpoint } } } }`;

export interface FamilyScore {
  name: string;
  split: FamilySplit;
  members: number;
  span: string;
  /** Mean over the members queried of the share of the other labelled members found. */
  recall: number;
  /**
   * Of the other members found, over all the queries, the share that are labelled members. A lower bound of the
   * share that are the same kind of clause: a label set can be incomplete (README here), so an unlabelled member
   * found is to be read before it is called unrelated.
   */
  precision: number;
  /** Other members found, over all the queries (precision's denominator). */
  found: number;
  /** Share of the member queries whose template is the labelled one. */
  templateShare: number;
  templateCorrect: boolean;
  /** Labelled non-template members whose source (in their own family query) is the labelled one. */
  sourcesCorrect: number;
  sourcesTotal: number;
  /** The same against the labels before the review (labelledBefore where the review changed a label). */
  sourcesCorrectBefore: number;
  wrongSources: string[];
}

/**
 * Queries the family of every labelled member (`family(pinpoint)` answers clauseFamily for it) and scores: recall
 * (the other labelled members found), template (the labelled earliest member, for a majority of the queries) and
 * source attribution (each member's source in its own family, against the label).
 */
export async function scoreFamily(
  family: LabelledFamily,
  query: (pinpoint: string) => Promise<FamilyAnswer>,
): Promise<FamilyScore> {
  const labelled = family.members.map((m) => m.pinpoint);
  const template = family.members[0].pinpoint;
  let recall = 0;
  let found = 0;
  let labelledFound = 0;
  let templates = 0;
  let sourcesCorrect = 0;
  let sourcesCorrectBefore = 0;
  const wrongSources: string[] = [];
  for (const member of family.members) {
    const answer = await query(member.pinpoint);
    const others = new Set(
      answer.members.map((m) => m.provision.pinpoint).filter((p) => p !== member.pinpoint),
    );
    const labelledOthers = labelled.filter((p) => p !== member.pinpoint && others.has(p)).length;
    recall += labelledOthers / (labelled.length - 1);
    found += others.size;
    labelledFound += labelledOthers;
    if (answer.template.pinpoint === template) templates += 1;
    if (member.source !== null) {
      const own = answer.members.find((m) => m.provision.pinpoint === member.pinpoint);
      const source = own?.source?.pinpoint ?? null;
      if (source === member.source) sourcesCorrect += 1;
      else wrongSources.push(`${member.pinpoint}: ${source ?? 'none'} (labelled ${member.source})`);
      if (source === (member.labelledBefore !== undefined ? member.labelledBefore : member.source))
        sourcesCorrectBefore += 1;
    }
  }
  const n = family.members.length;
  return {
    name: family.name,
    split: family.split,
    members: n,
    span: `${family.members[0].dateSigned.slice(0, 4)}-${family.members[n - 1].dateSigned.slice(0, 4)}`,
    recall: recall / n,
    precision: found ? labelledFound / found : 1,
    found,
    templateShare: templates / n,
    templateCorrect: templates / n > 0.5,
    sourcesCorrect,
    sourcesTotal: n - 1,
    sourcesCorrectBefore,
    wrongSources,
  };
}

export interface FamilySetScore {
  families: FamilyScore[];
  recall: number;
  /** Of the other members found over all the families' queries, the share that are labelled (see FamilyScore). */
  precision: number;
  templatesCorrect: number;
  sourceShare: number;
  /** Source attribution within each split present: correct (now and against the labels before review) and total. */
  sourcesBySplit: Partial<Record<FamilySplit, SplitSources>>;
}

export interface SplitSources {
  correct: number;
  correctBefore: number;
  total: number;
}

export async function scoreFamilies(
  query: (pinpoint: string) => Promise<FamilyAnswer>,
  file: FamilyFile = 'families.json',
): Promise<FamilySetScore> {
  const families: FamilyScore[] = [];
  for (const family of labelledFamilies(file)) families.push(await scoreFamily(family, query));
  const members = families.reduce((sum, f) => sum + f.members, 0);
  const sources = families.reduce((sum, f) => sum + f.sourcesTotal, 0);
  return {
    families,
    recall: families.reduce((sum, f) => sum + f.recall * f.members, 0) / members,
    precision:
      families.reduce((sum, f) => sum + f.precision * f.found, 0) /
      Math.max(
        families.reduce((sum, f) => sum + f.found, 0),
        1,
      ),
    templatesCorrect: families.filter((f) => f.templateCorrect).length,
    sourceShare: families.reduce((sum, f) => sum + f.sourcesCorrect, 0) / sources,
    sourcesBySplit: Object.fromEntries(
      [...new Set(families.map((f) => f.split))].map((split) => [split, sourcesIn(families, split)]),
    ),
  };
}

function sourcesIn(families: FamilyScore[], split: FamilySplit): SplitSources {
  const half = families.filter((f) => f.split === split);
  return {
    correct: half.reduce((sum, f) => sum + f.sourcesCorrect, 0),
    correctBefore: half.reduce((sum, f) => sum + f.sourcesCorrectBefore, 0),
    total: half.reduce((sum, f) => sum + f.sourcesTotal, 0),
  };
}
