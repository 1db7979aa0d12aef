import { PrimaryRateLimitStore } from './process-group-rate-limit.store';

/** The server process's side, with the IPC channel replaced: what it asks, and that it fails open. */
describe('PrimaryRateLimitStore', () => {
  const send = Object.getOwnPropertyDescriptor(process, 'send');
  const connected = Object.getOwnPropertyDescriptor(process, 'connected');
  afterEach(() => {
    if (send) Object.defineProperty(process, 'send', send);
    else delete (process as { send?: unknown }).send;
    if (connected) Object.defineProperty(process, 'connected', connected);
  });
  const channel = (onAsk: (message: unknown) => void) => {
    Object.defineProperty(process, 'send', { value: onAsk, configurable: true, writable: true });
    Object.defineProperty(process, 'connected', { value: true, configurable: true });
  };

  it("asks the primary and answers with the primary's decision", async () => {
    const asked: unknown[] = [];
    channel((message) => {
      asked.push(message);
      const { id } = (message as { rateLimit: { id: number } }).rateLimit;
      setImmediate(() =>
        process.emit(
          'message',
          { rateLimitAnswer: { id, decision: { allowed: false, remaining: 1, resetMs: 5 } } },
          undefined,
        ),
      );
    });
    const store = new PrimaryRateLimitStore(1000);
    await expect(store.take('address:1', 3, 10, 60_000)).resolves.toEqual({
      allowed: false,
      remaining: 1,
      resetMs: 5,
    });
    expect(asked).toEqual([
      { rateLimit: { id: 1, op: 'take', client: 'address:1', points: 3, limit: 10, windowMs: 60_000 } },
    ]);
  });

  it('lets the request through when the primary does not answer in time', async () => {
    channel(() => undefined);
    const store = new PrimaryRateLimitStore(20);
    await expect(store.giveBack('address:2', 3, 10, 60_000)).resolves.toEqual({
      allowed: true,
      remaining: 10,
      resetMs: 60_000,
    });
  });
});
