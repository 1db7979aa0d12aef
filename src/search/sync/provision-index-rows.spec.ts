import { searchableText } from '../query';
import { bandKeys } from '../similarity';
import { seededRandom } from '../../../test/support/synthetic-texts';
import {
  bandKeyNumber,
  bandKeyNumbers,
  bandKeyToken,
  fingerprint,
  indexedWords,
  MIN_SIMILARITY_WORDS,
  searchDocument,
  signatureFromBytes,
  signatureToBytes,
} from './provision-index-rows';

describe('indexedWords', () => {
  it.each([
    'Article 22.7: E-Commerce\u00a0(see www.unesco.org)',
    'Diversité CULTURELLE, Électronique; ÇA ÑANDÚ',
    'İstanbul ΟΔΟΣ Straße ﬁlm 𝐀𝐁 x\u0301y',
    '«Les industries culturelles» – l’exception',
    'cul\u00adtural mar\u2060joram \ufeffbroad\u200ccast zero\u200bwidth',
  ])('splits and folds %j as the query side does', (text) => {
    expect(indexedWords(text)).toBe(searchableText(text, { foldAccents: true }));
  });
});

describe('indexedWords, invisible characters', () => {
  it('leaves a soft hyphen, joiners and the word joiner out of the word they sit in; a zero-width space separates', () => {
    expect(indexedWords('cul\u00adtural mar\u2060joram \ufeffbroad\u200ccast zero\u200bwidth')).toBe(
      'cultural marjoram broadcast zero width',
    );
  });
});

describe('searchDocument', () => {
  it('puts the number and titles in the title and the text and summary in the body', () => {
    expect(
      searchDocument({
        id: 1,
        chapter_title: 'Exceptions',
        section_title: null,
        article_number: 'Article 22.6',
        article_title: 'Industries culturelles',
        text: 'Nothing in this Agreement…',
        summary: 'Exempts cultural industries.',
      }),
    ).toEqual({
      title: 'article 22 6 industries culturelles exceptions',
      body: 'nothing in this agreement exempts cultural industries',
    });
  });
});

describe('fingerprint', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

  it(`leaves out texts under ${MIN_SIMILARITY_WORDS} words`, () => {
    expect(fingerprint(words(MIN_SIMILARITY_WORDS - 1))).toBeNull();
    expect(fingerprint(words(MIN_SIMILARITY_WORDS))).toMatchObject({ words: MIN_SIMILARITY_WORDS });
  });

  it('gives equal texts equal band keys, 32 of them, as safe integers', () => {
    const a = fingerprint(`The same clause, ${words(20)}`)!;
    const b = fingerprint(`the SAME clause ${words(20)}.`)!;
    expect(a.bandKeys).toEqual(b.bandKeys);
    expect(a.bandKeys).toHaveLength(32);
    for (const key of a.bandKeys) expect(Number.isSafeInteger(key)).toBe(true);
  });

  it('stores signatures as bytes and reads them back', () => {
    const { signature } = fingerprint(words(30))!;
    expect(signatureFromBytes(signatureToBytes(signature))).toEqual(signature);
  });

  it('reads 13 hex digits of a band key', () => {
    expect(bandKeyNumber('3:ffffffffffffff00')).toBe(2 ** 52 - 1);
    expect(bandKeyNumber('12:0000000000001abc')).toBe(1);
  });

  it('gives the numbers of the band keys without making them (bandKeyNumbers)', () => {
    for (let n = 12; n < 400; n += 17) {
      const { signature } = fingerprint(words(n))!;
      expect(bandKeyNumbers(signature)).toEqual(bandKeys(signature).map(bandKeyNumber));
    }
    expect(bandKeyNumbers(new Uint32Array(0))).toEqual([]);
  });

  it('writes a band key in base 36 as toString(36) does', () => {
    const random = seededRandom(5);
    const keys = [0, 1, 35, 36, 2 ** 31, 2 ** 32 - 1, 2 ** 52 - 1, 2 ** 53 - 1, 36 ** 10, 36 ** 10 - 1];
    for (let i = 0; i < 5000; i += 1) keys.push(Math.floor(random() * 2 ** 52));
    for (const key of keys) expect(bandKeyToken(key)).toBe(key.toString(36));
  });
});
