/**
 * Who is bound by what, when: the one rule. Every consumer (agreement filters, party.agreements, search facets,
 * the reports) reads the rows this function produces (table `agreement_binding`), never restates it.
 *
 * A party is bound by an agreement directly (it is listed, and not as a territory of another state) or through a
 * bloc (it was a member of a bloc that is listed). Each binding carries the dates it holds between:
 * - `appliedFrom`: the agreement applies to the party (provisionally or in force) from this date;
 * - `inForceFrom`: the agreement is in force for the party from this date;
 * - `until`: the binding ends on this date (withdrawal, termination, leaving the bloc); exclusive.
 * A null start means "not known to have started"; a null `until` means "not ended".
 * A party whose obligations under the agreement are suspended (`suspendedFrom`, to `suspendedUntil` where the
 * suspension was lifted; MERCOSUR suspended Venezuela's rights and obligations as a State Party on 2017-08-05) is not
 * bound while it lasts, though it stays a party: `isBoundOn` is false on those days, known not bound.
 */

import { addDays } from '../common/dates';

export interface BindingAgreement {
  id: number;
  status: string;
  dateSigned: string | null;
  dateProvisionallyApplied: string | null;
  dateInForce: string | null;
  dateTerminated: string | null;
  /**
   * Who concluded it on a bloc's side (`ConcludedBy`): 'BLOC_ONLY', 'MIXED', or null when no source says.
   * Optional for callers that know no bloc is concerned; absent is null.
   */
  concludedBy?: string | null;
}

export interface BindingPartyRow {
  code: string;
  role: 'ORIGINAL' | 'ACCEDED';
  dateJoined: string | null;
  dateWithdrawn: string | null;
  withdrawn: boolean;
  /** Signed only: neither applied nor in force for this party, whatever the agreement's dates. */
  signatoryOnly: boolean;
  /** Per-party dates, where the sources give them; the agreement's dates otherwise. */
  dateSigned: string | null;
  dateProvisionallyApplied: string | null;
  dateInForce: string | null;
  /**
   * `dateInForce` is a bound, not the day (`DatePrecision.AT_LATEST`: in force for the party on that day at the
   * latest); absent or 'EXACT': its day.
   */
  dateInForcePrecision?: string | null;
  /** Set when the party is a territory of a state (an overseas territory, a dependency): not a party. */
  territoryOf: string | null;
  /**
   * The side of the agreement it is of, where the text applies the agreement only between sides
   * (`agreement_party.side`: the EFTA States, and Canada, in EFTA - Canada); absent or null where not recorded.
   */
  side?: string | null;
  /** Its obligations under the agreement are suspended from this date (absent: never suspended). */
  suspendedFrom?: string | null;
  /** The day the suspension was lifted (exclusive); null while it lasts. */
  suspendedUntil?: string | null;
}

export interface BlocMembershipFact {
  bloc: string;
  member: string;
  dateJoined: string | null;
  dateLeft: string | null;
  /** The last day of a transition after leaving during which the bloc's agreements still bind (UK: 2020-12-31). */
  dateBoundUntil: string | null;
}

/** Whether a membership of a bloc holds on `date`: joined on or before it (or on no recorded day), not left by then. */
export const memberOn = (m: Pick<BlocMembershipFact, 'dateJoined' | 'dateLeft'>, date: string): boolean =>
  (m.dateJoined === null || m.dateJoined <= date) && (m.dateLeft === null || m.dateLeft > date);

export interface Binding {
  agreementId: number;
  partyCode: string;
  /**
   * The bloc through which the party is bound; for a member state listed beside its bloc (a mixed agreement),
   * bound in its own right and with its own dates but no separate partner, that bloc (`blocBeside`); null for a
   * partner in its own right.
   */
  via: string | null;
  appliedFrom: string | null;
  inForceFrom: string | null;
  until: string | null;
  /** The agreement is recorded as in force but without a date: inForceFrom is the signature date. */
  inForceInferred: boolean;
  /**
   * The party signed only (`signatoryOnly`), or is bound through a bloc that signed only: never bound, whatever
   * the dates. Unlike a party whose dates are unknown (bound at some time nobody recorded), it is no party to the
   * agreement for what asks no date (the reports' partners, trends by party or region, flows).
   */
  signatoryOnly: boolean;
  /**
   * The start dates are the agreement's first (its entry into force, its provisional application), not the
   * party's own: an original party with no date of its own on an agreement of three or more sides
   * (`agreementFirstDatesOnly`), or a member bound through such a party. It was not bound before them; when it
   * was bound itself is not recorded.
   */
  agreementFirstDates: boolean;
  /**
   * The start dates are a bound, not the day: the party's own date of entry into force recorded as AT_LATEST
   * (AANZFTA for Cambodia and Lao PDR, 2011-02-01), with no earlier provisional application. Bound from then at the
   * latest; before it, from the agreement's first date on, whether it bound the party is not known
   * (`bindingUnknownOn`), and no report says it did or did not. Absent is false.
   */
  startAtLatest?: boolean;
  /**
   * The party's obligations are suspended from this date (its own row's `suspendedFrom`, or its bloc's for a member
   * bound through it) to `suspendedUntil` (exclusive; null: not lifted): not bound meanwhile. Absent is null.
   */
  suspendedFrom?: string | null;
  suspendedUntil?: string | null;
}

