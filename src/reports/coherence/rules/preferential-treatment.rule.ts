import { DEVELOPING_BASIS } from '../../../parties/developing';
import { listNames } from '../../common/report-facts';
import { TaxonomyCodeId } from '../../../taxonomy/taxonomy-code.enum';
import { evidence, withCode } from '../agreement-features';
import { CoherenceRule, result } from '../coherence-rule';

export const noPreferentialTreatment: CoherenceRule = {
  id: 'G18.2/no-preferential-treatment',
  paragraph: '18.2',
  severity: 'MEDIUM',
  title: 'A developed party with developing-country partners gives culture no preferential treatment',
  checks: `When the party is a developed country and at least one partner is a developing country: does the agreement give preferential treatment to culture (any mechanism)? Not applicable to a developing party or without developing partners; cannot decide when the party’s status is not recorded. Who is developing is read from ${DEVELOPING_BASIS}, for agreements of every year.`,
  scored: true,
  why: 'Paragraph 18 of the Guidelines asks developed countries to grant preferential treatment to cultural goods, services and practitioners from developing countries, including through trade agreements (Convention Article 16).',
  whatToCheck:
    'Look for protocols on cultural cooperation, co-production or market-access facilities for artists and cultural services from the developing partners named in the finding.',
  check({ input, agreement }) {
    const { party } = input;
    if (party.developing === null)
      return result(
        'UNKNOWN',
        `Whether ${party.name} is a developing country is not recorded, so 18.2 cannot be checked.`,
      );
    if (party.developing)
      return result('NOT_APPLICABLE', `${party.name} is a developing country on ${DEVELOPING_BASIS}.`);
    const developing = agreement.partners.filter((p) => p.developing === true);
    if (!developing.length)
      return result(
        'NOT_APPLICABLE',
        `No developing-country partner on ${DEVELOPING_BASIS}; a partner's income group when the agreement was signed may have differed.`,
      );
    const treatment = withCode(agreement, TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE);
    if (treatment.length)
      return result(
        'MET',
        'Grants preferential treatment to culture from developing partners.',
        evidence(treatment),
      );
    return result(
      'NOT_MET',
      `No preferential treatment for culture, although ${developing.length === 1 ? 'a partner is a developing country' : `${developing.length} partners are developing countries`}: ${listNames(developing.map((p) => p.name))} (on ${DEVELOPING_BASIS}).`,
      [],
      'preferential treatment for culture from developing partners',
    );
  },
};
