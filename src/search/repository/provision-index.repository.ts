import { EntityManager } from '@mikro-orm/knex';
import { rowsInTransaction, writeInTransaction } from '../../common/sql';
import { ProvisionSource } from '../sync/provision-index-rows';

/** The statements that read provisions for the search and similarity indexes and write those indexes' rows. */

const SOURCE_COLUMNS = [
  'p.id',
  'p.chapter_title',
  'p.section_title',
  'p.article_number',
  'p.article_title',
  'p.text',
  'p.summary',
];
/** 500 rows of three columns stay far below SQLite's and PostgreSQL's limits on bindings per statement. */
const ROWS_PER_INSERT = 500;

/** Removes the rows of these provisions from an index table keyed by `provision_id`. */
export async function deleteIndexRows(
  em: EntityManager,
  table: string,
  ids: readonly number[],
): Promise<void> {
  await writeInTransaction(
    em,
    em
      .getKnex()
      .from(table)
      .whereIn('provision_id', [...ids])
      .delete(),
  );
}

/** Empties an index table. */
export async function deleteAllIndexRows(em: EntityManager, table: string): Promise<void> {
  await rowsInTransaction(em, em.getKnex().from(table).delete());
}

/** The indexed columns of these provisions. */
export function provisionSources(em: EntityManager, ids: readonly number[]): Promise<ProvisionSource[]> {
  return rowsInTransaction<ProvisionSource>(
    em,
    em
      .getKnex()
      .select(SOURCE_COLUMNS)
      .from('provision as p')
      .whereIn('p.id', [...ids]),
  );
}

/** The indexed columns of the next `limit` provisions after id `after`, in id order. */
export function provisionSourcesAfter(
  em: EntityManager,
  after: number,
  limit: number,
): Promise<ProvisionSource[]> {
  return rowsInTransaction<ProvisionSource>(
    em,
    em
      .getKnex()
      .select(SOURCE_COLUMNS)
      .from('provision as p')
      .where('p.id', '>', after)
      .orderBy('p.id')
      .limit(Number(limit)),
  );
}

/** Inserts rows into an index table, a few hundred per statement, their values as bindings. */
export async function insertRows(
  em: EntityManager,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows
      .slice(start, start + ROWS_PER_INSERT)
      .map((row) => Object.fromEntries(columns.map((column, i) => [column, row[i]])));
    await writeInTransaction(em, em.getKnex().insert(chunk).into(table));
  }
}
