import { EntityManager } from '@mikro-orm/knex';
import { inList } from '../../common/sql';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';

/** The statements of the draft checker: they only read. */

export interface DraftPartyRow {
  code: string;
  developing: number | boolean | null;
  convention_status_kind: string;
  convention_in_force: string | null;
}

/** The rows of the parties with these codes (unknown codes have none). */
export function partiesWithCodes(em: EntityManager, codes: readonly string[]): Promise<DraftPartyRow[]> {
  const list = inList(codes);
  return em.execute<DraftPartyRow[]>(
    `select "code", "developing", "convention_status_kind", "convention_in_force" from "party" where "code" in ${list.sql}`,
    list.params,
  );
}

/**
 * Every listed party of each live agreement that lists one of these parties, with the agreement's signature date:
 * one row per agreement and party.
 */
export function agreementPartiesOf(
  em: EntityManager,
  codes: readonly string[],
): Promise<{ agreement_id: number; party_code: string; date_signed: string | null }[]> {
  const list = inList(codes);
  return em.execute(
    `select ap."agreement_id", ap."party_code", a."date_signed" from "agreement_party" ap
       join "agreement" a on a."id" = ap."agreement_id"
       where a."archived_at" is null and ap."agreement_id" in (select "agreement_id" from "agreement_party" where "party_code" in ${list.sql})`,
    list.params,
  );
}

/** The distinct (agreement, code) of the annotations (not rejected) of these agreements. */
export function annotatedCodesOf(
  em: EntityManager,
  agreementIds: readonly number[],
): Promise<{ agreement_id: number; code: string }[]> {
  const ids = inList(agreementIds);
  return em.execute(
    `select distinct p."agreement_id", an."code" from "annotation" an join "provision" p on p."id" = an."provision_id"
       where an."status" <> 'REJECTED' and p."agreement_id" in ${ids.sql}`,
    ids.params,
  );
}

/**
 * The ids of at most `limit` provisions of live agreements annotated (not rejected) with one of `codes`, in these
 * agreements only when given, most recently signed first (ties by id).
 */
export async function latestAnnotatedProvisions(
  em: EntityManager,
  codes: readonly TaxonomyCodeId[],
  agreementIds: readonly number[] | null,
  limit: number,
): Promise<number[]> {
  const codeList = inList(codes);
  const scope = agreementIds ? inList(agreementIds) : null;
  const rows = await em.execute<{ id: number }[]>(
    `select p."id", max(a."date_signed") as "signed" from "annotation" an
       join "provision" p on p."id" = an."provision_id" join "agreement" a on a."id" = p."agreement_id"
       where an."status" <> 'REJECTED' and an."code" in ${codeList.sql} and a."archived_at" is null
       ${scope ? `and p."agreement_id" in ${scope.sql}` : ''}
       group by p."id" order by max(a."date_signed") desc, p."id" limit ${Number(limit)}`,
    [...codeList.params, ...(scope?.params ?? [])],
  );
  return rows.map((row) => Number(row.id));
}
