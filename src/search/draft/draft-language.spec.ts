import { BadUserInputError } from '../../common/errors';
import { draftLanguage, evidentLanguage } from './draft-language';

// Sentences written for this test, in the register of a trade agreement.
const EN =
  'Article 2 Cultural industries\nThis Agreement does not apply to the measures adopted by a Party with respect to cultural industries.';
const FR =
  "Article 2 Industries culturelles\nLe présent accord ne s'applique pas aux mesures adoptées par une partie à l'égard des industries culturelles.";
const ES =
  'Artículo 4 Derechos aduaneros\nNinguna Parte impondrá derechos aduaneros a las transmisiones electrónicas entre las Partes del presente acuerdo.';

describe('the language of a draft', () => {
  it('is the one its words show, for a short article in each language', () => {
    expect([EN, FR, ES].map(evidentLanguage)).toEqual(['en', 'fr', 'es']);
  });

  it('is not evident from a bilingual draft or from too few words', () => {
    expect(evidentLanguage(`${EN}\n\n${FR}`)).toBeNull();
    expect(evidentLanguage('Article 1 Definitions')).toBeNull();
    expect(evidentLanguage('')).toBeNull();
  });

  it('is the evident one when none is asked, and English when the words do not tell', () => {
    for (const asked of [undefined, null, '']) {
      expect([FR, ES, EN, 'Article 1'].map((text) => draftLanguage(text, asked))).toEqual([
        'fr',
        'es',
        'en',
        'en',
      ]);
    }
  });

  it('is the one asked when the words agree or do not tell (a bilingual draft is read as asked)', () => {
    expect(draftLanguage(FR, 'fr')).toBe('fr');
    expect(draftLanguage(` ${ES}`, 'ES')).toBe('es');
    expect(draftLanguage(`${EN}\n\n${FR}`, 'en')).toBe('en');
    expect(draftLanguage(`${EN}\n\n${FR}`, 'fr')).toBe('fr');
  });

  it('refuses a language the words contradict, naming the one they show', () => {
    const refusal = (() => {
      try {
        draftLanguage(FR, 'en');
      } catch (error) {
        return error;
      }
    })() as BadUserInputError;
    expect(refusal).toBeInstanceOf(BadUserInputError);
    expect(refusal.message).toMatch(/reads as French, not English.*send language "fr", or leave it out/);
    expect(() => draftLanguage(ES, 'fr')).toThrow(/reads as Spanish, not French/);
  });

  it('refuses a language the rules do not read, and a value that is not a string', () => {
    expect(() => draftLanguage(EN, 'de')).toThrow(/must be one of en, es, fr.*\(got "de"\)/);
    expect(() => draftLanguage(EN, 3)).toThrow(/\(got a number\)/);
  });
});
