import { EntityManager } from '@mikro-orm/knex';
import { rowsInTransaction } from '../../common/sql';

export type DbRow = Record<string, unknown>;

/** The rows of whole agreement records, one table at a time. */
export interface AgreementRecordRows {
  agreements: DbRow[];
  types: DbRow[];
  parties: DbRow[];
  /** `from_id`, `kind` and the target's `slug`. */
  relations: DbRow[];
  provisions: DbRow[];
  annotations: DbRow[];
}

/**
 * The statements that read whole agreement records (`export agreements`, the record of one agreement): one
 * plain query per table for all the agreements, no entities. Inside a transaction the queries run on its
 * connection, one after another.
 */
export class AgreementRecordRepository {
  constructor(private readonly em: EntityManager) {}

  async rows(ids: number[]): Promise<AgreementRecordRows> {
    const knex = this.em.getKnex();
    const rows = (query: ReturnType<typeof knex.select>) => rowsInTransaction<DbRow>(this.em, query);
    const agreements = await rows(knex.select('*').from('agreement').whereIn('id', ids));
    const types = await rows(
      knex.select('*').from('agreement_type').whereIn('agreement_id', ids).orderBy('type'),
    );
    const parties = await rows(
      knex.select('*').from('agreement_party').whereIn('agreement_id', ids).orderBy('id'),
    );
    const relations = await rows(
      knex
        .select('r.from_id', 'r.kind', 't.slug')
        .from('agreement_relation as r')
        .join('agreement as t', 't.id', 'r.to_id')
        .whereIn('r.from_id', ids)
        .orderBy('r.id'),
    );
    const provisions = await rows(
      knex.select('*').from('provision').whereIn('agreement_id', ids).orderBy(['position', 'id']),
    );
    const annotations = await rows(
      knex
        .select('a.*')
        .from('annotation as a')
        .join('provision as p', 'p.id', 'a.provision_id')
        .whereIn('p.agreement_id', ids)
        .orderBy('a.id'),
    );
    return { agreements, types, parties, relations, provisions, annotations };
  }
}
