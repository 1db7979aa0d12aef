import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { agreementConditions } from '../agreements/agreement.conditions';
import { AgreementsService } from '../agreements/agreements.service';
import { NotFoundError } from '../common/errors';
import { Connection } from '../common/pagination/connection.types';
import { fetchPage, PageRequest } from '../common/pagination/page-query';
import { sqlIn, SqlCondition } from '../common/sql';
import { Annotation } from './annotation.entity';
import { AnnotationFilter } from './dto/annotation-filter.input';
import { AnnotationOrder, AnnotationOrderField } from './dto/annotation-order.input';
import { OrderColumn } from '../common/pagination/keyset';
import { SortDirection } from '../common/sort-direction.enum';
import { databaseIdOf } from '../graphql/node/global-id';

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

@Injectable()
export class AnnotationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly agreements: AgreementsService,
  ) {}

  async get(id: string): Promise<Annotation> {
    const numeric = databaseIdOf('Annotation', 'id', id);
    const annotation = numeric === null ? null : await this.em.findOne(Annotation, { id: numeric });
    if (!annotation) throw new NotFoundError('Annotation', id);
    return annotation;
  }

  async list(
    filter: AnnotationFilter | null | undefined,
    page: PageRequest,
    order?: AnnotationOrder | null,
  ): Promise<Connection<Annotation>> {
    await this.agreements.checkFilter(filter?.agreement, 'filter.agreement');
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
}
