import type { Language } from '../common/i18n';

/**
 * The sentences `npm run fixtures:parties` writes as a party's Convention status source, and their French and
 * Spanish for a reader: the sentence around the sources is the catalogue's own and is translated; the sources
 * themselves (the corpus list's file name, the addresses checked) never are. A source written by hand (the
 * "Hand-checked source" notes, or one with a caveat of its own) stays in English, marked so by the page.
 */

/** A party in neither corpus list. */
export const UNKNOWN_SOURCE =
  'not in convention/parties.csv, which is incomplete (about 50 Parties missing), nor in ' +
  'convention/not_parties.csv; no checked source found';

/** The caveat of a row of parties.csv without an instrument type. */
export const TYPE_NOT_STATED = 'Instrument type not stated by the sources';

const LISTED_PREFIX = 'corpus convention/parties.csv, confidence ';

/** A row of the corpus list of Parties: its confidence (lower case) and the addresses it was checked against. */
export function listedSource(confidence: string, checkedAgainst: string): string {
  return `${LISTED_PREFIX}${confidence}, checked against ${checkedAgainst}`;
}

const CONFIDENCE: Record<'fr' | 'es', Record<string, string>> = {
  fr: { high: 'élevée', medium: 'moyenne', low: 'faible' },
  es: { high: 'alta', medium: 'media', low: 'baja' },
};

const SAY = {
  fr: {
    unknown:
      'absent de convention/parties.csv, liste incomplète (il y manque une cinquantaine de Parties), et de convention/not_parties.csv\u00a0; aucune source vérifiée trouvée',
    listed: (confidence: string, urls: string) =>
      `liste du corpus convention/parties.csv, fiabilité ${confidence}, vérifiée sur ${urls}`,
    typeNotStated: 'Type d’instrument non précisé par les sources',
  },
  es: {
    unknown:
      'no figura en convention/parties.csv, lista incompleta (faltan unas 50 Partes), ni en convention/not_parties.csv; no se encontró ninguna fuente verificada',
    listed: (confidence: string, urls: string) =>
      `lista del corpus convention/parties.csv, confianza ${confidence}, verificada en ${urls}`,
    typeNotStated: 'Tipo de instrumento no indicado por las fuentes',
  },
};

const URL_LIST = /^https?:\/\/\S+(?:, https?:\/\/\S+)*$/;

/**
 * The source in the reader's language when it is one of the generated sentences (`translated: true`), else as
 * written (English, `translated: false`). Addresses are kept as they are, for the page to link.
 */
export function conventionSourceIn(lang: Language, source: string): { text: string; translated: boolean } {
  if (lang !== 'fr' && lang !== 'es') return { text: source, translated: lang === 'en' };
  const say = SAY[lang];
  if (source === UNKNOWN_SOURCE) return { text: say.unknown, translated: true };
  const caveat = `. ${TYPE_NOT_STATED}`;
  const typeNotStated = source.endsWith(caveat);
  const sentence = typeNotStated ? source.slice(0, -caveat.length) : source;
  if (sentence.startsWith(LISTED_PREFIX)) {
    const match = /^(high|medium|low), checked against (.+)$/.exec(sentence.slice(LISTED_PREFIX.length));
    if (match && URL_LIST.test(match[2]))
      return {
        text: [
          say.listed(CONFIDENCE[lang][match[1]], match[2]),
          ...(typeNotStated ? [say.typeNotStated] : []),
        ].join('. '),
        translated: true,
      };
  }
  return { text: source, translated: false };
}
