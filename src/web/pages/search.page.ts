import { lastDayOfYear } from '../../common/text-rules';
import { MAX_QUERY_LENGTH } from '../../search/query/parse-search-query';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../../reports/render/render-csv';
import { downloadDay, downloadFileName, fileNameWords } from '../../common/download-name';
import { CSV_BOM, cellList } from '../../common/spreadsheet-formula';
import { markup, Html } from '../html';
import { agreementTypeName, label } from '../labels';
import { layout } from '../layout';
import {
  agreementPath,
  agreementTypeOptions,
  annotationBadge,
  codeOptions,
  hiddenValues,
  marked,
  provisionPath,
  select,
  textField,
  yearOf,
  pagerView,
  agreementNameHtml,
  articleLabelHtml,
} from '../views/common';
import { QueryValue, WebContext } from '../web-context';
import { AGREEMENT_TYPES, BINDING_FORCES, LOCATIONS, TAXONOMY_CODES } from '../web-enums';
import { badRequest } from '../web-errors';
import { file, PageResult } from '../web-page';
import { articleCellLabel, keyOfPinpoint } from '../../provisions/article-number';
import { PartyChoice, partyChoice, problemNotice } from '../views/party-filter';

const PAGE_SIZE = 20;
const CSV_PAGES = 10;
const CSV_PAGE_SIZE = 100;
const TEXT_LANGUAGES = ['en', 'es', 'fr'] as const;

interface Facet {
  value: string;
  count: number;
}

interface SearchHit {
  score: number;
  snippet: string;
  node: {
    pinpoint: string;
    articleNumber: string | null;
    articleTitle: string | null;
    chapterNumber: string | null;
    chapterTitle: string | null;
    numberedPerChapter: boolean;
    location: string;
    language: string | null;
    agreement: { slug: string; title: string; shortTitle: string | null; dateSigned: string | null };
    annotations: { code: { code: string }; status: string; bindingForce: string | null }[];
  };
}

interface SearchData {
  searchProvisions: {
    totalCount: number;
    rankedCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: SearchHit[];
    facets?: { codes: Facet[]; years: Facet[]; parties: Facet[]; agreementTypes: Facet[] };
  };
}

const HIT_FIELDS = `score snippet node { pinpoint articleNumber articleTitle chapterNumber chapterTitle numberedPerChapter location language
  agreement { slug title shortTitle dateSigned } annotations { code { code } status bindingForce } }`;

const SEARCH_QUERY = `query WebSearch($q: String!, $filter: ProvisionFilter, $first: Int, $after: String) {
  searchProvisions(query: $q, filter: $filter, first: $first, after: $after, snippet: { open: "\uE000", close: "\uE001", words: 40 }) {
    totalCount rankedCount pageInfo { hasNextPage endCursor }
    edges { ${HIT_FIELDS} }
    facets { codes { value count } years { value count } parties { value count } agreementTypes { value count } }
  }
}`;

const CSV_QUERY = `query WebSearchCsv($q: String!, $filter: ProvisionFilter, $first: Int, $after: String) {
  searchProvisions(query: $q, filter: $filter, first: $first, after: $after, snippet: { open: "[", close: "]", words: 40 }) {
    totalCount rankedCount pageInfo { hasNextPage endCursor } edges { ${HIT_FIELDS} }
  }
}`;

/** The search's state, all of it in the URL. */
interface SearchState {
  q?: string;
  /** Why `q` cannot be searched for (longer than MAX_QUERY_LENGTH), in the page's language. */
  qProblem?: string;
  codes: string[];
  parties: string[];
  types: string[];
  bindings: string[];
  languages: string[];
  locations: string[];
  from?: number;
  to?: number;
  after?: string;
}

