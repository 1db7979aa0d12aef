import { TaxonomyCodeId } from '../../../taxonomy/taxonomy-code.enum';
import { evidence, withCode } from '../agreement-features';
import { CoherenceRule, result, ruleTexts } from '../coherence-rule';
import { dateParam, text, partyParam } from '../../common/report-texts';

const { CONVENTION_REF_EXPLICIT: EXPLICIT, CONVENTION_REF_IMPLICIT: IMPLICIT } = TaxonomyCodeId;

export const noConventionReference: CoherenceRule = {
  id: 'G19.5/no-convention-reference',
  paragraph: '19.5',
  severity: 'MEDIUM',
  ...ruleTexts('G19.5/no-convention-reference'),
  scored: true,
  check({ input, agreement }) {
    const refs = withCode(agreement, EXPLICIT, IMPLICIT);
    if (refs.length) return result('MET', text('coh.ref.met'), evidence(refs));
    return result(
      'NOT_MET',
      text('coh.ref.notMet', { signed: dateParam(agreement.dateSigned!), party: partyParam(input.party) }),
      [],
      text('coh.ref.absence'),
    );
  },
};

export const implicitReferenceOnly: CoherenceRule = {
  id: 'G19.5/implicit-reference-only',
  paragraph: '19.5',
  severity: 'LOW',
  ...ruleTexts('G19.5/implicit-reference-only'),
  scored: true,
  check({ agreement }) {
    const explicit = withCode(agreement, EXPLICIT);
    if (explicit.length) return result('MET', text('coh.implicit.met'), evidence(explicit));
    const implicit = withCode(agreement, IMPLICIT);
    if (!implicit.length) return result('NOT_APPLICABLE', text('coh.implicit.na'));
    return result('NOT_MET', text('coh.implicit.notMet'), evidence(implicit), text('coh.implicit.absence'));
  },
};
