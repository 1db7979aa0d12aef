import { AGREEMENT_MAX_PROVISIONS, PROVISION_TEXT_MAX_CHARACTERS } from '../../common/text-rules';

/**
 * The bounds of a ToTA file's shape, checked in one pass before the XML parser reads it. fast-xml-parser builds a
 * tag's attributes and a run of text a character at a time, and an element's object each: a 30 MB file (under
 * IMPORT_MAX_MB) of one 30,000,000-character attribute, one tag name, one run of text or of 6,000,000 character
 * references held 1.1 to 1.2 GB and 8 to 17 s, one of 7,500,000 empty elements 41 s, 1,500,000 attributes on one tag 77 s and 2.2 GB, where a 30 MB file of 150
 * articles of 199,000 characters held 200 MB (7 December 2026). The corpus's 450 files have at most 621 elements,
 * a tag of 271 characters and 3 attributes and a run of text of 90,567.
 */
export const TOTA_MAX_TAG_CHARACTERS = 20_000; // a tag's three titles of 2,000 characters, written as references
export const TOTA_MAX_ATTRIBUTES = 10; // an article's number, name and identifier, and room
export const TOTA_MAX_ELEMENTS = 3 * AGREEMENT_MAX_PROVISIONS; // the articles, their chapters and the meta
/** A provision's longest text written wholly as character references of ten characters (`&#x10FFFF;`). */
export const TOTA_MAX_TEXT_RUN = 10 * PROVISION_TEXT_MAX_CHARACTERS;

const lineAt = (xml: string, offset: number): number => {
  let line = 1;
  for (let at = xml.indexOf('\n'); at >= 0 && at < offset; at = xml.indexOf('\n', at + 1)) line++;
  return line;
};

/** Markup that is no tag (a comment, a CDATA section, a processing instruction): what follows its '<', its end. */
const NON_TAGS: readonly (readonly [string, string])[] = [
  ['!--', '-->'],
  ['![CDATA[', ']]>'],
  ['?', '?>'],
];

/** Where markup that is not a tag ends, or undefined for a tag. */
function endOfNonTag(xml: string, start: number): number | undefined {
  for (const [open, close] of NON_TAGS) {
    if (!xml.startsWith(open, start + 1)) continue;
    const end = xml.indexOf(close, start + 1 + open.length);
    return end < 0 ? xml.length : end + close.length;
  }
  return undefined;
}

/**
 * Where the tag starting at `start` ends (after its `>`, a quoted `>` being an attribute's) and how many quoted
 * values (attributes) it holds; an end of -1 when it runs past `max` characters.
 */
function readTag(xml: string, start: number, max: number): { end: number; attributes: number } {
  const limit = Math.min(xml.length, start + max);
  let attributes = 0;
  for (let i = start + 1; i < limit; i++) {
    const c = xml[i];
    if (c === '>') return { end: i + 1, attributes };
    if (c === '"' || c === "'") {
      const close = xml.indexOf(c, i + 1);
      if (close < 0 || close >= limit) break;
      attributes++;
      i = close;
    }
  }
  // Cut short by the file's end, it is the validator's to name.
  return { end: limit === xml.length ? xml.length : -1, attributes };
}

/**
 * Why a ToTA file's shape is none a treaty has (a tag, a run of text or a number of elements past the bounds
 * above), naming the line; null when it may be parsed. What is malformed otherwise is left to the validator.
 */
export function totaShapeProblem(xml: string): string | null {
  let elements = 0;
  // What lies between two tags, comments and CDATA sections included, is read as one text.
  let textStart = 0;
  for (let i = 0; ;) {
    const start = xml.indexOf('<', i);
    const textEnd = start < 0 ? xml.length : start;
    if (textEnd - textStart > TOTA_MAX_TEXT_RUN)
      return `line ${lineAt(xml, textStart)}: a text of more than ${TOTA_MAX_TEXT_RUN.toLocaleString('en')} characters between two tags; a provision's text may have ${PROVISION_TEXT_MAX_CHARACTERS.toLocaleString('en')} characters, written as character references at most ten times as long`;
    if (start < 0) return null;
    const nonTag = endOfNonTag(xml, start);
    // A '<' before a space is no tag (the validator names it).
    if (nonTag !== undefined || /\s/.test(xml[start + 1] ?? '')) {
      i = nonTag ?? start + 1;
      continue;
    }
    const { end, attributes } = readTag(xml, start, TOTA_MAX_TAG_CHARACTERS);
    if (end < 0)
      return `line ${lineAt(xml, start)}: a tag of more than ${TOTA_MAX_TAG_CHARACTERS.toLocaleString('en')} characters (${JSON.stringify(xml.slice(start, start + 40))}...); ToTA's tags hold a few short attributes`;
    if (attributes > TOTA_MAX_ATTRIBUTES)
      return `line ${lineAt(xml, start)}: a tag of ${attributes.toLocaleString('en')} attributes (${JSON.stringify(xml.slice(start, start + 40))}...); ToTA's tags have ${TOTA_MAX_ATTRIBUTES} at most`;
    if (xml[start + 1] !== '/' && ++elements > TOTA_MAX_ELEMENTS)
      return `line ${lineAt(xml, start)}: more than ${TOTA_MAX_ELEMENTS.toLocaleString('en')} elements; a ToTA file holds one per article and chapter besides its meta, and an agreement at most ${AGREEMENT_MAX_PROVISIONS.toLocaleString('en')} provisions`;
    i = textStart = end;
  }
}
