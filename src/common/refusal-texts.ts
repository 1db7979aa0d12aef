import { BadUserInputError, boundedMessage, DomainError, NotFoundError } from './errors';
import { dateFormat, formatMessage, Language } from './i18n';

/**
 * The refusals a report can meet (a bad date, year, format or language, an unknown party or agreement, a parameter
 * it takes once), in English, French and Spanish: one table, on the mechanism of `common/i18n.ts`. The English text
 * is the error's message, the API's stable one; a door that knows the report's language says it in that language
 * (`refusedIn`: GraphQL's `language`, a report file's `lang`; `refusalIn`: a page, in the page's words). Until
 * 8 December 2026 only the day to come was translated (on the pages): every other refusal of a French or Spanish
 * report was quoted in English, inside a French or Spanish frame.
 *
 * `{name}` parameters as in `formatMessage`; a date parameter (`{ date }`) is written the language's way (English
 * keeps ISO dates in the API's messages, as the report texts do; a page writes them as its dates).
 */
const EN = {
  argument: '{argument}: {message}',
  notDate: '"{value}" is not a date YYYY-MM-DD',
  dayToCome:
    '"{value}" is a day still to come (the latest day accepted is {latest}, today where the day is latest, UTC+14): a report says what applied on a day that has come, as recorded; leave {argument} out for today',
  notYear: '{value} is not a year between 1900 and 2100',
  notYearSuchAs: '"{value}" is not a year such as 1990',
  unknownAgreements: 'unknown agreement(s): {slugs}',
  notLanguage: '"{value}" is not a language of the reports; use {languages}',
  notFormat: '"{value}" is not a report format; use {formats}',
  partyRequired: 'is required (a party code such as CAN or EUN)',
  agreementsRequired: 'is required: agreement slugs, comma-separated',
  oneGrouping: 'takes one grouping (got {values})',
  before: 'is before {other} ({value})',
  noAgreement: 'give at least one agreement slug',
  tooManyAgreements: 'at most {max} agreements (got {count})',
  notPartyCode: '"{value}" is not a party code such as CAN or EUN',
  partyNotFound: 'Party "{key}" not found',
  unknownPartyCodes: 'unknown party code(s) {codes}',
  unknownParameters: 'unknown parameter(s) {names}; {what} takes {taken}',
  oneValue: 'was sent {times} times with different values ({values}); send it once',
  unknownValues: 'unknown value(s) {values}; expected {expected}',
  notBoolean: '"{value}" is not true or false',
};

export type RefusalKey = keyof typeof EN;

const FR: Record<RefusalKey, string> = {
  argument: '{argument} : {message}',
  notDate: '« {value} » n’est pas une date AAAA-MM-JJ',
  dayToCome:
    'le {value} est un jour à venir (le dernier jour accepté est le {latest}, aujourd’hui là où le jour est le plus avancé, UTC+14) : un rapport dit ce qui s’appliquait un jour déjà venu, d’après ce qui est enregistré ; laissez {argument} vide pour aujourd’hui',
  notYear: '{value} n’est pas une année entre 1900 et 2100',
  notYearSuchAs: '« {value} » n’est pas une année comme 1990',
  unknownAgreements: 'accord(s) inconnu(s) : {slugs}',
  notLanguage: '« {value} » n’est pas une langue des rapports ; utilisez {languages}',
  notFormat: '« {value} » n’est pas un format de rapport ; utilisez {formats}',
  partyRequired: 'est requis (un code de partie comme CAN ou EUN)',
  agreementsRequired: 'est requis : des identifiants d’accords, séparés par des virgules',
  oneGrouping: 'prend un seul regroupement (reçu : {values})',
  before: 'est antérieur à {other} ({value})',
  noAgreement: 'donnez au moins un identifiant d’accord',
  tooManyAgreements: '{max} accords au plus (reçu : {count})',
  notPartyCode: '« {value} » n’est pas un code de partie comme CAN ou EUN',
  partyNotFound: 'Aucune partie « {key} » dans le catalogue',
  unknownPartyCodes: 'code(s) de partie inconnu(s) {codes}',
  unknownParameters: 'paramètre(s) inconnu(s) {names} ; {what} prend {taken}',
  oneValue: 'a été envoyé {times} fois avec des valeurs différentes ({values}) ; envoyez-le une seule fois',
  unknownValues: 'valeur(s) inconnue(s) {values} ; attendu : {expected}',
  notBoolean: '« {value} » n’est ni true ni false',
};

