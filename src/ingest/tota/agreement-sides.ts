/**
 * The sides of the agreements whose text applies them only between sides, not among the parties of one side
 * (`agreement_party.side`, read by `sameSide`): EFTA's free trade agreements list the EFTA States one by one, and
 * most say in one article that the agreement applies between each EFTA State and the partner(s), not to trade
 * relations between EFTA States. Each entry was read in the ToTA file (the article its `article` names, ToTA's
 * `number`); what was decided for every EFTA text, with or without such an article, is in docs/coherence-rules.md
 * ("Sides of an agreement"). A file not listed here records no sides: every party is every other's partner (the EFTA
 * Convention binds the EFTA States to each other), save in a bloc's agreement (`sameSide`'s bloc rule).
 */
export interface TotaSides {
  fileName: string;
  /** The article of the ToTA file that divides the parties, as ToTA numbers it ("ARTICLE 1.5"). */
  article: string;
  /** What the article says of the sides, in our words (the record's `factSources.sides` cites it). */
  says: string;
  /** Each side: its label and its parties; `others` holds every party of the file no other side lists. */
  sides: readonly { label: string; codes: readonly string[] | 'others' }[];
}

/** Every state that has been a member of EFTA: the EFTA side of its agreements, whichever of them a file lists. */
export const EFTA_STATES = ['AUT', 'CHE', 'DNK', 'FIN', 'GBR', 'ISL', 'LIE', 'NOR', 'PRT', 'SWE'] as const;

const EFTA_SIDE = 'EFTA States';

/** An EFTA agreement applied between each EFTA State and the other side, not among the EFTA States. */
function efta(fileName: string, article: string, other: string, individually = false): TotaSides {
  return {
    fileName,
    article,
    says:
      `applies the agreement between each EFTA State and ${other}` +
      (individually ? ` (each of them individually)` : '') +
      `, not to relations among the EFTA States` +
      (individually ? ` nor among the ${other}` : ''),
    sides: [
      { label: EFTA_SIDE, codes: EFTA_STATES },
      { label: other.replace(/^the /, ''), codes: 'others' },
    ],
  };
}

/**
 * Where the exclusion is not written out but follows from the article's two sides (pta_5, EFTA - Egypt Art. 2: the
 * agreement applies between Egypt on the one side and the individual EFTA States on the other), `says` says so.
 */
function eftaImplied(fileName: string, article: string, other: string): TotaSides {
  return {
    ...efta(fileName, article, other),
    says:
      `applies the agreement between the individual EFTA States on the one side and ${other} on the other ` +
      `(relations among the parties of one side are not among those it names)`,
  };
}

/**
 * An agreement of one party with several others, applied between it and each of them taken individually (Chile -
 * Central America, Art. 1.01(2), in Spanish): not among the others, which the article does not name as relating.
 */
function oneWithEach(
  fileName: string,
  article: string,
  one: { label: string; code: string },
  others: string,
): TotaSides {
  return {
    fileName,
    article,
    says:
      `applies the agreement between ${one.label} and each of ${others} taken individually ` +
      `(relations among ${others} are not among those it names)`,
    sides: [
      { label: one.label, codes: [one.code] },
      { label: others.replace(/^the /, ''), codes: 'others' },
    ],
  };
}

