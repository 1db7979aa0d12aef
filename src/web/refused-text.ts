import { DomainError } from '../common/errors';
import { dateText } from './views/common';
import { WebContext } from './web-context';

/**
 * A refusal of the API's (its message in English) as a page says it, in the page's language: a coherence report's day
 * still to come (`checkAsOf`) in the page's own words; any other reason quoted as the service gave it
 * (`error.refused`). The party page's date and a report read in the browser (`/reports/coherence/COL.html`) say it so.
 */
export function refusedText(ctx: WebContext, error: DomainError): string {
  const { dayToCome, latest } = error.details;
  if (typeof dayToCome === 'string' && typeof latest === 'string')
    return ctx.t('error.asOfToCome', { date: dateText(ctx, dayToCome), latest: dateText(ctx, latest) });
  return ctx.t('error.refused', { detail: error.message });
}
