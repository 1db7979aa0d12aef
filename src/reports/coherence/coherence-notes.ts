import { ConventionStatusKind } from '../../parties/party.enums';
import { agreementName } from '../common/report-facts';
import { CoherenceInput } from './coherence-facts';
import { listNames, plural } from './coherence-rule';
import { statusNote } from '../common/status-note';

/** The caveats that travel with a coherence report, in every format. */
export function coherenceNotes(input: CoherenceInput): string[] {
  const { party, asOf, agreements, leftOut } = input;
  const notes = [statusNote(input.includeProposed)];
  notes.push(
    `Agreements in force or provisionally applied on ${asOf} (${agreements.length}).` +
      (leftOut.length
        ? ` ${plural(leftOut.length, 'other agreement')} of ${party.name} ${leftOut.length === 1 ? 'is' : 'are'} left out (not applied yet, or terminated, on that date): ${listNames(leftOut.map(agreementName))}.`
        : ''),
  );
  const viaBloc = agreements.filter((a) => a.via);
  if (viaBloc.length) {
    const blocs = [...new Set(viaBloc.map((a) => a.via))].join(', ');
    notes.push(
      `${party.name} is bound by ${plural(viaBloc.length, 'agreement')} through ${blocs}: a member state is party to its bloc's agreements unless it left the bloc before their signature.`,
    );
  }
  const pending = agreements.filter((a) => a.pendingProposed > 0);
  if (pending.length) {
    const total = pending.reduce((n, a) => n + a.pendingProposed, 0);
    notes.push(
      `${plural(pending.length, 'agreement')} of ${agreements.length} have PROPOSED annotations awaiting review (${total} in all): findings that rest on an absence may change once they are reviewed.`,
    );
  }
  if (party.conventionStatus !== ConventionStatusKind.PARTY)
    notes.push(
      `${party.name}'s status under the Convention is ${party.conventionStatus}: the 19.5 rules ${party.conventionStatus === ConventionStatusKind.NOT_PARTY ? 'do not apply' : 'cannot decide'}.`,
    );
  notes.push(
    'The rules read the annotations only: they cannot tell which party a carve-out or side letter covers, and an agreement whose annexes or schedules are not in the catalogue may lack evidence that exists.',
  );
  return notes;
}
