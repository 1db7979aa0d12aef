import { AnnotationStatus } from '../../annotations/annotation.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { evidenceNoteText, isPending } from '../common/evidence';
import { dateParam, namesParam, notesOf, partyParam, text } from '../common/report-texts';
import {
  canJudgeAbsence,
  RecordCompleteness,
  recordCompleteness,
} from '../../agreements/record-completeness';
import { DatePrecision, RecordCoverage } from '../../agreements/agreement.enums';
import {
  agreementName,
  AgreementFacts,
  AnnotationFact,
  BoundPartyFacts,
  evidenceOf,
  forceRank,
  onePerProvision,
  PartyFacts,
  partnersOf,
  SuspendedPartyFacts,
} from '../common/report-facts';
import { suspendedNote } from '../common/suspended-note';
import { ComparisonCell, ComparisonResult } from './comparison.types';

export interface ComparisonInput {
  agreements: AgreementFacts[];
  /** Every party each agreement binds (agreement_binding). */
  boundParties: Map<number, BoundPartyFacts[]>;
  /** The parties each agreement binds on no date, having signed only (never partners). */
  signatoriesOnly: Map<number, PartyFacts[]>;
  /** The parties whose rights and obligations under each agreement are suspended on `day` (not in `boundParties`). */
  suspended: Map<number, SuspendedPartyFacts[]>;
  /** The day the parties are taken on (today): a suspension in effect that day leaves the party out. */
  day: string;
  /** ACCEPTED and PROPOSED annotations (counted one per provision and code: `onePerProvision`). */
  annotations: AnnotationFact[];
  codes: TaxonomyCodeId[];
  includeProposed: boolean;
  /** What the catalogue holds of each agreement. */
  records: Map<number, RecordCompleteness>;
  /** The agreements whose status is ToTA's of 2017, not re-checked since (`statusOf2017`, report-queries). */
  statusesOf2017?: Set<number>;
}

const isAccepted = (a: AnnotationFact) => a.status === AnnotationStatus.ACCEPTED;

/** The matrix of agreements by code: a pure function of the loaded facts. */
export function computeComparison(input: ComparisonInput): ComparisonResult {
  const annotations = onePerProvision(input.annotations);
  const cells: ComparisonCell[] = [];
  for (const agreement of input.agreements) {
    for (const code of input.codes) {
      const found = annotations
        .filter((a) => a.agreementId === agreement.id && a.code === code)
        .sort((a, b) => Number(isAccepted(b)) - Number(isAccepted(a)));
      const counted = found.filter((a) => input.includeProposed || isAccepted(a));
      const strongest = counted.reduce<AnnotationFact | null>(
        (best, a) => (best === null || forceRank(a.bindingForce) > forceRank(best.bindingForce) ? a : best),
        null,
      );
      const count = {
        accepted: found.filter(isAccepted).length,
        proposed: found.filter((a) => !isAccepted(a)).length,
      };
      cells.push({
        agreement: agreement.slug,
        code,
        provisions: found.map((a) => evidenceOf(a)),
        strongestBindingForce: strongest?.bindingForce ?? null,
        statuses: [AnnotationStatus.ACCEPTED, AnnotationStatus.PROPOSED].filter((s) =>
          found.some((a) => a.status === s),
        ),
        ...count,
        pending: isPending(count, input.includeProposed),
      });
    }
  }
  return {
    includeProposed: input.includeProposed,
    codes: input.codes,
    ...notesOf([
      evidenceNoteText(input.includeProposed),
      text('cmp.note.cell'),
      text('cmp.note.empty'),
      // Held only in part (CETA: five selected provisions), an agreement's empty cell is no absence: named.
      ...partialNote(input),
      // The "Status" row of an agreement imported from ToTA is the WTO's of 2017: said so, as the coherence report does.
      ...statusNote(input),
      text('cmp.note.parties'),
      // The TPP's column has no parties: said why, and who signed it.
      ...(input.agreements.some((a) => input.signatoriesOnly.get(a.id)?.length)
        ? [text('cmp.note.signatoriesOnly')]
        : []),
      // AANZFTA for Cambodia: bound from 2011-02-01 at the latest, its own day not recorded; said, as the coherence
      // report and the party page say it.
      ...atLatestNote(input),
      // Venezuela in MERCOSUR: a party, bound by nothing since 2017-08-05; named apart, as the coherence report does.
      ...suspendedNote(
        input.day,
        input.agreements.flatMap((agreement) =>
          (input.suspended.get(agreement.id) ?? []).map((s) => ({ ...s, agreement })),
        ),
      ),
    ]),
    agreements: input.agreements.map((agreement) => {
      const boundParties = input.boundParties.get(agreement.id) ?? [];
      const parties = partnersOf(boundParties);
      return {
        agreement,
        parties,
        boundParties,
        developingParties: parties.filter((p) => p.developing === true),
        signatoriesOnly: input.signatoriesOnly.get(agreement.id) ?? [],
        suspendedParties: input.suspended.get(agreement.id) ?? [],
        record: recordOf(input, agreement.id),
      };
    }),
    cells,
  };
}

const recordOf = (input: ComparisonInput, id: number) =>
  input.records.get(id) ?? recordCompleteness(RecordCoverage.METADATA_ONLY, null, 0);

function partialNote(input: ComparisonInput) {
  const partial = input.agreements.filter((a) => !canJudgeAbsence(recordOf(input, a.id)));
  return partial.length
    ? [text('cmp.note.partial', { count: partial.length, names: namesParam(partial.map(agreementName)) })]
    : [];
}

function statusNote(input: ComparisonInput) {
  const of2017 = input.agreements.filter((a) => input.statusesOf2017?.has(a.id));
  return of2017.length
    ? [text('cmp.note.statusOf2017', { count: of2017.length, names: namesParam(of2017.map(agreementName)) })]
    : [];
}

/** The parties whose date is a bound (`appliedFromPrecision` AT_LATEST), each with its agreement and bound. */
function atLatestNote(input: ComparisonInput) {
  const items = input.agreements.flatMap((agreement) =>
    (input.boundParties.get(agreement.id) ?? [])
      .filter((b) => b.appliedFromPrecision === DatePrecision.AT_LATEST && b.appliedFrom)
      .map((b) =>
        text('cmp.note.atLatestItem', {
          party: partyParam(b.party),
          code: b.party.code,
          agreement: agreementName(agreement),
          date: dateParam(b.appliedFrom!),
        }),
      ),
  );
  return items.length
    ? [text('cmp.note.atLatest', { count: items.length, names: namesParam(items, 0, '; ') })]
    : [];
}
