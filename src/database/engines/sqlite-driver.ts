import { AnyEntity, Configuration, EntityData, QueryResult, Transaction } from '@mikro-orm/core';
import { AbstractSqlDriver, Knex } from '@mikro-orm/knex';
import { SqliteConnection, SqlitePlatform } from '@mikro-orm/sqlite';
import type { Database } from 'sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { types } from 'node:util';
import { currentBudget } from '../../common/request-budget';
import { keepPreparedReads } from './sqlite-prepared-reads';
import { WriterWantedSign } from './sqlite-writer-wanted';
// Knex's own transaction on SQLite (`BEGIN;`), whose start is changed here; Knex declares no type for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const KnexSqliteTransaction = require('knex/lib/dialects/sqlite3/execution/sqlite-transaction') as new (
  ...args: unknown[]
) => {
  begin(connection: Database): Promise<unknown>;
  _onAcquire(container: unknown, connection: Database): Promise<unknown>;
  _logAndDispose(connection: Database, message: string, cause: unknown): void;
  trxClient: { emit(event: 'query', query: object): void };
};

/**
 * How long a statement of the service's connection waits for a lock another process holds (`pragma busy_timeout`),
 * and how long a transaction outside any request (start-up, the command line) tries to take the writer.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** The waits between two tries at the writer: short at first, then at most the last. */
export const WRITER_RETRY_WAITS_MS: readonly number[] = [2, 4, 8, 8, 8, 8];

/**
 * How long before the request's deadline a write stops trying for the writer, so that it is answered as the
 * database being busy (503 SERVICE_UNAVAILABLE) rather than as the request being too long (503 TIMEOUT).
 */
export const WRITER_ANSWER_MARGIN_MS = 250;

/** node-sqlite3's `run`, as a promise. */
const run = (connection: Database, sql: string): Promise<void> =>
  new Promise((resolve, reject) => connection.run(sql, (error) => (error ? reject(error) : resolve())));

/**
 * Knex's SQLite transaction, begun by `BEGIN IMMEDIATE` with no busy wait: it holds SQLite's writer from its start
 * or fails at once (SQLITE_BUSY), its connection then given back to the pool (`takingTheWriter` tries again).
 */
class WriterTransaction extends KnexSqliteTransaction {
  /** Knex's option: a transaction begun with `readOnly` (see `begin`). */
  declare readOnly?: boolean;
  /** Knex's enclosing transaction, for a savepoint (which `begin` does not start). */
  declare outerTx?: unknown;

  // On the connection itself, not through `query`, which answers a failed statement by rejecting the transaction
  // but resolves: Knex would then hand the caller a transaction that never began. The busy timeout is set through
  // the driver (`configure`: on the main thread, in the connection's queue) rather than by two more statements,
  // each a trip to a worker thread.
  override async begin(connection: Database): Promise<void> {
    // A read-only transaction (`readOnlySnapshot`) takes no writer: `begin deferred` reads one snapshot (WAL) beside
    // other processes' writes, and `query_only` makes SQLite refuse any write in it (SQLITE_READONLY), which a
    // deferred transaction would otherwise begin by taking the writer. Undone before the connection is given back.
    if (this.readOnly) {
      this.trxClient.emit('query', { sql: 'pragma query_only = 1; begin deferred', bindings: [] });
      await run(connection, 'pragma query_only = 1');
      await run(connection, 'begin deferred');
      return;
    }
    // Announced as Knex announces its own statements, so that whoever counts or logs them still sees the begin.
    this.trxClient.emit('query', { sql: 'begin immediate', bindings: [] });
    connection.configure('busyTimeout', 0);
    try {
      await run(connection, 'begin immediate');
    } finally {
      connection.configure('busyTimeout', SQLITE_BUSY_TIMEOUT_MS);
    }
  }

  /**
   * Knex's transaction on its connection, which a read-only one leaves writable again once it has ended (committed
   * or rolled back), before the pool takes the connection back; a connection that cannot be made writable again
   * is discarded, as Knex discards one whose foreign-key pragma it could not restore.
   */
  override async _onAcquire(container: unknown, connection: Database): Promise<unknown> {
    if (!this.readOnly || this.outerTx) return super._onAcquire(container, connection);
    try {
      return await super._onAcquire(container, connection);
    } finally {
      await run(connection, 'pragma query_only = 0').catch((error: unknown) =>
        this._logAndDispose(connection, 'Failed to make the connection writable again', error),
      );
    }
  }
}

