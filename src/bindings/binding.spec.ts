import { bindingRow as row } from '../../test/support/binding-rows';
import {
  BindingAgreement,
  BlocMembershipFact,
  bindingDatesUnknown,
  bindingUnknownOn,
  blocOnlyConflict,
  computeBindings,
  isBoundOn,
  leftOnUnrecordedDate,
  boundAmong,
  lineageParties,
  notBoundReason,
  partyListsByStanding,
  partyStanding,
  RecordedAgreement,
  statusOn,
  suspendedOn,
  terminatedStatusProblem,
  undatedReason,
} from './binding';

const agreement = (over: Partial<BindingAgreement> = {}): BindingAgreement => ({
  id: 1,
  status: 'IN_FORCE',
  dateSigned: '2010-10-06',
  dateProvisionallyApplied: '2011-07-01',
  dateInForce: '2015-12-13',
  dateTerminated: null,
  ...over,
});

/** The facts the readers of a binding take: the status as recorded, which these records carry as `status`. */
const recorded = (a: BindingAgreement): RecordedAgreement => ({ ...a, recordedStatus: a.status });

const EU: BlocMembershipFact[] = [
  { bloc: 'EUN', member: 'FRA', dateJoined: '1958-01-01', dateLeft: null, dateBoundUntil: null },
  { bloc: 'EUN', member: 'HRV', dateJoined: '2013-07-01', dateLeft: null, dateBoundUntil: null },
  {
    bloc: 'EUN',
    member: 'GBR',
    dateJoined: '1973-01-01',
    dateLeft: '2020-01-31',
    dateBoundUntil: '2020-12-31',
  },
];

const of = (bindings: ReturnType<typeof computeBindings>, code: string) =>
  bindings.find((b) => b.partyCode === code);

