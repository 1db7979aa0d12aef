import type { NotBoundReason } from '../../bindings/binding';
import type { CitedChapter } from '../../provisions/cited-chapters';
import { RecordCompleteness } from '../../agreements/record-completeness';
import { AgreementFacts, AnnotationFact, PartyFacts } from '../common/report-facts';

/** The first article of a chapter on services, investment or establishment. */
export interface ChapterFact {
  agreementId: number;
  agreementSlug: string;
  chapterNumber: string | null;
  chapterTitle: string;
  key: string;
  articleNumber: string | null;
  articleTitle: string | null;
  /** The chapter its label names, where its agreement numbers its articles per chapter (`citedChapters`). */
  chapter: CitedChapter | null;
}

export interface CoherenceAgreementFacts extends AgreementFacts {
  /** The bloc through which the party is bound (a member state and the EU's agreements), else null. */
  via: string | null;
  types: string[];
  /** Every direct party, the party itself included. */
  parties: PartyFacts[];
  /** The other side: direct parties other than the party and the bloc it is bound through. */
  partners: PartyFacts[];
  /**
   * Parties of the other side that joined or left (`leftUndated`) on a date no source gives (ToTA lists Egypt among
   * COMESA's current parties only), or original parties of an agreement begun on such a date (`startedUndated`):
   * whether the agreement bound them on `asOf` is not known, so they are no partners, and the report names them apart
   * rather than leave them out silently.
   */
  partnersDatesUnknown?: (PartyFacts & {
    leftUndated?: boolean;
    startedUndated?: boolean;
    inForceByUndated?: boolean;
  })[];
  /** Parties of the other side whose rights and obligations are suspended on `asOf` (`suspendedOn`): no partners. */
  partnersSuspended?: PartyFacts[];
  /**
   * Whether the record lists any party of the other side, bound on `asOf` or not (false: a record that lists the
   * party alone, or its own side only). Without one, nothing can be said of the partners. Absent is true.
   */
  otherSideRecorded?: boolean;
  /**
   * Direct parties of the party's own side of the agreement (`sameSide`: Costa Rica and Nicaragua for Panama
   * under EU - Central America, Iceland for Switzerland under EFTA - Colombia): no partners, but 18.2 says why it asks nothing of the party for them.
   */
  onItsSide?: PartyFacts[];
  /**
   * The annotations that speak for the party: ACCEPTED and PROPOSED (REJECTED never), leaving out those scoped to
   * other parties. The report decides per view which statuses count.
   */
  annotations: AnnotationFact[];
  servicesChapters: ChapterFact[];
  /** Operative articles (national treatment, market access) of the services or investment chapters. */
  servicesObligations: ChapterFact[];
  record: RecordCompleteness;
  /**
   * Its status is the WTO card's as ToTA copied it in 2017, not re-checked since: on a later date, an agreement
   * that has ended since is still counted, and the report says so.
   */
  statusOf2017?: boolean;
  /** In force per the record's status, but with no recorded date of entry into force. */
  inForceInferred: boolean;
  /**
   * The date the agreement applies to the party from (its binding: its own accession or ratification, its
   * accession to the bloc it is bound through); the agreement's first date when `agreementFirstDates`.
   */
  appliedFrom: string | null;
  /** appliedFrom is the agreement's first date, not the party's own, which is not recorded. */
  agreementFirstDates: boolean;
  /**
   * appliedFrom is a bound (`Binding.startAtLatest`): in force for the party on that day at the latest, its own day not
   * recorded (AANZFTA for Cambodia, 2011-02-01). Absent is false.
   */
  startAtLatest?: boolean;
  /**
   * The party's own role: ACCEDED when it joined after the signature (bound from appliedFrom, its accession, never
   * from the signature); null when bound through a bloc without being listed itself.
   */
  role?: 'ORIGINAL' | 'ACCEDED' | null;
}

/** Everything the coherence rules look at, loaded in a few statements. */
export interface CoherenceInput {
  party: PartyFacts;
  asOf: string;
  includeProposed: boolean;
  /** The party's agreements applied on `asOf`, by signature date. */
  agreements: CoherenceAgreementFacts[];
  /**
   * The party's other agreements (not yet applied, or terminated, on `asOf`); `datesUnknown` when the party joined
   * or left one on a date not recorded (whether it bound the party on `asOf` is not known), and of those one reason
   * at most (`undatedReason`): `endedUndated`, `leftUndated` when it left it (withdrew) on such a date,
   * `startedUndated`, none when it joined it on one; `suspendedSince` when the party's rights and obligations under it are
   * suspended on `asOf` (from that date): known not bound, still a party.
   */
  leftOut: (AgreementFacts & {
    datesUnknown?: boolean;
    leftUndated?: boolean;
    /** Bound from a day no source gives as an original party: the agreement's own start is not recorded. */
    startedUndated?: boolean;
    /** Not known because the agreement ended on a day no source gives (recorded terminated, with no date). */
    endedUndated?: boolean;
    /**
     * Not known because the party's start is a bound (`undatedReason` AT_LATEST): in force for it on this day at the
     * latest, its own day not recorded, and `asOf` is before it.
     */
    inForceBy?: string;
    suspendedSince?: string;
    suspensionSource?: string | null;
    /** It bound the party through this bloc until this day (exclusive), on or before `asOf`: no longer. */
    boundThrough?: { via: string; until: string };
    /** Known not to bind the party on `asOf` (neither suspended nor of unknown dates): why. */
    notBound?: NotBoundReason;
  })[];
}
