import { ConventionStatusKind } from '../../../parties/party.enums';
import { TaxonomyCodeId } from '../../../taxonomy/taxonomy-code.enum';
import { evidence, withCode } from '../agreement-features';
import { CoherenceRule, CoherenceRuleContext, result, RuleCheckResult } from '../coherence-rule';

const { CONVENTION_REF_EXPLICIT: EXPLICIT, CONVENTION_REF_IMPLICIT: IMPLICIT } = TaxonomyCodeId;

/**
 * Whether 19.5 applies at all: the party must be a Party to the Convention with a known date of entry into
 * force, and the agreement signed on or after that date.
 */
function applicability({ input, agreement }: CoherenceRuleContext): RuleCheckResult | null {
  const { party } = input;
  if (party.conventionStatus === ConventionStatusKind.NOT_PARTY)
    return result('NOT_APPLICABLE', `${party.name} is not a Party to the Convention.`);
  if (!party.conventionInForce)
    return result(
      'UNKNOWN',
      `The date the Convention entered into force for ${party.name} is not recorded (status ${party.conventionStatus}), so 19.5 cannot be checked.`,
    );
  if (!agreement.dateSigned)
    return result('UNKNOWN', 'The signature date is not recorded, so 19.5 cannot be checked.');
  if (agreement.dateSigned < party.conventionInForce)
    return result(
      'NOT_APPLICABLE',
      `Signed ${agreement.dateSigned}, before the Convention entered into force for ${party.name} (${party.conventionInForce}).`,
    );
  return null;
}

export const noConventionReference: CoherenceRule = {
  id: 'G19.5/no-convention-reference',
  paragraph: '19.5',
  severity: 'MEDIUM',
  title: 'Signed after the Convention entered into force for the party, with no reference to it',
  checks:
    "Agreements signed on or after Party.conventionInForce of the party: is there any CONVENTION_REF_EXPLICIT or CONVENTION_REF_IMPLICIT annotation? Not applicable before that date or when the party is not a Party; cannot decide (INFO) when the party's date or the signature date is unknown.",
  scored: true,
  check(context) {
    const skip = applicability(context);
    if (skip) return skip;
    const refs = withCode(context.agreement, EXPLICIT, IMPLICIT);
    if (refs.length)
      return result(
        'MET',
        'Refers to the Convention or to the diversity of cultural expressions.',
        evidence(refs),
      );
    return result(
      'NOT_MET',
      `Signed ${context.agreement.dateSigned}, after the Convention entered into force for ${context.input.party.name} (${context.input.party.conventionInForce}), with no reference to the Convention or to cultural diversity.`,
      [],
      `No ${EXPLICIT} or ${IMPLICIT} annotation on any provision`,
    );
  },
};

export const implicitReferenceOnly: CoherenceRule = {
  id: 'G19.5/implicit-reference-only',
  paragraph: '19.5',
  severity: 'LOW',
  title: 'Refers to cultural diversity but does not name the Convention',
  checks:
    'Same agreements as G19.5/no-convention-reference: there are CONVENTION_REF_IMPLICIT annotations but no CONVENTION_REF_EXPLICIT one. Not applicable when there is no reference at all (the other 19.5 rule reports it).',
  scored: true,
  check(context) {
    const skip = applicability(context);
    if (skip) return skip;
    const explicit = withCode(context.agreement, EXPLICIT);
    if (explicit.length) return result('MET', 'Names the Convention.', evidence(explicit));
    const implicit = withCode(context.agreement, IMPLICIT);
    if (!implicit.length) return result('NOT_APPLICABLE', 'No reference at all.');
    return result(
      'NOT_MET',
      'Invokes cultural diversity without naming the Convention.',
      evidence(implicit),
      `No ${EXPLICIT} annotation on any provision`,
    );
  },
};
