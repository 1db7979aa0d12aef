import { MikroORM, RequestContext } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/core';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/**
 * The request's entity managers, forked on first use: a fork (a unit of work, an identity map and their
 * helpers) costs as much as a page of the read path, which runs its statements on the connection and never
 * asks for one. A request that does ask (a mutation, an entity load) gets the same fork as before.
 */
export class LazyForks extends Map<string, EntityManager> {
  constructor(private readonly root: EntityManager) {
    super();
  }

  /** While the fork is being made (its constructor looks the context up): none yet, as MikroORM's own. */
  private forking = false;

  override get(name: string): EntityManager | undefined {
    let fork = super.get(name);
    if (!fork && name === this.root.name && !this.forking) {
      this.forking = true;
      try {
        fork = this.root.fork({ useContext: true, disableContextResolution: true });
      } finally {
        this.forking = false;
      }
      this.set(name, fork);
    }
    return fork;
  }

  override has(name: string): boolean {
    return super.has(name) || (name === this.root.name && !this.forking);
  }
}

const storage = (RequestContext as unknown as { storage: AsyncLocalStorage<RequestContext> }).storage;

/**
 * MikroORM's request context (as `@mikro-orm/nestjs`'s own middleware makes it, which DatabaseModule turns off)
 * with a lazy fork: see LazyForks.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(private readonly orm: MikroORM) {}

  use(_req: Request, _res: Response, next: NextFunction): void {
    storage.run(new RequestContext(new LazyForks(this.orm.em)), next);
  }
}
