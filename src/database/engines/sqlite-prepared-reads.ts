import type { Database, Statement } from 'sqlite3';

/** How many prepared reads each SQLite connection keeps (the least recently used is finalized beyond). */
export const PREPARED_READS_PER_CONNECTION = 200;

/**
 * The longest statement text kept (characters): a read with a list of thousands of values (a report's scope, an
 * export's page) is rarely run twice with as many, and a kept statement holds its compiled program; such reads are
 * prepared for their run only, as before.
 */
export const LONGEST_KEPT_READ = 8000;

/** A statement as Knex's SQLite client runs it (`_query`), and what it answers. */
interface ClientStatement {
  method: string;
  sql: string;
  bindings?: unknown[];
  response?: unknown;
  context?: unknown;
}

/** The parts of MikroORM's SQLite Knex client changed here. */
interface SqliteClient {
  _query(connection: Database, statement: ClientStatement): Promise<ClientStatement>;
  destroyRawConnection(connection: Database): Promise<void>;
  /** MikroORM's dialect: the method of node-sqlite3 the statement would run with (`all`, `run`). */
  getCallMethod(statement: ClientStatement): string;
  /** Set on the client Knex makes for a transaction. */
  transacting?: boolean;
}

/** What a kept statement's `run` answers: node-sqlite3's `this` of the run's callback, read as the run ended. */
export interface RunResult {
  lastID: number;
  changes: number;
}

/** The builder's reads (`select`, `first`, `pluck`), which Knex's SQLite client runs with node-sqlite3's `all`. */
const READS = new Set(['select', 'first', 'pluck']);

/**
 * One connection's prepared reads, by their SQL text, least recently used first. A statement runs to its end
 * (`all` steps until SQLITE_DONE), so a kept one holds no read transaction between runs; one that failed (an
 * interrupted read, a statement SQLite refused) is finalized and prepared again next time. node-sqlite3 runs the
 * calls of one statement one after another, so two reads of one transaction on the same text take turns.
 */
export class PreparedReads {
  private readonly statements = new Map<string, Statement>();
  private readonly finalized = new WeakSet<Statement>();

  constructor(
    private readonly connection: Database,
    private readonly limit = PREPARED_READS_PER_CONNECTION,
  ) {}

  get size(): number {
    return this.statements.size;
  }

  /** The rows of `sql` with `bindings`, and the statement that read them (Knex's `context`). */
  async all(sql: string, bindings: unknown[]): Promise<{ rows: unknown[]; statement: Statement }> {
    return this.use(sql, (statement) => this.stepToTheEnd(statement, bindings));
  }

  /**
   * Runs `sql` with `bindings` by one step, from a kept statement as `all` does: only for a statement that ends at
   * that step (a write without `returning`, `begin`, `commit`), so that none stays open between runs. Answers the
   * row id it inserted and the rows it changed, as node-sqlite3's `Database#run` does (`this` of its callback).
   */
  async run(sql: string, bindings: unknown[]): Promise<RunResult> {
    return this.use(sql, (statement) => this.stepOnce(statement, bindings));
  }

  /** Finalizes every kept statement (before the connection closes: SQLite will not close with any left). */
  async finalizeAll(): Promise<void> {
    const statements = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(statements.map((statement) => this.finalize(statement)));
  }

  private prepare(sql: string): Promise<Statement> {
    return new Promise((resolve, reject) => {
      const statement = this.connection.prepare(sql, (error: Error | null) =>
        error ? reject(error) : resolve(statement),
      );
    });
  }

  /** Runs `sql`'s kept statement (prepared and kept the first time) by `step`. */
  private async use<T>(sql: string, step: (statement: Statement) => Promise<T>): Promise<T> {
    const kept = this.statements.get(sql);
    if (kept) {
      this.statements.delete(sql);
      this.statements.set(sql, kept);
      return this.runKept(sql, kept, step);
    }
    const statement = await this.prepare(sql);
    if (this.statements.has(sql)) {
      // Prepared twice at once (two reads of one text in a transaction): the first one is kept, this one used once.
      try {
        return await step(statement);
      } finally {
        void this.finalize(statement);
      }
    }
    this.keep(sql, statement);
    return this.runKept(sql, statement, step);
  }

  private stepToTheEnd(
    statement: Statement,
    bindings: unknown[],
  ): Promise<{ rows: unknown[]; statement: Statement }> {
    return new Promise((resolve, reject) => {
      statement.all(bindings, (error: Error | null, rows: unknown[]) =>
        error ? reject(error) : resolve({ rows, statement }),
      );
    });
  }

