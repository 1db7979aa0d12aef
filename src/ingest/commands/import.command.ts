import { Inject, Type } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { CLI_COMMANDS } from '../../cli-commands';
import { IMPORT_FORMAT_NAMES, IMPORT_FORMATS, IMPORT_OPTIONS, ImportFormat } from '../import-formats';
import { formatSummary, ImportSummary } from '../import-summary';
import { Importer, IMPORTERS } from '../importer';
import { createProgress } from '../progress';

function finish(summary: ImportSummary, started: number): void {
  console.log(formatSummary(summary, (Date.now() - started) / 1000));
  if (summary.failures.length) process.exitCode = 1;
}

const capitalized = (word: string) => word[0].toUpperCase() + word.slice(1);

/**
 * The sub-command `import <format>` of one format of IMPORT_FORMATS: its arguments, description and options come
 * from the registry, and it hands the request to the format's importer.
 */
function importSubCommand(format: ImportFormat): Type<CommandRunner> {
  const spec = IMPORT_FORMATS[format];

  class ImportFormatCommand extends CommandRunner {
    constructor(@Inject(IMPORTERS) private readonly importers: Record<ImportFormat, Importer>) {
      super();
    }

    async run(paths: string[], options: { agreement?: string; annotate?: boolean }): Promise<void> {
      for (const name of spec.options as readonly (keyof typeof IMPORT_OPTIONS)[]) {
        if (IMPORT_OPTIONS[name].required && !options[name as 'agreement']) {
          console.error(`import ${format}: ${IMPORT_OPTIONS[name].flags} is required`);
          process.exitCode = 2;
          return;
        }
      }
      const started = Date.now();
      const summary = await this.importers[format].import({
        paths,
        annotate: options.annotate !== false,
        agreement: options.agreement,
        progress: (total) => createProgress(total, 'import'),
      });
      finish(summary, started);
    }
  }
  // nest-commander finds a command's options by its class name: one name per format.
  Object.defineProperty(ImportFormatCommand, 'name', { value: `Import${capitalized(format)}Command` });
  for (const name of spec.options) {
    const option = IMPORT_OPTIONS[name];
    const method = `parse${capitalized(name)}`;
    // --no-x gives false; --x <value> gives the value.
    const parse = option.flags.startsWith('--no-') ? () => false : (value: string) => value;
    Object.defineProperty(ImportFormatCommand.prototype, method, { value: parse, writable: true });
    Option({ flags: option.flags, description: option.description })(
      ImportFormatCommand.prototype,
      method,
      Object.getOwnPropertyDescriptor(ImportFormatCommand.prototype, method)!,
    );
  }
  SubCommand({ name: format, arguments: spec.arguments, description: spec.description })(ImportFormatCommand);
  return ImportFormatCommand;
}

/** One sub-command per import format, in the registry's order. */
export const IMPORT_SUB_COMMANDS: readonly Type<CommandRunner>[] = IMPORT_FORMAT_NAMES.map(importSubCommand);

@Command({ ...CLI_COMMANDS.import, subCommands: [...IMPORT_SUB_COMMANDS] })
export class ImportCommand extends CommandRunner {
  async run(): Promise<void> {
    console.error(
      `import: say what to import: ${IMPORT_FORMAT_NAMES.join(', ').replace(/, (\w+)$/, ' or $1')} (npm run cli -- import --help)`,
    );
    process.exitCode = 2;
  }
}
