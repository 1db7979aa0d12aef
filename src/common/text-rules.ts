/**
 * The rules on dates and titles, in one place: the API's inputs (class-validator, the LocalDate scalar) and the
 * import records (zod) both use them.
 */

export const EARLIEST_DATE = '1800-01-01';

/**
 * The longest provision text taken, in characters, by the API (addProvision, updateProvision) and by every import
 * (the record writer): the longest article of the ToTA corpus has 90,560, and a draft check takes 200,000. Each
 * text is compared whole on the event loop (compareProvisions, a family's diffs, the clause index): two texts of
 * 1,000,000 characters, which the API took before, held every other client 1.5 to 1.8 s per compareProvisions
 * (5 December 2026); at 200,000 about 0.3 s, as two of the corpus's longest articles. An import had no bound: a
 * ToTA file with one article of 160 MB ran the import out of memory (4.3 GB) without a word.
 */
export const PROVISION_TEXT_MAX_CHARACTERS = 200_000;

/**
 * The deepest nesting of lists and objects an input may have, in an API argument or body (AppValidationPipe) and
 * in an `import json` record (parseAgreementRecord): the deepest input type nests a few levels (a filter's
 * agreement's partner), far less. A JSON body of 1 MB holds 500,000 nested lists, which those checks walked one
 * call per level until the stack overflowed (a draft check's `{"text": [[[...]]]}` answered 500; an import
 * record said "Maximum call stack size exceeded").
 */
export const MAX_INPUT_DEPTH = 32;

export const NESTING_PROBLEM = `nests lists or objects more than ${MAX_INPUT_DEPTH} levels deep; no input is that deep`;

/**
 * The most provisions an agreement may hold, taken by the API (addProvision) and every import (the record
 * writer): the corpus's largest agreement has 1,015. An `import text` of 100,000 headings (6.8 MB) wrote 100,000
 * provisions in one transaction, held 1.45 GB and took 52 s; a file of the 32 MB an import reads would have run
 * out of memory.
 */
export const AGREEMENT_MAX_PROVISIONS = 10_000;

/** Why an agreement would hold too many provisions, or null. */
export function provisionCountProblem(count: number): string | null {
  return count > AGREEMENT_MAX_PROVISIONS
    ? `${count.toLocaleString('en')} provisions; an agreement may hold ${AGREEMENT_MAX_PROVISIONS.toLocaleString('en')} at most`
    : null;
}

/**
 * The highest place a provision may have in its agreement: the largest integer PostgreSQL's `integer` column and
 * GraphQL's `Int` hold. Until 7 December 2026 `import json` stored any integer (-5, 2,147,483,648: SQLite keeps it,
 * and every read of that agreement's provisions then answered INTERNAL_SERVER_ERROR, Int refusing to serialise it),
 * and `addProvision` without a position placed a provision after one at 2,147,483,647 at 2,147,483,648.
 */
export const PROVISION_MAX_POSITION = 2_147_483_647;

/** Why a provision's position cannot be stored, or null (the API's inputs, every import's records). */
export function provisionPositionProblem(position: number): string | null {
  return Number.isInteger(position) && position >= 0 && position <= PROVISION_MAX_POSITION
    ? null
    : `must be an integer from 0 to ${PROVISION_MAX_POSITION.toLocaleString('en')} (got ${position})`;
}

/**
 * A text's characters as its writer counts them, for a limit of `max`: a character outside the Basic Multilingual
 * Plane (an emoji, a mathematical letter) is two UTF-16 units of `length`, so a text of 200,000 characters read as
 * 200,001. Counted one by one only past `max` units, where it decides.
 */
export const charactersFor = (text: string, max: number): number =>
  text.length > max ? [...text].length : text.length;

/**
 * The longest title or label (an agreement's title, a chapter's or article's title or number, an external id) any
 * door takes: the API's longest bound on one (its titles; numbers take fewer), and far over the corpus's longest
 * (230 characters). The importers had none: a ToTA chapter `name` of 20,000,000 characters was stored, and shown
 * on each of its provisions' pages.
 */
export const TITLE_MAX_CHARACTERS = 2000;

/** Why a provision's text is too long to store, or null. */
export function provisionTextProblem(text: string): string | null {
  const characters = charactersFor(text, PROVISION_TEXT_MAX_CHARACTERS);
  return characters > PROVISION_TEXT_MAX_CHARACTERS
    ? `has ${characters.toLocaleString('en')} characters; a provision's text may have ${PROVISION_TEXT_MAX_CHARACTERS.toLocaleString('en')} at most (split it into its articles)`
    : null;
}

/** The latest date accepted anywhere: today plus 50 years (dates further out are typing errors). */
export function latestDate(now: Date = new Date()): string {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() + 50);
  return d.toISOString().slice(0, 10);
}

/**
 * The last day of a year (four digits) a filter on dates takes: 31 December, or the latest date accepted in the
 * year it falls in. The pages' "to" year reaches this year plus 50, whose 31 December lies past `latestDate`: until
 * 7 December 2026 `/agreements?to=2076` answered 400 in GraphQL's words ("Variable $filter got invalid value
 * 2076-12-31 at filter.signedTo"), naming no parameter of the page.
 */
