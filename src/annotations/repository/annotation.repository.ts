import { EntityManager } from '@mikro-orm/knex';
import { ofVisibleProvision } from '../../agreements/repository/agreement-visibility';
import { agreementWhere } from '../../agreements/repository/agreement.conditions';
import { Connection } from '../../common/pagination/connection.types';
import { KeysetColumn } from '../../common/pagination/keyset';
import { fetchPage, PageRequest } from '../../common/pagination/page-query';
import { mappedColumns, readEntities, rowMapper } from '../../common/row-mapper';
import { compiledOnce, shapeKey } from '../../database/compiled-statements';
import { TaxonomyCode } from '../../taxonomy/taxonomy-code.entity';
import { SortDirection } from '../../common/sort-direction.enum';
import { from, rowsOf, Where } from '../../common/sql';
import { Annotation } from '../annotation.entity';
import { AnnotationFilter } from '../dto/annotation-filter.input';
import { AnnotationOrder, AnnotationOrderField } from '../dto/annotation-order.input';

export function annotationOrder(order: AnnotationOrder | null | undefined): KeysetColumn[] {
  const direction = order?.direction ?? SortDirection.ASC;
  const id: KeysetColumn = { column: 'an.id', direction, nullable: false, type: 'integer' };
  if (order?.field === AnnotationOrderField.CONFIDENCE) {
    return [{ column: 'an.confidence', direction, nullable: true, type: 'number' }, id];
  }
  return [id];
}

/** The conditions of an AnnotationFilter on `an`, its provision `pr` and agreement `a`. */
function annotationWhere(filter: AnnotationFilter | null | undefined): Where {
  const agreement = agreementWhere(filter?.agreement, 'a', 'filter.agreement');
  return (qb) => {
    qb.where(agreement);
    if (!filter) return;
    if (filter.codes?.length) qb.whereIn('an.code', filter.codes);
    if (filter.statuses?.length) qb.whereIn('an.status', filter.statuses);
    if (filter.origins?.length) qb.whereIn('an.origin', filter.origins);
    if (filter.bindingForces?.length) qb.whereIn('an.binding_force', filter.bindingForces);
    if (filter.contradicted === true) qb.whereNotNull('an.contradicted_by_id');
    if (filter.contradicted === false) qb.whereNull('an.contradicted_by_id');
  };
}

/** The prefix of the taxonomy code's columns joined to annotations. */
const CODE_PREFIX = 'code__';

/**
 * The read statements of annotations; the "has matching annotations" filter other lists use is
 * `annotation.conditions.ts`, next to this file. Writes go through MikroORM.
 */
export class AnnotationRepository {
  constructor(private readonly em: EntityManager) {}

  list(
    filter: AnnotationFilter | null | undefined,
    order: AnnotationOrder | null | undefined,
    page: PageRequest,
  ): Promise<Connection<Annotation>> {
    return fetchPage(
      this.em,
      {
        entity: Annotation,
        table: 'annotation as an',
        alias: 'an',
        join: (qb) =>
          qb
            .join('provision as pr', 'pr.id', 'an.provision_id')
            .join('agreement as a', 'a.id', 'pr.agreement_id'),
        where: [annotationWhere(filter)],
        order: annotationOrder(order),
      },
      page,
    );
  }

  /**
   * The annotations of the provisions, in id order; of each, `properties` (`propertiesFor`; null: all), and with
   * `code` its taxonomy code in the same statement (joined; of it, `code.properties`, null: all).
   */
  async ofProvisions(
    provisionIds: readonly number[],
    properties: readonly string[] | null = null,
    code: { properties: readonly string[] | null } | null = null,
  ): Promise<Annotation[]> {
    if (!code)
      return readEntities(
        this.em,
        Annotation,
        'ofProvisions',
        provisionIds,
        (qb, ids) => qb.whereIn('provision_id', [...ids]).orderBy('id'),
        properties,
      );
    const own = properties && [...new Set([...properties, 'code'])];
    const shape = shapeKey('annotations of provisions with their code', own, code.properties);
    const build = (ids: readonly unknown[]) =>
      from(this.em, 'annotation as an')
        .select(
          ...(own ? mappedColumns(this.em, Annotation, own).map((c) => `an.${c}`) : ['an.*']),
          ...mappedColumns(this.em, TaxonomyCode, code.properties).map((c) => ({
            [`${CODE_PREFIX}${c}`]: `tc.${c}`,
          })),
        )
        .join('taxonomy_code as tc', 'tc.code', 'an.code')
        .whereIn('an.provision_id', [...(ids as number[])])
        .orderBy('an.id');
    const rows = await rowsOf<Record<string, unknown>>(
      this.em,
      compiledOnce(this.em, shape, provisionIds, build),
    );
    const toAnnotation = rowMapper(this.em, Annotation, '', own);
    const toCode = rowMapper(this.em, TaxonomyCode, CODE_PREFIX, code.properties);
    return rows.map((row) => {
      const annotation = toAnnotation(row);
      annotation.code = toCode(row);
      return annotation;
    });
  }

  byIds(ids: readonly number[]): Promise<Annotation[]> {
    return readEntities(this.em, Annotation, 'byIds', ids, (qb, ids) =>
      qb
        .whereIn('id', [...ids])
        .where(ofVisibleProvision('annotation.provision_id'))
        .orderBy('id'),
    );
  }
}
