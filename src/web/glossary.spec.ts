import { Language } from '../common/i18n';
import { REPORT_TEXTS } from '../reports/common/report-texts';
import { MESSAGES } from './i18n';

/**
 * The keys that name a field (a column, a filter, a fact, a field of the history): the pages' and the reports'
 * words for one field must be one term, as a reader compares a page with its report ("Force obligatoire" on the
 * pages and the coherence report, "Force contraignante" in the comparison named one field two ways).
 */
const FIELD_KEYS: { table: Record<Language, Record<string, string>>; keys: RegExp }[] = [
  { table: MESSAGES, keys: /^(?:common|search|fact|history\.field)\./ },
  { table: REPORT_TEXTS, keys: /(?:^|\.)col\.|^cmp\.row\./ },
];

describe('the French and Spanish glossaries', () => {
  it.each(['fr', 'es'] as const)(
    '%s: one term for each English field name, pages and reports alike',
    (lang) => {
      const terms = new Map<string, Set<string>>();
      for (const { table, keys } of FIELD_KEYS)
        for (const [key, english] of Object.entries(table.en)) {
          if (!keys.test(key) || english.includes('{')) continue;
          const field = english.toLowerCase();
          terms.set(field, (terms.get(field) ?? new Set()).add(table[lang][key].toLowerCase()));
        }
      const twoWays = [...terms]
        .filter(([, words]) => words.size > 1)
        .map(([field, words]) => [field, [...words]]);
      expect(twoWays).toEqual([]);
    },
  );
});