describe('computeBindings: who is bound by an agreement, and when', () => {
  it('ends a binding on the termination of an agreement still recorded in force, and says it terminated from then (truth19)', () => {
    // NAFTA, replaced by the USMCA on 2020-07-01, as a record that kept "in force" beside its termination holds it.
    const nafta = agreement({
      dateSigned: '1992-12-17',
      dateProvisionallyApplied: null,
      dateInForce: '1994-01-01',
      dateTerminated: '2020-07-01',
    });
    const can = of(computeBindings(nafta, [row('CAN'), row('MEX'), row('USA')], []), 'CAN')!;
    expect(isBoundOn(can, '2020-06-30', 'APPLIED')).toBe(true);
    expect(isBoundOn(can, '2020-07-01', 'APPLIED')).toBe(false);
    expect(statusOn(nafta, '2020-06-30')).toBe('IN_FORCE');
    expect(statusOn(nafta, '2020-07-01')).toBe('TERMINATED');
    expect(terminatedStatusProblem(nafta, '2026-12-07')).toMatch(
      /^status IN_FORCE contradicts dateTerminated \(2020-07-01\)/,
    );
    expect(terminatedStatusProblem(nafta, '2020-06-30')).toBeNull();
    expect(terminatedStatusProblem({ ...nafta, status: 'TERMINATED' }, '2026-12-07')).toBeNull();
  });

  it('reads the recorded status, not the status today, of an undated agreement whose termination has passed (truth20)', () => {
    // Recorded in force with no date at all, terminated on 2015-01-01: bound on days nobody recorded before that.
    const undated = agreement({
      dateSigned: null,
      dateProvisionallyApplied: null,
      dateInForce: null,
      dateTerminated: '2015-01-01',
    });
    const che = of(computeBindings(undated, [row('CHE'), row('NZL')], []), 'CHE')!;
    expect(che).toMatchObject({ appliedFrom: null, inForceFrom: null, until: '2015-01-01' });
    expect(statusOn(undated, '2026-12-07')).toBe('TERMINATED');
    expect(bindingDatesUnknown(che, recorded(undated))).toBe(true);
    expect(bindingUnknownOn(che, recorded(undated), '2010-06-01', [])).toBe(true);
    expect(bindingUnknownOn(che, recorded(undated), '2015-01-01', [])).toBe(false);
    expect(leftOnUnrecordedDate(che, recorded(undated))).toBe(false);
  });

  it('binds on days not recorded the parties of an agreement recorded as applied with no date of it, after its signature (truth20)', () => {
    const undated = { dateSigned: '2008-01-01', dateProvisionallyApplied: null, dateInForce: null };
    const provisional = agreement({ ...undated, status: 'PROVISIONALLY_APPLIED' });
    const p = of(computeBindings(provisional, [row('CHE'), row('NZL')], []), 'CHE')!;
    expect(bindingUnknownOn(p, recorded(provisional), '2010-06-01', [])).toBe(true);
    expect(bindingUnknownOn(p, recorded(provisional), '2007-12-31', [])).toBe(false);
    const terminated = agreement({ ...undated, status: 'TERMINATED', dateTerminated: '2012-01-01' });
    const t = of(computeBindings(terminated, [row('CHE'), row('NZL')], []), 'CHE')!;
    expect(bindingUnknownOn(t, recorded(terminated), '2010-06-01', [])).toBe(true);
    expect(bindingUnknownOn(t, recorded(terminated), '2012-01-01', [])).toBe(false);
    // Signed only: never bound, known.
    const signed = agreement({ ...undated, status: 'SIGNED' });
    const s = of(computeBindings(signed, [row('CHE'), row('NZL')], []), 'CHE')!;
    expect(bindingUnknownOn(s, recorded(signed), '2010-06-01', [])).toBe(false);
  });

  it('gives one reason a binding is not known on a date: ended, left, begun (an original party), else joined (truth21)', () => {
    const undated = { dateSigned: '2008-01-01', dateProvisionallyApplied: null, dateInForce: null };
    const reason = (over: Partial<BindingAgreement>, p: ReturnType<typeof row>) => {
      const a = agreement({ ...undated, ...over });
      const b = of(computeBindings(a, [p, row('NZL')], []), p.code)!;
      expect(bindingUnknownOn(b, recorded(a), '2010-06-01', [])).toBe(true);
      return undatedReason(b, p.role, recorded(a));
    };
    // Ended on no recorded day, whatever else is unknown: its start, or the party's leaving.
    expect(reason({ status: 'TERMINATED' }, row('CHE'))).toBe('ENDED');
    expect(reason({ status: 'TERMINATED' }, row('CHE', { withdrawn: true }))).toBe('ENDED');
    expect(reason({ status: 'IN_FORCE', dateInForce: '2009-01-01' }, row('CHE', { withdrawn: true }))).toBe(
      'LEFT',
    );
    // Begun on no recorded day: an original party did not join late; one that acceded did.
    expect(reason({ status: 'PROVISIONALLY_APPLIED' }, row('CHE'))).toBe('STARTED');
    expect(reason({ status: 'PROVISIONALLY_APPLIED' }, row('CHE', { role: 'ACCEDED' }))).toBe('JOINED');
    expect(reason({ status: 'IN_FORCE', dateInForce: '2009-01-01' }, row('CHE', { role: 'ACCEDED' }))).toBe(
      'JOINED',
    );
  });

  const euKorea = computeBindings(agreement(), [row('EUN'), row('KOR')], EU);

  it('binds the listed parties directly, from provisional application and entry into force', () => {
    expect(of(euKorea, 'KOR')).toMatchObject({
      via: null,
      appliedFrom: '2011-07-01',
      inForceFrom: '2015-12-13',
      until: null,
    });
  });

  it('binds a bloc member through the bloc from the agreement’s dates when it was a member at signature', () => {
    expect(of(euKorea, 'FRA')).toMatchObject({ via: 'EUN', appliedFrom: '2011-07-01' });
  });

  it('binds a member that joined the bloc after the signature, with no accession of its own, on no date we can name', () => {
    // Croatia joined the EU on 2013-07-01; EU-Korea (2010) is a mixed agreement it joined by its own protocol.
    const hrv = of(euKorea, 'HRV')!;
    expect(hrv).toMatchObject({ via: 'EUN', appliedFrom: null, inForceFrom: null, inForceInferred: false });
    expect(bindingDatesUnknown(hrv, recorded(agreement()))).toBe(true);
    expect(isBoundOn(hrv, '2014-06-01', 'APPLIED')).toBe(false);
    // Bound at some time nobody recorded: not a signatory only.
    expect(hrv.signatoryOnly).toBe(false);
  });

  it('knows a member whose dates are unknown not bound before it joined the bloc, nor before the agreement applied', () => {
    // truth17: Croatia's report as of 2010 said whether EU - CARIFORUM bound it was not known; Croatia joined the EU
    // on 2013-07-01, and no agreement of the EU bound it before.
    const hrv = of(euKorea, 'HRV')!;
    expect(bindingUnknownOn(hrv, recorded(agreement()), '2010-06-01', EU)).toBe(false);
    expect(bindingUnknownOn(hrv, recorded(agreement()), '2013-06-30', EU)).toBe(false);
    expect(bindingUnknownOn(hrv, recorded(agreement()), '2013-07-01', EU)).toBe(true);
    expect(bindingUnknownOn(hrv, recorded(agreement()), '2020-06-01', EU)).toBe(true);
    // A party listed on its own, joined on a date not recorded: not before the agreement first applied to anyone.
    const undated = computeBindings(
      agreement(),
      [row('EUN'), row('KOR'), row('ISL', { role: 'ACCEDED' })],
      EU,
    );
    const isl = of(undated, 'ISL')!;
    expect(bindingDatesUnknown(isl, recorded(agreement()))).toBe(true);
    expect(bindingUnknownOn(isl, recorded(agreement()), '2011-06-30', EU)).toBe(false);
    expect(bindingUnknownOn(isl, recorded(agreement()), '2011-07-01', EU)).toBe(true);
    // Known dates: never "not known".
    expect(bindingUnknownOn(of(euKorea, 'FRA')!, recorded(agreement()), '2010-06-01', EU)).toBe(false);
  });

  it('binds a member that joined the bloc after the signature of an agreement of the bloc alone from its entry into the bloc', () => {
    // EEC-Switzerland (signed 1972-07-22, in force 1973-01-01) was concluded by the Community alone (Regulation
    // (EEC) No 2840/72); Croatia joined on 2013-07-01 and is bound from that day, France from the agreement's date.
    const ch = agreement({
      dateSigned: '1972-07-22',
      dateProvisionallyApplied: null,
      dateInForce: '1973-01-01',
      concludedBy: 'BLOC_ONLY',
    });
    const bindings = computeBindings(ch, [row('EUN'), row('CHE')], EU);
    const hrv = of(bindings, 'HRV')!;
    expect(hrv).toMatchObject({ via: 'EUN', appliedFrom: '2013-07-01', inForceFrom: '2013-07-01' });
    expect(bindingDatesUnknown(hrv, recorded(ch))).toBe(false);
    expect(isBoundOn(hrv, '2013-06-30', 'IN_FORCE')).toBe(false);
    expect(isBoundOn(hrv, '2013-07-01', 'IN_FORCE')).toBe(true);
    expect(of(bindings, 'FRA')).toMatchObject({ via: 'EUN', inForceFrom: '1973-01-01' });
    // Not before the agreement's own dates: a member that joined between signature and entry into force.
    const early = computeBindings(
      ch,
      [row('EUN'), row('CHE')],
      [
        { bloc: 'EUN', member: 'FRA', dateJoined: '1958-01-01', dateLeft: null, dateBoundUntil: null },
        { bloc: 'EUN', member: 'DNK', dateJoined: '1972-10-01', dateLeft: null, dateBoundUntil: null },
      ],
    );
    expect(of(early, 'DNK')).toMatchObject({ appliedFrom: '1973-01-01', inForceFrom: '1973-01-01' });
    // A mixed agreement, or one whose conclusion no source records: not known, as before.
    for (const concludedBy of ['MIXED', null])
      expect(of(computeBindings({ ...ch, concludedBy }, [row('EUN'), row('CHE')], EU), 'HRV')).toMatchObject({
        appliedFrom: null,
        inForceFrom: null,
      });
  });

  it('finds BLOC_ONLY contradicted by a member state listed beside its bloc, and nothing else', () => {
    const korea = { dateSigned: '2010-10-06', concludedBy: 'BLOC_ONLY' };
    // France was a member at the signature: listed beside the EU, it is a party as the bloc's member.
    expect(blocOnlyConflict(korea, [row('EUN'), row('KOR'), row('FRA')], EU)).toEqual({
      code: 'FRA',
      bloc: 'EUN',
    });
    // Croatia acceded by its own protocol as the EU's member: as mixed as France.
    expect(blocOnlyConflict(korea, [row('EUN'), row('KOR'), row('HRV', { role: 'ACCEDED' })], EU)).toEqual({
      code: 'HRV',
      bloc: 'EUN',
    });
    expect(blocOnlyConflict(korea, [row('EUN'), row('KOR')], EU)).toBeNull();
    expect(blocOnlyConflict({ ...korea, concludedBy: 'MIXED' }, [row('EUN'), row('FRA')], EU)).toBeNull();
    // A state that joined the bloc after signing as its counterparty is a partner, not the bloc's member.
    expect(
      blocOnlyConflict({ dateSigned: '2001-10-29', concludedBy: 'BLOC_ONLY' }, [row('EUN'), row('HRV')], EU),
    ).toBeNull();
  });

  it('binds a member that joined the bloc later and acceded on its own date on the bloc’s side, from that date', () => {
    // The EEA (1992): Croatia applied it provisionally from 2014-04-12 (Council Decision 2014/343/EU; EFTA).
    const eea = agreement({
      dateSigned: '1992-05-02',
      dateProvisionallyApplied: null,
      dateInForce: '1994-01-01',
    });
    const listed = [
      row('EUN'),
      row('ISL'),
      row('HRV', { role: 'ACCEDED', dateProvisionallyApplied: '2014-04-12' }),
    ];
    const hrv = computeBindings(eea, listed, EU).filter((b) => b.partyCode === 'HRV');
    expect(hrv).toEqual([
      expect.objectContaining({
        via: 'EUN',
        appliedFrom: '2014-04-12',
        inForceFrom: null,
        inForceInferred: false,
      }),
    ]);
    expect(isBoundOn(hrv[0], '2013-12-31', 'APPLIED')).toBe(false);
    expect(isBoundOn(hrv[0], '2014-06-01', 'APPLIED')).toBe(true);
    // A date of accession: in force for it from that date (or the agreement's, if later).
    const joined = computeBindings(
      eea,
      [row('EUN'), row('HRV', { role: 'ACCEDED', dateJoined: '2017-07-01' })],
      EU,
    );
    expect(of(joined, 'HRV')).toMatchObject({
      via: 'EUN',
      appliedFrom: '2017-07-01',
      inForceFrom: '2017-07-01',
    });
    // No date of its own: on the bloc's side, bound on no date we can name.
    const undated = computeBindings(eea, [row('EUN'), row('HRV', { role: 'ACCEDED' })], EU);
    expect(of(undated, 'HRV')).toMatchObject({ via: 'EUN', appliedFrom: null, inForceFrom: null });
  });

  it('binds the members of a bloc by its founding treaty from their entry into the bloc', () => {
    const rome = agreement({
      dateSigned: '1957-03-25',
      dateProvisionallyApplied: null,
      dateInForce: '1958-01-01',
    });
    const b = computeBindings(rome, [row('EUN')], EU);
    expect(of(b, 'HRV')).toMatchObject({ via: 'EUN', appliedFrom: '2013-07-01', inForceFrom: '2013-07-01' });
    expect(of(b, 'FRA')).toMatchObject({ appliedFrom: '1958-01-01' });
  });

  it('keeps a member that left bound until the end of its transition, and never after', () => {
    const gbr = of(euKorea, 'GBR')!;
    // The transition ended on 2020-12-31 (Withdrawal Agreement Art. 126): bound that day, `until` (exclusive) after it.
    expect(gbr.until).toBe('2021-01-01');
    expect(isBoundOn(gbr, '2020-06-01', 'IN_FORCE')).toBe(true);
    expect(isBoundOn(gbr, '2020-12-31', 'IN_FORCE')).toBe(true);
    expect(isBoundOn(gbr, '2021-01-01', 'IN_FORCE')).toBe(false);
    const signedAfter = computeBindings(
      agreement({ dateSigned: '2021-05-01' }),
      [row('EUN'), row('NZL')],
      EU,
    );
    expect(of(signedAfter, 'GBR')).toBeUndefined();
  });

  it('binds an acceded party from its accession', () => {
    const b = computeBindings(
      agreement({ dateProvisionallyApplied: null, dateInForce: '2013-01-01' }),
      [row('CHE'), row('ISL', { role: 'ACCEDED', dateJoined: '2018-06-01' })],
      [],
    );
    expect(of(b, 'ISL')).toMatchObject({ appliedFrom: '2018-06-01', inForceFrom: '2018-06-01' });
    expect(isBoundOn(of(b, 'ISL')!, '2016-01-01', 'IN_FORCE')).toBe(false);
  });

  it('binds a party whose obligations are suspended on no day of the suspension, and again once it is lifted', () => {
    // MERCOSUR suspended Venezuela's rights and obligations as a State Party on 2017-08-05 (Protocol of Ushuaia,
    // Art. 5): still listed, not bound since. A lifted suspension (made-up dates) binds again from the day it ends.
    const mercosur = agreement({
      dateSigned: '1991-03-26',
      dateProvisionallyApplied: null,
      dateInForce: '1991-11-29',
    });
    const b = computeBindings(
      mercosur,
      [
        row('ARG'),
        row('VEN', { role: 'ACCEDED', dateJoined: '2012-07-31', suspendedFrom: '2017-08-05' }),
        row('PRY', { suspendedFrom: '2012-06-29', suspendedUntil: '2013-08-15' }),
      ],
      [],
    );
    const ven = of(b, 'VEN')!;
    expect(ven).toMatchObject({
      appliedFrom: '2012-07-31',
      suspendedFrom: '2017-08-05',
      suspendedUntil: null,
    });
    expect(isBoundOn(ven, '2017-08-04', 'APPLIED')).toBe(true);
    expect(isBoundOn(ven, '2017-08-05', 'APPLIED')).toBe(false);
    expect(isBoundOn(ven, '2026-12-06', 'IN_FORCE')).toBe(false);
    expect(suspendedOn(ven, '2026-12-06')).toBe(true);
    const pry = of(b, 'PRY')!;
    expect(isBoundOn(pry, '2012-06-28', 'APPLIED')).toBe(true);
    expect(isBoundOn(pry, '2013-01-01', 'APPLIED')).toBe(false);
    expect(isBoundOn(pry, '2013-08-15', 'APPLIED')).toBe(true);
    expect(isBoundOn(of(b, 'ARG')!, '2026-12-06', 'APPLIED')).toBe(true);
  });

  it('carries a bloc’s suspension to the members bound through it', () => {
    const b = computeBindings(agreement(), [row('EUN', { suspendedFrom: '2016-01-01' }), row('KOR')], EU);
    expect(of(b, 'FRA')).toMatchObject({ via: 'EUN', suspendedFrom: '2016-01-01' });
    expect(isBoundOn(of(b, 'FRA')!, '2015-01-01', 'APPLIED')).toBe(true);
    expect(isBoundOn(of(b, 'FRA')!, '2016-01-01', 'APPLIED')).toBe(false);
  });

  it('binds an acceded party with no date of its own on no date: the agreement’s dates are the original parties’', () => {
    // ToTA lists China among APTA's current parties only (it acceded in 2001): APTA's 1976 entry into force is
    // not China's, and no date of accession is recorded.
    const b = computeBindings(
      agreement({ dateProvisionallyApplied: null, dateInForce: '1976-06-17', dateSigned: '1975-07-31' }),
      [row('IND'), row('CHN', { role: 'ACCEDED' })],
      [],
    );
    expect(of(b, 'IND')).toMatchObject({ inForceFrom: '1976-06-17' });
    expect(of(b, 'CHN')).toMatchObject({ appliedFrom: null, inForceFrom: null, inForceInferred: false });
    expect(isBoundOn(of(b, 'CHN')!, '1990-01-01', 'APPLIED')).toBe(false);
    // Bound at a time nobody recorded, not never: a party to it for what asks no date.
    expect(of(b, 'CHN')!.signatoryOnly).toBe(false);
    const undated = computeBindings(
      agreement({ status: 'IN_FORCE', dateProvisionallyApplied: null, dateInForce: null }),
      [row('IND'), row('CHN', { role: 'ACCEDED' })],
      [],
    );
    expect(of(undated, 'CHN')).toMatchObject({ inForceFrom: null, inForceInferred: false });
  });

  it('uses a party’s own dates where the sources give them', () => {
    const b = computeBindings(agreement(), [row('EUN'), row('KOR', { dateInForce: '2016-02-01' })], []);
    expect(of(b, 'KOR')?.inForceFrom).toBe('2016-02-01');
  });

  it('never binds a territory, and ends on withdrawal or termination', () => {
    const b = computeBindings(
      agreement({ dateTerminated: '2030-01-01' }),
      [
        row('EUN'),
        row('NCL', { territoryOf: 'FRA' }),
        row('CAN', { withdrawn: true, dateWithdrawn: '2019-03-01' }),
      ],
      EU,
    );
    expect(of(b, 'NCL')).toBeUndefined();
    expect(of(b, 'CAN')?.until).toBe('2019-03-01');
    expect(of(b, 'EUN')?.until).toBe('2030-01-01');
  });

  it('knows a party that withdrew on a known day not bound from then on, though the agreement ended on a day not recorded', () => {
    const ended = agreement({ status: 'TERMINATED', dateSigned: '2000-01-01', dateInForce: '2001-01-01' });
    const b = computeBindings(
      ended,
      [row('SGP', { withdrawn: true, dateWithdrawn: '2005-01-01' }), row('NZL'), row('AUS')],
      [],
    );
    const sgp = of(b, 'SGP')!;
    expect(isBoundOn(sgp, '2003-01-01', 'APPLIED')).toBe(false);
    // Before the withdrawal the agreement may have ended already: not known; from it on, known not bound.
    expect(bindingUnknownOn(sgp, recorded(ended), '2003-01-01', [])).toBe(true);
    expect(undatedReason(sgp, 'ORIGINAL', recorded(ended))).toBe('ENDED');
    expect(bindingUnknownOn(sgp, recorded(ended), '2005-01-01', [])).toBe(false);
    expect(bindingUnknownOn(sgp, recorded(ended), '2000-06-01', [])).toBe(false);
    // The others' end is the agreement's, not recorded.
    expect(bindingUnknownOn(of(b, 'NZL')!, recorded(ended), '2010-01-01', [])).toBe(true);
  });

  it('knows a party that acceded on no recorded day and withdrew on a known day not bound from then on, the agreement ended on no recorded day', () => {
    const ended = agreement({ status: 'TERMINATED', dateSigned: '2000-01-01', dateInForce: '2001-01-01' });
    const b = computeBindings(
      ended,
      [row('KAZ', { role: 'ACCEDED', withdrawn: true, dateWithdrawn: '2005-01-01' }), row('NZL')],
      [],
    );
    const kaz = of(b, 'KAZ')!;
    expect(kaz.until).toBe('2005-01-01');
    expect(bindingUnknownOn(kaz, recorded(ended), '2003-01-01', [])).toBe(true);
    expect(bindingUnknownOn(kaz, recorded(ended), '2010-01-01', [])).toBe(false);
  });

  it("binds a signatory that applies nothing on no date, whatever the agreement's dates (Haiti and the EPA)", () => {
    const b = computeBindings(
      agreement({
        status: 'PROVISIONALLY_APPLIED',
        dateInForce: null,
        dateProvisionallyApplied: '2008-12-29',
      }),
      [row('EUN'), row('JAM'), row('HTI', { signatoryOnly: true, dateSigned: '2009-12-11' })],
      EU,
    );
    expect(isBoundOn(of(b, 'JAM')!, '2020-01-01', 'APPLIED')).toBe(true);
    expect(of(b, 'HTI')).toMatchObject({
      appliedFrom: null,
      inForceFrom: null,
      inForceInferred: false,
      signatoryOnly: true,
    });
    expect(of(b, 'JAM')!.signatoryOnly).toBe(false);
    expect(isBoundOn(of(b, 'HTI')!, '2020-01-01', 'APPLIED')).toBe(false);
    const inForce = computeBindings(agreement(), [row('HTI', { signatoryOnly: true })], []);
    expect(of(inForce, 'HTI')).toMatchObject({
      appliedFrom: null,
      inForceFrom: null,
      inForceInferred: false,
    });
    const signatoryBloc = computeBindings(agreement(), [row('EUN', { signatoryOnly: true }), row('CAN')], EU);
    expect(isBoundOn(of(signatoryBloc, 'FRA')!, '2020-01-01', 'APPLIED')).toBe(false);
    // Its members through it signed nothing they apply either; a partner beside it is no signatory.
    expect(of(signatoryBloc, 'FRA')!.signatoryOnly).toBe(true);
    expect(of(signatoryBloc, 'CAN')!.signatoryOnly).toBe(false);
  });

  it('binds no party, at any time, of an agreement recorded as signed only with no date of application (the TPP)', () => {
    // The TPP never entered into force: its signatories are signatories only, as Haiti is of the EPA, and no
    // report that asks no date (trends by party, the comparison's parties) counts it as binding them.
    const tpp = agreement({
      status: 'SIGNED',
      dateSigned: '2016-02-04',
      dateInForce: null,
      dateProvisionallyApplied: null,
    });
    const b = computeBindings(
      tpp,
      [row('SGP'), row('USA', { withdrawn: true, dateWithdrawn: '2017-01-30' }), row('EUN')],
      EU,
    );
    for (const code of ['SGP', 'USA', 'EUN', 'FRA'])
      expect(of(b, code)).toMatchObject({ appliedFrom: null, inForceFrom: null, signatoryOnly: true });
    const negotiated = computeBindings(
      { ...tpp, status: 'UNDER_NEGOTIATION', dateSigned: null },
      [row('SGP')],
      [],
    );
    expect(of(negotiated, 'SGP')!.signatoryOnly).toBe(true);
    // A date of its own or of the agreement (ToTA's ECFA: "signed" beside an entry into force) binds from then.
    const dated = computeBindings({ ...tpp, dateInForce: '2010-09-12' }, [row('CHN'), row('TWN')], []);
    expect(of(dated, 'CHN')).toMatchObject({ inForceFrom: '2010-09-12', signatoryOnly: false });
    const own = computeBindings(tpp, [row('SGP', { dateInForce: '2018-12-30' }), row('NZL')], []);
    expect(of(own, 'SGP')).toMatchObject({ inForceFrom: '2018-12-30', signatoryOnly: false });
  });

  it('binds on no date a party that left at a date nobody recorded', () => {
    const b = computeBindings(agreement(), [row('VEN', { withdrawn: true })], []);
    expect(isBoundOn(of(b, 'VEN')!, '2016-01-01', 'APPLIED')).toBe(false);
  });

  it('binds on no date we can name the parties of an agreement that ended at a date nobody recorded', () => {
    // ToTA: the Eurasian Economic Community (pta_97) "Inactive", in force 1997-10-08, no date_inactive.
    const eaec = agreement({ status: 'TERMINATED', dateSigned: '1996-03-29', dateInForce: '1997-10-08' });
    const b = computeBindings(eaec, [row('KGZ'), row('EUN')], EU);
    for (const code of ['KGZ', 'EUN', 'FRA']) {
      expect(isBoundOn(of(b, code)!, '2026-12-05', 'APPLIED')).toBe(false);
      expect(bindingDatesUnknown(of(b, code)!, recorded(eaec))).toBe(true);
    }
    // With its date, it binds until then, and is known not to bind after it.
    const dated = { ...eaec, dateTerminated: '2015-01-01' };
    const k = of(computeBindings(dated, [row('KGZ')], []), 'KGZ')!;
    expect(isBoundOn(k, '2010-01-01', 'APPLIED')).toBe(true);
    expect(isBoundOn(k, '2026-12-05', 'APPLIED')).toBe(false);
    expect(bindingDatesUnknown(k, recorded(dated))).toBe(false);
  });

  it('takes an agreement in force without a recorded date as binding since signature, and says so', () => {
    const b = computeBindings(
      agreement({ dateInForce: null, dateProvisionallyApplied: null }),
      [row('CHL'), row('COL')],
      [],
    );
    expect(of(b, 'CHL')).toMatchObject({ inForceFrom: '2010-10-06', inForceInferred: true });
    const signedOnly = computeBindings(
      agreement({ status: 'SIGNED', dateInForce: null, dateProvisionallyApplied: null }),
      [row('CHL')],
      [],
    );
    expect(of(signedOnly, 'CHL')).toMatchObject({
      inForceFrom: null,
      appliedFrom: null,
      inForceInferred: false,
    });
  });

  it('binds a member listed beside its bloc (a mixed agreement) once, with its own dates, via the bloc', () => {
    const b = computeBindings(
      agreement(),
      [row('EUN'), row('FRA', { dateInForce: '2016-03-01' }), row('CAN')],
      EU,
    );
    expect(b.filter((x) => x.partyCode === 'FRA')).toEqual([
      expect.objectContaining({ via: 'EUN', inForceFrom: '2016-03-01' }),
    ]);
    expect(of(b, 'CAN')?.via).toBeNull();
    expect(of(b, 'EUN')?.via).toBeNull();
  });

  it('takes a listed former member as a partner in its own right once it had left at signature', () => {
    const listed = [row('EUN'), row('GBR'), row('CAN')];
    expect(of(computeBindings(agreement({ dateSigned: '2021-05-01' }), listed, EU), 'GBR')?.via).toBeNull();
    expect(of(computeBindings(agreement({ dateSigned: '2019-05-01' }), listed, EU), 'GBR')?.via).toBe('EUN');
    expect(of(computeBindings(agreement({ dateSigned: null }), listed, EU), 'GBR')?.via).toBe('EUN');
  });

  it('takes a listed state that joined the bloc after signature (a counterparty) as a partner in its own right', () => {
    const b = computeBindings(agreement({ dateSigned: '2010-10-06' }), [row('EUN'), row('HRV')], EU);
    expect(b.filter((x) => x.partyCode === 'HRV')).toEqual([expect.objectContaining({ via: null })]);
  });
});

