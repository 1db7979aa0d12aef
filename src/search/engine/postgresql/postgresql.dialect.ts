import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { SearchDialect } from '../search-dialect';
import { postgresBandCandidates, postgresWriteBands } from './postgresql-band-keys';
import { withPostgresDeadline } from './postgresql-deadline';
import { postgresFullText } from './postgresql-full-text';

/** PostgreSQL: tsvector full text, statement_timeout deadlines, a (band_key, provision_id) table. */
export const postgresqlDialect: SearchDialect = {
  driver: 'postgresql',
  handles: (platform) => platform instanceof PostgreSqlPlatform,
  fullText: postgresFullText,
  withDeadline: withPostgresDeadline,
  bandCandidates: postgresBandCandidates,
  writeBands: postgresWriteBands,
  indexTables: ['provision_search', 'provision_signature', 'provision_band'],
};
