import { MikroORM } from '@mikro-orm/core';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { EntityManager } from '@mikro-orm/knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOnlySnapshot } from './engines';
import { databaseUnavailable } from '../../common/database-unavailable';
import { RequestBudget, runWithBudget } from '../../common/request-budget';
import {
  SqliteDriverWithBindings,
  takingTheWriter,
  WRITER_ANSWER_MARGIN_MS,
  WRITER_HELD_BEFORE_TURN_MS,
  WRITER_TURN_MS,
  WriterTurns,
} from './sqlite-driver';

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

  // A clock that stands still: the tries are counted, whatever the machine's load makes of the waits between them
  // (the machine's clock gave up once SQLITE_BUSY_TIMEOUT_MS had passed, however few the tries).
  const stillClock = () => 0;

  it('tries again while SQLite refuses the writer, and begins once it is free', async () => {
    let tries = 0;
    const begun = await takingTheWriter(async () => {
      if (++tries < 4) throw busy();
      return 'begun';
    }, stillClock);
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
          clock += 10;
          throw busy();
        },
        () => clock,
      ),
    ).catch((error: unknown) => error);
    expect(failed).toMatchObject({ code: 'SQLITE_BUSY' });
    expect(databaseUnavailable(failed)?.code).toBe('SERVICE_UNAVAILABLE');
    // Tries every 10 ms of the fake clock until the next try would end past deadline - WRITER_ANSWER_MARGIN_MS.
    expect(clock).toBeLessThanOrEqual(1000 - WRITER_ANSWER_MARGIN_MS);
    expect(tries).toBeGreaterThan(1);
  });

  it('raises the writer-wanted sign at each refusal, and not when it begins at once', async () => {
    let tries = 0;
    let raised = 0;
    await takingTheWriter(
      async () => {
        if (++tries < 3) throw busy();
      },
      stillClock,
      () => raised++,
    );
    await takingTheWriter(
      async () => {},
      stillClock,
      () => raised++,
    );
    expect({ tries, raised }).toEqual({ tries: 3, raised: 2 });
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

describe('WriterTurns', () => {
  /** A run of `commits` transactions, one every `everyMs` of a fake clock; `during(i)` runs before the i-th ends. */
  async function run(
    sign: () => string | null | undefined,
    commits: number,
    everyMs: number,
    during: (i: number) => void = () => {},
  ) {
    let clock = 0;
    const turnsAt: number[] = [];
    const turns = new WriterTurns({
      sign: { read: sign },
      now: () => clock,
      wait: async (ms) => {
        turnsAt.push(clock);
        clock += ms;
      },
    });
    for (let i = 1; i <= commits; i++) {
      during(i);
      clock += everyMs;
      await turns.afterCommit();
    }
    return turnsAt;
  }

  it('takes no turn while nobody waits: no sign, or the one there since before the run', async () => {
    // Before: a turn of WRITER_TURN_MS after each second held, whoever waited (3 in these 3.5 s).
    expect(await run(() => null, 35, 100)).toEqual([]);
    expect(await run(() => '7:12:1765000000000000000', 35, 100)).toEqual([]);
  });

  it('takes a turn once the writer was held a second after the sign was raised, and each second while it is', async () => {
    let sign = 0;
    // Raised once before the fifth commit (0.5 s), then before every commit from the 25th (2.5 s) on.
    const turnsAt = await run(
      () => `1:${sign}:0`,
      40,
      100,
      (i) => (i === 5 || i >= 25 ? sign++ : undefined),
    );
    // At 1 s (held since the start, raised at 0.5 s); none from 1.058 s until the sign is raised again at 2.558 s,
    // although the writer was held a second by 2.158 s; then a second after that turn's end, 3.616 s.
    expect([WRITER_HELD_BEFORE_TURN_MS, WRITER_TURN_MS]).toEqual([1000, 58]);
    expect(turnsAt).toEqual([1000, 2558, 3616]);
  });

  it('takes its turns every second as before when the sign cannot be read', async () => {
    expect(await run(() => undefined, 35, 100)).toHaveLength(3);
  });
});

describe('a read-only transaction (readOnlySnapshot)', () => {
  it('takes no writer, is refused any write by SQLite, and leaves its connection writable once it ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-read-only-'));
    const dbName = join(dir, 'db.sqlite');
    const open = () =>
      MikroORM.init({
        driver: SqliteDriverWithBindings as unknown as typeof SqliteDriver,
        dbName,
        entities: [],
        discovery: { warnWhenNoEntities: false },
      });
    const orm = await open();
    const other = await open();
    try {
      const connection = orm.em.getConnection();
      await connection.execute('pragma journal_mode = WAL');
      await connection.execute('create table t (a integer)');
      await connection.execute('insert into t values (1)', [], 'run');
      let opened!: () => void;
      const isOpen = new Promise<void>((resolve) => (opened = resolve));
      let wrote!: () => void;
      const otherWrote = new Promise<void>((resolve) => (wrote = resolve));
      const snapshot = readOnlySnapshot(orm.em.fork() as EntityManager, async (tx) => {
        const ctx = tx.getTransactionContext();
        const read = () =>
          tx.getConnection().execute<{ n: number }[]>('select count(*) as n from t', [], 'all', ctx);
        const [first] = await read();
        opened();
        await otherWrote;
        const [again] = await read();
        const write = await tx
          .getConnection()
          .execute('insert into t values (3)', [], 'run', ctx)
          .then(
            () => null,
            (error: { code?: string }) => error.code,
          );
        return { seen: [first.n, again.n], write };
      });
      // Another connection takes the writer and writes while it is open (sent from outside its context, as another
      // process would), which BEGIN IMMEDIATE would have kept waiting.
      await isOpen;
      await other.em.transactional((otx) =>
        otx.getConnection().execute('insert into t values (2)', [], 'run', otx.getTransactionContext()),
      );
      wrote();
      const refused = await snapshot;
      // One snapshot: the row written meanwhile is not seen.
      expect(refused).toEqual({ seen: [1, 1], write: 'SQLITE_READONLY' });
      // The same connection (the pool's one) writes again, in a transaction and outside one.
      await orm.em.transactional((tx) =>
        tx.getConnection().execute('insert into t values (4)', [], 'run', tx.getTransactionContext()),
      );
      await connection.execute('insert into t values (5)', [], 'run');
      const rows = await connection.execute<{ a: number }[]>('select a from t order by a');
      expect(rows.map((r) => r.a)).toEqual([1, 2, 4, 5]);
    } finally {
      await other.close();
      await orm.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
