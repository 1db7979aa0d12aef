import { Type } from '@nestjs/common';
import { CLI_COMMANDS, CliCommandName, cliHelp } from './cli-commands';
import { reportCliError } from './common/cli-errors';
import { environmentProblems } from './config';
import { OneLineFailureLogger, startupFailureMessage } from './common/startup-failure';
import { describeDatabase } from './database/database-status';

/**
 * The module each command needs. Commands that only read or write a table start with the database alone
 * (about a third of the application's start-up); the others load the whole command line module.
 */
const LIGHT_MODULES: Partial<Record<CliCommandName, () => Promise<Type>>> = {
  keys: async () => (await import('./auth/commands/keys-cli.module')).KeysCliModule,
  export: async () => (await import('./ingest/commands/export-cli.module')).ExportCliModule,
};

/**
 * The command line on `process.argv`: `cli.ts` runs it in its own process; the tests run it in theirs too
 * (`test/support/cli-in-process.ts`), where the process is not what they check.
 */
export async function runCli(): Promise<void> {
  const problems = environmentProblems();
  if (problems.length) {
    console.error(`configuration: ${problems.join('; ')}`);
    process.exitCode = 2;
    return;
  }
  const [command] = process.argv.slice(2);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(cliHelp());
    if (command === undefined) process.exitCode = 2;
    return;
  }
  const light = command in CLI_COMMANDS ? LIGHT_MODULES[command as CliCommandName] : undefined;
  const module = light ? await light() : (await import('./cli.module')).CliModule;
  const { CommandFactory } = await import('nest-commander');
  try {
    await CommandFactory.run(module, {
      logger: new OneLineFailureLogger({ logLevels: ['error', 'warn'] }),
      abortOnError: false,
      errorHandler: (error) => {
        const code = (error as { code?: string }).code;
        // commander reports a help it printed as an "error"; it is not one.
        if (code === 'commander.helpDisplayed') return;
        // commander has already written its own errors (unknown command or option, missing argument) to stderr.
        if (!code?.startsWith('commander.')) console.error(error.message);
        process.exitCode = 2;
      },
      serviceErrorHandler: (error) => reportCliError(command, error),
    });
  } catch (error) {
    // Start-up failed before the command ran (a database that cannot be opened or migrated): one line, exit 1.
    reportCliError(command, new Error(startupFailureMessage(error, describeDatabase())));
    process.exit();
  }
}
