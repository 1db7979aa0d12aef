import type { Language } from '../common/i18n';

/**
 * A heading that only names the preamble, in English, Spanish or French: ToTA's pseudo-chapter "Preamble", a text's
 * heading line ("Preámbulo", "PRÉAMBULE:"), the fixtures' title "Preamble".
 */
export const PREAMBLE_HEADING = /^\s*(?:preamble|pre[aá]mbulo|pr[eé]ambule)\s*:?\s*$/i;

/** The preamble's name in each language. */
const PREAMBLE_NAMES: Readonly<Record<Language, string>> = {
  en: 'Preamble',
  fr: 'Préambule',
  es: 'Preámbulo',
};

export const preambleName = (lang: Language): string => PREAMBLE_NAMES[lang];

/**
 * A title or heading as a reader of `lang` sees it: one that only names the preamble is the preamble's name in that
 * language, whatever door wrote it (the fixtures' title "Preamble", ToTA's chapter, a text's "Préambule"); any other
 * stays as written. Until 7 December 2026 the fixtures' preambles (CETA, CPTPP, Canada–Korea) read "Preamble" on
 * French and Spanish pages and reports, where imported ones read "Préambule".
 */
export function headingIn<T extends string | null | undefined>(lang: Language, heading: T): T | string {
  return heading && PREAMBLE_HEADING.test(heading) ? preambleName(lang) : heading;
}
