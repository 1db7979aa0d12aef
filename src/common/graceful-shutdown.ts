import { setting } from '../config';
import { INestApplication, Logger } from '@nestjs/common';
import type { Server } from 'node:http';
import { ServiceLifecycle } from '../health/service-lifecycle';

export const shutdownGraceMs = (): number => setting('SHUTDOWN_GRACE_MS');
export const shutdownReadyDelayMs = (): number => setting('SHUTDOWN_READY_DELAY_MS');

/**
 * Graceful shutdown behind a load balancer: on SIGTERM or SIGINT readiness (`/health/ready`) answers 503 at once,
 * and for SHUTDOWN_READY_DELAY_MS (default 5 s, a balancer's polling interval or two) requests are still served,
 * with `Connection: close` so that clients reconnect elsewhere. Then the server stops accepting connections,
 * closes idle keep-alive ones, lets the responses in flight finish for up to SHUTDOWN_GRACE_MS (default 10 s),
 * cuts what is left and closes the application (database pool last). Returns the shutdown function.
 */
export function installGracefulShutdown(
  app: INestApplication,
  server: Server,
  options: { signals?: NodeJS.Signals[]; graceMs?: number; readyDelayMs?: number; exit?: boolean } = {},
): () => Promise<void> {
  const logger = new Logger('Shutdown');
  const lifecycle = app.get(ServiceLifecycle);
  let inFlight = 0;
  let drained: (() => void) | null = null;
  server.on('request', (_req, res) => {
    inFlight++;
    if (lifecycle.draining && !res.headersSent) res.setHeader('Connection', 'close');
    res.on('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
  });
  let closing: Promise<void> | null = null;
  const shutdown = (): Promise<void> =>
    (closing ??= (async () => {
      const graceMs = options.graceMs ?? shutdownGraceMs();
      const readyDelayMs = options.readyDelayMs ?? shutdownReadyDelayMs();
      lifecycle.draining = true;
      logger.log(`shutting down: unready now, closing in ${readyDelayMs} ms`);
      if (readyDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, readyDelayMs));
      logger.log(`draining ${inFlight} response(s) for up to ${graceMs} ms`);
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
