import 'reflect-metadata';
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { environmentProblems, port, setting } from './config';

// The application's modules (some 3,000 with their packages, seconds of CPU) are loaded once the settings are
// known to be good: a bad setting is said at once, and the primary of a group of server processes, which serves
// nothing itself, loads only what it runs.
async function bootstrap(): Promise<void> {
  // A bad setting is the operator's to fix: name each one, as the command line does, without a stack trace.
  const problems = environmentProblems();
  if (problems.length) {
    console.error(`configuration: ${problems.join('; ')}`);
    process.exitCode = 1;
    return;
  }
  const { NestFactory } = await import('@nestjs/core');
  const { Logger } = await import('nestjs-pino');
  const { AppModule } = await import('./app.module');
  const { configureApp } = await import('./app.setup');
  const { installGracefulShutdown } = await import('./common/graceful-shutdown');
  const { isFirstServerProcess } = await import('./common/server-processes');
  const { OneLineFailureLogger } = await import('./common/startup-failure');
  const { ClauseIndexService } = await import('./search/wording/clause-index.service');
  const app = await NestFactory.create(AppModule, {
    logger: new OneLineFailureLogger(),
    bufferLogs: true,
    bodyParser: false,
    abortOnError: false,
  });
  configureApp(app);
  app.useLogger(app.get(Logger));
  const server = await app.listen(port());
  const listenPort = (server.address() as AddressInfo).port;
  installGracefulShutdown(app, server, { exit: true });
  const address = `http://localhost:${listenPort}/graphql`;
  app.get(Logger).log(`Clause Tracker is serving GraphQL at ${address}`);
  // Builds the clause index (similar clauses, families, the draft checker) now rather than on the first request.
  app.get(ClauseIndexService).watch();
  // For a person at a terminal (`npm start`); a log collector reading standard output gets JSON lines only.
  if (process.stdout.isTTY && isFirstServerProcess())
    console.log(
      `\n  Clause Tracker: open http://localhost:${listenPort}/ in a browser (the explorer), ${address} (GraphiQL), or POST GraphQL to it.\n`,
    );
}

// A database that cannot be opened or migrated, a port in use: one line for the operator, exit status 1 (the
// pool or the server may still hold the event loop open, hence the explicit exit).
function serve(): void {
  bootstrap().catch(async (error: unknown) => {
    const [{ startupFailureMessage }, { describeDatabase }] = await Promise.all([
      import('./common/startup-failure'),
      import('./database/database-status'),
    ]);
    console.error(`start-up: ${startupFailureMessage(error, describeDatabase())}`);
    process.exit(1);
  });
}

const processes = environmentProblems().length ? 1 : setting('SERVER_PROCESSES');
if (processes > 1 && cluster.isPrimary)
  void import('./common/server-processes').then(({ runServerProcesses }) => runServerProcesses(processes));
else serve();
