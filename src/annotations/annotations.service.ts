import { EntityManager } from '@mikro-orm/knex';
import { OF_VISIBLE_AGREEMENT } from '../agreements/repository/agreement-visibility';
import { Injectable } from '@nestjs/common';
import { AgreementsService } from '../agreements/agreements.service';
import { NotFoundError } from '../common/errors';
import { Connection } from '../common/pagination/connection.types';
import { PageRequest } from '../common/pagination/page-query';
import { Annotation } from './annotation.entity';
import { AnnotationFilter } from './dto/annotation-filter.input';
import { AnnotationOrder } from './dto/annotation-order.input';
import { AnnotationRepository } from './repository/annotation.repository';
import { databaseIdOf } from '../graphql/node/global-id';

@Injectable()
export class AnnotationsService {
  private readonly repository: AnnotationRepository;

  constructor(
    private readonly em: EntityManager,
    private readonly agreements: AgreementsService,
  ) {
    this.repository = new AnnotationRepository(em);
  }

  async get(id: string): Promise<Annotation> {
    const numeric = databaseIdOf('Annotation', 'id', id);
    const annotation =
      numeric === null
        ? null
        : await this.em.findOne(Annotation, { id: numeric, ...OF_VISIBLE_AGREEMENT.Annotation });
    if (!annotation) throw new NotFoundError('Annotation', id);
    return annotation;
  }

  async list(
    filter: AnnotationFilter | null | undefined,
    page: PageRequest,
    order?: AnnotationOrder | null,
  ): Promise<Connection<Annotation>> {
    await this.agreements.checkFilter(filter?.agreement, 'filter.agreement');
    return this.repository.list(filter, order, page);
  }
}
