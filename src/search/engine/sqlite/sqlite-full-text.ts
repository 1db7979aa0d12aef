import { toFts5Match } from '../../query';
import { FullTextSql } from '../search-sql';

/**
 * FTS5 (unicode61) over provision_search, an external-content table of accent-folded text. CROSS JOIN keeps
 * the FTS5 scan the outer loop (SQLite would otherwise run one MATCH per provision); the unary + stops SQLite from
 * turning filters on the joined ids into rowid or index probes per hit; the narrow covering index spares it the
 * wide provision rows. bm25 is computed after the filters, for the hits that pass them only.
 */
export const sqliteFullText: FullTextSql = {
  from:
    'provision_fts cross join provision pr indexed by provision_id_agreement_id_location_language_index' +
    ' on pr."id" = +provision_fts."rowid" cross join agreement a on a."id" = +pr."agreement_id"',
  id: 'provision_fts."rowid"',
  match: (query) => ({ sql: 'provision_fts match ?', params: [toFts5Match(query)] }),
  // Titles and number weigh three times the text.
  score: () => ({ sql: '-bm25(provision_fts, 3.0, 1.0)', params: [] }),
};
