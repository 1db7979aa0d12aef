const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Checks a `YYYY-MM-DD` calendar date (month 1-12, day within the month, leap years included).
 * Returns the date string, or an error message for a malformed or impossible date.
 */
export function checkIsoDate(value: string): { date: string } | { error: string } {
  const match = ISO_DATE.exec(value);
  if (!match) return { error: `malformed date "${value}" (expected YYYY-MM-DD)` };
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return { error: `impossible date "${value}" (month ${month})` };
  if (day < 1 || day > daysInMonth(year, month)) return { error: `impossible date "${value}" (day ${day})` };
  return { date: value };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
