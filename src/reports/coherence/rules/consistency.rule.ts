import { agreementName } from '../../common/report-facts';
import { namesParam, text } from '../../common/report-texts';
import {
  culturalProtection,
  evidence,
  isExposed,
  periodOf,
  PROTECTION_CODES,
  signatureYear,
} from '../agreement-features';
import { CoherenceRule, result, ruleTexts } from '../coherence-rule';

export const inconsistentProtection: CoherenceRule = {
  id: 'G19.1/inconsistent-cultural-protection',
  paragraph: '19.1',
  severity: 'MEDIUM',
  ...ruleTexts('G19.1/inconsistent-cultural-protection', { codes: PROTECTION_CODES.join(', ') }),
  scored: true,
  check({ input, agreement }) {
    if (!isExposed(agreement))
      return result('NOT_APPLICABLE', text('coh.consistency.na'), [], text('coh.consistency.naAbsence'));
    const year = signatureYear(agreement);
    if (year === null) return result('UNKNOWN', text('coh.consistency.undated'));
    const period = periodOf(year);
    const peers = input.agreements.filter((other) => {
      const y = signatureYear(other);
      return (
        other.id !== agreement.id && y !== null && periodOf(y).start === period.start && isExposed(other)
      );
    });
    if (!peers.length)
      return result('NOT_APPLICABLE', text('coh.consistency.noPeer', { period: period.label }));
    const own = culturalProtection(agreement);
    if (own.length) return result('MET', text('coh.consistency.own'), evidence(own));
    const protecting = peers.filter((p) => culturalProtection(p).length > 0);
    // Alike in protecting nothing is no coherence with the Convention: nothing to compare, and the 19.4 rules
    // report what each agreement lacks.
    if (!protecting.length)
      return result(
        'NOT_APPLICABLE',
        text('coh.consistency.none', { count: peers.length, period: period.label }),
      );
    return result(
      'NOT_MET',
      text('coh.consistency.notMet', {
        protecting: protecting.length,
        count: peers.length,
        period: period.label,
        names: namesParam(protecting.map(agreementName)),
      }),
      protecting.flatMap((p) => evidence(culturalProtection(p)).slice(0, 1)),
      text('coh.consistency.absence'),
    );
  },
};
