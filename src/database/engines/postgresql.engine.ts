import { Options } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { setting } from '../../config';
import { recreatePostgresDatabase } from '../postgres-admin';
import { DatabaseEngine, LineSql } from './database-engine';

const postgresqlLineSql: LineSql = {
  csvText(text) {
    // `looksLikeFormula`'s rule; `{0,1}` for `?`, which Knex would take for a binding.
    const formula = `((left(${text}, 1) in ('=', '+', '-', '@', chr(9), chr(13)) and ${text} !~ '^[+-][0-9]+(\\.[0-9]+){0,1}$') or ${text} ~ '^ +=')`;
    // `neutraliseFormula`'s cell-start rule: a text with `;`, a tab or a line break is no signed number, so the test
    // above reads the text as given. A tab or CR is both a cell's end and a formula's first character, and a match
    // takes it from the next (no lookahead: Knex would take its `?` for a binding): a second pass finds the pairs
    // skipped.
    const pass = (sql: string) => `regexp_replace(${sql}, '([;\\t\\n\\r])([-=+@\\t\\r])', '\\1''\\2', 'g')`;
    // `CELL_TRIMMED_FORMULA`: in such a text every separator followed by a space gets the apostrophe too.
    const spaced = (sql: string) =>
      `(case when ${text} ~ '[;\\t\\n\\r] +=' then regexp_replace(${sql}, '([;\\t\\n\\r]) ', '\\1'' ', 'g') else ${sql} end)`;
    // Only a text where a cell starts (a few in a thousand) is rewritten: every text holding a separator was, twice.
    const cells = `(case when ${text} ~ '[;\\t\\n\\r]([-=+@\\t\\r]| +=)' then ${spaced(pass(pass(text)))} else ${text} end)`;
    const cell = `(case when ${formula} then '''' || ${cells} else ${cells} end)`;
    // No apostrophe calls for quotes, so the text itself is searched: each test of the cell computed it again (its
    // two or three regexp_replace calls, for a text holding a separator, up to five times a cell).
    const needsQuotes = `strpos(${text}, '"') > 0 or strpos(${text}, ',') > 0 or strpos(${text}, chr(10)) > 0 or strpos(${text}, chr(13)) > 0`;
    return `coalesce(case when ${needsQuotes} then '"' || replace(${cell}, '"', '""') || '"' else ${cell} end, '')`;
  },
  csvInteger: (integer) => `coalesce(${integer}::text, '')`,
  json: (value) => `coalesce(to_json(${value})::text, 'null')`,
  delivered: (text) => text,
};

/** The key of the session-level advisory lock every instance takes around its start-up's writes. */
export const STARTUP_LOCK_KEY = 2_005_102_001;

interface PgClient {
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** PostgreSQL: a server URL, a pool of 10. */
export const postgresqlEngine: DatabaseEngine = {
  driver: 'postgresql',
  ormDriver: PostgreSqlDriver,
  ormOptions: (db) =>
    ({
      driver: PostgreSqlDriver,
      clientUrl: db.target,
      pool: { min: 0, max: 10 },
      // A URL naming a missing database is an error (a typo would otherwise start an empty catalogue), unless
      // the operator asks for the database to be created.
      ensureDatabase: setting('DATABASE_CREATE'),
    }) as Options,
  describe(target) {
    try {
      const parsed = new URL(target);
      if (parsed.password) parsed.password = '***';
      return `PostgreSQL database ${parsed.toString()}`;
    } catch {
      return 'PostgreSQL database (an unreadable URL)';
    }
  },
  isMissingDatabase: (reason) => /does not exist/i.test(reason),
  advice: (message) =>
    /database .* does not exist/i.test(message)
      ? 'create it, or start with DATABASE_CREATE=true to let the service create it'
      : null,
  async readOnlyProblem(em) {
    const [row] = await em
      .getConnection()
      .execute<{ ro: string }[]>("select current_setting('transaction_read_only') as ro");
    return row.ro === 'on' ? 'transactions are read-only on this server' : null;
  },
  // A session-level advisory lock on one connection of the pool, held while the work uses the others; released
  // by the server if the process dies holding it.
  // Rows are locked as they are written; another connection's writes never make this one's fail.
  async exclusiveStartup(em, work, waiting) {
    const client = em.getConnection().getKnex().client as {
      acquireConnection(): Promise<PgClient>;
      releaseConnection(connection: PgClient): Promise<void>;
    };
    const connection = await client.acquireConnection();
    try {
      const { rows } = await connection.query('select pg_try_advisory_lock($1) as "taken"', [
        STARTUP_LOCK_KEY,
      ]);
      if (!rows[0].taken) {
        waiting();
        await connection.query('select pg_advisory_lock($1)', [STARTUP_LOCK_KEY]);
      }
      try {
        return await work();
      } finally {
        await connection.query('select pg_advisory_unlock($1)', [STARTUP_LOCK_KEY]);
      }
    } finally {
      await client.releaseConnection(connection);
    }
  },
  // Commits wait for the server's WAL as always.
  withFewerSyncs: (_em, work) => work(),
  // Other transactions write beside one in flight (row locks, MVCC): no turn to give.
  writerTurns: () => ({ afterCommit: async () => {} }),
  claimRows: (select) => select.forUpdate().skipLocked(),
  /** pg_cancel_backend on the connection's backend, only while pg_stat_activity still shows that statement. */
  async interrupt(root, connection, sql) {
    if (connection.processID === undefined) return;
    await root
      .getConnection()
      .execute(
        `select pg_cancel_backend(pid) from pg_stat_activity where pid = ? and state = 'active' and left(query, 1000) = left(?, 1000)`,
        [connection.processID, sql],
      );
  },
  cancelledCodes: ['57014'],
  lineSql: postgresqlLineSql,
  async scratchDatabase(name) {
    // Recreated on each run on MIGRATION_PG_URL's server, and left there.
    const target = await recreatePostgresDatabase(setting('MIGRATION_PG_URL'), name);
    return { target, remove: async () => undefined };
  },
};
