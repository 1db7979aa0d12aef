import { agreementName } from './report-facts';
import { dateParam, namesParam, partyParam, Text, text } from './report-texts';

/** A suspended party (`SuspendedPartyFacts`) with the agreement it is suspended under. */
export interface SuspendedUnder {
  party: { code: string; name: string };
  since: string;
  agreement: { title: string; shortTitle: string | null };
}

/**
 * The note of the reports that ask no date (the comparison, the flows, the trends by party or region) on the
 * parties they leave out because their rights and obligations are suspended on `day` (today): who, under what,
 * since when. None when there are none.
 */
export function suspendedNote(day: string, suspended: readonly SuspendedUnder[]): Text[] {
  if (!suspended.length) return [];
  return [
    text('note.suspended', {
      date: dateParam(day),
      names: namesParam(
        suspended.map((s) =>
          text('note.suspendedItem', {
            party: partyParam(s.party),
            code: s.party.code,
            agreement: agreementName(s.agreement),
            since: dateParam(s.since),
          }),
        ),
        0,
        '; ',
      ),
    }),
  ];
}