export function lastDayOfYear(year: number, now: Date = new Date()): string {
  const end = `${year}-12-31`;
  const latest = latestDate(now);
  return end > latest ? latest : end;
}

/** Why a YYYY-MM-DD date is out of range, or null. */
export function dateRangeProblem(date: string): string | null {
  const latest = latestDate();
  return date < EARLIEST_DATE || date > latest ? `must be between ${EARLIEST_DATE} and ${latest}` : null;
}

// C0 and C1 controls (tab and line breaks are no better in a title, nor the line and paragraph separators U+2028
// and U+2029), bidirectional embeddings, overrides and isolates, which make a title read differently from its
// characters (U+202E), every character Unicode says to show as nothing (Default_Ignorable_Code_Point: the
// zero-width space, word joiner, byte order mark, soft hyphen, the Hangul fillers, the invisible tag characters
// U+E0020 to U+E007F, which spell text no reader sees, ...) and the interlinear annotation marks, which make two
// titles look the same while they differ, a blank braille pattern (U+2800, which looks like a space), the
// noncharacters (U+FFFE, ...), and lone surrogates. Kept: the zero-width joiners U+200C and U+200D (some scripts and
// emoji need them), the direction marks U+200E, U+200F and U+061C (they reorder nothing), the variation selectors
// (emoji and ideographs) and Mongolian's (the script needs them). Until 7 December 2026 only the zero-width space,
// word joiner and byte order mark were refused among the invisible ones: "ag\u00adreement" was stored beside
// "agreement", a title "\u3164" (a Hangul filler) passed as not blank, and tag characters were stored unseen.
const FORBIDDEN_IN_TITLE =
  /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}\p{Noncharacter_Code_Point}\u2800\ufff9-\ufffb]|(?!\u200c|\u200d|\u200e|\u200f|\u061c|[\u180b-\u180f]|[\ufe00-\ufe0f]|[\u{e0100}-\u{e01ef}])\p{Default_Ignorable_Code_Point}/u;

/**
 * Why a title (already trimmed) is not acceptable, or null. The same rule holds for the labels shown beside titles
 * (article, chapter and section numbers, external ids): "Art. 1\u202e2" read as "Art. 21".
 */
export function titleProblem(title: string): string | null {
  if (!title) return 'must not be blank';
  const characters = charactersFor(title, TITLE_MAX_CHARACTERS);
  if (characters > TITLE_MAX_CHARACTERS)
    return `has ${characters.toLocaleString('en')} characters; a title or label may have ${TITLE_MAX_CHARACTERS.toLocaleString('en')} at most`;
  const bad = FORBIDDEN_IN_TITLE.exec(title);
  if (bad)
    return `must not contain control, invisible or bidirectional-override characters (U+${bad[0]
      .codePointAt(0)!
      .toString(16)
      .toUpperCase()
      .padStart(4, '0')} at position ${bad.index})`;
  return null;
}

/**
 * C0 controls but tab, line feed, vertical tab, form feed and carriage return; DEL; the C1 controls; and the
 * bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which reorder how a page or
 * a spreadsheet shows the text around them. The marks that only give a direction (U+200E, U+200F) reorder nothing
 * and stay, as do the joiners.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_FREE_TEXT = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/**
 * Why a free text stored as written (a provision's text and summary, an annotation's note, a review's or an
 * archive's reason, a record's fact sources) is not acceptable, or null. A control character, which no text means
 * and which a terminal obeys: an escape sequence in a note was stored and exported as written (hostile8). A
 * bidirectional override or isolate, refused as in titles (`titleProblem`) rather than stripped, so that what is
 * stored is what was sent: "approved \u202edevorppa ton" was stored, and its page and CSV read "approved not
 * approved" (hostile9). Tabs, line breaks and form feeds are text.
 */
export function freeTextProblem(text: string): string | null {
  const bad = FORBIDDEN_IN_FREE_TEXT.exec(text);
  return bad
    ? `must not contain control or bidirectional-override characters (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at position ${bad.index})`
    : null;
}

export const trimmed = (value: unknown): unknown => (typeof value === 'string' ? value.trim() : value);

/**
 * A title as stored: trimmed, in Unicode's composed form (NFC), so that one title is one string whatever the
 * keyboard or file that wrote it: "cafe\u0301" (e and a combining accent) was stored as sent, and a filter for
 * "café" (composed, as typed) did not find it.
 */
export const titleForm = (value: unknown): unknown =>
  typeof value === 'string' ? value.trim().normalize('NFC') : value;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why no column can hold a string faithfully, or null: a NUL character, or a lone surrogate (half a character,
 * which would be stored as U+FFFD while the value was echoed back). Every door checks it: the API's arguments
 * (AppValidationPipe) and the import records (parseAgreementRecord).
 */
export function unstorableProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters';
  const surrogate = LONE_SURROGATE.exec(value);
  return surrogate ? `is not valid Unicode (a lone surrogate at position ${surrogate.index})` : null;
}

/**
 * Whether an offset into a text falls between the two halves of a surrogate pair (inside an emoji or another
 * character outside the Basic Multilingual Plane): a quote cut there would hold half a character.
 */
export function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