const isBusy = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'SQLITE_BUSY';

/**
 * Begins a transaction (`begin`, which fails at once with SQLITE_BUSY while another process holds the writer) and,
 * while it is refused, tries again after a short wait on a timer: the service's one connection is given back
 * between tries, so that reads go on beside another process's writer (WAL) instead of queueing behind a write that
 * waits for it. Tries until shortly before the request's deadline (without a request, for `SQLITE_BUSY_TIMEOUT_MS`),
 * then throws SQLite's SQLITE_BUSY, which a transport answers 503 SERVICE_UNAVAILABLE with Retry-After
 * (`common/database-unavailable.ts`). `refused` is called at each refusal: the connection raises the sign by which
 * a long run of transactions on another connection knows to give its turns (`WriterWantedSign`, `WriterTurns`).
 * Until 6 December 2026 every write waited for the writer on the connection itself (the busy timeout), and the
 * reads behind it: beside `import json`, reads answered in 5.6 s (p50), a fifth of them 503 TIMEOUT.
 */
export async function takingTheWriter<T>(
  begin: () => Promise<T>,
  now: () => number = Date.now,
  refused: () => void = () => {},
): Promise<T> {
  const budget = currentBudget();
  const until = budget ? budget.deadline - WRITER_ANSWER_MARGIN_MS : now() + SQLITE_BUSY_TIMEOUT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await begin();
    } catch (error) {
      const wait = WRITER_RETRY_WAITS_MS[Math.min(attempt, WRITER_RETRY_WAITS_MS.length - 1)];
      if (!isBusy(error)) throw error;
      refused();
      if (budget?.exhausted || now() + wait >= until) throw error;
      await sleep(wait);
    }
  }
}

/**
 * How long a write of many transactions one after the other (`import tota`: one a file) may keep SQLite's writer
 * before it leaves it free for a turn, when another process's writer waits (`WriterTurns`).
 */
export const WRITER_HELD_BEFORE_TURN_MS = 1000;

/**
 * How long that turn lasts: longer than the longest wait between two tries of a writer that waits
 * (`WRITER_RETRY_WAITS_MS`), so that every writer waiting tries at least once while the writer is free.
 */
export const WRITER_TURN_MS = WRITER_RETRY_WAITS_MS[WRITER_RETRY_WAITS_MS.length - 1] + 50;

/**
 * The turns a long run of transactions gives other processes' writers: SQLite has no queue for its writer, and a
 * waiting writer tries again on a timer (`takingTheWriter`), so one that waits beside transactions begun back to
 * back finds the writer taken at almost every try: beside `import tota` of the corpus, the server's writes were
 * refused for the import's length. `afterCommit` is called once a transaction has ended: once the run has held
 * the writer `WRITER_HELD_BEFORE_TURN_MS` since its last turn (or its start), and only if a writer was refused
 * since then (the `WriterWantedSign` beside the database changed: a stat), it waits `WRITER_TURN_MS` before the
 * next one, so that a waiting writer is served within about a second and one transaction. Nobody waiting, no turn:
 * until 6 December 2026 the turn was taken every second whoever waited, which cost `bench:import`, an import into
 * a database no server serves, 7 to 17 s of its 45 (issue 14). Used by `import tota` (one transaction a file),
 * `import json`'s batches and the discard of an import's rows, through `DatabaseEngine.writerTurns`.
 */
export class WriterTurns {
  private since: number;
  /** The sign as read at the last turn (or the start); `undefined`: it could not be read. */
  private seen: string | null | undefined;
  private readonly sign: Pick<WriterWantedSign, 'read'>;
  private readonly now: () => number;
  private readonly wait: (ms: number) => Promise<unknown>;

  constructor(options: {
    sign: Pick<WriterWantedSign, 'read'>;
    now?: () => number;
    wait?: (ms: number) => Promise<unknown>;
  }) {
    this.sign = options.sign;
    this.now = options.now ?? Date.now;
    this.wait = options.wait ?? sleep;
    this.since = this.now();
    this.seen = this.sign.read();
  }

