import { sortedJaccard } from '../similar/sorted-jaccard';
import { shingles } from '../similarity/shingles';
import {
  AS_WRITTEN,
  spanishEnglish,
  wordingFeatures,
  WordingOptions,
  wordingTokens,
} from './wording-features';

// Invented clauses (not treaty wording).
const BASE =
  'Nothing in this Agreement shall be construed to apply to measures adopted by either Party with respect to puppet theatres and mural painters, except as provided in Article 204 (Tariffs).';
const REWORDED =
  'This Agreement does not apply to a measure adopted by a Party with respect to a person engaged in puppet theatre or mural painting, except as provided in Article 3.4 (Tariffs).';
const UNRELATED =
  'Each Party shall ensure that its customs authorities release goods within forty-eight hours of arrival where possible and publish their average release times every year.';

const wording = (a: string, b: string) => sortedJaccard(wordingFeatures(a), wordingFeatures(b));
const verbatim = (a: string, b: string) => sortedJaccard(shingles(a), shingles(b));

describe('WORDING features', () => {
  it('keep content words, drop grammatical words, numbers and cross-references, reduce plurals', () => {
    expect(
      wordingTokens('The Parties shall apply Article 22.7(b) and Annex II to cultural industries.'),
    ).toEqual(['party', 'appiy', 'articie', 'annex', 'cuiturai', 'industry']);
  });

  it('keep a reworded descendant well above an unrelated clause, where 5-word shingles lose it', () => {
    expect(wording(BASE, REWORDED)).toBeGreaterThan(0.3);
    expect(verbatim(BASE, REWORDED)).toBeLessThan(0.15);
    expect(wording(BASE, UNRELATED)).toBeLessThan(0.05);
  });

  it('tolerate reordered sentences, inserted qualifiers and changed cross-references', () => {
    const [first, second] = [
      'Each Party may maintain quotas for local films on television.',
      'Each Party may support public broadcasters through grants and licences.',
    ];
    expect(wording(`${first} ${second}`, `${second} ${first}`)).toBeGreaterThan(0.85);
    expect(wording(BASE, BASE.replace('mural painters', 'independent mural painters'))).toBeGreaterThan(0.85);
    expect(wording(BASE, BASE.replace('Article 204', 'Article 2.04'))).toBe(1);
  });

  it('see through OCR damage', () => {
    expect(
      wording(
        'Cultural industries are exempt from the provisions of this Agreement, save Article 4.',
        'Cu1tural industr1es are exempt from the prov1s10ns of this Agree-\nment, save Article 4.',
      ),
    ).toBe(1);
  });

  it('give no features for an empty text and the same set whatever the case or accents', () => {
    expect(wordingFeatures('')).toHaveLength(0);
    expect(wordingFeatures('Diversité CULTURELLE des expressions')).toEqual(
      wordingFeatures('diversite culturelle des expressions'),
    );
  });

  describe('across languages (run 12)', () => {
    // Invented clauses (not treaty wording): the same commitment in English and in Spanish.
    const ENGLISH =
      'Each Party shall protect the works of puppet theatres and the rights of their authors, including the right of reproduction and the right of translation.';
    const SPANISH =
      'Cada Parte protegerá las obras de los teatros de títeres y los derechos de sus autores, incluido el derecho de reproducción y el derecho de traducción.';
    const translated: WordingOptions = { translate: spanishEnglish(0.3), bothOrders: true };

    it("put a Spanish text's content words into English by the learned table", () => {
      expect(wordingTokens('los derechos de las Partes y la protección de las obras', translated)).toEqual(
        wordingTokens('the rights of the Parties and the protection of the works', translated),
      );
    });

    it("bring a Spanish rendering of an English clause within a family's reach, where words as written do not", () => {
      const across = (options: WordingOptions) =>
        sortedJaccard(wordingFeatures(ENGLISH, options), wordingFeatures(SPANISH, options));
      expect(across(AS_WRITTEN)).toBeLessThan(0.05);
      expect(across(translated)).toBeGreaterThan(0.1);
    });

    it('leave English text as written', () => {
      expect(wordingFeatures(ENGLISH, translated)).toEqual(wordingFeatures(ENGLISH, AS_WRITTEN));
      expect(wordingFeatures(BASE, translated)).toEqual(wordingFeatures(BASE, AS_WRITTEN));
    });
  });
});
