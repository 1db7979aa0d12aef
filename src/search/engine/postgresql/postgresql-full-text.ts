import { toTsQuery } from '../../query';
import { FullTextSql } from '../search-sql';

/** The generated tsvector of provision_search (accent-folded text; titles weight A, text B) under a GIN index. */
export const postgresFullText: FullTextSql = {
  from: 'provision_search ps join provision pr on pr."id" = ps."provision_id" join agreement a on a."id" = pr."agreement_id"',
  id: 'ps."provision_id"',
  match: (query) => ({ sql: `ps."document" @@ to_tsquery('simple', ?)`, params: [toTsQuery(query)] }),
  score: (query) => ({
    sql: `ts_rank(ps."document", to_tsquery('simple', ?))::float8`,
    params: [toTsQuery(query)],
  }),
};
