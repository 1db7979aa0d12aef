import { markup, Html } from '../html';
import { layout } from '../layout';
import { DraftHit, draftCheckView } from '../views/draft-check';
import { WebContext } from '../web-context';
import { badRequest } from '../web-errors';

const MAX_DRAFT = 20_000;
const STOP = new Set(
  'the and for that with this shall which from such their other party parties any may have has been not are its into upon under each all where when also les des une pour que dans par sur aux est del las los por para con una que como'.split(
    ' ',
  ),
);

/** The draft's most distinctive words (the longest distinct ones), as an OR query for the ranked search. */
export function draftQuery(text: string): string | null {
  const words = [
    ...new Set(
      (
        text
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, '')
          .match(/[a-z]{5,}/g) ?? []
      ).filter((w) => !STOP.has(w)),
    ),
  ];
  const chosen = words.sort((a, b) => b.length - a.length || a.localeCompare(b)).slice(0, 8);
  return chosen.length ? chosen.join(' OR ') : null;
}

interface DraftSearch {
  searchProvisions: { totalCount: number; edges: DraftHit[] };
}

/** GET and POST /draft-check: paste a draft, see what the checker says; nothing is stored. */
export async function draftCheckPage(ctx: WebContext): Promise<string> {
  const { t } = ctx;
  const body = ctx.req.body as { draft?: unknown } | undefined;
  const draft = ctx.req.method === 'POST' && typeof body?.draft === 'string' ? body.draft.trim() : '';
  if (draft.length > MAX_DRAFT) throw badRequest(t('error.tooLong', { name: 'draft', max: MAX_DRAFT }));
  const hasChecker = ctx.hasField('Query', 'checkDraft');
  let answer: Html = markup``;
  if (ctx.req.method === 'POST') {
    if (!draft) {
      ctx.res.status(400);
      answer = markup`<p class="notice error" role="alert">${t('draft.empty')}</p>`;
    } else {
      let checker: unknown;
      if (hasChecker)
        checker = (
          await ctx.query<{ checkDraft: unknown }>(
            `query WebDraft($text: String!) { checkDraft(text: $text) { __typename } }`,
            { text: draft },
          )
        ).checkDraft;
      const q = draftQuery(draft);
      let hits: DraftHit[] = [];
      let total = 0;
      if (q) {
        const data = await ctx.query<DraftSearch>(
          `query WebDraftSearch($q: String!) { searchProvisions(query: $q, first: 10, snippet: { open: "\uE000", close: "\uE001", words: 40 }) {
            totalCount edges { snippet node { pinpoint articleNumber articleTitle agreement { title shortTitle dateSigned } } } } }`,
          { q },
        );
        hits = data.searchProvisions.edges;
        total = data.searchProvisions.totalCount;
      }
      answer = draftCheckView(ctx, { checker, hits, total });
    }
  }
  const page = markup`<h1>${t('draft.title')}</h1>
    <p class="lead">${t('draft.intro')}</p>
    ${hasChecker ? '' : markup`<p class="notice">${t('draft.unavailable')}</p>`}
    <form method="post" action="${ctx.href('/draft-check')}">
      <label for="draft">${t('draft.label')}</label>
      <textarea id="draft" name="draft" maxlength="${MAX_DRAFT}" required>${draft}</textarea>
      <p><button type="submit">${t('draft.run')}</button></p>
    </form>
    ${answer}`;
  return layout(ctx, { title: t('draft.title'), section: 'draft', body: page });
}
