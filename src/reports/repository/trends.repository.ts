import { EntityManager } from '@mikro-orm/knex';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { inList } from '../../common/sql';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { TrendGroupBy } from '../trends/trends.types';
import { AgreementScope, run, scopeCondition } from './report-queries';
import { sqlNumber, sqlString } from './sql-values';

/** The statements of the trends report beyond those every report shares (report-queries.ts). */

/** One annotation code on an agreement: the agreement, the code and one status it has there. */
export interface AgreementCodeRow {
  agreementId: number;
  code: TaxonomyCodeId;
  status: AnnotationStatus;
}

/** The distinct (agreement, code, status) of annotations with these statuses and codes on agreements in scope. */
export async function annotationCodesOf(
  em: EntityManager,
  agreements: AgreementScope,
  statuses: AnnotationStatus[],
  codes: TaxonomyCodeId[],
): Promise<AgreementCodeRow[]> {
  const scope = scopeCondition(agreements);
  const statusList = inList(statuses);
  const codeList = inList(codes);
  const rows = await run(
    em,
    `select distinct p."agreement_id", a."code", a."status" from annotation a
     join provision p on p."id" = a."provision_id" join agreement ag on ag."id" = p."agreement_id"
     where ag."archived_at" is null and (${scope.sql}) and a."status" in ${statusList.sql} and a."code" in ${codeList.sql}`,
    [...scope.params, ...statusList.params, ...codeList.params],
  );
  return rows.map((row) => ({
    agreementId: sqlNumber(row.agreement_id),
    code: row.code as TaxonomyCodeId,
    status: row.status as AnnotationStatus,
  }));
}

/**
 * The group keys of every agreement in scope, one statement. Parties and regions are those of the parties each
 * agreement binds (`agreement_binding`: directly or through a bloc, never a territory).
 */
const GROUP_KEYS_SQL: Record<Exclude<TrendGroupBy, TrendGroupBy.YEAR>, string> = {
  [TrendGroupBy.REGION]: `select distinct b."agreement_id", p."region" as "key", p."region" as "label"
    from agreement_binding b join agreement ag on ag."id" = b."agreement_id" join party p on p."code" = b."party_code"`,
  [TrendGroupBy.AGREEMENT_TYPE]: `select at."agreement_id", at."type" as "key", at."type" as "label"
    from agreement_type at join agreement ag on ag."id" = at."agreement_id"`,
  [TrendGroupBy.PARTY]: `select distinct b."agreement_id", p."code" as "key", p."name" as "label"
    from agreement_binding b join agreement ag on ag."id" = b."agreement_id" join party p on p."code" = b."party_code"`,
};

/** (agreement, key, label) rows of the agreements in scope; the key may be null (a party without a region). */
export async function groupKeysOf(
  em: EntityManager,
  groupBy: Exclude<TrendGroupBy, TrendGroupBy.YEAR>,
  agreements: AgreementScope,
): Promise<{ agreementId: number; key: string | null; label: string }[]> {
  const scope = scopeCondition(agreements);
  const rows = await run(
    em,
    `${GROUP_KEYS_SQL[groupBy]} where ag."archived_at" is null and (${scope.sql})`,
    scope.params,
  );
  return rows.map((row) => ({
    agreementId: sqlNumber(row.agreement_id),
    key: sqlString(row.key),
    label: String(row.label),
  }));
}
