/**
 * ToTA meta the team checked and found wrong. Each correction names the file, the value ToTA gives (it applies only
 * while ToTA still gives that value), the value that holds, and where it is stated. A date is corrected only from
 * the treaty's own text; a status (ToTA's is the WTO card's as copied in 2017) only from the parties' own
 * statements or the press of record, with the day they were read. The record keeps ToTA's value in its note.
 */
export interface TotaMetaCorrection {
  fileName: string;
  /** A status is ToTA's word ("In Force", "Inactive"); an "Inactive" with no date is bound on no date we can name. */
  field: 'dateSigned' | 'status';
  totaValue: string;
  value: string;
  source: string;
}

export const TOTA_META_CORRECTIONS: readonly TotaMetaCorrection[] = [
  {
    fileName: 'pta_47.xml',
    field: 'dateSigned',
    totaValue: '2003-02-01',
    value: '2003-02-15',
    source:
      'the text ToTA holds, final clause: done in Seoul on the fifteenth day of February 2003 (Korea - Chile FTA)',
  },
  {
    fileName: 'pta_408.xml',
    field: 'dateSigned',
    totaValue: '2012-12-07',
    value: '2012-09-07',
    source:
      'the text ToTA holds, final clause: done at Vladivostok on 7 September 2012 (Hong Kong, China - Chile FTA)',
  },
  {
    fileName: 'pta_337.xml',
    field: 'status',
    totaValue: 'In Force',
    value: 'Inactive',
    source:
      'Jordan suspended the Turkey - Jordan FTA in March 2018 and formally notified Turkey of its termination ' +
      '(The Jordan Times, 2018-05-27, https://jordantimes.com/news/local/ankara-officially-informed-about-jordan%E2%80%99s-intent-terminate-fta); ' +
      'cancelled by Jordan in 2018 (Hurriyet Daily News, 2019-10-02, ' +
      'http://www.hurriyetdailynews.com/turkey-jordan-sign-agreement-to-boost-bilateral-trade-147054); ' +
      'the day it ended is not stated; read 2026-12-05',
  },
];

/**
 * ToTA files whose body is another agreement's text. The record keeps the file's meta and holds no provisions
 * (METADATA_ONLY), since the clauses would be dated and attributed to the wrong agreement: as the earliest text of
 * their family, they would be named the template their true source copied. A correction applies only while the
 * file's first article is the one named (`firstArticleId`), as ToTA gave it when the team read it.
 */
export interface TotaTextOfAnother {
  fileName: string;
  firstArticleId: string;
  /** What the text is, and how that was established, in the team's words. */
  source: string;
}

export const TOTA_TEXTS_OF_ANOTHER: readonly TotaTextOfAnother[] = [
  {
    fileName: 'pta_206.xml',
    firstArticleId: '17642',
    source:
      'the text ToTA holds under the 1976 EC - Algeria agreement is the Euro-Mediterranean Association Agreement ' +
      'signed on 2002-04-22 (pta_16.xml): its last article names the 1976 agreements as the ones it replaces, and ' +
      'its articles match pta_16.xml; the 1976 text is not in ToTA (read 2026-12-05)',
  },
];

/** The note for a file whose body is another agreement's text, or null. */
export function textOfAnother(
  fileName: string,
  firstArticleId: string | null,
  corrections: readonly TotaTextOfAnother[] = TOTA_TEXTS_OF_ANOTHER,
): string | null {
  const found = corrections.find((c) => c.fileName === fileName && c.firstArticleId === firstArticleId);
  return found ? `Text left out: ${found.source}` : null;
}

/** The corrected value of a field of one file, with the note saying what ToTA gave and why it was changed. */
export function metaCorrection(
  fileName: string,
  field: TotaMetaCorrection['field'],
  totaValue: string | null,
  corrections: readonly TotaMetaCorrection[] = TOTA_META_CORRECTIONS,
): { value: string; note: string } | null {
  const found = corrections.find(
    (c) => c.fileName === fileName && c.field === field && c.totaValue === totaValue,
  );
  return found
    ? {
        value: found.value,
        note: `Corrected: ToTA (${fileName}) gives ${found.totaValue}${field === 'status' ? ' (the WTO RTA card as ToTA v0.5.0 copied it in 2017)' : ''}; ${found.source} gives ${found.value}`,
      }
    : null;
}
