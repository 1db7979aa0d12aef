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
    'The partners of each agreement that are not Parties to the Convention on the report date; partners whose status the catalogue does not know are named separately. Information only: not scored.',
  scored: false,
  why: 'The Convention (Article 21) asks Parties to promote its principles in other international forums; partners that are not Parties are where that promotion matters most.',
  whatToCheck:
    'Consider the partners named when promoting the Convention in the dialogues the agreement sets up.',
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
