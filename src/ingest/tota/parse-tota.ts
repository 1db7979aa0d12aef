import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { checkIsoDate } from './iso-date';
import { TotaParseError } from './tota-parse-error';
import { totaShapeProblem } from './tota-shape';
import { metaCorrection, partyEntriesIntoForce, textOfAnother } from './meta-corrections';
import { TotaArticle, TotaChapter, TotaSource, TotaTreaty } from './tota-treaty';

export { normalizeWhitespace } from '../text/normalize-whitespace';
export { TotaParseError } from './tota-parse-error';
export type { TotaArticle, TotaChapter, TotaSource, TotaTreaty } from './tota-treaty';

type XmlValue = string | XmlElement | XmlValue[] | undefined;
interface XmlElement {
  [key: string]: XmlValue;
}

const REPEATED = new Set(['chapter', 'article', 'partyisocode', 'source', 'related_agreement_wto_id']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  // Article text is kept exactly as written; meta values are trimmed below.
  trimValues: false,
  // Also decodes numeric character references (&#160;), which XML allows.
  htmlEntities: true,
  isArray: (tagName: string) => REPEATED.has(tagName),
});

const DATE_FIELDS = [
  ['dateSigned', 'date_signed'],
  ['dateIntoForce', 'date_into_force'],
  ['dateNotification', 'date_notification'],
  ['endImplementation', 'end_implementation'],
  ['dateInactive', 'date_inactive'],
] as const;

/**
 * The elements a file cut short leaves open, from the validator's message for two or more of them, which it places
 * at line 1, column 1 and words as a JSON list (`Invalid '[    "treaty",    "body"]' found.`); else undefined.
 */
