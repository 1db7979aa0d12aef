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
  /** The catalogue holds provision texts (record coverage FULL_TEXT or EXCERPTS). */
  texts: boolean;
  annotated: number;
  /** What the catalogue holds of the text (Agreement.record): whether absences can be judged. */
  record: { coverage: string; parts: string[]; provisions: number };
}

const PARTS = ['MAIN_TEXT', 'ANNEXES', 'SCHEDULES', 'PROTOCOLS', 'SIDE_LETTERS'] as const;

/**
 * What the catalogue holds of an agreement's text, in the page's language: the sentence of Agreement.record.summary
 * (agreements/record-completeness.ts), said from its coverage, parts and number of provisions.
 */
export function recordSummaryText(ctx: WebContext, record: CompletenessFacts['record']): string {
  const { t } = ctx;
  const part = (p: string) => ((PARTS as readonly string[]).includes(p) ? t(`part.${p}` as MessageKey) : p);
  if (record.coverage === 'FULL_TEXT') {
    const missing = PARTS.filter((p) => !record.parts.includes(p)).map(part);
    return t('record.FULL_TEXT', {
      parts: record.parts.map(part).join(', '),
      count: record.provisions,
      missing: missing.join(', ') || t('record.nothing'),
    });
  }
  if (record.coverage === 'EXCERPTS') return t('record.EXCERPTS', { count: record.provisions });
  return t('record.METADATA_ONLY');
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