/** The search the URL describes, with the parties as codes (`choice`: what was typed, and a name that found none). */
async function readState(
  ctx: WebContext,
  paged = true,
): Promise<{ state: SearchState; choice: PartyChoice }> {
  const choice = await partyChoice(ctx);
  // Read whole and refused beside the form that holds it (`qProblem`) when over the search's own cap: until 7 December
  // 2026 a longer query was the error page, the form lost.
  const q = ctx.param('q', Infinity);
  const state: SearchState = {
    q,
    qProblem:
      q && q.length > MAX_QUERY_LENGTH
        ? ctx.t('error.tooLong', { name: 'q', max: MAX_QUERY_LENGTH })
        : undefined,
    codes: ctx.enumList('code', TAXONOMY_CODES),
    parties: choice.codes,
    types: ctx.enumList('type', AGREEMENT_TYPES),
    bindings: ctx.enumList('binding', BINDING_FORCES),
    languages: ctx.list('language').map((l) => l.toLowerCase()),
    locations: ctx.enumList('location', LOCATIONS),
    ...ctx.years(),
    after: paged ? ctx.param('after', 200) : undefined,
  };
  for (const language of state.languages)
    if (!(TEXT_LANGUAGES as readonly string[]).includes(language))
      throw badRequest(
        ctx.t('error.badValue', { name: 'language', value: language, allowed: TEXT_LANGUAGES.join(', ') }),
        'language',
      );
  return { state, choice };
}

function toParams(state: SearchState): Record<string, QueryValue> {
  return {
    q: state.q,
    code: state.codes,
    party: state.parties,
    type: state.types,
    binding: state.bindings,
    language: state.languages,
    location: state.locations,
    from: state.from,
    to: state.to,
  };
}

/** What the search page and its CSV take (readState). */
export const SEARCH_PARAMETERS: readonly string[] = [
  'q',
  'code',
  'party',
  'type',
  'binding',
  'language',
  'location',
  'from',
  'to',
  'after',
];

/**
 * What the search CSV takes: the page's parameters but its cursor (`after`). The CSV is the result set from its first
 * row (up to 1,000); a cursor it took and passed over gave rows the address did not ask for, where the exports and
 * an agreement's files refuse it (400 naming it).
 */
export const SEARCH_CSV_PARAMETERS: readonly string[] = SEARCH_PARAMETERS.filter((name) => name !== 'after');

/** The ProvisionFilter the URL describes. */
function toFilter(state: SearchState): Record<string, unknown> {
  const agreement: Record<string, unknown> = {};
  if (state.parties.length) agreement.parties = state.parties;
  if (state.types.length) agreement.types = state.types;
  if (state.from) agreement.signedFrom = `${state.from}-01-01`;
  if (state.to) agreement.signedTo = lastDayOfYear(state.to);
  const filter: Record<string, unknown> = {};
  if (Object.keys(agreement).length) filter.agreement = agreement;
  if (state.codes.length) filter.annotations = { codes: state.codes };
  if (state.bindings.length) filter.bindingForces = state.bindings;
  if (state.languages.length) filter.languages = state.languages;
  if (state.locations.length) filter.locations = state.locations;
  return filter;
}

export async function searchPage(ctx: WebContext): Promise<PageResult> {
  const { state, choice } = await readState(ctx);
  const { t } = ctx;
  let results: Html = markup`<p>${t('search.noQuery')}</p>`;
  // The facets' box, only where there are facets: an empty one was a landmark headed "Refine" with nothing to refine
  // (no hits), or labelled by a heading that was not there (no query yet).
  let facets: Html | null = null;
  let problem: Html = markup``;
  const names = await ctx.codeNames();
  if (choice.problem) {
    problem = problemNotice(ctx, choice.problem, 'party');
    results = markup``;
  } else if (state.qProblem) {
    problem = problemNotice(ctx, state.qProblem, 'q', t('home.searchHint'));
    results = markup``;
  } else if (state.q) {
    const { data, errors } = await ctx.run<SearchData>(SEARCH_QUERY, {
      q: state.q,
      filter: toFilter(state),
      first: PAGE_SIZE,
      after: state.after,
    });
    if (errors.length || !data) {
      const error = ctx.errorOf(errors);
      if (error.status !== 400) throw error;
      problem = problemNotice(ctx, error.message, error.argument ?? 'q', t('home.searchHint'));
      results = markup``;
    } else {
      results = resultsView(ctx, state, data.searchProvisions, names);
      const found = data.searchProvisions.facets!;
      if (Object.values(found).some((values) => values.length)) facets = facetsView(ctx, state, found, names);
    }
  }
  const title = state.q && !state.qProblem ? t('search.titleQuery', { q: state.q }) : t('search.title');
  const body = markup`<h1>${title}</h1>
    ${formView(ctx, state, choice, names)} ${problem} ${activeFilters(ctx, state, names)}
    <div class="with-sidebar">
      <div class="results">${results}</div>
      ${facets ? markup`<aside aria-labelledby="facets-h">${facets}</aside>` : ''}
    </div>`;
  return layout(ctx, { title, section: 'search', body });
}

