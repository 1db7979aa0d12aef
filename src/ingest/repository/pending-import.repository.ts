import { EntityManager, Knex } from '@mikro-orm/knex';
import { from, readInTransaction, rowsOf, writeInTransaction } from '../../common/sql';
import { engineOf } from '../../database/engines/engines';

/** The statements of an `import json` in batches (`ingest/pending-imports.ts`), inside the caller's transaction. */

/** Shows the import's agreements (the mark cleared) and removes its row. */
export async function publishImport(tx: EntityManager, id: number): Promise<void> {
  await writeInTransaction(
    tx,
    from(tx, 'agreement').update({ pending_import_id: null }).where('pending_import_id', id),
  );
  await removeImport(tx, id);
}

/** Up to `limit` agreements the import marked. */
export async function markedAgreements(tx: EntityManager, id: number, limit: number): Promise<number[]> {
  const rows = await readInTransaction<{ id: number }>(
    tx,
    from(tx, 'agreement').select('id').where('pending_import_id', id).limit(Number(limit)),
  );
  return rows.map((row) => Number(row.id));
}

/**
 * Deletes those of these agreements that the import still marks (what hangs from them goes by the foreign keys'
 * cascades). The mark is checked again as the rows are deleted: on PostgreSQL a sweep may have read the ids just
 * before the import's last transaction published them, and its delete, waiting on their locks, then finds them
 * published and leaves them.
 */
export async function deleteMarkedAgreements(
  tx: EntityManager,
  importId: number,
  ids: readonly number[],
): Promise<void> {
  await writeInTransaction(
    tx,
    from(tx, 'agreement')
      .delete()
      .whereIn('id', [...ids])
      .where('pending_import_id', importId),
  );
}

/** Removes the import's row. */
export async function removeImport(tx: EntityManager, id: number): Promise<void> {
  await writeInTransaction(tx, from(tx, 'pending_import').delete().where('id', id));
}

/**
 * Claims the imports taken for dead (row refreshed before `aliveBefore`) that no transaction holds, and deletes their
 * rows: what they wrote is then deleted by its marks (`orphanedImports` finds those of a sweep stopped midway).
 * On PostgreSQL an import's batches and its last transaction hold its row from their first statement (`keepAlive`)
 * to their end, so that an import at work is never claimed, however long its last transaction (`SKIP LOCKED`:
 * the sweep does not wait for it either). Answers the ids claimed.
 */
export async function claimDeadImports(tx: EntityManager, aliveBefore: Date): Promise<number[]> {
  const rows = await readInTransaction<{ id: number }>(
    tx,
    engineOf(tx).claimRows(deadImports(tx, aliveBefore)),
  );
  const ids = rows.map((row) => Number(row.id));
  if (ids.length) await writeInTransaction(tx, from(tx, 'pending_import').delete().whereIn('id', ids));
  return ids;
}

/** The imports whose agreements are still marked once their row is gone: claimed by a sweep that then stopped. */
export async function orphanedImports(tx: EntityManager): Promise<number[]> {
  const rows = await readInTransaction<{ id: number }>(tx, orphanMarks(tx));
  return rows.map((row) => Number(row.id));
}

/**
 * Whether a sweep has anything to do (a dead import's row, or marks with no row), read outside any transaction: on
 * SQLite a transaction takes the writer, which an import refused by its checks never takes, nor a start with
 * nothing to sweep.
 */
export async function anythingToSweep(em: EntityManager, aliveBefore: Date): Promise<boolean> {
  const [dead] = await rowsOf(em, deadImports(em, aliveBefore).limit(1));
  if (dead) return true;
  const [orphan] = await rowsOf(em, orphanMarks(em).limit(1));
  return Boolean(orphan);
}

function deadImports(em: EntityManager, aliveBefore: Date): Knex.QueryBuilder {
  return from(em, 'pending_import')
    .select('id')
    .where('alive_at', '<', em.getPlatform().processDateProperty(aliveBefore) as Date);
}

function orphanMarks(em: EntityManager): Knex.QueryBuilder {
  return from(em, 'agreement')
    .distinct('pending_import_id as id')
    .whereNotNull('pending_import_id')
    .whereNotIn('pending_import_id', (sub) => sub.select('id').from('pending_import'));
}
