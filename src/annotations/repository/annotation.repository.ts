import { EntityManager } from '@mikro-orm/knex';
import { agreementConditions } from '../../agreements/repository/agreement.conditions';
import { Connection } from '../../common/pagination/connection.types';
import { OrderColumn } from '../../common/pagination/keyset';
import { fetchPage, PageRequest } from '../../common/pagination/page-query';
import { selectEntities } from '../../common/row-mapper';
import { SortDirection } from '../../common/sort-direction.enum';
import { inList, sqlIn, SqlCondition } from '../../common/sql';
import { Annotation } from '../annotation.entity';
import { AnnotationFilter } from '../dto/annotation-filter.input';
import { AnnotationOrder, AnnotationOrderField } from '../dto/annotation-order.input';

export function annotationOrder(order: AnnotationOrder | null | undefined): OrderColumn[] {
  const direction = order?.direction ?? SortDirection.ASC;
  const id: OrderColumn = { sql: 'an."id"', direction, nullable: false };
  if (order?.field === AnnotationOrderField.CONFIDENCE) {
    return [{ sql: 'an."confidence"', direction, nullable: true }, id];
  }
  return [id];
}

function annotationConditions(filter: AnnotationFilter | null | undefined): SqlCondition[] {
  const conditions = agreementConditions(filter?.agreement, 'a', 'filter.agreement');
  if (!filter) return conditions;
  if (filter.codes?.length) conditions.push(sqlIn('an."code"', filter.codes));
  if (filter.statuses?.length) conditions.push(sqlIn('an."status"', filter.statuses));
  if (filter.origins?.length) conditions.push(sqlIn('an."origin"', filter.origins));
  if (filter.bindingForces?.length) conditions.push(sqlIn('an."binding_force"', filter.bindingForces));
  if (filter.contradicted != null)
    conditions.push({
      sql: filter.contradicted ? 'an."contradicted_by_id" is not null' : 'an."contradicted_by_id" is null',
      params: [],
    });
  return conditions;
}

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
        from: 'annotation an join provision pr on pr."id" = an."provision_id" join agreement a on a."id" = pr."agreement_id"',
        alias: 'an',
        conditions: annotationConditions(filter),
        order: annotationOrder(order),
      },
      page,
    );
  }

  /** The annotations of the provisions, in id order. */
  ofProvisions(provisionIds: readonly number[]): Promise<Annotation[]> {
    const list = inList(provisionIds);
    return selectEntities(this.em, Annotation, `"provision_id" in ${list.sql}`, list.params, '"id"');
  }

  byIds(ids: readonly number[]): Promise<Annotation[]> {
    const list = inList(ids);
    return selectEntities(this.em, Annotation, `"id" in ${list.sql}`, list.params, '"id"');
  }
}
