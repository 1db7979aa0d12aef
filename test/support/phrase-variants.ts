import fc from 'fast-check';

// Realistic variants of the phrases the annotation rules depend on, for property tests: the 2005 Convention's
// names in English, French and Spanish (full title with or without its articles, short and abbreviated forms,
// "the 2005 Convention"), written the ways treaty texts and their scans write them (line breaks and non-breaking
// spaces between words, words hyphenated across lines, accents dropped, common OCR confusions), set in a
// sentence; and names of unrelated conventions (ILO, Vienna, tax, biological diversity, other UNESCO
// instruments) written the same ways.

export type VariantLanguage = 'en' | 'es' | 'fr';

/** A phrase template: words separated by spaces; a word in braces, {the}, is optional. */
type Template = string;

const EXPLICIT_FORMS: Record<VariantLanguage, Template[]> = {
  en: [
    '{UNESCO} Convention on {the} Protection and {the} Promotion of {the} Diversity of {the} Cultural Expressions',
    'Convention on the Protection and Promotion of the Diversity of Cultural Expressions {(2005)}',
    'Convention on the Protection and Promotion of the Diversity of Cultural Expressions, adopted in Paris on 20 October 2005',
    '2005 UNESCO Convention',
    "UNESCO's 2005 Convention on {the} Diversity of Cultural Expressions",
    'UNESCO Convention on Cultural Diversity',
    'UNESCO Convention on {the} Diversity of Cultural Expressions',
    'Convention on {the} Diversity of Cultural Expressions',
    '2005 Convention on cultural diversity',
    '2005 Convention adopted by UNESCO',
  ],
  fr: [
    'Convention sur {la} protection et {la} promotion de {la} diversité des expressions culturelles',
    "Convention de l'UNESCO sur {la} protection et {la} promotion de {la} diversité des expressions culturelles",
    "Convention de l'UNESCO de 2005",
    "Convention de 2005 de l'UNESCO",
    "Convention de l'UNESCO sur la diversité culturelle",
    'Convention sur la diversité des expressions culturelles',
    "Convention de 2005 de l'UNESCO sur la diversité des expressions culturelles",
    'Convention de 2005 sur la diversité culturelle',
  ],
  es: [
    'Convención sobre {la} Protección y {la} Promoción de {la} Diversidad de {las} Expresiones Culturales',
    'Convención de la UNESCO sobre {la} Protección y {la} Promoción de {la} Diversidad de {las} Expresiones Culturales',
    'Convención de {la} UNESCO de 2005',
    'Convención de 2005 de la UNESCO',
    'Convención de la UNESCO sobre {la} Diversidad Cultural',
    'Convención sobre la Diversidad de las Expresiones Culturales',
    'Convención de 2005 sobre la diversidad cultural',
  ],
};

const UNRELATED_FORMS: Record<VariantLanguage, Template[]> = {
  en: [
    'ILO Convention No. 182 concerning the Worst Forms of Child Labour',
    'ILO Convention concerning Discrimination in Respect of Employment and Occupation',
    'Vienna Convention on the Law of Treaties',
    'Vienna Convention on Diplomatic Relations',
    'Convention for the Avoidance of Double Taxation and the Prevention of Fiscal Evasion with respect to Taxes on Income',
    'tax convention between the Parties',
    'Convention on Biological Diversity',
    'Berne Convention for the Protection of Literary and Artistic Works',
    'UNESCO Convention for the Safeguarding of the Intangible Cultural Heritage of 2003',
    'UNESCO Convention concerning the Protection of the World Cultural and Natural Heritage',
    '1970 UNESCO Convention on the Means of Prohibiting and Preventing the Illicit Import of Cultural Property',
    'Hague Convention of 30 June 2005 on Choice of Court Agreements',
    'Council of Europe Convention on the Prevention of Terrorism of 2005',
  ],
  fr: [
    "Convention n° 182 de l'OIT sur les pires formes de travail des enfants",
    'Convention de Vienne sur le droit des traités',
    'convention fiscale entre les Parties',
    'Convention sur la diversité biologique',
    "Convention de l'UNESCO pour la sauvegarde du patrimoine culturel immatériel",
    'Convention de Berne pour la protection des œuvres littéraires et artistiques',
  ],
  es: [
    'Convenio de la OIT sobre las peores formas de trabajo infantil',
    'Convención de Viena sobre el Derecho de los Tratados',
    'Convenio para evitar la doble imposición',
    'Convenio sobre la Diversidad Biológica',
    'Convención de la UNESCO para la Salvaguardia del Patrimonio Cultural Inmaterial',
    'Convenio de Berna para la Protección de las Obras Literarias y Artísticas',
  ],
};

/** Sentences the phrase is set in: [before, after]. None mentions cultural diversity by itself. */
const FRAMES: Record<VariantLanguage, Array<[string, string]>> = {
  en: [
    ['The Parties reaffirm their commitments under the ', '.'],
    ['Recalling the ', ', the Parties agree as follows:'],
    ['Each Party shall take into account its obligations under the ', ' when applying this Chapter.'],
    [
      '1. Nothing in this Agreement shall affect the rights of a Party under the ',
      '; 2. The Committee shall meet annually.',
    ],
  ],
  fr: [
    ['Les Parties réaffirment leurs engagements au titre de la ', '.'],
    ['Rappelant la ', ', les Parties sont convenues de ce qui suit :'],
    [
      'Chaque Partie tient compte de ses obligations en vertu de la ',
      ' dans l’application du présent chapitre.',
    ],
  ],
  es: [
    ['Las Partes reafirman sus compromisos en virtud de la ', '.'],
    ['Recordando la ', ', las Partes acuerdan lo siguiente:'],
    ['Cada Parte tomará en cuenta sus obligaciones conforme a la ', ' al aplicar este Capítulo.'],
  ],
};

