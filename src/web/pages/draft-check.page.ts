import { markup, Html } from '../html';
import { layout } from '../layout';
import { CHECK_DRAFT_FIELDS, DraftCheckAnswer, DraftHit, draftCheckView } from '../views/draft-check';
import { select, textField } from '../views/common';
import { WebContext } from '../web-context';
import { badRequest, fromGraphql } from '../web-errors';

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
  const body = (ctx.req.method === 'POST' ? ctx.req.body : undefined) as Record<string, unknown> | undefined;
  const field = (name: string) => (typeof body?.[name] === 'string' ? (body[name] as string).trim() : '');
  const draft = field('draft');
  const parties = field('parties')
    .split(',')
    .map((p) => p.trim().toUpperCase())
    .filter(Boolean);
  const language = field('language') || 'en';
  if (draft.length > MAX_DRAFT) throw badRequest(t('error.tooLong', { name: 'draft', max: MAX_DRAFT }));
  if (!['en', 'es', 'fr'].includes(language))
    throw badRequest(t('error.badValue', { name: 'language', value: language, allowed: 'en, es, fr' }));
  const hasChecker = ctx.hasField('Query', 'checkDraft');
  let answer: Html = markup``;
  if (ctx.req.method === 'POST') {
    if (!draft) {
      ctx.res.status(400);
      answer = markup`<p class="notice error" role="alert">${t('draft.empty')}</p>`;
    } else if (hasChecker) {
      const { data, errors } = await ctx.run<{ checkDraft: DraftCheckAnswer }>(
        `query WebDraft($input: CheckDraftInput!) { checkDraft(input: $input) { ${CHECK_DRAFT_FIELDS} } }`,
        { input: { text: draft, parties, language } },
      );
      if (errors.length || !data) {
        const error = fromGraphql(errors);
        if (error.status !== 400) throw error;
        ctx.res.status(400);
        answer = markup`<p class="notice error" role="alert"><span class="error-message">${error.message}</span></p>`;
      } else answer = draftCheckView(ctx, { checker: data.checkDraft });
    } else {
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
      answer = draftCheckView(ctx, { hits, total });
    }
  }
  const languages: [string, string][] = [
    ['en', 'English'],
    ['es', 'Español'],
    ['fr', 'Français'],
  ];
  const page = markup`<h1>${t('draft.title')}</h1>
<p class="lead">${t('draft.intro')}</p>
${hasChecker ? '' : markup`<p class="notice">${t('draft.unavailable')}</p>`}
<form method="post" action="${ctx.href('/draft-check')}">
<label for="draft">${t('draft.label')}</label>
<textarea id="draft" name="draft" maxlength="${MAX_DRAFT}" required>${draft}</textarea>
${hasChecker ? markup`<div class="filters">${textField('d-parties', 'parties', t('common.parties'), parties.join(','), 'placeholder="CAN,KOR"')}${select('d-language', 'language', t('common.language'), languages, language)}</div>` : ''}
<p><button type="submit">${t('draft.run')}</button></p>
</form>
${answer}`;
  return layout(ctx, { title: t('draft.title'), section: 'draft', body: page });
}
