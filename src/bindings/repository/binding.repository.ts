import { EntityManager, Knex } from '@mikro-orm/knex';
import { from, rowsInTransaction } from '../../common/sql';
import { sqlBool } from '../../reports/repository/sql-values';
import {
  Binding,
  BindingAgreement,
  BindingPartyRow,
  BlocMembershipFact,
  lineageParties,
  LineageParties,
  partyListsByStanding,
  partyStanding,
  PartyStanding,
  StandingFacts,
} from '../binding';

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const INSERT_BATCH = 200;

/**
 * An `agreement_binding` row's facts `partyStanding` reads (its columns `via`, `signatory_only`, `suspended_from`,
 * `suspended_until`, under those names): the one reading of them, the exports' lists, GraphQL's standing and the
 * reports' parties (`loadPartiesOf`) and coherence bindings alike. The flag is read strictly (`sqlBool`): a driver
 * that gives it as text says "0" for false, which `Boolean` read as true (every party a signatory only).
 */
export const standingFactsOf = (r: Row): StandingFacts => ({
  via: str(r.via),
  signatoryOnly: sqlBool(r.signatory_only) === true,
  suspendedFrom: str(r.suspended_from),
  suspendedUntil: str(r.suspended_until),
});

/** A party's binding dates as `computeBindings` stored them (`Binding`). */
export interface PartyBindingDates {
  appliedFrom: string | null;
  inForceFrom: string | null;
  inForceInferred: boolean;
  agreementFirstDates: boolean;
  /** How precise the start dates are (`Binding.startAtLatest`): AT_LATEST, a bound; EXACT otherwise. */
  inForceFromPrecision: 'EXACT' | 'AT_LATEST';
  /** Where it stands on the day asked (`partyStanding`); null for a member of a bloc that signed only or is suspended. */
  standing: PartyStanding | null;
  /** The bloc through which it is bound (`Binding.via`: a member state listed beside its bloc); null in its own right. */
  via: string | null;
}

/** An agreement's parties as every list of them says it (`partyStanding`), each list by code. */
export type AgreementPartyLists = Record<PartyStanding, string[]> & {
  /** The bindings of its parties in their own right and of the members bound through a bloc, with their dates. */
  spans: PartyBindingSpan[];
};

/** A party's binding as the lists of members bound through a bloc date it ("GBR to 2020-12-31", `boundThroughBlocs`). */
export interface PartyBindingSpan {
  party: { code: string };
  via: string | null;
  appliedFrom: string | null;
  inForceFrom: string | null;
  until: string | null;
}

/** What `computeBindings` needs: agreements, their parties (by agreement id), every bloc membership. */
export interface BindingFacts {
  agreements: BindingAgreement[];
  partiesOf: Map<number, BindingPartyRow[]>;
  memberships: BlocMembershipFact[];
}

/**
 * The statements of the `agreement_binding` table (who is bound by what, when). Its rows are computed by
 * `computeBindings` (`bindings/binding.ts`); every statement runs inside the caller's transaction, if any.
 * Filters on it are the conditions of `binding.conditions.ts`, next to this file.
 */
export class BindingRepository {
  constructor(private readonly em: EntityManager) {}

  private run(qb: Knex.QueryBuilder): Promise<Row[]> {
    return rowsInTransaction(this.em, qb);
  }

  /** The codes of every party an agreement binds at some time, directly or through a bloc. */
  async partiesBoundBy(agreementId: number): Promise<string[]> {
    const rows = await this.run(
      from(this.em, 'agreement_binding').select('party_code').where('agreement_id', agreementId),
    );
    return rows.map((r) => String(r.party_code));
  }

