import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { budgetError, currentBudget, RequestBudget, runOutsideBudget } from '../common/request-budget';
import { DriverConnection } from './engines/database-engine';
import { engineOf } from './engines/engines';

/**
 * MikroORM's `onQuery` hook, run before every statement it issues (entity loads, query builders, `execute`,
 * inside transactions too): a statement of a request whose budget is spent does not start. The request's
 * remaining work then fails at its next statement (a transaction rolls back) instead of running on unanswered.
 */
export function refuseStatementPastBudget(sql: string): string {
  const budget = currentBudget();
  if (budget?.spent) {
    budget.check();
  }
  return sql;
}

/** The parts of a knex client used here. */
interface KnexClient {
  query(connection: DriverConnection, obj: { sql: string; bindings?: unknown[] }): Promise<unknown>;
}

interface Running {
  connection: DriverConnection;
  sql: string;
}

/**
 * Stops a request's statements in flight once its budget is spent (deadline, response size, client gone): a
 * read it is running outside a transaction is interrupted as its engine does it (`DatabaseEngine.interrupt`:
 * SQLite's sqlite3_interrupt on the connection, PostgreSQL's pg_cancel_backend on its backend). Statements
 * inside a transaction are let finish (an interrupted write would roll back work another request may share);
 * the next one is refused by
 * `refuseStatementPastBudget` and the transaction rolls back. A statement of another request that a cancel
 * reaches by bad luck (the interrupted one had just ended) is run again once.
 */
@Injectable()
export class StatementBudget implements OnModuleInit {
  private readonly running = new WeakMap<RequestBudget, Set<Running>>();

  constructor(private readonly orm: MikroORM) {}

  onModuleInit(): void {
    const engine = engineOf(this.orm);
    const cancelled = new Set(engine.cancelledCodes);
    const wasCancelled = (error: unknown): boolean => cancelled.has((error as { code?: string })?.code ?? '');
    const em = this.orm.em as EntityManager;
    const client = (em.getKnex() as unknown as { client: KnexClient }).client;
    const query = client.query.bind(client);
    client.query = (connection, obj) => {
      const budget = currentBudget();
      if (!budget || connection.__knexTxId) return query(connection, obj);
      try {
        budget.check();
      } catch (error) {
        return Promise.reject(error);
      }
      const entry: Running = { connection, sql: obj.sql };
      const inFlight = this.inFlight(budget);
      inFlight.add(entry);
      return query(connection, obj).then(
        (result) => {
          inFlight.delete(entry);
          return result;
        },
        (error: unknown) => {
          inFlight.delete(entry);
          if (!wasCancelled(error)) throw error;
          if (budget.exhausted) throw budgetError(budget);
          // Another request's cancel reached this statement: it was not this request's to stop.
          return query(connection, obj);
        },
      );
    };
  }

  private inFlight(budget: RequestBudget): Set<Running> {
    let inFlight = this.running.get(budget);
    if (!inFlight) {
      const set = new Set<Running>();
      inFlight = set;
      this.running.set(budget, set);
      budget.whenExhausted(() => runOutsideBudget(() => set.forEach((entry) => void this.cancel(entry))));
    }
    return inFlight;
  }

  private async cancel({ connection, sql }: Running): Promise<void> {
    try {
      await engineOf(this.orm).interrupt(this.orm.em as EntityManager, connection, sql);
    } catch {
      // The statement ended meanwhile, or the server refused: nothing left to stop.
    }
  }
}
