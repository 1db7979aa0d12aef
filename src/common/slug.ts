/** Lower-case ASCII words joined by hyphens: "EU - Korea, Republic of" -> "eu-korea-republic-of". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/**
 * A provision key from an article number: "ARTICLE 22.7" -> "art-22.7", "Artículo 3" -> "art-3", and "ARTÍÍCULO 3-06"
 * (a heading typed with its accented letter twice, as in ToTA's Costa Rica - Mexico) -> "art-3-06".
 */
export function articleKey(number: string): string {
  const bare = number
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^\s*(article|arti+culo|art\.?)\s*/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '');
  return bare ? `art-${bare}` : 'art';
}
