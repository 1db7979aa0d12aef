import type { AgreementRecordCompleteness } from './agreement-record-completeness.model';
import { RecordCoverage, RecordPart } from './agreement.enums';
import { recordText, say } from '../reports/common/report-texts';
import { ProvisionLocation } from '../provisions/provision-location.enum';
import { sqlNumber, sqlString, sqlStringArray } from '../reports/repository/sql-values';

/** Declared once, as the GraphQL object type. */
export type RecordCompleteness = AgreementRecordCompleteness;

/** The part of an agreement a provision at this location belongs to. */
export const PART_OF_LOCATION: Record<ProvisionLocation, RecordPart> = {
  [ProvisionLocation.PREAMBLE]: RecordPart.MAIN_TEXT,
  [ProvisionLocation.OPERATIVE]: RecordPart.MAIN_TEXT,
  [ProvisionLocation.ANNEX]: RecordPart.ANNEXES,
  [ProvisionLocation.PROTOCOL]: RecordPart.PROTOCOLS,
  [ProvisionLocation.SIDE_LETTER]: RecordPart.SIDE_LETTERS,
};

/**
 * What the catalogue holds of an agreement. A record without a stated coverage that has provisions is taken as
 * excerpts: nobody said the text is whole, so an absence in it proves nothing. `locations`, where its provisions
 * are: a part whose full text is not held but some of whose provisions are (EU–Korea after `import tota`, the
 * ToTA text in full and two Protocol articles kept from the fixtures) is said to be held in part, not "not held".
 */
export function recordCompleteness(
  coverage: RecordCoverage | null,
  parts: RecordPart[] | null,
  provisions: number,
  locations: readonly ProvisionLocation[] = [],
): RecordCompleteness {
  const c = provisions === 0 ? RecordCoverage.METADATA_ONLY : (coverage ?? RecordCoverage.EXCERPTS);
  const held = c === RecordCoverage.FULL_TEXT ? (parts?.length ? parts : [RecordPart.MAIN_TEXT]) : [];
  const inPart = new Set(locations.map((location) => PART_OF_LOCATION[location]));
  const partial =
    c === RecordCoverage.FULL_TEXT
      ? Object.values(RecordPart).filter((p) => inPart.has(p) && !held.includes(p))
      : [];
  // The sentence the reports say in every language, in English.
  const summary = say('en', recordText({ coverage: c, parts: held, provisions, partial }));
  // `partial` travels with the record: every sentence said of it in any language (recordText) needs it, not only
  // the English summary.
  return { coverage: c, parts: held, partial, provisions, summary };
}

/** An absence can be stated only where the full text of the part that would hold the clause is held. */
export function canJudgeAbsence(
  record: RecordCompleteness,
  part: RecordPart = RecordPart.MAIN_TEXT,
): boolean {
  return record.coverage === RecordCoverage.FULL_TEXT && record.parts.includes(part);
}

/**
 * Whether where an agreement's provisions are can change what its record says: a full text that lacks a part
 * (whose provisions, kept from another source, may be held). Only these are asked `provisionLocationsOf`.
 */
export function lacksPart(coverage: RecordCoverage | null, parts: RecordPart[] | null): boolean {
  return coverage === RecordCoverage.FULL_TEXT && (parts?.length ?? 1) < Object.values(RecordPart).length;
}

/** `provisionLocationsOf`'s rows by agreement. */
export function locationsByAgreement(
  rows: readonly Record<string, unknown>[],
): Map<number, ProvisionLocation[]> {
  const byAgreement = new Map<number, ProvisionLocation[]>();
  for (const row of rows) {
    const id = Number(row.agreement_id);
    byAgreement.set(id, [...(byAgreement.get(id) ?? []), row.location as ProvisionLocation]);
  }
  return byAgreement;
}

/**
 * The record of each agreement row read with the columns `record_coverage`, `record_parts` and `provisions`
 * (`provisionCountOf`), the agreement's id at `idOf`: `readLocations` (`provisionLocationsOf`) is asked once, for
 * the full texts that lack a part only (`lacksPart`).
 */
export async function recordsOfRows<R extends Record<string, unknown>>(
  rows: readonly R[],
  idOf: (row: R) => number,
  readLocations: (agreementIds: number[]) => Promise<readonly Record<string, unknown>[]>,
): Promise<(row: R) => RecordCompleteness> {
  const coverage = (row: R) => sqlString(row.record_coverage) as RecordCoverage | null;
  const parts = (row: R) => sqlStringArray(row.record_parts) as RecordPart[];
  const lacking = [...new Set(rows.filter((row) => lacksPart(coverage(row), parts(row))).map(idOf))];
  const locations = lacking.length
    ? locationsByAgreement(await readLocations(lacking))
    : new Map<number, ProvisionLocation[]>();
  return (row) =>
    recordCompleteness(coverage(row), parts(row), sqlNumber(row.provisions), locations.get(idOf(row)));
}
