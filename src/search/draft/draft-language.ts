import { BadUserInputError } from '../../common/errors';
import { valueKind } from '../../common/value-kind';

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
    'the of and to shall any or with this which by be not for that in on is are may its from each such agreement'.split(
      ' ',
    ),
  ),
  es: new Set(
    'los las del y el una por con para al lo su sus es o será ninguna ninguno cualquier presente acuerdo'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'les des du et aux au une dans sur pas ne est sont le présent présente cette ces leur leurs l d qu n accord'.split(
      ' ',
    ),
  ),
};

/** A language is evident when it has at least this many marker words... */
const EVIDENT_MIN_MARKERS = 3;
/** ...and this many times as many as any other (a bilingual draft has no evident language). */
const EVIDENT_RATIO = 3;

/** The marker words of each language in a text. */
export function languageMarkers(text: string): Record<DraftLanguage, number> {
  const counts: Record<DraftLanguage, number> = { en: 0, es: 0, fr: 0 };
  for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
    for (const language of DRAFT_LANGUAGES) if (MARKERS[language].has(word)) counts[language] += 1;
  }
  return counts;
}

/** The language a text is evidently written in, or null when its words do not tell (too few, or mixed). */
export function evidentLanguage(text: string): DraftLanguage | null {
  const counts = languageMarkers(text);
  const [first, second] = [...DRAFT_LANGUAGES].sort((a, b) => counts[b] - counts[a]);
  return counts[first] >= EVIDENT_MIN_MARKERS && counts[first] >= EVIDENT_RATIO * counts[second]
    ? first
    : null;
}

/**
 * The language a draft is checked in. The rules find nothing in a language they were not asked to read, and a
 * draft checked in the wrong one would be told it lacks clauses it has; so a language the draft's words
 * contradict is refused, naming the one they show. Left out (null, undefined or ""), it is the language the
 * words show, and English when they do not tell.
 */
export function draftLanguage(text: string, asked: unknown): DraftLanguage {
  return chosenLanguage(evidentLanguage(text), asked);
}

/** `draftLanguage` once the language the draft's words show is known (`evidentLanguage`, the costly part). */
export function chosenLanguage(evident: DraftLanguage | null, asked: unknown): DraftLanguage {
  if (asked === undefined || asked === null || asked === '') return evident ?? 'en';
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
