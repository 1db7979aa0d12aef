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
    const kept = this.statements.get(sql);
    if (kept) {
      this.statements.delete(sql);
      this.statements.set(sql, kept);
      return this.runKept(sql, kept, bindings);
    }
    const statement = await this.prepare(sql);
    if (this.statements.has(sql)) {
      // Prepared twice at once (two reads of one text in a transaction): the first one is kept, this one used once.
      try {
        return await this.run(statement, bindings);
      } finally {
        this.finalize(statement);
      }
    }
    this.keep(sql, statement);
    return this.runKept(sql, statement, bindings);
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

  private run(statement: Statement, bindings: unknown[]): Promise<{ rows: unknown[]; statement: Statement }> {
    return new Promise((resolve, reject) => {
      statement.all(bindings, (error: Error | null, rows: unknown[]) =>
        error ? reject(error) : resolve({ rows, statement }),
      );
    });
  }

  /** Runs a kept statement; one that fails is let go (finalized), to be prepared again next time. */
  private async runKept(sql: string, statement: Statement, bindings: unknown[]) {
    try {
      return await this.run(statement, bindings);
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

/**
 * Has Knex's SQLite client run the query builder's reads as prepared statements kept per connection.
 * node-sqlite3's `Database#all(sql)` makes a new Statement for every run: an object with a native finalizer,
 * SQLite's parser and planner, and two trips through libuv's thread pool (prepare, then step), each answered by a
 * callback on the main thread; a kept statement is bound and stepped in one trip. Same connection, same rows, same
 * errors (Knex's `executeQuery` still names the statement in the message); every other statement (MikroORM's
 * own, writes, raw SQL) runs as before. The statements are finalized before a connection is closed.
 * docs/performance-log.md, 5 December 2026 (readpath3), has the measurements.
 */
export function keepPreparedReads(client: SqliteClient): void {
  const byConnection = new WeakMap<Database, PreparedReads>();
  const query = client._query.bind(client);
  const destroy = client.destroyRawConnection.bind(client);
  client._query = async (connection, statement) => {
    if (!READS.has(statement.method) || statement.sql.length > LONGEST_KEPT_READ)
      return query(connection, statement);
    let prepared = byConnection.get(connection);
    if (!prepared) {
      prepared = new PreparedReads(connection);
      byConnection.set(connection, prepared);
    }
    const { rows, statement: context } = await prepared.all(statement.sql, statement.bindings ?? []);
    statement.response = rows;
    statement.context = context;
    return statement;
  };
  client.destroyRawConnection = async (connection) => {
    await byConnection.get(connection)?.finalizeAll();
    return destroy(connection);
  };
}
