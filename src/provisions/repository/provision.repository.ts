import { ProvisionLocation } from '../provision-location.enum';
import { EntityManager } from '@mikro-orm/knex';
import { Connection } from '../../common/pagination/connection.types';
import { shapeKey } from '../../database/compiled-statements';
import { fetchPage, fetchPagesByParent, ListSpec, PageRequest } from '../../common/pagination/page-query';
import { readEntities } from '../../common/row-mapper';
import { from, rowsOf } from '../../common/sql';
import { ProvisionFilter } from '../dto/provision-filter.input';
import { ProvisionOrder } from '../dto/provision-order.input';
import { Agreement } from '../../agreements/agreement.entity';
import { Provision } from '../provision.entity';
import { ofVisibleAgreement } from '../../agreements/repository/agreement-visibility';
import {
  joinAgreement,
  numberedPerChapter,
  PROVISION_TABLE,
  provisionOrder,
  provisionWhere,
} from './provision.conditions';
import { languageKey } from '../article-numbering';

/** A list of provisions: the filter's conditions and the order; of each, `properties` (null: all). */
const listQuery = (
  filter: ProvisionFilter | null | undefined,
  order: ProvisionOrder | null | undefined,
  properties: readonly string[] | null,
): ListSpec<Provision> => ({
  entity: Provision,
  table: PROVISION_TABLE,
  alias: 'pr',
  join: joinAgreement,
  where: [provisionWhere(filter)],
  order: provisionOrder(order),
  properties,
});

/**
 * What a list of provisions reads of their agreement, joined: their pinpoints' slug, and what the query selects on
 * `agreement` when that is a few columns (`ofAgreement`; null, the whole row: read apart, once per agreement).
 */
const agreementOfList = (ofAgreement: readonly string[] | null): readonly string[] =>
  ofAgreement ? [...new Set(['id', 'slug', ...ofAgreement])] : ['id', 'slug'];

/** The read statements of provisions; filters and orders are `provision.conditions.ts`, next to this file. */
export class ProvisionRepository {
  constructor(private readonly em: EntityManager) {}

  list(
    filter: ProvisionFilter | null | undefined,
    order: ProvisionOrder | null | undefined,
    page: PageRequest,
    properties: readonly string[] | null = null,
    ofAgreement: readonly string[] | null = null,
  ): Promise<Connection<Provision>> {
    const joined = agreementOfList(ofAgreement);
    return fetchPage(
      this.em,
      {
        ...listQuery(filter, order, properties),
        joined: [{ property: 'agreement', entity: Agreement, alias: 'a', properties: joined }],
        shape: shapeKey('provisions with their agreement', filter, order, properties, joined),
      },
      page,
    );
  }

  /**
   * The same page of provisions for each agreement, in one statement (their agreement, the parent, is the
   * caller's); of each, `properties` (null: all).
   */
  pagesOfAgreements(
    agreementIds: readonly number[],
    filter: ProvisionFilter | null | undefined,
    order: ProvisionOrder | null | undefined,
    page: PageRequest,
    properties: readonly string[] | null = null,
  ): Promise<Connection<Provision>[]> {
    return fetchPagesByParent(
      this.em,
      { ...listQuery(filter, order, properties), shape: shapeKey('provisions', filter, order, properties) },
      'pr.agreement_id',
      agreementIds,
      page,
    );
  }

  byIds(ids: readonly number[]): Promise<Provision[]> {
    return readEntities(this.em, Provision, 'byIds', ids, (qb, ids) =>
      qb.whereIn('id', [...ids]).where(ofVisibleAgreement('provision.agreement_id')),
    );
  }

  /**
   * Per agreement, the languages in which it numbers its articles per chapter (`numberedPerChapter`; a provision of
   * no recorded language: `languageKey`); an agreement that numbers none so is absent.
   */
  async languagesNumberedPerChapter(agreementIds: readonly number[]): Promise<Map<number, Set<string>>> {
    const rows = await rowsOf<{ agreement_id: number; language: string | null }>(
      this.em,
      numberedPerChapter(this.em.getKnex(), agreementIds),
    );
    const byAgreement = new Map<number, Set<string>>();
    for (const { agreement_id, language } of rows) {
      const id = Number(agreement_id);
      byAgreement.set(id, (byAgreement.get(id) ?? new Set<string>()).add(languageKey(language)));
    }
    return byAgreement;
  }

  /** Per agreement, how many provisions it holds and the locations they are at (agreements without any are absent). */
  async countsAndLocationsByAgreement(
    agreementIds: readonly number[],
  ): Promise<Map<number, { provisions: number; locations: ProvisionLocation[] }>> {
    const rows = await rowsOf<{ agreement_id: number; location: string; n: number }>(
      this.em,
      from(this.em, 'provision')
        .select('agreement_id', 'location')
        .count({ n: '*' })
        .whereIn('agreement_id', [...agreementIds])
        .groupBy('agreement_id', 'location'),
    );
    const byAgreement = new Map<number, { provisions: number; locations: ProvisionLocation[] }>();
    for (const row of rows) {
      const id = Number(row.agreement_id);
      const entry = byAgreement.get(id) ?? { provisions: 0, locations: [] };
      entry.provisions += Number(row.n);
      entry.locations.push(row.location as ProvisionLocation);
      byAgreement.set(id, entry);
    }
    return byAgreement;
  }
}
