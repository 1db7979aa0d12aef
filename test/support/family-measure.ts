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
}

export type FamilySplit = 'development' | 'held-out';

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

export function labelledFamilies(): LabelledFamily[] {
  const file = join(__dirname, '..', 'fixtures', 'families', 'families.json');
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
  /** Share of the member queries whose template is the labelled one. */
  templateShare: number;
  templateCorrect: boolean;
  /** Labelled non-template members whose source (in their own family query) is the labelled one. */
  sourcesCorrect: number;
  sourcesTotal: number;
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
  let templates = 0;
  let sourcesCorrect = 0;
  const wrongSources: string[] = [];
  for (const member of family.members) {
    const answer = await query(member.pinpoint);
    const found = new Set(answer.members.map((m) => m.provision.pinpoint));
    recall += labelled.filter((p) => p !== member.pinpoint && found.has(p)).length / (labelled.length - 1);
    if (answer.template.pinpoint === template) templates += 1;
    if (member.source !== null) {
      const own = answer.members.find((m) => m.provision.pinpoint === member.pinpoint);
      const source = own?.source?.pinpoint ?? null;
      if (source === member.source) sourcesCorrect += 1;
      else wrongSources.push(`${member.pinpoint}: ${source ?? 'none'} (labelled ${member.source})`);
    }
  }
  const n = family.members.length;
  return {
    name: family.name,
    split: family.split,
    members: n,
    span: `${family.members[0].dateSigned.slice(0, 4)}-${family.members[n - 1].dateSigned.slice(0, 4)}`,
    recall: recall / n,
    templateShare: templates / n,
    templateCorrect: templates / n > 0.5,
    sourcesCorrect,
    sourcesTotal: n - 1,
    wrongSources,
  };
}

export interface FamilySetScore {
  families: FamilyScore[];
  recall: number;
  templatesCorrect: number;
  sourceShare: number;
  /** Source attribution within each half of the split: correct and labelled sources. */
  sourcesBySplit: Record<FamilySplit, { correct: number; total: number }>;
}

export async function scoreFamilies(
  query: (pinpoint: string) => Promise<FamilyAnswer>,
): Promise<FamilySetScore> {
  const families: FamilyScore[] = [];
  for (const family of labelledFamilies()) families.push(await scoreFamily(family, query));
  const members = families.reduce((sum, f) => sum + f.members, 0);
  const sources = families.reduce((sum, f) => sum + f.sourcesTotal, 0);
  return {
    families,
    recall: families.reduce((sum, f) => sum + f.recall * f.members, 0) / members,
    templatesCorrect: families.filter((f) => f.templateCorrect).length,
    sourceShare: families.reduce((sum, f) => sum + f.sourcesCorrect, 0) / sources,
    sourcesBySplit: {
      development: sourcesIn(families, 'development'),
      'held-out': sourcesIn(families, 'held-out'),
    },
  };
}

function sourcesIn(families: FamilyScore[], split: FamilySplit): { correct: number; total: number } {
  const half = families.filter((f) => f.split === split);
  return {
    correct: half.reduce((sum, f) => sum + f.sourcesCorrect, 0),
    total: half.reduce((sum, f) => sum + f.sourcesTotal, 0),
  };
}
