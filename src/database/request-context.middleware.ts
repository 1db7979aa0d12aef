import { MikroORM, RequestContext, TransactionContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/core';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { budgetOf } from '../common/request-budget';
import { currentScope, runInScope } from '../common/request-scope';

/**
 * A request's entity manager, forked on first use: a fork (a unit of work, an identity map and their helpers)
 * costs as much as a page of the read path, which runs its statements on the connection and never asks for
 * one. A request that does ask (a mutation, an entity load) gets the same fork as MikroORM's request context
 * would have made.
 */
export class LazyFork {
  private fork: EntityManager | undefined;
  /** While the fork is being made: none yet, as MikroORM's own context while it forks. */
  private forking = false;

  constructor(private readonly root: EntityManager) {}

  get(name: string): EntityManager | undefined {
    if (this.fork || name !== this.root.name || this.forking) return this.fork;
    this.forking = true;
    try {
      this.fork = this.root.fork({ useContext: true, disableContextResolution: true });
    } finally {
      this.forking = false;
    }
    return this.fork;
  }
}

/**
 * MikroORM's `context` option (`orm-options.ts`), its public hook for "the entity manager of the current
 * context": the request's lazy fork inside an HTTP request, else MikroORM's own request context (a script's
 * `RequestContext.create`). A transaction's context still comes first (MikroORM looks it up before this).
 */
export function contextEntityManager(name: string): EntityManager | undefined {
  return (
    (currentScope()?.entityManagers as LazyFork | undefined)?.get(name) ??
    RequestContext.getEntityManager(name)
  );
}

/**
 * MikroORM keeps the transaction being run (`TransactionContext`: `em.transactional`, whose entity manager is then
 * everyone's) in an AsyncLocalStorage of its own, enabled by the first transaction (at start-up) for the life of the
 * process. On Node 20 every enabled AsyncLocalStorage adds a step and a property to every promise of the process,
 * and a read makes hundreds a request: the transaction is kept in the scope instead (`common/request-scope.ts`, the
 * one storage the service keeps; a script without a request gets a scope of its own), so that MikroORM's storage
 * is never enabled. The same context object, found through the same awaits, nested transactions included (each
 * `run` a scope of its own, as each `run` of the storage was). Called by `ormOptions`, before any ORM starts.
 */
export function keepTransactionsInRequestScope(): void {
  // `storage` is private in MikroORM's types, a static property of the class in its code.
  const { storage } = TransactionContext as unknown as { storage: object };
  Object.assign(storage, {
    run: <R>(context: unknown, work: (...args: unknown[]) => R, ...args: unknown[]): R =>
      runInScope({ transaction: context }, () => work(...args)),
    getStore: (): unknown => currentScope()?.transaction,
  });
}

/**
 * The request's scope (`common/request-scope.ts`), entered once for every HTTP request: its budget (the one
 * RequestTimeoutMiddleware arms; every statement checks it) and its request context (in place of
 * `@mikro-orm/nestjs`'s own middleware, which DatabaseModule turns off, and which forks for every request:
 * see LazyFork).
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(private readonly orm: MikroORM) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    runInScope({ budget: budgetOf(req), entityManagers: new LazyFork(this.orm.em) }, next);
  }
}