const IN_FORCE = 'IN_FORCE';
const TERMINATED = 'TERMINATED';
/** `DatePrecision.AT_LATEST` (agreements/agreement.enums.ts), which this module does not import. */
const AT_LATEST = 'AT_LATEST';
/** `ConcludedBy.BLOC_ONLY` (agreements/agreement.enums.ts), which this module does not import. */
const BLOC_ONLY = 'BLOC_ONLY';
/** A date before any agreement: the start of an interval whose real start is unknown but has passed. */
export const EMPTY_INTERVAL_END = '0001-01-01';

/**
 * When the agreement stopped binding anyone: its date of termination; for one recorded as terminated without a
 * date (ToTA's "Inactive" with no date_inactive: the Eurasian Economic Community, pta_97), a date nobody recorded,
 * so that it is bound on no date we can name (`bindingDatesUnknown`), never "still binding" for want of the date.
 */
const agreementEnd = (agreement: Pick<BindingAgreement, 'status' | 'dateTerminated'>): string | null =>
  agreement.dateTerminated ?? (agreement.status === TERMINATED ? EMPTY_INTERVAL_END : null);

/**
 * The agreement's status on `date`: TERMINATED from its date of termination on, whatever status the record carries
 * (an agreement recorded IN_FORCE with a termination date that has passed binds nobody after it, `agreementEnd`, and
 * is no longer in force: the pages said "in force" of NAFTA, recorded so with its termination of 2020-07-01). Every
 * page and report that shows a status, and every door that writes one, reads it here.
 */
export const statusOn = (
  agreement: { status: string; dateTerminated?: string | null },
  date: string,
): string => (agreement.dateTerminated && agreement.dateTerminated <= date ? TERMINATED : agreement.status);

/**
 * A record whose status says it still applies (or never did) while its date of termination has passed on `date`:
 * the message the doors give (import json warns and stores TERMINATED; the API refuses), or null.
 */
export const terminatedStatusProblem = (
  agreement: { status: string; dateTerminated?: string | null },
  date: string,
): string | null =>
  statusOn(agreement, date) !== agreement.status
    ? `status ${agreement.status} contradicts dateTerminated (${agreement.dateTerminated}), which has passed: the agreement binds nobody since, so its status is TERMINATED`
    : null;

const earlier = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a < b ? a : b;
/** Both known and a later than b; for starts: null is "not started". */
const laterStart = (a: string | null, b: string | null): string | null =>
  a === null || b === null ? null : a > b ? a : b;

/** Recorded as not in force for anyone (`AgreementStatus`), and so as binding nobody yet. */
const NOT_YET_APPLIED = new Set(['SIGNED', 'UNDER_NEGOTIATION']);

/**
 * A party of an agreement recorded as signed only (or under negotiation), with no date of entry into force or
 * provisional application, the agreement's or its own, nor of accession: it signed and applies nothing, as a
 * signatory only (`signatoryOnly`) does (the TPP, which never entered into force: no report that asks no date
 * counts it as binding Singapore or the United States).
 */
const signedOnly = (agreement: BindingAgreement, p: BindingPartyRow): boolean =>
  NOT_YET_APPLIED.has(agreement.status) &&
  !agreement.dateInForce &&
  !agreement.dateProvisionallyApplied &&
  !p.dateInForce &&
  !p.dateProvisionallyApplied &&
  !p.dateJoined;

/** The suspension a binding carries (a party's own, or its bloc's). */
const suspensionOf = (p: Pick<Binding, 'suspendedFrom' | 'suspendedUntil'>) => ({
  suspendedFrom: p.suspendedFrom ?? null,
  suspendedUntil: p.suspendedFrom ? (p.suspendedUntil ?? null) : null,
});

/**
 * The end a binding keeps: the party's withdrawal or the agreement's end, whichever came first; where the agreement
 * ended on a day nobody recorded and the party left on a known day, that day (the agreement may have ended first, but
 * from the withdrawal on the party is known not bound).
 */
function knownEnd(agreement: BindingAgreement, left: string | null): string | null {
  const end = agreementEnd(agreement);
  return left !== null && left !== EMPTY_INTERVAL_END && end === EMPTY_INTERVAL_END
    ? left
    : earlier(left, end);
}

function direct(agreement: BindingAgreement, p: BindingPartyRow): Binding {
  return { ...directDates(agreement, p), ...suspensionOf(p) };
}

