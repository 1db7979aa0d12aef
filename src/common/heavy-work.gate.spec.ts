import { TimeoutError } from './errors';
import { giveUpHeavyTurn, HeavyWorkGate, isHeavyQuery } from './heavy-work.gate';
import { BudgetedRequest, RequestBudget, runWithBudget } from './request-budget';

const settled = async (promise: Promise<unknown>): Promise<boolean> => {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('HeavyWorkGate', () => {
  it('lets `limit` operations run at once; the next waits for a release, in arrival order', async () => {
    const gate = new HeavyWorkGate(2);
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
    const gate = new HeavyWorkGate(1);
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

describe('HeavyWorkGate.hold: one turn per request', () => {
  const request = () => ({ budget: new RequestBudget(60_000) }) as BudgetedRequest;

  it('lets the parts of one request share its turn, and passes it on when the last part is done', async () => {
    const gate = new HeavyWorkGate(1);
    const page = request();
    const releasePage = await gate.hold(page);
    // The page's report, run in process, does not wait for the page that holds the turn.
    const releaseReport = await gate.hold(page);
    const other = gate.hold(request());
    releasePage();
    expect(await settled(other)).toBe(false);
    releaseReport();
    releaseReport(); // a second release of the same hold gives nothing more away
    expect(await settled(other)).toBe(true);
    (await other)();
  });

  it('gives the turn up when the request lifts its deadline (a streamed download, paced by its client)', async () => {
    const gate = new HeavyWorkGate(1);
    const download = request();
    const release = await gate.hold(download);
    const other = gate.hold(request());
    expect(await settled(other)).toBe(false);
    download.budget!.lift();
    expect(await settled(other)).toBe(true);
    release(); // still holding nothing: the next request keeps its turn
    const third = gate.hold(request());
    expect(await settled(third)).toBe(false);
    (await other)();
    expect(await settled(third)).toBe(true);
  });

  it('refuses a waiting request with its budget error when its budget runs out, without taking a turn', async () => {
    const gate = new HeavyWorkGate(1);
    const release = await gate.hold(request());
    const late = request();
    const waiting = gate.hold(late);
    late.budget!.exhaust('TIMEOUT');
    await expect(waiting).rejects.toThrow(TimeoutError);
    expect(late.budget!.heavyTurn).toBeUndefined();
    release();
    expect(await settled(gate.hold(request()))).toBe(true);
  });

  it("gives up the running request's turn before it waits for shared work", async () => {
    const gate = new HeavyWorkGate(1);
    const req = request();
    await runWithBudget(req.budget!, async () => {
      await gate.hold(req);
      const other = gate.hold(request());
      expect(await settled(other)).toBe(false);
      giveUpHeavyTurn();
      expect(await settled(other)).toBe(true);
    });
  });

  it('counts as costly work an operation whose lists at their bounds could cost more than a few ordinary pages', () => {
    // The product's pages (README, bench/load): an agreements page with its parties' codes, 50 agreements with
    // their parties' names, an agreement's 20 provisions with their annotations.
    for (const cost of [2_520, 12_250, 1_882]) expect(isHeavyQuery(cost)).toBe(false);
    // 100 agreements with their parties' names (6,000 party rows at the bound), the largest allowed.
    for (const cost of [18_200, 25_000]) expect(isHeavyQuery(cost)).toBe(true);
  });
});
