import { markup, Html, Part, raw } from '../html';
import { dateFormat, MessageKey, monthFormat } from '../i18n';
import { agreementTypeName, label } from '../labels';
import { AGREEMENT_TYPES } from '../web-enums';
import { QueryValue, WebContext } from '../web-context';
import { articleNumberForm, divisionNumber, keyOfPinpoint, keyParts } from '../../provisions/article-number';
import { keyPartIn, percentIn } from '../../reports/common/report-texts';
import { headingIn, preambleName } from '../../provisions/preamble';

export interface AnnotationBadge {
  code: { code: string } | string;
  status: string;
  bindingForce?: string | null;
}

const codeOf = (a: AnnotationBadge) => (typeof a.code === 'string' ? a.code : a.code.code);

/**
 * An annotation as a compact badge: the code's name in the page language (`names`: WebContext.codeNames; a code
 * without one shows itself), status and binding force (status also as a word, not only a colour). The code
 * stays the badge's title and `data-code`, as it stays the value in forms.
 */
export function annotationBadge(
  ctx: WebContext,
  a: AnnotationBadge,
  names: ReadonlyMap<string, string>,
): Html {
  const code = codeOf(a);
  const extra = [label(ctx.lang, a.status), a.bindingForce ? label(ctx.lang, a.bindingForce) : null]
    .filter(Boolean)
    .join(', ');
  return markup`<span class="badge ${a.status}" title="${code}" data-code="${code}"
    >${names.get(code) ?? code} <span class="badge-detail">(${extra})</span></span
  >`;
}

/** A taxonomy code as a badge with its name (draft checks): the code is its title and `data-code`. */
export function codeBadge(code: string, names: ReadonlyMap<string, string>): Html {
  return markup`<span class="badge" title="${code}" data-code="${code}">${names.get(code) ?? code}</span>`;
}

export function statusBadge(ctx: WebContext, value: string): Html {
  return markup`<span class="badge ${value}">${label(ctx.lang, value)}</span>`;
}

export const provisionPath = (pinpoint: string) =>
  `/provisions/${pinpoint
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/')}`;

/** A report file's link text: a report's ZIP holds one CSV per table. */
export const reportFileLabel = (format: string) => (format === 'zip' ? 'CSV (ZIP)' : format.toUpperCase());

export const agreementPath = (slug: string) => `/agreements/${encodeURIComponent(slug)}`;
export const partyPath = (code: string) => `/parties/${encodeURIComponent(code)}`;

/** What a label or citation needs to name an article: its number, and its chapter where its agreement needs that. */
export interface ArticlePlace {
  articleNumber?: string | null;
  chapterNumber?: string | null;
  chapterTitle?: string | null;
  /** Its agreement numbers its articles per chapter (GraphQL `numberedPerChapter`): the number alone names none. */
  numberedPerChapter?: boolean | null;
  /** Its pinpoint: an article held under a protocol's key is named by that protocol (`articleCellLabel`). */
  pinpoint?: string | null;
}

/**
 * The chapter a citation of the article names, where its agreement numbers its articles per chapter (AANZFTA's
 * Chapters 7 and 11 each have an Article 1 Scope): "Chapter 11" (`provision.chapter`, or `cite.chapter` inside a
 * sentence), a chapter numbered with another division's word as it is ("TITLE III"), one with no number by its title;
 * null elsewhere, and for an article in no chapter.
 */
export function citedChapter(
  ctx: WebContext,
  p: ArticlePlace,
  key: 'provision.chapter' | 'cite.chapter' = 'provision.chapter',
): string | null {
  if (!p.articleNumber) return null;
  // The protocol or annex its key holds it under, as every label names it (`articleCellLabel`), never its chapter.
  const containers = p.pinpoint
    ? keyParts(keyOfPinpoint(p.pinpoint), (part) => keyPartIn(ctx.lang, part)).containers
    : [];
  if (containers.length) return containers.join(', ');
  if (!p.numberedPerChapter) return null;
  if (!p.chapterNumber) return p.chapterTitle || null;
  const division = divisionNumber('chapter', p.chapterNumber);
  return division.worded ? division.number : ctx.t(key, { number: division.number });
}

/**
 * "Article 7.7", "Artículo 7.7": the article's number after the page language's word for it; "Chapter 11, Article 1"
 * where its agreement numbers its articles per chapter (`citedChapter`), so that every label names one article.
 */
const articleWord = (ctx: WebContext, p: ArticlePlace & { articleNumber: string }): string => {
  const article = `${ctx.t('common.article')} ${articleNumberForm(p.articleNumber)}`;
  const chapter = citedChapter(ctx, p);
  return chapter ? `${chapter}, ${article}` : article;
};