  async afterCommit(): Promise<void> {
    if (this.now() - this.since < WRITER_HELD_BEFORE_TURN_MS) return;
    const sign = this.sign.read();
    // A sign that cannot be read counts as raised: the turns are then taken as they were before the sign.
    if (sign !== undefined && sign === this.seen) return;
    this.seen = sign;
    await this.wait(WRITER_TURN_MS);
    this.since = this.now();
  }
}

type LoggerContext = Parameters<SqliteConnection['execute']>[4];
type Result = QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[];

/** The statements MikroORM's unit of work writes rows with (`nativeInsertMany`, `nativeUpdateMany`). */
const ROW_WRITE = /^(insert into|update) /i;

/**
 * MikroORM's SQLite connection, except that the rows a flush inserts or updates are sent with their values as
 * bindings. MikroORM inlines every value into the statement's text, which SQLite's driver then copies and its
 * dialect lower-cases to choose how to run it: for a flush of a whole agreement's provisions, megabytes of text
 * per statement, on the main thread. The values are the ones MikroORM would inline, already converted to
 * database values (JSON as text), and dates as milliseconds, as MikroORM inlines them.
 * Every other statement runs as MikroORM runs it, except the query builder's reads, which run as prepared
 * statements kept per connection (`keepPreparedReads`).
 */
export class SqliteConnectionWithBindings extends SqliteConnection {
  override createKnex(): void {
    super.createKnex();
    const client = this.client.client as unknown as Parameters<typeof keepPreparedReads>[0] & {
      transaction(...args: unknown[]): unknown;
    };
    keepPreparedReads(client);
    client.transaction = function (this: unknown, ...args: unknown[]) {
      return new WriterTransaction(this, ...args);
    };
  }

  /**
   * Every transaction of the service on SQLite holds the writer from its start (`BEGIN IMMEDIATE`): a transaction
   * that reads and then writes would otherwise fail at its first write (SQLITE_BUSY, no wait) if another process
   * wrote in between. Taken as `takingTheWriter` says, each refusal raising the writer-wanted sign; a nested one (a
   * savepoint) is already in its transaction.
   */
  override begin(
    options: Parameters<SqliteConnection['begin']>[0] = {},
  ): ReturnType<SqliteConnection['begin']> {
    if (options.ctx) return super.begin(options);
    this.writerWanted ??= new WriterWantedSign(this.config.get('dbName'));
    const sign = this.writerWanted;
    return takingTheWriter(
      () => super.begin(options),
      Date.now,
      () => sign.raise(),
    );
  }

  /** The sign this connection raises when it is refused the writer (`WriterTurns` in another process reads it). */
  private writerWanted?: WriterWantedSign;

  override async execute<T extends Result = EntityData<AnyEntity>[]>(
    query: Parameters<SqliteConnection['execute']>[0],
    params: unknown[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggerContext,
  ): Promise<T> {
    if (typeof query !== 'string' || method !== 'run' || !params.length || !ROW_WRITE.test(query))
      return super.execute<T>(query, params, method, ctx, loggerContext);
    await this.ensureConnection();
    const sql = this.config.get('onQuery')(query, params);
    return this.executeQuery(
      sql,
      async () => {
        const statement = this.getKnex().raw(sql, params.map(databaseValue));
        if (ctx) statement.transacting(ctx);
        return this.transformRawResult<T>(await statement, method);
      },
      { query: sql, params, ...loggerContext },
    );
  }
}

/** A value as MikroORM inlines it for SQLite: a date as its milliseconds (isDate: a date of any realm, jest's too). */
const databaseValue = (value: unknown): Knex.RawBinding =>
  types.isDate(value) ? value.getTime() : ((value ?? null) as Knex.RawBinding);

/** MikroORM's SQLite driver on `SqliteConnectionWithBindings`. */
export class SqliteDriverWithBindings extends AbstractSqlDriver<
  SqliteConnectionWithBindings,
  SqlitePlatform
> {
  constructor(config: Configuration) {
    super(config, new SqlitePlatform(), SqliteConnectionWithBindings, ['knex', 'sqlite3']);
  }
}
