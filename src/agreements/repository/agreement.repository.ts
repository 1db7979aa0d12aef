import { EntityManager } from '@mikro-orm/knex';
import { Connection } from '../../common/pagination/connection.types';
import { fetchPage, fetchPagesByParent, PageRequest } from '../../common/pagination/page-query';
import { readEntities } from '../../common/row-mapper';
import { bindingInEffect } from '../../bindings/repository/binding.conditions';
import { AgreementParty } from '../agreement-party.entity';
import { AgreementRelation } from '../agreement-relation.entity';
import { AgreementTypeTag } from '../agreement-type-tag.entity';
import { Agreement } from '../agreement.entity';
import { AgreementFilter } from '../dto/agreement-filter.input';
import { AgreementOrder } from '../dto/agreement-order.input';
import { agreementOrder, agreementWhere, partiesBoundWhen } from './agreement.conditions';

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
        table: 'agreement as a',
        alias: 'a',
        where: [agreementWhere(filter)],
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
        table: 'agreement as a',
        alias: 'a',
        join: (qb) => qb.join('agreement_binding as pa', 'pa.agreement_id', 'a.id'),
        where: [agreementWhere(filter), bindingInEffect(partiesBoundWhen(filter), 'pa')],
        order: agreementOrder(order),
      },
      'pa.party_code',
      codes,
      page,
    );
  }

  byIds(ids: readonly number[]): Promise<Agreement[]> {
    return readEntities(this.em, Agreement, (qb) => qb.whereIn('id', [...ids]));
  }

  /** The party rows of the agreements, in id order (each party a reference holding its code). */
  partiesOf(ids: readonly number[]): Promise<AgreementParty[]> {
    return readEntities(this.em, AgreementParty, (qb) => qb.whereIn('agreement_id', [...ids]).orderBy('id'));
  }

  typesOf(ids: readonly number[]): Promise<AgreementTypeTag[]> {
    return readEntities(this.em, AgreementTypeTag, (qb) =>
      qb.whereIn('agreement_id', [...ids]).orderBy('type'),
    );
  }

  /** The relations with one of the agreements on either side, in id order. */
  relationsOf(ids: readonly number[]): Promise<AgreementRelation[]> {
    return readEntities(this.em, AgreementRelation, (qb) =>
      qb.where((either) => either.whereIn('from_id', [...ids]).orWhereIn('to_id', [...ids])).orderBy('id'),
    );
  }
}