describe("computeBindings: the agreement's first dates are not a party's own", () => {
  // CAFTA-DR (signed 2004-08-05): in force 2006-03-01 for the United States and El Salvador only; Costa Rica
  // 2009-01-01 (USTR, CAFTA-DR entry into force by country).
  const cafta = agreement({
    dateSigned: '2004-08-05',
    dateProvisionallyApplied: null,
    dateInForce: '2006-03-01',
  });

  it("says nothing of a bilateral agreement's dates: it enters into force for both at once", () => {
    const b = computeBindings(cafta, [row('USA'), row('SLV')], []);
    expect(b.map((x) => [x.partyCode, x.inForceFrom, x.agreementFirstDates])).toEqual([
      ['USA', '2006-03-01', false],
      ['SLV', '2006-03-01', false],
    ]);
  });

  it('marks an original party with no date of its own on an agreement of three sides; keeps the date', () => {
    const b = computeBindings(cafta, [row('USA'), row('SLV'), row('CRI')], []);
    expect(of(b, 'CRI')).toMatchObject({
      inForceFrom: '2006-03-01',
      appliedFrom: '2006-03-01',
      agreementFirstDates: true,
    });
    expect(of(b, 'USA')?.agreementFirstDates).toBe(true);
  });

  it('does not mark a party with its own date, nor one that acceded', () => {
    const b = computeBindings(
      cafta,
      [
        row('USA'),
        row('SLV'),
        row('CRI', { dateInForce: '2009-01-01' }),
        row('DOM', { role: 'ACCEDED', dateJoined: '2007-03-01' }),
      ],
      [],
    );
    expect(of(b, 'CRI')).toMatchObject({ inForceFrom: '2009-01-01', agreementFirstDates: false });
    expect(of(b, 'DOM')?.agreementFirstDates).toBe(false);
    expect(of(b, 'USA')?.agreementFirstDates).toBe(true);
  });

  it('dates the only party of its side by the first date, its own, on an agreement applied between sides (truth21)', () => {
    // EFTA - Canada: in force 2009-07-01, between each EFTA State and Canada only (its sides recorded); Norway's own
    // date (2009-08-01) is not recorded, Canada's is the first: no EFTA State is bound before Canada is.
    const efta = agreement({
      dateSigned: '2008-01-26',
      dateProvisionallyApplied: null,
      dateInForce: '2009-07-01',
    });
    const sided = (side: string | null) => (code: string) => row(code, { side });
    const b = computeBindings(
      efta,
      [...['CHE', 'ISL', 'NOR'].map(sided('EFTA States')), sided('Canada')('CAN')],
      [],
    );
    expect(of(b, 'CAN')).toMatchObject({ appliedFrom: '2009-07-01', agreementFirstDates: false });
    expect(of(b, 'NOR')).toMatchObject({ appliedFrom: '2009-07-01', agreementFirstDates: true });
    // With no sides recorded (or one party's missing), each party may have been bound later than the first.
    const unsided = computeBindings(
      efta,
      [...['CHE', 'ISL', 'NOR'].map(sided(null)), sided('Canada')('CAN')],
      [],
    );
    expect(of(unsided, 'CAN')?.agreementFirstDates).toBe(true);
  });

  it('counts a bloc with its member states listed beside it as one side (EU, France and Korea: two sides)', () => {
    const b = computeBindings(agreement(), [row('EUN'), row('FRA'), row('KOR')], EU);
    expect(b.map((x) => [x.partyCode, x.agreementFirstDates])).toEqual([
      ['EUN', false],
      ['FRA', false],
      ['KOR', false],
      ['HRV', false],
      ['GBR', false],
    ]);
  });

  it("marks the partners of a bloc on an agreement with two other sides, never the bloc's side", () => {
    // EU-Colombia-Peru: applied for Peru from 2013-03-01, Colombia from 2013-08-01; the EU's side from the first.
    const b = computeBindings(
      agreement({ dateSigned: '2012-06-26' }),
      [row('EUN'), row('FRA'), row('COL'), row('PER')],
      EU,
    );
    expect(of(b, 'COL')?.agreementFirstDates).toBe(true);
    expect(of(b, 'PER')?.agreementFirstDates).toBe(true);
    expect(of(b, 'EUN')?.agreementFirstDates).toBe(false);
    expect(of(b, 'FRA')).toMatchObject({ via: 'EUN', agreementFirstDates: false });
    expect(of(b, 'GBR')).toMatchObject({ via: 'EUN', agreementFirstDates: false });
    // A member that joined the bloc after the signature is bound on no date we can name: nothing to mark.
    expect(of(b, 'HRV')).toMatchObject({ appliedFrom: null, agreementFirstDates: false });
  });

  it('marks nothing dated by its signature (in force with no date recorded: inForceInferred says so)', () => {
    const undated = agreement({ dateProvisionallyApplied: null, dateInForce: null });
    const b = computeBindings(undated, [row('USA'), row('SLV'), row('CRI')], []);
    expect(of(b, 'CRI')).toMatchObject({
      inForceFrom: '2010-10-06',
      inForceInferred: true,
      agreementFirstDates: false,
    });
  });

  it('marks nothing on a party bound on no date (a signatory only)', () => {
    const b = computeBindings(cafta, [row('USA'), row('SLV'), row('CRI', { signatoryOnly: true })], []);
    expect(of(b, 'CRI')).toMatchObject({ signatoryOnly: true, agreementFirstDates: false });
  });
});

