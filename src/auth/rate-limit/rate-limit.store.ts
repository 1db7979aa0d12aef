import cluster from 'node:cluster';
import { setting } from '../../config';
import { PrimaryRateLimitStore } from './process-group-rate-limit.store';
import { RedisRateLimitStore } from './redis-rate-limit.store';

/** What a bucket answered: whether the points were taken, what is left, when the window resets. */
export interface RateLimitDecision {
  allowed: boolean;
  remaining: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
}

/**
 * Where the buckets live. One bucket per client (`key:<id>` or `address:<ip>`), shared by every operation and
 * route. In memory for one process; a shared store (Redis) implements the same method for several instances.
 */
export interface RateLimitStore {
  /**
   * Takes `points` from the bucket `client` holding `limit` points per `windowMs`, if it has them. Taking none
   * (a look at the bucket, a route that costs nothing) always succeeds, even when the limit was lowered below
   * what the window already used.
   */
  take(client: string, points: number, limit: number, windowMs: number): Promise<RateLimitDecision>;
  /**
   * Gives back `points` taken from the bucket `client` in its current window (an operation charged for its cost at
   * the lists' bounds, whose answer was smaller: QueryCostPlugin), never more than the window used; nothing once the
   * window has ended (the bucket is full again anyway).
   */
  giveBack(client: string, points: number, limit: number, windowMs: number): Promise<RateLimitDecision>;
}

export const RATE_LIMIT_STORE = Symbol('RATE_LIMIT_STORE');

/**
 * Redis when REDIS_URL is set (several instances share the buckets); else, in a server process of a group
 * (`SERVER_PROCESSES`), the primary's memory; else this process's memory.
 */
export function createRateLimitStore(): RateLimitStore {
  const url = setting('REDIS_URL');
  if (url) return new RedisRateLimitStore(url);
  return cluster.isWorker ? new PrimaryRateLimitStore() : new MemoryRateLimitStore();
}

/** Fixed windows in a Map; expired windows are swept as the map grows. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { start: number; used: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async take(client: string, points: number, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const now = this.now();
    let window = this.windows.get(client);
    if (!window || now - window.start >= windowMs) {
      if (this.windows.size > 50_000) this.sweep(now, windowMs);
      window = { start: now, used: 0 };
      this.windows.set(client, window);
    }
    const resetMs = window.start + windowMs - now;
    if (points > 0 && window.used + points > limit)
      return { allowed: false, remaining: limit - window.used, resetMs };
    window.used += points;
    return { allowed: true, remaining: limit - window.used, resetMs };
  }

  async giveBack(
    client: string,
    points: number,
    limit: number,
    windowMs: number,
  ): Promise<RateLimitDecision> {
    const now = this.now();
    const window = this.windows.get(client);
    if (!window || now - window.start >= windowMs)
      return { allowed: true, remaining: limit, resetMs: windowMs };
    window.used = Math.max(0, window.used - Math.max(0, points));
    return { allowed: true, remaining: limit - window.used, resetMs: window.start + windowMs - now };
  }

  private sweep(now: number, windowMs: number): void {
    for (const [client, window] of this.windows)
      if (now - window.start >= windowMs) this.windows.delete(client);
  }
}
