import type { AgreementRecordCompleteness } from './agreement-record-completeness.model';
import { RecordCoverage, RecordPart } from './agreement.enums';

/** Declared once, as the GraphQL object type. */
export type RecordCompleteness = AgreementRecordCompleteness;

const PART_NAMES: Record<RecordPart, string> = {
  MAIN_TEXT: 'main text',
  ANNEXES: 'annexes',
  SCHEDULES: 'schedules of commitments and reservations',
  PROTOCOLS: 'protocols',
  SIDE_LETTERS: 'side letters',
};

/**
 * What the catalogue holds of an agreement. A record without a stated coverage that has provisions is taken as
 * excerpts: nobody said the text is whole, so an absence in it proves nothing.
 */
export function recordCompleteness(
  coverage: RecordCoverage | null,
  parts: RecordPart[] | null,
  provisions: number,
): RecordCompleteness {
  const c = provisions === 0 ? RecordCoverage.METADATA_ONLY : (coverage ?? RecordCoverage.EXCERPTS);
  const held = c === RecordCoverage.FULL_TEXT ? (parts?.length ? parts : [RecordPart.MAIN_TEXT]) : [];
  const missing = Object.values(RecordPart).filter((p) => !held.includes(p));
  const summary =
    c === RecordCoverage.FULL_TEXT
      ? `Full text of the ${held.map((p) => PART_NAMES[p]).join(', ')} (${provisions} provision${provisions === 1 ? '' : 's'}); not held: ${missing.map((p) => PART_NAMES[p]).join(', ') || 'nothing'}.`
      : c === RecordCoverage.EXCERPTS
        ? `Only ${provisions} selected provision${provisions === 1 ? '' : 's'}: what the record lacks may be in the parts not held.`
        : 'No provisions held: only the facts of the agreement.';
  return { coverage: c, parts: held, provisions, summary };
}

/** An absence can be stated only where the full text of the part that would hold the clause is held. */
export function canJudgeAbsence(
  record: RecordCompleteness,
  part: RecordPart = RecordPart.MAIN_TEXT,
): boolean {
  return record.coverage === RecordCoverage.FULL_TEXT && record.parts.includes(part);
}