function directDates(agreement: BindingAgreement, p: BindingPartyRow): Binding {
  if (p.signatoryOnly || signedOnly(agreement, p)) return { ...notBound(agreement, p), signatoryOnly: true };
  // A party that joined later with no date of its own (ToTA lists it among the current parties only): when the
  // agreement started to bind it is not known, and the agreement's own dates are those of the original parties.
  if (p.role === 'ACCEDED' && !p.dateJoined && !p.dateInForce && !p.dateProvisionallyApplied)
    return { ...notBound(agreement, p), until: knownEnd(agreement, p.dateWithdrawn) };
  const acceded = p.role === 'ACCEDED';
  const joined = acceded ? p.dateJoined : null;
  // An accession dated only by its own provisional application (a member state's protocol to a bloc agreement)
  // says nothing of when it entered into force for the party: the agreement's date is the original parties'.
  let inForceFrom =
    p.dateInForce ??
    (joined ? laterStart(joined, agreement.dateInForce) : acceded ? null : agreement.dateInForce);
  let inForceInferred = false;
  if (inForceFrom === null && agreement.status === IN_FORCE && (!acceded || joined)) {
    inForceFrom = joined ?? p.dateSigned ?? agreement.dateSigned;
    inForceInferred = inForceFrom !== null;
  }
  const provisional = p.dateProvisionallyApplied ?? (joined ? null : agreement.dateProvisionallyApplied);
  const appliedFrom = earlier(provisional, inForceFrom);
  // Left at a date nobody recorded: bound on no date we can name.
  const left = p.withdrawn && !p.dateWithdrawn ? EMPTY_INTERVAL_END : p.dateWithdrawn;
  // Left on a known day an agreement that ended on a day nobody recorded: bound on no day we can name before it. A
  // binding holds one end, so it keeps the known one and no start (`bindingUnknownOn` bounds the unknown days by the
  // agreement's first date).
  if (left !== null && left !== EMPTY_INTERVAL_END && agreementEnd(agreement) === EMPTY_INTERVAL_END)
    return { ...notBound(agreement, p), until: knownEnd(agreement, left) };
  // The party's own date of entry into force is a bound (AT_LATEST) and starts the binding: so is the start.
  const startAtLatest =
    p.dateInForcePrecision === AT_LATEST &&
    p.dateInForce !== null &&
    inForceFrom === p.dateInForce &&
    appliedFrom === inForceFrom;
  return {
    agreementId: agreement.id,
    partyCode: p.code,
    via: null,
    appliedFrom,
    inForceFrom,
    until: earlier(left, agreementEnd(agreement)),
    inForceInferred,
    signatoryOnly: false,
    agreementFirstDates: false,
    ...(startAtLatest ? { startAtLatest } : {}),
  };
}

/**
 * An original party with no date of its own takes the agreement's dates. With two sides (a bloc and the member
 * states listed beside it count as one, `blocBeside`) those are its own: a bilateral agreement enters into force
 * for both at once. With three or more, they are often only the first ratifiers' (CAFTA-DR: 2006-03-01 for the
 * United States and El Salvador, Costa Rica 2009-01-01), and the party's own date is not recorded.
 */
function agreementFirstDatesOnly(
  b: Binding,
  p: BindingPartyRow,
  sides: number,
  originals: readonly BindingPartyRow[],
): boolean {
  // In force with no date recorded: dated by its signature, which `inForceInferred` says instead.
  if (sides < 3 || b.signatoryOnly || b.inForceInferred || p.role !== 'ORIGINAL') return false;
  if (p.dateInForce !== null || p.dateProvisionallyApplied !== null) return false;
  if (aloneOnItsSide(p, originals)) return false;
  return b.appliedFrom !== null || b.inForceFrom !== null;
}

/**
 * The only original party of its side, on an agreement whose original parties all have their side recorded (it
 * applies only between sides): the agreement first applied between it and a party of the other side, so its first
 * date is this party's own (Canada in EFTA - Canada, 1 July 2009), whatever the dates of the others.
 */
const aloneOnItsSide = (p: BindingPartyRow, originals: readonly BindingPartyRow[]): boolean =>
  originals.every((x) => x.side != null) && originals.filter((x) => x.side === p.side).length === 1;

/** A party bound on no date: a binding row with no start (a signatory only says so itself). */
const notBound = (agreement: BindingAgreement, p: BindingPartyRow): Binding => ({
  agreementId: agreement.id,
  partyCode: p.code,
  via: null,
  appliedFrom: null,
  inForceFrom: null,
  until: null,
  inForceInferred: false,
  signatoryOnly: false,
  agreementFirstDates: false,
});

