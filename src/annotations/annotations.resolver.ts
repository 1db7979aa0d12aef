import { ReadAccess, RolesAllowed } from '../auth/access.decorators';
import { Role } from '../auth/role.enum';
import { LIST_BOUNDS, listCost } from '../common/list-cost';
import { Args, Context, ID, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { ConnectionType, PageArgs, connectionCost } from '../common/pagination/connection.types';
import { GraphQLContext } from '../graphql/graphql-context';
import { provisionById } from '../provisions/provision.loaders';
import { Provision } from '../provisions/provision.entity';
import { TaxonomyCodeId } from '../taxonomy/taxonomy-code.enum';
import { TaxonomyCode } from '../taxonomy/taxonomy-code.entity';
import { TAXONOMY_CODE_FIELD_NEEDS, taxonomyCodeByCode } from '../taxonomy/taxonomy.loaders';
import { hasLoaded, propertiesFor } from '../common/row-mapper';
import { selectedFields } from '../common/selection';
import { AnnotationStatus } from './annotation.enums';
import { Annotation } from './annotation.entity';
import { annotationById, annotationsOfProvision } from './annotation.loaders';
import { AnnotationsService } from './annotations.service';
import { AnnotationFilter } from './dto/annotation-filter.input';
import { AnnotationOrder } from './dto/annotation-order.input';
import { Evidence } from './evidence.model';

export const AnnotationConnection = ConnectionType(Annotation);

@Resolver(() => Annotation)
@ReadAccess()
export class AnnotationsResolver {
  constructor(private readonly service: AnnotationsService) {}

  @Query(() => Annotation, {
    nullable: true,
    description: 'One annotation by id; null with NOT_FOUND when none',
  })
  annotation(@Args('id', { type: () => ID }) id: string) {
    return this.service.get(id);
  }

  @Query(() => AnnotationConnection, {
    complexity: connectionCost,
    description: 'Annotations, oldest first unless orderBy says otherwise (e.g. the PROPOSED ones to review)',
  })
  annotations(
    @Args() page: PageArgs,
    @Args('filter', { type: () => AnnotationFilter, nullable: true }) filter?: AnnotationFilter,
    @Args('orderBy', {
      type: () => AnnotationOrder,
      nullable: true,
      description: 'CONFIDENCE ASC lists the proposals most likely to be wrong first',
    })
    orderBy?: AnnotationOrder,
  ) {
    return this.service.list(filter, page, orderBy);
  }

  @ResolveField(() => Int, {
    nullable: true,
    description: 'REVIEWER: the API key that created it (null: rules, fixtures, imports)',
  })
  @RolesAllowed(Role.REVIEWER)
  createdByKeyId(annotation: Annotation): number | null {
    return annotation.createdByKeyId;
  }

  @ResolveField(() => TaxonomyCode)
  code(annotation: Annotation, _args: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) {
    // The code read with the annotation (joined, or the reference when only the code itself is selected: a
    // foreign key, so it exists) when it holds what the query selects of it.
    const needs = propertiesFor(
      ctx.loaders.em,
      TaxonomyCode,
      selectedFields(info),
      TAXONOMY_CODE_FIELD_NEEDS,
    );
    if (hasLoaded(annotation.code, needs)) return annotation.code;
    return ctx.loaders.get(taxonomyCodeByCode).load(annotation.code.code);
  }

  @ResolveField(() => Provision)
  provision(annotation: Annotation, _args: unknown, ctx: GraphQLContext) {
    return ctx.loaders.get(provisionById).load(annotation.provision.id);
  }

  @ResolveField(() => Annotation, {
    nullable: true,
    description:
      'Origin FAMILY: the accepted annotation of a near-identical clause that this proposal copies',
  })
  propagatedFrom(@Parent() annotation: Annotation, @Context() ctx: GraphQLContext) {
    return annotation.propagatedFrom
      ? ctx.loaders.get(annotationById).load(annotation.propagatedFrom.id)
      : null;
  }

  @ResolveField(() => Annotation, {
    nullable: true,
    description:
      'A proposal whose code a reviewer rejected on a near-identical clause: that rejection (the proposal still awaits its own review)',
  })
  contradictedBy(@Parent() annotation: Annotation, @Context() ctx: GraphQLContext) {
    return annotation.contradictedBy
      ? ctx.loaders.get(annotationById).load(annotation.contradictedBy.id)
      : null;
  }

  @ResolveField(() => Evidence, { nullable: true })
  evidence(annotation: Annotation): Evidence | null {
    if (annotation.evidenceStart == null || annotation.evidenceEnd == null) return null;
    return {
      start: annotation.evidenceStart,
      end: annotation.evidenceEnd,
      quote: annotation.evidenceQuote ?? '',
    };
  }
}

@Resolver(() => Provision)
@ReadAccess()
export class ProvisionAnnotationsResolver {
  @ResolveField(() => [Annotation], { complexity: listCost(LIST_BOUNDS.provisionAnnotations) })
  annotations(
    @Parent() provision: Provision,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args('codes', { type: () => [TaxonomyCodeId], nullable: true }) codes?: TaxonomyCodeId[],
    @Args('statuses', { type: () => [AnnotationStatus], nullable: true }) statuses?: AnnotationStatus[],
  ): Annotation[] | Promise<Annotation[]> {
    // The provision's annotations at once when its page read them ahead (preloadAnnotations), else a promise.
    const all = ctx.loaders.loadNow(annotationsOfProvision(ctx.loaders, info), provision.id);
    if (!codes?.length && !statuses?.length) return all;
    const chosen = (annotations: Annotation[]) =>
      annotations.filter(
        (a) =>
          (!codes?.length || codes.includes(a.code.code)) &&
          (!statuses?.length || statuses.includes(a.status)),
      );
    return all instanceof Promise ? all.then(chosen) : chosen(all);
  }
}
