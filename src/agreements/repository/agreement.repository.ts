import { EntityManager } from '@mikro-orm/knex';
import { Connection } from '../../common/pagination/connection.types';
import { fetchPage, fetchPagesByParent, PageRequest } from '../../common/pagination/page-query';
import { selectEntities } from '../../common/row-mapper';
import { inList } from '../../common/sql';
import { bindingInEffect } from '../../bindings/repository/binding.conditions';
import { AgreementParty } from '../agreement-party.entity';
import { AgreementRelation } from '../agreement-relation.entity';
import { AgreementTypeTag } from '../agreement-type-tag.entity';
import { Agreement } from '../agreement.entity';
import { AgreementFilter } from '../dto/agreement-filter.input';
import { AgreementOrder } from '../dto/agreement-order.input';
import { agreementConditions, agreementOrder, partiesBoundWhen } from './agreement.conditions';

/**
 * The read statements of agreements and their parties, types and relations (read-only entities, see
 * rowMapper); filters and orders are `agreement.conditions.ts`, next to this file. Writes go through MikroORM.
 */
export class AgreementRepository {
  constructor(private readonly em: EntityManager) {}

  list(
    filter: AgreementFilter | null | undefined,
    order: AgreementOrder | null | undefined,
    page: PageRequest,
  ): Promise<Connection<Agreement>> {
    return fetchPage(
      this.em,
      {
        entity: Agreement,
        from: 'agreement a',
        alias: 'a',
        conditions: agreementConditions(filter),
        order: agreementOrder(order),
      },
      page,
    );
  }

  /** The same page of agreements for each party (directly or through its blocs), in one statement. */
  pagesOfParties(
    codes: readonly string[],
    filter: AgreementFilter | null | undefined,
    order: AgreementOrder | null | undefined,
    page: PageRequest,
  ): Promise<Connection<Agreement>[]> {
    return fetchPagesByParent(
      this.em,
      {
        entity: Agreement,
        from: `agreement a join agreement_binding pa on pa."agreement_id" = a."id"`,
        alias: 'a',
        conditions: [...agreementConditions(filter), bindingInEffect(partiesBoundWhen(filter), 'pa')],
        order: agreementOrder(order),
      },
      'pa."party_code"',
      codes,
      page,
    );
  }

  byIds(ids: readonly number[]): Promise<Agreement[]> {
    const list = inList(ids);
    return selectEntities(this.em, Agreement, `"id" in ${list.sql}`, list.params);
  }

  /** The party rows of the agreements, in id order (each party a reference holding its code). */
  partiesOf(ids: readonly number[]): Promise<AgreementParty[]> {
    const list = inList(ids);
    return selectEntities(this.em, AgreementParty, `"agreement_id" in ${list.sql}`, list.params, '"id"');
  }

  typesOf(ids: readonly number[]): Promise<AgreementTypeTag[]> {
    const list = inList(ids);
    return selectEntities(this.em, AgreementTypeTag, `"agreement_id" in ${list.sql}`, list.params, '"type"');
  }

  /** The relations with one of the agreements on either side, in id order. */
  relationsOf(ids: readonly number[]): Promise<AgreementRelation[]> {
    const list = inList(ids);
    return selectEntities(
      this.em,
      AgreementRelation,
      `"from_id" in ${list.sql} or "to_id" in ${list.sql}`,
      [...list.params, ...list.params],
      '"id"',
    );
  }
}
