import { AnyEntity, Configuration, EntityData, QueryResult, Transaction } from '@mikro-orm/core';
import { AbstractSqlDriver, Knex } from '@mikro-orm/knex';
import { SqliteConnection, SqlitePlatform } from '@mikro-orm/sqlite';
import { types } from 'node:util';
import { keepPreparedReads } from './sqlite-prepared-reads';

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
    keepPreparedReads(this.client.client as unknown as Parameters<typeof keepPreparedReads>[0]);
  }

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
