import { ConventionStatusKind } from '../../parties/party.enums';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { RecordCoverage } from '../../agreements/agreement.enums';
import { agreementName } from '../common/report-facts';
import { dateParam, namesParam, Text, text, partyParam } from '../common/report-texts';
import { CoherenceInput } from './coherence-facts';
import { statusNote } from '../common/status-note';

/** The caveats that travel with a coherence report, in every format. */
export function coherenceNotes(input: CoherenceInput): Text[] {
  const { party, asOf, agreements, leftOut } = input;
  const notes = [statusNote(input.includeProposed)];
  const bound = text('coh.note.bound', {
    party: partyParam(party),
    date: dateParam(asOf),
    count: agreements.length,
  });
  notes.push(
    leftOut.length
      ? text('list.sentences', {
          sentences: namesParam(
            [
              bound,
              text('coh.note.leftOut', {
                count: leftOut.length,
                party: partyParam(party),
                names: namesParam(leftOut.map(agreementName)),
              }),
            ],
            0,
            ' ',
          ),
        })
      : bound,
  );
  const viaBloc = agreements.filter((a) => a.via);
  if (viaBloc.length) {
    const blocs = [...new Set(viaBloc.map((a) => a.via))].join(', ');
    notes.push(text('coh.note.viaBloc', { party: partyParam(party), count: viaBloc.length, blocs }));
  }
  const pending = agreements.filter((a) => a.annotations.some((x) => x.status === AnnotationStatus.PROPOSED));
  if (pending.length && !input.includeProposed)
    notes.push(text('coh.note.pending', { count: pending.length, total: agreements.length }));
  const partial = agreements.filter((a) => a.record.coverage !== RecordCoverage.FULL_TEXT);
  if (partial.length)
    notes.push(
      text('coh.note.partial', { count: partial.length, names: namesParam(partial.map(agreementName)) }),
    );
  const inferred = agreements.filter((a) => a.inForceInferred);
  if (inferred.length)
    notes.push(
      text('coh.note.inferred', { count: inferred.length, names: namesParam(inferred.map(agreementName)) }),
    );
  if (party.conventionStatus !== ConventionStatusKind.PARTY)
    notes.push(
      text(
        party.conventionStatus === ConventionStatusKind.NOT_PARTY
          ? 'coh.note.notParty'
          : 'coh.note.statusUnknown',
        { party: partyParam(party) },
      ),
    );
  notes.push(text('coh.note.scope'));
  return notes;
}
