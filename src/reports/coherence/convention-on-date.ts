import {
  CONVENTION_ENTERED_INTO_FORCE,
  conventionInForceBy,
  conventionInForceFrom,
} from '../../parties/convention-dates';
import { dateParam, partyParam, Text, text } from '../common/report-texts';
import { CoherenceInput } from './coherence-facts';

/**
 * Whether the Convention bound the party on the report's date, where it did not (NOT_APPLICABLE) or nobody can say
 * (UNKNOWN), with the sentence that says so; null where it did, or where no date of the party's is known at all.
 * Before the Convention entered into force for the party (its recorded date), or for anyone (2007-03-18) where the
 * party's own day is not recorded, or, where the sources give only the year of deposit, before the earliest day it
 * can have (`conventionInForceFrom`): not yet a Party. Between that and the latest (`conventionInForceBy`): not
 * known. The one rule the coherence report's information checks (its gate) and its notes say it by: Uganda (deposit
 * in 2015) as of 2010-01-01 was found to have a partner not a Party (Tanzania, EAC), and Saint Kitts and Nevis
 * (2016) as of 2010 read "every partner is a Party", with nothing saying either was not yet one.
 */
export function conventionNotYetInForce(
  party: CoherenceInput['party'],
  asOf: string,
): { outcome: 'NOT_APPLICABLE' | 'UNKNOWN'; message: Text } | null {
  const notYet = (message: Text) => ({ outcome: 'NOT_APPLICABLE' as const, message });
  if (party.conventionInForce)
    return asOf < party.conventionInForce
      ? notYet(
          text('coh.gate.notYetParty', {
            party: partyParam(party),
            date: dateParam(asOf),
            inForce: dateParam(party.conventionInForce),
          }),
        )
      : null;
  if (asOf < CONVENTION_ENTERED_INTO_FORCE)
    return notYet(
      text('coh.gate.notYetInForce', {
        party: partyParam(party),
        date: dateParam(asOf),
        inForce: dateParam(CONVENTION_ENTERED_INTO_FORCE),
      }),
    );
  const from = conventionInForceFrom(null, party.conventionDepositYear);
  const by = conventionInForceBy(null, party.conventionDepositYear);
  if (!from || !by || asOf >= by) return null;
  if (asOf < from)
    return notYet(
      text('coh.gate.notYetInForceFrom', {
        party: partyParam(party),
        date: dateParam(asOf),
        year: String(party.conventionDepositYear),
        inForce: dateParam(from),
      }),
    );
  return {
    outcome: 'UNKNOWN',
    message: text('coh.gate.inForceBetween', {
      party: partyParam(party),
      date: dateParam(asOf),
      year: String(party.conventionDepositYear),
      from: dateParam(from),
      by: dateParam(by),
    }),
  };
}
