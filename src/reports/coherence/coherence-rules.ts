import { say, text } from '../common/report-texts';
import { CoherenceRule } from './coherence-rule';
import { ecommerceWithoutCarveOut, servicesWithoutAudiovisualExclusion } from './rules/commitments.rules';
import { inconsistentProtection } from './rules/consistency.rule';
import { implicitReferenceOnly, noConventionReference } from './rules/convention-reference.rules';
import { partnersNotParties } from './rules/partners-convention.rule';
import { noPreferentialTreatment } from './rules/preferential-treatment.rule';

/** The coherence rules, in the order findings of equal severity are listed. docs/coherence-rules.md explains each. */
export const COHERENCE_RULES: readonly CoherenceRule[] = [
  noConventionReference,
  implicitReferenceOnly,
  ecommerceWithoutCarveOut,
  servicesWithoutAudiovisualExclusion,
  noPreferentialTreatment,
  inconsistentProtection,
  partnersNotParties,
];

/** The scored paragraphs, in report order, with what each asks in our words (`scored.<paragraph>` in report-texts.ts). */
export const SCORED_PARAGRAPHS: readonly { paragraph: string; title: string }[] = (
  ['19.5', '19.4', '18.2', '19.1'] as const
).map((paragraph) => ({ paragraph, title: say('en', text(`scored.${paragraph}`)) }));
