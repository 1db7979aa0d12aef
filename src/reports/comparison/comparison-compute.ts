import { AnnotationStatus } from '../../annotations/annotation.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AgreementFacts, AnnotationFact, evidenceOf, PartyFacts } from '../common/report-facts';
import { forceRank } from '../common/report-queries';
import { statusNote } from '../common/status-note';
import { ComparisonCell, ComparisonResult } from './comparison-result';

export interface ComparisonInput {
  agreements: AgreementFacts[];
  parties: Map<number, PartyFacts[]>;
  annotations: AnnotationFact[];
  codes: TaxonomyCodeId[];
  includeProposed: boolean;
}

/** The matrix of agreements by code: a pure function of the loaded facts. */
export function computeComparison(input: ComparisonInput): ComparisonResult {
  const cells: ComparisonCell[] = [];
  for (const agreement of input.agreements) {
    for (const code of input.codes) {
      const found = input.annotations.filter((a) => a.agreementId === agreement.id && a.code === code);
      const strongest = found.reduce<AnnotationFact | null>(
        (best, a) => (best === null || forceRank(a.bindingForce) > forceRank(best.bindingForce) ? a : best),
        null,
      );
      cells.push({
        agreement: agreement.slug,
        code,
        provisions: found.map((a) => evidenceOf(a)),
        strongestBindingForce: strongest?.bindingForce ?? null,
        statuses: [AnnotationStatus.ACCEPTED, AnnotationStatus.PROPOSED].filter((s) =>
          found.some((a) => a.status === s),
        ),
      });
    }
  }
  return {
    includeProposed: input.includeProposed,
    codes: input.codes,
    notes: [
      statusNote(input.includeProposed),
      'A cell shows the strongest binding force among the provisions with the code, and lists them all.',
      'An empty cell means no counted annotation: the agreement may still have a provision the annotators have not coded, or texts (annexes, schedules) the catalogue does not hold.',
    ],
    agreements: input.agreements.map((agreement) => {
      const parties = input.parties.get(agreement.id) ?? [];
      return { agreement, parties, developingParties: parties.filter((p) => p.developing === true) };
    }),
    cells,
  };
}
