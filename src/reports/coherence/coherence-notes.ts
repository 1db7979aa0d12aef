import { ConventionStatusKind } from '../../parties/party.enums';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { RecordCoverage } from '../../agreements/agreement.enums';
import { agreementName, notPartyUntil } from '../common/report-facts';
import {
  asOfParam,
  dateParam,
  namesParam,
  partyWithCode,
  ReportTextKey,
  Text,
  text,
  partyParam,
} from '../common/report-texts';
import { CoherenceInput } from './coherence-facts';
import { statusNote } from '../common/status-note';
import { conventionNotYetInForce } from './convention-on-date';

/** The last day the WTO card's status as ToTA copied it in 2017 can speak for. */
const STATUS_2017_UNTIL = '2017-12-31';

/** Agreements each named with the bound its date is ("AANZFTA (on or before 2011-02-01)"), one list. */
const atLatestNames = (items: [name: string, bound: string][]) =>
  namesParam(
    items.map(([agreement, date]) => text('coh.note.atLatestItem', { agreement, date: dateParam(date) })),
    0,
    '; ',
  );

/** The caveats that travel with a coherence report, in every format. */
export function coherenceNotes(input: CoherenceInput): Text[] {
  const { party, asOf, agreements, leftOut } = input;
  const notes = [statusNote(input.includeProposed)];
  // Not binding on the date, and not known to bind on it (joined or left on a date no source gives) are two
  // statements: the second must not read as the first (Croatia left CEFTA 2006 in 2013, on no recorded day).
  // Each not known for one reason, the loader's (`undatedReason`): the agreement ended on a day no source gives (the
  // Eurasian Economic Community, ToTA pta_97), the party left it (withdrew) on one, it began on one (an original
  // party did not join it late), or the party joined it on one: never one "joined or left" (a reader took Bolivia,
  // which joined MERCOSUR, to have left it).
  const undated = leftOut.filter((a) => a.datesUnknown);
  const ended = undated.filter((a) => a.endedUndated);
  const leftUndated = undated.filter((a) => a.leftUndated);
  const startedUndated = undated.filter((a) => a.startedUndated);
  // In force for the party by a day the sources give (a bound), its own day not recorded, asked of an earlier day.
  const inForceBy = undated.filter((a) => a.inForceBy);
  const joinedUndated = undated.filter(
    (a) => !a.endedUndated && !a.leftUndated && !a.startedUndated && !a.inForceBy,
  );
  const suspended = leftOut.filter((a) => a.suspendedSince);
  const notBinding = leftOut.filter((a) => !a.datesUnknown && !a.suspendedSince);
  const sentences: Text[] = [
    text('coh.note.bound', { party: partyParam(party), date: dateParam(asOf), count: agreements.length }),
  ];
  // One sentence naming the agreements of a list, when there are any.
  const listed = (key: ReportTextKey, list: typeof leftOut) => {
    if (list.length)
      sentences.push(
        text(key, {
          count: list.length,
          party: partyParam(party),
          names: namesParam(list.map(agreementName)),
        }),
      );
  };
  // Each named with why it does not bind the party then (`notBoundReason`): Haiti signed the EU-CARIFORUM EPA and
  // never applied it, which the list of every possible reason did not say.
  if (notBinding.length)
    sentences.push(
      text('coh.note.leftOut', {
        count: notBinding.length,
        party: partyParam(party),
        names: namesParam(
          notBinding.map(({ notBound: why, ...a }) =>
            why
              ? text(`coh.note.notBound.${why.reason}`, {
                  agreement: agreementName(a),
                  ...('date' in why ? { date: dateParam(why.date) } : {}),
                  ...('bloc' in why ? { blocCode: why.bloc } : {}),
                })
              : agreementName(a),
          ),
          0,
          '; ',
        ),
      }),
    );
  listed(notBinding.length ? 'coh.note.leftOutUndatedOther' : 'coh.note.leftOutUndated', joinedUndated);
  listed(
    notBinding.length || joinedUndated.length ? 'coh.note.leftOutLeftOther' : 'coh.note.leftOutLeft',
    leftUndated,
  );
  listed('coh.note.leftOutEnded', ended);
  listed('coh.note.leftOutStarted', startedUndated);
  // After another list, "other ... as well", as the joined and left lists say it.
  if (inForceBy.length)
    sentences.push(
      text(sentences.length > 1 ? 'coh.note.leftOutInForceByOther' : 'coh.note.leftOutInForceBy', {
        count: inForceBy.length,
        party: partyParam(party),
        names: atLatestNames(inForceBy.map((a) => [agreementName(a), a.inForceBy!])),
      }),
    );
  // Suspended: each named with the day its suspension began (Venezuela in MERCOSUR since 5 August 2017).
  if (suspended.length)
    sentences.push(
      text('coh.note.leftOutSuspended', {
        count: suspended.length,
        party: partyParam(party),
        names: namesParam(
          suspended.map((a) =>
            text('coh.note.suspendedItem', {
              agreement: agreementName(a),
              date: dateParam(a.suspendedSince!),
            }),
          ),
          0,
          '; ',
        ),
      }),
    );
  notes.push(
    sentences.length > 1
      ? text('list.sentences', { sentences: namesParam(sentences, 0, ' ') })
      : sentences[0],
  );
  // ToTA's statuses are the WTO's of 2017: on a later date, one that has ended since is counted (Turkey - Jordan,
  // ended in 2018, was until a sourced correction recorded its end).
  const statusOf2017 = agreements.filter((a) => a.statusOf2017);
  if (statusOf2017.length && asOf > STATUS_2017_UNTIL)
    notes.push(text('coh.note.statusOf2017', { count: statusOf2017.length, total: agreements.length }));
  // Parties of the other side not known to be bound on the date are no partners, and are named, not left out silently.
  // Those that joined on such a date, original parties of an agreement begun on one, then those that left on one:
  // each said as what it did.
  type UndatedPartner = NonNullable<(typeof agreements)[number]['partnersDatesUnknown']>[number];
  for (const [key, said] of [
    [
      'coh.note.partnersUndated',
      (p: UndatedPartner) => !p.leftUndated && !p.startedUndated && !p.inForceByUndated,
    ],
    ['coh.note.partnersStartedUndated', (p: UndatedPartner) => !!p.startedUndated],
    // In force for them by a day the sources give, a bound later than the date (AANZFTA for Cambodia, 2011-02-01).
    ['coh.note.partnersInForceByUndated', (p: UndatedPartner) => !!p.inForceByUndated],
    ['coh.note.partnersLeftUndated', (p: UndatedPartner) => !!p.leftUndated],
  ] as const) {
    const items = agreements
      .map((a) => ({ a, parties: (a.partnersDatesUnknown ?? []).filter(said) }))
      .filter((x) => x.parties.length);
    if (items.length)
      notes.push(
        text(key, {
          date: dateParam(asOf),
          names: namesParam(
            items.map(({ a, parties }) =>
              text('coh.note.partnersUndatedItem', {
                parties: namesParam(parties.map(partyWithCode), 0),
                agreement: agreementName(a),
              }),
            ),
            0,
            '; ',
          ),
        }),
      );
  }
  const partnersSuspended = agreements.filter((a) => a.partnersSuspended?.length);
  if (partnersSuspended.length)
    notes.push(
      text('coh.note.partnersSuspended', {
        date: dateParam(asOf),
        names: namesParam(
          partnersSuspended.map((a) =>
            text('coh.note.partnersUndatedItem', {
              parties: namesParam(a.partnersSuspended!.map(partyWithCode), 0),
              agreement: agreementName(a),
            }),
          ),
          0,
          '; ',
        ),
      }),
    );
  const viaBloc = agreements.filter((a) => a.via);
  if (viaBloc.length) {
    // The bloc by its name, in the sentence's form ("through the European Union"); its code if it is not among the
    // agreement's parties.
    const blocs = new Map(
      viaBloc.map((a) => {
        const bloc = a.parties.find((p) => p.code === a.via);
        return [a.via!, bloc ? partyParam(bloc) : a.via!];
      }),
    );
    notes.push(
      text('coh.note.viaBloc', {
        party: partyParam(party),
        count: viaBloc.length,
        blocs: { ...namesParam([...blocs.values()], 0), form: 'the' },
      }),
    );
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
  // Dates that are the agreement's first, not the party's own (an agreement of three or more sides).
  const firstDates = agreements.filter((a) => a.agreementFirstDates);
  if (firstDates.length)
    notes.push(
      text('coh.note.firstDates', {
        count: firstDates.length,
        party: partyParam(party),
        names: namesParam(firstDates.map(agreementName)),
      }),
    );
  // Dates that are a bound, not the party's day (AANZFTA for Cambodia: in force on 2011-02-01 at the latest).
  const atLatest = agreements.filter((a) => a.startAtLatest && a.appliedFrom);
  if (atLatest.length)
    notes.push(
      text('coh.note.atLatest', {
        count: atLatest.length,
        party: partyParam(party),
        names: atLatestNames(atLatest.map((a) => [agreementName(a), a.appliedFrom!])),
      }),
    );
  // A Party on a date before the Convention bound it (or on which nobody can say it did): said, not left to the
  // checks' outcomes alone (Uganda as of 2010, its deposit in 2015, read only "no rule of the report applies").
  const notYet =
    party.conventionStatus === ConventionStatusKind.PARTY && conventionNotYetInForce(party, asOf);
  if (notYet) notes.push(notYet.message);
  if (party.conventionStatus !== ConventionStatusKind.PARTY)
    notes.push(
      party.conventionStatus === ConventionStatusKind.NOT_PARTY
        ? notPartyNote(party, asOf)
        : text('coh.note.statusUnknown', { party: partyParam(party) }),
    );
  notes.push(text('coh.note.scope'));
  return notes;
}

/**
 * A party found not to be a Party: said as of the date the sources stop when they do not speak for the report's
 * date (the status is said as of it, as the partners' are), never a status stated for a later day.
 */
function notPartyNote(party: CoherenceInput['party'], asOf: string): Text {
  const until = notPartyUntil(party, asOf);
  return until
    ? text('coh.note.notPartyUntil', { party: partyParam(party), until: asOfParam(until) })
    : text('coh.note.notParty', { party: partyParam(party) });
}