describe("partyStanding: where a party stands in every list of an agreement's parties", () => {
  const on = '2026-12-07';
  const standing = (b: Partial<Parameters<typeof partyStanding>[0]>) =>
    partyStanding({ via: null, signatoryOnly: false, suspendedFrom: null, suspendedUntil: null, ...b }, on);

  it('names a member state bound through a bloc apart from the parties, never as a party of its own', () => {
    expect(standing({})).toBe('PARTY');
    expect(standing({ via: 'EUN' })).toBe('THROUGH_BLOC');
  });

  it('names a signatory never bound apart, and leaves out the members of a bloc that signed only', () => {
    expect(standing({ signatoryOnly: true })).toBe('SIGNATORY_ONLY');
    expect(standing({ signatoryOnly: true, via: 'EUN' })).toBeNull();
  });

  it('names a party suspended on the day apart, and a party whose suspension was lifted among the parties', () => {
    expect(standing({ suspendedFrom: '2017-08-05' })).toBe('SUSPENDED');
    expect(standing({ suspendedFrom: '2017-08-05', via: 'MERCOSUR' })).toBeNull();
    expect(standing({ suspendedFrom: '2017-08-05', suspendedUntil: on })).toBe('PARTY');
    expect(standing({ suspendedFrom: '2027-01-01' })).toBe('PARTY');
  });
});

