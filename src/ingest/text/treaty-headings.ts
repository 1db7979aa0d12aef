// Heading lines of plain-text and Markdown treaties, in English, Spanish and French.
import { PREAMBLE_HEADING } from '../../provisions/preamble';

export type HeadingKind = 'article' | 'chapter' | 'section' | 'part' | 'preamble' | 'annex' | 'protocol';

export interface Heading {
  readonly kind: HeadingKind;
  /** As written ("22.7", "O-06", "IV"); "premier" and "1er" become "1". */
  readonly number: string | null;
  /** The rest of the heading line, if any. */
  readonly title: string | null;
  /** Words on the heading line that start the body (an article written inline: "Article 3 The Parties ..."). */
  readonly inlineText: string | null;
  /** The line came from a Markdown heading (#). */
  readonly markdown: boolean;
}

const ARTICLE_WORD = '(?:article|art\\.|art[ií]culo|artigo)';
const CHAPTER_WORD = '(?:chapter|chapitre|cap[ií]tulo)';
const SECTION_WORD = '(?:sub-?section|section|secci[oó]n|subsecci[oó]n|sous-section)';
const PART_WORD = '(?:part|parte|partie|title|t[ií]tulo|titre)';

const ORDINAL_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|un|deux|trois|quatre|cinq|sept|huit|neuf|dix|primero|segundo|tercero|premier|premi[eè]re';

/** Numbers of articles, chapters and sections: 5, 22.7, 1.1.2, O-06, 14A, IV, 1er, premier, TWENTY TWO. */
const NUMBER = `(?:premier|1er|1re|\\d+(?:[.\\-–]\\d+)*(?: ?(?:bis|ter|quater))?[A-Za-z]?|[A-Z]{1,3}[.\\-–]?\\d+(?:[.\\-–]\\d+)*|[IVXLCDM]+(?:[.\\-–]\\d+)*|[A-Z](?=[\\s:.\\-–—]|$)|(?:${ORDINAL_WORDS})(?:[ -](?:${ORDINAL_WORDS}))?)`;

const SEPARATOR = '\\s*(?:[:.\\-–—]\\s*|\\s)';

// Every pattern that ends in `(.*)$` matches with the `s` flag: a line holds no line break, but `.` would stop at
// U+2028 or U+2029 and the failed match would then retry every split of the white space before it (quadratic).
function numbered(word: string): RegExp {
  return new RegExp(`^${word}\\s+(${NUMBER})(?=[\\s:.\\-–—]|$)(?:${SEPARATOR}(.*))?$`, 'ius');
}

const ARTICLE = numbered(ARTICLE_WORD);
const CHAPTER = numbered(CHAPTER_WORD);
const SECTION = numbered(SECTION_WORD);
const PART = new RegExp(
  `^${PART_WORD}\\s+([IVXLCDM]+|\\d+|[A-Z])(?=[\\s:.\\-–—]|$)(?:${SEPARATOR}(.*))?$`,
  'us',
);
const ANNEX = /^(?:annex|anexo|annexe)(?:\s+([\w.\-–]{1,12}))?(?:\s*[:.\-–—]\s*|\s+)?(.*)$/isu;
const PROTOCOL =
  /^(?:protocol|protocolo|protocole)\b(?:\s+(?:no\.?\s*)?([\w.\-–]{1,8}))?(?:\s*[:.\-–—]\s*|\s+)?(.*)$/isu;

/** Up to this many words, the rest of a heading line is a title; beyond, it is running text. */
const MAX_TITLE_WORDS = 14;
/** Nor is a title longer than this (14 long words), whatever its spacing: a run of dots or blanks is no title. */
const MAX_TITLE_LENGTH = 400;

/**
 * The line without Markdown's closing hashes ("## Article 5 ##"): what `/\s+#+\s*$/` removes, in one pass. The
 * pattern itself retries at every blank of a long run of them (quadratic: seconds for a line of 20,000 blanks).
 */
export function withoutClosingHashes(line: string): string {
  const end = line.trimEnd();
  let hashes = end.length;
  while (hashes > 0 && end[hashes - 1] === '#') hashes--;
  if (hashes === end.length || hashes === 0 || !/\s/.test(end[hashes - 1])) return line;
  return end.slice(0, hashes).trimEnd();
}

/** The line without leading and trailing emphasis marks (`*`, `_`): `/^[*_]+|[*_]+$/g` in one pass. */
export function withoutEmphasisMarks(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && (line[start] === '*' || line[start] === '_')) start++;
  while (end > start && (line[end - 1] === '*' || line[end - 1] === '_')) end--;
  return line.slice(start, end);
}

/**
 * Reads one line as a heading, or returns null for running text. Markdown markers (#, **, __) are removed.
 * A heading word followed by lower-case words ("Article 5 of the GATT ...") is a reference, not a heading.
 * The line is read in its compatibility form (NFKC), as `articleNumber` reads a number: a heading typed on a
 * Chinese, Japanese or Korean keyboard ("Article １", "Ａｒｔｉｃｌｅ" and an ideographic space, "２．１") is the
 * same heading, and its number and title are stored as "1" and "2.1"; a draft or text so typed was one article
 * without number (hostile19).
 */
