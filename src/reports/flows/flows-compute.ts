import { PreferentialMechanism } from '../../annotations/annotation.enums';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { evidenceNoteText, isPending } from '../common/evidence';
import { notesOf, text } from '../common/report-texts';
import {
  AgreementFacts,
  AnnotationFact,
  BoundPartyFacts,
  coversParty,
  evidenceOf,
  grantorsTo,
  onePerProvision,
  partnersOf,
  SuspendedPartyFacts,
} from '../common/report-facts';
import { suspendedNote } from '../common/suspended-note';
import { FlowsResult, PreferentialFlow } from './flows.types';

export interface FlowFilterValues {
  grantors?: string[] | null;
  beneficiaries?: string[] | null;
  mechanisms?: string[] | null;
}

export interface FlowsInput {
  includeProposed: boolean;
  filter: FlowFilterValues;
  agreements: AgreementFacts[];
  /** Every party each agreement binds (agreement_binding); only partners in their own right grant or benefit. */
  parties: Map<number, BoundPartyFacts[]>;
  /**
   * The parties whose rights and obligations under each agreement are suspended on `day` (today): not in `parties`,
   * so neither granting nor benefiting; named in a note (Venezuela in MERCOSUR since 2017-08-05).
   */
  suspended: Map<number, SuspendedPartyFacts[]>;
  day: string;
  /** PREFERENTIAL_TREATMENT_CULTURE annotations of those agreements, ACCEPTED and PROPOSED. */
  annotations: AnnotationFact[];
}

const MECHANISMS: readonly string[] = Object.values(PreferentialMechanism);

/** The mechanisms an annotation records (OTHER when it records none). */
export const mechanismsOf = (a: AnnotationFact): string[] => {
  const found = a.detail.filter((d) => MECHANISMS.includes(d));
  return found.length ? found : [PreferentialMechanism.OTHER];
};

/**
 * Who grants what to whom: beneficiaries are the developing partners, each granted by `grantorsTo` (the developed
 * partners not on its side; with no developed partner, every developing partner grants the others, mutual). Partners are the parties bound in their own right: a bloc's member states (bound through it, or listed
 * beside it) are never partners, nor are dependent territories (never bound). Parties whose status is unknown are
 * neither. A flow resting on proposed annotations only is kept, marked pending (unless includeProposed counts them).
 */
export function computeFlows(input: FlowsInput): FlowsResult {
  // The annotations behind each flow, every one first: a flow counts each provision once (`onePerProvision`).
  const flows = new Map<
    string,
    {
      flow: Omit<PreferentialFlow, 'provisions' | 'accepted' | 'proposed' | 'pending'>;
      annotations: AnnotationFact[];
    }
  >();
  let unknownParties = 0;
  const wanted = (list: string[] | null | undefined, value: string) => !list?.length || list.includes(value);
  for (const agreement of input.agreements) {
    const parties = partnersOf(input.parties.get(agreement.id) ?? []);
    unknownParties += parties.filter((p) => p.developing === null).length;
    const developed = parties.filter((p) => p.developing === false);
    const developing = parties.filter((p) => p.developing === true);
    const mutual = developed.length === 0;
    for (const annotation of input.annotations.filter((a) => a.agreementId === agreement.id)) {
      for (const mechanism of mechanismsOf(annotation)) {
        if (!wanted(input.filter.mechanisms, mechanism)) continue;
        for (const beneficiary of developing) {
          if (!wanted(input.filter.beneficiaries, beneficiary.code)) continue;
          for (const grantor of grantorsTo(parties, beneficiary, mutual)) {
            if (
              !wanted(input.filter.grantors, grantor.code) ||
              // A provision that names the parties it covers gives a flow only where it covers one of the two.
              !(
                coversParty(annotation.partyScope, grantor.code, null) ||
                coversParty(annotation.partyScope, beneficiary.code, null)
              )
            )
              continue;
            const key = [grantor.code, beneficiary.code, mechanism, agreement.id].join('\u0000');
            const found = flows.get(key) ?? {
              flow: { grantor, beneficiary, mechanism, agreement, mutual },
              annotations: [],
            };
            found.annotations.push(annotation);
            flows.set(key, found);
          }
        }
      }
    }
  }
  const counted = [...flows.values()].map(({ flow, annotations }): PreferentialFlow => {
    const evidence = onePerProvision(annotations);
    const count = {
      accepted: evidence.filter((a) => a.status === AnnotationStatus.ACCEPTED).length,
      proposed: evidence.filter((a) => a.status !== AnnotationStatus.ACCEPTED).length,
    };
    return {
      ...flow,
      provisions: evidence.map((a) => evidenceOf(a)),
      ...count,
      pending: isPending(count, input.includeProposed),
    };
  });
  const sorted = counted.sort(
    (a, b) =>
      a.grantor.name.localeCompare(b.grantor.name) ||
      a.beneficiary.name.localeCompare(b.beneficiary.name) ||
      a.mechanism.localeCompare(b.mechanism) ||
      (a.agreement.dateSigned ?? '').localeCompare(b.agreement.dateSigned ?? ''),
  );
  return {
    includeProposed: input.includeProposed,
    ...notesOf([
      evidenceNoteText(input.includeProposed),
      ...(!input.includeProposed && counted.some((f) => f.pending) ? [text('flows.note.pending')] : []),
      text('flows.note.who', { basis: text('developing.basis') }),
      text('flows.note.partners'),
      ...(unknownParties ? [text('flows.note.unknown', { count: unknownParties })] : []),
      ...suspendedNote(
        input.day,
        input.agreements.flatMap((agreement) =>
          (input.suspended.get(agreement.id) ?? []).map((s) => ({ ...s, agreement })),
        ),
      ),
    ]),
    flows: sorted,
  };
}
