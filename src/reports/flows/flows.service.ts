import { EntityManager } from '@mikro-orm/knex';
import { inputRefusal } from '../../common/refusal-texts';
import { Injectable } from '@nestjs/common';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { checkDate, refuseUnknownAgreements, today } from '../common/report-args';
import { countedStatuses } from '../common/report-facts';
import { checkPartyCodes } from '../../parties/party-codes';
import {
  AgreementScope,
  loadAgreements,
  loadAnnotations,
  loadBoundPartiesOf,
} from '../repository/report-queries';
import { computeFlows } from './flows-compute';
import { FlowFilter, FlowsResult } from './flows.types';

export interface FlowsArgs {
  filter?: FlowFilter | null;
  includeProposed?: boolean | null;
}

/**
 * preferentialTreatmentFlows: three statements, one to check each party filter's codes (checkPartyCodes) and one to
 * check the agreement filter's slugs.
 */
@Injectable()
export class FlowsReportService {
  constructor(private readonly em: EntityManager) {}

  async compute(args: FlowsArgs): Promise<FlowsResult> {
    const filter = args.filter ?? {};
    const includeProposed = args.includeProposed ?? false;
    const from = filter.signedFrom ? checkDate('filter.signedFrom', filter.signedFrom) : null;
    const to = filter.signedTo ? checkDate('filter.signedTo', filter.signedTo) : null;
    if (from && to && from > to)
      throw inputRefusal('filter.signedTo', 'before', { other: 'signedFrom', value: from });
    const grantors = filter.grantors && (await checkPartyCodes(this.em, 'filter.grantors', filter.grantors));
    const beneficiaries =
      filter.beneficiaries && (await checkPartyCodes(this.em, 'filter.beneficiaries', filter.beneficiaries));
    // Agreements asked by slug: one the catalogue does not hold is refused by name, not answered with no flow.
    const slugs = filter.agreements?.length ? [...new Set(filter.agreements)] : undefined;
    if (slugs) refuseUnknownAgreements('filter.agreements', slugs, await loadAgreements(this.em, { slugs }));
    const scope: AgreementScope = {
      slugs,
      signedFrom: from,
      signedTo: to,
    };
    // Proposals are always loaded: a flow resting on them only is shown as pending, never dropped.
    const annotations = await loadAnnotations(this.em, scope, countedStatuses(true), [
      TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE,
    ]);
    const ids = [...new Set(annotations.map((a) => a.agreementId))];
    const agreements = ids.length ? await loadAgreements(this.em, { ids }) : [];
    // The parties bound, less those suspended today (named in a note).
    const day = today();
    const { bound: parties, suspended } = await loadBoundPartiesOf(this.em, ids, day);
    return computeFlows({
      includeProposed,
      filter: {
        grantors,
        beneficiaries,
        mechanisms: filter.mechanisms,
      },
      agreements,
      parties,
      suspended,
      day,
      annotations,
    });
  }
}
