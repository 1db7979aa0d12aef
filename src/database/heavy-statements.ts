import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { currentBudget } from '../common/request-budget';

/** The parts of a knex client used here. */
interface PoolingClient {
  acquireConnection(): Promise<object>;
  releaseConnection(connection: object): Promise<void>;
}

/** A queue of one: `enter` resolves with the function that lets the next one in. */
export class OneAtATime {
  private tail: Promise<void> = Promise.resolve();

  enter(): Promise<() => void> {
    let leave!: () => void;
    const left = new Promise<void>((resolve) => (leave = resolve));
    const entered = this.tail.then(() => leave);
    this.tail = this.tail.then(() => left);
    return entered;
  }
}

/**
 * The statements of the request holding the turn at costly work (HeavyWorkGate) take the database one at a time:
 * such a request (aliases of a search with facets, a report) would otherwise queue a dozen statements at once on
 * SQLite's one connection (or fill PostgreSQL's pool), and every cheap read arriving meanwhile would wait for
 * all of them. So do the statements of streamed downloads (`RequestBudget.streaming`), which give their turn up
 * when they start streaming: in the same queue, since eighteen downloads at once, each reading its next page,
 * held `/health`'s database ping past its one-second limit (503). Waiting happens before a connection is taken
 * from the pool, so a cheap read waits for at most one costly or streaming statement. Statements inside a
 * transaction use the transaction's connection and are not queued again.
 */
@Injectable()
export class HeavyStatements implements OnModuleInit {
  private readonly queue = new OneAtATime();
  private readonly leaving = new Map<object, () => void>();

  constructor(private readonly orm: MikroORM) {}

  onModuleInit(): void {
    const client = (this.orm.em as EntityManager).getKnex().client as unknown as PoolingClient;
    const acquire = client.acquireConnection.bind(client);
    const release = client.releaseConnection.bind(client);
    client.acquireConnection = async () => {
      const budget = currentBudget();
      if (!budget?.heavyTurn && !budget?.streaming) return acquire();
      const leave = await this.queue.enter();
      try {
        const connection = await acquire();
        this.leaving.set(connection, leave);
        return connection;
      } catch (error) {
        leave();
        throw error;
      }
    };
    client.releaseConnection = (connection) => {
      const leave = this.leaving.get(connection);
      this.leaving.delete(connection);
      const released = release(connection);
      leave?.();
      return released;
    };
  }
}
