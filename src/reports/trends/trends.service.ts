import { EntityManager } from '@mikro-orm/knex';
import { inputRefusal } from '../../common/refusal-texts';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { Injectable } from '@nestjs/common';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { suspendedOn } from '../../bindings/binding';
import { checkYear, codesOrAll, today } from '../common/report-args';
import { countedStatuses } from '../common/report-facts';
import { SuspendedUnder } from '../common/suspended-note';
import { AgreementScope } from '../repository/report-queries';
import {
  agreementsWithRecords,
  annotationCodesOf,
  groupKeysOf,
  signatureYears,
} from '../repository/trends.repository';
import { CodeEvidence, computeTrends, GroupKey, ScopedEvidence, TrendsInput } from './trends-compute';
import { TrendGroupBy, TrendsResult } from './trends.types';

export interface TrendsArgs {
  groupBy: TrendGroupBy;
  codes?: TaxonomyCodeId[] | null;
  from?: number | null;
  to?: number | null;
  includeProposed?: boolean | null;
}

/** trends: three statements over all agreements in the range (a fourth when it holds none: the catalogue's years). */
@Injectable()
export class TrendsReportService {
  constructor(private readonly em: EntityManager) {}

  async compute(args: TrendsArgs): Promise<TrendsResult> {
    const from = args.from == null ? null : checkYear('from', args.from);
    const to = args.to == null ? null : checkYear('to', args.to);
    if (from !== null && to !== null && from > to)
      throw inputRefusal('to', 'before', { other: 'from', value: String(from) });
    const codes = codesOrAll(args.codes);
    const includeProposed = args.includeProposed ?? false;
    const scope: AgreementScope = {
      signed: true,
      signedFrom: from !== null ? `${from}-01-01` : null,
      signedTo: to !== null ? `${to}-12-31` : null,
    };
    const { agreements, partial } = await agreementsWithRecords(this.em, scope);
    const { codesOf, scoped } = await this.codesOf(scope, codes);
    const day = today();
    const { keysOf, suspended } =
      args.groupBy === TrendGroupBy.YEAR
        ? { keysOf: new Map(), suspended: new Map() }
        : await this.keysOf(args.groupBy, scope, day);
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
      suspended,
      day,
      partial,
      // A range that counts none is said beside the catalogue's years: one statement more, then only.
      catalogueYears: agreements.length ? null : await signatureYears(this.em),
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

  /**
   * The groups of each agreement; a party whose rights and obligations under it are suspended on `day` (today) puts
   * it in no group (Venezuela and MERCOSUR since 2017-08-05), named apart for the note.
   */
  private async keysOf(
    groupBy: Exclude<TrendGroupBy, TrendGroupBy.YEAR>,
    scope: AgreementScope,
    day: string,
  ): Promise<Pick<TrendsInput, 'keysOf' | 'suspended'>> {
    const map = new Map<number, GroupKey[]>();
    const suspended = new Map<number, Omit<SuspendedUnder, 'agreement'>[]>();
    for (const { agreementId, key, label, party } of await groupKeysOf(this.em, groupBy, scope)) {
      if (party && suspendedOn(party, day)) {
        // Once per party in its own right (a region's rows repeat it; members through a bloc follow the bloc).
        const list = suspended.get(agreementId) ?? [];
        if (!party.via && !list.some((s) => s.party.code === party.code))
          list.push({ party: { code: party.code, name: party.name }, since: party.suspendedFrom! });
        suspended.set(agreementId, list);
        continue;
      }
      // A bound party without a region: the agreement binds a party (it is present), in no region's group.
      if (key === null) map.set(agreementId, map.get(agreementId) ?? []);
      else
        map.set(agreementId, [
          ...(map.get(agreementId) ?? []),
          { key, label, ...(party ? { party: { code: party.code, via: party.via } } : {}) },
        ]);
    }
    return { keysOf: map, suspended };
  }
}
