import { markup, Html } from '../html';
import { WebContext } from '../web-context';
import { agreementName, articleLabel, marked, provisionPath, yearOf } from './common';

export interface DraftHit {
  snippet: string;
  node: {
    pinpoint: string;
    articleNumber: string | null;
    articleTitle: string | null;
    agreement: { title: string; shortTitle: string | null; dateSigned: string | null };
  };
}

/**
 * The answer to a pasted draft. With the checker of the API (`checkDraft`) its answer is shown as the API gives
 * it; without it, the clauses that share the draft's most distinctive words (ranked search).
 */
export function draftCheckView(
  ctx: WebContext,
  answer: { checker?: unknown; hits?: DraftHit[]; total?: number },
): Html {
  const { t } = ctx;
  const parts: Html[] = [];
  if (answer.checker !== undefined)
    parts.push(
      markup`<h2>${t('draft.answer')}</h2>
        <pre class="text">${JSON.stringify(answer.checker, null, 2)}</pre>`,
    );
  if (answer.hits) {
    parts.push(
      markup`<h2>${t('provision.similar')}</h2>
        <p role="status">${t('search.hits', { count: answer.total ?? answer.hits.length })}</p>
        <ol class="hits">
          ${answer.hits.map(
            (h) =>
              markup`<li>
                <p class="hit-title">
                  <a href="${ctx.href(provisionPath(h.node.pinpoint))}"
                    >${agreementName(h.node.agreement)} — ${articleLabel(ctx, h.node)}</a
                  >
                  <span class="muted">(${yearOf(h.node.agreement.dateSigned)})</span>
                </p>
                <p class="snippet">${marked(h.snippet)}</p>
              </li>`,
          )}
        </ol>`,
    );
  }
  return markup`${parts}`;
}