describe("partyListsByStanding: the lists every reader of an agreement's parties draws from one rule", () => {
  const on = '2026-12-07';
  const row = (code: string, b: Partial<Parameters<typeof partyStanding>[0]> = {}) => ({
    code,
    via: null,
    signatoryOnly: false,
    suspendedFrom: null,
    suspendedUntil: null,
    ...b,
  });

  it('puts each row in the list its standing names, and the bound ones, parties first, in `bound`', () => {
    const rows = [
      row('ARG'),
      row('AUT', { via: 'EUN' }),
      row('EUN'),
      row('HTI', { signatoryOnly: true }),
      row('HRV', { via: 'EUN' }),
      row('VEN', { suspendedFrom: '2017-08-05' }),
      row('BEL', { via: 'VEN', suspendedFrom: '2017-08-05' }),
    ];
    const lists = partyListsByStanding(rows, (r) => r, on);
    const codes = (list: { code: string }[]) => list.map((r) => r.code);
    expect(codes(lists.PARTY)).toEqual(['ARG', 'EUN']);
    expect(codes(lists.THROUGH_BLOC)).toEqual(['AUT', 'HRV']);
    expect(codes(lists.SIGNATORY_ONLY)).toEqual(['HTI']);
    expect(codes(lists.SUSPENDED)).toEqual(['VEN']);
    expect(codes(lists.bound)).toEqual(['ARG', 'EUN', 'AUT', 'HRV']);
    for (const r of rows)
      expect(
        (['PARTY', 'THROUGH_BLOC', 'SIGNATORY_ONLY', 'SUSPENDED'] as const).filter((s) =>
          lists[s].includes(r),
        ),
      ).toEqual(partyStanding(r, on) ? [partyStanding(r, on)] : []);
  });
});

