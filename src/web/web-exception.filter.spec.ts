import { ArgumentsHost, Logger } from '@nestjs/common';
import { RequestBudget } from '../common/request-budget';
import { WebGraphqlService } from './web-graphql.service';
import { WebExceptionFilter } from './web-exception.filter';

/** A page whose response has already gone out (the time budget answered 503 first). */
function answeredHost(budget: RequestBudget): ArgumentsHost {
  const req = { method: 'GET', path: '/provisions/ceta/art-7.7', budget };
  const res = { headersSent: true };
  return {
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ArgumentsHost;
}

describe('WebExceptionFilter after the answer went out', () => {
  const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  const filter = new WebExceptionFilter({} as WebGraphqlService);
  afterEach(() => jest.clearAllMocks());
  afterAll(() => jest.restoreAllMocks());

  it('notes a page stopped by its spent budget as a warning, without a stack', () => {
    const budget = new RequestBudget(1_000);
    budget.exhaust('TIMEOUT');
    filter.catch(new Error('The request took longer than 1000 ms and was abandoned'), answeredHost(budget));
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('GET /provisions/ceta/art-7.7: stopped, TIMEOUT');
  });

  it('still logs anything else that fails after the answer as an error', () => {
    filter.catch(new Error('a bug'), answeredHost(new RequestBudget(1_000)));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('a bug'));
    expect(warn).not.toHaveBeenCalled();
  });
});
