import { Command, CommandRunner, Option } from 'nest-commander';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { ExportFormat, ExportKind, ExportService } from '../export.service';
import { CLI_COMMANDS } from '../../cli-commands';

const KINDS: ExportKind[] = ['agreements', 'provisions', 'annotations'];
const FORMATS: ExportFormat[] = ['csv', 'json'];

@Command(CLI_COMMANDS.export)
export class ExportCommand extends CommandRunner {
  constructor(private readonly exporter: ExportService) {
    super();
  }

  async run([what]: string[], options: { format?: string; out?: string; agreement?: string }): Promise<void> {
    const format = (options.format ?? 'csv') as ExportFormat;
    if (!KINDS.includes(what as ExportKind) || !FORMATS.includes(format)) {
      console.error(`export: <what> is one of ${KINDS.join(', ')}; --format is csv or json`);
      process.exitCode = 2;
      return;
    }
    const out = options.out ? createWriteStream(options.out) : process.stdout;
    const rows = await this.exporter.export(what as ExportKind, format, out, {
      agreementSlug: options.agreement,
    });
    if (options.out) {
      out.end();
      await once(out, 'finish');
      console.error(`export: ${rows} ${what} written to ${options.out}`);
    }
  }

  @Option({ flags: '--format <format>', description: 'csv (default) or json', defaultValue: 'csv' })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'write to this file' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--agreement <slug>', description: 'only this agreement' })
  parseAgreement(value: string): string {
    return value;
  }
}
