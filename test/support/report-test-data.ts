import { DatePrecision } from '../../src/agreements/agreement.enums';
import { BoundPartyFacts, PartyFacts } from '../../src/reports/common/report-facts';

/** A party bound by an agreement, directly (no `via`) or through a bloc, for the report unit tests. */
export function bound(party: PartyFacts, via: string | null = null): BoundPartyFacts {
  return {
    party,
    via,
    appliedFrom: '2016-01-01',
    appliedFromPrecision: DatePrecision.EXACT,
    inForceFrom: '2016-01-01',
    until: null,
    inForceInferred: false,
    agreementFirstDates: false,
  };
}
