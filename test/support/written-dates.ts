const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Does the text give the date, as 2011-07-01, "1 July 2011" or "July 1, 2011"? */
export function mentionsDate(text: string, date: string): boolean {
  const [y, m, d] = date.split('-');
  const month = MONTHS[Number(m) - 1];
  return (
    text.includes(date) ||
    text.includes(`${Number(d)} ${month} ${y}`) ||
    text.includes(`${month} ${Number(d)}, ${y}`)
  );
}
