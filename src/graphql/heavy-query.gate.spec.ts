import { HeavyQueryGate } from './heavy-query.gate';

const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('HeavyQueryGate', () => {
  it('lets `limit` operations run at once; the next waits for a release, in arrival order', async () => {
    const gate = new HeavyQueryGate(2);
    const releaseA = await gate.acquire();
    const releaseB = await gate.acquire();
    const c = gate.acquire();
    const d = gate.acquire();
    expect([await settled(c), await settled(d)]).toEqual([false, false]);
    releaseA();
    releaseA(); // a second release of the same turn frees nothing more
    expect([await settled(c), await settled(d)]).toEqual([true, false]);
    releaseB();
    expect(await settled(d)).toBe(true);
    (await c)();
    (await d)();
    // Everything released: the next two run at once again.
    await gate.acquire();
    expect(await settled(gate.acquire())).toBe(true);
  });

  it('drops a waiting operation whose request is abandoned, without taking its turn', async () => {
    const gate = new HeavyQueryGate(1);
    const release = await gate.acquire();
    const abandon = new AbortController();
    const abandoned = gate.acquire(abandon.signal);
    const next = gate.acquire();
    abandon.abort(new Error('client gone'));
    await expect(abandoned).rejects.toThrow('client gone');
    release();
    expect(await settled(next)).toBe(true);
  });
});
