import { namesParam, text, partyParam, partyWithCode } from '../../common/report-texts';
import { TaxonomyCodeId } from '../../../taxonomy/taxonomy-code.enum';
import { evidence, withCode } from '../agreement-features';
import { beneficiariesOf, grantorsTo } from '../../common/report-facts';
import { CoherenceRule, result, ruleTexts } from '../coherence-rule';

const basis = text('developing.basis');

export const noPreferentialTreatment: CoherenceRule = {
  id: 'G18.2/no-preferential-treatment',
  paragraph: '18.2',
  severity: 'MEDIUM',
  ...ruleTexts('G18.2/no-preferential-treatment', { basis }),
  scored: true,
  // 18.2 asks developed parties: a developing party is never asked, whatever the dates.
  appliesToParty: (party) => party.developing !== true,
  check({ input, agreement }) {
    const { party } = input;
    if (party.developing === null)
      return result('UNKNOWN', text('coh.preferential.unknown', { party: partyParam(party) }));
    const treatment = withCode(agreement, TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE);
    if (party.developing) {
      // What the party receives: the annotations that speak for it, granted by its developed partners not on its side
      // (`grantorsTo`, the flows report's rule: Panama, on Costa Rica's side of EU - Central America, grants it
      // nothing; nor does anyone grant a member state bound through its bloc); with no developed partner nobody is
      // named as granting it anything.
      const grantors = grantorsTo([...agreement.partners, party], party, false, agreement.via);
      if (treatment.length && grantors.length)
        return result(
          'NOT_APPLICABLE',
          text('coh.preferential.received', {
            party: partyParam(party),
            basis,
            // In the sentence: "granted by the European Union", "octroyé par l’Union européenne".
            names: { ...namesParam(grantors.map(partyParam)), form: 'the' },
          }),
          evidence(treatment),
        );
      return result(
        'NOT_APPLICABLE',
        text('coh.preferential.developing', { party: partyParam(party), basis }),
      );
    }
    // The developing partners it would grant to: none on its own side of a bloc's agreement (`beneficiariesOf`),
    // whose developing parties are named as why 18.2 asks nothing of it there.
    const parties = [...agreement.partners, ...(agreement.onItsSide ?? [])];
    const partnersDeveloping = parties.filter((p) => p.developing === true);
    const developing = beneficiariesOf([...parties, party], party);
    if (!partnersDeveloping.length) {
      // A partner not known to be bound on the date, or not classed, may be a developing one: "no developing partner"
      // would be unfounded.
      const undecided = [
        ...agreement.partners.filter((p) => p.developing === null),
        ...(agreement.partnersDatesUnknown ?? []).filter((p) => p.developing !== false),
      ];
      if (agreement.otherSideRecorded === false)
        return result('UNKNOWN', text('coh.preferential.noneRecorded'));
      if (undecided.length)
        return result(
          'UNKNOWN',
          text('coh.preferential.partnersUndecided', {
            basis,
            count: undecided.length,
            names: namesParam(undecided.map(partyWithCode)),
          }),
        );
      return result('NOT_APPLICABLE', text('coh.preferential.noPartner', { basis }));
    }
    if (!developing.length)
      return result(
        'NOT_APPLICABLE',
        text('coh.preferential.ownSide', {
          party: partyParam(party),
          count: partnersDeveloping.length,
          names: namesParam(partnersDeveloping.map(partyParam)),
          basis,
        }),
      );
    if (treatment.length) return result('MET', text('coh.preferential.met'), evidence(treatment));
    return result(
      'NOT_MET',
      text('coh.preferential.notMet', {
        count: developing.length,
        names: namesParam(developing.map(partyParam)),
        basis,
      }),
      [],
      text('coh.preferential.absence'),
    );
  },
};
