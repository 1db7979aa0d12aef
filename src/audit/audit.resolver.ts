import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { LIST_BOUNDS, listCost } from '../common/list-cost';
import DataLoader from 'dataloader';
import { Agreement } from '../agreements/agreement.entity';
import { Annotation } from '../annotations/annotation.entity';
import { ReadAccess, RolesAllowed } from '../auth/access.decorators';
import { Role } from '../auth/role.enum';
import { ConnectionType, PageArgs, connectionCost } from '../common/pagination/connection.types';
import { GraphQLContext } from '../graphql/graphql-context';
import { AuditEvent } from './audit-event.entity';
import { AuditQueryService } from './audit-query.service';
import { AuditFilter } from './dto/audit-filter.input';

export const AuditEventConnection = ConnectionType(AuditEvent);

@Resolver(() => AuditEvent)
@ReadAccess()
export class AuditResolver {
  constructor(private readonly service: AuditQueryService) {}

  @Query(() => AuditEventConnection, {
    complexity: connectionCost,
    description: 'REVIEWER: every change and every refused attempt, newest first',
  })
  @RolesAllowed(Role.REVIEWER)
  auditLog(
    @Args() page: PageArgs,
    @Args('filter', { type: () => AuditFilter, nullable: true }) filter?: AuditFilter,
  ) {
    return this.service.log(filter, page);
  }

  @ResolveField(() => Int, { nullable: true, description: 'REVIEWER: the API key that acted' })
  @RolesAllowed(Role.REVIEWER)
  actorKeyId(event: AuditEvent) {
    return event.actorKeyId;
  }

  @ResolveField(() => String, { nullable: true, description: 'REVIEWER: the request id (for the logs)' })
  @RolesAllowed(Role.REVIEWER)
  requestId(event: AuditEvent) {
    return event.requestId;
  }
}

@Resolver(() => Agreement)
@ReadAccess()
export class AgreementHistoryResolver {
  constructor(private readonly service: AuditQueryService) {}

  @ResolveField(() => AuditEventConnection, {
    complexity: connectionCost,
    description: 'Who changed what and when: the agreement, its provisions and annotations, newest first',
  })
  history(@Parent() agreement: Agreement, @Context() ctx: GraphQLContext, @Args() page: PageArgs) {
    return ctx.loaders.nestedConnection('agreement.history', { ...page }, agreement.id, (ids) =>
      this.service.historyOfAgreements(ids, page),
    );
  }
}

const historyOfAnnotation = (service: AuditQueryService) => () =>
  new DataLoader<number, AuditEvent[]>((ids) => service.historyOfAnnotations(ids));

@Resolver(() => Annotation)
@ReadAccess()
export class AnnotationHistoryResolver {
  private readonly factory;

  constructor(service: AuditQueryService) {
    this.factory = historyOfAnnotation(service);
  }

  @ResolveField(() => [AuditEvent], {
    complexity: listCost(LIST_BOUNDS.annotationHistory),
    description: `Who created, edited and reviewed it, and when (oldest first; the latest ${LIST_BOUNDS.annotationHistory})`,
  })
  history(annotation: Annotation, _args: unknown, ctx: GraphQLContext) {
    return ctx.loaders.get(this.factory).load(annotation.id);
  }
}
