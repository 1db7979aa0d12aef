import { EntityManager } from '@mikro-orm/knex';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import {
  BlocMembershipFact,
  bindingUnknownOn,
  EMPTY_INTERVAL_END,
  isBoundOn,
  notBoundReason,
  suspendedOn,
  undatedReason,
} from '../../bindings/binding';
import {
  AgreementFacts,
  coversParty,
  groupByAgreement,
  onePerProvision,
  sameSide,
  PartyFacts,
} from '../common/report-facts';
import {
  articlesInChapters,
  blocMembers,
  blocMemberships,
  chapterTitlesOf,
  directBindingsOf,
  partyAgreements,
  PartyAgreement,
} from '../repository/coherence.repository';
import { CitedChapters, loadAnnotationsOf, loadParty, loadTypesOf } from '../repository/report-queries';
import { citedChapters } from '../../provisions/cited-chapters';
import { ChapterFact, CoherenceAgreementFacts, CoherenceInput } from './coherence-facts';
import { isServicesObligation, isServicesOrInvestmentChapter } from './services-chapters';

type DirectParty = {
  party: PartyFacts;
  via: string | null;
  leftUndated: boolean;
  startedUndated: boolean;
  /** In force for it by a day the sources give (a bound), `asOf` before it (`undatedReason` AT_LATEST). */
  inForceByUndated?: boolean;
};

/**
 * The parties each agreement binds directly (not through a bloc) on `date` (applied), from which the partners are
 * read, and those it is not known to bind on it (joined or left on a date no source gives, `bindingUnknownOn`).
 */
async function directlyBoundOn(
  em: EntityManager,
  agreements: Pick<
    AgreementFacts,
    'id' | 'recordedStatus' | 'dateSigned' | 'dateInForce' | 'dateProvisionallyApplied' | 'dateTerminated'
  >[],
  date: string,
  memberships: readonly BlocMembershipFact[],
): Promise<{
  bound: Map<number, DirectParty[]>;
  unknown: Map<number, DirectParty[]>;
  suspended: Map<number, DirectParty[]>;
  /** Every party the agreement lists directly, bound on `date` or not. */
  listed: Map<number, PartyFacts[]>;
}> {
  const bound = new Map<number, DirectParty[]>();
  const unknown = new Map<number, DirectParty[]>();
  // Suspended on the date: known not bound, whatever is known of when it joined.
  const suspended = new Map<number, DirectParty[]>();
  const listed = new Map<number, PartyFacts[]>();
  const byId = new Map(agreements.map((a) => [a.id, a]));
  for (const { binding, party, role } of await directBindingsOf(em, [...byId.keys()])) {
    listed.set(binding.agreementId, [...(listed.get(binding.agreementId) ?? []), party]);
    const map = isBoundOn(binding, date, 'APPLIED')
      ? bound
      : suspendedOn(binding, date)
        ? suspended
        : bindingUnknownOn(binding, byId.get(binding.agreementId)!, date, memberships)
          ? unknown
          : null;
    if (!map) continue;
    const entry = map.get(binding.agreementId) ?? [];
    // Said as what it did (`undatedReason`): an original partner did not join late (the party is bound, so the
    // agreement did not end on an unrecorded day).
    const reason = map === unknown ? undatedReason(binding, role, byId.get(binding.agreementId)!) : null;
    entry.push({
      party,
      via: binding.via,
      leftUndated: reason === 'LEFT',
      startedUndated: reason === 'STARTED',
      inForceByUndated: reason === 'AT_LATEST',
    });
    map.set(binding.agreementId, entry);
  }
  return { bound, unknown, suspended, listed };
}

/**
 * The articles of the chapters on services, investment or establishment, read once: the first article of each
 * such chapter (where a services commitment begins) and its operative articles (national treatment, market access).
 * Two statements: the distinct chapter titles of the agreements, of which the word test keeps the services
 * chapters; then the articles of those chapters.
 */
