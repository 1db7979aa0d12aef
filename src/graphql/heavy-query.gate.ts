import { setting } from '../config';

/**
 * At most `limit` costly operations run at once in this process; the others wait their turn (while their
 * budget's clock runs). One client's worst allowed queries then take turns instead of filling the event loop
 * and the database connection together, and cheap reads, which never wait here, keep being answered.
 */
export class HeavyQueryGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          signal?.removeEventListener('abort', abandon);
          resolve();
        };
        const abandon = () => {
          const index = this.waiting.indexOf(turn);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', abandon, { once: true });
        this.waiting.push(turn);
      });
    } else this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}

export const heavyQueryCost = (): number => setting('HEAVY_QUERY_COST');
export const heavyQueryConcurrency = (): number => setting('HEAVY_QUERY_CONCURRENCY');
