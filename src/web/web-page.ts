/** What a page builder hands back: a page, a file to download, or a redirect. */
export type PageResult =
  | string
  | { kind: 'file'; type: string; filename: string; body: string | Buffer }
  | { kind: 'redirect'; location: string; permanent?: true }
  | { kind: 'json'; body: unknown };

export const file = (type: string, filename: string, body: string | Buffer): PageResult => ({
  kind: 'file',
  type,
  filename,
  body,
});

export const redirect = (location: string): PageResult => ({ kind: 'redirect', location });

/**
 * A permanent redirect (301) to a page's one address, from one typed in another case (`/agreements/CETA`,
 * `/parties/can`): the page is reached, and links and caches keep one address.
 */
export const canonicalRedirect = (location: string): PageResult => ({
  kind: 'redirect',
  location,
  permanent: true,
});