function elementsLeftOpen(message: string): string[] | undefined {
  const list = /^Invalid '(\[.*\])' found\.$/s.exec(message)?.[1];
  if (!list) return undefined;
  try {
    const tags: unknown = JSON.parse(list);
    return Array.isArray(tags) && tags.every((tag) => typeof tag === 'string') ? tags : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Parses one ToTA XML file (`<treaty><meta>…</meta><body><chapter><article>…`), with the meta the team corrected
 * (`meta-corrections.ts`; `corrections` says what ToTA gave).
 */
export function parseTota(xml: string, fileName: string): TotaTreaty {
  const fail = (reason: string): never => {
    throw new TotaParseError(fileName, reason);
  };
  // An empty file: said so (the validator gives it no column: "at line 1, column undefined").
  if (!xml.trim()) fail('the file is empty');
  // A document type declaration: ToTA's files have none, and its entities are not expanded (a billion-laughs file
  // was imported with the title "&j;" and the slug "j", until 7 December 2026). Refused, naming its line, before the
  // validator reads the file.
  const doctype = /<!DOCTYPE/i.exec(xml);
  if (doctype)
    fail(
      `a document type declaration (<!DOCTYPE, line ${xml.slice(0, doctype.index).split('\n').length}) is not read: ToTA's files have none, and its entities would be stored unexpanded`,
    );
  // A shape no treaty has, which the validator and the parser would hold a gigabyte for (tota-shape.ts).
  const shape = totaShapeProblem(xml);
  if (shape) fail(shape);
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    const open = elementsLeftOpen(msg);
    if (open)
      fail(
        `invalid XML: the file ends at line ${xml.split('\n').length} with ${open.map((tag) => `<${tag}>`).join(', ')} still open (cut short?)`,
      );
    fail(`invalid XML at line ${line}${col === undefined ? '' : `, column ${col}`}: ${msg}`);
  }
  const document = asElement(parser.parse(xml) as XmlValue);
  const treaty = asElement(document?.treaty);
  if (!treaty) return fail('no <treaty> root element');
  const meta = asElement(treaty.meta);
  if (!meta) return fail('no <meta> element');

  const treatyIdentifier = metaText(meta, 'treaty_identifier');
  if (!treatyIdentifier) return fail('missing <treaty_identifier>');

  const dates = Object.fromEntries(
    DATE_FIELDS.map(([key, tag]) => {
      const value = metaText(meta, tag);
      if (!value) return [key, null];
      const checked = checkIsoDate(value);
      if ('error' in checked) fail(`<${tag}>: ${checked.error}`);
      return [key, value];
    }),
  ) as Record<(typeof DATE_FIELDS)[number][0], string | null>;

  const signed = metaCorrection(fileName, 'dateSigned', dates.dateSigned);
  const ended = metaCorrection(fileName, 'status', metaText(meta, 'status'));
  const inForce = metaCorrection(fileName, 'dateIntoForce', dates.dateIntoForce);
  const partiesInForce = partyEntriesIntoForce(fileName, dates.dateIntoForce);
  const chapters = parseChapters(asElement(treaty.body), fail);
  const otherText = textOfAnother(
    fileName,
    chapters.flatMap((c) => c.articles)[0]?.articleIdentifier ?? null,
  );
  const corrections = {
    ...(signed ? { dateSigned: signed.note } : {}),
    ...(ended ? { status: ended.note } : {}),
    ...(inForce ? { dateInForce: inForce.note } : {}),
    ...(otherText ? { text: otherText.note } : {}),
  };
  const region = metaText(meta, 'region');
  return {
    fileName,
    treatyIdentifier,
    name: metaText(meta, 'name'),
    type: metaText(meta, 'type'),
    wtoRtaId: metaText(meta, 'wto_rta_id'),
    status: ended?.value ?? metaText(meta, 'status'),
    notification: metaText(meta, 'notification'),
    ...dates,
    partiesOriginal: partyCodes(meta.parties_original),
    parties: partyCodes(meta.parties),
    composition: metaText(meta, 'composition'),
    region,
    regions: region
      ? region
          .split(';')
          .map((part) => part.trim())
          .filter(Boolean)
      : [],
    partiesWto: yesNo(metaText(meta, 'parties_wto')),
    crossregional: yesNo(metaText(meta, 'crossregional')),
    language: metaText(meta, 'language'),
    sources: asList(meta.source).map(toSource),
    relatedAgreementWtoIds: numbered(meta.related_agreement_wto_id),
    chapters: otherText && !otherText.kept ? [] : chapters,
    ...(signed ? { dateSigned: signed.value } : {}),
    ...(inForce ? { dateIntoForce: inForce.value } : {}),
    ...(partiesInForce ? { partiesInForce } : {}),
    ...(signed || ended || inForce || otherText ? { corrections } : {}),
    ...(otherText && !otherText.kept ? { textLeftOut: true } : {}),
  };
}

/**
 * Reads only the `<meta>` of a ToTA file (its body is skipped): enough to tell which files are language versions
 * of one treaty before importing them. Null when the meta cannot be read; the full parse then reports why.
 */
export function parseTotaMeta(xml: string, fileName: string): TotaTreaty | null {
  const end = xml.indexOf('</meta>');
  if (end < 0) return null;
  try {
    return parseTota(`${xml.slice(0, end + '</meta>'.length)}</treaty>`, fileName);
  } catch {
    return null;
  }
}

function parseChapters(body: XmlElement | undefined, fail: (reason: string) => never): TotaChapter[] {
  let articleOrder = 0;
  // Article identifiers are the keys of re-imports: two articles sharing one would merge into one provision.
  const articlePositions = new Map<string, number>();
  return asList(body?.chapter).map((chapterValue, chapterOrder) => {
    const chapter = asElement(chapterValue) ?? {};
    const chapterIdentifier = attribute(chapter, 'chapter_identifier');
    if (!chapterIdentifier) fail(`chapter ${chapterOrder + 1} has no chapter_identifier`);
    const articles = asList(chapter.article).map((articleValue): TotaArticle => {
      const article =
        typeof articleValue === 'string' ? { '#text': articleValue } : (asElement(articleValue) ?? {});
      const articleIdentifier = attribute(article, 'article_identifier');
      if (!articleIdentifier) {
        fail(
          `an article of chapter ${chapterIdentifier} (position ${articleOrder + 1}) has no article_identifier`,
        );
      }
      const earlier = articlePositions.get(articleIdentifier as string);
      if (earlier !== undefined)
        fail(
          `article ${articleOrder + 1} (chapter ${chapterIdentifier}) has article_identifier "${articleIdentifier}", already used by article ${earlier}`,
        );
      articlePositions.set(articleIdentifier as string, articleOrder + 1);
      return {
        articleIdentifier: articleIdentifier as string,
        number: attribute(article, 'number'),
        name: attribute(article, 'name'),
        text: textOf(article),
        order: articleOrder++,
      };
    });
    return {
      chapterIdentifier: chapterIdentifier as string,
      number: attribute(chapter, 'number'),
      name: attribute(chapter, 'name'),
      order: chapterOrder,
      articles,
    };
  });
}

function asElement(value: XmlValue): XmlElement | undefined {
  return value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function asList(value: XmlValue): XmlValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function textOf(value: XmlValue): string {
  if (typeof value === 'string') return value;
  const element = asElement(value);
  const text = element?.['#text'];
  return typeof text === 'string' ? text : '';
}

function metaText(meta: XmlElement, tag: string): string | null {
  const value = textOf(meta[tag]).trim();
  return value === '' ? null : value;
}

function attribute(element: XmlElement, name: string): string | null {
  const value = element[`@_${name}`];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Repeated `<x n="1">value</x>` children, sorted by n. */
function numbered(value: XmlValue): string[] {
  return asList(value)
    .map((item, index) => {
      const n = Number(asElement(item)?.['@_n']);
      return { n: Number.isFinite(n) ? n : index, value: textOf(item).trim() };
    })
    .filter((item) => item.value !== '')
    .sort((a, b) => a.n - b.n)
    .map((item) => item.value);
}

function partyCodes(value: XmlValue): string[] {
  return numbered(asElement(value)?.partyisocode);
}

function toSource(value: XmlValue): TotaSource {
  const element = asElement(value) ?? {};
  return { url: textOf(value).trim(), lang: attribute(element, 'lang'), type: attribute(element, 'type') };
}

function yesNo(value: string | null): boolean | null {
  if (value === null) return null;
  if (/^(yes|y|true)$/i.test(value)) return true;
  if (/^(no|n|false)$/i.test(value)) return false;
  return null;
}
