import type { Database, Statement } from 'sqlite3';

/** How many prepared statements each SQLite connection keeps (the least recently used is finalized beyond). */
export const PREPARED_STATEMENTS_PER_CONNECTION = 200;

/**
 * The longest statement text kept (characters): a read with a list of thousands of values (a report's scope, an
 * export's page) is rarely run twice with as many, and a kept statement holds its compiled program; such reads are
 * prepared for their run only, as before.
 */
export const LONGEST_KEPT_STATEMENT = 8000;

/** A statement as Knex's SQLite client runs it (`_query`), and what it answers. */
interface ClientStatement {
  method: string;
  sql: string;
  bindings?: unknown[];
  response?: unknown;
  context?: unknown;
}

/** The parts of MikroORM's SQLite Knex client changed here, and the one it asks which method runs a statement. */
interface SqliteClient {
  _query(connection: Database, statement: ClientStatement): Promise<ClientStatement>;
  destroyRawConnection(connection: Database): Promise<void>;
  getCallMethod(statement: ClientStatement): string;
}

/** The builder's reads (`select`, `first`, `pluck`), which Knex's SQLite client runs with node-sqlite3's `all`. */
const READS = new Set(['select', 'first', 'pluck']);
/** The query builder's writes: their values are always bindings, so their texts repeat. */
const BUILDER_WRITES = new Set(['insert', 'update', 'del', 'counter']);
/** Transaction control as Knex sends it (`COMMIT;`, `ROLLBACK`, savepoints): no values, the same few texts. */
const TRANSACTION_CONTROL = /^\s*(begin|commit|end|rollback|savepoint|release)\b/i;
/** Statements whose first step ends them (SQLITE_DONE), unless they return rows. */
const ENDS_AT_ITS_FIRST_STEP = /^\s*(insert|update|delete|replace|begin|commit|end|rollback|savepoint|release)\b/i;
const RETURNING = /\breturning\b/i;

/**
 * Whether a statement Knex's SQLite client sends runs from a kept statement, with node-sqlite3's `call` (the method
 * the client would call: `all` steps to the end, `run` steps once): the builder's reads and writes (MikroORM's
 * inserts too, which bind their values: `SqliteConnectionWithBindings`), transaction control, and any other
 * statement that binds its values. A kept statement run with `run` must end at that step (a write without
 * `returning`), or it would stay open between runs and hold SQLite's read of the database, or keep a transaction
 * from committing. A text with its values written into it (MikroORM's own `execute` inlines them) is not kept:
 * each would be a statement of its own, pushing out the ones used again.
 */
export function keepsStatement(statement: ClientStatement, call: string): boolean {
  const { method, sql } = statement;
  if (sql.length > LONGEST_KEPT_STATEMENT) return false;
  if (call === 'run' && (!ENDS_AT_ITS_FIRST_STEP.test(sql) || RETURNING.test(sql))) return false;
  if (call !== 'run' && call !== 'all') return false;
  return (
    READS.has(method) ||
    BUILDER_WRITES.has(method) ||
    TRANSACTION_CONTROL.test(sql) ||
    Boolean(statement.bindings?.length)
  );
}

/** What a kept statement's `run` answers: node-sqlite3's `this` of the run's callback, read as the run ended. */
export interface RunResult {
  lastID: number;
  changes: number;
}

/**
 * One connection's prepared statements, by their SQL text, least recently used first. A statement runs to its end
 * (`all` steps until SQLITE_DONE; `run`, one step, only for a statement that ends there), so a kept one holds no
 * read transaction between runs; one that failed (an interrupted read, a statement SQLite refused, a write refused
 * by a constraint) is finalized and prepared again next time. node-sqlite3 runs the calls of one statement one
 * after another, so two runs of one transaction on the same text take turns.
 */
export class PreparedStatements {
  private readonly statements = new Map<string, Statement>();
  private readonly finalized = new WeakSet<Statement>();

  constructor(
    private readonly connection: Database,
    private readonly limit = PREPARED_STATEMENTS_PER_CONNECTION,
  ) {}

  get size(): number {
    return this.statements.size;
  }

  /** The rows of `sql` with `bindings`, and the statement that read them (Knex's `context`). */
  async all(sql: string, bindings: unknown[]): Promise<{ rows: unknown[]; statement: Statement }> {
    return this.use(sql, (statement) => this.stepToTheEnd(statement, bindings));
  }

  /**
   * Runs `sql` with `bindings` by one step (a write: it ends there), from a kept statement as `all` does, and
   * answers the row id it inserted and the rows it changed.
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
      // Prepared twice at once (two statements of one text in a transaction): the first one is kept, this one used
      // once.
      try {
        return await step(statement);
      } finally {
        void this.finalize(statement);
      }
    }
    this.keep(sql, statement);
    return this.runKept(sql, statement, step);
  }

  private prepare(sql: string): Promise<Statement> {
    return new Promise((resolve, reject) => {
      const statement = this.connection.prepare(sql, (error: Error | null) =>
        error ? reject(error) : resolve(statement),
      );
    });
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

const byConnection = new WeakMap<Database, PreparedStatements>();

/** The statements kept on a connection (made the first time it is asked for). */
export function preparedStatementsOf(connection: Database): PreparedStatements {
  let prepared = byConnection.get(connection);
  if (!prepared) {
    prepared = new PreparedStatements(connection);
    byConnection.set(connection, prepared);
  }
  return prepared;
}

/**
 * Has Knex's SQLite client run its statements from prepared statements kept per connection (`keepsStatement` says
 * which). node-sqlite3's `Database#all(sql)` and `#run(sql)` make a new Statement for every run: an object with a
 * native finalizer, SQLite's parser and planner, and two trips through libuv's thread pool (prepare, then step),
 * each answered by a callback on the main thread, then its finalization; a kept statement is bound and stepped in
 * one trip. Same connection, same rows, same row ids and counts of changed rows, same errors (Knex's
 * `executeQuery` still names the statement in the message); every other statement runs as before. The statements
 * are finalized before a connection is closed. docs/performance-log.md, 5 December 2026 (readpath3: the reads) and
 * 6 December 2026 (load9: the writes and transaction control), has the measurements.
 */
export function keepPreparedStatements(client: SqliteClient): void {
  // On a subclass of the client's own, not on the client: a transaction's statements go through a client Knex makes
  // from the client's class (`makeTxClient`), which a method set on the client itself would not reach.
  const Base = client.constructor as abstract new (...args: never[]) => SqliteClient;
  abstract class WithKeptStatements extends Base {
    override async _query(connection: Database, statement: ClientStatement): Promise<ClientStatement> {
      const call = this.getCallMethod(statement);
      if (!keepsStatement(statement, call)) return super._query(connection, statement);
      const prepared = preparedStatementsOf(connection);
      if (call === 'run') {
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
