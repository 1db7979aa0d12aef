import { EntityManager } from '@mikro-orm/knex';
import { ofVisibleAgreement, visibleAgreement } from '../../agreements/repository/agreement-visibility';
import { rowsOf } from '../../common/sql';

/** The statements of the in-memory clause index (wording/clause-index.service.ts). */

export interface ClauseSourceRow {
  id: number;
  agreement_id: number;
  text: string | null;
  summary: string | null;
  /** The agreement's signature date. */
  date_signed: string | null;
}

/** The next `limit` provisions after id `after`, in id order, with what the index compares and their agreement's date. */
export function clauseSourcesAfter(
  em: EntityManager,
  after: number,
  limit: number,
): Promise<ClauseSourceRow[]> {
  return rowsOf<ClauseSourceRow>(
    em,
    em
      .getKnex()
      .select('p.id', 'p.agreement_id', 'p.text', 'p.summary', 'a.date_signed')
      .from('provision as p')
      .join('agreement as a', 'a.id', 'p.agreement_id')
      .where(visibleAgreement('a'))
      .where('p.id', '>', after)
      .orderBy('p.id')
      .limit(Number(limit)),
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
  const knex = em.getKnex();
  const [provisions] = await rowsOf<{ n: number; m: number | null }>(
    em,
    knex
      .from('provision as p')
      .count({ n: '*' })
      .max({ m: 'p.id' })
      .where(ofVisibleAgreement('p.agreement_id')),
  );
  const [events] = await rowsOf<{ m: number | null }>(
    em,
    knex.from('audit_event').max({ m: 'id' }).whereIn('entity_type', ['Provision', 'Agreement']),
  );
  return {
    provisions: Number(provisions.n),
    lastProvision: Number(provisions.m ?? 0),
    lastEvent: Number(events.m ?? 0),
  };
}
