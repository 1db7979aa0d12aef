import { EntityManager } from '@mikro-orm/knex';
import { SqlCondition } from '../../../common/sql';
import { AllRows } from '../deadline';
import { SearchTimeoutError } from '../search-timeout.error';

const QUERY_CANCELED = '57014';

/** Runs the statements in a transaction of their own with `statement_timeout` set to the limit. */
export async function withPostgresDeadline<T>(
  em: EntityManager,
  limitMs: number,
  work: (all: AllRows) => Promise<T>,
): Promise<T> {
  try {
    return await em.fork().transactional(async (tx) => {
      await tx.execute(`set local statement_timeout = ${Math.max(1, Math.round(limitMs))}`, [], 'run');
      const all: AllRows = <R>({ sql, params }: SqlCondition) => tx.execute<R[]>(sql, params);
      return work(all);
    });
  } catch (error) {
    if (hasCode(error, QUERY_CANCELED)) throw new SearchTimeoutError(limitMs);
    throw error;
  }
}

/** MikroORM wraps driver errors: the PostgreSQL code is on the error or on its cause. */
function hasCode(error: unknown, code: string): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === code) return true;
  }
  return false;
}
