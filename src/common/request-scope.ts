import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What a request's handling carries through its asynchronous calls, in one AsyncLocalStorage: its budget
 * (`request-budget.ts`), its lazily forked entity manager and MikroORM's transaction
 * (`database/request-context.middleware.ts`) and its logger (nestjs-pino's, `logger.options.ts`).
 *
 * One store rather than one per concern: on Node 20 every enabled AsyncLocalStorage copies its store onto every
 * promise created anywhere in the process (one promise hook for all storages, and a property per storage on each
 * promise), and a read of `bench:load`'s mix creates 340 to 570 promises (load13).
 *
 * The hooks are the process's, not a request's: while any storage is enabled (this one, or MikroORM's flush guard,
 * which every write enables) every promise pays them, so a read that entered no storage would still pay them
 * whenever a write is in flight (docs/performance-log.md, load13). From Node 24 (22.7 with
 * `--experimental-async-context-frame`) AsyncLocalStorage needs no promise hook.
 */
export interface RequestScope {
  budget?: unknown;
  entityManagers?: unknown;
  /** nestjs-pino's store of the request's logger (`logger.options.ts`, `keepRequestLoggerInRequestScope`). */
  logger?: unknown;
  /** MikroORM's context of the transaction being run (`keepTransactionsInRequestScope`). */
  transaction?: unknown;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** The scope of the running request's handling, if any. */
export const currentScope = (): RequestScope | undefined => scopes.getStore();

/**
 * Runs `work` in the current scope with `changes` applied: a new scope object, so that the enclosing work keeps
 * its own (`{ budget: undefined }` leaves only the budget, as a separate storage's `exit` did).
 */
export const runInScope = <T>(changes: RequestScope, work: () => T): T =>
  scopes.run({ ...scopes.getStore(), ...changes }, work);
