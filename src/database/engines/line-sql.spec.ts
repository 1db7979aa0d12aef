import fc from 'fast-check';
import sqlite3 from 'sqlite3';
import { Client } from 'pg';
import { propertyRuns } from '../../../test/support/property-runs';
import { csvCell } from '../../ingest/export-csv';
import { freeTextProblem, unstorableProblem } from '../../common/text-rules';
import { LineSql } from './database-engine';
import { postgresqlEngine } from './postgresql.engine';
import { sqliteEngine } from './sqlite.engine';

/** Texts that test each branch of the CSV and JSON rules: formulas, signed numbers, quotes, escapes. */
const TEXTS = [
  '',
  'plain words',
  'a, b',
  'she said "no"',
  'two\nlines',
  'carriage\rreturn',
  'tab\tinside',
  '=SUM(A1:A3)',
  '=1',
  '+1',
  '-3',
  '-3.25',
  '+3.',
  '-.5',
  '-1.2.3',
  '-1e5',
  '- (a) the Parties',
  '-',
  '+',
  '@mention',
  '\tindented',
  '\rstarts with CR',
  '"=quoted"',
  '=a,"b"',
  "it's",
  'back\\slash and /slash',
  'control \u0001 \u001f \u007f',
  'accents é ü, and 中文',
  'emoji 🙂',
  'separators \u2028 \u2029',
  'Films;=1+1;',
  'a;b',
  '-3;-4',
  '=a;=b',
  ';@x;+y;\t=z;\r-w',
  'a,"b";=c',
  ';;=',
  'Films\n=1+1',
  'a\r\n@b\r+c\n-3',
  'x\r\r\r=y\r\r\r\r',
  ';\r\r-\n\t=',
  'a\t=1+1',
  'Films;\t=b\t\t\t-c',
  '\t\t@x',
  'tab\t+3\t-3.5',
  ' =1+1',
  '   =SUM(A1)',
  ' -3',
  ' - item',
  ' @x',
  'a; =1+1;b',
  'a\n  =1+1\nb',
  'x\r =y',
  'a\t =1',
  ';\t =1',
  '- item\n - next\n =1',
  'a\n - item',
  'a = b; c\n d',
  'a ; =',
  '\n \u00a0=1',
];
const INTEGERS = [0, 7, -1, 41081];

/**
 * Random texts a column can hold (`freeTextProblem`, the loosest rule of stored texts: no control character but
 * whitespace, which the SQL twins use as marks), made mostly of what the CSV rules look at, weighted so that about
 * one short text in nine holds a separator, spaces and `=` (`CELL_TRIMMED_FORMULA`): the separators, spaces, a
 * formula's first characters, then digits and points, quotes and commas, other whitespace and other characters;
 * and any such text.
 */
const ruleCharacter = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(';', '\t', '\n', '\r') },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', ' =') },
  { weight: 2, arbitrary: fc.constantFrom('=', '+', '-', '@') },
  { weight: 2, arbitrary: fc.constantFrom('0', '7', '.', '"', ',', "'", 'a') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u000b', '\u000c', '\u00a0', '\u3000', '\u2028', '\ufeff', 'é', '🙂'),
  },
);
const ruleText = fc
  .oneof(
    { weight: 4, arbitrary: fc.string({ unit: ruleCharacter, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  )
  .filter((text) => !freeTextProblem(text) && !unstorableProblem(text));

type Query = (expression: string, value: string | number | null) => Promise<unknown>;

function sqliteQuery(): { query: Query; close: () => Promise<void> } {
  const db = new sqlite3.Database(':memory:');
  return {
    query: (expression, value) =>
      new Promise((resolve, reject) =>
        db.get(`select ${expression} as out from (select ? as v)`, [value], (error, row: { out: unknown }) =>
          error ? reject(error) : resolve(row.out),
        ),
      ),
    close: () => new Promise((resolve) => db.close(() => resolve())),
  };
}

/** Each expression of `sql` on every awkward value, against what the export's JavaScript writes. */
function checkLineSql(sql: LineSql, open: () => Promise<{ query: Query; close: () => Promise<void> }>): void {
  let db: { query: Query; close: () => Promise<void> };
  beforeAll(async () => (db = await open()));
  afterAll(() => db.close());

  it('writes a text as csvCell writes a string, and null as an empty cell', async () => {
    for (const text of [...TEXTS, null])
      expect([text, await db.query(sql.csvText('v'), text)]).toEqual([text, csvCell(text)]);
  });

  it('writes a random text as csvCell writes it', async () => {
    await fc.assert(
      fc.asyncProperty(ruleText, async (text) => {
        expect([text, await db.query(sql.csvText('v'), text)]).toEqual([text, csvCell(text)]);
      }),
      { numRuns: propertyRuns(10_000, 1_000), seed: Number(process.env.PROPERTY_SEED ?? 20261207) },
    );
    // 10,000 statements took 46 s on PostgreSQL at load 18.
  }, 180_000);

  it('writes an integer as csvCell writes a number', async () => {
    for (const n of [...INTEGERS, null]) expect(await db.query(sql.csvInteger('v'), n)).toBe(csvCell(n));
  });

  it('writes texts, integers and null as JSON.stringify does', async () => {
    for (const value of [...TEXTS, ...INTEGERS, null])
      expect([value, await db.query(sql.json('v'), value)]).toEqual([value, JSON.stringify(value)]);
  });

  it('hands a text over with its bytes unchanged', async () => {
    const delivered = await db.query(sql.delivered(sql.csvText('v')), 'accents é, 中文 🙂');
    expect(Buffer.from(delivered as Buffer | string).toString()).toBe('"accents é, 中文 🙂"');
  });
}

describe('the SQLite lines of the exports', () => {
  checkLineSql(sqliteEngine.lineSql, async () => sqliteQuery());
});

const server = process.env.TEST_DATABASE_URL;
(server && /^postgres(ql)?:/.test(server) ? describe : describe.skip)(
  'the PostgreSQL lines of the exports',
  () => {
    checkLineSql(postgresqlEngine.lineSql, async () => {
      const client = new Client({ connectionString: server });
      await client.connect();
      return {
        query: async (expression, value) => {
          const type = typeof value === 'number' ? 'integer' : 'text';
          const { rows } = await client.query(
            `select ${expression} as out from (select $1::${type} as v) t`,
            [value],
          );
          return (rows[0] as { out: unknown }).out;
        },
        close: () => client.end(),
      };
    });
  },
);
