import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { RequestBudget, BudgetedRequest } from './request-budget';
import { RequestTimeoutMiddleware } from './request-timeout.middleware';

describe('RequestTimeoutMiddleware', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function answered() {
    const res = Object.assign(new EventEmitter(), {
      headersSent: false,
      status: jest.fn(),
      json: jest.fn(),
      setHeader: jest.fn(),
    });
    res.status.mockReturnValue(res);
    const req = { originalUrl: '/reports/coherence/EUN.json', headers: {}, budget: new RequestBudget(100) };
    new RequestTimeoutMiddleware().use(
      req as unknown as BudgetedRequest,
      res as unknown as Response,
      jest.fn(),
    );
    return res;
  }

  it('answers 503 TIMEOUT at the deadline', () => {
    const res = answered();
    jest.advanceTimersByTime(100);
    expect(res.status).toHaveBeenCalledWith(503);
  });

  it('still answers when its timer fires a moment before the deadline by the wall clock', () => {
    const res = answered();
    // The wall clock two milliseconds behind the timers' clock when the timer fires (it answered nothing, and the
    // route's late failure became a 500).
    jest.setSystemTime(Date.now() - 2);
    jest.advanceTimersByTime(100);
    jest.advanceTimersByTime(5);
    expect(res.status).toHaveBeenCalledWith(503);
    expect(res.json).toHaveBeenCalledWith(expect.objectContaining({ code: 'TIMEOUT' }));
  });
});