/**
 * "Article 7.7 Cultural industries"; with neither number nor title, a preamble is named as such ("Preamble",
 * "Préambule") when its location is known, anything else by `unnamed` (a draft's "#3") or as a text without an
 * article number: ToTA's unnumbered, untitled articles (530 on the corpus, final clauses among them) were headed by
 * their pinpoint ("southern-common-market-mercosur/tota-10956"), which the page shows beneath anyway.
 */
export function articleLabel(
  ctx: WebContext,
  p: ArticlePlace & {
    articleTitle?: string | null;
    location?: string | null;
    unnamed?: string;
  },
): string {
  const number = p.articleNumber ? articleWord(ctx, { ...p, articleNumber: p.articleNumber }) : null;
  const parts = [number, headingIn(ctx.lang, p.articleTitle)].filter(Boolean);
  if (parts.length) return parts.join(' · ');
  if (p.location === 'PREAMBLE') return preambleName(ctx.lang);
  return p.unnamed ?? ctx.t('common.unnumbered');
}

/** "Chapter 4 Cultural cooperation", "TITLE III Trade", a section likewise, or null when the record has neither. */
export function divisionHeading(
  ctx: WebContext,
  kind: 'chapter' | 'section',
  n: string | null | undefined,
  title: string | null | undefined,
): string | null {
  if (!n && !title) return null;
  const division = n ? divisionNumber(kind, n) : null;
  const label = !division
    ? ''
    : division.worded
      ? division.number
      : ctx.t(kind === 'chapter' ? 'provision.chapter' : 'provision.section', { number: division.number });
  return `${label} ${headingIn(ctx.lang, title) ?? ''}`.trim();
}

/** divisionHeading with the division's title marked with the provision's language ("Chapitre 16 <span lang=en>…</span>"). */
export function divisionHeadingHtml(
  ctx: WebContext,
  kind: 'chapter' | 'section',
  n: string | null | undefined,
  title: string | null | undefined,
  lang: string | null | undefined,
): Html | null {
  const numbered = divisionHeading(ctx, kind, n, null);
  // ToTA's pseudo-chapter "Preamble" is said in the page's language (headingIn), not marked as the text's.
  if (title && headingIn(ctx.lang, title) !== title)
    return markup`${numbered ? `${numbered} ` : ''}${headingIn(ctx.lang, title)}`;
  if (!title) return numbered === null ? null : markup`${numbered}`;
  return markup`${numbered ? `${numbered} ` : ''}${inLanguage(title, lang)}`;
}

/** What a party is: a country, a bloc, or a territory of a state (listed in agreements, never a party itself). */
export const partyKindLabel = (ctx: WebContext, p: { kind: string; territoryOf?: string | null }): string =>
  p.territoryOf ? ctx.t('party.territoryOf', { state: p.territoryOf }) : label(ctx.lang, p.kind);

/** A list's pager: back to the first page once past it, and the next page while there is one (keyset cursors). */
export function pagerView(
  ctx: WebContext,
  path: string,
  params: Record<string, QueryValue>,
  after: string | null | undefined,
  pageInfo: { hasNextPage: boolean; endCursor: string | null },
): Html {
  const { t } = ctx;
  // No navigation landmark with no link in it (a list of one page had an empty one, named "Next page"), and one
  // named for what it holds, which may be the first page's link alone.
  if (!after && !pageInfo.hasNextPage) return markup``;
  return markup`<nav class="pager" aria-label="${t('common.pages')}">
      ${after ? markup`<a href="${ctx.href(path, params)}">${t('common.first')}</a>` : ''}
      ${pageInfo.hasNextPage ? markup`<a rel="next" href="${ctx.href(path, { ...params, after: pageInfo.endCursor })}">${t('common.next')}</a>` : ''}
    </nav>`;
}

export const agreementName = (a: { shortTitle?: string | null; title: string }) => a.shortTitle || a.title;

/**
 * The year of signature to write after an agreement's name ("EU-Korea FTA (2010)"): none where the date is not
 * recorded, nor where the name already ends with that year (the short title "EU-Chile Association Agreement (2002)"
 * read "(2002) (2002)" on Croatia's page). The one rule every page that writes a year after a name follows.
 */
export function yearAfterName(a: {
  shortTitle?: string | null;
  title: string;
  dateSigned: string | null;
}): string | null {
  const year = yearOf(a.dateSigned);
  if (!year) return null;
  return new RegExp(`(^|\\D)${year}\\)?$`).test(agreementName(a).trim()) ? null : year;
}

/** An agreement's name with its year of signature after it where `yearAfterName` gives one. */
export function agreementNameWithYear(a: Parameters<typeof yearAfterName>[0]): string {
  const year = yearAfterName(a);
  return year ? `${agreementName(a)} (${year})` : agreementName(a);
}

/**
 * The language the catalogue's own wording is written in: the summaries of provisions, the sources of facts, and
 * the reports' findings and notes (computed in English). Pages mark such text with it, so that a French or Spanish
 * page says which of its words are not its own (and a screen reader reads them as English).
 */
