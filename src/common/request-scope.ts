import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What a request's handling carries through its asynchronous calls, in one AsyncLocalStorage: its budget
 * (`request-budget.ts`), its lazily forked entity manager and MikroORM's transaction
 * (`database/request-context.middleware.ts`) and its logger (nestjs-pino's, `logger.options.ts`).
 *
 * One store rather than one per concern: on Node 20 every enabled AsyncLocalStorage copies its store onto every
 * promise created anywhere in the process (a promise hook per storage, and a property per storage on each
 * promise), and a page of the read path creates about a thousand promises.
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
