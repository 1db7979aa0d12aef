import { Logger } from '@nestjs/common';
import cluster from 'node:cluster';
import type { RateLimitDecision, RateLimitStore } from './rate-limit.store';

/**
 * The buckets of a process group (`SERVER_PROCESSES` > 1, `server-processes.ts`) without Redis: the primary keeps
 * them in memory and each server process asks it over the cluster's IPC channel, so that a client's budget holds
 * whichever process its connection landed on.
 */
interface Ask {
  rateLimit: {
    id: number;
    op: 'take' | 'giveBack';
    client: string;
    points: number;
    limit: number;
    windowMs: number;
  };
}
interface Answer {
  rateLimitAnswer: { id: number; decision: RateLimitDecision };
}

/** How long a server process waits for the primary before letting the request through (as Redis fails open). */
export const PRIMARY_ANSWER_TIMEOUT_MS = 1000;

/** In the primary: answers every server process's asks from one memory store. */
export function serveRateLimitsToWorkers(store: RateLimitStore): void {
  cluster.on('message', (worker, message: Partial<Ask>) => {
    const ask = message?.rateLimit;
    if (!ask) return;
    void store[ask.op](ask.client, ask.points, ask.limit, ask.windowMs).then((decision) => {
      if (worker.isConnected()) worker.send({ rateLimitAnswer: { id: ask.id, decision } } satisfies Answer);
    });
  });
}

/** In a server process: the buckets the primary keeps. */
export class PrimaryRateLimitStore implements RateLimitStore {
  private readonly logger = new Logger('RateLimit');
  private nextId = 1;
  private readonly waiting = new Map<number, (decision: RateLimitDecision) => void>();
  private lastWarning = 0;

  constructor(private readonly timeoutMs = PRIMARY_ANSWER_TIMEOUT_MS) {
    process.on('message', (message: Partial<Answer>) => {
      const answer = message?.rateLimitAnswer;
      if (!answer) return;
      this.waiting.get(answer.id)?.(answer.decision);
      this.waiting.delete(answer.id);
    });
  }

  take(client: string, points: number, limit: number, windowMs: number): Promise<RateLimitDecision> {
    return this.ask('take', client, points, limit, windowMs);
  }

  giveBack(client: string, points: number, limit: number, windowMs: number): Promise<RateLimitDecision> {
    return this.ask('giveBack', client, points, limit, windowMs);
  }

  private ask(
    op: Ask['rateLimit']['op'],
    client: string,
    points: number,
    limit: number,
    windowMs: number,
  ): Promise<RateLimitDecision> {
    const id = this.nextId++;
    const failOpen = (why: string): RateLimitDecision => {
      this.waiting.delete(id);
      if (Date.now() - this.lastWarning > 60_000) {
        this.lastWarning = Date.now();
        this.logger.warn(`rate limits not checked: the primary process ${why}; requests pass`);
      }
      return { allowed: true, remaining: limit, resetMs: windowMs };
    };
    if (!process.send || !process.connected) return Promise.resolve(failOpen('is gone'));
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => resolve(failOpen(`did not answer in ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      this.waiting.set(id, (decision) => {
        clearTimeout(timer);
        resolve(decision);
      });
      process.send!({ rateLimit: { id, op, client, points, limit, windowMs } } satisfies Ask);
    });
  }
}