export const CATALOGUE_LANGUAGE = 'en';

/** Text in a language of its own: a treaty's words (its `language`), or unknown (`lang=""`) where the record does not say. */
export function inLanguage(text: Part, lang: string | null | undefined): Html {
  return markup`<span lang="${lang ?? ''}">${text}</span>`;
}

/**
 * A message whose parameters are markup (a note marked with its language inside an interface sentence): the
 * sentence is translated around them, each parameter rendered in its place.
 */
export function tHtml(ctx: WebContext, key: MessageKey, params: Record<string, Part>): Html {
  const names = Object.keys(params);
  const text = ctx.t(key, Object.fromEntries(names.map((name, i) => [name, `\uE010${i}\uE011`])));
  return markup`${text.split(/\uE010(\d+)\uE011/).map((part, i) => (i % 2 ? params[names[Number(part)]] : part))}`;
}

/** An agreement's name, marked with the agreement's language (titles are the treaty's own words). */
export const agreementNameHtml = (a: {
  shortTitle?: string | null;
  title: string;
  language?: string | null;
}): Html => inLanguage(agreementName(a), a.language);

/** articleLabel, its title marked with the provision's language ("Artículo 16.2 · <span lang=en>Objective</span>"). */
export function articleLabelHtml(
  ctx: WebContext,
  p: ArticlePlace & {
    articleTitle?: string | null;
    location?: string | null;
    language?: string | null;
  },
): Html {
  // A title that only names the preamble is said in the page's language, as articleLabel says it.
  if (!p.articleTitle || headingIn(ctx.lang, p.articleTitle) !== p.articleTitle)
    return markup`${articleLabel(ctx, p)}`;
  const number = p.articleNumber ? `${articleWord(ctx, { ...p, articleNumber: p.articleNumber })} · ` : '';
  return markup`${number}${inLanguage(p.articleTitle, p.language)}`;
}

/**
 * "Compare side by side" with another provision: the words of a link that repeats down a list, so its name for
 * a screen reader's list of links says with which provision (hidden from sight, where the list item says it).
 */
export function diffWithLink(
  ctx: WebContext,
  href: string,
  other: Parameters<typeof articleLabelHtml>[1] & { agreement: Parameters<typeof agreementNameHtml>[0] },
): Html {
  return markup`<a href="${href}"
    >${ctx.t('provision.diffWith')}<span class="visually-hidden"
      >: ${agreementNameHtml(other.agreement)} — ${articleLabelHtml(ctx, other)}</span
    ></a
  >`;
}

/** A share as the interface language writes it, whole: "85%" in English, "85 %" in French and Spanish (percentIn). */
export const percentText = (ctx: WebContext, fraction: number): string => percentIn(ctx.lang, fraction, 0);

/**
 * A report's share (of agreements, per paragraph or group) as the report's files write it, to one decimal ("0.4%",
 * "16,7 %"; `percentIn`'s default, which the CSV's percent columns round to): the pages wrote them whole, and a
 * page's "1 (0%)" stood beside its download's 0.4, its 17% beside 16.7.
 */
export const shareText = (ctx: WebContext, fraction: number): string => percentIn(ctx.lang, fraction);

/** A date as written in the interface language, as text (a date that does not parse stays as given). */
export function dateText(ctx: WebContext, iso: string): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat(ctx.lang).format(date);
}

/**
 * A date the sources give to the day, the month or the year only, as the interface language writes it: "30 Nov
 * 2018", "November 2016", "2014" (dateText would write a month or a year as its first day).
 */
export function partialDateText(ctx: WebContext, iso: string): string {
  if (/^\d{4}-\d{2}$/.test(iso)) return monthFormat(ctx.lang).format(new Date(`${iso}-01T00:00:00Z`));
  return /^\d{4}$/.test(iso) ? iso : dateText(ctx, iso);
}

/** A date as written in the interface language (the ISO form stays in the datetime attribute). */
export function dateHtml(ctx: WebContext, iso: string | null | undefined): Html {
  if (!iso) return markup`<span class="muted">–</span>`;
  return markup`<time datetime="${iso}">${dateText(ctx, iso)}</time>`;
}

export const yearOf = (iso: string | null | undefined) => (iso ? iso.slice(0, 4) : '');

/** Text with marks (private-use characters chosen by the page) turned into <mark>, everything else escaped. */
export function marked(text: string, open = '\uE000', close = '\uE001'): Html {
  const parts: Html[] = [];
  let rest = text;
  while (rest.length) {
    const start = rest.indexOf(open);
    if (start < 0) {
      parts.push(markup`${rest}`);
      break;
    }
    const end = rest.indexOf(close, start + open.length);
    parts.push(markup`${rest.slice(0, start)}`);
    const inner = end < 0 ? rest.slice(start + open.length) : rest.slice(start + open.length, end);
    parts.push(markup`<mark>${inner}</mark>`);
    rest = end < 0 ? '' : rest.slice(end + close.length);
  }
  return markup`${parts}`;
}

