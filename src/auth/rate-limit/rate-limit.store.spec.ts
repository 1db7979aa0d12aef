import { MemoryRateLimitStore } from './rate-limit.store';

describe('MemoryRateLimitStore', () => {
  it('takes points while they fit, in one fixed window', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(() => now);
    expect(await store.take('address:1', 6, 10, 60_000)).toEqual({
      allowed: true,
      remaining: 4,
      resetMs: 60_000,
    });
    expect(await store.take('address:1', 5, 10, 60_000)).toMatchObject({ allowed: false, remaining: 4 });
    now = 60_000;
    expect(await store.take('address:1', 5, 10, 60_000)).toMatchObject({ allowed: true, remaining: 5 });
  });

  it('always lets a look at the bucket (no points) through, even when the limit fell below what was used', async () => {
    const store = new MemoryRateLimitStore(() => 0);
    await store.take('address:1', 5, 10, 60_000);
    expect(await store.take('address:1', 0, 2, 60_000)).toMatchObject({ allowed: true, remaining: -3 });
    expect((await store.take('address:1', 1, 2, 60_000)).allowed).toBe(false);
  });
});
