import { lastDayOfYear } from '../../common/text-rules';
import { markup, Html } from '../html';
import { MessageKey } from '../i18n';
import { label } from '../labels';
import { downloads, layout } from '../layout';
import {
  agreementName,
  agreementNameHtml,
  agreementPath,
  agreementTypeOptions,
  agreementTypesHtml,
  codeOptions,
  dateHtml,
  partyPath,
  select,
  textField,
  pagerView,
} from '../views/common';
import { QueryValue, queryString, WebContext } from '../web-context';
import { partyChoice, problemNotice } from '../views/party-filter';
import { AGREEMENT_STATUSES, AGREEMENT_TYPES, DIRECTIONS, ORDER_FIELDS, TAXONOMY_CODES } from '../web-enums';

const PAGE_SIZE = 50;

interface ListData {
  agreements: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        slug: string;
        title: string;
        shortTitle: string | null;
        language: string | null;
        dateSigned: string | null;
        dateInForce: string | null;
        status: string;
        types: string[];
        parties: { party: { code: string; name: string }; standing: string | null }[];
      };
    }[];
  };
}

const LIST_QUERY = `query WebAgreements($filter: AgreementFilter, $orderBy: AgreementOrder, $first: Int, $after: String) {
  agreements(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { slug title shortTitle language dateSigned dateInForce status types parties { party { code name } standing } } }
  }
}`;

/** Of the listed agreements, those with the filter's codes in an accepted annotation, and how many in all. */
const ACCEPTED_QUERY = `query WebAgreementsAccepted($listed: AgreementFilter, $all: AgreementFilter) {
  listed: agreements(filter: $listed, first: ${PAGE_SIZE}) { edges { node { slug } } }
  all: agreements(filter: $all, first: 1) { totalCount }
}`;

interface AcceptedData {
  listed: { edges: { node: { slug: string } }[] };
  all: { totalCount: number };
}

/**
 * A list filtered by code matches proposed annotations too (anything not rejected, as the API's filter does):
 * which of the listed agreements have the codes only in proposals awaiting review, and how many in all.
 */
async function pendingOnly(
  ctx: WebContext,
  filter: Record<string, unknown>,
  data: ListData,
): Promise<{ slugs: Set<string>; count: number } | undefined> {
  const codes = (filter.annotations as { codes: string[] } | undefined)?.codes;
  if (!codes?.length) return undefined;
  const listed = data.agreements.edges.map((e) => e.node.slug);
  const accepted = { ...filter, annotations: { codes, statuses: ['ACCEPTED'] } };
  const answer = await ctx.query<AcceptedData>(ACCEPTED_QUERY, {
    listed: { ...accepted, slugs: listed },
    all: accepted,
  });
  const kept = new Set(answer.listed.edges.map((e) => e.node.slug));
  return {
    slugs: new Set(listed.filter((slug) => !kept.has(slug))),
    count: data.agreements.totalCount - answer.all.totalCount,
  };
}

/** What the list of agreements takes. */
export const AGREEMENTS_PARAMETERS: readonly string[] = [
  'q',
  'party',
  'type',
  'status',
  'code',
  'from',
  'to',
  'sort',
  'dir',
  'after',
];

/** The longest title words the catalogue's page looks for (its box says so: maxlength). */
export const TITLE_QUERY_MAX_LENGTH = 200;