/**
 * Did `m` join its bloc after the agreement was signed, the agreement not being the bloc's own founding treaty nor
 * one the bloc concluded alone? Then the bloc's signature was not its own, and it is bound from its own accession
 * instrument: a mixed agreement (the bloc and its member states) binds a later member from that instrument
 * (Croatia's to the EEA in 2014 and to EU-Colombia-Peru after 2015, not its entry into the EU on 2013-07-01; or
 * from a date its protocol sets back, as EU-Korea's does), so such a member is bound from its own accession where
 * one is listed beside the bloc (`blocBeside`), and otherwise on no date we can name (`bindingDatesUnknown`:
 * "not known"); so is it where the catalogue does not record who concluded the agreement (`concludedBy` null).
 * An agreement of the bloc alone (`concludedBy` BLOC_ONLY: the Acts of Accession bind a new member state by the
 * agreements the Community concluded) binds it from its entry into the bloc, never before the agreement's own
 * dates; so does a founding treaty (signed before the bloc had any member: the EC Treaty).
 */
function joinedAfterSignature(
  agreement: BindingAgreement,
  m: BlocMembershipFact,
  memberships: BlocMembershipFact[],
): boolean {
  const signed = agreement.dateSigned;
  if (signed === null || m.dateJoined === null || m.dateJoined <= signed) return false;
  if (agreement.concludedBy === BLOC_ONLY) return false;
  const founding = !memberships.some(
    (x) => x.bloc === m.bloc && (x.dateJoined === null || x.dateJoined <= signed),
  );
  return !founding;
}

/**
 * A member is bound through its bloc while it belongs to it (and through any transition after leaving); one that
 * joined the bloc after the signature, with no accession of its own listed, on no date we can name
 * (`joinedAfterSignature`).
 */
function throughBloc(
  agreement: BindingAgreement,
  bloc: Binding,
  m: BlocMembershipFact,
  memberships: BlocMembershipFact[],
): Binding | null {
  // `dateBoundUntil` is the transition's last day (the UK's ended on 2020-12-31, bound that day); `until` is
  // exclusive, so the binding ends the day after it.
  const memberUntil = m.dateBoundUntil ? addDays(m.dateBoundUntil, 1) : m.dateLeft;
  // Not a member at any time the agreement was signed or applied.
  if (memberUntil !== null && agreement.dateSigned !== null && memberUntil <= agreement.dateSigned)
    return null;
  // The bloc's binding ended on a known date before the member joined: never bound through it. (An end nobody
  // recorded, EMPTY_INTERVAL_END, says nothing of when: the member is bound through it on no date we can name.)
  const blocEnd = bloc.until ?? agreementEnd(agreement);
  if (m.dateJoined !== null && blocEnd !== null && blocEnd !== EMPTY_INTERVAL_END && m.dateJoined >= blocEnd)
    return null;
  const unknown = joinedAfterSignature(agreement, m, memberships);
  return {
    agreementId: agreement.id,
    partyCode: m.member,
    via: bloc.partyCode,
    appliedFrom: unknown ? null : laterStart(bloc.appliedFrom, m.dateJoined ?? bloc.appliedFrom),
    inForceFrom: unknown ? null : laterStart(bloc.inForceFrom, m.dateJoined ?? bloc.inForceFrom),
    until: earlier(bloc.until, memberUntil),
    inForceInferred: unknown ? false : bloc.inForceInferred,
    signatoryOnly: bloc.signatoryOnly,
    // A bloc whose obligations are suspended binds its members through it no more than itself.
    ...suspensionOf(bloc),
    // The bloc's first dates, unless the member's own entry into the bloc came later and dates it.
    agreementFirstDates:
      !unknown &&
      bloc.agreementFirstDates &&
      !(m.dateJoined !== null && bloc.appliedFrom !== null && m.dateJoined > bloc.appliedFrom),
  };
}

/**
 * The listed bloc a listed party stands beside, on the bloc's side: the bloc it was a member of when the agreement
 * was signed (it had joined and not left by then; any membership counts when the agreement has no signature date),
 * or, for a party that acceded to the agreement, the bloc it was a member of when it acceded (a member state that
 * joined the bloc later and acceded by its own instrument: Croatia to EU-Korea; with no date of accession, any
 * membership since the signature counts); the first by code; null when there is none: a state listed beside a bloc
 * it joined later, without acceding as its member, was a counterparty, a partner in its own right.
 */
function blocBeside(
  agreement: BindingAgreement,
  party: BindingPartyRow,
  directs: Binding[],
  memberships: BlocMembershipFact[],
): string | null {
  const accession =
    party.role === 'ACCEDED'
      ? (party.dateJoined ?? earlier(party.dateProvisionallyApplied, party.dateInForce))
      : null;
  const blocs = directs
    .map((b) => b.partyCode)
    .filter((bloc) =>
      memberships.some(
        (m) =>
          m.bloc === bloc &&
          m.member === party.code &&
          (agreement.dateSigned === null ||
            memberOn(m, agreement.dateSigned) ||
            (party.role === 'ACCEDED' &&
              (accession
                ? memberOn(m, accession)
                : m.dateLeft === null || m.dateLeft > agreement.dateSigned))),
      ),
    )
    .sort();
  return blocs[0] ?? null;
}

