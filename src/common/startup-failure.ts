import { ConsoleLogger } from '@nestjs/common';

/**
 * What a start that failed tells the operator: one line naming the fault (the database, with its password masked
 * by whoever threw; the port in use), never a stack trace. The server exits 1 after it, the command line 1 too.
 * `database` (describeDatabase) names the file a file-system error (SQLite's directory, its file) is about.
 */
export function startupFailureMessage(error: unknown, database: string): string {
  const { code, port, syscall, message } = (error ?? {}) as {
    code?: string;
    port?: number;
    syscall?: string;
    message?: string;
  };
  if (code === 'EADDRINUSE')
    return `port ${port} is already in use (PORT): another process is listening on it`;
  if (code === 'EACCES' && syscall === 'listen') return `port ${port} may not be used by this user (PORT)`;
  const line = (message ?? String(error)).split('\n')[0];
  return syscall && !line.includes(database) ? `${database}: ${line}` : line;
}

/**
 * The Nest logger until start-up is over (the server then logs through pino): Nest's ExceptionHandler writes a
 * failed start-up as a multi-line dump before rethrowing it; the server and the command line report it once, on
 * one line (`startupFailureMessage`).
 */
export class OneLineFailureLogger extends ConsoleLogger {
  override error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }
}
