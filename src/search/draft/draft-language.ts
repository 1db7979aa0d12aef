import { BadUserInputError } from '../../common/errors';
import { valueKind } from '../../common/value-kind';
import { foldApostrophes } from '../../annotations/rules/provision-text';

/** The languages the annotation rules are written for. */
export const DRAFT_LANGUAGES = ['en', 'es', 'fr'] as const;
export type DraftLanguage = (typeof DRAFT_LANGUAGES)[number];

const LANGUAGE_NAMES: Record<DraftLanguage, string> = { en: 'English', es: 'Spanish', fr: 'French' };

/**
 * Short words that belong to one of the three languages only (words the others share, such as "de", "la", "en",
 * "que", "a", "no", "parties", are left out), as a treaty writes them. French elisions ("l'", "d'", "qu'") count.
 */
const MARKERS: Record<DraftLanguage, ReadonlySet<string>> = {
  en: new Set(
    (
      'the of and to shall any or with this which by be not for that in on is are may its from each such agreement ' +
      'these their has have been other under including those where whether party'
    ).split(' '),
  ),
  es: new Set(
    (
      'los las del y el una por con para al lo su sus es o será ninguna ninguno cualquier presente acuerdo ' +
      'cada parte partes sobre cual cuales dicho dicha dichos dichas este esta estos estas otro otra otros otras ' +
      'sin según mediante ni donde pero u como'
    ).split(' '),
  ),
  fr: new Set(
    (
      'les des du et aux au une dans sur pas ne est sont le présent présente cette ces leur leurs l d qu n accord ' +
      'chaque partie à par pour avec qui ou être peut doit toute tout tous toutes ainsi selon autre autres ' +
      'notamment afin lorsque aucun aucune ses sa s c j m'
    ).split(' '),
  ),
};

/**
 * What a word's letters and ending show beyond the marker words, so that a clause of a few words tells its
 * language: letters one language writes and the others do not (French è ê à ç ù û ô î â ë ï œ; Spanish ñ á í ó ú),
 * and endings one of them has ("-dad", "-iones", "-mente"; "-té", "-elle"). English writes none of these: its
 * evidence is its words.
 */
const WORD_SIGNS: Record<Exclude<DraftLanguage, 'en'>, RegExp> = {
  es: /[ñáíóú]|(?:dad|dades|iones|mente|ados|idos|adas|idas|miento|mientos|eros|orio|oria|orios|orias|ivo|iva|ivos|ivas|\p{L}{3}ales)$/u,
  fr: /[èêàçùûôîâëïœ]|(?:té|tés|elle|elles)$/u,
};

/**
 * Words French and Spanish share and English does not write ("de", "la", "que"): no evidence for either, but a
 * text with them is not read as English by default.
 */
const ROMANCE = new Set('de la que se en el un'.split(' '));

/** French elisions ("l'", "d'", "qu'", "s'"), which count only before an apostrophe (typed any way: `foldApostrophes`). */
const ELISIONS = new Set('l d qu n s c j m'.split(' '));

/** Spanish opens a question or an exclamation with its own marks. */
const SPANISH_MARKS = /[¿¡]/gu;

/** A language is evident when its evidence (marker words and word signs) counts at least this much... */
const EVIDENT_MIN_MARKERS = 3;
/** ...and this many times as much as any other's (a bilingual draft has no evident language). */
const EVIDENT_RATIO = 3;

/** The evidence for each language in a text: its marker words and the words whose letters or ending show it. */
export function languageMarkers(text: string): Record<DraftLanguage, number> {
  const counts: Record<DraftLanguage, number> = { en: 0, es: 0, fr: 0 };
  for (const { 0: word, index } of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    // An elision is French before its apostrophe only: "(d)", "(s)" and the English "Party's" are not.
    if (ELISIONS.has(word) && foldApostrophes(text[index + word.length] ?? '') !== "'") continue;
    for (const language of DRAFT_LANGUAGES) if (MARKERS[language].has(word)) counts[language] += 1;
    if (word.length > 1)
      for (const language of ['es', 'fr'] as const)
        if (WORD_SIGNS[language].test(word)) counts[language] += 1;
  }
  counts.es += text.match(SPANISH_MARKS)?.length ?? 0;
  return counts;
}

