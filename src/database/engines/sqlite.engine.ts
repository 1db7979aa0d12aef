import { Options } from '@mikro-orm/core';
import { SQLITE_BUSY_TIMEOUT_MS, SqliteDriverWithBindings, WriterTurns } from './sqlite-driver';
import { existsSync, rmSync } from 'node:fs';
import { databaseUrlIsDefault, setting } from '../../config';
import { WriterWantedSign } from './sqlite-writer-wanted';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseEngine, LineSql } from './database-engine';

interface SqliteConnection {
  run(sql: string, cb: (err: Error | null) => void): void;
}

/** `looksLikeFormula` without regular expressions: a formula's first character, and not a signed plain number. */
function sqliteLooksLikeFormula(text: string): string {
  const digits = `substr(${text}, 2)`;
  const signedNumber =
    `substr(${text}, 1, 1) in ('+', '-') and ${digits} <> '' and ${digits} not glob '*[^0-9.]*' ` +
    `and ${digits} not glob '.*' and ${digits} not glob '*.' and ${digits} not glob '*.*.*'`;
  // Or spaces, then `=` (a reader that trims spaces: `TRIMMED_FORMULA`).
  const trimmed = `(substr(${text}, 1, 1) = ' ' and ltrim(${text}, ' ') glob '=*')`;
  return `((substr(${text}, 1, 1) in ('=', '+', '-', '@', char(9), char(13)) and not (${signedNumber})) or ${trimmed})`;
}

/** `;`, tab, LF and CR: where a spreadsheet that splits on `;` or tab (or reads no quotes) starts a cell or a row. */
const CELL_SEPARATORS = [`';'`, 'char(9)', 'char(10)', 'char(13)'];

/**
 * `CELL_TRIMMED_FORMULA` (a `;`, tab or line break, one space or more, then `=`) without regular expressions: each
 * space before a `=` and that `=` become U+0002 (which no stored text holds, `freeTextProblem`), the other spaces are
 * dropped, the four separators become `;`, and a `;` is then followed by U+0002. Tried only on a text holding `=`
 * (a glob that skips to it, strcspn: the corpus's provision texts hold a `=` in 123 of 40 797).
 */
function sqliteTrimmedCellStart(text: string): string {
  const joined = `replace(replace(${text}, ' =', char(2)), ' ', '')`;
  const oneSeparator = CELL_SEPARATORS.slice(1).reduce(
    (sql, separator) => `replace(${sql}, ${separator}, ';')`,
    joined,
  );
  return `(${text} glob '*=*' and instr(${oneSeparator}, ';' || char(2)) > 0)`;
}

/**
 * `neutraliseFormula`'s cell-start rule: an apostrophe after each `;`, tab, LF or CR that a formula's first character
 * follows (and, in a text where one is followed by spaces and `=`, after each one a space follows). `starts` tells
 * whether a text has such a cell start; `changed` is the text with its apostrophes. Each of the four is marked with
 * U+0001, which no stored text holds (`freeTextProblem`), a mark before a formula's first character becomes the
 * apostrophe and the others are dropped: ten nested calls, where one `replace` per pair took nineteen and the
 * exports' lines overflowed SQLite's parser stack.
 */
function sqliteCellStarts(text: string): { starts: string; changed: string } {
  const mark = 'char(1)';
  const marked = CELL_SEPARATORS.reduce(
    (sql, separator) => `replace(${sql}, ${separator}, ${separator} || ${mark})`,
    text,
  );
  const started = [`'='`, `'+'`, `'-'`, `'@'`, 'char(9)', 'char(13)'].reduce(
    (sql, start) => `replace(${sql}, ${mark} || ${start}, '''' || ${start})`,
    marked,
  );
  // `-` first in the class is itself, not a range. One glob a separator: a glob whose `*` is followed by one
  // character skips to that character's next place, where a class after the `*` is tried at every character (half
  // a second more for the corpus's provisions export, bench:export).
  const startClass = `'[-=+@' || char(9) || char(13) || ']*'`;
  const cellStart = CELL_SEPARATORS.map(
    (separator) => `${text} glob '*' || ${separator} || ${startClass}`,
  ).join(' or ');
  const trimmed = sqliteTrimmedCellStart(text);
  const unmarked = `instr(${text}, ${mark}) = 0`;
  // In a text where a trimmed cell starts with `=`, every separator followed by a space gets the apostrophe too.
  return {
    starts: `(${trimmed} or ${cellStart})`,
    changed: `(case when ${unmarked} then replace(replace(${started}, ${mark} || ' ', case when ${trimmed} then ''' ' else ' ' end), ${mark}, '') else ${text} end)`,
  };
}

