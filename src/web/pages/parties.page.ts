import { partyCodeByLocalName, partyCodesByLocalNamePart, partyNameTyped } from '../../parties/party-names';
import { markup } from '../html';
import { conventionStatusName } from '../labels';
import { layout } from '../layout';
import { pagerView, partyKindLabel, partyPath, textField } from '../views/common';
import { WebContext } from '../web-context';
import { redirect, PageResult } from '../web-page';

interface PartiesData {
  parties: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      node: {
        code: string;
        name: string;
        kind: string;
        territoryOf: string | null;
        conventionStatus: { status: string };
      };
    }[];
  };
}

const PARTIES_QUERY = `query WebParties($filter: PartyFilter, $after: String) {
  parties(first: 100, after: $after, filter: $filter, orderBy: { field: NAME }) { totalCount pageInfo { hasNextPage endCursor } edges { node { code name kind territoryOf conventionStatus { status } } } }
}`;

/** What the list of parties takes. */
export const PARTIES_PARAMETERS: readonly string[] = ['q', 'after'];

/** The longest name or code the parties page looks for (its form's and the home page's box say so: maxlength). */
export const PARTY_QUERY_MAX_LENGTH = 100;

/** GET /parties?q=: finds a party by code or name; one match goes straight to its page. 100 a page (`after`). */
export async function partiesPage(ctx: WebContext): Promise<PageResult> {
  const { t } = ctx;
  const q = ctx.param('q', PARTY_QUERY_MAX_LENGTH);
  const after = ctx.param('after', 200);
  if (q && /^[A-Za-z]{3}$/.test(q)) {
    const byCode = await ctx.query<PartiesData>(PARTIES_QUERY, { filter: { codes: [q.toUpperCase()] } });
    if (byCode.parties.totalCount === 1) return redirect(ctx.href(partyPath(q.toUpperCase())));
  }
  // A name typed in the page's language ("Allemagne", "Estados Unidos") names its party as the English one does.
  const local = q ? partyCodeByLocalName(ctx.lang, q) : undefined;
  if (local) return redirect(ctx.href(partyPath(local)));
  let data = await ctx.query<PartiesData>(PARTIES_QUERY, {
    filter: q ? { nameContains: partyNameTyped(q) } : undefined,
    after,
  });
  const localCodes = q && data.parties.totalCount === 0 ? partyCodesByLocalNamePart(ctx.lang, q) : [];
  if (localCodes.length)
    data = await ctx.query<PartiesData>(PARTIES_QUERY, { filter: { codes: localCodes } });
  if (q && data.parties.totalCount === 1)
    return redirect(ctx.href(partyPath(data.parties.edges[0].node.code)));
  const body = markup`<h1>${t('parties.title')}</h1>
    <form method="get" action="${ctx.href('/parties')}" role="search" aria-label="${t('parties.find')}">${ctx.langField()}
      <div class="inline">
        ${textField('p-q', 'q', t('home.ministryLabel'), q, `maxlength="${PARTY_QUERY_MAX_LENGTH}"`)}<button type="submit">
          ${t('common.search')}
        </button>
      </div>
    </form>
    ${q && data.parties.totalCount === 0 ? markup`<p role="status">${t('parties.none', { q })} <a href="${ctx.href('/agreements', { q })}">${t('parties.noneAgreements', { q })}</a></p>` : ''}
    <ul class="party-list">
      ${data.parties.edges.map(({ node }) => markup`<li><a href="${ctx.href(partyPath(node.code))}">${ctx.partyName(node)}</a> <code>${node.code}</code> <span class="muted">${partyKindLabel(ctx, node)} · ${t('parties.conventionStatus', { status: conventionStatusName(ctx.lang, node.conventionStatus.status) })}</span></li>`)}
    </ul>
    ${data.parties.totalCount > 100 ? markup`<p class="hint">${t('parties.perPage', { total: data.parties.totalCount })}</p>` : ''}
    ${pagerView(ctx, '/parties', { q }, after, data.parties.pageInfo)}`;
  return layout(ctx, { title: t('parties.title'), section: 'parties', body });
}
