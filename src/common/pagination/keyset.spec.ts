import sqlite3 from 'sqlite3';
import { afterCondition, decodeCursor, encodeCursor, orderBySql, OrderColumn, pageSize } from './keyset';

type Row = { id: number; v: string | null };

function all(db: sqlite3.Database, sql: string, params: unknown[]): Promise<Row[]> {
  return new Promise((resolve, reject) =>
    db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows as Row[]))),
  );
}

describe('keyset pagination', () => {
  let db: sqlite3.Database;
  beforeAll(async () => {
    db = new sqlite3.Database(':memory:');
    await all(db, 'create table t (id integer primary key, v text)', []);
    const values = ['b', null, 'a', 'c', null, 'b', 'a', null, 'c', 'b'];
    for (const [i, v] of values.entries()) await all(db, 'insert into t (id, v) values (?, ?)', [i + 1, v]);
  });
  afterAll(() => db.close());

  for (const direction of ['asc', 'desc'] as const) {
    it(`walks a nullable column ${direction}, nulls last, in pages of 3, like one ordered read`, async () => {
      const order: OrderColumn[] = [
        { sql: 't.v', direction, nullable: true },
        { sql: 't.id', direction, nullable: false },
      ];
      const expected = await all(db, `select id, v from t order by ${orderBySql(order)}`, []);
      expect(expected.slice(-3).map((r) => r.v)).toEqual([null, null, null]);
      const seen: Row[] = [];
      let cursor: string | null = null;
      for (;;) {
        const after: { sql: string; params: unknown[] } = cursor
          ? afterCondition(order, decodeCursor(cursor, order))
          : { sql: '1 = 1', params: [] };
        const page = await all(
          db,
          `select id, v from t where ${after.sql} order by ${orderBySql(order)} limit 3`,
          after.params,
        );
        if (!page.length) break;
        seen.push(...page);
        const last = page[page.length - 1];
        cursor = encodeCursor([last.v, last.id]);
      }
      expect(seen).toEqual(expected);
    });
  }

  it('rejects cursors of another shape and bad page sizes', () => {
    const order: OrderColumn[] = [{ sql: 't.id', direction: 'asc', nullable: false }];
    expect(() => decodeCursor('garbage', order)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(['a', 1]), order)).toThrow(/cursor/);
    expect(() => pageSize(0)).toThrow(/first/);
    expect(() => pageSize(101)).toThrow(/first/);
    expect(pageSize(undefined)).toBe(20);
  });
});
