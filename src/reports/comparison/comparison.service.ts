import { EntityManager } from '@mikro-orm/knex';
import { inputRefusal } from '../../common/refusal-texts';
import { Injectable } from '@nestjs/common';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { codesOrAll, refuseUnknownAgreements, today } from '../common/report-args';
import { countedStatuses } from '../common/report-facts';
import { loadAgreementsWithRecords, loadAnnotationsOf, loadPartiesOf } from '../repository/report-queries';
import { computeComparison } from './comparison-compute';
import { ComparisonResult } from './comparison.types';

export const MAX_COMPARED = 50;

export interface ComparisonArgs {
  agreements: string[];
  codes?: TaxonomyCodeId[] | null;
  includeProposed?: boolean | null;
}

/** compareAgreements: three statements whatever the number of agreements (a fourth when a full text lacks a part). */
@Injectable()
export class ComparisonReportService {
  constructor(private readonly em: EntityManager) {}

  async compute(args: ComparisonArgs): Promise<ComparisonResult> {
    const slugs = [...new Set(args.agreements.map((s) => s.trim()).filter(Boolean))];
    if (!slugs.length) throw inputRefusal('agreements', 'noAgreement');
    if (slugs.length > MAX_COMPARED)
      throw inputRefusal('agreements', 'tooManyAgreements', {
        max: String(MAX_COMPARED),
        count: String(slugs.length),
      });
    const found = await loadAgreementsWithRecords(this.em, { slugs });
    refuseUnknownAgreements('agreements', slugs, found);
    const chosen = slugs.map((s) => found.find((a) => a.slug === s)!);
    const agreements = chosen.map(({ record: _record, statusOf2017: _status, ...facts }) => facts);
    const records = new Map(chosen.map((a) => [a.id, a.record]));
    const statusesOf2017 = new Set(chosen.filter((a) => a.statusOf2017).map((a) => a.id));
    const ids = agreements.map((a) => a.id);
    const codes = codesOrAll(args.codes);
    const includeProposed = args.includeProposed ?? false;
    // One statement: the parties it binds, and, named apart, those that signed only (the TPP's twelve) and those
    // suspended today (Venezuela in MERCOSUR).
    const day = today();
    const { bound: boundParties, signatoriesOnly, suspended } = await loadPartiesOf(this.em, ids, day);
    // Proposals are always loaded: shown apart (awaiting review) unless includeProposed counts them.
    const annotations = await loadAnnotationsOf(this.em, ids, countedStatuses(true), codes);
    return computeComparison({
      records,
      statusesOf2017,
      agreements,
      boundParties,
      signatoriesOnly,
      suspended,
      day,
      annotations,
      codes,
      includeProposed,
    });
  }
}