async function servicesArticles(
  em: EntityManager,
  ids: number[],
  cited: CitedChapters,
): Promise<{ chapters: ChapterFact[]; obligations: ChapterFact[] }> {
  if (!ids.length) return { chapters: [], obligations: [] };
  const titles = (await chapterTitlesOf(em, ids)).filter(isServicesOrInvestmentChapter);
  const seen = new Set<string>();
  const chapters: ChapterFact[] = [];
  const obligations: ChapterFact[] = [];
  for (const fact of await articlesInChapters(em, ids, titles, cited)) {
    const chapter = `${fact.agreementId}\u0000${fact.chapterTitle}`;
    if (!seen.has(chapter)) {
      seen.add(chapter);
      chapters.push(fact);
    }
    if (isServicesObligation(fact.chapterTitle, fact.articleTitle)) obligations.push(fact);
  }
  return { chapters, obligations };
}

/**
 * The role a party stands in for why its binding is not known (`undatedReason`): its own; for a member bound through
 * its bloc with no row of its own, the bloc's where it was a member when the agreement was signed (France, in an
 * agreement of the EU begun on a day no source gives, did not join it late), or where no signature is recorded (then
 * nobody knows whether it joined the bloc before or after, and only the agreement's unrecorded start is known), else
 * none (it joined the bloc, and so the agreement, later: Croatia).
 */
function standingRole(
  binding: PartyAgreement['binding'],
  role: PartyAgreement['role'],
  blocRole: PartyAgreement['blocRole'],
  agreement: Pick<AgreementFacts, 'dateSigned'>,
  memberships: readonly BlocMembershipFact[],
): PartyAgreement['role'] {
  if (binding.via === null || role !== null) return role;
  const m = memberships.find((x) => x.bloc === binding.via && x.member === binding.partyCode);
  const atSignature =
    m !== undefined &&
    (m.dateJoined === null || agreement.dateSigned === null || m.dateJoined <= agreement.dateSigned);
  return atSignature ? blocRole : null;
}

