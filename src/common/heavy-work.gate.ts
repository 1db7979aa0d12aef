import { setting } from '../config';
import { budgetError, BudgetedRequest, budgetOf, currentBudget, HeavyTurn } from './request-budget';

/**
 * At most `limit` costly pieces of work run at once in this process; the others wait their turn (while their
 * budget's clock runs). Costly work is an operation costing more than HEAVY_QUERY_COST (QueryCostPlugin) and the
 * costlier operations, searches, draft checks and reports (HeavyWorkInterceptor). A few clients' worst allowed
 * requests then take turns instead of filling the event loop and the database connection together, and cheap
 * reads, which never wait here, keep being answered.
 */
export class HeavyWorkGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number = heavyWorkConcurrency()) {}

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          signal?.removeEventListener('abort', abandon);
          resolve();
        };
        const abandon = () => {
          const index = this.waiting.indexOf(turn);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', abandon, { once: true });
        this.waiting.push(turn);
      });
    } else this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }

  /**
   * The request's turn: one per request, however many of its parts are costly (aliases of a search, a page's
   * report run in process by the page that already holds the turn), so that a request never waits for itself.
   * Each part releases its hold; the turn goes to the next request when the last part is done. Refused with the
   * budget's error when the request's budget runs out while it waits.
   */
  async hold(req: BudgetedRequest): Promise<() => void> {
    const budget = budgetOf(req);
    if (!budget.heavyTurn) {
      // A turn granted at once never waits, so needs no signal (an AbortSignal costs microseconds a request).
      const granted = this.acquire(this.running < this.limit ? undefined : budget.signal);
      let given = false;
      const turn: HeavyTurn = {
        holders: 0,
        granted,
        giveUp: () => {
          if (given) return;
          given = true;
          if (budget.heavyTurn === turn) budget.heavyTurn = undefined;
          granted.then(
            (release) => release(),
            () => undefined,
          );
        },
      };
      budget.heavyTurn = turn;
    }
    const turn = budget.heavyTurn;
    turn.holders++;
    const letGo = () => {
      turn.holders--;
      if (turn.holders === 0) turn.giveUp();
    };
    try {
      await turn.granted;
    } catch {
      letGo();
      throw budgetError(budget);
    }
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      letGo();
    };
  }
}

export const heavyQueryCost = (): number => setting('HEAVY_QUERY_COST');

/**
 * Whether a GraphQL operation of this cost is costly work, to run in turn (QueryCostPlugin). The cost counts every
 * list at its bound, so it bounds the work: measured at the bounds (`bench/api/cost-work.ts`, every agreement with
 * 60 parties, provisions with 30 annotations), an operation did at most about 3 µs of CPU per unit of cost on a
 * quiet machine (6 µs at load 12), where an ordinary page really costs 3 to 5 ms (8 to 15 ms at load 12). Under
 * HEAVY_QUERY_COST (12,500) the worst an operation can do is then about 35 ms, a few ordinary pages; the product's
 * pages (an agreements page with its parties' codes, 2,520; the README's 50 agreements with their parties, 12,250)
 * do not wait behind one another, and the costliest shapes (100 agreements with their parties' names, 18,200; the
 * largest allowed, 25,000) still take turns. At 2,500 every page of agreements with their parties took turns.
 */
export const isHeavyQuery = (cost: number): boolean => cost > heavyQueryCost();
export const heavyWorkConcurrency = (): number => setting('HEAVY_QUERY_CONCURRENCY');

/**
 * Gives up the running request's turn at costly work, if it holds one: for a request about to wait on work shared
 * by every request (the clause index being built), which must not keep everyone else's costly work waiting too.
 */
export const giveUpHeavyTurn = (): void => currentBudget()?.heavyTurn?.giveUp();
