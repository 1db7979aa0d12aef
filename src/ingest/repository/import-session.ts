import { MikroORM } from '@mikro-orm/core';
import { parseDatabaseUrl } from '../../config';

/**
 * On SQLite, `synchronous = NORMAL` while `work` runs: in WAL mode each agreement's commit then no longer waits
 * for the disk (a power cut could lose the last agreements written, never corrupt the file or split one
 * agreement's transaction), which spares one sync per file of the import. The setting is restored afterwards.
 * SQLite uses one pooled connection, so the setting applies to the import's transactions. Nothing on PostgreSQL.
 */
export async function withFewerSyncs<T>(orm: MikroORM, work: () => Promise<T>): Promise<T> {
  if (parseDatabaseUrl().driver !== 'sqlite') return work();
  const connection = orm.em.getConnection();
  const [{ synchronous }] = await connection.execute<{ synchronous: number }[]>('pragma synchronous');
  await connection.execute('pragma synchronous = normal');
  try {
    return await work();
  } finally {
    await connection.execute(`pragma synchronous = ${Number(synchronous)}`);
  }
}