/** GET /agreements: the catalogue, filtered and sorted by the URL, with boxes to tick for a comparison. */
export async function agreementsPage(ctx: WebContext): Promise<string> {
  const { t } = ctx;
  const q = ctx.param('q', TITLE_QUERY_MAX_LENGTH);
  const choice = await partyChoice(ctx);
  const parties = choice.codes;
  const types = ctx.enumList('type', AGREEMENT_TYPES);
  const statuses = ctx.enumList('status', AGREEMENT_STATUSES);
  const codes = ctx.enumList('code', TAXONOMY_CODES);
  const { from, to } = ctx.years();
  const sort = ctx.enumParam('sort', ORDER_FIELDS, 'DATE_SIGNED');
  const dir = ctx.enumParam('dir', DIRECTIONS, 'DESC');
  const after = ctx.param('after', 200);
  const names = await ctx.codeNames();

  const filter: Record<string, unknown> = {};
  if (q) filter.titleContains = q;
  if (parties.length) filter.parties = parties;
  if (types.length) filter.types = types;
  if (statuses.length) filter.statuses = statuses;
  if (codes.length) filter.annotations = { codes };
  if (from) filter.signedFrom = `${from}-01-01`;
  if (to) filter.signedTo = lastDayOfYear(to);
  const params = { q, party: parties, type: types, status: statuses, code: codes, from, to, sort, dir };
  const any: [string, string] = ['', t('common.any')];
  const data = choice.problem
    ? undefined
    : await ctx.query<ListData>(LIST_QUERY, {
        filter,
        orderBy: { field: sort, direction: dir },
        first: PAGE_SIZE,
        after,
      });
  const listing = data
    ? listingView(ctx, data, params, after, await pendingOnly(ctx, filter, data))
    : problemNotice(ctx, choice.problem!, 'party');
  const body = markup`<h1>${t('agreements.title')}</h1>
    <form method="get" action="${ctx.href('/agreements')}" aria-label="${t('search.filters')}">${ctx.langField()}
      <div class="filters">
        ${textField('a-q', 'q', t('agreements.titleContains'), q, `maxlength="${TITLE_QUERY_MAX_LENGTH}"`)}
        ${textField('a-party', 'party', t('common.party'), choice.typed.join(', '), 'placeholder="CAN, Canada"')}
        ${select('a-type', 'type', t('common.type'), [any, ...agreementTypeOptions(ctx)], types[0])}
        ${select('a-status', 'status', t('common.status'), [any, ...AGREEMENT_STATUSES.map((v): [string, string] => [v, label(ctx.lang, v)])], statuses[0])}
        ${select('a-code', 'code', t('common.code'), [any, ...codeOptions(names, TAXONOMY_CODES)], codes[0])}
        ${textField('a-from', 'from', t('common.from'), from, 'inputmode="numeric"')}
        ${textField('a-to', 'to', t('common.to'), to, 'inputmode="numeric"')}
        ${select(
          'a-sort',
          'sort',
          t('agreements.sort'),
          ORDER_FIELDS.map((v): [string, string] => [v, label(ctx.lang, v)]),
          sort,
        )}
        ${select(
          'a-dir',
          'dir',
          t('agreements.direction'),
          [
            ['ASC', t('agreements.asc')],
            ['DESC', t('agreements.desc')],
          ],
          dir,
        )}
      </div>
      <p>
        <button type="submit">${t('common.apply')}</button>
        <a href="${ctx.href('/agreements')}">${t('common.clear')}</a>
      </p>
    </form>
    ${listing}
    ${choice.problem ? '' : downloads(ctx, exportLinks(ctx, filter))}`;
  return layout(ctx, { title: t('agreements.title'), section: 'agreements', body });
}

/**
 * The list's agreements as files: the catalogue's export (`/exports/agreements.<csv|json>`) with the list's own
 * filter under the export's names, so that the file holds the agreements the page lists (all of them, not only
 * this page of 50; in the export's order).
 */
function exportLinks(ctx: WebContext, filter: Record<string, unknown>): { label: string; href: string }[] {
  const annotations = filter.annotations as { codes: string[] } | undefined;
  const params: Record<string, QueryValue> = {
    titleContains: filter.titleContains as string | undefined,
    parties: (filter.parties as string[] | undefined)?.join(','),
    types: (filter.types as string[] | undefined)?.join(','),
    statuses: (filter.statuses as string[] | undefined)?.join(','),
    'annotations.codes': annotations?.codes.join(','),
    signedFrom: filter.signedFrom as string | undefined,
    signedTo: filter.signedTo as string | undefined,
  };
  return (['csv', 'json'] as const).map((format) => ({
    label: ctx.t(`agreements.${format}`),
    href: `${ctx.plain(`/exports/agreements.${format}`)}${queryString(params)}`,
  }));
}

