import { markup, Html } from '../html';
import { MessageKey } from '../i18n';
import { WebContext } from '../web-context';

export interface CompletenessFacts {
  dateSigned: string | null;
  dateInForce: string | null;
  status: string;
  parties: unknown[];
  sources: { kind: string }[];
  factSources: unknown[];
  withText: number;
  annotated: number;
  /** The API's own description of the record's completeness, when the server offers one. */
  recordCompleteness?: string | null;
}

/**
 * How complete an agreement's record is: which of the facts a user expects are recorded. When the API gives
 * its own description (a `recordCompleteness` field) it is shown as it is; else the items are counted here.
 */
export function completenessView(ctx: WebContext, facts: CompletenessFacts): Html {
  const { t } = ctx;
  if (facts.recordCompleteness) return markup`<p>${facts.recordCompleteness}</p>`;
  const notYetInForce = ['SIGNED', 'UNDER_NEGOTIATION', 'PROVISIONALLY_APPLIED'].includes(facts.status);
  const items: [MessageKey, boolean][] = [
    ['complete.dateSigned', Boolean(facts.dateSigned)],
    ['complete.dateInForce', Boolean(facts.dateInForce) || notYetInForce],
    ['complete.parties', facts.parties.length >= 2],
    ['complete.sources', facts.sources.some((s) => s.kind === 'OFFICIAL_TEXT' || s.kind === 'DEPOSITARY')],
    ['complete.factSources', facts.factSources.length > 0],
    ['complete.texts', facts.withText > 0],
    ['complete.annotations', facts.annotated > 0],
  ];
  const have = items.filter(([, ok]) => ok).length;
  const missing = items.filter(([, ok]) => !ok).map(([key]) => t(key));
  return markup`<p>
    <meter min="0" max="${items.length}" value="${have}" aria-label="${t('agreement.completeness')}">
      ${have}/${items.length}
    </meter>
    ${t('complete.summary', { have, total: items.length })}${missing.length ? markup` — ${t('complete.missing', { items: missing.join(', ') })}` : ''}
  </p>`;
}
