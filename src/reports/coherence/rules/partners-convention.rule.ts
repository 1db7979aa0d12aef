import { ConventionStatusKind } from '../../../parties/party.enums';
import { notPartyOn, notPartyUntil, PartyFacts, listNames } from '../../common/report-facts';
import { CoherenceRule, result } from '../coherence-rule';

const named = (parties: PartyFacts[]) => listNames(parties.map((p) => `${p.name} (${p.code})`));

export const partnersNotParties: CoherenceRule = {
  id: 'INFO/partners-not-convention-parties',
  paragraph: '19',
  severity: 'INFO',
  title: 'Partners that are not Parties to the Convention',
  checks:
    'The partners of each agreement that are not Parties to the Convention on the report date (or, where the sources stop earlier, on the last date they give); partners whose status the catalogue does not know are named separately. Information only: not scored.',
  scored: false,
  why: 'The Convention (Article 21) asks Parties to promote its principles in other international forums; partners that are not Parties are where that promotion matters most.',
  whatToCheck:
    'Consider the partners named when promoting the Convention in the dialogues the agreement sets up.',
  check({ input, agreement }) {
    const onDate = agreement.partners.filter((p) => notPartyOn(p, input.asOf));
    const lastKnown = agreement.partners.filter((p) => notPartyUntil(p, input.asOf) !== null);
    const unknown = agreement.partners.filter((p) => p.conventionStatus === ConventionStatusKind.UNKNOWN);
    const unknownText = unknown.length ? ` Status not known for: ${named(unknown)}.` : '';
    const texts = [
      onDate.length ? `Partners not Parties to the Convention on ${input.asOf}: ${named(onDate)}.` : '',
      lastKnown.length
        ? `Partners not Parties to the Convention as far as the sources go (none later): ${listNames(lastKnown.map((p) => `${p.name} (${p.code}), as of ${p.conventionAsOf}`))}.`
        : '',
    ].filter(Boolean);
    if (texts.length) return result('NOT_MET', `${texts.join(' ')}${unknownText}`);
    if (unknown.length)
      return result('UNKNOWN', `Convention status not known for partners: ${named(unknown)}.`);
    return result('MET', 'Every partner is a Party to the Convention.');
  },
};
