import { MikroORM } from '@mikro-orm/core';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { databaseUnavailable } from '../../common/database-unavailable';
import { RequestBudget, runWithBudget } from '../../common/request-budget';
import { SqliteDriverWithBindings, takingTheWriter, WRITER_ANSWER_MARGIN_MS } from './sqlite-driver';

const ROW = [
  "it's 100% \\ ? text",
  new Date(Date.UTC(2026, 11, 3, 18, 0, 0, 123)),
  true,
  null,
  3.5,
  '{"a":[1]}',
];

/** What a row written through `driver` reads back as, with the statements the driver sent. */
async function writtenWith(driver: typeof SqliteDriver | typeof SqliteDriverWithBindings) {
  const orm = await MikroORM.init({
    driver: driver as typeof SqliteDriver,
    dbName: ':memory:',
    entities: [],
    discovery: { warnWhenNoEntities: false },
  });
  const sent: { sql: string; bindings: unknown[] }[] = [];
  try {
    const connection = orm.em.getConnection();
    connection
      .getKnex()
      .on('query', ({ sql, bindings }: { sql: string; bindings?: unknown[] }) =>
        sent.push({ sql, bindings: bindings ?? [] }),
      );
    await connection.execute('create table t (a text, b datetime, c integer, d text, e real, f json)');
    await orm.em.transactional(async (tx) => {
      await tx
        .getConnection()
        .execute(
          'insert into t (a, b, c, d, e, f) values (?, ?, ?, ?, ?, ?)',
          ROW,
          'run',
          tx.getTransactionContext(),
        );
      await tx.getConnection().execute('update t set e = ?', [4.25], 'run', tx.getTransactionContext());
    });
    const rows = await connection.execute('select a, b, typeof(b) as tb, c, typeof(c) as tc, d, e, f from t');
    return { rows, sent: sent.filter((s) => /^(insert|update)/.test(s.sql)) };
  } finally {
    await orm.close();
  }
}

describe('SqliteDriverWithBindings', () => {
  it('writes the rows MikroORM writes, its values as bindings instead of inlined text', async () => {
    const mikro = await writtenWith(SqliteDriver);
    const bound = await writtenWith(SqliteDriverWithBindings);
    expect(bound.rows).toEqual(mikro.rows);
    expect(bound.rows[0]).toMatchObject({
      b: ROW[1]!.valueOf(),
      tb: 'integer',
      c: 1,
      tc: 'integer',
      e: 4.25,
    });
    expect(mikro.sent.map((s) => s.bindings)).toEqual([[], []]);
    expect(bound.sent).toEqual([
      {
        sql: 'insert into t (a, b, c, d, e, f) values (?, ?, ?, ?, ?, ?)',
        bindings: ROW.map((value) => (value instanceof Date ? value.getTime() : value)),
      },
      { sql: 'update t set e = ?', bindings: [4.25] },
    ]);
  });
});

describe('takingTheWriter', () => {
  const busy = () => Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY' });

  it('tries again while SQLite refuses the writer, and begins once it is free', async () => {
    let tries = 0;
    const begun = await takingTheWriter(async () => {
      if (++tries < 4) throw busy();
      return 'begun';
    });
    expect({ begun, tries }).toEqual({ begun: 'begun', tries: 4 });
  });

  it("gives up shortly before the request's deadline with SQLite's SQLITE_BUSY (answered 503 SERVICE_UNAVAILABLE)", async () => {
    let clock = 0;
    let tries = 0;
    const budget = new RequestBudget(1000, 1000, 0);
    const failed = await runWithBudget(budget, () =>
      takingTheWriter(
        async () => {
          tries++;
          clock += 100;
          throw busy();
        },
        () => clock,
      ),
    ).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(databaseUnavailable(failed)?.code).toBe('SERVICE_UNAVAILABLE');
    // Tries every 100 ms of the fake clock until the next try would end past deadline - WRITER_ANSWER_MARGIN_MS.
    expect(clock).toBeLessThanOrEqual(1000 - WRITER_ANSWER_MARGIN_MS);
    expect(tries).toBeGreaterThan(1);
  });

  it('throws any other failure at once', async () => {
    let tries = 0;
    const failed = await takingTheWriter(async () => {
      tries++;
      throw new Error('SQLITE_CANTOPEN');
    }).catch((error: unknown) => (error as Error).message);
    expect({ failed, tries }).toEqual({ failed: 'SQLITE_CANTOPEN', tries: 1 });
  });
});
