/**
 * The key of a provision's language among the languages in which its agreement numbers its articles per chapter
 * (`numberedPerChapter`, provision.conditions.ts): a provision of no recorded language is ''.
 */
export const languageKey = (language: string | null | undefined): string => language ?? '';
