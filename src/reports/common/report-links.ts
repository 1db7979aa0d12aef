import type { Language } from '../../common/i18n';
/** Links the reports print: every one resolves in the running service. */

/** `/provisions/<slug>/<key>`: the provision page (HTML, or JSON with Accept: application/json). */
export function provisionPath(pinpoint: string): string {
  return `/provisions/${pinpoint.split('/').map(encodeURIComponent).join('/')}`;
}

/** A document link: relative when `base` is empty (served pages), absolute otherwise (files on disk). */
export function absoluteLink(path: string, base: string): string {
  return base ? `${base.replace(/\/+$/, '')}${path}` : path;
}

/**
 * A link from a report to a page of the service (a provision), in the report's language: a French report's
 * provisions open in French (`?lang=fr`, which the explorer keeps), an English one's as they always did.
 */
export function pageLink(path: string, base: string, lang: Language): string {
  const inLanguage = lang === 'en' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
  return absoluteLink(inLanguage, base);
}

export function queryString(
  parameters: Record<string, string | number | boolean | null | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null && value !== undefined && value !== '' && value !== false)
      search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