export const BLOC_ONLY_CONFLICT = (code: string, bloc: string): string =>
  `is BLOC_ONLY, but ${code} is listed beside ${bloc} as its member state (a party as the bloc's member makes a mixed agreement): set MIXED, or leave ${code} out (a member of the bloc is bound through it)`;

/**
 * A party listed beside a bloc as its member (`blocBeside`: a member at the signature, or one that acceded to the
 * agreement by its own instrument) on an agreement recorded as concluded by the bloc alone: an agreement of the
 * bloc alone has no member state as a party, so the two facts contradict each other. The first such party (with
 * its bloc), or null. Every door that writes an agreement refuses it, naming `concludedBy`.
 */
export function blocOnlyConflict(
  agreement: Pick<BindingAgreement, 'dateSigned' | 'concludedBy'>,
  parties: readonly Pick<
    BindingPartyRow,
    'code' | 'role' | 'dateJoined' | 'dateProvisionallyApplied' | 'dateInForce'
  >[],
  memberships: BlocMembershipFact[],
): { code: string; bloc: string } | null {
  if (agreement.concludedBy !== BLOC_ONLY) return null;
  const facts: BindingAgreement = {
    id: 0,
    status: '',
    dateSigned: agreement.dateSigned,
    dateProvisionallyApplied: null,
    dateInForce: null,
    dateTerminated: null,
  };
  const directs = parties.map((p) => ({ partyCode: p.code.toUpperCase() }) as Binding);
  for (const p of parties) {
    const row = { ...p, code: p.code.toUpperCase() } as BindingPartyRow;
    const bloc = blocBeside(facts, row, directs, memberships);
    if (bloc) return { code: row.code, bloc };
  }
  return null;
}

/** Every binding of one agreement: its direct parties, then the members of the blocs among them. */
export function computeBindings(
  agreement: BindingAgreement,
  parties: BindingPartyRow[],
  memberships: BlocMembershipFact[],
): Binding[] {
  const listedParties = parties.filter((p) => p.territoryOf === null);
  const directs = listedParties.map((p) => direct(agreement, p));
  const beside = listedParties.map((p) => blocBeside(agreement, p, directs, memberships));
  directs.forEach((b, i) => (b.via = beside[i]));
  // The agreement's sides among its original parties: a member state listed beside its bloc is on the bloc's.
  const sides = new Set(listedParties.flatMap((p, i) => (p.role === 'ORIGINAL' ? [beside[i] ?? p.code] : [])))
    .size;
  // A bloc's side is bound from the agreement's first date: an agreement of a bloc applies between the bloc and
  // each partner (EU-Colombia-Peru: with Peru from 2013-03-01, Colombia 2013-08-01), never among partners without
  // it. Only the partners' own dates may be later.
  const blocs = new Set(memberships.map((m) => m.bloc));
  const originals = listedParties.filter((p) => p.role === 'ORIGINAL');
  directs.forEach(
    (b, i) =>
      (b.agreementFirstDates =
        !blocs.has(b.partyCode) &&
        beside[i] === null &&
        agreementFirstDatesOnly(b, listedParties[i], sides, originals)),
  );
  const listed = new Set(directs.map((b) => b.partyCode));
  const viaBlocs: Binding[] = [];
  for (const bloc of directs) {
    for (const m of memberships.filter((x) => x.bloc === bloc.partyCode)) {
      if (listed.has(m.member)) continue; // listed in its own right (a mixed agreement): its own binding holds
      const b = throughBloc(agreement, bloc, m, memberships);
      if (b && !viaBlocs.some((x) => x.partyCode === b.partyCode)) viaBlocs.push(b);
    }
  }
  return [...directs, ...viaBlocs];
}

export type BindingMode = 'IN_FORCE' | 'APPLIED';

/**
 * An agreement's facts as the binding rule reads them: `recordedStatus` is the status the record carries
 * (`Agreement.status`), never the status on a date (`statusOn`). The two differ once a termination has passed: an
 * agreement recorded IN_FORCE with no date bound its parties on dates nobody recorded, which its status today
 * (TERMINATED) would hide, saying "known not to bind" of a day before the termination.
 */
export interface RecordedAgreement {
  recordedStatus: string;
  dateSigned: string | null;
  dateInForce: string | null;
  dateProvisionallyApplied: string | null;
  dateTerminated: string | null;
}

/** Recorded as having applied to its parties at some time, whether or not a date of it is recorded. */
const hasApplied = (recordedStatus: string): boolean => !NOT_YET_APPLIED.has(recordedStatus);

/**
 * The party joined or left an agreement that applies on a date no source gives (ToTA lists it among the current
 * parties only, or among the original parties only), or the agreement is recorded as applied (provisionally, in
 * force, or until its termination) with no date of it: bound on no date we can name, though it was bound at some
 * time. Unlike a signatory only, or an agreement that never applied, whether it bound the party on a given day is
 * not known, and a report must not say it did not (an agreement recorded as provisionally applied with no date read
 * "not binding" on every day).
 */