  /**
   * Of the given agreements, the codes of their parties in their own right, of the member states bound through a
   * bloc, of the signatories never bound and of the parties suspended on `day` (`partyStanding`): by agreement id.
   */
  async partyListsOf(
    agreementIds: readonly number[],
    day: string,
  ): Promise<Map<number, AgreementPartyLists>> {
    const rows = await this.run(
      from(this.em, 'agreement_binding')
        .select(
          'agreement_id',
          'party_code',
          'via',
          'signatory_only',
          'suspended_from',
          'suspended_until',
          'applied_from',
          'in_force_from',
          'until',
        )
        .whereIn('agreement_id', [...agreementIds])
        .orderBy(['agreement_id', 'party_code']),
    );
    const byAgreement = new Map<number, Row[]>();
    for (const r of rows) {
      const id = Number(r.agreement_id);
      const list = byAgreement.get(id) ?? [];
      list.push(r);
      byAgreement.set(id, list);
    }
    const map = new Map<number, AgreementPartyLists>();
    for (const [id, ofAgreement] of byAgreement) {
      const lists = partyListsByStanding(ofAgreement, standingFactsOf, day);
      const codes = (list: Row[]) => list.map((r) => String(r.party_code));
      map.set(id, {
        PARTY: codes(lists.PARTY),
        THROUGH_BLOC: codes(lists.THROUGH_BLOC),
        SIGNATORY_ONLY: codes(lists.SIGNATORY_ONLY),
        SUSPENDED: codes(lists.SUSPENDED),
        spans: lists.bound.map((r) => ({
          party: { code: String(r.party_code) },
          via: str(r.via),
          appliedFrom: str(r.applied_from),
          inForceFrom: str(r.in_force_from),
          until: str(r.until),
        })),
      });
    }
    return map;
  }

  /**
   * Of the given agreements, who wrote each one's text (`lineageParties`: its parties in their own right, signatories
   * never bound included and named apart), by agreement id; one statement. An agreement with no party row is absent.
   */
  async lineagePartiesOf(agreementIds: readonly number[]): Promise<Map<number, LineageParties>> {
    const found = new Map<number, LineageParties>();
    if (!agreementIds.length) return found;
    const rows = await this.run(
      from(this.em, 'agreement_binding')
        .select('agreement_id', 'party_code', 'via', 'signatory_only', 'suspended_from', 'suspended_until')
        .whereIn('agreement_id', [...agreementIds])
        .orderBy(['agreement_id', 'party_code']),
    );
    const byAgreement = new Map<number, Pick<Binding, 'partyCode' | 'via' | 'signatoryOnly'>[]>();
    for (const r of rows) {
      const id = Number(r.agreement_id);
      const list = byAgreement.get(id) ?? byAgreement.set(id, []).get(id)!;
      list.push({ partyCode: String(r.party_code), ...standingFactsOf(r) });
    }
    for (const [id, list] of byAgreement) found.set(id, lineageParties(list));
    return found;
  }

  /** Of the given agreements, each listed party's binding dates (`computeBindings`): by agreement id, by party code. */
  async partyBindingDatesOf(
    agreementIds: readonly number[],
    day: string,
  ): Promise<Map<number, Map<string, PartyBindingDates>>> {
    const rows = await this.run(
      from(this.em, 'agreement_binding')
        .select(
          'agreement_id',
          'party_code',
          'applied_from',
          'in_force_from',
          'in_force_inferred',
          'agreement_first_dates',
          'start_at_latest',
          'via',
          'signatory_only',
          'suspended_from',
          'suspended_until',
        )
        .whereIn('agreement_id', [...agreementIds]),
    );
    const map = new Map<number, Map<string, PartyBindingDates>>();
    for (const r of rows) {
      const id = Number(r.agreement_id);
      const ofAgreement = map.get(id) ?? new Map<string, PartyBindingDates>();
      ofAgreement.set(String(r.party_code), {
        appliedFrom: str(r.applied_from),
        inForceFrom: str(r.in_force_from),
        inForceInferred: sqlBool(r.in_force_inferred) === true,
        agreementFirstDates: sqlBool(r.agreement_first_dates) === true,
        inForceFromPrecision: sqlBool(r.start_at_latest) === true ? 'AT_LATEST' : 'EXACT',
        standing: partyStanding(standingFactsOf(r), day),
        via: str(r.via),
      });
      map.set(id, ofAgreement);
    }
    return map;
  }

