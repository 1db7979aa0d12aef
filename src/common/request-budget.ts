import { setting } from '../config';
import type { Request } from 'express';
import { DomainError, ResponseTooLargeError, TimeoutError } from './errors';
import { currentScope, runInScope } from './request-scope';

export const requestTimeoutMs = (): number => setting('REQUEST_TIMEOUT_MS');
export const maxResponseBytes = (): number => setting('MAX_RESPONSE_BYTES');

export type BudgetExhaustion = 'TIMEOUT' | 'RESPONSE_TOO_LARGE';

/** A request's turn at costly work (HeavyWorkGate.hold): its parts holding it, and how to give it up. */
export interface HeavyTurn {
  holders: number;
  granted: Promise<unknown>;
  giveUp(): void;
}

/**
 * What one request may still spend: a deadline (REQUEST_TIMEOUT_MS) and a response size (MAX_RESPONSE_BYTES).
 * Once either is spent the budget is exhausted: its signal aborts, no further resolver runs (QueryBudgetPlugin),
 * and database work that watches the signal stops. It also remembers whether a refusal was already audited, so a
 * request writes at most one DENIED event whatever the number of refused fields.
 */
export class RequestBudget {
  /** Made on the first read of `signal`: an AbortSignal with a listener costs several microseconds a request. */
  private controller?: AbortController;
  /** What `whenExhausted` asked to run once the budget is exhausted. */
  private listeners?: (() => void)[];
  readonly deadline: number;
  bytes = 0;
  /**
   * What the fields resolved so far cost in the query-cost model (each field 1, a provision's text
   * PROVISION_TEXT_COST): the operation's cost with its lists as long as they were, not at their bounds
   * (QueryCostPlugin gives the difference in rate-limit points back).
   */
  cost = 0;
  deniedAudited = false;
  /** The request's turn at costly work while it holds or waits for one (HeavyWorkGate.hold). */
  heavyTurn?: HeavyTurn;
  /**
   * A streamed download (`lift`): without a deadline or a turn at costly work, its statements still take the
   * database one at a time with the costly ones (HeavyStatements), so that a cheap read waits for one of them at
   * most however many downloads run.
   */
  streaming = false;
  exhausted: BudgetExhaustion | null = null;

  constructor(
    readonly limitMs: number = requestTimeoutMs(),
    readonly maxBytes: number = maxResponseBytes(),
    now: number = Date.now(),
  ) {
    this.deadline = now + limitMs;
  }

  /** Aborts once the budget is exhausted (already aborted when read after that). */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.exhausted) this.controller.abort(this.exhausted);
    }
    return this.controller.signal;
  }

  /**
   * Runs `listener` once the budget is exhausted (at once if it is): as a listener of `signal` would run, without
   * the AbortSignal (StatementBudget registers one for every request that runs a statement).
   */
  whenExhausted(listener: () => void): void {
    if (this.exhausted) listener();
    else (this.listeners ??= []).push(listener);
  }

  exhaust(reason: BudgetExhaustion): void {
    if (this.exhausted) return;
    this.exhausted = reason;
    this.controller?.abort(reason);
    const listeners = this.listeners;
    this.listeners = undefined;
    listeners?.forEach((listener) => listener());
  }

  /** Counts bytes of the response being built; past the cap the budget is exhausted. */
  spend(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > this.maxBytes) this.exhaust('RESPONSE_TOO_LARGE');
  }

  /** Whether the budget is spent (or its deadline has passed). */
  get spent(): boolean {
    return this.exhausted !== null || Date.now() >= this.deadline;
  }

  /**
   * No deadline from now on (a streamed download, bounded by the client hanging up instead); the size cap and
   * an exhaustion already met still hold. A turn at costly work is given up: a slow reader must not hold it.
   */
  lift(): void {
    (this as { deadline: number }).deadline = Infinity;
    this.streaming = true;
    this.heavyTurn?.giveUp();
  }

  /** Throws the error that stops further work once the budget is spent (or the deadline has passed). */
  check(): void {
    if (!this.exhausted && Date.now() >= this.deadline) this.exhaust('TIMEOUT');
    if (this.exhausted) throw budgetError(this);
  }
}

