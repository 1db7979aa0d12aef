import { BoundedCache } from './bounded-cache';

describe('BoundedCache', () => {
  it('keeps at most its capacity, dropping the least recently used entry', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([1, undefined, 3, 2]);
  });

  it('computes a missing value once', () => {
    const cache = new BoundedCache<number, number[]>(10);
    const compute = jest.fn(() => [1]);
    const first = cache.through(7, compute);
    expect(cache.through(7, compute)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
  });
});
