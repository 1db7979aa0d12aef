import { EntityManager } from '@mikro-orm/knex';
import { from, readInTransaction, writeInTransaction } from '../../common/sql';

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
