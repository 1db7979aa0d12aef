import { EntityManager } from '@mikro-orm/knex';
import { run } from './report-queries';

/**
 * What the coherence report reads, summed up in one statement (about a millisecond on the corpus): the count,
 * last id and last update of the annotations (an import or `annotate` adds them, a review updates one); the
 * count and last update of the agreements; the count and last id of the bindings, the agreements' parties and
 * the bloc memberships (rewritten, never updated in place); the count of the agreement types and parties; the
 * count and last id of the provisions; and the last audit event (every change made through the API writes one).
 * Two equal stamps read from the same database mean the report's data did not change between them, with two
 * exceptions the stamp cannot see cheaply (a provision's chapter re-imported in place, a party's facts reloaded
 * from changed fixtures without other change): the cache that uses it bounds the age of what it keeps.
 */
const STAMP_SQL = `select
  (select count(*) from "annotation") as "a_n", (select max("id") from "annotation") as "a_id",
  (select max("updated_at") from "annotation") as "a_at",
  (select count(*) from "agreement") as "ag_n", (select max("updated_at") from "agreement") as "ag_at",
  (select count(*) from "agreement_binding") as "b_n", (select max("id") from "agreement_binding") as "b_id",
  (select count(*) from "agreement_party") as "ap_n", (select max("id") from "agreement_party") as "ap_id",
  (select count(*) from "bloc_membership") as "bm_n", (select max("id") from "bloc_membership") as "bm_id",
  (select count(*) from "agreement_type") as "t_n", (select count(*) from "party") as "p_n",
  (select count(*) from "provision") as "pr_n", (select max("id") from "provision") as "pr_id",
  (select max("id") from "audit_event") as "e_id"`;

export async function reportDataStamp(em: EntityManager): Promise<string> {
  const [row] = await run(em, STAMP_SQL);
  return Object.values(row)
    .map((v) => (v instanceof Date ? v.toISOString() : String(v ?? '')))
    .join('|');
}
