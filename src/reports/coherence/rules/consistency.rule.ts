import { agreementName, listNames } from '../../common/report-facts';
import {
  culturalProtection,
  evidence,
  isExposed,
  periodOf,
  PROTECTION_CODES,
  signatureYear,
} from '../agreement-features';
import { CoherenceRule, plural, result } from '../coherence-rule';

export const inconsistentProtection: CoherenceRule = {
  id: 'G19.1/inconsistent-cultural-protection',
  paragraph: '19.1',
  severity: 'MEDIUM',
  title: 'Culture protected in some agreements of a period and not in others',
  checks: `Among the party's agreements that have services or investment commitments or e-commerce obligations (as the two 19.4 rules define them), grouped by five-year period of signature (2005–2009, 2010–2014, ...): an agreement with no ${PROTECTION_CODES.join(', ')} annotation, in a period where at least one other such agreement has one. The finding lists the agreements that do protect culture, with their provisions. Not applicable without such commitments or without another agreement in the period.`,
  scored: true,
  why: 'Paragraph 19.1 of the Guidelines asks Parties to keep their commitments under different agreements coherent with one another and with the Convention; protecting culture in some agreements of a period and not in others undermines that coherence.',
  whatToCheck:
    'Compare this agreement with the agreements of the same period that protect culture (listed in the finding) and check whether the protection was left out on purpose.',
  check({ input, agreement }) {
    if (!isExposed(agreement))
      return result('NOT_APPLICABLE', 'No commitments that culture would need protecting from.');
    const year = signatureYear(agreement);
    if (year === null)
      return result('UNKNOWN', 'The signature date is not recorded, so 19.1 cannot be checked.');
    const period = periodOf(year);
    const peers = input.agreements.filter((other) => {
      const y = signatureYear(other);
      return (
        other.id !== agreement.id && y !== null && periodOf(y).start === period.start && isExposed(other)
      );
    });
    if (!peers.length)
      return result('NOT_APPLICABLE', `No other agreement of ${period.label} to compare with.`);
    const own = culturalProtection(agreement);
    if (own.length) return result('MET', 'Protects culture.', evidence(own));
    const protecting = peers.filter((p) => culturalProtection(p).length > 0);
    if (!protecting.length)
      return result(
        'MET',
        `Consistent with the ${plural(peers.length, 'other agreement')} of ${period.label}: none protects culture.`,
      );
    return result(
      'NOT_MET',
      `No cultural exemption, audiovisual exclusion or e-commerce carve-out in the provisions held, while ${protecting.length} of the party's ${plural(peers.length, 'other agreement')} signed in ${period.label} have one: ${listNames(protecting.map(agreementName))}.`,
      protecting.flatMap((p) => evidence(culturalProtection(p)).slice(0, 1)),
      'a cultural exemption, audiovisual exclusion or e-commerce carve-out',
    );
  },
};
