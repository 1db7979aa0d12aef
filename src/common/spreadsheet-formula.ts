/**
 * `=` after spaces: LibreOffice's import dialogue with "Trim spaces" and "Evaluate formulas" ticked (both off by
 * default) trims a cell's spaces before its formula test, so ` =1+1` gave the formula (LibreOffice 7.4.7, tried
 * headless: comma-separated and `;` alone; ` +1+1`, ` -2+3` and ` @SUM(A1)` gave none, nor did a no-break or other
 * Unicode space before `=`, which it does not trim).
 */
const TRIMMED_FORMULA = /^ +=/;

/** A `;`, tab or line break, spaces, then `=`: a trimmed cell's formula. */
const CELL_TRIMMED_FORMULA = /[;\t\n\r] +=/;

/**
 * Spreadsheets run a text that starts with = + - @ (or a tab or CR; or spaces and =, trimmed) as a formula ("CSV
 * injection"). One rule for every CSV and XLSX the service writes (report files, `export ... --format csv`): plain
 * numbers such as "-3" are left alone; anything else that looks like a formula is neutralised.
 */
export function looksLikeFormula(text: string): boolean {
  return (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) || TRIMMED_FORMULA.test(text);
}

/**
 * For CSV: a leading apostrophe, which spreadsheets take as "show as text". Our CSVs are comma-separated; read so
 * (LibreOffice 7.4 tried, its default) quotes hold a text's `;`, tabs and line breaks in its cell. A spreadsheet that also splits on `;` or tab starts a cell after each one outside quotes (LibreOffice's
 * import dialogue ticks comma, semicolon and tab; Excel in a French, German or Spanish locale splits on `;`), and one
 * that does not split on `,` takes a quote only at a field's start, so that our quoted texts fall open there: each
 * `;`, tab and line break starts a cell or a row (LibreOffice 7.4, tried: `x,Films;=1+1,y` gave the formula `=1+1`
 * with comma and semicolon ticked, `x,a\t=1+1,y` with comma and tab, `x,"a\n=1+1\nb",y` with semicolon or tab
 * alone). So a `;`, tab, LF or CR followed by a formula's first character gets the apostrophe after it too (signed
 * numbers included there: the database's twins of this rule, `LineSql.csvText`, need no regular expression).
 */
export function neutraliseFormula(text: string): string {
  let cells = /[;\t\n\r]/.test(text) ? text.replace(/[;\t\n\r](?=[=+\-@\t\r])/g, "$&'") : text;
  // Trimmed, `a; =1+1;b` and `a\n =1+1\nb` gave the formula too (`;` alone ticked). In a text where a cell would so
  // start, every `;`, tab or line break followed by a space gets the apostrophe: the SQL twins have no regular
  // expression to find only the ones before spaces and `=`. The corpus holds no such text.
  if (CELL_TRIMMED_FORMULA.test(text)) cells = cells.replace(/[;\t\n\r](?= )/g, "$&'");
  return looksLikeFormula(cells) ? `'${cells}` : cells;
}

/**
 * How the items of a list are joined in one cell of every spreadsheet the service writes, CSV and XLSX alike (report
 * files, the exports, an agreement's and a search's CSV): ";", which no code, date or pinpoint holds and which
 * spreadsheets split on. The comparison's XLSX wrote "CAN, EUN" where its CSV wrote "CAN;EUN", an agreement's CSV
 * joined an annotation's subtypes with spaces and a search's CSV its annotations likewise. HTML and Markdown, written
 * to be read, list with ", ".
 */
export const CELL_LIST_SEPARATOR = ';';

/** A list in one spreadsheet cell (`CELL_LIST_SEPARATOR`). */
export const cellList = (items: readonly string[]): string => items.join(CELL_LIST_SEPARATOR);

/**
 * The UTF-8 byte order mark every CSV a browser downloads starts with: without it Excel reads the file in the
 * machine's local code page ("PacÃ­fico"). Files the command line writes go to scripts and pipes, without it.
 */
export const CSV_BOM = '\uFEFF';
