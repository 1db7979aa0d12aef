/**
 * An article number without the word the record may carry ("ARTICLE 22.6", "Art. 7", "Artículo 3" are 22.6, 7,
 * 3; ToTA numbers often carry it): every label adds its own word.
 */
export const articleNumber = (n: string): string =>
  n.replace(/^(article|articles|art\.?|artículo|articulo)\s+/i, '').trim() || n;