// OCR confusions the rules must tolerate: one letter read as another, m as rn, accents lost.
const OCR: Record<string, string[]> = {
  l: ['1', 'I'],
  i: ['l', '1'],
  I: ['l', '1'],
  o: ['0'],
  O: ['0'],
  m: ['rn'],
  é: ['e'],
  ó: ['o'],
  á: ['a'],
  e: ['é'],
};

const SPACES = [' ', '\n', ' \n  ', '\u00a0', '\r\n'];

/** Expands a template: each optional {word} kept or dropped. */
function expand(template: Template): fc.Arbitrary<string[]> {
  const words = template.split(' ');
  return fc
    .tuple(...words.map((word) => (/^\{.*\}$/.test(word) ? fc.boolean() : fc.constant(true))))
    .map((keep) => words.filter((_, index) => keep[index]).map((word) => word.replace(/^\{(.*)\}$/, '$1')));
}

/** Joins words with ordinary spaces, line breaks or non-breaking spaces. */
function join(words: string[]): fc.Arbitrary<string> {
  if (words.length === 1) return fc.constant(words[0]);
  return fc
    .array(fc.constantFrom(...SPACES), { minLength: words.length - 1, maxLength: words.length - 1 })
    .map((spaces) =>
      words.reduce((text, word, index) => (index === 0 ? word : text + spaces[index - 1] + word)),
    );
}

/** Breaks one long word across a line, with a hard hyphen and a line break or a soft hyphen. */
function hyphenate(words: string[]): fc.Arbitrary<string[]> {
  const long = words.map((word, index) => ({ word, index })).filter(({ word }) => /[a-z]{6,}/i.test(word));
  if (long.length === 0) return fc.constant(words);
  return fc
    .tuple(
      fc.constantFrom(...long),
      fc.nat(),
      fc.constantFrom('-\n', '-\r\n  ', '\u00ad', '- '),
      fc.boolean(),
    )
    .map(([{ word, index }, at, hyphen, apply]) => {
      if (!apply) return words;
      // A break between two ASCII letters, never at a word's first or last letter.
      const positions = [...word.matchAll(/(?<=[a-z])(?=[a-z])/gi)]
        .map((match) => match.index)
        .filter((position) => position >= 2 && position <= word.length - 2);
      if (positions.length === 0) return words;
      const position = positions[at % positions.length];
      const copy = [...words];
      copy[index] = word.slice(0, position) + hyphen + word.slice(position);
      return copy;
    });
}

/** Up to two OCR confusions, each replacing one letter. */
function ocr(text: string): fc.Arbitrary<string> {
  const positions = [...text].map((char, index) => ({ char, index })).filter(({ char }) => OCR[char]);
  if (positions.length === 0) return fc.constant(text);
  return fc.array(fc.tuple(fc.constantFrom(...positions), fc.nat()), { maxLength: 2 }).map((changes) => {
    const chars = [...text];
    for (const [{ char, index }, pick] of changes) chars[index] = OCR[char][pick % OCR[char].length];
    return chars.join('');
  });
}

/** Straight or typographic apostrophes. */
function apostrophes(text: string): fc.Arbitrary<string> {
  return fc.constantFrom("'", '’').map((apostrophe) => text.replace(/'/g, apostrophe));
}

export interface PhraseVariant {
  readonly language: VariantLanguage;
  /** The template the variant came from (to read a failure). */
  readonly form: Template;
  /** The phrase as written. */
  readonly phrase: string;
  /** The phrase set in a sentence of a provision. */
  readonly text: string;
}

function variants(forms: Record<VariantLanguage, Template[]>, withOcr: boolean): fc.Arbitrary<PhraseVariant> {
  return fc.constantFrom<VariantLanguage>('en', 'fr', 'es').chain((language) =>
    fc.constantFrom(...forms[language]).chain((form) =>
      expand(form)
        .chain(hyphenate)
        .chain(join)
        .chain((phrase) => (withOcr ? ocr(phrase) : fc.constant(phrase)))
        .chain(apostrophes)
        .chain((phrase) =>
          fc.constantFrom(...FRAMES[language]).map(([before, after]) => ({
            language,
            form,
            phrase,
            text: before + phrase + after,
          })),
        ),
    ),
  );
}

/** Variants of an explicit reference to the 2005 Convention, in a sentence. */
export const explicitReferenceVariant = (): fc.Arbitrary<PhraseVariant> => variants(EXPLICIT_FORMS, true);

/** Names of other conventions, written the same ways, in the same sentences. */
export const unrelatedConventionVariant = (): fc.Arbitrary<PhraseVariant> => variants(UNRELATED_FORMS, false);

/** Every template, for tests that want each form at least once. */
export const EXPLICIT_TEMPLATES = EXPLICIT_FORMS;
export const UNRELATED_TEMPLATES = UNRELATED_FORMS;