function formView(
  ctx: WebContext,
  state: SearchState,
  choice: PartyChoice,
  names: ReadonlyMap<string, string>,
): Html {
  const { t } = ctx;
  const any: [string, string] = ['', t('common.any')];
  const single = (values: string[]) => (values.length === 1 ? values[0] : undefined);
  const multi = (name: string, values: string[]) =>
    values.length > 1 ? hiddenValues(name, values) : markup``;
  const nameIf = (values: string[], name: string) => (values.length > 1 ? `${name}-extra` : name);
  return markup`<form method="get" action="${ctx.href('/search')}" role="search" aria-label="${t('search.title')}">${ctx.langField()}
<div class="field"><label for="q">${t('search.query')}</label>
<div class="inline"><input class="big" type="search" id="q" name="q" value="${state.q ?? ''}" maxlength="${MAX_QUERY_LENGTH}" aria-describedby="q-hint"><button type="submit">${t('common.search')}</button></div>
<p class="hint" id="q-hint">${t('home.searchHint')}</p></div>
<details${choice.typed.length || state.from || state.to || state.types.length || state.codes.length || state.bindings.length || state.locations.length || state.languages.length ? markup` open` : ''}>
<summary>${t('search.filters')}</summary>
<div class="filters">
${textField('f-party', 'party', t('common.party'), choice.typed.join(', '), 'placeholder="CAN, Canada" autocomplete="off"')}
${textField('f-from', 'from', t('common.from'), state.from, 'inputmode="numeric"')}
${textField('f-to', 'to', t('common.to'), state.to, 'inputmode="numeric"')}
${select('f-type', nameIf(state.types, 'type'), t('common.type'), [any, ...agreementTypeOptions(ctx)], single(state.types))}${multi('type', state.types)}
${select('f-code', nameIf(state.codes, 'code'), t('common.code'), [any, ...codeOptions(names, TAXONOMY_CODES)], single(state.codes))}${multi('code', state.codes)}
${select('f-binding', nameIf(state.bindings, 'binding'), t('common.bindingForce'), [any, ...BINDING_FORCES.map((v): [string, string] => [v, label(ctx.lang, v)])], single(state.bindings))}${multi('binding', state.bindings)}
${select('f-language', nameIf(state.languages, 'language'), t('common.language'), [any, ['en', 'English'], ['es', 'Español'], ['fr', 'Français']], single(state.languages))}${multi('language', state.languages)}
${select('f-location', nameIf(state.locations, 'location'), t('common.location'), [any, ...LOCATIONS.map((v): [string, string] => [v, label(ctx.lang, v)])], single(state.locations))}${multi('location', state.locations)}
</div>
<p><button type="submit">${t('common.apply')}</button> <a href="${ctx.href('/search', { q: state.q })}">${t('common.clear')}</a></p>
</details>
</form>`;
}

