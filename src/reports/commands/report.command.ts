import { publicUrl } from '../../config';
import { Language } from '../../common/i18n';
import { inLanguage } from '../../common/refusal-texts';
import { Injectable } from '@nestjs/common';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { writeFileSync } from 'node:fs';
import {
  parseFormat,
  parseLanguage,
  parseReportRequest,
  RawParameters,
  ReportKind,
} from '../common/report-request';
import { ReportFormat } from '../render/report-document';
import { ReportsService } from '../reports.service';
import { CLI_COMMANDS } from '../../cli-commands';

interface CommonOptions {
  format?: string;
  out?: string;
  baseUrl?: string;
  includeProposed?: boolean;
  section?: string;
  lang?: string;
}

/** Where links in files written to disk point: the running service. */
export const defaultBaseUrl = (): string => publicUrl();

/** --format, or the extension of --out, or Markdown on standard output. */
function formatOf(options: CommonOptions): ReportFormat {
  if (options.format) return parseFormat(options.format, '--format');
  const extension = options.out?.split('.').pop();
  return extension && extension !== options.out ? parseFormat(extension, '--out extension') : 'md';
}

/** @Injectable so that subclasses inherit the constructor's parameter types for injection. */
@Injectable()
abstract class ReportCommand extends CommandRunner {
  protected abstract readonly kind: ReportKind;

  constructor(protected readonly reports: ReportsService) {
    super();
  }

  protected abstract parameters(options: CommonOptions & Record<string, unknown>): RawParameters;

  async run(_args: string[], options: CommonOptions & Record<string, unknown>): Promise<void> {
    const language = parseLanguage(options.lang, '--lang');
    // A refusal in the language asked (`--lang`), as a report file's is in its `lang`.
    await inLanguage(language, () => this.write(language, options));
  }

  private async write(language: Language, options: CommonOptions & Record<string, unknown>): Promise<void> {
    const format = formatOf(options);
    const request = parseReportRequest(this.kind, {
      ...this.parameters(options),
      includeProposed: options.includeProposed ? 'true' : undefined,
    });
    const base = options.baseUrl ?? defaultBaseUrl();
    const file = await this.reports.file(request, format, {
      linkBase: base,
      xlsxLinkBase: base,
      sectionId: options.section,
      language,
    });
    if (format === 'zip')
      console.error(
        `report ${this.kind}: a ZIP of one CSV per table (--format csv --section <id> for one table)`,
      );
    if (options.out) {
      writeFileSync(options.out, file.body);
      console.error(`report ${this.kind}: ${format} written to ${options.out}`);
    } else {
      process.stdout.write(file.body);
    }
  }

  @Option({
    flags: '--format <format>',
    description:
      'csv (one table: --section), zip (one CSV per table), xlsx, md, json or html (default: --out extension, else md)',
  })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'write to this file (default: standard output)' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--include-proposed', description: 'count PROPOSED annotations too' })
  parseIncludeProposed(): boolean {
    return true;
  }

  @Option({
    flags: '--base-url <url>',
    description:
      'address of the service the provision links point to (default PUBLIC_URL or http://localhost:PORT)',
  })
  parseBaseUrl(value: string): string {
    return value;
  }

  @Option({
    flags: '--section <id>',
    description: 'CSV: the section whose table the file holds (needed when the report has several tables)',
  })
  parseSection(value: string): string {
    return value;
  }

  @Option({
    flags: '--lang <language>',
    description: 'en, fr or es: the language of the texts (default en)',
  })
  parseLang(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'coherence', description: "coherence of a party's agreements with the 2005 Convention" })
export class ReportCoherenceCommand extends ReportCommand {
  protected readonly kind = 'coherence';

  protected parameters(o: Record<string, unknown>): RawParameters {
    return { party: o.party as string | undefined, asOf: o.asOf as string | undefined };
  }

  @Option({ flags: '--party <code>', description: 'party code: CAN, FRA, EUN...', required: true })
  parseParty(value: string): string {
    return value;
  }

