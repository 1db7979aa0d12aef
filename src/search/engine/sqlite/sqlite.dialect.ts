import { SqlitePlatform } from '@mikro-orm/sqlite';
import { SearchDialect } from '../search-dialect';
import { sqliteBandCandidates, sqliteWriteBands } from './sqlite-band-keys';
import { withSqliteDeadline } from './sqlite-deadline';
import { sqliteFullText } from './sqlite-full-text';

/** SQLite: FTS5 full text, sqlite3_interrupt deadlines, band keys as FTS5 tokens. */
export const sqliteDialect: SearchDialect = {
  driver: 'sqlite',
  handles: (platform) => platform instanceof SqlitePlatform,
  fullText: sqliteFullText,
  withDeadline: withSqliteDeadline,
  bandCandidates: sqliteBandCandidates,
  writeBands: sqliteWriteBands,
  // provision_band follows provision_signature by trigger.
  indexTables: ['provision_search', 'provision_signature'],
};
