import cluster, { Worker } from 'node:cluster';
import { serveRateLimitsToWorkers } from '../auth/rate-limit/process-group-rate-limit.store';
import { MemoryRateLimitStore } from '../auth/rate-limit/rate-limit.store';

/** Whether this process is the only server process, or the first of a group (the one that greets the terminal). */
export const isFirstServerProcess = (): boolean => !cluster.isWorker || cluster.worker?.id === 1;

/**
 * `SERVER_PROCESSES` > 1: this process (the primary) serves nothing itself; it starts that many server processes
 * sharing the port (node:cluster hands each new connection to the next), one Node thread each, so that one
 * machine's cores all answer. The first prepares the database (migrations, fixtures) alone; the others start once
 * it listens, and find it ready. The primary keeps the rate-limit buckets unless Redis does
 * (`process-group-rate-limit.store.ts`), restarts a server process that dies once the group has started, and on
 * SIGTERM or SIGINT passes SIGTERM to each (their own graceful stop) and exits when all have. A server process
 * that fails to start stops the group with exit status 1 (the process has printed why).
 */
export function runServerProcesses(count: number): void {
  serveRateLimitsToWorkers(new MemoryRateLimitStore());
  let stopping = false;
  let status = 0;
  const alive = new Set<Worker>();
  const listening = new Set<Worker>();

  const stopAll = (exitStatus: number): void => {
    status ||= exitStatus;
    if (stopping) return;
    stopping = true;
    for (const worker of alive) worker.process.kill('SIGTERM');
    if (alive.size === 0) process.exit(status);
  };

  const start = (first: boolean): void => {
    // A stop that came between the first process listening and the others' start: none is started after it.
    if (stopping) return;
    const worker = cluster.fork();
    alive.add(worker);
    worker.once('listening', () => {
      listening.add(worker);
      if (first) for (let i = 1; i < count; i++) start(false);
    });
    worker.once('exit', (code, signal) => {
      alive.delete(worker);
      const started = listening.delete(worker);
      if (stopping) {
        if (alive.size === 0) process.exit(status);
        return;
      }
      if (!started) return stopAll(1);
      console.error(
        `server process ${worker.process.pid} stopped (${signal ?? `exit status ${code}`}); starting another`,
      );
      start(false);
    });
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll(0));
  start(true);
}
