import { knex, Knex } from '@mikro-orm/knex';
import { orderNullsLast } from '../sql';
import { afterCursor, decodeCursor, encodeCursor, KeysetColumn, pageSize } from './keyset';

type Row = { id: number; v: string | null };

describe('keyset pagination', () => {
  let db: Knex;
  beforeAll(async () => {
    db = knex({ client: 'sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
    await db.schema.createTable('t', (t) => {
      t.integer('id').primary();
      t.text('v');
    });
    const values = ['b', null, 'a', 'c', null, 'b', 'a', null, 'c', 'b'];
    await db('t').insert(values.map((v, i) => ({ id: i + 1, v })));
  });
  afterAll(() => db.destroy());

  for (const direction of ['asc', 'desc'] as const) {
    it(`walks a nullable column ${direction}, nulls last, in pages of 3, like one ordered read`, async () => {
      const order: KeysetColumn[] = [
        { column: 't.v', direction, nullable: true, type: 'text' },
        { column: 't.id', direction, nullable: false, type: 'integer' },
      ];
      const expected: Row[] = await orderNullsLast(db('t').select('id', 'v'), order);
      expect(expected.slice(-3).map((r) => r.v)).toEqual([null, null, null]);
      const seen: Row[] = [];
      let cursor: string | null = null;
      for (;;) {
        const qb = db('t').select('id', 'v');
        if (cursor) qb.where(afterCursor(order, decodeCursor(cursor, order)));
        const page: Row[] = await orderNullsLast(qb, order).limit(3);
        if (!page.length) break;
        seen.push(...page);
        const last = page[page.length - 1];
        cursor = encodeCursor(order, [last.v, last.id]);
      }
      expect(seen).toEqual(expected);
    });
  }

  it('rejects cursors of another shape and bad page sizes', () => {
    const order: KeysetColumn[] = [{ column: 't.id', direction: 'asc', nullable: false, type: 'integer' }];
    const two: KeysetColumn[] = [
      { column: 't.v', direction: 'asc', nullable: false, type: 'text' },
      ...order,
    ];
    expect(() => decodeCursor('garbage', order)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(two, ['a', 1]), order)).toThrow(/cursor/);
    expect(() => pageSize(0)).toThrow(/first/);
    expect(() => pageSize(101)).toThrow(/first/);
    expect(pageSize(undefined)).toBe(20);
  });

  it('refuses a cursor of another order, or one whose values its columns cannot hold', () => {
    const byV: KeysetColumn[] = [
      { column: 't.v', direction: 'asc', nullable: true, type: 'text' },
      { column: 't.id', direction: 'asc', nullable: false, type: 'integer' },
    ];
    const byScore: KeysetColumn[] = [
      { column: 't.score', direction: 'desc', nullable: false, type: 'number' },
      { column: 't.id', direction: 'asc', nullable: false, type: 'integer' },
    ];
    expect(decodeCursor(encodeCursor(byV, ['a', 1]), byV)).toEqual(['a', 1]);
    expect(decodeCursor(encodeCursor(byV, [null, 1]), byV)).toEqual([null, 1]);
    expect(decodeCursor(encodeCursor(byScore, [0.5, 1]), byScore)).toEqual([0.5, 1]);
    const descending = byV.map((c) => ({ ...c, direction: 'desc' as const }));
    expect(() => decodeCursor(encodeCursor(byV, ['a', 1]), descending)).toThrow(
      /another list or another order/,
    );
    expect(() => decodeCursor(encodeCursor(byScore, [1, 1]), byV)).toThrow(/another list or another order/);
    // Forged values: what the columns cannot hold never reaches the SQL (PostgreSQL would refuse it).
    for (const values of [
      ['a', 'x'],
      ['a', 1.5],
      ['a', 2 ** 31],
      ['a', null],
      [5, 1],
      ['a\u0000', 1],
      ['\ud800', 1],
    ]) {
      expect(() => decodeCursor(encodeCursor(byV, values), byV)).toThrow(/not a cursor of this list/);
    }
    // JSON reads 1e400 as Infinity.
    const [tag] = JSON.parse(Buffer.from(encodeCursor(byScore, [1, 1]), 'base64url').toString('utf8'));
    const infinite = Buffer.from(`[${JSON.stringify(tag)},1e400,1]`).toString('base64url');
    expect(() => decodeCursor(infinite, byScore)).toThrow(/not a cursor of this list/);
  });
});
