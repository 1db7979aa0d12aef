import Redis from 'ioredis';
import { RedisRateLimitStore } from '../../src/auth/rate-limit/redis-rate-limit.store';

const REDIS_URL = process.env.CLUSTER_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `clause-tracker-store-test:${process.pid}:`;

/** The Redis store on its own: one window shared by two clients of it (two instances), and fail-open. */
describe('RedisRateLimitStore', () => {
  const stores: RedisRateLimitStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.onModuleDestroy()));
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('shares one fixed window between instances: points taken on one are gone on the other', async () => {
    const [a, b] = [new RedisRateLimitStore(REDIS_URL, PREFIX), new RedisRateLimitStore(REDIS_URL, PREFIX)];
    stores.push(a, b);
    expect(await a.take('address:1', 6, 10, 60_000)).toMatchObject({ allowed: true, remaining: 4 });
    expect(await b.take('address:1', 0, 10, 60_000)).toMatchObject({ allowed: true, remaining: 4 });
    expect(await b.take('address:1', 5, 10, 60_000)).toMatchObject({ allowed: false, remaining: 4 });
    const last = await b.take('address:1', 4, 10, 60_000);
    expect(last).toMatchObject({ allowed: true, remaining: 0 });
    expect(last.resetMs).toBeGreaterThan(50_000);
    expect(await a.take('address:2', 1, 10, 60_000)).toMatchObject({ allowed: true, remaining: 9 });
  });

  it('gives points back to the shared bucket within its window, never more than it used', async () => {
    const a = new RedisRateLimitStore(REDIS_URL, PREFIX);
    stores.push(a);
    await a.take('address:7', 8, 10, 60_000);
    // An instance just started gives back as soon as it is asked, before its connection is up (it answered the full
    // limit, the points not given back, when CI's load slowed the connection).
    const b = new RedisRateLimitStore(REDIS_URL, PREFIX);
    stores.push(b);
    expect(await b.giveBack('address:7', 6, 10, 60_000)).toMatchObject({ allowed: true, remaining: 8 });
    expect(await a.giveBack('address:7', 50, 10, 60_000)).toMatchObject({ remaining: 10 });
    expect(await a.take('address:7', 10, 10, 60_000)).toMatchObject({ allowed: true, remaining: 0 });
    // No window (never taken, or ended): nothing to give back, and no key is made.
    expect(await a.giveBack('address:8', 5, 10, 60_000)).toMatchObject({ remaining: 10 });
    expect(await a.take('address:8', 11, 10, 60_000)).toMatchObject({ allowed: false });
  });

  it('always lets a look at the bucket (no points) through, even when the limit fell below what was used', async () => {
    const store = new RedisRateLimitStore(REDIS_URL, PREFIX);
    stores.push(store);
    expect((await store.take('address:5', 5, 10, 60_000)).allowed).toBe(true);
    expect(await store.take('address:5', 0, 2, 60_000)).toMatchObject({ allowed: true, remaining: -3 });
    expect((await store.take('address:5', 1, 2, 60_000)).allowed).toBe(false);
  });

  it('starts a new window once the old one expires', async () => {
    const store = new RedisRateLimitStore(REDIS_URL, PREFIX);
    stores.push(store);
    expect((await store.take('address:3', 2, 2, 200)).allowed).toBe(true);
    expect((await store.take('address:3', 1, 2, 200)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await store.take('address:3', 1, 2, 200)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('lets requests through when Redis does not answer', async () => {
    const store = new RedisRateLimitStore('redis://127.0.0.1:1', PREFIX);
    stores.push(store);
    expect(await store.take('address:4', 5, 2, 60_000)).toMatchObject({ allowed: true });
    expect(await store.ping()).toBe(false);
  });
});
