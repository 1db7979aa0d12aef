import { TaxonomyCodeId } from '../../../taxonomy/taxonomy-code.enum';
import { evidence, withCode } from '../agreement-features';
import { CoherenceRule, listNames, result } from '../coherence-rule';

export const noPreferentialTreatment: CoherenceRule = {
  id: 'G18.2/no-preferential-treatment',
  paragraph: '18.2',
  severity: 'MEDIUM',
  title: 'A developed party with developing-country partners gives culture no preferential treatment',
  checks:
    'When the party is developed (Party.developing = false) and at least one partner is developing (Party.developing = true): is there a PREFERENTIAL_TREATMENT_CULTURE annotation (any mechanism)? Not applicable to a developing party or without developing partners; cannot decide (INFO) when the party’s status is unknown.',
  scored: true,
  check({ input, agreement }) {
    const { party } = input;
    if (party.developing === null)
      return result(
        'UNKNOWN',
        `Whether ${party.name} is a developing country is not recorded, so 18.2 cannot be checked.`,
      );
    if (party.developing) return result('NOT_APPLICABLE', `${party.name} is a developing country.`);
    const developing = agreement.partners.filter((p) => p.developing === true);
    if (!developing.length) return result('NOT_APPLICABLE', 'No developing-country partner.');
    const treatment = withCode(agreement, TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE);
    if (treatment.length)
      return result(
        'MET',
        'Grants preferential treatment to culture from developing partners.',
        evidence(treatment),
      );
    return result(
      'NOT_MET',
      `No preferential treatment for culture, although ${developing.length === 1 ? 'a partner is a developing country' : `${developing.length} partners are developing countries`}: ${listNames(developing.map((p) => p.name))}.`,
      [],
      `No ${TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE} annotation on any provision`,
    );
  },
};
