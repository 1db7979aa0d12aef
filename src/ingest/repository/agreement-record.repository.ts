import { EntityManager } from '@mikro-orm/knex';
import { LineCell, rowsInTransaction, selectLine } from '../../common/sql';
import { columnName } from '../../agreements/agreement-fields';
import { engineOf } from '../../database/engines/engines';
import { PROVISION_FIELDS } from '../../provisions/provision-fields';

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

/** The PROVISION_FIELDS of a record's provision, on the provision `p`. */
const PROVISION_CELLS: readonly LineCell[] = PROVISION_FIELDS.map((field) => ({
  name: field,
  columns: [`p.${columnName(field)}`],
  ...(field === 'position' ? { integer: true as const } : {}),
}));

/**
 * A provision of a whole record as the database writes it: `line` is the JSON object of its PROVISION_FIELDS,
 * left open after the last one's `,` (its annotations follow); bytes on SQLite, text on PostgreSQL.
 */
export interface ProvisionRecordLine {
  id: number;
  agreement_id: number;
  line: Buffer | string;
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
    const rest = await this.rowsButProvisions(ids);
    const provisions = await rowsInTransaction<DbRow>(
      this.em,
      knex.select('*').from('provision').whereIn('agreement_id', ids).orderBy(['position', 'id']),
    );
    return { ...rest, provisions };
  }

  /**
   * The rows of whole records but their provisions, which come as JSON lines the database writes (see
   * ProvisionRecordLine), in record order: what the export writes without making an object per provision.
   */
  async lineRows(
    ids: number[],
  ): Promise<Omit<AgreementRecordRows, 'provisions'> & { provisions: ProvisionRecordLine[] }> {
    const rest = await this.rowsButProvisions(ids);
    const knex = this.em.getKnex();
    const query = selectLine(knex.queryBuilder(), engineOf(this.em).lineSql, 'json', PROVISION_CELLS, 'line')
      .select('p.id', 'p.agreement_id')
      .from({ p: 'provision' })
      .whereIn('p.agreement_id', ids)
      .orderBy(['p.agreement_id', 'p.position', 'p.id']);
    const provisions = await rowsInTransaction<ProvisionRecordLine>(this.em, query);
    return { ...rest, provisions };
  }

  private async rowsButProvisions(ids: number[]): Promise<Omit<AgreementRecordRows, 'provisions'>> {
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
    const annotations = await rows(
      knex
        .select('a.*')
        .from('annotation as a')
        .join('provision as p', 'p.id', 'a.provision_id')
        .whereIn('p.agreement_id', ids)
        .orderBy('a.id'),
    );
    return { agreements, types, parties, relations, annotations };
  }
}
