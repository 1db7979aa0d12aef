import { markup, Html } from '../html';
import { MessageKey } from '../i18n';
import { WebContext } from '../web-context';
import { recordText, say } from '../../reports/common/report-texts';
import type { RecordCompleteness } from '../../agreements/record-completeness';

export interface CompletenessFacts {
  dateSigned: string | null;
  dateInForce: string | null;
  status: string;
  parties: unknown[];
  sources: { kind: string }[];
  factSources: unknown[];
  /** The catalogue holds provision texts (record coverage FULL_TEXT or EXCERPTS). */
  texts: boolean;
  annotated: number;
  /** What the catalogue holds of the text (Agreement.record): whether absences can be judged. */
  record: Pick<RecordCompleteness, 'coverage' | 'parts' | 'partial' | 'provisions'>;
}

/**
 * What the catalogue holds of an agreement's text, in the page's language: the sentence of Agreement.record.summary
 * (agreements/record-completeness.ts), in the reports' words (reports/common/report-texts.ts, `recordText`).
 */
export function recordSummaryText(ctx: WebContext, record: CompletenessFacts['record']): string {
  return say(ctx.lang, recordText(record));
}

/**
 * How complete an agreement's record is: what the catalogue holds of its text, then which
 * of the facts a user expects are recorded.
 */
export function completenessView(ctx: WebContext, facts: CompletenessFacts): Html {
  const { t } = ctx;
  const notYetInForce = ['SIGNED', 'UNDER_NEGOTIATION', 'PROVISIONALLY_APPLIED'].includes(facts.status);
  const items: [MessageKey, boolean][] = [
    ['complete.dateSigned', Boolean(facts.dateSigned)],
    ['complete.dateInForce', Boolean(facts.dateInForce) || notYetInForce],
    ['complete.parties', facts.parties.length >= 2],
    ['complete.sources', facts.sources.some((s) => s.kind === 'OFFICIAL_TEXT' || s.kind === 'DEPOSITARY')],
    ['complete.factSources', facts.factSources.length > 0],
    ['complete.texts', facts.texts],
    ['complete.annotations', facts.annotated > 0],
  ];
  const have = items.filter(([, ok]) => ok).length;
  const missing = items.filter(([, ok]) => !ok).map(([key]) => t(key));
  return markup`<p>${recordSummaryText(ctx, facts.record)}</p>
  <p>
    <meter min="0" max="${items.length}" value="${have}" aria-label="${t('agreement.completeness')}">
      ${have}/${items.length}
    </meter>
    ${t('complete.summary', { have, total: items.length })}${missing.length ? markup` — ${t('complete.missing', { items: missing.join(', ') })}` : ''}
  </p>`;
}
