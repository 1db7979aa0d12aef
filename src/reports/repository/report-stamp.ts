import { EntityManager } from '@mikro-orm/knex';
import { run, sql } from './report-queries';

/**
 * What the coherence report reads, summed up in one statement (about a millisecond on the corpus): the count,
 * last id and last update of the annotations (an import or `annotate` adds them, a review updates one); the
 * count and last update of the agreements; the count and last id of the bindings, the agreements' parties and
 * the bloc memberships (rewritten, never updated in place); the count of the agreement types and parties; the
 * count and last id of the provisions; the last audit event (every change made through the API writes one); and the
 * count and last id of the `import json` runs in progress (one ending shows its agreements at once).
 * Two equal stamps read from the same database mean the report's data did not change between them, with two
 * exceptions the stamp cannot see cheaply (a provision's chapter re-imported in place, a party's facts reloaded
 * from changed fixtures without other change): the cache that uses it bounds the age of what it keeps.
 */
/** Each part of the stamp: its name, the table, and what is read of it. */
const PARTS: [name: string, table: string, read: 'count' | 'max', column?: string][] = [
  ['a_n', 'annotation', 'count'],
  ['a_id', 'annotation', 'max', 'id'],
  ['a_at', 'annotation', 'max', 'updated_at'],
  ['ag_n', 'agreement', 'count'],
  ['ag_at', 'agreement', 'max', 'updated_at'],
  ['b_n', 'agreement_binding', 'count'],
  ['b_id', 'agreement_binding', 'max', 'id'],
  ['ap_n', 'agreement_party', 'count'],
  ['ap_id', 'agreement_party', 'max', 'id'],
  ['bm_n', 'bloc_membership', 'count'],
  ['bm_id', 'bloc_membership', 'max', 'id'],
  ['t_n', 'agreement_type', 'count'],
  ['p_n', 'party', 'count'],
  ['pr_n', 'provision', 'count'],
  ['pr_id', 'provision', 'max', 'id'],
  ['e_id', 'audit_event', 'max', 'id'],
  // An `import json` shows its agreements by clearing their mark, which changes no count above: the imports in
  // progress, counted, change when one ends (a report read before its end, without its agreements, is not kept),
  // and their last id when another begins meanwhile (the count then the same: a new import's id is above every id
  // given before, both engines' keys never reused, SQLite's by AUTOINCREMENT). test/e2e/report-stamp.e2e-part.ts.
  ['pi_n', 'pending_import', 'count'],
  ['pi_id', 'pending_import', 'max', 'id'],
];

export async function reportDataStamp(em: EntityManager): Promise<string> {
  const knex = sql(em);
  const statement = knex.select(
    Object.fromEntries(
      PARTS.map(([name, table, read, column]) => [
        name,
        read === 'count' ? knex(table).count('*') : knex(table).max(column!),
      ]),
    ),
  );
  const [row] = await run(em, statement);
  return PARTS.map(([name]) => row[name])
    .map((v) => (v instanceof Date ? v.toISOString() : String(v ?? '')))
    .join('|');
}