export function parseHeading(typedLine: string): Heading | null {
  // ASCII is its own NFKC form; normalize() would still copy it (3 ms for a draft of 200,000 characters).
  // eslint-disable-next-line no-control-regex
  const rawLine = /^[\u0000-\u007f]*$/.test(typedLine) ? typedLine : typedLine.normalize('NFKC');
  const markdown = /^\s{0,3}#{1,6}\s/.test(rawLine);
  const line = withoutEmphasisMarks(
    withoutClosingHashes(rawLine.replace(/^\s{0,3}#{1,6}\s+/, '')).replace(/^(\*\*|__)(.*?)\1(.*)$/s, '$2$3'),
  ).trim();
  if (!line) return null;
  if (PREAMBLE_HEADING.test(line))
    return { kind: 'preamble', number: null, title: null, inlineText: null, markdown };
  for (const [kind, pattern] of [
    ['article', ARTICLE],
    ['chapter', CHAPTER],
    ['section', SECTION],
  ] as const) {
    const match = pattern.exec(line);
    if (match) return withRest(kind, normalizeNumber(match[1]), match[2] ?? '', markdown);
  }
  const part = PART.exec(line);
  if (part && isShortTitle(part[2] ?? '')) {
    return { kind: 'part', number: part[1], title: clean(part[2]), inlineText: null, markdown };
  }
  // Annex and protocol headings must stand out: Markdown, capitals, or a number / "on ..." right after the word.
  const standsOut = markdown || line === line.toUpperCase();
  const annex = ANNEX.exec(line);
  if (annex && isShortTitle(line) && (standsOut || /^\S+\s+[\dIVXLC]+[A-Z]?\b/.test(line))) {
    return {
      kind: 'annex',
      number: annex[1] ?? null,
      title: clean(annex[2] ?? ''),
      inlineText: null,
      markdown,
    };
  }
  const protocol = PROTOCOL.exec(line);
  if (
    protocol &&
    isShortTitle(line) &&
    (standsOut || /^\S+\s+(?:on|concerning|relating|no\.?|[IVXLC]+\b)/i.test(line))
  ) {
    return { kind: 'protocol', number: protocol[1] ?? null, title: clean(line), inlineText: null, markdown };
  }
  return null;
}

function withRest(kind: HeadingKind, number: string, rest: string, markdown: boolean): Heading | null {
  const text = rest.trim();
  if (!text) return { kind, number, title: null, inlineText: null, markdown };
  // "Article 5 of the GATT 1994 ...": a reference inside running text.
  if (/^[\p{Ll}(]/u.test(text) && !markdown) return null;
  if (isShortTitle(text)) return { kind, number, title: clean(text), inlineText: null, markdown };
  return { kind, number, title: null, inlineText: text, markdown };
}

export function isShortTitle(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return true;
  if (trimmed.length > MAX_TITLE_LENGTH) return false;
  return (
    trimmed.split(/\s+/).length <= MAX_TITLE_WORDS && !/[.;]$/.test(trimmed.replace(/\s*\.{3,}\s*\d*$/, ''))
  );
}

/** A running page number or page header left in a pasted document: "- 11 -", "— 3 —", "Page 3", "Page 3 of 24". */
const PAGE_MARKER =
  /^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:page|p[aá]gina)\s+\d{1,4}(?:\s+(?:of|de|sur)\s+\d{1,4})?)$/iu;

/** The line (Markdown marks removed) is only a page number: neither a heading nor text of the treaty. */
export const isPageMarker = (line: string): boolean =>
  PAGE_MARKER.test(withoutEmphasisMarks(line.replace(/^\s{0,3}#{1,6}\s+/, '')).trim());

/** A footnote reference at the end of a heading (Markdown "[^3]", a caret "^4"): the footnote's, not the title's. */
const TRAILING_FOOTNOTE_REFERENCE = /(?:\[\^[^\]\s]{1,10}\]|\^\d{1,4})$/;

function withoutFootnoteReferences(text: string): string {
  // One reference at a time, each a pattern that starts with a bracket or a caret: a run of blanks costs one pass.
  let rest = text.trimEnd();
  while (TRAILING_FOOTNOTE_REFERENCE.test(rest))
    rest = rest.replace(TRAILING_FOOTNOTE_REFERENCE, '').trimEnd();
  return rest;
}

function clean(text: string): string | null {
  const cleaned = withoutFootnoteReferences(text)
    // a table of contents' dot leaders and page number, a page number run into the heading ("... - 3 -")
    .replace(/\s*\.{3,}\s*\d*$/, '')
    .replace(/\s+[-–—]\s*\d{1,4}\s*[-–—]$/, '')
    .replace(/^[:.\-–—\s]+|[:\s]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned || null;
}

function normalizeNumber(number: string): string {
  return /^(?:premier|1er|1re)$/i.test(number) ? '1' : number.replace(/–/g, '-');
}