describe('a date of entry into force that is a bound (AT_LATEST), not the day (data25)', () => {
  // AANZFTA: in force from 2010-01-01 for its first parties; for Cambodia and Lao PDR by 2011-02-01 at the latest, their
  // own days no source gives (fixtures/agreements/aanzfta.json).
  const aanzfta = agreement({
    dateSigned: '2009-02-27',
    dateProvisionallyApplied: null,
    dateInForce: '2010-01-01',
  });
  const parties = [
    row('AUS', { dateInForce: '2010-01-01' }),
    row('NZL', { dateInForce: '2010-01-01' }),
    row('KHM', { dateInForce: '2011-02-01', dateInForcePrecision: 'AT_LATEST' }),
    row('IDN', { dateInForce: '2012-01-10' }),
  ];
  const bindings = computeBindings(aanzfta, parties, []);

  it('marks the binding that starts on the bound, and no other', () => {
    expect(of(bindings, 'KHM')).toMatchObject({ inForceFrom: '2011-02-01', startAtLatest: true });
    expect(of(bindings, 'IDN')!.startAtLatest ?? false).toBe(false);
    expect(of(bindings, 'AUS')!.startAtLatest ?? false).toBe(false);
  });

  it('never says the party was bound before the bound, nor not bound from it', () => {
    const khm = of(bindings, 'KHM')!;
    // From the bound on: bound, as any binding.
    expect(isBoundOn(khm, '2011-02-01', 'APPLIED')).toBe(true);
    expect(bindingUnknownOn(khm, recorded(aanzfta), '2011-02-01', [])).toBe(false);
    // Before it, once the agreement applied to anyone: not bound as far as the record goes, but not known either.
    expect(isBoundOn(khm, '2011-01-15', 'APPLIED')).toBe(false);
    expect(bindingUnknownOn(khm, recorded(aanzfta), '2011-01-15', [])).toBe(true);
    expect(bindingUnknownOn(khm, recorded(aanzfta), '2010-01-01', [])).toBe(true);
    expect(undatedReason(khm, 'ORIGINAL', recorded(aanzfta))).toBe('AT_LATEST');
    // Before the agreement applied to anyone: known not bound.
    expect(bindingUnknownOn(khm, recorded(aanzfta), '2009-12-31', [])).toBe(false);
    // An exact day (Indonesia, 2012-01-10): known not bound the day before.
    expect(bindingUnknownOn(of(bindings, 'IDN')!, recorded(aanzfta), '2012-01-09', [])).toBe(false);
  });

  it('says of a day before the agreement applied to anyone that it applies later, by the bound, not from it (review25)', () => {
    // Known not bound on 2009-12-01 (AANZFTA applied to no party before 2010-01-01), but not known to start on
    // 2011-02-01: "applied only from 1 February 2011" was false.
    expect(notBoundReason(of(bindings, 'KHM')!, aanzfta, '2009-12-01')).toEqual({
      reason: 'APPLIES_BY',
      date: '2011-02-01',
    });
    expect(notBoundReason(of(bindings, 'IDN')!, aanzfta, '2009-12-01')).toEqual({
      reason: 'APPLIES_LATER',
      date: '2012-01-10',
    });
  });

  it('is not a bound where an earlier provisional application starts the binding', () => {
    const applied = computeBindings(
      aanzfta,
      [
        row('KHM', {
          dateInForce: '2011-02-01',
          dateInForcePrecision: 'AT_LATEST',
          dateProvisionallyApplied: '2010-06-01',
        }),
      ],
      [],
    );
    expect(of(applied, 'KHM')!.startAtLatest ?? false).toBe(false);
  });
});

