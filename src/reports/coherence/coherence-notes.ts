import { ConventionStatusKind } from '../../parties/party.enums';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { RecordCoverage } from '../../agreements/agreement.enums';
import { agreementName, listNames, notPartyUntil, PartyFacts } from '../common/report-facts';
import { CoherenceInput } from './coherence-facts';
import { plural } from './coherence-rule';
import { statusNote } from '../common/status-note';

/** The caveats that travel with a coherence report, in every format. */
export function coherenceNotes(input: CoherenceInput): string[] {
  const { party, asOf, agreements, leftOut } = input;
  const notes = [statusNote(input.includeProposed)];
  // Not binding on the date, and not known to bind on it (joined or left on a date no source gives) are two
  // statements: the second must not read as the first (Croatia left CEFTA 2006 in 2013, on no recorded day).
  const undated = leftOut.filter((a) => a.datesUnknown);
  const notBinding = leftOut.filter((a) => !a.datesUnknown);
  const are = (n: number) => (n === 1 ? 'is' : 'are');
  notes.push(
    `Agreements that bind ${party.name} on ${asOf} (in force or provisionally applied for it; ${agreements.length}).` +
      (notBinding.length
        ? ` ${plural(notBinding.length, 'other agreement')} of ${party.name} ${are(notBinding.length)} left out (not binding it on that date: not yet applied, terminated, withdrawn from, or bound only while a member of a bloc): ${listNames(notBinding.map(agreementName))}.`
        : '') +
      (undated.length
        ? ` ${plural(undated.length, notBinding.length ? 'other agreement' : 'agreement')} of ${party.name} ${are(undated.length)} left out as well because ${party.name} joined or left ${undated.length === 1 ? 'it' : 'them'} on a date no source gives (the agreement's page names the source): whether ${undated.length === 1 ? 'it' : 'they'} bound ${party.name} on that date is not known: ${listNames(undated.map(agreementName))}.`
        : ''),
  );
  const viaBloc = agreements.filter((a) => a.via);
  if (viaBloc.length) {
    const blocs = [...new Set(viaBloc.map((a) => a.via))].join(', ');
    notes.push(
      `${party.name} is bound by ${plural(viaBloc.length, 'agreement')} through ${blocs}, from the later of the agreement's application and its accession to the bloc, until it leaves (after any transition period). Fellow members of the bloc are never counted as partners.`,
    );
  }
  const pending = agreements.filter((a) => a.annotations.some((x) => x.status === AnnotationStatus.PROPOSED));
  if (pending.length && !input.includeProposed) {
    notes.push(
      `${plural(pending.length, 'agreement')} of ${agreements.length} ${pending.length === 1 ? 'has' : 'have'} proposed annotations (by the annotation rules or an annotator) that no reviewer has confirmed yet: where they would change an outcome, it reads PENDING_REVIEW, never NOT_MET.`,
    );
  }
  const partial = agreements.filter((a) => a.record.coverage !== RecordCoverage.FULL_TEXT);
  if (partial.length)
    notes.push(
      `The catalogue holds only selected provisions (or none) of ${plural(partial.length, 'agreement')}: ${listNames(partial.map(agreementName))}. An absence there cannot be judged, so those rules read UNKNOWN.`,
    );
  const inferred = agreements.filter((a) => a.inForceInferred);
  if (inferred.length)
    notes.push(
      `${plural(inferred.length, 'agreement')} ${inferred.length === 1 ? 'is' : 'are'} recorded as in force with no date of entry into force (counted as binding since signature): ${listNames(inferred.map(agreementName))}.`,
    );
  if (party.conventionStatus !== ConventionStatusKind.PARTY)
    notes.push(
      `${party.name}'s status under the Convention is ${party.conventionStatus === ConventionStatusKind.NOT_PARTY ? `not a Party${notPartyAsOf(party, asOf)}: the rules on what the Convention expects do not apply` : 'not recorded in the catalogue: the rules on what the Convention expects cannot decide'}.`,
    );
  notes.push(
    'Annotations that name the parties a provision covers (a reservation for one party only) count only for those parties. Annexes, schedules and side letters the catalogue does not hold may contain evidence that the report cannot see; each finding says what the record holds.',
  );
  return notes;
}

/**
 * How far the sources go for a party found not to be a Party: nothing when they speak for the report's date, else
 * the date they stop at (the status is said as of it, as the partners' are), never a status stated for a later day.
 */
export function notPartyAsOf(party: PartyFacts, asOf: string): string {
  const until = notPartyUntil(party, asOf);
  return until ? ` as far as the sources go (as of ${until}; none later)` : '';
}
