/** The 2005 Convention's own dates: adopted by UNESCO's General Conference, and in force (for no Party earlier). */
export const CONVENTION_ADOPTED = '2005-10-20';
export const CONVENTION_ENTERED_INTO_FORCE = '2007-03-18';

/**
 * The latest date the Convention can have entered into force for a Party whose day of entry into force no source
 * gives, from the year it deposited its instrument (Art. 29: in force three months after the deposit, and for no
 * Party before 2007-03-18): a deposit on the year's last day puts it at 31 March of the next year. Null when
 * neither is known; the recorded date when there is one.
 */
export function conventionInForceBy(inForce: string | null, depositYear: number | null): string | null {
  if (inForce !== null) return inForce;
  if (depositYear === null) return null;
  const latest = `${depositYear + 1}-03-31`;
  return latest > CONVENTION_ENTERED_INTO_FORCE ? latest : CONVENTION_ENTERED_INTO_FORCE;
}