describe('notBoundReason', () => {
  it('names the one reason an agreement does not bind a party on a date, by the facts that make it so', () => {
    const epa = agreement({
      dateSigned: '2008-10-15',
      dateProvisionallyApplied: '2008-12-29',
      dateInForce: null,
    });
    // Haiti signed the EU-CARIFORUM EPA on 2009-12-11 and never applied it.
    const [hti] = computeBindings(epa, [row('HTI', { signatoryOnly: true, dateSigned: '2009-12-11' })], []);
    expect(notBoundReason(hti, epa, '2020-01-01')).toEqual({ reason: 'SIGNED_ONLY' });
    const che = of(computeBindings(agreement(), [row('CHE'), row('NZL')], []), 'CHE')!;
    expect(notBoundReason(che, agreement(), '2011-01-01')).toEqual({
      reason: 'APPLIES_LATER',
      date: '2011-07-01',
    });
    const ended = agreement({ dateTerminated: '2018-05-01' });
    const chl = of(computeBindings(ended, [row('CHL'), row('NZL')], []), 'CHL')!;
    expect(notBoundReason(chl, ended, '2019-01-01')).toEqual({ reason: 'TERMINATED', date: '2018-05-01' });
    const left = of(
      computeBindings(
        agreement(),
        [row('CHL', { withdrawn: true, dateWithdrawn: '2017-03-01' }), row('NZL')],
        [],
      ),
      'CHL',
    )!;
    expect(notBoundReason(left, agreement(), '2019-01-01')).toEqual({
      reason: 'WITHDRAWN',
      date: '2017-03-01',
    });
    // Not one of them is "not yet applied" of a day after all its dates.
    for (const b of [hti, chl, left])
      expect(notBoundReason(b, ended, '2019-01-01').reason).not.toBe('APPLIES_LATER');
  });
});

