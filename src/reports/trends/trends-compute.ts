import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { countedOf, evidenceNoteText } from '../common/evidence';
import { AgreementFacts, coversParty } from '../common/report-facts';
import { suspendedNote, SuspendedUnder } from '../common/suspended-note';
import { namesParam, notesOf, say, text, Text } from '../common/report-texts';
import { TrendGroup, TrendGroupBy, TrendsResult } from './trends.types';

export interface GroupKey {
  key: string;
  label: string;
  /** The agreement's bound party that puts it in this group (PARTY, REGION), and the bloc it is bound through. */
  party?: { code: string; via: string | null };
}

/** An annotation code on an agreement from a provision that names the parties it covers. */
export interface ScopedEvidence {
  agreementId: number;
  code: TaxonomyCodeId;
  evidence: CodeEvidence;
  partyScope: string[];
}

export interface TrendsInput {
  groupBy: TrendGroupBy;
  from: number | null;
  to: number | null;
  codes: TaxonomyCodeId[];
  includeProposed: boolean;
  /** Agreements signed in the range, with a known signature date. */
  agreements: AgreementFacts[];
  /**
   * The codes of each agreement from annotations that cover every party, and whether a reviewer accepted one of
   * them (else only proposed).
   */
  codesOf: Map<number, Map<TaxonomyCodeId, CodeEvidence>>;
  /** Codes from annotations naming the parties they cover: they count for a group of parties only if one is covered. */
  scoped: ScopedEvidence[];
  /**
   * Groups of each agreement (YEAR: ignored, the signature year is the group). By PARTY and REGION, an agreement
   * that binds a party is present (with no key when none of its bound parties has a region); one that binds none is
   * absent.
   */
  keysOf: Map<number, GroupKey[]>;
  /**
   * By PARTY and REGION, the parties whose rights and obligations under each agreement are suspended on `day`
   * (today): in no group of it (not in `keysOf`), named in a note.
   */
  suspended?: Map<number, Omit<SuspendedUnder, 'agreement'>[]>;
  day?: string;
  /** Agreements whose record holds only selected provisions or no text: an absence there proves nothing. */
  partial: ReadonlySet<number>;
  /** When the range holds no agreement, the catalogue's first and last years of signature (null: none signed). */
  catalogueYears?: { first: number; last: number } | null;
}

export type CodeEvidence = 'ACCEPTED' | 'PROPOSED';

/** The group of the agreements with no value to group by: its label is a text (trends.unknownGroup.*). */
export const UNKNOWN_GROUP: Record<TrendGroupBy, GroupKey> = {
  [TrendGroupBy.YEAR]: { key: 'unknown', label: say('en', text('trends.unknownGroup.YEAR')) },
  [TrendGroupBy.REGION]: { key: 'unknown', label: say('en', text('trends.unknownGroup.REGION')) },
  [TrendGroupBy.AGREEMENT_TYPE]: {
    key: 'none',
    label: say('en', text('trends.unknownGroup.AGREEMENT_TYPE')),
  },
  [TrendGroupBy.PARTY]: { key: 'none', label: say('en', text('trends.unknownGroup.PARTY')) },
};

/**
 * By PARTY and REGION, the group of the agreements that bind no party (absent from `keysOf`): the TPP, signed by
 * twelve states and never in force, has its parties and their regions recorded, so it is neither of a party nor of
 * a region nobody knows ("No party recorded", "Unknown region" said so before truth7).
 */
export const UNBOUND_GROUP: GroupKey = { key: 'unbound', label: say('en', text('trends.unboundGroup')) };

/** The group an agreement with no key of `groupBy` is counted in. */
const noKeyGroup = (groupBy: TrendGroupBy, keysOf: TrendsInput['keysOf'], agreementId: number): GroupKey =>
  (groupBy === TrendGroupBy.PARTY || groupBy === TrendGroupBy.REGION) && !keysOf.has(agreementId)
    ? UNBOUND_GROUP
    : UNKNOWN_GROUP[groupBy];

