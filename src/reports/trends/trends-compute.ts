import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { countedOf, evidenceNote } from '../common/evidence';
import { AgreementFacts } from '../common/report-facts';
import { TrendGroup, TrendGroupBy, TrendsResult } from './trends.types';

export interface GroupKey {
  key: string;
  label: string;
}

export interface TrendsInput {
  groupBy: TrendGroupBy;
  from: number | null;
  to: number | null;
  codes: TaxonomyCodeId[];
  includeProposed: boolean;
  /** Agreements signed in the range, with a known signature date. */
  agreements: AgreementFacts[];
  /** The codes of each agreement, and whether a reviewer accepted one of its annotations (else only proposed). */
  codesOf: Map<number, Map<TaxonomyCodeId, CodeEvidence>>;
  /** Groups of each agreement (YEAR: ignored, the signature year is the group). */
  keysOf: Map<number, GroupKey[]>;
}

export type CodeEvidence = 'ACCEPTED' | 'PROPOSED';

const UNKNOWN_GROUP: Record<TrendGroupBy, GroupKey> = {
  [TrendGroupBy.YEAR]: { key: 'unknown', label: 'Unknown year' },
  [TrendGroupBy.REGION]: { key: 'unknown', label: 'Unknown region' },
  [TrendGroupBy.AGREEMENT_TYPE]: { key: 'none', label: 'No type recorded' },
  [TrendGroupBy.PARTY]: { key: 'none', label: 'No party recorded' },
};

/** Count and share of agreements with each code, per group: a pure function of the loaded facts. */
export function computeTrends(input: TrendsInput): TrendsResult {
  const groups = new Map<string, { label: string; ids: Set<number> }>();
  for (const agreement of input.agreements) {
    const keys =
      input.groupBy === TrendGroupBy.YEAR
        ? [{ key: agreement.dateSigned!.slice(0, 4), label: agreement.dateSigned!.slice(0, 4) }]
        : (input.keysOf.get(agreement.id) ?? []);
    for (const { key, label } of keys.length ? keys : [UNKNOWN_GROUP[input.groupBy]]) {
      const group = groups.get(key) ?? { label, ids: new Set<number>() };
      group.ids.add(agreement.id);
      groups.set(key, group);
    }
  }
  const result: TrendGroup[] = [...groups].map(([key, { label, ids }]) => ({
    key,
    label,
    agreements: ids.size,
    counts: input.codes.map((code) => {
      const evidence = [...ids].map((id) => input.codesOf.get(id)?.get(code));
      const count = {
        accepted: evidence.filter((e) => e === 'ACCEPTED').length,
        proposed: evidence.filter((e) => e === 'PROPOSED').length,
      };
      const n = countedOf(count, input.includeProposed);
      return {
        code,
        agreements: n,
        share: n / ids.size,
        ...count,
        acceptedShare: count.accepted / ids.size,
        shareWithProposed: (count.accepted + count.proposed) / ids.size,
      };
    }),
  }));
  result.sort((a, b) =>
    input.groupBy === TrendGroupBy.YEAR
      ? a.key.localeCompare(b.key)
      : b.agreements - a.agreements || a.label.localeCompare(b.label),
  );
  const years = input.agreements.map((a) => Number(a.dateSigned!.slice(0, 4)));
  return {
    groupBy: input.groupBy,
    from: input.from ?? (years.length ? Math.min(...years) : null),
    to: input.to ?? (years.length ? Math.max(...years) : null),
    codes: input.codes,
    includeProposed: input.includeProposed,
    notes: [
      evidenceNote(input.includeProposed),
      'Counts agreements, not provisions: an agreement has a code when at least one of its provisions carries it. Agreements with no recorded signature date are left out.',
      ...(input.groupBy === TrendGroupBy.PARTY || input.groupBy === TrendGroupBy.REGION
        ? [
            'Parties are those an agreement binds: a bloc such as the European Union and, through it, each of its member states; dependent territories are not parties.',
          ]
        : []),
      ...(input.groupBy === TrendGroupBy.YEAR
        ? []
        : [
            'An agreement counts once in every group it belongs to, so group sizes add up to more than the total.',
          ]),
    ],
    agreements: input.agreements.length,
    groups: result,
  };
}