/**
 * An agreement's parties as the comparison and the exports list them (GraphQL `AgreementParty.standing`, the one rule
 * `partyStanding`): its parties in their own right (at most 8 named, then their count), then, marked, those that
 * signed only and those suspended today. A member state listed beside its bloc (Croatia in EU-Korea) is bound
 * through it and not listed, as its bloc is; a territory is no party. The record's rows were listed, Croatia among
 * EU-Korea's parties and the TPP's twelve signatories as its parties.
 */
function partiesCell(
  ctx: WebContext,
  parties: ListData['agreements']['edges'][number]['node']['parties'],
): Html {
  const link = (p: (typeof parties)[number], i: number) =>
    markup`${i ? ', ' : ''}<a href="${ctx.href(partyPath(p.party.code))}" title="${ctx.partyName(p.party)}">${p.party.code}</a>`;
  const of = (standing: string) => parties.filter((p) => p.standing === standing);
  const own = of('PARTY');
  const marked = (key: MessageKey, list: typeof parties) =>
    list.length ? markup` <span class="muted">${ctx.t(key)} ${list.map(link)}</span>` : '';
  return markup`${own.slice(0, 8).map(link)}${own.length > 8 ? markup` … (${own.length})` : ''}${marked('agreements.signedOnly', of('SIGNATORY_ONLY'))}${marked('agreements.suspended', of('SUSPENDED'))}`;
}

function listingView(
  ctx: WebContext,
  data: ListData,
  params: Record<string, QueryValue>,
  after: string | undefined,
  pending: { slugs: Set<string>; count: number } | undefined,
): Html {
  const { t } = ctx;
  const rows = data.agreements.edges.map(({ node: a }) => {
    const name = agreementName(a);
    return markup`<tr>
      <td>
        <input
          type="checkbox"
          name="agreements"
          value="${a.slug}"
          id="cmp-${a.slug}"
          aria-label="${t('agreements.select', { title: name })}"
        />
      </td>
      <th scope="row" data-label="${t('common.agreement')}">
        <a href="${ctx.href(agreementPath(a.slug))}">${agreementNameHtml(a)}</a
        >${a.shortTitle ? markup`<br /><span class="muted" lang="${a.language ?? ''}">${a.title}</span>` : ''}${
          pending?.slugs.has(a.slug)
            ? markup`<br /><span class="badge PROPOSED">${label(ctx.lang, 'PROPOSED')}</span>
                <span class="muted">${t('agreements.pendingOnly')}</span>`
            : ''
        }
      </th>
      <td data-label="${t('common.signed')}">${dateHtml(ctx, a.dateSigned)}</td>
      <td data-label="${t('common.inForce')}">${dateHtml(ctx, a.dateInForce)}</td>
      <td data-label="${t('common.status')}">${label(ctx.lang, a.status)}</td>
      <td data-label="${t('common.parties')}">
        ${partiesCell(ctx, a.parties)}
      </td>
      <td data-label="${t('common.type')}">${agreementTypesHtml(ctx, a.types)}</td>
    </tr>`;
  });
  return markup`<p role="status">
      ${t('agreements.count', { count: data.agreements.totalCount })}${pending?.count ? ` (${t('agreements.pendingCount', { count: pending.count })})` : ''}
    </p>
    <form method="get" action="${ctx.href('/compare')}">${ctx.langField()}
      <div class="table-wrap" tabindex="0">
        <table class="responsive">
          <caption class="visually-hidden">
            ${t('agreements.title')}
          </caption>
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">${t('nav.compare')}</span></th>
              <th scope="col">${t('common.agreement')}</th>
              <th scope="col">${t('common.signed')}</th>
              <th scope="col">${t('common.inForce')}</th>
              <th scope="col">${t('common.status')}</th>
              <th scope="col">${t('common.parties')}</th>
              <th scope="col">${t('common.type')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
      </div>
      <p><button type="submit">${t('agreements.compareSelected')}</button></p>
    </form>
    ${pagerView(ctx, '/agreements', params, after, data.agreements.pageInfo)}`;
}
