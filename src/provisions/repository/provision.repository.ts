import { EntityManager } from '@mikro-orm/knex';
import { Connection } from '../../common/pagination/connection.types';
import { fetchPage, fetchPagesByParent, PageRequest } from '../../common/pagination/page-query';
import { selectEntities } from '../../common/row-mapper';
import { inList } from '../../common/sql';
import { ProvisionFilter } from '../dto/provision-filter.input';
import { ProvisionOrder } from '../dto/provision-order.input';
import { Provision } from '../provision.entity';
import { PROVISION_FROM, provisionConditions, provisionOrder } from './provision.conditions';

/** A list of provisions: the filter's conditions and the order. */
const listQuery = (filter: ProvisionFilter | null | undefined, order: ProvisionOrder | null | undefined) => ({
  entity: Provision,
  from: PROVISION_FROM,
  alias: 'pr',
  conditions: provisionConditions(filter),
  order: provisionOrder(order),
});

/** The read statements of provisions; filters and orders are `provision.conditions.ts`, next to this file. */
export class ProvisionRepository {
  constructor(private readonly em: EntityManager) {}

  list(
    filter: ProvisionFilter | null | undefined,
    order: ProvisionOrder | null | undefined,
    page: PageRequest,
  ): Promise<Connection<Provision>> {
    return fetchPage(this.em, listQuery(filter, order), page);
  }

  /** The same page of provisions for each agreement, in one statement. */
  pagesOfAgreements(
    agreementIds: readonly number[],
    filter: ProvisionFilter | null | undefined,
    order: ProvisionOrder | null | undefined,
    page: PageRequest,
  ): Promise<Connection<Provision>[]> {
    return fetchPagesByParent(this.em, listQuery(filter, order), 'pr."agreement_id"', agreementIds, page);
  }

  byIds(ids: readonly number[]): Promise<Provision[]> {
    const list = inList(ids);
    return selectEntities(this.em, Provision, `"id" in ${list.sql}`, list.params);
  }

  /** How many provisions each agreement holds (agreements without any are absent). */
  async countsByAgreement(agreementIds: readonly number[]): Promise<Map<number, number>> {
    const list = inList(agreementIds);
    const rows = await this.em
      .getConnection()
      .execute<{ agreement_id: number; n: number }[]>(
        `select "agreement_id", count(*) as "n" from provision where "agreement_id" in ${list.sql} group by "agreement_id"`,
        list.params,
      );
    return new Map(rows.map((r) => [Number(r.agreement_id), Number(r.n)]));
  }
}
