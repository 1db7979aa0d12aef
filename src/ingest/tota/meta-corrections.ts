/**
 * ToTA meta the team checked against the treaty's own text and found wrong. Each correction names the file, the
 * value ToTA gives (it applies only while ToTA still gives that value), the value the text states, and where the
 * text states it. Add one only when the treaty's text itself says so; the record keeps ToTA's value in its note.
 */
export interface TotaMetaCorrection {
  fileName: string;
  field: 'dateSigned';
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
];

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
        note: `Corrected: ToTA (${fileName}) gives ${found.totaValue}; ${found.source} gives ${found.value}`,
      }
    : null;
}