  /** The facts bindings are computed from, for the given agreements (all when `ids` is null): three statements. */
  async facts(ids: number[] | null): Promise<BindingFacts> {
    const scoped = (qb: Knex.QueryBuilder, column: string) => (ids ? qb.whereIn(column, ids) : qb);
    const agreements = await this.run(
      scoped(
        from(this.em, 'agreement').select(
          'id',
          'status',
          'date_signed',
          'date_provisionally_applied',
          'date_in_force',
          'date_terminated',
          'concluded_by',
        ),
        'id',
      ),
    );
    const parties = await this.run(
      scoped(
        from(this.em, 'agreement_party as ap')
          .select(
            'ap.agreement_id',
            'ap.party_code',
            'ap.role',
            'ap.date_joined',
            'ap.date_withdrawn',
            'ap.withdrawn',
            'ap.date_signed',
            'ap.date_provisionally_applied',
            'ap.date_in_force',
            'ap.date_in_force_precision',
            'ap.signatory_only',
            'ap.suspended_from',
            'ap.suspended_until',
            'ap.side',
            'p.territory_of',
          )
          .join('party as p', 'p.code', 'ap.party_code'),
        'ap.agreement_id',
      ),
    );
    const memberships = await this.memberships();
    const partiesOf = new Map<number, BindingPartyRow[]>();
    for (const r of parties) {
      const id = Number(r.agreement_id);
      const list = partiesOf.get(id) ?? [];
      list.push({
        code: String(r.party_code),
        role: r.role === 'ACCEDED' ? 'ACCEDED' : 'ORIGINAL',
        dateJoined: str(r.date_joined),
        dateWithdrawn: str(r.date_withdrawn),
        withdrawn: r.withdrawn === true || Number(r.withdrawn) === 1,
        signatoryOnly: r.signatory_only === true || Number(r.signatory_only) === 1,
        dateSigned: str(r.date_signed),
        dateProvisionallyApplied: str(r.date_provisionally_applied),
        dateInForce: str(r.date_in_force),
        dateInForcePrecision: str(r.date_in_force_precision),
        territoryOf: str(r.territory_of),
        suspendedFrom: str(r.suspended_from),
        suspendedUntil: str(r.suspended_until),
        side: str(r.side),
      });
      partiesOf.set(id, list);
    }
    return {
      agreements: agreements.map((r) => ({
        id: Number(r.id),
        status: String(r.status),
        dateSigned: str(r.date_signed),
        dateProvisionallyApplied: str(r.date_provisionally_applied),
        dateInForce: str(r.date_in_force),
        dateTerminated: str(r.date_terminated),
        concludedBy: str(r.concluded_by),
      })),
      partiesOf,
      memberships,
    };
  }

  /** Every bloc membership, with its dates. */
  async memberships(): Promise<BlocMembershipFact[]> {
    return (
      await this.run(
        from(this.em, 'bloc_membership').select(
          'bloc_code',
          'member_code',
          'date_joined',
          'date_left',
          'date_bound_until',
        ),
      )
    ).map((r): BlocMembershipFact => ({
      bloc: String(r.bloc_code),
      member: String(r.member_code),
      dateJoined: str(r.date_joined),
      dateLeft: str(r.date_left),
      dateBoundUntil: str(r.date_bound_until),
    }));
  }

  /** Replaces the bindings of the given agreements (all when `ids` is null) by `bindings`. */
  async replace(ids: number[] | null, bindings: Binding[]): Promise<void> {
    const removed = from(this.em, 'agreement_binding').delete();
    await this.run(ids ? removed.whereIn('agreement_id', ids) : removed);
    for (let i = 0; i < bindings.length; i += INSERT_BATCH) {
      const batch = bindings.slice(i, i + INSERT_BATCH);
      await this.run(
        from(this.em, 'agreement_binding').insert(
          batch.map((b) => ({
            agreement_id: b.agreementId,
            party_code: b.partyCode,
            via: b.via,
            applied_from: b.appliedFrom,
            in_force_from: b.inForceFrom,
            until: b.until,
            in_force_inferred: b.inForceInferred,
            signatory_only: b.signatoryOnly,
            agreement_first_dates: b.agreementFirstDates,
            start_at_latest: b.startAtLatest ?? false,
            suspended_from: b.suspendedFrom ?? null,
            suspended_until: b.suspendedUntil ?? null,
          })),
        ),
      );
    }
  }
}
