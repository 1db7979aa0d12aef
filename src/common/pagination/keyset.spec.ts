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
        { column: 't.v', direction, nullable: true },
        { column: 't.id', direction, nullable: false },
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
        cursor = encodeCursor([last.v, last.id]);
      }
      expect(seen).toEqual(expected);
    });
  }

  it('rejects cursors of another shape and bad page sizes', () => {
    const order: KeysetColumn[] = [{ column: 't.id', direction: 'asc', nullable: false }];
    expect(() => decodeCursor('garbage', order)).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(['a', 1]), order)).toThrow(/cursor/);
    expect(() => afterCursor(order, [null])).toThrow(/cursor/);
    expect(() => pageSize(0)).toThrow(/first/);
    expect(() => pageSize(101)).toThrow(/first/);
    expect(pageSize(undefined)).toBe(20);
  });
});