export function bindingDatesUnknown(
  b: Binding,
  agreement: Pick<RecordedAgreement, 'recordedStatus' | 'dateInForce' | 'dateProvisionallyApplied'>,
): boolean {
  if (b.signatoryOnly) return false;
  if (b.until === EMPTY_INTERVAL_END) return true;
  const applies =
    agreement.dateInForce !== null ||
    agreement.dateProvisionallyApplied !== null ||
    hasApplied(agreement.recordedStatus);
  return b.appliedFrom === null && b.inForceFrom === null && applies;
}

/**
 * Whether it is not known if a binding whose dates are unknown (`bindingDatesUnknown`) binds the party on `date`.
 * Its dates are unknown, not boundless: it binds nobody before the agreement was signed or first applied to anyone,
 * nor before the party's own start where one is recorded, nor, through a bloc (`via`), before the party joined the bloc (Croatia, a
 * member of the EU from 2013-07-01, joined EU - CARIFORUM on a date no source here gives, but was bound by no
 * agreement of the EU on 2010-06-01), nor from its known end. On such a date it is known not to bind the party, and
 * a report says so rather than "not known".
 */
export function bindingUnknownOn(
  b: Binding,
  agreement: Pick<
    RecordedAgreement,
    'recordedStatus' | 'dateSigned' | 'dateInForce' | 'dateProvisionallyApplied'
  >,
  date: string,
  memberships: readonly Pick<BlocMembershipFact, 'bloc' | 'member' | 'dateJoined'>[],
): boolean {
  if (startKnownByBoundOnly(b, agreement, date)) return true;
  if (!bindingDatesUnknown(b, agreement)) return false;
  if (b.until !== null && b.until !== EMPTY_INTERVAL_END && date >= b.until) return false;
  const start = earlier(b.appliedFrom, b.inForceFrom);
  if (start !== null && date < start) return false;
  const first = earlier(agreement.dateProvisionallyApplied, agreement.dateInForce) ?? agreement.dateSigned;
  if (first !== null && date < first) return false;
  const joined =
    b.via === null
      ? null
      : (memberships.find((m) => m.bloc === b.via && m.member === b.partyCode)?.dateJoined ?? null);
  return joined === null || date >= joined;
}

/**
 * A binding whose start is a bound (`startAtLatest`), on a day before it on which the agreement already applied to
 * someone (its first date): the party may have been bound then, or not; no source says which. Before the agreement's
 * first date, and from the bound on, it is known.
 */
export function startKnownByBoundOnly(
  b: Pick<Binding, 'startAtLatest' | 'appliedFrom' | 'inForceFrom' | 'until'>,
  agreement: Pick<RecordedAgreement, 'dateSigned' | 'dateInForce' | 'dateProvisionallyApplied'>,
  date: string,
): boolean {
  if (!b.startAtLatest) return false;
  const start = earlier(b.appliedFrom, b.inForceFrom);
  if (start === null || date >= start) return false;
  if (b.until !== null && date >= b.until) return false;
  const first = earlier(agreement.dateProvisionallyApplied, agreement.dateInForce) ?? agreement.dateSigned;
  return first !== null && date >= first;
}

/**
 * Of the bindings whose dates are unknown (`bindingDatesUnknown`), one the party left on a date not recorded (it
 * withdrew, undated), as against one it joined on such a date or an agreement that ended on one: a page must not
 * say "joined or left" of Bolivia in MERCOSUR, which it joined, nor "joined" of a party that left.
 */
export const leftOnUnrecordedDate = (
  b: Binding,
  agreement: Pick<RecordedAgreement, 'recordedStatus' | 'dateTerminated'>,
): boolean => b.until === EMPTY_INTERVAL_END && !endedOnUnrecordedDate(agreement);

/**
 * An agreement recorded as terminated with no date of termination ended on a day no source gives (the Eurasian
 * Economic Community, ToTA pta_97): that, not the party's joining or leaving, is why whether a binding whose dates
 * are unknown (`bindingDatesUnknown`) held on a date is not known.
 */
export const endedOnUnrecordedDate = (
  agreement: Pick<RecordedAgreement, 'recordedStatus' | 'dateTerminated'>,
): boolean =>
  agreementEnd({ status: agreement.recordedStatus, dateTerminated: agreement.dateTerminated }) ===
  EMPTY_INTERVAL_END;

/**
 * Of the bindings whose dates are unknown (`bindingDatesUnknown`) and that the party did not leave, one of an
 * agreement recorded as applied with no date of entry into force or of application: the agreement began to apply on
 * a day no source gives, which is why it is not known whether it bound the party; the party did not join it late
 * (Switzerland, an original party of such an agreement, read "joined on a date not recorded").
 */
export const startedOnUnrecordedDate = (
  agreement: Pick<RecordedAgreement, 'dateInForce' | 'dateProvisionallyApplied'>,
): boolean => agreement.dateInForce === null && agreement.dateProvisionallyApplied === null;

