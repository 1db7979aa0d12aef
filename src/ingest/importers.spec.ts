import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SubCommandMeta, CommandMeta, OptionMeta } from 'nest-commander/src/constants';
import { cliHelp } from '../cli-commands';
import { PROJECT_ROOT } from '../common/paths';
import { ImportCommand } from './commands/import.command';
import { IMPORT_FORMAT_NAMES, IMPORT_FORMATS, IMPORT_OPTIONS } from './import-formats';
import { IMPORTER_SERVICES } from './importers';

interface CommandOptions {
  name: string;
  arguments?: string;
  description?: string;
  subCommands?: (new (...args: never[]) => unknown)[];
}

/** The sub-commands `import` declares, with the flags of their options (as nest-commander reads them). */
function importSubCommands(): { name: string; arguments?: string; description?: string; flags: string[] }[] {
  const meta = Reflect.getMetadata(CommandMeta, ImportCommand) as CommandOptions;
  return (meta.subCommands ?? []).map((command) => {
    const sub = Reflect.getMetadata(SubCommandMeta, command) as CommandOptions;
    const prototype = command.prototype as Record<string, unknown>;
    const flags = Object.getOwnPropertyNames(prototype)
      .map(
        (name) => Reflect.getMetadata(OptionMeta, prototype[name] as object) as { flags: string } | undefined,
      )
      .filter((option) => option !== undefined)
      .map((option) => option.flags);
    return { name: sub.name, arguments: sub.arguments, description: sub.description, flags };
  });
}

describe('the import formats registry', () => {
  it('gives every format an importer, and no importer without a format', () => {
    expect(Object.keys(IMPORTER_SERVICES)).toEqual([...IMPORT_FORMAT_NAMES]);
    for (const service of Object.values(IMPORTER_SERVICES))
      expect(typeof (service.prototype as { import?: unknown }).import).toBe('function');
  });

  it('gives every format its sub-command of import, with its arguments, description and options; and no other', () => {
    expect(importSubCommands()).toEqual(
      IMPORT_FORMAT_NAMES.map((format) => ({
        name: format,
        arguments: IMPORT_FORMATS[format].arguments,
        description: IMPORT_FORMATS[format].description,
        flags: IMPORT_FORMATS[format].options.map((option) => IMPORT_OPTIONS[option].flags),
      })),
    );
  });

  it("lists every format in the command line's help and in the README's import table", () => {
    const help = cliHelp();
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    for (const format of IMPORT_FORMAT_NAMES) {
      expect(help).toContain(IMPORT_FORMATS[format].usage);
      expect(readme).toContain(`| \`${IMPORT_FORMATS[format].usage.replace('|', '\\|')}\` |`);
    }
  });
});
