import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { formatSummary, ImportSummary } from '../import-summary';
import { JsonImportService } from '../json-import.service';
import { createProgress } from '../progress';
import { TextImportService } from '../text-import.service';
import { TotaImportService, totaFilesIn } from '../tota-import.service';
import { CLI_COMMANDS } from '../../cli-commands';

function finish(summary: ImportSummary, started: number): void {
  console.log(formatSummary(summary, (Date.now() - started) / 1000));
  if (summary.failures.length) process.exitCode = 1;
}

@SubCommand({ name: 'tota', arguments: '<paths...>', description: 'ToTA XML files or folders of them' })
export class ImportTotaCommand extends CommandRunner {
  constructor(private readonly tota: TotaImportService) {
    super();
  }

  async run(paths: string[], options: { annotate?: boolean }): Promise<void> {
    const started = Date.now();
    const files = totaFilesIn(paths);
    const progress = createProgress(files.length, 'import');
    const summary = await this.tota.importFiles(files, { annotate: options.annotate !== false, progress });
    progress.stop();
    finish(summary, started);
  }

  @Option({ flags: '--no-annotate', description: 'do not run the annotation rules' })
  parseNoAnnotate(): boolean {
    return false;
  }
}

@SubCommand({
  name: 'json',
  arguments: '<file>',
  description: "the project's own export (export agreements --format json)",
})
export class ImportJsonCommand extends CommandRunner {
  constructor(private readonly json: JsonImportService) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    const started = Date.now();
    finish(await this.json.importFile(file, (total) => createProgress(total, 'import')), started);
  }
}

@SubCommand({
  name: 'text',
  arguments: '<file>',
  description: 'a plain-text or Markdown treaty, split into articles at their headings',
})
export class ImportTextCommand extends CommandRunner {
  constructor(private readonly text: TextImportService) {
    super();
  }

  async run([file]: string[], options: { agreement?: string; annotate?: boolean }): Promise<void> {
    if (!options.agreement) {
      console.error('import text: --agreement <slug> is required');
      process.exitCode = 2;
      return;
    }
    const started = Date.now();
    finish(
      await this.text.importFile(file, options.agreement, { annotate: options.annotate !== false }),
      started,
    );
  }

  @Option({ flags: '--agreement <slug>', description: 'the agreement the text belongs to' })
  parseAgreement(value: string): string {
    return value;
  }

  @Option({ flags: '--no-annotate', description: 'do not run the annotation rules' })
  parseNoAnnotate(): boolean {
    return false;
  }
}

@Command({ ...CLI_COMMANDS.import, subCommands: [ImportTotaCommand, ImportJsonCommand, ImportTextCommand] })
export class ImportCommand extends CommandRunner {
  async run(): Promise<void> {
    console.error('import: say what to import: tota, json or text (npm run cli -- import --help)');
    process.exitCode = 2;
  }
}
