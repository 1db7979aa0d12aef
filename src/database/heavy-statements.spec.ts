import { MikroORM } from '@mikro-orm/core';
import { RequestBudget, runWithBudget } from '../common/request-budget';
import { HeavyStatements } from './heavy-statements';

/** A knex client of one pool: counts the connections taken and not yet given back. */
function fakeOrm() {
  const pool = { taken: 0, most: 0 };
  const client = {
    acquireConnection: async () => {
      pool.taken++;
      pool.most = Math.max(pool.most, pool.taken);
      return {};
    },
    releaseConnection: async () => {
      pool.taken--;
    },
  };
  const orm = { em: { getKnex: () => ({ client }) } } as unknown as MikroORM;
  return { orm, client, pool };
}

/** One statement: takes a connection, holds it for a few turns of the event loop, gives it back. */
async function statement(client: {
  acquireConnection(): Promise<object>;
  releaseConnection(c: object): Promise<void>;
}) {
  const connection = await client.acquireConnection();
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  await client.releaseConnection(connection);
}

describe('HeavyStatements', () => {
  it('lets the statements of streamed downloads take the database one at a time, and cheap reads pass', async () => {
    const { orm, client, pool } = fakeOrm();
    new HeavyStatements(orm).onModuleInit();
    const downloads = [1, 2, 3].map(() => {
      const budget = new RequestBudget();
      budget.lift();
      return budget;
    });
    // Each download reads its next page while the others read theirs.
    await Promise.all(downloads.map((budget) => runWithBudget(budget, () => statement(client))));
    expect(pool.most).toBe(1);
    // A cheap read (no turn, not streaming) is not queued: it takes its connection beside a download's.
    pool.most = 0;
    await Promise.all([
      runWithBudget(downloads[0], () => statement(client)),
      runWithBudget(new RequestBudget(), () => statement(client)),
    ]);
    expect(pool.most).toBe(2);
  });
});
