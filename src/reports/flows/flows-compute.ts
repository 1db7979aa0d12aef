import { PreferentialMechanism } from '../../annotations/annotation.enums';
import { AgreementFacts, AnnotationFact, evidenceOf, PartyFacts } from '../common/report-facts';
import { statusNote } from '../common/status-note';
import { FlowsResult, PreferentialFlow } from './flows-result';

export interface FlowFilterValues {
  grantors?: string[] | null;
  beneficiaries?: string[] | null;
  mechanisms?: string[] | null;
}

export interface FlowsInput {
  includeProposed: boolean;
  filter: FlowFilterValues;
  agreements: AgreementFacts[];
  parties: Map<number, PartyFacts[]>;
  /** PREFERENTIAL_TREATMENT_CULTURE annotations of those agreements. */
  annotations: AnnotationFact[];
}

const MECHANISMS: readonly string[] = Object.values(PreferentialMechanism);

/** The mechanisms an annotation records (OTHER when it records none). */
export const mechanismsOf = (a: AnnotationFact): string[] => {
  const found = a.detail.filter((d) => MECHANISMS.includes(d));
  return found.length ? found : [PreferentialMechanism.OTHER];
};

/**
 * Who grants what to whom. Grantors are the developed parties (Party.developing = false, a bloc as itself),
 * beneficiaries the developing ones; with no developed party, every developing party grants the others (mutual).
 * Parties whose status is unknown are neither.
 */
export function computeFlows(input: FlowsInput): FlowsResult {
  const flows = new Map<string, PreferentialFlow>();
  let unknownParties = 0;
  const wanted = (list: string[] | null | undefined, value: string) => !list?.length || list.includes(value);
  for (const agreement of input.agreements) {
    const parties = input.parties.get(agreement.id) ?? [];
    unknownParties += parties.filter((p) => p.developing === null).length;
    const developed = parties.filter((p) => p.developing === false);
    const developing = parties.filter((p) => p.developing === true);
    const mutual = developed.length === 0;
    const grantors = mutual ? developing : developed;
    for (const annotation of input.annotations.filter((a) => a.agreementId === agreement.id)) {
      for (const mechanism of mechanismsOf(annotation)) {
        if (!wanted(input.filter.mechanisms, mechanism)) continue;
        for (const grantor of grantors) {
          if (!wanted(input.filter.grantors, grantor.code)) continue;
          for (const beneficiary of developing) {
            if (beneficiary.code === grantor.code || !wanted(input.filter.beneficiaries, beneficiary.code))
              continue;
            const key = [grantor.code, beneficiary.code, mechanism, agreement.id].join('\u0000');
            const flow = flows.get(key) ?? {
              grantor,
              beneficiary,
              mechanism,
              agreement,
              provisions: [],
              mutual,
            };
            flow.provisions.push(evidenceOf(annotation));
            flows.set(key, flow);
          }
        }
      }
    }
  }
  const sorted = [...flows.values()].sort(
    (a, b) =>
      a.grantor.name.localeCompare(b.grantor.name) ||
      a.beneficiary.name.localeCompare(b.beneficiary.name) ||
      a.mechanism.localeCompare(b.mechanism) ||
      (a.agreement.dateSigned ?? '').localeCompare(b.agreement.dateSigned ?? ''),
  );
  return {
    includeProposed: input.includeProposed,
    notes: [
      statusNote(input.includeProposed),
      'Grantors are the developed parties of an agreement (the EU as a bloc), beneficiaries its developing-country parties (the taxonomy: not World Bank high income, or an LDC or SIDS). Where no party is developed, the developing parties grant each other (mutual).',
      ...(unknownParties
        ? [
            `${unknownParties} party entries whose developing status is unknown are neither grantors nor beneficiaries.`,
          ]
        : []),
    ],
    flows: sorted,
  };
}
