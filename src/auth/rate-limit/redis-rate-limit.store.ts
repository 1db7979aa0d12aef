import { setting } from '../../config';
import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import type { RateLimitDecision, RateLimitStore } from './rate-limit.store';

/**
 * The same fixed window as the memory store, atomically in Redis: the window starts (key set to 0 with the
 * window's expiry) on its first take; points are added only when they fit (taking none always succeeds). Returns allowed, remaining, ms left.
 */
const TAKE = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('SET', KEYS[1], 0, 'PX', ARGV[3])
  ttl = tonumber(ARGV[3])
end
local used = tonumber(redis.call('GET', KEYS[1]))
local points = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
if points > 0 and used + points > limit then return {0, limit - used, ttl} end
if points > 0 then used = redis.call('INCRBY', KEYS[1], points) end
return {1, limit - used, ttl}
`;

// Gives points back within the current window only (no key: the window has ended), never below zero used.
const GIVE_BACK = `
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then return {1, tonumber(ARGV[2]), tonumber(ARGV[3])} end
local used = tonumber(redis.call('GET', KEYS[1]))
local back = math.min(tonumber(ARGV[1]), used)
if back > 0 then used = redis.call('DECRBY', KEYS[1], back) end
return {1, tonumber(ARGV[2]) - used, ttl}
`;

type TakingRedis = Redis & {
  takePoints(key: string, points: number, limit: number, windowMs: number): Promise<[number, number, number]>;
  giveBackPoints(
    key: string,
    points: number,
    limit: number,
    windowMs: number,
  ): Promise<[number, number, number]>;
};

/**
 * Buckets in Redis (REDIS_URL), so that a client's budget holds across every instance of the service. When Redis
 * does not answer, requests are let through (logged at most once a minute): an outage of the limiter must not
 * become an outage of the service.
 */
export class RedisRateLimitStore implements RateLimitStore {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: TakingRedis;
  private lastWarning = 0;
  /** Resolves once connected, or after the connect timeout: until then a take or a give-back waits rather than fails open. */
  private readonly firstConnection: Promise<void>;

  constructor(
    url: string,
    private readonly prefix = setting('REDIS_KEY_PREFIX'),
  ) {
    this.redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      commandTimeout: 1_000,
      disconnectTimeout: 200,
    }) as TakingRedis;
    this.redis.defineCommand('takePoints', { numberOfKeys: 1, lua: TAKE });
    this.redis.defineCommand('giveBackPoints', { numberOfKeys: 1, lua: GIVE_BACK });
    this.redis.on('error', (error: Error) => this.warn(error));
    this.firstConnection = new Promise((resolve) => {
      this.redis.once('ready', () => resolve());
      setTimeout(resolve, 2_000).unref();
    });
  }

  async take(client: string, points: number, limit: number, windowMs: number): Promise<RateLimitDecision> {
    await this.firstConnection;
    try {
      const [allowed, remaining, resetMs] = await this.redis.takePoints(
        this.prefix + client,
        points,
        limit,
        windowMs,
      );
      return { allowed: allowed === 1, remaining, resetMs };
    } catch (error) {
      this.warn(error as Error);
      return { allowed: true, remaining: limit, resetMs: windowMs };
    }
  }

  async giveBack(
    client: string,
    points: number,
    limit: number,
    windowMs: number,
  ): Promise<RateLimitDecision> {
    await this.firstConnection;
    try {
      const [, remaining, resetMs] = await this.redis.giveBackPoints(
        this.prefix + client,
        points,
        limit,
        windowMs,
      );
      return { allowed: true, remaining, resetMs };
    } catch (error) {
      this.warn(error as Error);
      return { allowed: true, remaining: limit, resetMs: windowMs };
    }
  }

  /** Whether Redis answers (for /health). */
  async ping(): Promise<boolean> {
    try {
      return (await this.redis.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  /** Closed with the application (Nest calls it on the provider). */
  async onModuleDestroy(): Promise<void> {
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private warn(error: Error): void {
    if (Date.now() - this.lastWarning < 60_000) return;
    this.lastWarning = Date.now();
    this.logger.warn(`Redis does not answer (${error.message}): rate limits are not applied meanwhile`);
  }
}
