import { TaxonomyCodeId } from '../../../taxonomy/taxonomy-code.enum';
import { evidence, withCode } from '../agreement-features';
import { CoherenceRule, result } from '../coherence-rule';

const { CONVENTION_REF_EXPLICIT: EXPLICIT, CONVENTION_REF_IMPLICIT: IMPLICIT } = TaxonomyCodeId;

export const noConventionReference: CoherenceRule = {
  id: 'G19.5/no-convention-reference',
  paragraph: '19.5',
  severity: 'MEDIUM',
  title: 'No reference to the Convention or to the diversity of cultural expressions',
  checks:
    'Is there a reference to the 2005 Convention, or to the diversity of cultural expressions as a value or objective of the parties, in any provision (the preamble included)?',
  scored: true,
  why: 'Paragraph 19.5 of the Guidelines encourages Parties to refer to the Convention in their trade agreements, so that the agreement is read in harmony with it.',
  whatToCheck:
    'Check the preamble and the general or final provisions for any mention of cultural diversity or of the Convention, and note it for the next negotiation or review of the agreement.',
  check({ input, agreement }) {
    const refs = withCode(agreement, EXPLICIT, IMPLICIT);
    if (refs.length)
      return result(
        'MET',
        'Refers to the Convention or to the diversity of cultural expressions.',
        evidence(refs),
      );
    return result(
      'NOT_MET',
      `Signed ${agreement.dateSigned}, after the Convention applied to ${input.party.name}, with no reference to the Convention or to cultural diversity in the provisions held.`,
      [],
      'a reference to the Convention or to cultural diversity',
    );
  },
};

export const implicitReferenceOnly: CoherenceRule = {
  id: 'G19.5/implicit-reference-only',
  paragraph: '19.5',
  severity: 'LOW',
  title: 'Refers to cultural diversity but does not name the Convention',
  checks:
    'Among the agreements that refer to cultural diversity: is the 2005 Convention named? Not applicable when there is no reference at all (the other 19.5 rule reports it).',
  scored: true,
  why: 'Paragraph 19.5 of the Guidelines asks for references to the Convention itself; a general mention of cultural diversity is weaker support when the agreement is interpreted.',
  whatToCheck: 'Read the cited passages and consider naming the Convention when the agreement is reviewed.',
  check({ agreement }) {
    const explicit = withCode(agreement, EXPLICIT);
    if (explicit.length) return result('MET', 'Names the Convention.', evidence(explicit));
    const implicit = withCode(agreement, IMPLICIT);
    if (!implicit.length)
      return result(
        'NOT_APPLICABLE',
        'No reference to the Convention or to cultural diversity among the provisions held (the other 19.5 rule reports it).',
      );
    return result(
      'NOT_MET',
      'Invokes cultural diversity without naming the Convention.',
      evidence(implicit),
      'a reference that names the Convention',
    );
  },
};
