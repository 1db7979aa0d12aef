import { markup } from '../html';
import { numberFormat } from '../i18n';
import { layout } from '../layout';
import { WebContext } from '../web-context';
import { TAXONOMY_CODES } from '../web-enums';
import { MAX_QUERY_LENGTH } from '../../search/query/parse-search-query';
import { PARTY_QUERY_MAX_LENGTH } from './parties.page';

interface HomeData {
  agreements: { totalCount: number };
  annotated: { totalCount: number };
  annotatedAccepted: { totalCount: number };
  provisions: { totalCount: number };
  accepted: { totalCount: number };
  proposed: { totalCount: number };
  dated: { totalCount: number };
  first: { edges: { node: { dateSigned: string } }[] };
  last: { edges: { node: { dateSigned: string } }[] };
}

/** The earliest date the API takes (LocalDate): `signedFrom` it keeps the agreements that have a date of signature. */
const ANY_DATE = '1800-01-01';

/**
 * One operation: the catalogue's counts, the years of signature (the first and the last signed) and two
 * completeness figures (agreements annotated, and annotated with an accepted annotation). Counts and two one-row pages: the home page asks for nothing it does not show. Every
 * visitor asks the same, and it reads the whole catalogue (a statement or more per count): the answer is kept while the
 * data is unchanged (WebContext.queryKept).
 */
const HOME_QUERY = `query WebHome($codes: [TaxonomyCodeId!]!, $anyDate: LocalDate!) {
  agreements(first: 1) { totalCount }
  annotated: agreements(first: 1, filter: { annotations: { codes: $codes } }) { totalCount }
  annotatedAccepted: agreements(first: 1, filter: { annotations: { codes: $codes, statuses: [ACCEPTED] } }) { totalCount }
  provisions(first: 1) { totalCount }
  accepted: annotations(first: 1, filter: { statuses: [ACCEPTED] }) { totalCount }
  proposed: annotations(first: 1, filter: { statuses: [PROPOSED] }) { totalCount }
  dated: agreements(first: 1, filter: { signedFrom: $anyDate }) { totalCount }
  first: agreements(first: 1, filter: { signedFrom: $anyDate }, orderBy: { field: DATE_SIGNED, direction: ASC }) { edges { node { dateSigned } } }
  last: agreements(first: 1, filter: { signedFrom: $anyDate }, orderBy: { field: DATE_SIGNED, direction: DESC }) { edges { node { dateSigned } } }
}`;

export async function homePage(ctx: WebContext): Promise<string> {
  const data = await ctx.queryKept<HomeData>(HOME_QUERY, { codes: TAXONOMY_CODES, anyDate: ANY_DATE });
  const { t } = ctx;
  const dated = data.dated.totalCount;
  const total = data.agreements.totalCount;
  const [first, last] = [data.first, data.last].map((page) => page.edges[0]?.node.dateSigned.slice(0, 4));
  const yearRange = first && last ? `${first}–${last}` : '–';
  const number = (n: number) => numberFormat(ctx.lang).format(n);
  const body = markup` <h1>${t('home.title')}</h1>
    <p class="lead">${t('site.tagline')}</p>
    <form class="search-form" role="search" method="get" action="${ctx.href('/search')}">${ctx.langField()}
      <label for="home-q">${t('home.searchLabel')}</label>
      <div class="inline">
        <input
          class="big"
          type="search"
          id="home-q"
          name="q"
          maxlength="${MAX_QUERY_LENGTH}"
          aria-describedby="home-q-hint"
        />
        <button type="submit">${t('common.search')}</button>
      </div>
      <p class="hint" id="home-q-hint">${t('home.searchHint')}</p>
    </form>
    <section aria-labelledby="holds-h">
      <h2 id="holds-h">${t('home.holds')}</h2>
      <ul class="stats">
        <li>
          <strong>${number(total)}</strong> <a href="${ctx.href('/agreements')}">${t('home.agreements')}</a>
        </li>
        <li><strong>${number(data.provisions.totalCount)}</strong> ${t('home.provisions')}</li>
        <li><strong>${number(data.accepted.totalCount)}</strong> ${t('home.accepted')}</li>
        <li>
          <strong>${number(data.proposed.totalCount)}</strong>
          <a href="${ctx.href('/review')}">${t('home.proposed')}</a>
        </li>
        <li><strong>${yearRange}</strong> ${t('home.years')}</li>
      </ul>
      <h3>${t('home.completeness')}</h3>
      <ul>
        <li>${t('home.dated', { count: dated, total })}</li>
        <li>
          ${t('home.annotated', {
            count: data.annotated.totalCount,
            total,
            accepted: data.annotatedAccepted.totalCount,
          })}
        </li>
      </ul>
    </section>
    <section aria-labelledby="entry-h">
      <h2 id="entry-h">${t('home.entry')}</h2>
      <div class="cards">
        <div class="card">
          <h3>${t('home.negotiator')}</h3>
          <p>${t('home.negotiatorText')}</p>
          <p><a href="${ctx.href('/search')}">${t('home.negotiatorLink')}</a></p>
          <p>
            <a href="${ctx.href('/search', { q: '"cultural industries"', code: 'CULTURAL_EXEMPTION' })}"
              >${t('home.negotiatorExample')}</a
            >
          </p>
          <p><a href="${ctx.href('/draft-check')}">${t('nav.draft')}</a></p>
        </div>
        <div class="card">
          <h3>${t('home.ministry')}</h3>
          <p>${t('home.ministryText')}</p>
          <form method="get" action="${ctx.href('/parties')}">${ctx.langField()}
            <label for="home-party">${t('home.ministryLabel')}</label>
            <div class="inline">
              <input
                type="text"
                id="home-party"
                name="q"
                maxlength="${PARTY_QUERY_MAX_LENGTH}"
                autocomplete="country-name"
              />
              <button type="submit">${t('home.ministryGo')}</button>
            </div>
          </form>
        </div>
        <div class="card">
          <h3>${t('home.analyst')}</h3>
          <p>${t('home.analystText')}</p>
          <ul>
            <li><a href="${ctx.href('/compare')}">${t('home.analystCompare')}</a></li>
            <li><a href="${ctx.href('/trends')}">${t('home.analystTrends')}</a></li>
            <li><a href="${ctx.href('/flows')}">${t('home.analystFlows')}</a></li>
          </ul>
        </div>
      </div>
      <p><a href="${ctx.href('/review')}">${t('home.reviewer')}</a></p>
    </section>`;
  return layout(ctx, { title: t('nav.home'), section: 'home', body });
}
