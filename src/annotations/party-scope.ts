/**
 * An annotation counts for a party (the coherence report's party, a trends group's, a flow's grantor or
 * beneficiary, a party whose practice the draft checker counts) unless it names the parties it covers
 * (`partyScope`) and neither the party nor the bloc it is bound through (`via`) is among them.
 */
export const coversParty = (
  partyScope: readonly string[] | null,
  code: string,
  via: string | null,
): boolean => !partyScope || partyScope.includes(code) || (via !== null && partyScope.includes(via));
