import { articleKey, slugify } from './slug';

describe('slugs and keys', () => {
  it.each([
    ['EU - Korea, Republic of', 'eu-korea-republic-of'],
    ['Canada - Perú', 'canada-peru'],
    ['  ASEAN -- China  ', 'asean-china'],
  ])('slugify(%s) = %s', (input, slug) => expect(slugify(input)).toBe(slug));

  it.each([
    ['ARTICLE 22.7', 'art-22.7'],
    ['Article O-06', 'art-o-06'],
    ['Artículo 3', 'art-3'],
    ['ARTÍÍCULO 3-06', 'art-3-06'],
    ['Art. 1.1 bis', 'art-1.1-bis'],
    ['2106', 'art-2106'],
  ])('articleKey(%s) = %s', (input, key) => expect(articleKey(input)).toBe(key));
});
