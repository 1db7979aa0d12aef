// `npm run config:doc`: writes the configuration table of the README from the list in src/config.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './common/paths';
import { configurationTable } from './config';

export const TABLE_START = '<!-- configuration table: npm run config:doc writes it from src/config.ts -->';
export const TABLE_END = '<!-- end of the configuration table -->';

/** The README with its configuration table replaced by the one the list gives. */
export function withConfigurationTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md has no configuration table markers');
  return `${readme.slice(0, start + TABLE_START.length)}\n${configurationTable()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  const file = join(PROJECT_ROOT, 'README.md');
  writeFileSync(file, withConfigurationTable(readFileSync(file, 'utf8')));
}