/** The filters in force, each a link that removes it (a code by its name). */
function activeFilters(ctx: WebContext, state: SearchState, names: ReadonlyMap<string, string>): Html {
  const chips: { text: string; without: SearchState }[] = [];
  const listKeys = ['codes', 'parties', 'types', 'bindings', 'languages', 'locations'] as const;
  for (const key of listKeys)
    for (const value of state[key])
      chips.push({
        text:
          key === 'codes'
            ? (names.get(value) ?? value)
            : key === 'types'
              ? agreementTypeName(ctx.lang, value)
              : value,
        without: { ...state, [key]: state[key].filter((v) => v !== value) },
      });
  if (state.from) chips.push({ text: `≥ ${state.from}`, without: { ...state, from: undefined } });
  if (state.to) chips.push({ text: `≤ ${state.to}`, without: { ...state, to: undefined } });
  if (!chips.length) return markup``;
  return markup`<nav aria-label="${ctx.t('search.active')}">
    <ul class="chips">
      ${chips.map(
        (c) =>
          markup`<li>
            <a
              href="${ctx.href('/search', toParams(c.without))}"
              aria-label="${ctx.t('search.remove', { value: c.text })}"
              >${c.text} ✕</a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

function resultsView(
  ctx: WebContext,
  state: SearchState,
  result: SearchData['searchProvisions'],
  names: ReadonlyMap<string, string>,
): Html {
  const { t } = ctx;
  if (result.totalCount === 0) return markup`<p role="status">${t('search.noHits')}</p>`;
  const params = toParams(state);
  const hits = result.edges.map(
    (edge) =>
      markup`<li>
        <p class="hit-title">
          <a href="${ctx.href(provisionPath(edge.node.pinpoint))}"
            >${agreementNameHtml(edge.node.agreement)} — ${articleLabelHtml(ctx, edge.node)}</a
          >
        </p>
        <p class="kicker">
          ${yearOf(edge.node.agreement.dateSigned)} ·
          <a href="${ctx.href(agreementPath(edge.node.agreement.slug))}">${edge.node.agreement.slug}</a> ·
          <code>${edge.node.pinpoint}</code> · ${label(ctx.lang, edge.node.location)}
        </p>
        <p class="snippet" ${edge.node.language ? markup` lang="${edge.node.language}"` : ''}>
          ${marked(edge.snippet)}
        </p>
        ${edge.node.annotations.length ? markup`<p>${edge.node.annotations.map((a) => annotationBadge(ctx, a, names))}</p>` : ''}
      </li>`,
  );
  return markup`<p role="status"><strong>${t('search.hits', { count: result.totalCount })}</strong></p>
    ${result.rankedCount < result.totalCount ? markup`<p class="hint">${t('search.ranked', { count: result.rankedCount })}</p>` : ''}
    <p><a href="${ctx.href('/search.csv', params)}" download>${t('search.csv')}</a></p>
    <ol class="hits">
      ${hits}
    </ol>
    ${pagerView(ctx, '/search', params, state.after, result.pageInfo)}`;
}

/** Facets: each value links to the search with that value added to the filter, with what it would give. */
function facetsView(
  ctx: WebContext,
  state: SearchState,
  facets: NonNullable<SearchData['searchProvisions']['facets']>,
  names: ReadonlyMap<string, string>,
): Html {
  const { t } = ctx;
  const group = (
    title: string,
    values: Facet[],
    add: (value: string) => SearchState,
    active: (value: string) => boolean,
    show: (value: string) => Html | string = (value) => value,
  ) =>
    values.length
      ? markup`<section class="facet">
          <h3>${title}</h3>
          <ul>
            ${values.slice(0, 12).map(
              (f) =>
                markup`<li>
                    ${active(f.value) ? markup`<span><strong>${show(f.value)}</strong></span>` : markup`<a href="${ctx.href('/search', toParams(add(f.value)))}">${show(f.value)}</a>`}<span
                      class="num"
                      >${f.count}</span
                    >
                  </li>`,
            )}
          </ul>
        </section>`
      : '';
  return markup`<h2 id="facets-h">${t('search.facets')}</h2>
    ${group(
      t('search.facetCodes'),
      facets.codes,
      (v) => ({ ...state, codes: [...state.codes, v] }),
      (v) => state.codes.includes(v),
      (v) => names.get(v) ?? v,
    )}
    ${group(
      t('search.facetParties'),
      facets.parties,
      (v) => ({ ...state, parties: [...state.parties, v] }),
      (v) => state.parties.includes(v),
    )}
    ${group(
      t('search.facetTypes'),
      facets.agreementTypes,
      (v) => ({ ...state, types: [...state.types, v] }),
      (v) => state.types.includes(v),
      (v) => agreementTypeName(ctx.lang, v),
    )}
    ${group(
      t('search.facetYears'),
      [...facets.years]
        .sort((a, b) => b.count - a.count)
        .slice(0, 12)
        .sort((a, b) => a.value.localeCompare(b.value)),
      (v) => ({ ...state, from: Number(v), to: Number(v) }),
      (v) => state.from === Number(v) && state.to === Number(v),
    )}`;
}

/** GET /search.csv: the result set (up to 1,000 rows, in rank order) with the same parameters as the page. */
export async function searchCsv(ctx: WebContext): Promise<PageResult> {
  const { state, choice } = await readState(ctx, false);
  if (choice.problem) throw badRequest(choice.problem, 'party');
  if (state.qProblem) throw badRequest(state.qProblem, 'q');
  if (!state.q) throw badRequest(ctx.t('search.noQuery'), 'q');
  const rows: string[][] = [
    [
      'rank',
      'score',
      'pinpoint',
      'agreement',
      'agreement_title',
      'date_signed',
      'chapter',
      'article',
      'article_label',
      'article_title',
      'location',
      'language',
      'annotations',
      'snippet',
      'url',
    ],
  ];
  let after: string | null | undefined;
  for (let page = 0; page < CSV_PAGES; page++) {
    const data = await ctx.query<SearchData>(CSV_QUERY, {
      q: state.q,
      filter: toFilter(state),
      first: CSV_PAGE_SIZE,
      after,
    });
    for (const edge of data.searchProvisions.edges) {
      const n = edge.node;
      rows.push(
        [
          String(rows.length),
          edge.score.toFixed(4),
          n.pinpoint,
          n.agreement.slug,
          n.agreement.title,
          n.agreement.dateSigned ?? '',
          [n.chapterNumber, n.chapterTitle].filter(Boolean).join(' '),
          n.articleNumber ?? '',
          articleCellLabel(
            n.articleNumber,
            n.numberedPerChapter ? { number: n.chapterNumber, title: n.chapterTitle } : null,
            undefined,
            keyOfPinpoint(n.pinpoint),
          ),
          n.articleTitle ?? '',
          n.location,
          n.language ?? '',
          cellList(n.annotations.map((a) => `${a.code.code}:${a.status}`)),
          edge.snippet,
          ctx.absolute(ctx.plain(provisionPath(n.pinpoint))),
        ].map(neutraliseFormula),
      );
    }
    if (!data.searchProvisions.pageInfo.hasNextPage) break;
    after = data.searchProvisions.pageInfo.endCursor;
  }
  const name = searchFileName(state, downloadDay());
  return file('text/csv; charset=utf-8', name, CSV_BOM + stringify(rows));
}

/** The longest filter part of a search CSV's name (the query's words have their own bound, NAME_WORDS_MAX). */
const FILE_FILTER_MAX = 100;

/**
 * The search CSV's name: its query, its filters (each as `name-values`, in the URL's order, as the exports name
 * theirs) and the day, so that searches that differ are never saved under one name:
 * `search-cultural-party-can-from-2000-2026-12-05.csv`. A word the query excludes (`-audiovisual`, `NOT
 * audiovisual`) is named `not-audiovisual`: the file without it must not read as the file with it.
 */
export function searchFileName(state: Omit<SearchState, 'after'>, day: string): string {
  const query = state.q?.replace(/(^|[\s(])-(?=[\p{L}\p{N}"(])/gu, '$1NOT ');
  const params = toParams({ ...state, q: undefined });
  const filters = Object.entries(params)
    .map(([name, value]) => [name, value === undefined || value === null ? [] : [value].flat()] as const)
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => fileNameWords(`${name} ${values.join(' ')}`, FILE_FILTER_MAX))
    .join('-');
  const filterPart = fileNameWords(filters, FILE_FILTER_MAX);
  return downloadFileName('search', [query ? fileNameWords(query) : '', filterPart], day, 'csv');
}
