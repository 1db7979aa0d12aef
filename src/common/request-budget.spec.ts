import { inSlices, RequestBudget, runInSteps, workSlices, WORK_SLICE_MS } from './request-budget';

/** Holds the thread for `ms`, as a long diff or look-up does. */
const busy = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};

describe('synchronous work in turns', () => {
  it('lets the event loop run between steps started together, once a slice has passed', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other client'));
    // Four steps started in one go, as graphql-js starts one field resolver per item of a list.
    const steps = [1, 2, 3, 4].map((n) =>
      inSlices(() => {
        busy(WORK_SLICE_MS + 5);
        order.push(`step ${n}`);
        return n;
      }),
    );
    expect(await Promise.all(steps)).toEqual([1, 2, 3, 4]);
    // The other client is answered before the last step (before the first, too, when a turn was already due).
    expect(order).toContain('other client');
    expect(order.indexOf('other client')).toBeLessThan(order.length - 1);
  });

  it('runs the steps in the order they were queued, and a failing step does not stop the next', async () => {
    const failing = inSlices(() => {
      throw new Error('step failed');
    });
    const next = inSlices(() => 'next ran');
    await expect(failing).rejects.toThrow('step failed');
    await expect(next).resolves.toBe('next ran');
  });

  it('runs a generator of steps to its result, giving a turn between steps once a slice has passed', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other client'));
    function* steps(): Generator<void, string> {
      for (let n = 1; n <= 3; n++) {
        if (n > 1) yield;
        busy(WORK_SLICE_MS + 5);
        order.push(`step ${n}`);
      }
      return 'linked';
    }
    await expect(runInSteps(steps())).resolves.toBe('linked');
    expect(order).toContain('other client');
    expect(order.indexOf('other client')).toBeLessThan(order.length - 1);
  });

  it('gives a turn between the steps of one loop once a slice has passed', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other client'));
    const pause = workSlices();
    for (let n = 1; n <= 3; n++) {
      await pause();
      busy(WORK_SLICE_MS + 5);
      order.push(`step ${n}`);
    }
    expect(order).toContain('other client');
    expect(order.indexOf('other client')).toBeLessThan(order.length - 1);
  });
});

describe('a request budget once exhausted', () => {
  it('runs what waits for its exhaustion then, once, and at once what asks after it', () => {
    const budget = new RequestBudget(60_000, 1_000);
    const ran: string[] = [];
    budget.whenExhausted(() => ran.push('first'));
    budget.whenExhausted(() => ran.push('second'));
    expect(ran).toEqual([]);
    budget.spend(2_000);
    expect(budget.exhausted).toBe('RESPONSE_TOO_LARGE');
    budget.exhaust('TIMEOUT');
    expect(ran).toEqual(['first', 'second']);
    budget.whenExhausted(() => ran.push('late'));
    expect(ran).toEqual(['first', 'second', 'late']);
  });

  it('aborts its signal, whether the signal was read before the exhaustion or after it', () => {
    const before = new RequestBudget();
    const signal = before.signal;
    expect(signal.aborted).toBe(false);
    before.exhaust('TIMEOUT');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('TIMEOUT');
    const after = new RequestBudget();
    after.exhaust('RESPONSE_TOO_LARGE');
    expect(after.signal.aborted).toBe(true);
    expect(after.signal.reason).toBe('RESPONSE_TOO_LARGE');
  });
});
