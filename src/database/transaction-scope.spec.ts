import { MikroORM, TransactionContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { currentScope, runInScope } from '../common/request-scope';
import { openMigratedSqlite } from '../../test/support/migrated-sqlite';

/**
 * MikroORM's transaction context is kept in the request's scope (`keepTransactionsInRequestScope`): its own
 * AsyncLocalStorage, once enabled, cost every promise of the process a step of its hook (Node 20).
 */
describe("MikroORM's transaction context, kept in the request's scope", () => {
  let db: Awaited<ReturnType<typeof openMigratedSqlite>>;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await openMigratedSqlite('transaction-scope');
    orm = db.orm;
  });
  afterAll(async () => {
    await db.close();
  });

  it("gives a transaction's work its entity manager through awaits, nested ones too, and keeps the request's scope", async () => {
    const em = orm.em.fork() as EntityManager;
    const budget = { name: 'the request budget' };
    const seen = await runInScope({ budget }, () =>
      em.transactional(async (outer) => {
        await new Promise((done) => setTimeout(done, 1));
        const inOuter = [TransactionContext.getEntityManager(outer.name), currentScope()?.budget];
        const inInner = await outer.transactional(async (inner) => {
          await Promise.resolve();
          return [TransactionContext.getEntityManager(inner.name), inner];
        });
        await Promise.resolve();
        return { inOuter, inInner, outer, afterInner: TransactionContext.getEntityManager(outer.name) };
      }),
    );
    expect(seen.inOuter).toEqual([seen.outer, budget]);
    expect(seen.inInner[0]).toBe(seen.inInner[1]);
    expect(seen.afterInner).toBe(seen.outer);
    expect(TransactionContext.getEntityManager(em.name)).toBeUndefined();
    const storage = (TransactionContext as unknown as { storage: { enabled: boolean } }).storage;
    expect(storage.enabled).toBe(false);
  });
});
