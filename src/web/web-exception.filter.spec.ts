import { ArgumentsHost, Logger } from '@nestjs/common';
import { TimeoutError } from '../common/errors';
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

describe('WebExceptionFilter on a page stopped in time', () => {
  it('answers 503 with what happened and logs a warning, not an error with a stack', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const sent: { status?: number; body?: unknown } = {};
    const req = {
      method: 'GET',
      path: '/parties/EUN',
      originalUrl: '/parties/EUN',
      url: '/parties/EUN',
      query: {},
      headers: { accept: 'application/json' },
      accepts: () => 'json',
    };
    const res = {
      headersSent: false,
      setHeader: () => res,
      getHeader: () => undefined,
      status: (status: number) => ((sent.status = status), res),
      json: (body: unknown) => ((sent.body = body), res),
    };
    const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) };
    new WebExceptionFilter({} as WebGraphqlService).catch(
      new TimeoutError('The request took longer than 1000 ms and was abandoned'),
      host as unknown as ArgumentsHost,
    );
    expect(sent).toEqual({
      status: 503,
      body: { statusCode: 503, message: 'The request took longer than 1000 ms and was abandoned' },
    });
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('GET /parties/EUN: 503'));
    jest.restoreAllMocks();
  });
});
