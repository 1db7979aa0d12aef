import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Database } from 'sqlite3';
import { rowsOf } from '../../common/sql';
import { SqliteDriverWithBindings } from './sqlite-driver';
import { LONGEST_KEPT_READ, PreparedReads } from './sqlite-prepared-reads';

const open = () =>
  new Promise<Database>((resolve, reject) => {
    const db = new Database(':memory:', (error) => (error ? reject(error) : resolve(db)));
  });
const exec = (db: Database, sql: string) =>
  new Promise<void>((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
const close = (db: Database) =>
  new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));

describe('PreparedReads', () => {
  let db: Database;
  beforeEach(async () => {
    db = await open();
    await exec(
      db,
      "create table t (id integer primary key, name text); insert into t values (1, 'a'), (2, 'b'), (3, 'c')",
    );
  });
  afterEach(() => close(db).catch(() => undefined));

  it('prepares a text once and binds it again on every run', async () => {
    const prepared = new PreparedReads(db);
    const sql = 'select name from t where id >= ? order by id';
    const first = await prepared.all(sql, [2]);
    const second = await prepared.all(sql, [3]);
    expect(first.rows).toEqual([{ name: 'b' }, { name: 'c' }]);
    expect(second.rows).toEqual([{ name: 'c' }]);
    expect(second.statement).toBe(first.statement);
    expect(prepared.size).toBe(1);
  });

  it('reads what was written since, on the same connection', async () => {
    const prepared = new PreparedReads(db);
    const sql = 'select count(*) as n from t';
    expect((await prepared.all(sql, [])).rows).toEqual([{ n: 3 }]);
    await exec(db, "insert into t values (4, 'd')");
    expect((await prepared.all(sql, [])).rows).toEqual([{ n: 4 }]);
  });

  it("rejects with SQLite's own error, keeps nothing of a text SQLite refuses, and is none the worse", async () => {
    const prepared = new PreparedReads(db);
    await expect(prepared.all('select nope from t', [])).rejects.toThrow(/no such column: nope/);
    expect(prepared.size).toBe(0);
    expect((await prepared.all('select id from t where id = ?', [1])).rows).toEqual([{ id: 1 }]);
  });

  it('answers two first reads of one text at once, keeps one statement and leaves none unfinalized', async () => {
    const prepared = new PreparedReads(db);
    const sql = 'select name from t where id = ?';
    const [a, b] = await Promise.all([prepared.all(sql, [1]), prepared.all(sql, [2])]);
    expect([a.rows, b.rows]).toEqual([[{ name: 'a' }], [{ name: 'b' }]]);
    expect(prepared.size).toBe(1);
    await prepared.finalizeAll();
    await expect(close(db)).resolves.toBeUndefined();
  });

  it('lets an interrupted statement go and prepares its text again', async () => {
    const prepared = new PreparedReads(db);
    const sql =
      'with recursive c(x) as (select 1 union all select x + 1 from c where x < ?) select count(*) as n from c';
    const running = prepared.all(sql, [1_000_000_000]);
    setTimeout(() => db.interrupt(), 100);
    await expect(running).rejects.toThrow(/SQLITE_INTERRUPT/);
    expect(prepared.size).toBe(0);
    expect((await prepared.all(sql, [3])).rows).toEqual([{ n: 3 }]);
    await prepared.finalizeAll();
    await expect(close(db)).resolves.toBeUndefined();
  });

  it('finalizes the least recently used statement beyond its limit', async () => {
    const prepared = new PreparedReads(db, 2);
    const a = await prepared.all('select 1 as x', []);
    await prepared.all('select 2 as x', []);
    await prepared.all('select 1 as x', []); // used again: now the most recent
    await prepared.all('select 3 as x', []);
    expect(prepared.size).toBe(2);
    expect((await prepared.all('select 1 as x', [])).statement).toBe(a.statement);
    expect((await prepared.all('select 2 as x', [])).rows).toEqual([{ x: 2 }]);
  });

  it('lets the connection close once its statements are finalized', async () => {
    const prepared = new PreparedReads(db);
    await prepared.all('select id from t', []);
    await prepared.finalizeAll();
    await expect(close(db)).resolves.toBeUndefined();
  });
});

