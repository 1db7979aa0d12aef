export type AnnotatorLanguage = 'en' | 'es' | 'fr';

export const ANNOTATOR_LANGUAGES: readonly AnnotatorLanguage[] = ['en', 'es', 'fr'];

/** The rule language for an ISO 639-1 code (or a tag such as "es-CL"); null if no rules exist for it. */
export function toAnnotatorLanguage(code: string | null | undefined): AnnotatorLanguage | null {
  const primary = (code ?? '').trim().toLowerCase().slice(0, 2);
  return (ANNOTATOR_LANGUAGES as readonly string[]).includes(primary) ? (primary as AnnotatorLanguage) : null;
}
