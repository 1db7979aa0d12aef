/** What a page builder hands back: a page, a file to download, or a redirect. */
export type PageResult =
  | string
  | { kind: 'file'; type: string; filename: string; body: string | Buffer }
  | { kind: 'redirect'; location: string }
  | { kind: 'json'; body: unknown };

export const file = (type: string, filename: string, body: string | Buffer): PageResult => ({
  kind: 'file',
  type,
  filename,
  body,
});

export const redirect = (location: string): PageResult => ({ kind: 'redirect', location });
