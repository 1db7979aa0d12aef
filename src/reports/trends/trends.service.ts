import { EntityManager } from '@mikro-orm/knex';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '../../common/errors';
import { inList, SqlCondition } from '../../common/sql';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { checkYear, codesOrAll } from '../common/report-args';
import { countedStatuses, loadAgreements } from '../common/report-queries';
import { sqlNumber, sqlString } from '../common/sql-values';
import { CodeEvidence, computeTrends, GroupKey } from './trends-compute';
import { TrendGroupBy, TrendsResult } from './trends.types';

export interface TrendsArgs {
  groupBy: TrendGroupBy;
  codes?: TaxonomyCodeId[] | null;
  from?: number | null;
  to?: number | null;
  includeProposed?: boolean | null;
}

type Row = Record<string, unknown>;

/**
 * The group keys of every agreement in scope, one statement (none for YEAR). Parties and regions are those of the
 * parties each agreement binds (`agreement_binding`: directly or through a bloc, never a territory).
 */
const GROUP_KEYS_SQL: Record<Exclude<TrendGroupBy, TrendGroupBy.YEAR>, string> = {
  [TrendGroupBy.REGION]: `select distinct b."agreement_id", p."region" as "key", p."region" as "label"
    from agreement_binding b join agreement ag on ag."id" = b."agreement_id" join party p on p."code" = b."party_code"`,
  [TrendGroupBy.AGREEMENT_TYPE]: `select at."agreement_id", at."type" as "key", at."type" as "label"
    from agreement_type at join agreement ag on ag."id" = at."agreement_id"`,
  [TrendGroupBy.PARTY]: `select distinct b."agreement_id", p."code" as "key", p."name" as "label"
    from agreement_binding b join agreement ag on ag."id" = b."agreement_id" join party p on p."code" = b."party_code"`,
};

/** trends: three statements over all agreements in the range. */
@Injectable()
export class TrendsReportService {
  constructor(private readonly em: EntityManager) {}

  async compute(args: TrendsArgs): Promise<TrendsResult> {
    const from = args.from == null ? null : checkYear('from', args.from);
    const to = args.to == null ? null : checkYear('to', args.to);
    if (from !== null && to !== null && from > to)
      throw new BadUserInputError('to', `is before from (${from})`);
    const codes = codesOrAll(args.codes);
    const includeProposed = args.includeProposed ?? false;
    const scope: SqlCondition = {
      sql: `ag."archived_at" is null and ag."date_signed" is not null${from !== null ? ` and ag."date_signed" >= ?` : ''}${to !== null ? ` and ag."date_signed" <= ?` : ''}`,
      params: [...(from !== null ? [`${from}-01-01`] : []), ...(to !== null ? [`${to}-12-31`] : [])],
    };
    const agreements = await loadAgreements(this.em, scope);
    const codesOf = await this.codesOf(scope, codes);
    const keysOf = args.groupBy === TrendGroupBy.YEAR ? new Map() : await this.keysOf(args.groupBy, scope);
    return computeTrends({
      groupBy: args.groupBy,
      from,
      to,
      codes,
      includeProposed,
      agreements,
      codesOf,
      keysOf,
    });
  }

  private async codesOf(
    scope: SqlCondition,
    codes: TaxonomyCodeId[],
  ): Promise<Map<number, Map<TaxonomyCodeId, CodeEvidence>>> {
    // Proposals are always loaded: shown apart (awaiting review) unless includeProposed counts them.
    const statuses = inList(countedStatuses(true));
    const codeList = inList(codes);
    const rows = await this.em.getConnection().execute<Row[]>(
      `select distinct p."agreement_id", a."code", a."status" from annotation a
       join provision p on p."id" = a."provision_id" join agreement ag on ag."id" = p."agreement_id"
       where ${scope.sql} and a."status" in ${statuses.sql} and a."code" in ${codeList.sql}`,
      [...scope.params, ...statuses.params, ...codeList.params],
    );
    const map = new Map<number, Map<TaxonomyCodeId, CodeEvidence>>();
    for (const row of rows) {
      const id = sqlNumber(row.agreement_id);
      const codesOfAgreement = map.get(id) ?? new Map<TaxonomyCodeId, CodeEvidence>();
      const code = row.code as TaxonomyCodeId;
      if (codesOfAgreement.get(code) !== 'ACCEPTED')
        codesOfAgreement.set(code, row.status === AnnotationStatus.ACCEPTED ? 'ACCEPTED' : 'PROPOSED');
      map.set(id, codesOfAgreement);
    }
    return map;
  }

  private async keysOf(
    groupBy: Exclude<TrendGroupBy, TrendGroupBy.YEAR>,
    scope: SqlCondition,
  ): Promise<Map<number, GroupKey[]>> {
    const rows = await this.em
      .getConnection()
      .execute<Row[]>(`${GROUP_KEYS_SQL[groupBy]} where ${scope.sql}`, scope.params);
    const map = new Map<number, GroupKey[]>();
    for (const row of rows) {
      const key = sqlString(row.key);
      if (key === null) continue;
      const id = sqlNumber(row.agreement_id);
      map.set(id, [...(map.get(id) ?? []), { key, label: String(row.label) }]);
    }
    return map;
  }
}
