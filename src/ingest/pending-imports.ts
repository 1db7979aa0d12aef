import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Agreement } from '../agreements/agreement.entity';
import { writerTurns } from '../database/engines/engines';
import {
  deleteMarkedAgreements,
  markedAgreements,
  publishImport,
  removeImport,
} from './repository/pending-import.repository';
import { PendingImport } from './pending-import.entity';

/**
 * The life of an `import json` written in batches (`json-import.service.ts`): `begin` records the import
 * (`pending_import`), each batch's transaction marks the agreements it creates with the import's id and calls
 * `keepAlive`, the last transaction `publish`es (the mark cleared: every agreement of the file visible at once, see
 * `agreements/repository/agreement-visibility.ts`), and a failure `discard`s what the batches wrote. A process killed midway
 * leaves its row and its marked agreements: `sweepDeadImports` removes them, at start-up and before every import,
 * once the row's `alive_at` is older than DEAD_AFTER_MS (an import of another process may be writing beside a
 * server that starts: the mark's age, not its presence, says the import is dead).
 */

/** How long an import's row may go unrefreshed before it is taken for dead (its batches refresh it every second or so). */
export const PENDING_IMPORT_DEAD_AFTER_MS = 3 * 60_000;

/** The agreements a discard deletes per transaction (each with its provisions, annotations, index rows). */
const DISCARDED_PER_TRANSACTION = 10;

/** Records an import in progress, in a short transaction of its own: its id marks its agreements. */
export async function beginPendingImport(orm: MikroORM, file: string): Promise<number> {
  const now = new Date();
  return (orm.em.fork() as EntityManager).transactional(async (tx) => {
    const row = tx.create(PendingImport, { file, startedAt: now, aliveAt: now });
    await tx.flush();
    return row.id;
  });
}

/** Inside a batch's transaction: the import is alive (not swept by another process). */
export async function keepAlive(tx: EntityManager, id: number): Promise<void> {
  await tx.nativeUpdate(PendingImport, { id }, { aliveAt: new Date() });
}

/** Inside the import's last transaction: its agreements shown, all at once, and its row gone. */
export async function publishPendingImport(tx: EntityManager, id: number): Promise<void> {
  await publishImport(tx, id);
}

/**
 * Deletes what an import wrote (its marked agreements, whose provisions, annotations, parties, bindings and index
 * rows go with them by the foreign keys' cascades), a few agreements per transaction with turns for other
 * writers between them, then its row. Answers the number of agreements deleted.
 */
export async function discardPendingImport(orm: MikroORM, id: number): Promise<number> {
  const turns = writerTurns(orm);
  let deleted = 0;
  for (;;) {
    const n = await (orm.em.fork() as EntityManager).transactional(async (tx) => {
      const ids = await markedAgreements(tx, id, DISCARDED_PER_TRANSACTION);
      if (ids.length) await deleteMarkedAgreements(tx, id, ids);
      else await removeImport(tx, id);
      return ids.length;
    });
    if (!n) return deleted;
    deleted += n;
    await turns.afterCommit();
  }
}

/**
 * Removes the imports whose process died (row not refreshed for `deadAfterMs`) with what they wrote. Answers how
 * many agreements were removed, and of how many imports.
 */
export async function sweepDeadImports(
  orm: MikroORM,
  deadAfterMs = PENDING_IMPORT_DEAD_AFTER_MS,
): Promise<{ imports: number; agreements: number }> {
  const em = orm.em.fork() as EntityManager;
  const dead = await em.find(PendingImport, { aliveAt: { $lt: new Date(Date.now() - deadAfterMs) } });
  let agreements = 0;
  for (const row of dead) agreements += await discardPendingImport(orm, row.id);
  return { imports: dead.length, agreements };
}

/**
 * The agreement the catalogue holds (visible or pending) that a record of that slug or ToTA id would be written
 * onto (the record writer matches by ToTA id, then slug), if any.
 */
export async function heldAgreementOf(
  em: EntityManager,
  key: { slug: string; totaId?: string | null },
): Promise<Pick<Agreement, 'slug' | 'pendingImportId'> | null> {
  return em.findOne(
    Agreement,
    key.totaId ? { $or: [{ slug: key.slug }, { totaId: key.totaId }] } : { slug: key.slug },
    { fields: ['id', 'slug', 'pendingImportId'] },
  );
}
