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

  it('gives points back within the window they were taken in, never more than it used', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(() => now);
    await store.take('address:1', 8, 10, 60_000);
    now = 1_000;
    expect(await store.giveBack('address:1', 6, 10, 60_000)).toEqual({
      allowed: true,
      remaining: 8,
      resetMs: 59_000,
    });
    expect(await store.giveBack('address:1', 50, 10, 60_000)).toMatchObject({ remaining: 10 });
    expect(await store.take('address:1', 10, 10, 60_000)).toMatchObject({ allowed: true, remaining: 0 });
    // Once the window has ended the bucket is full again: nothing to give back, and nothing over the limit.
    now = 60_000;
    expect(await store.giveBack('address:1', 10, 10, 60_000)).toMatchObject({ remaining: 10 });
    expect((await store.take('address:1', 11, 10, 60_000)).allowed).toBe(false);
    expect(await store.giveBack('address:2', 5, 10, 60_000)).toMatchObject({ remaining: 10 });
  });
});