/**
 * What a draft's words show of its language: the one they show clearly (`evident`, null when they do not tell),
 * and every language they show anything of (`shown`: a French or Spanish word, a word the two share, or an "é",
 * which English does not write). A draft whose language is not evident is read as English only when they show nothing else.
 */
export interface LanguageReading {
  evident: DraftLanguage | null;
  shown: DraftLanguage[];
}

export function readLanguage(text: string): LanguageReading {
  const counts = languageMarkers(text);
  const [first, second] = [...DRAFT_LANGUAGES].sort((a, b) => counts[b] - counts[a]);
  const evident =
    counts[first] >= EVIDENT_MIN_MARKERS && counts[first] >= EVIDENT_RATIO * counts[second] ? first : null;
  const romance =
    /é/iu.test(text) || [...text.toLowerCase().matchAll(/\p{L}+/gu)].some(([w]) => ROMANCE.has(w));
  const shown = DRAFT_LANGUAGES.filter((l) => counts[l] > 0 || (romance && l !== 'en'));
  return { evident, shown };
}

/** The language a text is evidently written in, or null when its words do not tell (too few, or mixed). */
export function evidentLanguage(text: string): DraftLanguage | null {
  return readLanguage(text).evident;
}

/**
 * The language a draft is checked in. The rules find nothing in a language they were not asked to read, and a
 * draft checked in the wrong one would be told it lacks clauses it has; so a language the draft's words
 * contradict is refused, naming the one they show. Left out (null, undefined or ""), it is the language the
 * words show; English when they show nothing of French or Spanish; and refused, asking for it, when they show
 * some but do not tell (a clause of a few words, a bilingual draft): "Las Partes reafirman la diversidad de las
 * expresiones culturales" was read as English and told it mentioned neither the Convention nor that diversity.
 */
export function draftLanguage(text: string, asked: unknown): DraftLanguage {
  return chosenLanguage(readLanguage(text), asked);
}

/** `draftLanguage` once what the draft's words show is known (`readLanguage`, the costly part). */
export function chosenLanguage(reading: LanguageReading, asked: unknown): DraftLanguage {
  const { evident, shown } = reading;
  if (asked === undefined || asked === null || asked === '') {
    if (evident) return evident;
    const others = shown.filter((l) => l !== 'en');
    if (!others.length) return 'en';
    const possible = shown.map((l) => LANGUAGE_NAMES[l]).join(' or ');
    throw new BadUserInputError(
      'input.language',
      `the draft's language is not evident from its words (${possible}?): name it, one of ${DRAFT_LANGUAGES.join(', ')}; the rules read one language, and a draft read in another would be told it lacks what it says`,
      { languageNeeded: shown },
    );
  }
  const named = typeof asked === 'string' ? asked.trim().toLowerCase() : null;
  if (!DRAFT_LANGUAGES.includes(named as DraftLanguage)) {
    throw new BadUserInputError(
      'input.language',
      `must be one of ${DRAFT_LANGUAGES.join(', ')}, or left out to check the draft in the language its words show (got ${typeof asked === 'string' ? `"${asked}"` : valueKind(asked)})`,
    );
  }
  const language = named as DraftLanguage;
  if (evident && evident !== language) {
    throw new BadUserInputError(
      'input.language',
      `the draft reads as ${LANGUAGE_NAMES[evident]}, not ${LANGUAGE_NAMES[language]}: the rules would find nothing in it and report clauses as missing; send language "${evident}", or leave it out`,
      { evidentLanguage: evident },
    );
  }
  return language;
}
