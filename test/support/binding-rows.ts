import { BindingPartyRow } from '../../src/bindings/binding';

/** A party row as `computeBindings` reads it: an original party with no dates of its own, unless `over` says. */
export const bindingRow = (code: string, over: Partial<BindingPartyRow> = {}): BindingPartyRow => ({
  code,
  role: 'ORIGINAL',
  dateJoined: null,
  dateWithdrawn: null,
  withdrawn: false,
  signatoryOnly: false,
  dateSigned: null,
  dateProvisionallyApplied: null,
  dateInForce: null,
  territoryOf: null,
  ...over,
});
