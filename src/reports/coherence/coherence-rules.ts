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

/** The scored paragraphs, in report order, with what each asks in our words. */
export const SCORED_PARAGRAPHS: readonly { paragraph: string; title: string }[] = [
  { paragraph: '19.5', title: 'Agreements refer explicitly to the 2005 Convention' },
  {
    paragraph: '19.4',
    title:
      'Cultural goods and services keep their specificity in e-commerce, services and investment commitments',
  },
  {
    paragraph: '18.2',
    title:
      'A developed party gives culture from developing partners preferential treatment (paragraphs 18, 18.2)',
  },
  { paragraph: '19.1', title: 'Culture is treated consistently across agreements of the same period' },
];