export function budgetError(budget: RequestBudget): DomainError {
  return budget.exhausted === 'RESPONSE_TOO_LARGE'
    ? new ResponseTooLargeError(budget.maxBytes)
    : new TimeoutError(`The request took longer than ${budget.limitMs} ms and was abandoned`);
}

export type BudgetedRequest = Request & { budget?: RequestBudget };

// The budget travels in the request's scope (`request-scope.ts`, one AsyncLocalStorage for the request's state).

/** Runs `work` (a request's handling) with `budget` as the budget of every database statement it issues. */
export const runWithBudget = <T>(budget: RequestBudget, work: () => T): T => runInScope({ budget }, work);

/** Runs `work` outside any request's budget: work shared by requests (an index other requests wait for too). */
export const runOutsideBudget = <T>(work: () => T): T => runInScope({ budget: undefined }, work);

/** The budget of the request whose handling is running, if any (StatementBudget reads it before a statement). */
export const currentBudget = (): RequestBudget | undefined =>
  currentScope()?.budget as RequestBudget | undefined;

/** Synchronous work between two turns of the event loop given by `workSlices` (other requests wait that long). */
export const WORK_SLICE_MS = 20;

/** When synchronous work in steps last gave the event loop a turn (one clock: the process has one thread). */
let lastTurn = performance.now();

async function turnIfDue(sliceMs: number, budget: RequestBudget | undefined): Promise<void> {
  if (performance.now() - lastTurn >= sliceMs) {
    await new Promise((resolve) => setImmediate(resolve));
    lastTurn = performance.now();
  }
  budget?.check();
}

/**
 * For long synchronous work done in steps (a draft check's look-ups, article by article; a family's look-ups):
 * call the function it returns between steps. Once WORK_SLICE_MS have passed since such work last gave the event
 * loop a turn, it gives one, so that other requests (cheap reads, health probes) are answered meanwhile, and it
 * stops the work (TIMEOUT) once the request's budget is spent. Without it, 1,500 articles' look-ups held every
 * other client for seconds.
 */
export function workSlices(sliceMs: number = WORK_SLICE_MS): () => Promise<void> {
  const budget = currentBudget();
  return () => turnIfDue(sliceMs, budget);
}

/**
 * Runs synchronous work written as a generator (it yields between its steps, e.g. `linkingSteps`) to its result,
 * calling `pause` (by default `workSlices()`) before each step after the first: a turn for the event loop once a
 * slice has passed, and TIMEOUT once the request's budget is spent.
 */
export async function runInSteps<T>(
  steps: Generator<void, T>,
  pause: () => Promise<void> = workSlices(),
): Promise<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pause();
  }
}

/** The last step queued by `inSlices`: each runs after it. */
let queued: Promise<unknown> = Promise.resolve();

/**
 * Runs a synchronous step after the steps queued before it, giving the event loop a turn first when one is due
 * (as `workSlices`). For steps that graphql-js starts together, one field resolver per item of a list (a family's
 * word diffs, up to a quarter of a second each for long clauses): a check made in each resolver would pass for all
 * of them before the first ran, and the first view of a long clause's family held every other client 1 to 2 s.
 */
export function inSlices<T>(step: () => T, sliceMs: number = WORK_SLICE_MS): Promise<T> {
  const budget = currentBudget();
  const run = queued.then(() => turnIfDue(sliceMs, budget)).then(step);
  queued = run.catch(() => undefined);
  return run;
}

/** The request's budget (made by RequestTimeoutMiddleware; a fresh one for requests that did not pass it). */
export function budgetOf(req: BudgetedRequest | undefined): RequestBudget {
  if (!req) return new RequestBudget();
  req.budget ??= new RequestBudget();
  return req.budget;
}
