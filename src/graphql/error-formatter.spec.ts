import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { BadUserInputError } from '../common/errors';
import { RequestBudget, runWithBudget } from '../common/request-budget';
import { formatGraphQLError } from './error-formatter';

describe('formatGraphQLError', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => (logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined)));
  afterEach(() => logged.mockRestore());
  const format = (error: unknown) =>
    formatGraphQLError({ message: String((error as Error).message), path: ['x'] }, error, false);

  it("reports an error met once the request's budget is spent as the budget's, not as an internal error", () => {
    const budget = new RequestBudget(60_000, 10);
    budget.exhaust('RESPONSE_TOO_LARGE');
    const failed = new GraphQLError('statement aborted', { originalError: new Error('statement aborted') });
    const formatted = runWithBudget(budget, () => format(failed));
    expect(formatted.extensions?.code).toBe('RESPONSE_TOO_LARGE');
    expect(logged).not.toHaveBeenCalled();
    // The application's own errors keep their code.
    const own = runWithBudget(budget, () => format(new BadUserInputError('first', 'bad')));
    expect(own.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('hides an unexpected error while the budget lasts', () => {
    const formatted = runWithBudget(new RequestBudget(), () =>
      format(new Error('SQLITE_ERROR: no such column')),
    );
    expect(logged).toHaveBeenCalledTimes(1);
    expect(formatted).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
