/**
 * Spreadsheets run a text that starts with = + - @ (or a tab or CR) as a formula ("CSV injection"). One rule for
 * every CSV and XLSX the service writes (report files, `export ... --format csv`): plain numbers such as "-3" are
 * left alone; anything else that looks like a formula is neutralised.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text);
}

/** For CSV: a leading apostrophe, which spreadsheets take as "show as text". */
export function neutraliseFormula(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * The UTF-8 byte order mark every CSV a browser downloads starts with: without it Excel reads the file in the
 * machine's local code page ("PacÃ­fico"). Files the command line writes go to scripts and pipes, without it.
 */
export const CSV_BOM = '\uFEFF';