describe('lineageParties: who wrote an agreement text, for its clauses’ lineage', () => {
  it('names every party in its own right, the signatories never bound apart, and not the members bound through a bloc', () => {
    // The TPP, signed 2016-02-04, never in force: it binds none of its signatories, who wrote it all the same.
    const tpp = computeBindings(
      agreement({
        status: 'SIGNED',
        dateSigned: '2016-02-04',
        dateInForce: null,
        dateProvisionallyApplied: null,
      }),
      [row('AUS'), row('CAN'), row('USA')],
      [],
    );
    expect(tpp.every((b) => b.signatoryOnly)).toBe(true);
    expect(lineageParties(tpp)).toEqual({
      parties: ['AUS', 'CAN', 'USA'],
      signatoriesOnly: ['AUS', 'CAN', 'USA'],
    });
    // A bloc's agreement in force: its member states are bound through it and are not parties of their own; a
    // signatory that applies nothing (Haiti and the EPA) is a party that never was bound.
    const epa = computeBindings(
      agreement(),
      [row('EUN'), row('JAM'), row('HTI', { signatoryOnly: true, dateSigned: '2009-12-11' })],
      EU,
    );
    expect(epa.some((b) => b.via === 'EUN')).toBe(true);
    expect(lineageParties(epa)).toEqual({ parties: ['EUN', 'JAM', 'HTI'], signatoriesOnly: ['HTI'] });
    expect(boundAmong(lineageParties(epa))).toEqual(['EUN', 'JAM']);
    expect(boundAmong(lineageParties(tpp))).toEqual([]);
  });
});
