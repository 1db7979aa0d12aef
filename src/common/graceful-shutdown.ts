import { INestApplication, Logger } from '@nestjs/common';
import type { Server } from 'node:http';

export const shutdownGraceMs = (): number => Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);

/**
 * Graceful shutdown: on SIGTERM or SIGINT the server stops accepting connections, closes idle keep-alive ones,
 * lets the responses in flight finish for up to SHUTDOWN_GRACE_MS (default 10 s), then cuts what is left and
 * closes the application (database pool last). Returns the shutdown function (for tests and other callers).
 */
export function installGracefulShutdown(
  app: INestApplication,
  server: Server,
  options: { signals?: NodeJS.Signals[]; graceMs?: number; exit?: boolean } = {},
): () => Promise<void> {
  const logger = new Logger('Shutdown');
  let inFlight = 0;
  let drained: (() => void) | null = null;
  server.on('request', (_req, res) => {
    inFlight++;
    res.on('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
  });
  let closing: Promise<void> | null = null;
  const shutdown = (): Promise<void> =>
    (closing ??= (async () => {
      const graceMs = options.graceMs ?? shutdownGraceMs();
      logger.log(`shutting down: draining ${inFlight} response(s) for up to ${graceMs} ms`);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, graceMs);
          drained = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      if (inFlight > 0) logger.warn(`${inFlight} response(s) still running after ${graceMs} ms: cut`);
      server.closeAllConnections();
      await closed;
      await app.close();
      logger.log('stopped');
      if (options.exit) process.exit(0);
    })());
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.once(signal, () => void shutdown());
  return shutdown;
}
