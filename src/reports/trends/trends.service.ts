import { EntityManager } from '@mikro-orm/knex';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '../../common/errors';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { checkYear, codesOrAll } from '../common/report-args';
import { countedStatuses } from '../common/report-facts';
import { AgreementScope } from '../repository/report-queries';
import { agreementsWithRecords, annotationCodesOf, groupKeysOf } from '../repository/trends.repository';
import { CodeEvidence, computeTrends, GroupKey, ScopedEvidence, TrendsInput } from './trends-compute';
import { TrendGroupBy, TrendsResult } from './trends.types';

export interface TrendsArgs {
  groupBy: TrendGroupBy;
  codes?: TaxonomyCodeId[] | null;
  from?: number | null;
  to?: number | null;
  includeProposed?: boolean | null;
}

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
    const scope: AgreementScope = {
      signed: true,
      signedFrom: from !== null ? `${from}-01-01` : null,
      signedTo: to !== null ? `${to}-12-31` : null,
    };
    const { agreements, partial } = await agreementsWithRecords(this.em, scope);
    const { codesOf, scoped } = await this.codesOf(scope, codes);
    const keysOf = args.groupBy === TrendGroupBy.YEAR ? new Map() : await this.keysOf(args.groupBy, scope);
    return computeTrends({
      groupBy: args.groupBy,
      from,
      to,
      codes,
      includeProposed,
      agreements,
      codesOf,
      scoped,
      keysOf,
      partial,
    });
  }

  /** Codes from annotations covering every party by agreement; those naming the parties they cover apart. */
  private async codesOf(
    scope: AgreementScope,
    codes: TaxonomyCodeId[],
  ): Promise<Pick<TrendsInput, 'codesOf' | 'scoped'>> {
    // Proposals are always loaded: shown apart (awaiting review) unless includeProposed counts them.
    const rows = await annotationCodesOf(this.em, scope, countedStatuses(true), codes);
    const codesOf = new Map<number, Map<TaxonomyCodeId, CodeEvidence>>();
    const scoped: ScopedEvidence[] = [];
    for (const row of rows) {
      const evidence: CodeEvidence = row.status === AnnotationStatus.ACCEPTED ? 'ACCEPTED' : 'PROPOSED';
      if (row.partyScope) {
        scoped.push({ agreementId: row.agreementId, code: row.code, evidence, partyScope: row.partyScope });
        continue;
      }
      const codesOfAgreement = codesOf.get(row.agreementId) ?? new Map<TaxonomyCodeId, CodeEvidence>();
      if (codesOfAgreement.get(row.code) !== 'ACCEPTED') codesOfAgreement.set(row.code, evidence);
      codesOf.set(row.agreementId, codesOfAgreement);
    }
    return { codesOf, scoped };
  }

  private async keysOf(
    groupBy: Exclude<TrendGroupBy, TrendGroupBy.YEAR>,
    scope: AgreementScope,
  ): Promise<Map<number, GroupKey[]>> {
    const map = new Map<number, GroupKey[]>();
    for (const { agreementId, key, label, party } of await groupKeysOf(this.em, groupBy, scope)) {
      // A bound party without a region: the agreement binds a party (it is present), in no region's group.
      if (key === null) map.set(agreementId, map.get(agreementId) ?? []);
      else
        map.set(agreementId, [...(map.get(agreementId) ?? []), { key, label, ...(party ? { party } : {}) }]);
    }
    return map;
  }
}