export const TOTA_SIDES: readonly TotaSides[] = [
  eftaImplied('pta_5.xml', 'ARTICLE 2', 'Egypt'),
  efta('pta_13.xml', 'ARTICLE 2', 'Lebanon'),
  efta('pta_19.xml', 'ARTICLE 1.3', 'Korea'),
  efta('pta_33.xml', 'ARTICLE 2', 'Tunisia'),
  efta('pta_39.xml', 'ARTICLE 5', 'Chile'),
  efta('pta_58.xml', 'ARTICLE 3', 'Singapore'),
  efta('pta_66.xml', 'ARTICLE 34', 'Jordan'),
  efta('pta_67.xml', 'ARTICLE 34', 'Croatia'),
  efta('pta_79.xml', 'ARTICLE 34', 'North Macedonia'),
  efta('pta_87.xml', 'ARTICLE 35', 'Morocco'),
  efta('pta_92.xml', 'ARTICLE 32', 'the Palestinian Authority'),
  efta('pta_114.xml', 'ARTICLE 2', 'Israel'),
  efta('pta_118.xml', 'ARTICLE 2', 'Turkey'),
  efta('pta_143.xml', 'ARTICLE 33', 'Canada'),
  efta('pta_153.xml', 'ARTICLE 1.5', 'Colombia'),
  efta('pta_154.xml', 'ARTICLE 1.5', 'Peru'),
  efta('pta_244.xml', 'ARTICLE 32', 'Bulgaria'),
  efta('pta_245.xml', 'ARTICLE 33', 'the Czech and Slovak Federal Republic'),
  efta('pta_246.xml', 'ARTICLE 32', 'Estonia'),
  efta('pta_247.xml', 'ARTICLE 33', 'Hungary'),
  efta('pta_248.xml', 'ARTICLE 32', 'Latvia'),
  efta('pta_249.xml', 'ARTICLE 33', 'Lithuania'),
  efta('pta_250.xml', 'ARTICLE 33', 'Poland'),
  efta('pta_251.xml', 'ARTICLE 33', 'Romania'),
  efta('pta_252.xml', 'ARTICLE 33', 'Slovenia'),
  efta('pta_331.xml', 'ARTICLE 1.3', 'the GCC Member States', true),
  efta('pta_365.xml', 'ARTICLE 2', 'Albania'),
  efta('pta_366.xml', 'ARTICLE 2', 'Serbia'),
  efta('pta_367.xml', 'ARTICLE 1.2', 'Ukraine'),
  efta('pta_371.xml', 'ARTICLE 2', 'the SACU States', true),
  efta('pta_394.xml', 'ARTICLE 1.3', 'Hong Kong, China'),
  efta('pta_405.xml', 'ARTICLE 2', 'Bosnia and Herzegovina'),
  efta('pta_415.xml', 'ARTICLE 2', 'Montenegro'),
  efta('pta_416.xml', 'ARTICLE 1.4', 'the Central American States', true),
  efta('pta_446.xml', 'ARTICLE 1.4', 'the Philippines'),
  oneWithEach(
    'pta_49.xml',
    'ARTÍCULO 1.01',
    { label: 'Chile', code: 'CHL' },
    'the Central American countries',
  ),
  oneWithEach(
    'pta_414.xml',
    'ARTÍCULO 1.01',
    { label: 'Dominican Republic', code: 'DOM' },
    'the Central American countries',
  ),
  {
    fileName: 'pta_341.xml',
    article: 'ARTICLE 1.01',
    says:
      'El Salvador and Honduras, each individually, apply the agreement bilaterally with the Republic of China ' +
      '(Taiwan); it does not apply to relations between El Salvador and Honduras',
    sides: [
      { label: 'El Salvador and Honduras', codes: ['SLV', 'HND'] },
      { label: 'Republic of China (Taiwan)', codes: 'others' },
    ],
  },
];

/** The sides of a ToTA file (`TOTA_SIDES`), if its text divides its parties so. */
export function sidesOf(fileName: string, table: readonly TotaSides[] = TOTA_SIDES): TotaSides | undefined {
  return table.find((entry) => entry.fileName === fileName);
}

/** The side of `code` in `entry`: the first side listing it, else the side of the others. */
export function sideOfParty(entry: TotaSides, code: string): string {
  const listed = entry.sides.find((side) => side.codes !== 'others' && side.codes.includes(code));
  const others = entry.sides.find((side) => side.codes === 'others');
  if (listed) return listed.label;
  if (others) return others.label;
  throw new Error(`${entry.fileName}: ${code} is of no side`);
}