/** Everything the coherence rules need for one party, in a fixed handful of statements; null for an unknown party. */
export async function loadCoherenceInput(
  em: EntityManager,
  partyCode: string,
  asOf: string,
  includeProposed: boolean,
): Promise<CoherenceInput | null> {
  const party = await loadParty(em, partyCode);
  if (!party) return null;
  const all = await partyAgreements(em, party.code);
  const applied = all.filter((a) => isBoundOn(a.binding, asOf, 'APPLIED'));
  const ids = applied.map((a) => a.id);
  // One after another: inside a transaction they share one connection.
  const memberships = await blocMemberships(em);
  const { bound, unknown, suspended, listed } = await directlyBoundOn(em, applied, asOf, memberships);
  // A partner never is a fellow member of the bloc the party is bound through.
  const members = blocMembers(memberships);
  const types = await loadTypesOf(em, ids);
  // The chapter each evidence's label names where its agreement numbers its articles per chapter: read once.
  const cited = await citedChapters(em, ids);
  const annotations = await loadAnnotationsOf(
    em,
    ids,
    [AnnotationStatus.ACCEPTED, AnnotationStatus.PROPOSED],
    undefined,
    cited,
  );
  const { chapters, obligations } = await servicesArticles(em, ids, cited);
  const annotationsOf = groupByAgreement(annotations);
  const chaptersOf = groupByAgreement(chapters);
  const obligationsOf = groupByAgreement(obligations);
  const agreements: CoherenceAgreementFacts[] = applied.map(
    ({ binding, record, statusOf2017, role, blocRole: _bloc, ...a }) => {
      const via = binding.via;
      const fellow = new Set([...(members.get(via ?? '') ?? []), ...(members.get(party.code) ?? [])]);
      const direct = (bound.get(a.id) ?? []).map((b) => b.party);
      // Nor a party of the same side (`sameSide`): Peru is no partner of Colombia's in the EU's agreement, nor
      // Iceland of Switzerland's in EFTA - Colombia (Art. 1.5: between each EFTA State and Colombia only).
      const known = [bound, unknown, suspended].flatMap((map) => (map.get(a.id) ?? []).map((b) => b.party));
      const onItsSide = (p: PartyFacts) => via === null && p.code !== party.code && sameSide(known, p, party);
      const otherSide = (p: PartyFacts) =>
        p.code !== party.code && p.code !== via && !fellow.has(p.code) && !onItsSide(p);
      return {
        ...a,
        via,
        types: types.get(a.id) ?? [],
        parties: direct,
        partners: direct.filter(otherSide),
        onItsSide: direct.filter(onItsSide),
        partnersDatesUnknown: (unknown.get(a.id) ?? [])
          .filter((b) => otherSide(b.party))
          .map((b) => ({
            ...b.party,
            leftUndated: b.leftUndated,
            startedUndated: b.startedUndated,
            inForceByUndated: b.inForceByUndated,
          })),
        partnersSuspended: (suspended.get(a.id) ?? []).filter((b) => otherSide(b.party)).map((b) => b.party),
        // A record listing the party alone (or its side only) says nothing of its partners.
        otherSideRecorded: (listed.get(a.id) ?? []).some(otherSide),
        annotations: onePerProvision(annotationsOf.get(a.id) ?? [], (x) =>
          coversParty(x.partyScope, party.code, via),
        ),
        servicesChapters: chaptersOf.get(a.id) ?? [],
        servicesObligations: obligationsOf.get(a.id) ?? [],
        record,
        statusOf2017,
        inForceInferred: binding.inForceInferred,
        appliedFrom: binding.appliedFrom,
        agreementFirstDates: binding.agreementFirstDates,
        startAtLatest: binding.startAtLatest ?? false,
        role,
      };
    },
  );
  const appliedIds = new Set(ids);
  const leftOut = all
    .filter((a) => !appliedIds.has(a.id))
    .map(({ binding, record: _r, statusOf2017: _s, role, blocRole, suspensionSource, ...facts }) => {
      // Suspended on the date: known not bound, not "not known"; with where the suspension is recorded.
      if (suspendedOn(binding, asOf))
        return { ...facts, suspendedSince: binding.suspendedFrom!, suspensionSource };
      // Not known on the date only where it could have bound the party then (Croatia and EU - CARIFORUM: not in 2010).
      const datesUnknown = bindingUnknownOn(binding, facts, asOf, memberships);
      // Why, said as one reason (`undatedReason`): the notes and the party page read these flags, never restate it.
      const reason = datesUnknown
        ? undatedReason(binding, standingRole(binding, role, blocRole, facts, memberships), facts)
        : null;
      // Bound through a bloc until a day now past (the UK through the EU until 2020-12-31): said as such.
      const boundThrough =
        binding.via !== null &&
        binding.until !== null &&
        binding.until !== EMPTY_INTERVAL_END &&
        binding.until <= asOf &&
        !binding.signatoryOnly
          ? { via: binding.via, until: binding.until }
          : undefined;
      return {
        ...facts,
        ...(boundThrough ? { boundThrough } : {}),
        datesUnknown,
        // Known not bound on the date: why (`notBoundReason`, one rule), each agreement named with it in the notes.
        notBound: datesUnknown
          ? undefined
          : notBoundReason(
              binding,
              { status: facts.recordedStatus, dateTerminated: facts.dateTerminated },
              asOf,
            ),
        endedUndated: reason === 'ENDED',
        leftUndated: reason === 'LEFT',
        startedUndated: reason === 'STARTED',
        ...(reason === 'AT_LATEST' && binding.appliedFrom ? { inForceBy: binding.appliedFrom } : {}),
      };
    });
  return { party, asOf, includeProposed, agreements, leftOut };
}