  private stepOnce(statement: Statement, bindings: unknown[]): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      statement.run(bindings, function (this: RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve({ lastID: this.lastID, changes: this.changes });
      });
    });
  }

  /** Runs a kept statement; one that fails is let go (finalized), to be prepared again next time. */
  private async runKept<T>(sql: string, statement: Statement, step: (statement: Statement) => Promise<T>) {
    try {
      return await step(statement);
    } catch (error) {
      if (this.statements.get(sql) === statement) this.statements.delete(sql);
      void this.finalize(statement);
      throw error;
    }
  }

  private keep(sql: string, statement: Statement): void {
    this.statements.set(sql, statement);
    if (this.statements.size <= this.limit) return;
    const [oldestSql, oldest] = this.statements.entries().next().value as [string, Statement];
    this.statements.delete(oldestSql);
    void this.finalize(oldest);
  }

  /**
   * Finalizes a statement once; node-sqlite3 runs it after the statement's calls already queued, and with a
   * callback reports a failure there instead of as an `error` event nobody listens to.
   */
  private finalize(statement: Statement): Promise<void> {
    if (this.finalized.has(statement)) return Promise.resolve();
    this.finalized.add(statement);
    return new Promise<void>((done) => statement.finalize(() => done()));
  }
}

const byConnection = new WeakMap<Database, PreparedReads>();

/** The statements kept on a connection (made the first time it is asked for). */
export function preparedStatementsOf(connection: Database): PreparedReads {
  let prepared = byConnection.get(connection);
  if (!prepared) {
    prepared = new PreparedReads(connection);
    byConnection.set(connection, prepared);
  }
  return prepared;
}

/** Knex's `COMMIT;`, as its SQLite transaction sends it. */
const COMMIT = 'COMMIT;';
/** A row write whose values are bindings: the query builder's (the write's lock), MikroORM's `insert`. */
const ROW_WRITE = /^\s*(insert into|update) /i;
const RETURNING = /\breturning\b/i;

/**
 * How a statement is run from a kept statement (`all`, `run`), or not at all (`undefined`: made for its run, as
 * node-sqlite3's `Database#all` and `#run` make one). Outside a transaction, the query builder's reads. Inside one,
 * only what every write repeats: Knex's `COMMIT;`, and the row writes with bound values (the lock's update that
 * changes nothing, MikroORM's inserts of the annotation and its audit event), by one step (`run`) when that step
 * ends them (no `returning`), else to their end (`all`, as the client would). The reads of a transaction and any
 * other statement (MikroORM's own, with their values in their text; `ROLLBACK`) are made for their run, as before:
 * load9 (docs/performance-log.md) kept every statement with bindings and found the mix dearer, unexplained.
 */
export function keptAs(
  statement: ClientStatement,
  call: string,
  inTransaction: boolean,
): 'all' | 'run' | undefined {
  const { method, sql } = statement;
  if (sql.length > LONGEST_KEPT_READ) return undefined;
  if (!inTransaction) return READS.has(method) ? 'all' : undefined;
  if (sql === COMMIT) return 'run';
  if (!statement.bindings?.length || !ROW_WRITE.test(sql)) return undefined;
  if (call === 'run') return RETURNING.test(sql) ? undefined : 'run';
  return call === 'all' ? 'all' : undefined;
}

/**
 * Has Knex's SQLite client run the query builder's reads, and a write's commit and row writes, as prepared
 * statements kept per connection (`keptAs` says which). node-sqlite3's `Database#all(sql)` and `#run(sql)` make a
 * new Statement for every run: an object with a native finalizer, SQLite's parser and planner, and two trips
 * through libuv's thread pool (prepare, then step), each answered by a callback on the main thread; a kept statement
 * is bound and stepped in one trip. Same connection, same rows, same row ids and counts, same errors (Knex's
 * `executeQuery` still names the statement in the message); every other statement runs as before. The statements
 * are finalized before a connection is closed. docs/performance-log.md, 5 December 2026 (readpath3) and 6 December
 * 2026 (load9, load10), has the measurements.
 */
export function keepPreparedReads(client: SqliteClient): void {
  // On a subclass of the client's own, not on the client: a transaction's statements go through a client Knex makes
  // from the client's class (`makeTxClient`, marked `transacting`), which a method set on the client would not reach.
  const Base = client.constructor as abstract new (...args: never[]) => SqliteClient;
  abstract class WithKeptStatements extends Base {
    override async _query(connection: Database, statement: ClientStatement): Promise<ClientStatement> {
      const kept = keptAs(statement, this.getCallMethod(statement), this.transacting === true);
      if (!kept) return super._query(connection, statement);
      const prepared = preparedStatementsOf(connection);
      if (kept === 'run') {
        // Knex and MikroORM read the row id and the count from the context (`this` of node-sqlite3's callback).
        statement.response = undefined;
        statement.context = await prepared.run(statement.sql, statement.bindings ?? []);
        return statement;
      }
      const { rows, statement: context } = await prepared.all(statement.sql, statement.bindings ?? []);
      statement.response = rows;
      statement.context = context;
      return statement;
    }

    override async destroyRawConnection(connection: Database): Promise<void> {
      await byConnection.get(connection)?.finalizeAll();
      return super.destroyRawConnection(connection);
    }
  }
  Object.setPrototypeOf(client, WithKeptStatements.prototype);
}