const ES: Record<RefusalKey, string> = {
  argument: '{argument}: {message}',
  notDate: '«{value}» no es una fecha AAAA-MM-DD',
  dayToCome:
    'el {value} es un día por venir (el último día aceptado es el {latest}, hoy donde el día está más avanzado, UTC+14): un informe dice lo que se aplicaba un día ya llegado, según lo registrado; deje {argument} vacío para hoy',
  notYear: '{value} no es un año entre 1900 y 2100',
  notYearSuchAs: '«{value}» no es un año como 1990',
  unknownAgreements: 'acuerdo(s) desconocido(s): {slugs}',
  notLanguage: '«{value}» no es un idioma de los informes; use {languages}',
  notFormat: '«{value}» no es un formato de informe; use {formats}',
  partyRequired: 'es obligatorio (un código de parte como CAN o EUN)',
  agreementsRequired: 'es obligatorio: identificadores de acuerdos, separados por comas',
  oneGrouping: 'admite una sola agrupación (recibido: {values})',
  before: 'es anterior a {other} ({value})',
  noAgreement: 'indique al menos un identificador de acuerdo',
  tooManyAgreements: 'como máximo {max} acuerdos (recibidos: {count})',
  notPartyCode: '«{value}» no es un código de parte como CAN o EUN',
  partyNotFound: 'Ninguna parte «{key}» en el catálogo',
  unknownPartyCodes: 'código(s) de parte desconocido(s) {codes}',
  unknownParameters: 'parámetro(s) desconocido(s) {names}; {what} admite {taken}',
  oneValue: 'se envió {times} veces con valores distintos ({values}); envíelo una sola vez',
  unknownValues: 'valor(es) desconocido(s) {values}; se espera {expected}',
  notBoolean: '«{value}» no es true ni false',
};

export const REFUSAL_TEXTS: Record<Language, Record<RefusalKey, string>> = { en: EN, fr: FR, es: ES };

/**
 * A parameter of a refusal: a value as quoted (already `shown`; a number given as its digits, which `formatMessage`
 * would group: "1,800"), or a date written the language's way.
 */
export type RefusalParam = string | { date: string };

/** A refusal before it is put in a language: its key, its parameters, the argument it names (if any). */
export interface RefusalWords {
  key: RefusalKey;
  params: Record<string, RefusalParam>;
  argument?: string;
}

/** The words of each refusal made here, beside the error (its `details` are GraphQL's extensions: not there). */
const WORDS = new WeakMap<DomainError, RefusalWords>();

/**
 * A refusal in a language. `reader`: a page's dates, as its other dates ("1 Jan 2060"); else the API's (English ISO,
 * French and Spanish as the reports write them).
 */
export function sayRefusal(lang: Language, words: RefusalWords, reader = false): string {
  const params: Record<string, string | number> = {};
  for (const [name, p] of Object.entries(words.params))
    params[name] =
      typeof p === 'object'
        ? lang === 'en' && !reader
          ? p.date
          : dateFormat(lang).format(new Date(`${p.date}T00:00:00Z`))
        : p;
  const message = formatMessage(lang, REFUSAL_TEXTS[lang][words.key], params);
  return words.argument === undefined
    ? message
    : formatMessage(lang, REFUSAL_TEXTS[lang].argument, { argument: words.argument, message });
}

/** BAD_USER_INPUT naming `argument`, its message the table's English (`extra` as BadUserInputError's). */
export function inputRefusal(
  argument: string,
  key: RefusalKey,
  params: Record<string, RefusalParam> = {},
  extra: Record<string, unknown> = {},
): BadUserInputError {
  const words = { key, params: { argument, ...params } };
  const error = new BadUserInputError(argument, sayRefusal('en', words), extra);
  WORDS.set(error, { ...words, argument: error.details.argument as string });
  return error;
}

/** NOT_FOUND of `what` "key", its message the table's English. */
export function notFoundRefusal(what: string, key: string, textKey: RefusalKey): NotFoundError {
  const error = new NotFoundError(what, key);
  WORDS.set(error, { key: textKey, params: { key: error.details.key as string } });
  return error;
}

/** The refusal in `lang` when the table holds its words (`reader`: as a page says it); else undefined. */
export function refusalIn(lang: Language, error: unknown, reader = false): string | undefined {
  const words = error instanceof DomainError ? WORDS.get(error) : undefined;
  return words && boundedMessage(sayRefusal(lang, words, reader));
}

/**
 * The same refusal, its message in `lang` (GraphQL's `language`, a report file's `lang`): its code and details kept,
 * and `language` added beside them, the language the message is in (a page quotes it as its own words only then).
 * Any other error as it is.
 */
export function refusedIn(lang: Language, error: unknown): unknown {
  const words = error instanceof DomainError ? WORDS.get(error) : undefined;
  if (!words || lang === 'en') return error;
  const said = new DomainError((error as DomainError).code, sayRefusal(lang, words), {
    ...(error as DomainError).details,
    language: lang,
  });
  WORDS.set(said, words);
  return said;
}

/** Runs `work`, its refusals said in `lang` (`refusedIn`). */
export async function inLanguage<T>(lang: Language, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw refusedIn(lang, error);
  }
}