  @Option({ flags: '--as-of <date>', description: 'agreements applied on this date (default today)' })
  parseAsOf(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'compare', description: 'a matrix of agreements by taxonomy code' })
export class ReportCompareCommand extends ReportCommand {
  protected readonly kind = 'compare';

  protected parameters(o: Record<string, unknown>): RawParameters {
    return { agreements: o.agreements as string | undefined, codes: o.codes as string | undefined };
  }

  @Option({ flags: '--agreements <slugs>', description: 'agreement slugs, comma-separated', required: true })
  parseAgreements(value: string): string {
    return value;
  }

  @Option({ flags: '--codes <codes>', description: 'taxonomy codes, comma-separated (default all)' })
  parseCodes(value: string): string {
    return value;
  }
}

@SubCommand({
  name: 'trends',
  description: 'share of agreements with each code per year, region, type or party',
})
export class ReportTrendsCommand extends ReportCommand {
  protected readonly kind = 'trends';

  protected parameters(o: Record<string, unknown>): RawParameters {
    const text = (v: unknown) => (v === undefined ? undefined : String(v));
    return { groupBy: text(o.groupBy), codes: text(o.codes), from: text(o.from), to: text(o.to) };
  }

  @Option({ flags: '--group-by <group>', description: 'YEAR (default), REGION, AGREEMENT_TYPE or PARTY' })
  parseGroupBy(value: string): string {
    return value;
  }

  @Option({ flags: '--codes <codes>', description: 'taxonomy codes, comma-separated (default all)' })
  parseCodes(value: string): string {
    return value;
  }

  @Option({ flags: '--from <year>', description: 'first year of signature' })
  parseFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--to <year>', description: 'last year of signature' })
  parseTo(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'flows', description: 'preferential treatment for culture: who grants what to whom' })
export class ReportFlowsCommand extends ReportCommand {
  protected readonly kind = 'flows';

  protected parameters(o: Record<string, unknown>): RawParameters {
    const text = (v: unknown) => (v === undefined ? undefined : String(v));
    return {
      grantors: text(o.grantors),
      beneficiaries: text(o.beneficiaries),
      mechanisms: text(o.mechanisms),
      agreements: text(o.agreements),
      signedFrom: text(o.signedFrom),
      signedTo: text(o.signedTo),
    };
  }

  @Option({ flags: '--grantors <codes>', description: 'granting party codes, comma-separated' })
  parseGrantors(value: string): string {
    return value;
  }

  @Option({ flags: '--beneficiaries <codes>', description: 'beneficiary party codes, comma-separated' })
  parseBeneficiaries(value: string): string {
    return value;
  }

  @Option({
    flags: '--mechanisms <mechanisms>',
    description: 'ARTIST_MOBILITY, CO_PRODUCTION, MARKET_ACCESS...',
  })
  parseMechanisms(value: string): string {
    return value;
  }

  @Option({ flags: '--agreements <slugs>', description: 'agreement slugs, comma-separated' })
  parseAgreements(value: string): string {
    return value;
  }

  @Option({ flags: '--signed-from <date>', description: 'agreements signed on or after' })
  parseSignedFrom(value: string): string {
    return value;
  }

  @Option({ flags: '--signed-to <date>', description: 'agreements signed on or before' })
  parseSignedTo(value: string): string {
    return value;
  }
}

@Command({
  ...CLI_COMMANDS.report,
  subCommands: [ReportCoherenceCommand, ReportCompareCommand, ReportTrendsCommand, ReportFlowsCommand],
})
export class ReportCommandGroup extends CommandRunner {
  async run(): Promise<void> {
    console.error(
      'report: say which report: coherence, compare, trends or flows (npm run cli -- report --help)',
    );
    process.exitCode = 2;
  }
}

export const REPORT_COMMANDS = [
  ReportCommandGroup,
  ReportCoherenceCommand,
  ReportCompareCommand,
  ReportTrendsCommand,
  ReportFlowsCommand,
];
