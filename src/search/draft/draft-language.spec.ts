import { BadUserInputError } from '../../common/errors';
import { draftLanguage, evidentLanguage, readLanguage } from './draft-language';

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

  // Clauses of a few words, each written for this test in the register of a trade agreement (none is a treaty's).
  const SHORT: Record<'en' | 'es' | 'fr', string[]> = {
    es: [
      'Las Partes reafirman la diversidad de las expresiones culturales.',
      'Cada Parte promoverá la cooperación cultural.',
      'Ninguna Parte impondrá derechos aduaneros.',
      'Artículo 3 Las Partes cooperarán en materia audiovisual.',
      'Este Capítulo no se aplica a las industrias culturales.',
      'Las Partes podrán adoptar medidas para proteger su patrimonio.',
      'Los servicios audiovisuales quedan excluidos.',
      'Artículo 7 Comercio electrónico sin papel',
    ],
    fr: [
      'Les Parties réaffirment la diversité des expressions culturelles.',
      'Article 1 Chaque Partie veille à la diversité des expressions culturelles.',
      'Le présent accord ne s’applique pas aux industries culturelles.',
      'Chaque Partie peut maintenir ses mesures culturelles.',
      'Les services audiovisuels sont exclus du présent chapitre.',
      'Aucune Partie n’impose de droits de douane.',
      'Les Parties coopèrent dans le domaine culturel.',
    ],
    en: [
      'The Parties reaffirm the diversity of cultural expressions.',
      'Each Party shall promote cultural cooperation.',
      'This Chapter does not apply to cultural industries.',
      'No Party shall impose customs duties on electronic transmissions.',
      'Audiovisual services are excluded from the scope of this Chapter.',
    ],
  };

  it('is the one a clause of a few words shows, in each language, with either apostrophe', () => {
    // Before: a clause needed three marker words, and "Las Partes reafirman la diversidad de las expresiones
    // culturales" (two) was read as English and told it mentioned neither the Convention nor that diversity.
    for (const [language, clauses] of Object.entries(SHORT))
      expect(clauses.map((text) => [text, draftLanguage(text, undefined)])).toEqual(
        clauses.map((text) => [text, language]),
      );
  });

  it('is asked for, never taken to be English, when the words show French or Spanish but do not tell which', () => {
    for (const text of [
      'Artículo 1 Definiciones',
      'Article 1 Définitions',
      'Trato nacional de los servicios',
      `${SHORT.en[0]}\n\n${SHORT.fr[0]}`,
    ]) {
      expect(readLanguage(text).evident).toBeNull();
      const refusal = (() => {
        try {
          return draftLanguage(text, undefined);
        } catch (error) {
          return error;
        }
      })() as BadUserInputError;
      expect(refusal).toBeInstanceOf(BadUserInputError);
      expect(refusal.message).toMatch(/language is not evident from its words.*name it, one of en, es, fr/);
      expect(refusal.details).toMatchObject({
        argument: 'input.language',
        languageNeeded: expect.any(Array),
      });
    }
    // Named, the language is taken; and words that show nothing but English are English.
    expect(draftLanguage('Artículo 1 Definiciones', 'es')).toBe('es');
    expect(draftLanguage('Article 1 Definitions', undefined)).toBe('en');
    // "(d)" and the English possessive are no French elisions.
    expect(readLanguage("(d) the Party's measures; (s) the Committee’s functions").shown).toEqual(['en']);
  });
});