const sqliteLineSql: LineSql = {
  csvText(text) {
    // A text with `;`, a tab or a line break is no signed number: the formula test reads the text as given.
    const formula = sqliteLooksLikeFormula(text);
    // No apostrophe calls for quotes, so the text itself is searched: a glob a character, each skipping to it
    // (strcspn), where one glob of a class tried the class at every character.
    const holds = (character: string) => `${text} glob '*' || ${character} || '*'`;
    const quoted = `${holds(`','`)} or ${holds('char(10)')} or ${holds('char(13)')}`;
    const { starts, changed } = sqliteCellStarts(text);
    // A formula or a cell start (a few texts in a thousand): the apostrophes, then the quotes, by printf's format,
    // whose `%w` doubles the `"`. The nested replaces and each test are written once or twice: a provisions page's
    // statement named a text 95 times per cell, whose 98 kB SQLite compiled per page of 25 agreements (1.1 billion
    // instructions of the provisions CSV's 8.3, now 0.4 of 6.2; `docs/performance-log.md`, export24).
    const format =
      `case (case when ${formula} then 2 else 0 end) + (case when ${holds(`'"'`)} or ${quoted} then 1 else 0 end)` +
      ` when 3 then '"''%w"' when 2 then '''%s' when 1 then '"%w"' else '%s' end`;
    // Else the text as it is, quoted when needed, its `"` doubled when it holds one (replace copies character by
    // character, a concatenation at once).
    return (
      `(case when ${formula} or ${starts} then printf(${format}, ${changed})` +
      ` when ${holds(`'"'`)} then '"' || replace(${text}, '"', '""') || '"'` +
      ` when ${quoted} then '"' || ${text} || '"' else coalesce(${text}, '') end)`
    );
  },
  csvInteger: (integer) => `coalesce(cast(${integer} as text), '')`,
  json: (value) => `json_quote(${value})`,
  delivered: (text) => `cast(${text} as blob)`,
};

/**
 * Every pooled SQLite connection: WAL for concurrent readers, a busy timeout instead of SQLITE_BUSY (a transaction
 * begins without one, `sqlite-driver.ts`), FKs on.
 */
function prepareSqliteConnection(
  file: string,
  conn: SqliteConnection,
  callback: (err: Error | null, conn: unknown) => void,
): void {
  // An operator must learn which file is at fault (SQLITE_NOTADB, SQLITE_CANTOPEN, ...).
  const done = (err: Error | null, c: unknown) =>
    callback(
      err ? Object.assign(new Error(`SQLite database ${file}: ${err.message}`), { cause: err }) : null,
      c,
    );
  conn.run('pragma journal_mode = WAL', (e1) => {
    if (e1) return done(e1, conn);
    conn.run(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`, (e2) => {
      if (e2) return done(e2, conn);
      conn.run('pragma foreign_keys = on', (e3) => done(e3, conn));
    });
  });
}

/**
 * Refuses a SQLite file that does not exist unless the operator asks for a new one: `DATABASE_CREATE=true`, or
 * `DATABASE_URL` left unset (the default file, `data/clause-tracker.sqlite`, which a fresh clone has not made yet).
 * SQLite (MikroORM first) makes a missing file and its folder, so a mistyped path started a new catalogue of the
 * fixtures alone, served as if it were the operator's; PostgreSQL refuses a missing database the same way
 * (`DatabaseInitializer`). Asked by the server's and the command line's database module before MikroORM opens it.
 */
export function refuseMissingSqliteFile(target: string): void {
  if (target === ':memory:' || existsSync(target)) return;
  if (setting('DATABASE_CREATE') || databaseUrlIsDefault()) return;
  throw new Error(
    `SQLite database ${target} does not exist: check the path in DATABASE_URL, or start with DATABASE_CREATE=true to create it`,
  );
}

/** SQLite: one file, one pooled connection (WAL, a busy timeout, foreign keys on). */
export const sqliteEngine: DatabaseEngine = {
  driver: 'sqlite',
  ormDriver: SqliteDriverWithBindings,
  ormOptions: (db) =>
    ({
      driver: SqliteDriverWithBindings,
      dbName: db.target,
      pool: {
        min: 1,
        max: 1,
        afterCreate: (conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) =>
          prepareSqliteConnection(db.target, conn, done),
      },
    }) as Options,
  describe: (target) => `SQLite database ${target}`,
  // SQLite makes a missing file; a missing folder is SQLITE_CANTOPEN.
  isMissingDatabase: () => false,
  advice: (message) =>
    /SQLITE_CANTOPEN/.test(message) ? 'does the folder exist, and may this user write to it?' : null,
  async readOnlyProblem(em) {
    const connection = em.getConnection();
    const [row] = await connection.execute<{ user_version: number }[]>('pragma user_version');
    await connection.execute(`pragma user_version = ${Number(row.user_version)}`);
    return null;
  },
  // One process per file (README, Deployment): nothing to wait for.
  exclusiveStartup: (_em, work) => work(),
  /**
   * `synchronous = NORMAL` while `work` runs: in WAL mode each commit then no longer waits for the disk (a power
   * cut could lose the last agreements written, never corrupt the file or split one agreement's transaction),
   * which spares one sync per file of the import. SQLite uses one pooled connection, so the setting applies to
   * the import's transactions.
   */
  async withFewerSyncs(em, work) {
    const connection = em.getConnection();
    const [{ synchronous }] = await connection.execute<{ synchronous: number }[]>('pragma synchronous');
    await connection.execute('pragma synchronous = normal');
    try {
      return await work();
    } finally {
      await connection.execute(`pragma synchronous = ${Number(synchronous)}`);
    }
  },
  writerTurns: (target) => new WriterTurns({ sign: new WriterWantedSign(target) }),
  claimRows: (select) => select,
  // sqlite3_interrupt on the connection, which runs only that statement, the pool having one.
  interrupt: async (_root, connection) => connection.interrupt?.(),
  cancelledCodes: ['SQLITE_INTERRUPT'],
  lineSql: sqliteLineSql,
  async scratchDatabase(name) {
    const target = join(tmpdir(), `${name}-${process.pid}.sqlite`);
    return { target, remove: async () => rmSync(target, { force: true }) };
  },
};
