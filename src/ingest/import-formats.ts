/**
 * Every import format, once: its sub-command of `import` (the key), what it reads and the options it takes. The
 * command line's sub-commands and help (`ingest/commands/import.command.ts`, `cli-commands.ts`) follow this list,
 * and `ingest/importers.ts` gives each format its importer (the compiler fails when one lacks it); a test
 * (`importers.spec.ts`) fails when a format lacks its sub-command, its help or its row in the README, or when a
 * sub-command has no format. This file imports nothing, so that `cli --help` answers without loading the
 * application.
 *
 * Adding a format: an importer `ingest/<format>-import.service.ts` implementing `Importer` (it reads the files and
 * produces agreement records that `agreement-record.writer.ts` writes), its entry here, its entry in
 * `ingest/importers.ts`, and its row in the README's import table.
 */
export const IMPORT_OPTIONS = {
  annotate: { flags: '--no-annotate', description: 'do not run the annotation rules', required: false },
  agreement: {
    flags: '--agreement <slug>',
    description: 'the agreement the text belongs to',
    required: true,
  },
} as const;
export type ImportOptionName = keyof typeof IMPORT_OPTIONS;

export interface ImportFormatSpec {
  /** The sub-command's arguments: several paths (files or folders), or one file. */
  arguments: '<paths...>' | '<file>';
  /** How the top-level help shows it. */
  usage: string;
  description: string;
  options: readonly ImportOptionName[];
}

export const IMPORT_FORMATS = {
  tota: {
    arguments: '<paths...>',
    usage: 'import tota <file|dir>...',
    description: 'ToTA XML files or folders of them',
    options: ['annotate'],
  },
  json: {
    arguments: '<file>',
    usage: 'import json <file>',
    description: "the project's own export (export agreements --format json)",
    options: [],
  },
  text: {
    arguments: '<file>',
    usage: 'import text <file> --agreement <slug>',
    description: 'a plain-text or Markdown treaty, split into articles at their headings',
    options: ['agreement', 'annotate'],
  },
} as const satisfies Record<string, ImportFormatSpec>;

export type ImportFormat = keyof typeof IMPORT_FORMATS;
export const IMPORT_FORMAT_NAMES = Object.keys(IMPORT_FORMATS) as readonly ImportFormat[];