/**
 * Why a binding is not known to hold on a date (`bindingUnknownOn`), said as one reason, the first that holds: the
 * agreement ended on a day no source gives (`endedOnUnrecordedDate`), the party left it on one
 * (`leftOnUnrecordedDate`), the agreement began on one and the party is an original party (`role` ORIGINAL and
 * `startedOnUnrecordedDate`: it did not join late), or else the party joined it on one (an acceding party, or a member
 * that joined its bloc after the agreement was signed). A member bound through its bloc with no row of its own stands
 * in the bloc's role where it was a member at the signature (the coherence loader's `standingRole`). The report's
 * notes and the party page say it of the party, the notes of its partners.
 */
export type UndatedReason = 'ENDED' | 'LEFT' | 'STARTED' | 'JOINED' | 'AT_LATEST';

export function undatedReason(
  b: Binding,
  role: 'ORIGINAL' | 'ACCEDED' | null,
  agreement: Pick<
    RecordedAgreement,
    'recordedStatus' | 'dateTerminated' | 'dateInForce' | 'dateProvisionallyApplied'
  >,
): UndatedReason {
  // In force for the party by a day the sources give, its own day not recorded (`startKnownByBoundOnly`).
  if (b.startAtLatest && !bindingDatesUnknown(b, agreement)) return 'AT_LATEST';
  if (endedOnUnrecordedDate(agreement)) return 'ENDED';
  if (leftOnUnrecordedDate(b, agreement)) return 'LEFT';
  if (role === 'ORIGINAL' && startedOnUnrecordedDate(agreement)) return 'STARTED';
  return 'JOINED';
}

/** What a party that only signed (it applies nothing) cannot also have. */
export interface SignatoryFacts {
  signatoryOnly?: boolean | null;
  role?: string | null;
  dateJoined?: string | null;
  dateProvisionallyApplied?: string | null;
  dateInForce?: string | null;
}

export const SIGNATORY_ONLY_CONFLICT =
  'contradicts signatoryOnly (a party that only signed has no accession, provisional application or entry into force)';

/** The field of a party that contradicts its being a signatory only, or null when none does. */
export function signatoryOnlyConflict(p: SignatoryFacts): keyof SignatoryFacts | null {
  if (!p.signatoryOnly) return null;
  if (p.role === 'ACCEDED') return 'role';
  for (const field of ['dateJoined', 'dateProvisionallyApplied', 'dateInForce'] as const)
    if (p[field]) return field;
  return null;
}

/** Are the party's obligations under the agreement suspended on `date` (`Binding.suspendedFrom`)? */
export const suspendedOn = (b: Pick<Binding, 'suspendedFrom' | 'suspendedUntil'>, date: string): boolean =>
  !!b.suspendedFrom && b.suspendedFrom <= date && (!b.suspendedUntil || b.suspendedUntil > date);

/**
 * Why an agreement does not bind the party on `date` (`isBoundOn`, APPLIED, false; its dates known, not suspended),
 * as the coherence report's note names it for each agreement left out: it signed only and never applied it
 * (`signatoryOnly`: Haiti, the EU-CARIFORUM EPA), it applies to the party only from a later day (`date` given; or on
 * or before `date`, a bound, where its own day is not recorded), it
 * records no day it applies from, the agreement was terminated, the party withdrew from it, or it bound the party
 * only while a member of the bloc (`via`) it has left. Until 7 December 2026 the note listed every such reason but
 * the one at hand ("not yet applied, terminated, withdrawn from...", of an agreement Haiti signed and never applied).
 */
export type NotBoundReason =
  | { reason: 'SIGNED_ONLY' }
  | { reason: 'APPLIES_LATER'; date: string }
  | { reason: 'APPLIES_BY'; date: string }
  | { reason: 'NOT_APPLIED' }
  | { reason: 'TERMINATED'; date: string }
  | { reason: 'WITHDRAWN'; date: string }
  | { reason: 'LEFT_BLOC'; date: string; bloc: string };

export function notBoundReason(
  b: Binding,
  agreement: Pick<BindingAgreement, 'status' | 'dateTerminated'>,
  date: string,
): NotBoundReason {
  if (b.signatoryOnly) return { reason: 'SIGNED_ONLY' };
  if (b.appliedFrom === null) return { reason: 'NOT_APPLIED' };
  // A start that is a bound (`startAtLatest`: AANZFTA for Cambodia, 2011-02-01 at the latest) is no day it applies
  // from: it applies from a later day than `date`, on or before the bound.
  if (b.appliedFrom > date)
    return { reason: b.startAtLatest ? 'APPLIES_BY' : 'APPLIES_LATER', date: b.appliedFrom };
  const end = agreementEnd(agreement);
  if (end !== null && end <= date) return { reason: 'TERMINATED', date: end };
  const until = b.until ?? date;
  return b.via === null
    ? { reason: 'WITHDRAWN', date: until }
    : { reason: 'LEFT_BLOC', date: until, bloc: b.via };
}

