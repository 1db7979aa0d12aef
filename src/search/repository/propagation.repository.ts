import { EntityManager } from '@mikro-orm/knex';
import { rowsInTransaction } from '../../common/sql';

/** The statements of review propagation (propagation/family-propagation.listener.ts) beyond the entity loads. */

/** "slug/key" of a provision. */
export async function pinpointOfProvision(em: EntityManager, provisionId: number): Promise<string> {
  const [row] = await rowsInTransaction<{ slug: string; key: string }>(
    em,
    em
      .getKnex()
      .select('a.slug', 'p.key')
      .from('provision as p')
      .join('agreement as a', 'a.id', 'p.agreement_id')
      .where('p.id', provisionId),
  );
  return `${row.slug}/${row.key}`;
}

/** Provision id -> its agreement id. */
export async function agreementsOfProvisions(
  em: EntityManager,
  provisionIds: number[],
): Promise<Map<number, number>> {
  if (!provisionIds.length) return new Map();
  const rows = await rowsInTransaction<{ id: number; agreement_id: number }>(
    em,
    em
      .getKnex()
      .select('id', 'agreement_id')
      .from('provision')
      .whereIn('id', [...new Set(provisionIds)]),
  );
  return new Map(rows.map((row) => [Number(row.id), Number(row.agreement_id)]));
}
