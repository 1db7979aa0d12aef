import sqlite3 from 'sqlite3';

/** A bare node-sqlite3 connection: the floor the product is compared with. */
export class RawSqlite {
  private constructor(private readonly db: sqlite3.Database) {}

  static async open(file: string): Promise<RawSqlite> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(opened)));
    });
    const raw = new RawSqlite(db);
    await raw.all('pragma busy_timeout = 5000');
    return raw;
  }

  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.db.close(() => resolve()));
  }
}
