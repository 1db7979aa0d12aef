import { ReadAccess } from '../auth/access.decorators';
import { Args, Context, ID, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Agreement } from '../agreements/agreement.entity';
import { AGREEMENT_FIELD_NEEDS, agreementById } from '../agreements/agreement.loaders';
import { hasLoaded, propertiesFor } from '../common/row-mapper';
import { selectedFields } from '../common/selection';
import { ConnectionType, PageArgs, connectionCost } from '../common/pagination/connection.types';
import { GraphQLContext } from '../graphql/graphql-context';
import { ProvisionFilter } from './dto/provision-filter.input';
import { ProvisionOrder } from './dto/provision-order.input';
import { Provision } from './provision.entity';
import { ProvisionsService } from './provisions.service';
import { articleNumberingOf, PROVISION_FIELD_NEEDS } from './provision.loaders';
import { languageKey } from './article-numbering';
import { preloadAnnotations } from '../annotations/annotation.loaders';

export const ProvisionConnection = ConnectionType(Provision);

/**
 * The provision's agreement: the one read with it (search hits, a list's join, the parent of
 * `Agreement.provisions`) when it holds `properties` (null: the whole row), else through the request's loader.
 */
function agreementOf(
  provision: Provision,
  ctx: GraphQLContext,
  properties: readonly string[] | null,
): Agreement | Promise<Agreement | null> {
  // A value, not a promise: graphql-js completes the provision without a `Promise.all` over its fields.
  if (hasLoaded(provision.agreement, properties)) return provision.agreement as Agreement;
  return ctx.loaders.get(agreementById).load(provision.agreement.id);
}

/** What a pinpoint reads of the provision's agreement. */
const PINPOINT_NEEDS = ['slug'];

/** The properties of Provision a connection's nodes read (`info`: the connection's field). */
function provisionProperties(service: ProvisionsService, info: GraphQLResolveInfo): string[] | null {
  return propertiesFor(service.em, Provision, selectedFields(info, ['edges', 'node']), PROVISION_FIELD_NEEDS);
}

/** The properties of Agreement a connection's nodes select on their `agreement` (null: the whole row). */
function agreementOfNodes(service: ProvisionsService, info: GraphQLResolveInfo): string[] | null {
  const fields = selectedFields(info, ['edges', 'node', 'agreement']);
  return propertiesFor(service.em, Agreement, fields, AGREEMENT_FIELD_NEEDS);
}

@Resolver(() => Provision)
@ReadAccess()
export class ProvisionsResolver {
  constructor(private readonly service: ProvisionsService) {}

  @Query(() => Provision, {
    nullable: true,
    description:
      'One provision, by id or by pinpoint such as eu-korea-fta/art-7.4; null with NOT_FOUND when none',
  })
  provision(
    @Args('pinpoint', { type: () => String, nullable: true }) pinpoint?: string,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
  ) {
    return this.service.get({ pinpoint, id });
  }

  @Query(() => ProvisionConnection, { complexity: connectionCost })
  async provisions(
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: GraphQLContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ProvisionFilter, nullable: true }) filter?: ProvisionFilter,
    @Args('orderBy', { type: () => ProvisionOrder, nullable: true }) orderBy?: ProvisionOrder,
  ) {
    const connection = await this.service.list(
      filter,
      orderBy,
      { ...page, withCount: selectedFields(info).has('totalCount') },
      provisionProperties(this.service, info),
      agreementOfNodes(this.service, info),
    );
    await preloadAnnotations(
      ctx.loaders,
      info,
      ['edges', 'node'],
      connection.edges.map((edge) => edge.node),
    );
    return connection;
  }

  @ResolveField(() => Agreement)
  agreement(provision: Provision, _args: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) {
    return agreementOf(
      provision,
      ctx,
      propertiesFor(this.service.em, Agreement, selectedFields(info), AGREEMENT_FIELD_NEEDS),
    );
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether its agreement numbers its articles per chapter (one article number in more than one of its chapters, ' +
      'in this language): a citation of this article then names its chapter too ("Chapter 11, Article 1"). False ' +
      'for a provision with no article number.',
  })
  numberedPerChapter(provision: Provision, _args: unknown, ctx: GraphQLContext): boolean | Promise<boolean> {
    if (!provision.articleNumber) return false;
    return ctx.loaders
      .get(articleNumberingOf)
      .load(provision.agreement.id)
      .then((languages) => languages.has(languageKey(provision.language)));
  }

  @ResolveField(() => String, { description: 'Stable citation id: <agreement slug>/<key>' })
  pinpoint(provision: Provision, _args: unknown, ctx: GraphQLContext): string | Promise<string> {
    if (hasLoaded(provision.agreement, PINPOINT_NEEDS)) return `${provision.agreement.slug}/${provision.key}`;
    return ctx.loaders
      .get(agreementById)
      .load(provision.agreement.id)
      .then((agreement) => `${agreement!.slug}/${provision.key}`);
  }
}

@Resolver(() => Agreement)
@ReadAccess()
export class AgreementProvisionsResolver {
  constructor(private readonly service: ProvisionsService) {}

  @ResolveField(() => ProvisionConnection, { complexity: connectionCost })
  provisions(
    @Parent() agreement: Agreement,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ProvisionFilter, nullable: true }) filter?: ProvisionFilter,
    @Args('orderBy', { type: () => ProvisionOrder, nullable: true }) orderBy?: ProvisionOrder,
  ) {
    // The provisions' agreement is this one: their pinpoints and `agreement` fields read it (as far as it was
    // read: a list of agreements reads what its provisions' `agreement` selects, `agreementProperties`) instead
    // of reading the agreements again. A whole one also serves the request's other loads of it.
    if (hasLoaded(agreement, null)) ctx.loaders.get(agreementById).prime(agreement.id, agreement);
    const properties = provisionProperties(this.service, info);
    const withCount = selectedFields(info).has('totalCount');
    const connection = ctx.loaders.nestedConnection(
      `agreement.provisions:${withCount ? 'counted:' : ''}${properties?.join() ?? '*'}`,
      { ...page, filter, orderBy },
      agreement.id,
      (ids) => this.service.provisionsOfAgreements(ids, filter, orderBy, { ...page, withCount }, properties),
    );
    if (!hasLoaded(agreement, PINPOINT_NEEDS)) return connection;
    return connection.then((provisions) => {
      for (const edge of provisions.edges) edge.node.agreement = agreement;
      return provisions;
    });
  }
}