/** A form select; `values` are [value, label]. */
export function select(
  id: string,
  name: string,
  labelText: string,
  values: [string, string][],
  selected: string | undefined,
  options: { autosubmit?: boolean } = {},
): Html {
  return markup`<div class="field">
    <label for="${id}">${labelText}</label
    ><select id="${id}" name="${name}" ${options.autosubmit ? markup` data-autosubmit` : ''}>
      ${values.map(
        ([value, text]) =>
          markup`<option value="${value}" ${value === (selected ?? '') ? markup` selected` : ''}>
            ${text}
          </option>`,
      )}
    </select>
  </div>`;
}

export function textField(
  id: string,
  name: string,
  labelText: string,
  value: string | number | undefined,
  extra = '',
): Html {
  return markup`<div class="field">
    <label for="${id}">${labelText}</label
    ><input
      type="text"
      id="${id}"
      name="${name}"
      value="${value ?? ''}"
      ${extra ? markup` ${new Html(extra)}` : ''}
    />
  </div>`;
}

/** Hidden inputs that carry list values a select cannot show (more than one). */
export function hiddenValues(name: string, values: string[]): Html {
  return markup`${values.map((v) => markup`<input type="hidden" name="${name}" value="${v}" />`)}`;
}

/** A source note with its web addresses as links named by their host (a ministry reads where, not the whole URL). */
export function sourceNote(text: string): Html {
  const parts = text.split(/(https?:\/\/[^\s,;]+)/);
  return markup`${parts.map((part, i) => {
    if (i % 2 === 0) return part;
    const url = part.replace(/[.)]+$/, '');
    let host = url;
    try {
      host = new URL(url).host;
    } catch {
      return part;
    }
    return markup`<a href="${url}" rel="noopener noreferrer">${host}</a>${part.slice(url.length)}`;
  })}`;
}

/** A taxonomy code (or another enum value) as code, whose lines break at its underscores, not inside a word. */
export function codeName(value: string): Html {
  return markup`<code>${value.split('_').map((part, i) => (i ? markup`_<wbr>${part}` : part))}</code>`;
}

/** A fieldset of checkboxes named `name`, one per [value, label], those whose value is in `chosen` checked. */
export function checkboxes(
  legend: string,
  name: string,
  options: readonly (readonly [string, string])[],
  chosen: readonly string[],
): Html {
  return markup`<fieldset>
    <legend>${legend}</legend>
    <div class="filters">
      ${options.map(([v, text]) => markup`<label class="check"><input type="checkbox" name="${name}" value="${v}" ${chosen.includes(v) ? markup` checked` : ''} /> ${text}</label>`)}
    </div>
  </fieldset>`;
}

/** Taxonomy codes as [code, name] for a select or checkboxes (names: WebContext.codeNames; a code without one shows itself). */
export const codeOptions = (
  names: ReadonlyMap<string, string>,
  codes: readonly string[],
): [string, string][] => codes.map((code) => [code, names.get(code) ?? code]);

/** The report forms' "count proposals as evidence" box. */
export function includeProposedBox(ctx: WebContext, checked: boolean): Html {
  return markup`<p>
    <label class="check"><input type="checkbox" name="includeProposed" value="true" ${checked ? markup` checked` : ''} /> ${ctx.t('common.includeProposed')}</label>
  </p>`;
}

/** An agreement's types as the pages show them: by name in the page language (the type stays in `data-type`). */
export function agreementTypesHtml(ctx: WebContext, types: string[]): Html {
  return markup`${types.map((type, i) => markup`${i ? ', ' : ''}<span data-type="${type}">${agreementTypeName(ctx.lang, type)}</span>`)}`;
}

/** The agreement types a filter offers, by name in the page language. */
export const agreementTypeOptions = (ctx: WebContext): [string, string][] =>
  AGREEMENT_TYPES.map((type) => [type, agreementTypeName(ctx.lang, type)]);

/** The width a phone's chart is drawn for: about a 390 px screen, less the page's margins. */
export const NARROW_CHART = 360;

/**
 * A chart drawn twice: for a page, and for a phone, where the page's 760 px chart shrinks its text to 6 px; the
 * stylesheet shows one (`.chart-wide`, `.chart-narrow`). `draw` takes the SVG's id and the width to lay it out for.
 */
export function wideAndNarrowChart(draw: (id: string, width?: number) => string, id: string): Html {
  return markup`<div class="chart-wide">${raw(draw(id))}</div><div class="chart-narrow">${raw(
    draw(`${id}-narrow`, NARROW_CHART),
  )}</div>`;
}
