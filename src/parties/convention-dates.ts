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

/**
 * The earliest date the Convention can have entered into force for a Party whose day no source gives, from the year it
 * deposited its instrument (Art. 29): a deposit on the year's first day puts it at 1 April of that year, and for no
 * Party before 2007-03-18. An agreement the Party signed before then was signed before the Convention bound it,
 * whatever the day (Saint Kitts and Nevis, deposit 2016, and EU - CARIFORUM, 2008). Null when neither is known; the
 * recorded date when there is one. With `conventionInForceBy`, the one rule the coherence report, the party page and
 * the draft checker read a year of deposit by.
 */
export function conventionInForceFrom(inForce: string | null, depositYear: number | null): string | null {
  if (inForce !== null) return inForce;
  if (depositYear === null) return null;
  return inForceUnderArticle29(`${depositYear}-01-01`);
}

/** The day the thirtieth instrument was deposited: an instrument deposited by then took effect with the Convention. */
export const THIRTIETH_INSTRUMENT = '2006-12-18';

/**
 * The day the Convention enters into force for a Party from the day it deposited its instrument (Art. 29):
 * 2007-03-18 for an instrument deposited by the thirtieth (2006-12-18), else three months after the deposit, on the
 * same day of the month, or the month's last day when it has no such day (a deposit on 31 August: 30 November).
 */
export function inForceUnderArticle29(deposited: string): string {
  if (deposited <= THIRTIETH_INSTRUMENT) return CONVENTION_ENTERED_INTO_FORCE;
  const [year, month, day] = deposited.split('-').map(Number);
  const months = year * 12 + (month - 1) + 3;
  const y = Math.floor(months / 12);
  const m = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${y}-${pad(m)}-${pad(Math.min(day, lastDay))}`;
}
