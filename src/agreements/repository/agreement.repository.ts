import { EntityManager } from '@mikro-orm/knex';
import { Connection } from '../../common/pagination/connection.types';
import { compiledOnce, shapeKey } from '../../database/compiled-statements';
import { fetchPage, fetchPagesByParent, PageRequest } from '../../common/pagination/page-query';
import { mappedColumns, readEntities, rowMapper } from '../../common/row-mapper';
import { from, rowsOf } from '../../common/sql';
import { Party } from '../../parties/party.entity';
import { bindingInEffect } from '../../bindings/repository/binding.conditions';
import { AgreementParty } from '../agreement-party.entity';
import { AgreementRelation } from '../agreement-relation.entity';
import { AgreementTypeTag } from '../agreement-type-tag.entity';
import { Agreement } from '../agreement.entity';
import { AgreementFilter } from '../dto/agreement-filter.input';
import { AgreementOrder } from '../dto/agreement-order.input';
import { visibleAgreement } from './agreement-visibility';
import { agreementOrder, agreementWhere, partiesBoundWhen } from './agreement.conditions';

/** The properties `partiesWithPartyOf` reads of the agreement_party rows and of their parties (null: all). */
export interface PartiesProperties {
  own: readonly string[] | null;
  party: readonly string[] | null;
}

/** The prefix of the party's columns joined to its agreement_party rows. */
const PARTY_PREFIX = 'party__';

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
    properties: readonly string[] | null = null,
  ): Promise<Connection<Agreement>> {
    return fetchPage(
      this.em,
      {
        entity: Agreement,
        table: 'agreement as a',
        alias: 'a',
        where: [agreementWhere(filter)],
        order: agreementOrder(order),
        properties,
        shape: shapeKey('agreements', filter, order, properties),
      },
      page,
    );
  }

  /**
   * The same page of agreements for each party (directly or through its blocs), in one statement; of each,
   * `properties` (null: all).
   */
  pagesOfParties(
    codes: readonly string[],
    filter: AgreementFilter | null | undefined,
    order: AgreementOrder | null | undefined,
    page: PageRequest,
    properties: readonly string[] | null = null,
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
        properties,
        shape: shapeKey('agreements of parties', filter, order, properties),
      },
      'pa.party_code',
      codes,
      page,
    );
  }

  /** The agreement of that slug or id (none or one), of it only `properties` (null: all). */
  one(key: { slug: string } | { id: number }, properties: readonly string[] | null): Promise<Agreement[]> {
    const [column, value] = 'slug' in key ? ['slug', key.slug] : ['id', key.id];
    return readEntities(
      this.em,
      Agreement,
      `one by ${column}`,
      [value],
      (qb, [value]) => void qb.where(column, value).where(visibleAgreement('agreement')).limit(1),
      properties,
    );
  }

  byIds(ids: readonly number[]): Promise<Agreement[]> {
    return readEntities(this.em, Agreement, 'byIds', ids, (qb, ids) =>
      qb.whereIn('id', [...ids]).where(visibleAgreement('agreement')),
    );
  }

  /** The party rows of the agreements, in id order (each party a reference holding its code). */
  partiesOf(ids: readonly number[]): Promise<AgreementParty[]> {
    return readEntities(this.em, AgreementParty, 'partiesOf', ids, (qb, ids) =>
      qb.whereIn('agreement_id', [...ids]).orderBy('id'),
    );
  }

  /**
   * The party rows of the agreements with each party itself, in id order, in one statement (the party's
   * columns joined under `party__`): the read path's `Agreement.parties`, which would otherwise take a second
   * statement and a second loader round for the parties. `properties` narrows both to what the read needs
   * (`propertiesFor`; the row's agreement and party and the party's code are always read); null reads them whole.
   */
  async partiesWithPartyOf(
    ids: readonly number[],
    properties: PartiesProperties = { own: null, party: null },
  ): Promise<AgreementParty[]> {
    const own = properties.own && [...new Set([...properties.own, 'agreement', 'party'])];
    const ofParty = properties.party;
    const build = (ids: readonly unknown[]) =>
      from(this.em, 'agreement_party as ap')
        .select(
          ...(own ? mappedColumns(this.em, AgreementParty, own).map((c) => `ap.${c}`) : ['ap.*']),
          ...mappedColumns(this.em, Party, ofParty).map((c) => ({ [`${PARTY_PREFIX}${c}`]: `p.${c}` })),
        )
        .leftJoin('party as p', 'p.code', 'ap.party_code')
        .whereIn('ap.agreement_id', [...(ids as number[])])
        .orderBy('ap.id');
    const shape = shapeKey('parties with their party', own, ofParty);
    const rows = await rowsOf<Record<string, unknown>>(this.em, compiledOnce(this.em, shape, ids, build));
    const toParty = rowMapper(this.em, AgreementParty, '', own);
    const toPartyOfRow = rowMapper(this.em, Party, PARTY_PREFIX, ofParty);
    return rows.map((row) => {
      const party = toParty(row);
      if (row[`${PARTY_PREFIX}code`] != null) party.party = toPartyOfRow(row);
      return party;
    });
  }

  typesOf(ids: readonly number[]): Promise<AgreementTypeTag[]> {
    return readEntities(this.em, AgreementTypeTag, 'typesOf', ids, (qb, ids) =>
      qb.whereIn('agreement_id', [...ids]).orderBy('type'),
    );
  }

  /** The relations with one of the agreements on either side, in id order. */
  relationsOf(ids: readonly number[]): Promise<AgreementRelation[]> {
    return readEntities(this.em, AgreementRelation, 'relationsOf', ids, (qb, ids) =>
      qb.where((either) => either.whereIn('from_id', [...ids]).orWhereIn('to_id', [...ids])).orderBy('id'),
    );
  }
}
