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
      body: {
        statusCode: 503,
        code: 'TIMEOUT',
        message: 'The request took longer than 1000 ms and was abandoned',
      },
    });
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('GET /parties/EUN: 503'));
    jest.restoreAllMocks();
  });
});

describe('WebExceptionFilter on a page that fails unexpectedly', () => {
  it('answers a 500 page in the page language that says the fault is the server’s, logs the error, and shows none of it', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const sent: { status?: number; type?: string; body?: string } = {};
    const req = {
      method: 'GET',
      path: '/agreements/ceta',
      originalUrl: '/agreements/ceta?lang=fr',
      url: '/agreements/ceta?lang=fr',
      query: { lang: 'fr' },
      headers: { accept: 'text/html' },
      accepts: () => 'html',
    };
    const res = {
      headersSent: false,
      cookie: () => res,
      setHeader: () => res,
      getHeader: () => undefined,
      status: (status: number) => ((sent.status = status), res),
      type: (type: string) => ((sent.type = type), res),
      send: (body: string) => ((sent.body = body), res),
    };
    const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) };
    new WebExceptionFilter({} as WebGraphqlService).catch(
      new Error('SQLITE_CORRUPT: secret table name'),
      host as unknown as ArgumentsHost,
    );
    expect(sent.status).toBe(500);
    expect(sent.type).toBe('text/html; charset=utf-8');
    expect(sent.body).toContain('<h1>Erreur inattendue</h1>');
    expect(sent.body).toContain('L’erreur vient du serveur, pas de l’adresse');
    expect(sent.body).toContain('Le serveur n’a pas pu construire cette page. L’erreur a été consignée.');
    expect(sent.body).not.toContain('SQLITE_CORRUPT');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('SQLITE_CORRUPT: secret table name'));
    jest.restoreAllMocks();
  });
});
