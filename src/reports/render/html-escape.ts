const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML/SVG content and for double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/**
 * escapeHtml for a document's language. French puts a space before ":", ";", "?", "!" and "»" and after "«" that
 * a line never breaks at ("contraignante : art-9.1" must not wrap before its colon): a no-break space there.
 */
export function escapeHtmlIn(lang: string): (text: string) => string {
  if (lang !== 'fr') return escapeHtml;
  return (text) =>
    escapeHtml(text)
      .replace(/ ([:;?!»])/g, '\u00a0$1')
      .replace(/« /g, '«\u00a0');
}
