import { IMPORT_FORMATS } from './ingest/import-formats';

/**
 * The command line's top-level commands: what `--help` lists and what each `@Command` declares. This file
 * imports nothing but the import formats' registry (which imports nothing), so that `cli --help` answers without
 * loading the application; `cli.ts` says which module each command needs.
 */
export const CLI_COMMANDS = {
  import: {
    name: 'import',
    description: `Import agreements: ${Object.values(IMPORT_FORMATS)
      .map((f) => f.usage)
      .join(', ')}`,
  },
  annotate: {
    name: 'annotate',
    description: 'Run the annotation rules over the provisions (all agreements, or one)',
  },
  export: {
    name: 'export',
    arguments: '<what>',
    description: 'Export agreements, provisions or annotations as CSV or JSON (to --out, or standard output)',
  },
  evaluate: {
    name: 'evaluate',
    description:
      'Precision, recall and F1 of the annotation rules on the held-out test part of test/fixtures/labels, with ' +
      'the kappa of the double coding and the reliability of the confidence; or against other hand labels',
  },
  keys: {
    name: 'keys',
    description: 'API keys: keys create --name <who> --role <role>, keys list, keys revoke <id>',
  },
  report: {
    name: 'report',
    description:
      'Reports as files: report coherence --party CAN --format html --out can.html; report compare --agreements a,b; report trends --group-by YEAR --from 1990; report flows',
  },
  'check-draft': {
    name: 'check-draft',
    arguments: '<file>',
    description:
      "Check a draft chapter or agreement (plain text or Markdown) against the catalogue: precedents per article and what the draft lacks compared with the parties' practice (nothing is stored)",
  },
} as const;

export type CliCommandName = keyof typeof CLI_COMMANDS;

/** The top-level help, from the table above (each command's own `--help` lists its options). */
export function cliHelp(): string {
  const entries = Object.values(CLI_COMMANDS).map((c) => ({
    usage: 'arguments' in c ? `${c.name} ${c.arguments}` : c.name,
    description: c.description,
  }));
  const width = Math.max(...entries.map((e) => e.usage.length)) + 2;
  return [
    'Usage: cli <command> [options]',
    '',
    'Commands:',
    ...entries.map((e) => `  ${e.usage.padEnd(width)}${e.description}`),
    '',
    'cli <command> --help shows the options of a command.',
    '',
  ].join('\n');
}
