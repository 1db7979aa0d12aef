import { createHook } from 'node:async_hooks';
import { EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { batchLoader, RequestLoaders } from './loaders';

/** The promises made while `work` runs (each pays every enabled AsyncLocalStorage's hook on Node 20). */
async function promisesDuring(work: () => Promise<unknown>): Promise<number> {
  let made = 0;
  const hook = createHook({
    init(_id, type) {
      if (type === 'PROMISE') made++;
    },
  });
  hook.enable();
  try {
    await work();
  } finally {
    hook.disable();
  }
  return made;
}

describe('RequestLoaders.preload (read-ahead of a page of keys)', () => {
  const keys = Array.from({ length: 20 }, (_, i) => i + 1);
  const loaders = () => new RequestLoaders({} as EntityManager);

  it('reads a page of keys ahead in one batch without a promise per key, and answers them as values', async () => {
    const batches: (readonly number[])[] = [];
    const loader = batchLoader<number, string>((ids) => {
      batches.push(ids);
      return Promise.resolve(ids.map((id) => `v${id}`));
    });
    const request = loaders();
    // As many promises for 20 keys as for 2: DataLoader's loadMany made three a key (61 for 20).
    await loaders().preload(loader, [100]);
    const forTwo = await promisesDuring(() => loaders().preload(loader, [101, 102]));
    const forTwenty = await promisesDuring(() => request.preload(loader, [...keys, 3]));
    expect(forTwenty).toBe(forTwo);
    expect(batches).toEqual([[100], [101, 102], keys]);
    expect(keys.map((key) => request.loadNow(loader, key))).toEqual(keys.map((key) => `v${key}`));
    expect(batches).toHaveLength(3);
  });

  it("answers a key the batch answered an error with that error, from the key's own load, without reading again", async () => {
    let calls = 0;
    const loader = batchLoader<number, string>((ids) => {
      calls++;
      return Promise.resolve(ids.map((id) => (id === 2 ? new Error('no 2') : `v${id}`)));
    });
    const request = loaders();
    await request.preload(loader, [1, 2]);
    expect(request.loadNow(loader, 1)).toBe('v1');
    await expect(request.loadNow(loader, 2)).rejects.toThrow('no 2');
    expect(calls).toBe(1);
  });

  it('keeps nothing of a failed batch: the keys are loaded again, in one batch, by their own loads', async () => {
    let calls = 0;
    const loader = batchLoader<number, string>((ids) => {
      calls++;
      return calls === 1
        ? Promise.reject(new Error('interrupted'))
        : Promise.resolve(ids.map((id) => `v${id}`));
    });
    const request = loaders();
    await request.preload(loader, [1, 2]);
    const answers = [request.loadNow(loader, 1), request.loadNow(loader, 2)];
    expect(answers.every((a) => a instanceof Promise)).toBe(true);
    expect(await Promise.all(answers)).toEqual(['v1', 'v2']);
    expect(calls).toBe(2);
  });

  it('still reads ahead through a plain DataLoader, by its loadMany', async () => {
    const loader = new DataLoader<number, string>((ids) => Promise.resolve(ids.map((id) => `v${id}`)));
    const request = loaders();
    await request.preload(loader, keys);
    expect(keys.map((key) => request.loadNow(loader, key))).toEqual(keys.map((key) => `v${key}`));
  });
});
