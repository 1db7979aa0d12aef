/**
 * The languages of the service (the explorer's interface and the reports) and how a message is formatted in one:
 * parameters, plural forms, numbers and dates. The texts themselves are in two catalogues on this mechanism:
 * the interface's in `web/i18n.ts`, the reports' in `reports/common/report-texts.ts`.
 */
export const LANGUAGES = ['en', 'fr', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français', es: 'Español' };
export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/**
 * The language ranges of an Accept-Language header read, the first ones: a browser sends a few. A header of 16 kB
 * (all Node takes) held 16,000, each split, matched and sorted, twice per page.
 */
export const MAX_LANGUAGE_RANGES = 32;

/** The interface language: ?lang=, else the `lang` cookie, else the first supported Accept-Language. */
export function pickLanguage(query: unknown, cookie: unknown, acceptLanguage: string | undefined): Language {
  if (isLanguage(query)) return query;
  if (isLanguage(cookie)) return cookie;
  const ranked = (acceptLanguage ?? '')
    .split(',', MAX_LANGUAGE_RANGES)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.lang).find(isLanguage) ?? 'en';
}

/** The locale the interface formats numbers and dates in. */
const localeOf = (lang: Language): string => (lang === 'en' ? 'en-GB' : lang);

/** Formatters are costly to create (tens of microseconds each): one per language, made once. */
export const cache = <T>(make: (lang: Language) => T): ((lang: Language) => T) => {
  const made = new Map<Language, T>();
  return (lang) => {
    let value = made.get(lang);
    if (value === undefined) made.set(lang, (value = make(lang)));
    return value;
  };
};

/** Whole numbers as the interface language writes them (1,234 · 1 234). */
export const numberFormat = cache((lang) => new Intl.NumberFormat(localeOf(lang)));

/** Units of a size, of 1024 each, as body-parser counts BODY_LIMIT's (`1mb` is 1,048,576 bytes). */
const SIZE_UNITS = [
  ['gigabyte', 2 ** 30],
  ['megabyte', 2 ** 20],
  ['kilobyte', 2 ** 10],
] as const;

/** A size in bytes as the interface language writes it, in the largest unit it fills (1 MB · 1 Mo · 512 kB). */
export const sizeFormat = cache((lang): { format(bytes: number): string } => {
  const locale = localeOf(lang);
  const formats = SIZE_UNITS.map(
    ([unit, size]) =>
      [new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }), size] as const,
  );
  const bytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
  return {
    format: (n) => {
      const fitting = formats.find(([, size]) => n >= size);
      return fitting ? fitting[0].format(n / fitting[1]) : bytes.format(n);
    },
  };
});

/** French writes the first day of a month as an ordinal: "1er août 2009" (Intl gives "1 août 2009"). */
export const frenchFirstDay = (lang: Language, date: string): string =>
  lang === 'fr' ? date.replace(/^1(?= )/, '1er') : date;

/** Dates as the interface language writes them (3 Dec 2026 · 3 déc. 2026 · 1er août 2009), in UTC. */
export const dateFormat = cache((lang): { format(date: Date): string } => {
  const format = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeZone: 'UTC' });
  return { format: (date) => frenchFirstDay(lang, format.format(date)) };
});

/** A month as the interface language writes it (mars 2017 · marzo de 2017), in UTC. */
export const monthFormat = cache(
  (lang) => new Intl.DateTimeFormat(localeOf(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }),
);

/** Which plural form a number takes in the interface language (CLDR: French 0 and 1 are singular). */
export const pluralRules = cache((lang) => new Intl.PluralRules(localeOf(lang)));

/**
 * A message with its parameters: `{name}` is the value (a number written the language's way), and
 * `{name, plural, one {# agreement} other {# agreements}}` the form the number takes (`#` is the number; `=0`
 * picks an exact value first). Forms may hold other parameters.
 */
export function formatMessage(
  lang: Language,
  template: string,
  params: Record<string, string | number> | undefined,
): string {
  const numbers = numberFormat(lang);
  const value = (name: string): string | undefined => {
    const v = params?.[name];
    return v === undefined ? undefined : typeof v === 'number' ? numbers.format(v) : v;
  };
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    out += template.slice(i, open);
    const close = matchingBrace(template, open);
    const inner = template.slice(open + 1, close);
    const plural = /^(\w+),\s*plural,\s*/.exec(inner);
    if (!plural) {
      out += /^\w+$/.test(inner)
        ? (value(inner) ?? template.slice(open, close + 1))
        : template.slice(open, close + 1);
    } else {
      const n = Number(params?.[plural[1]]);
      const forms = pluralForms(inner.slice(plural[0].length));
      const form = Number.isNaN(n)
        ? undefined
        : (forms.get(`=${n}`) ?? forms.get(pluralRules(lang).select(n)) ?? forms.get('other'));
      out +=
        form === undefined
          ? template.slice(open, close + 1)
          : formatMessage(lang, form.replace(/#/g, `{${plural[1]}}`), params);
    }
    i = close + 1;
  }
  return out + template.slice(i);
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === '{') depth++;
    else if (text[j] === '}' && --depth === 0) return j;
  }
  throw new Error(`unbalanced braces in message "${text}"`);
}

/** `one {…} other {…}` as a map from selector to form. */
function pluralForms(text: string): Map<string, string> {
  const forms = new Map<string, string>();
  let i = 0;
  while (i < text.length) {
    const selector = /^\s*(=?\w+)\s*\{/.exec(text.slice(i));
    if (!selector) break;
    const open = i + selector[0].length - 1;
    const close = matchingBrace(text, open);
    forms.set(selector[1], text.slice(open + 1, close));
    i = close + 1;
  }
  return forms;
}
