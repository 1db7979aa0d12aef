/** Links the reports print: every one resolves in the running service. */

/** `/provisions/<slug>/<key>`: the provision page (HTML, or JSON with Accept: application/json). */
export function provisionPath(pinpoint: string): string {
  return `/provisions/${pinpoint.split('/').map(encodeURIComponent).join('/')}`;
}

/** A document link: relative when `base` is empty (served pages), absolute otherwise (files on disk). */
export function absoluteLink(path: string, base: string): string {
  return base ? `${base.replace(/\/+$/, '')}${path}` : path;
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
