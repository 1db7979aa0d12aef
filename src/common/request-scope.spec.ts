import { EntityManager } from '@mikro-orm/core';
import { contextEntityManager, LazyFork } from '../database/request-context.middleware';
import { currentBudget, RequestBudget, runOutsideBudget, runWithBudget } from './request-budget';
import { currentScope, runInScope } from './request-scope';

describe('request scope (one AsyncLocalStorage for the budget and the entity manager)', () => {
  const fork = { name: 'default' } as unknown as EntityManager;
  const root = { name: 'default', fork: () => fork } as unknown as EntityManager;

  it('carries the budget and the lazy fork together, through awaits', async () => {
    const budget = new RequestBudget();
    const seen = await runInScope({ entityManagers: new LazyFork(root) }, () =>
      runWithBudget(budget, async () => {
        await Promise.resolve();
        return [currentBudget(), contextEntityManager('default')];
      }),
    );
    expect(seen).toEqual([budget, fork]);
    expect(currentScope()).toBeUndefined();
  });

  it('work outside the budget keeps the request entity manager, and the enclosing work keeps its budget', async () => {
    const budget = new RequestBudget();
    await runInScope({ entityManagers: new LazyFork(root) }, () =>
      runWithBudget(budget, async () => {
        const outside = await runOutsideBudget(async () => {
          await Promise.resolve();
          return [currentBudget(), contextEntityManager('default')];
        });
        expect(outside).toEqual([undefined, fork]);
        expect(currentBudget()).toBe(budget);
      }),
    );
  });

  it('a budget set before the entity manager is kept when the entity manager is added', () => {
    const budget = new RequestBudget();
    runWithBudget(budget, () =>
      runInScope({ entityManagers: new LazyFork(root) }, () => {
        expect(currentBudget()).toBe(budget);
        expect(contextEntityManager('default')).toBe(fork);
      }),
    );
  });
});
