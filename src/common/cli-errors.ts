/**
 * The command line's mapping of errors a command throws: the message on standard error after the command's name,
 * exit status 1. A domain error (`common/errors.ts`) carries the same message GraphQL and HTTP answer with.
 */
export function reportCliError(command: string | undefined, error: Error): void {
  console.error(command ? `${command}: ${error.message}` : error.message);
  process.exitCode = 1;
}
