import type { AgreementRecordCompleteness } from './agreement-record-completeness.model';
import { RecordCoverage, RecordPart } from './agreement.enums';
import { recordText, say } from '../reports/common/report-texts';

/** Declared once, as the GraphQL object type. */
export type RecordCompleteness = AgreementRecordCompleteness;

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
  // The sentence the reports say in every language, in English.
  const summary = say('en', recordText({ coverage: c, parts: held, provisions }));
  return { coverage: c, parts: held, provisions, summary };
}

/** An absence can be stated only where the full text of the part that would hold the clause is held. */
export function canJudgeAbsence(
  record: RecordCompleteness,
  part: RecordPart = RecordPart.MAIN_TEXT,
): boolean {
  return record.coverage === RecordCoverage.FULL_TEXT && record.parts.includes(part);
}
