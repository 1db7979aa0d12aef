import { EntityManager } from '@mikro-orm/knex';
import { SqlCondition } from '../../../common/sql';
import { AllRows } from '../deadline';
import { SearchTimeoutError } from '../search-timeout.error';

/** The parts of a node-sqlite3 Database used here. */
interface RawSqlite {
  all(sql: string, params: unknown[], callback: (error: Error | null, rows: unknown[]) => void): void;
  interrupt(): void;
}

interface KnexClient {
  acquireConnection(): Promise<RawSqlite>;
  releaseConnection(connection: RawSqlite): Promise<void>;
}

/**
 * Runs statements on a pooled SQLite connection of its own, and interrupts them (sqlite3_interrupt) once
 * `limitMs` have passed: SQLite has no statement timeout, and node-sqlite3 exposes no progress handler. The
 * connection is held for the whole run, so the interrupt can only stop these statements.
 */
export async function withSqliteDeadline<T>(
  em: EntityManager,
  limitMs: number,
  work: (all: AllRows) => Promise<T>,
): Promise<T> {
  const client = (em.getKnex() as unknown as { client: KnexClient }).client;
  const connection = await client.acquireConnection();
  let interrupted = false;
  const timer = setTimeout(() => {
    interrupted = true;
    connection.interrupt();
  }, limitMs);
  const all: AllRows = <R>({ sql, params }: SqlCondition) =>
    new Promise<R[]>((resolve, reject) =>
      connection.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as R[]))),
    );
  try {
    return await work(all);
  } catch (error) {
    if (interrupted && (error as { code?: string }).code === 'SQLITE_INTERRUPT') {
      throw new SearchTimeoutError(limitMs);
    }
    throw error;
  } finally {
    clearTimeout(timer);
    await client.releaseConnection(connection);
  }
}
