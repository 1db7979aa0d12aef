import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Agreement } from '../agreements/agreement.entity';
import { writerTurns } from '../database/engines/engines';
import {
  anythingToSweep,
  claimDeadImports,
  deleteMarkedAgreements,
  markedAgreements,
  orphanedImports,
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
 * server that starts: the mark's age, not its presence, says the import is dead). Every transaction of the import,
 * its last one too, begins with `keepAlive`, which holds its row to the transaction's end (PostgreSQL: the sweep
 * skips a row held, so a last transaction longer than DEAD_AFTER_MS is not taken for dead) and fails once a sweep
 * has removed it (an import stalled past DEAD_AFTER_MS between two transactions then stops, and writes no part of
 * its file).
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

/**
 * First in each of the import's transactions: the import is alive, and its row is held to the transaction's end (the
 * update's row lock on PostgreSQL; SQLite's writer), so that no sweep claims it meanwhile. Throws ImportSweptError
 * when the row is gone: a sweep took the import for dead and removes what it wrote.
 */
export async function keepAlive(tx: EntityManager, id: number): Promise<void> {
  if (!(await tx.nativeUpdate(PendingImport, { id }, { aliveAt: new Date() })))
    throw new ImportSweptError(id);
}

/** The import's row is gone: a sweep took it for dead (no sign of life for DEAD_AFTER_MS) and removes its rows. */
export class ImportSweptError extends Error {
  constructor(id: number) {
    super(
      `import ${id} gave no sign of life for ${PENDING_IMPORT_DEAD_AFTER_MS / 60_000} minutes and was taken for dead ` +
        'and removed by a sweep (another process, or a start); nothing of the file is imported: import it again',
    );
  }
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
 * Removes the imports whose process died (row not refreshed for `deadAfterMs`, and held by no transaction) with what
 * they wrote, looked for first outside any transaction: their rows claimed and deleted first, in one short
 * transaction (the import, should it be alive after all, then fails at its next transaction), then their agreements
 * by their marks, a few per transaction; marks a sweep stopped midway left are removed too. Answers how many
 * agreements were removed, and of how many imports.
 */
export async function sweepDeadImports(
  orm: MikroORM,
  deadAfterMs = PENDING_IMPORT_DEAD_AFTER_MS,
): Promise<{ imports: number; agreements: number }> {
  const aliveBefore = new Date(Date.now() - deadAfterMs);
  if (!(await anythingToSweep(orm.em.fork() as EntityManager, aliveBefore)))
    return { imports: 0, agreements: 0 };
  const dead = await (orm.em.fork() as EntityManager).transactional(async (tx) => [
    ...(await claimDeadImports(tx, aliveBefore)),
    ...(await orphanedImports(tx)),
  ]);
  let agreements = 0;
  for (const id of dead) agreements += await discardPendingImport(orm, id);
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
