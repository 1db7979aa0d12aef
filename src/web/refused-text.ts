import { DomainError } from '../common/errors';
import { refusalIn } from '../common/refusal-texts';
import { WebContext } from './web-context';

/**
 * A refusal of the API's (its message in English) as a page says it, in the page's language: a refusal of the table
 * of refusals (`common/refusal-texts.ts`: a report's date, day to come, year, format, party or agreement, a parameter)
 * in the page's own words, its dates as the page writes them; any other reason quoted as the service gave it
 * (`error.refused`). The party page's date and a report read in the browser (`/reports/coherence/COL.html`) say it so.
 */
export function refusedText(ctx: WebContext, error: DomainError): string {
  return refusalIn(ctx.lang, error, true) ?? ctx.t('error.refused', { detail: error.message });
}