/**
 * Is the binding in effect on `date`: in force (or, for APPLIED, also provisionally applied), not ended, and the
 * party's obligations not suspended (`suspendedOn`).
 */
export function isBoundOn(b: Binding, date: string, mode: BindingMode): boolean {
  const from = mode === 'IN_FORCE' ? b.inForceFrom : b.appliedFrom;
  return from !== null && from <= date && (b.until === null || b.until > date) && !suspendedOn(b, date);
}

/**
 * Where a party stands in an agreement's party lists on `day`, as every list of an agreement's parties says it (the
 * comparison, the exports): a party in its own right (a bloc as itself), a member state bound through a bloc
 * (`via`: never a party of its own, README "Parties through blocs"), a signatory never bound (`signatoryOnly`: the
 * TPP's twelve, Haiti of the EU-CARIFORUM EPA), or a party whose rights and obligations are suspended on `day`
 * (Venezuela in MERCOSUR since 2017-08-05: still a party, bound by nothing while it lasts). A member state bound
 * through a bloc that signed only, or whose bloc is suspended, stands in no list (null): its bloc is named.
 */
export type PartyStanding = 'PARTY' | 'THROUGH_BLOC' | 'SIGNATORY_ONLY' | 'SUSPENDED';

export function partyStanding(
  b: Pick<Binding, 'via' | 'signatoryOnly' | 'suspendedFrom' | 'suspendedUntil'>,
  day: string,
): PartyStanding | null {
  const own = b.via === null;
  if (b.signatoryOnly) return own ? 'SIGNATORY_ONLY' : null;
  if (suspendedOn(b, day)) return own ? 'SUSPENDED' : null;
  return own ? 'PARTY' : 'THROUGH_BLOC';
}

/** What `partyStanding` reads of a binding. */
export type StandingFacts = Pick<Binding, 'via' | 'signatoryOnly' | 'suspendedFrom' | 'suspendedUntil'>;

/**
 * An agreement's parties sorted into the lists every reader of them shows (`partyStanding` on `day`), and `bound`:
 * those it binds at some time and not suspended on `day`, its parties in their own right then the member states
 * bound through a bloc (the rows the comparison's "Member states bound through a bloc" and the exports'
 * `bound_through_blocs` date, `boundThroughBlocs`). The one place the lists are drawn: the comparison and the flows
 * (`loadPartiesOf`) and the exports (`partyListsOf`) call it; GraphQL `AgreementParty.standing` places each row by
 * `partyStanding`, as the lists do.
 */
export function partyListsByStanding<T>(
  rows: readonly T[],
  facts: (row: T) => StandingFacts,
  day: string,
): Record<PartyStanding, T[]> & { bound: T[] } {
  const lists: Record<PartyStanding, T[]> = {
    PARTY: [],
    THROUGH_BLOC: [],
    SIGNATORY_ONLY: [],
    SUSPENDED: [],
  };
  for (const row of rows) {
    const standing = partyStanding(facts(row), day);
    if (standing) lists[standing].push(row);
  }
  return { ...lists, bound: [...lists.PARTY, ...lists.THROUGH_BLOC] };
}

/**
 * Who wrote an agreement's text, as its clauses' lineage says it (a clause family's member's `parties`, and the
 * "same parties" its probable source is preferred for): its parties in their own right (no `via`: a member state
 * bound through its bloc, or listed beside it, is its bloc), whether the agreement ever bound them or not, and of
 * these, apart, the signatories never bound (`signatoryOnly`). The TPP bound none of its twelve, but they
 * negotiated and signed its text, and the CPTPP's eleven and USMCA's three took it from there: the lineage of a
 * clause asks who drafted and who copied, not who is bound (the partners, `boundAtSomeTime`, read by the reports
 * and a draft's precedents). A party suspended counts (it signed the text). The one place the rule is written: the
 * bindings' repository (`lineagePartiesOf`) reads the rows with it. Codes in the rows' order.
 */
export interface LineageParties {
  parties: string[];
  /** Of `parties`, those that signed only, bound on no date. */
  signatoriesOnly: string[];
}

export function lineageParties(
  rows: readonly Pick<Binding, 'partyCode' | 'via' | 'signatoryOnly'>[],
): LineageParties {
  const own = rows.filter((b) => b.via === null);
  return {
    parties: own.map((b) => b.partyCode),
    signatoriesOnly: own.filter((b) => b.signatoryOnly).map((b) => b.partyCode),
  };
}

/**
 * Of who wrote an agreement's text (`lineageParties`), those it bound at some time: its partners in their own right,
 * as `boundAtSomeTime` selects them (a draft's precedents' parties, the practice a draft follows).
 */
export const boundAmong = (lineage: LineageParties): string[] =>
  lineage.parties.filter((party) => !lineage.signatoriesOnly.includes(party));
