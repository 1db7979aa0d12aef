import { ConventionStatusKind } from '../../../parties/party.enums';
import { PartyFacts } from '../../common/report-facts';
import { CoherenceRule, listNames, result } from '../coherence-rule';

const named = (parties: PartyFacts[]) => listNames(parties.map((p) => `${p.name} (${p.code})`));

export const partnersNotParties: CoherenceRule = {
  id: 'INFO/partners-not-convention-parties',
  paragraph: '19',
  severity: 'INFO',
  title: 'Partners that are not Parties to the Convention',
  checks:
    'The partners of each agreement whose Convention status is NOT_PARTY, or PARTY with an entry into force after the report date; partners whose status is UNKNOWN are named separately. Information only: not scored.',
  scored: false,
  check({ input, agreement }) {
    const notParty = agreement.partners.filter(
      (p) =>
        p.conventionStatus === ConventionStatusKind.NOT_PARTY ||
        (p.conventionStatus === ConventionStatusKind.PARTY &&
          p.conventionInForce !== null &&
          p.conventionInForce > input.asOf),
    );
    const unknown = agreement.partners.filter((p) => p.conventionStatus === ConventionStatusKind.UNKNOWN);
    const unknownText = unknown.length ? ` Status not known for: ${named(unknown)}.` : '';
    if (notParty.length)
      return result(
        'NOT_MET',
        `Partners not Parties to the Convention on ${input.asOf}: ${named(notParty)}.${unknownText}`,
      );
    if (unknown.length)
      return result('UNKNOWN', `Convention status not known for partners: ${named(unknown)}.`);
    return result('MET', 'Every partner is a Party to the Convention.');
  },
};
