import { EntityManager } from '@mikro-orm/knex';
import { inList } from '../../common/sql';

/** The statements of review propagation (propagation/family-propagation.listener.ts) beyond the entity loads. */

/** "slug/key" of a provision. */
export async function pinpointOfProvision(em: EntityManager, provisionId: number): Promise<string> {
  const [row] = await em.execute<{ slug: string; key: string }[]>(
    `select a."slug", p."key" from "provision" p join "agreement" a on a."id" = p."agreement_id" where p."id" = ?`,
    [provisionId],
  );
  return `${row.slug}/${row.key}`;
}

/** Provision id -> its agreement id. */
export async function agreementsOfProvisions(
  em: EntityManager,
  provisionIds: number[],
): Promise<Map<number, number>> {
  if (!provisionIds.length) return new Map();
  const list = inList([...new Set(provisionIds)]);
  const rows = await em.execute<{ id: number; agreement_id: number }[]>(
    `select "id", "agreement_id" from "provision" where "id" in ${list.sql}`,
    list.params,
  );
  return new Map(rows.map((row) => [Number(row.id), Number(row.agreement_id)]));
}
