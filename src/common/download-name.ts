/**
 * Names of downloaded files, and the Content-Disposition that gives them: a file names what it holds (the
 * search's words), so that an analyst who downloads several searches gets several names.
 */
import { withoutInvisibleJoiners } from '../search/query/query-words';

/** The day a download was made, as its name ends: the UTC day (`YYYY-MM-DD`) of `at`, a time or an ISO timestamp. */
export const downloadDay = (at: Date | string = new Date()): string =>
  (typeof at === 'string' ? at : at.toISOString()).slice(0, 10);

/**
 * The one rule of a download's name, every door's (reports, exports, the explorer's files, the draft check): what
 * the file is, the terms that make it this file and no other (an agreement's identifier, a search's words and
 * filters, a report's or an export's parameters, the parties a draft was checked for), the day it was made:
 * `<kind>-<terms>-<YYYY-MM-DD>.<extension>`, empty terms left out. Two downloads that differ, or one made again on
 * another day, are never saved under one name (an agreement's files were `<slug>.json`, the draft check's
 * `draft-check.json`, with no day, where every other download had one). The terms come as the caller makes them
 * safe for a file name (`fileNameWords`, or a slug of its own).
 */
export function downloadFileName(
  kind: string,
  terms: readonly string[],
  day: string,
  extension: string,
): string {
  return `${[kind, ...terms, day].filter(Boolean).join('-')}.${extension}`;
}

/** The longest run of words a file name takes from what the user typed (a search's query). */
export const NAME_WORDS_MAX = 60;

/**
 * Words typed by a user as part of a file name, in any script: lower case, every run of characters that are
 * neither letters nor digits (spaces, quotes, slashes, operators) one hyphen, at most `max` characters, cut at a
 * hyphen where one is near: `"Cultural industries" -audiovisual` -> `cultural-industries-audiovisual`,
 * `diversité culturelle` -> `diversité-culturelle`.
 */
export function fileNameWords(text: string, max: number = NAME_WORDS_MAX): string {
  // A character that prints nothing inside a word is no separator, as search reads it: "cul\u00ADtural" pasted
  // from a web page found the results of "cultural" in a file named search-cul-tural-<day>.csv.
  const words = withoutInvisibleJoiners(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const chars = [...words];
  if (chars.length <= max) return words;
  const cut = chars.slice(0, max).join('');
  const hyphen = cut.lastIndexOf('-');
  return (hyphen > max / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '');
}

/** The file name in ASCII, for clients that read only `filename`: accents dropped, other characters gone. */
export function asciiFileName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+(?=\.)|-+$/g, '');
}

/**
 * `attachment; filename="..."`, with `filename*=UTF-8''...` (RFC 6266) beside the ASCII name when the name is
 * not ASCII: browsers save the UTF-8 name, older clients the ASCII one.
 */
export function contentDisposition(
  name: string,
  disposition: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = asciiFileName(name);
  if (ascii === name) return `${disposition}; filename="${ascii}"`;
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
