import { EntityManager } from '@mikro-orm/knex';
import { ConflictError, shown } from '../../common/errors';
import { from, readInTransaction } from '../../common/sql';

/**
 * The one rule of who may write an agreement that an `import json` is still writing (marked with its
 * `pending_import_id`, invisible to every reader: `agreement-visibility.ts`): that import alone. Every other write
 * that would land on it is refused with a PendingAgreementError naming the import, whatever its door: a record of
 * `import tota`, `import text` or another `import json` matched to it by ToTA id or slug, a relation pointing at it,
 * and the API's mutations naming its slug (`createAgreement`, `updateAgreement`, its provisions and annotations).
 * The writer is told to try again once the import has ended: its agreements are then shown, or removed with it.
 * Waiting instead would hold a file's transaction (and on SQLite the database's writer) for as long as the other
 * import runs.
 */

/** A write refused because an import in progress is writing the agreement (`CONFLICT`). */
export class PendingAgreementError extends ConflictError {
  constructor(slug: string, pendingImport: { id: number; file: string | null }) {
    super(
      `agreement "${shown(slug)}" is being written by an import in progress (import ${pendingImport.id}` +
        `${pendingImport.file === null ? '' : ` of "${shown(pendingImport.file)}"`}); nothing was written: try ` +
        'again once that import has ended',
      { refusal: 'pendingImport', pendingImport: pendingImport.id },
    );
  }
}

/**
 * Throws PendingAgreementError when `agreement` is marked by an import other than `ownImport` (the import whose
 * last transaction writes its own agreements' relations). Inside the caller's transaction.
 */
export async function refuseWriteIfPending(
  em: EntityManager,
  agreement: { slug: string; pendingImportId: number | null },
  ownImport?: number,
): Promise<void> {
  const id = agreement.pendingImportId;
  if (id === null || id === undefined || id === ownImport) return;
  throw new PendingAgreementError(agreement.slug, { id, file: await pendingImportFile(em, id) });
}

/**
 * For a write that found no visible agreement of this slug: throws PendingAgreementError when an import in
 * progress is writing one (the caller answers its NOT_FOUND otherwise).
 */
export async function refuseWriteToPendingSlug(em: EntityManager, slug: string): Promise<void> {
  const [row] = await readInTransaction<{ pending_import_id: number | null }>(
    em,
    from(em, 'agreement').select('pending_import_id').where('slug', slug).limit(1),
  );
  if (row?.pending_import_id != null)
    await refuseWriteIfPending(em, { slug, pendingImportId: Number(row.pending_import_id) });
}

/**
 * An import's check of a record's relations before it writes anything: one pointing at an agreement another import
 * in progress is writing (the file's own agreements aside) throws PendingAgreementError now, in the words the write
 * would use, rather than after all the file's work; the write checks again under its lock (`writeRelations`), for
 * an import begun since.
 */
export async function refuseRelationsToPending(
  em: EntityManager,
  related: readonly { slug: string }[],
  ownSlugs: ReadonlySet<string>,
): Promise<void> {
  for (const slug of new Set(related.map((link) => link.slug)))
    if (!ownSlugs.has(slug)) await refuseWriteToPendingSlug(em, slug);
}

/** The file the import reads, or null once its row is gone (it ended, or was swept). */
async function pendingImportFile(em: EntityManager, id: number): Promise<string | null> {
  const [row] = await readInTransaction<{ file: string }>(
    em,
    from(em, 'pending_import').select('file').where('id', id),
  );
  return row?.file ?? null;
}
