import { EntityManager } from '@mikro-orm/knex';
import { inList } from '../common/sql';
import { Binding, BindingAgreement, BindingPartyRow, BlocMembershipFact, computeBindings } from './binding';

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const INSERT_BATCH = 200;

/**
 * Recomputes `agreement_binding` for the given agreements (all when `ids` is null) from the rows the catalogue
 * holds, inside the caller's transaction. Called by the flush subscriber whenever an agreement, its parties or a
 * bloc membership changes.
 */
export async function refreshBindings(em: EntityManager, ids: number[] | null): Promise<void> {
  if (ids && !ids.length) return;
  const run = (sql: string, params: unknown[] = []) =>
    em.getConnection().execute<Row[]>(sql, params, 'all', em.getTransactionContext());
  const scope = ids ? inList(ids) : null;
  const where = (column: string) => (scope ? ` where ${column} in ${scope.sql}` : '');
  const params = scope?.params ?? [];
  const agreements = await run(
    `select "id", "status", "date_signed", "date_provisionally_applied", "date_in_force", "date_terminated" from agreement${where('"id"')}`,
    params,
  );
  const parties = await run(
    `select ap."agreement_id", ap."party_code", ap."role", ap."date_joined", ap."date_withdrawn", ap."withdrawn",
            ap."date_signed", ap."date_provisionally_applied", ap."date_in_force", p."territory_of"
     from agreement_party ap join party p on p."code" = ap."party_code"${where('ap."agreement_id"')}`,
    params,
  );
  const memberships = (
    await run(
      `select "bloc_code", "member_code", "date_joined", "date_left", "date_bound_until" from bloc_membership`,
    )
  ).map((r): BlocMembershipFact => ({
    bloc: String(r.bloc_code),
    member: String(r.member_code),
    dateJoined: str(r.date_joined),
    dateLeft: str(r.date_left),
    dateBoundUntil: str(r.date_bound_until),
  }));
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
      dateSigned: str(r.date_signed),
      dateProvisionallyApplied: str(r.date_provisionally_applied),
      dateInForce: str(r.date_in_force),
      territoryOf: str(r.territory_of),
    });
    partiesOf.set(id, list);
  }
  const bindings: Binding[] = agreements.flatMap((r) => {
    const agreement: BindingAgreement = {
      id: Number(r.id),
      status: String(r.status),
      dateSigned: str(r.date_signed),
      dateProvisionallyApplied: str(r.date_provisionally_applied),
      dateInForce: str(r.date_in_force),
      dateTerminated: str(r.date_terminated),
    };
    return computeBindings(agreement, partiesOf.get(agreement.id) ?? [], memberships);
  });
  await run(`delete from agreement_binding${where('"agreement_id"')}`, params);
  for (let i = 0; i < bindings.length; i += INSERT_BATCH) {
    const batch = bindings.slice(i, i + INSERT_BATCH);
    await run(
      `insert into agreement_binding ("agreement_id", "party_code", "via", "applied_from", "in_force_from", "until", "in_force_inferred") values ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      batch.flatMap((b) => [
        b.agreementId,
        b.partyCode,
        b.via,
        b.appliedFrom,
        b.inForceFrom,
        b.until,
        b.inForceInferred,
      ]),
    );
  }
}