/** Count and share of agreements with each code, per group: a pure function of the loaded facts. */
export function computeTrends(input: TrendsInput): TrendsResult {
  // Per group, its agreements, each with the bound parties that put it there (none: a group not of parties).
  const groups = new Map<string, { label: string; members: Map<number, NonNullable<GroupKey['party']>[]> }>();
  for (const agreement of input.agreements) {
    const keys: GroupKey[] =
      input.groupBy === TrendGroupBy.YEAR
        ? [{ key: agreement.dateSigned!.slice(0, 4), label: agreement.dateSigned!.slice(0, 4) }]
        : (input.keysOf.get(agreement.id) ?? []);
    for (const { key, label, party } of keys.length
      ? keys
      : [noKeyGroup(input.groupBy, input.keysOf, agreement.id)]) {
      const group = groups.get(key) ?? { label, members: new Map() };
      const parties = group.members.get(agreement.id) ?? [];
      if (party) parties.push(party);
      group.members.set(agreement.id, parties);
      groups.set(key, group);
    }
  }
  const scopedOf = new Map<number, ScopedEvidence[]>();
  for (const s of input.scoped) scopedOf.set(s.agreementId, [...(scopedOf.get(s.agreementId) ?? []), s]);
  /** The agreement's evidence of a code for these of its parties (none given: for the agreement as a whole). */
  const evidenceOf = (id: number, code: TaxonomyCodeId, parties: NonNullable<GroupKey['party']>[]) => {
    const whole = input.codesOf.get(id)?.get(code);
    if (whole === 'ACCEPTED') return whole;
    const covering = (scopedOf.get(id) ?? []).filter(
      (s) =>
        s.code === code && (!parties.length || parties.some((p) => coversParty(s.partyScope, p.code, p.via))),
    );
    if (covering.some((s) => s.evidence === 'ACCEPTED')) return 'ACCEPTED';
    return whole ?? (covering.length ? 'PROPOSED' : undefined);
  };
  const result: TrendGroup[] = [...groups].map(([key, { label, members }]) => ({
    key,
    label,
    agreements: members.size,
    partialRecords: [...members.keys()].filter((id) => input.partial.has(id)).length,
    counts: input.codes.map((code) => {
      const evidence = [...members].map(([id, parties]) => evidenceOf(id, code, parties));
      const count = {
        accepted: evidence.filter((e) => e === 'ACCEPTED').length,
        proposed: evidence.filter((e) => e === 'PROPOSED').length,
      };
      const n = countedOf(count, input.includeProposed);
      return {
        code,
        agreements: n,
        share: n / members.size,
        ...count,
        acceptedShare: count.accepted / members.size,
        shareWithProposed: (count.accepted + count.proposed) / members.size,
      };
    }),
  }));
  result.sort((a, b) =>
    input.groupBy === TrendGroupBy.YEAR
      ? a.key.localeCompare(b.key)
      : b.agreements - a.agreements || a.label.localeCompare(b.label),
  );
  const throughBlocs = input.groupBy === TrendGroupBy.REGION ? throughBlocsNote(result, groups) : null;
  const years = input.agreements.map((a) => Number(a.dateSigned!.slice(0, 4)));
  const overlapping = result.reduce((n, g) => n + g.agreements, 0) > input.agreements.length;
  return {
    groupBy: input.groupBy,
    from: input.from ?? (years.length ? Math.min(...years) : null),
    to: input.to ?? (years.length ? Math.max(...years) : null),
    codes: input.codes,
    includeProposed: input.includeProposed,
    ...notesOf([
      evidenceNoteText(input.includeProposed),
      text('trends.note.agreements'),
      ...(input.groupBy === TrendGroupBy.PARTY || input.groupBy === TrendGroupBy.REGION
        ? [text('trends.note.parties'), text('trends.note.scope')]
        : []),
      ...(throughBlocs ? [throughBlocs] : []),
      ...(input.day && input.suspended
        ? suspendedNote(
            input.day,
            input.agreements.flatMap((agreement) =>
              (input.suspended!.get(agreement.id) ?? []).map((s) => ({ ...s, agreement })),
            ),
          )
        : []),
      ...partialNote(input, result),
      // Said only where it holds: an agreement of one type (or one region) each makes sizes that add up to the total.
      ...(overlapping ? [text('trends.note.overlap')] : []),
    ]),
    catalogueFirstYear: input.agreements.length ? null : (input.catalogueYears?.first ?? null),
    catalogueLastYear: input.agreements.length ? null : (input.catalogueYears?.last ?? null),
    agreements: input.agreements.length,
    groups: result,
  };
}

/** Member states named in the note per region, before "and n more". */
const NOTE_MEMBERS = 3;

/**
 * By region, the groups that hold agreements only through member states of a bloc (every bound party that puts the
 * agreement there is bound via a bloc: the EU's agreements in Asia through Cyprus), so that a reader does not take
 * CETA for an Asian agreement unawares; null when there are none.
 */
function throughBlocsNote(
  result: TrendGroup[],
  groups: Map<string, { label: string; members: Map<number, NonNullable<GroupKey['party']>[]> }>,
): Text | null {
  const parts: Text[] = [];
  for (const { key, label, agreements } of result) {
    const members = [...groups.get(key)!.members.values()].filter(
      (parties) => parties.length && parties.every((p) => p.via !== null),
    );
    if (!members.length) continue;
    const pairs = [...new Set(members.flat().map((p) => `${p.code}\u0000${p.via}`))].sort();
    const named = namesParam(
      pairs.map((pair) => {
        const [party, bloc] = pair.split('\u0000');
        return text('trends.note.through', { party, bloc });
      }),
      NOTE_MEMBERS,
    );
    parts.push(
      text('trends.note.throughBlocsPart', {
        group: label,
        count: members.length,
        total: agreements,
        names: named,
      }),
    );
  }
  return parts.length ? text('trends.note.throughBlocs', { parts: namesParam(parts, 0, '; ') }) : null;
}

/** Groups named in the note on partial records, before "and n more". */
const NOTE_GROUPS = 5;

/** How many agreements hold partial records, and in which groups: what a share over them cannot say. */
function partialNote(input: TrendsInput, result: TrendGroup[]): Text[] {
  const partial = input.agreements.filter((a) => input.partial.has(a.id)).length;
  if (!partial) return [];
  const groups = result.filter((g) => g.partialRecords > 0);
  const named = namesParam(
    groups.map((g) =>
      text('trends.note.partialGroup', { group: g.label, count: g.partialRecords, total: g.agreements }),
    ),
    NOTE_GROUPS,
  );
  return [text('trends.note.partial', { count: partial, total: input.agreements.length, names: named })];
}
