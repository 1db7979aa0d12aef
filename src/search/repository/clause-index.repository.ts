import { EntityManager } from '@mikro-orm/knex';

/** The statements of the in-memory clause index (wording/clause-index.service.ts). */

export interface ClauseSourceRow {
  id: number;
  agreement_id: number;
  text: string | null;
  summary: string | null;
}

/** The next `limit` provisions after id `after`, in id order, with what the index compares. */
export function clauseSourcesAfter(
  em: EntityManager,
  after: number,
  limit: number,
): Promise<ClauseSourceRow[]> {
  return em
    .getConnection()
    .execute<ClauseSourceRow[]>(
      `select "id", "agreement_id", "text", "summary" from "provision" where "id" > ? order by "id" limit ${Number(limit)}`,
      [after],
    );
}

export interface CatalogueStamp {
  provisions: number;
  lastProvision: number;
  lastEvent: number;
}

/**
 * The number of provisions, the last provision id and the last audit event id of a provision or an agreement
 * (which every provision mutation writes; annotation reviews leave it alone): two statements, about a millisecond.
 */
export async function catalogueStamp(em: EntityManager): Promise<CatalogueStamp> {
  const conn = em.getConnection();
  const [provisions] = await conn.execute<{ n: number; m: number | null }[]>(
    'select count(*) as "n", max("id") as "m" from "provision"',
  );
  const [events] = await conn.execute<{ m: number | null }[]>(
    `select max("id") as "m" from "audit_event" where "entity_type" in ('Provision', 'Agreement')`,
  );
  return {
    provisions: Number(provisions.n),
    lastProvision: Number(provisions.m ?? 0),
    lastEvent: Number(events.m ?? 0),
  };
}