describe("the SQLite driver's builder reads", () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await MikroORM.init({
      driver: SqliteDriverWithBindings,
      dbName: ':memory:',
      entities: [],
      discovery: { warnWhenNoEntities: false },
    });
    await orm.em.getConnection().execute('create table t (id integer primary key, name text)');
    await orm.em.getConnection().execute("insert into t values (1, 'a'), (2, 'b')");
  });
  afterAll(() => orm.close(true));

  /** The statements node-sqlite3 prepared on the pooled connection while `work` ran. */
  async function preparedDuring(work: () => Promise<unknown>): Promise<string[]> {
    const em = orm.em as EntityManager;
    const connection = (await em.getKnex().client.acquireConnection()) as Database;
    await em.getKnex().client.releaseConnection(connection);
    const prepare = connection.prepare.bind(connection);
    const seen: string[] = [];
    connection.prepare = ((sql: string, ...rest: unknown[]) => {
      seen.push(sql);
      return (prepare as (...args: unknown[]) => unknown)(sql, ...rest);
    }) as typeof connection.prepare;
    try {
      await work();
    } finally {
      connection.prepare = prepare;
    }
    return seen;
  }

  it('run as statements prepared once per connection, with the same rows', async () => {
    const em = orm.em as EntityManager;
    const read = (id: number) => rowsOf(em, em.getKnex()('t').select('name').where('id', id));
    const seen = await preparedDuring(async () => {
      expect(await read(1)).toEqual([{ name: 'a' }]);
      expect(await read(2)).toEqual([{ name: 'b' }]);
      expect(await em.getKnex()('t').first('name').where('id', 2)).toEqual({ name: 'b' });
    });
    // Node-sqlite3's `all(sql)` prepared every run anew: three then.
    expect(seen).toEqual([
      'select `name` from `t` where `id` = ?',
      'select `name` from `t` where `id` = ? limit ?',
    ]);
  });

  it('keeps no statement of a text longer than LONGEST_KEPT_READ, and answers it all the same', async () => {
    const em = orm.em as EntityManager;
    const ids = Array.from({ length: 3000 }, (_, i) => i + 1);
    const read = em.getKnex()('t').select('name').whereIn('id', ids).orderBy('id');
    expect(read.toSQL().sql.length).toBeGreaterThan(LONGEST_KEPT_READ);
    const seen = await preparedDuring(async () =>
      expect(await rowsOf(em, read)).toEqual([{ name: 'a' }, { name: 'b' }]),
    );
    expect(seen).toEqual([]);
  });

  it('closes with statements kept', async () => {
    const other = await MikroORM.init({
      driver: SqliteDriverWithBindings,
      dbName: ':memory:',
      entities: [],
      discovery: { warnWhenNoEntities: false },
    });
    const em = other.em as EntityManager;
    expect(await rowsOf(em, em.getKnex().select(em.getKnex().raw('1 as one')))).toEqual([{ one: 1 }]);
    const connection = (await em.getKnex().client.acquireConnection()) as Database;
    await em.getKnex().client.releaseConnection(connection);
    // Knex's pool swallows a failed close (the file would stay open): watch node-sqlite3's own answer.
    const close = connection.close.bind(connection);
    const closed = new Promise<Error | null>((resolve) => {
      connection.close = ((done?: (error: Error | null) => void) =>
        close((error) => {
          resolve(error);
          done?.(error);
        })) as typeof connection.close;
    });
    await other.close(true);
    // SQLITE_BUSY "unable to close due to unfinalized statements" unless they are finalized first.
    expect(await closed).toBeNull();
  });
});
