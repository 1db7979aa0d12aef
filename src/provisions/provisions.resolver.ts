import { ReadAccess } from '../auth/access.decorators';
import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Agreement } from '../agreements/agreement.entity';
import { agreementById } from '../agreements/agreement.loaders';
import { ConnectionType, PageArgs, connectionCost } from '../common/pagination/connection.types';
import { GraphQLContext } from '../graphql/graphql-context';
import { ProvisionFilter } from './dto/provision-filter.input';
import { ProvisionOrder } from './dto/provision-order.input';
import { Provision } from './provision.entity';
import { ProvisionsService } from './provisions.service';

export const ProvisionConnection = ConnectionType(Provision);

/** The provision's agreement: the one loaded with it (search hits), or through the request's loader. */
function agreementOf(provision: Provision, ctx: GraphQLContext): Promise<Agreement | null> {
  if (provision.agreement.slug) return Promise.resolve(provision.agreement as Agreement);
  return ctx.loaders.get(agreementById).load(provision.agreement.id);
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
  provisions(
    @Args() page: PageArgs,
    @Args('filter', { type: () => ProvisionFilter, nullable: true }) filter?: ProvisionFilter,
    @Args('orderBy', { type: () => ProvisionOrder, nullable: true }) orderBy?: ProvisionOrder,
  ) {
    return this.service.list(filter, orderBy, page);
  }

  @ResolveField(() => Agreement)
  agreement(provision: Provision, _args: unknown, ctx: GraphQLContext) {
    return agreementOf(provision, ctx);
  }

  @ResolveField(() => String, { description: 'Stable citation id: <agreement slug>/<key>' })
  pinpoint(provision: Provision, _args: unknown, ctx: GraphQLContext): string | Promise<string> {
    if (provision.agreement.slug) return `${provision.agreement.slug}/${provision.key}`;
    return agreementOf(provision, ctx).then((agreement) => `${agreement!.slug}/${provision.key}`);
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
    @Args() page: PageArgs,
    @Args('filter', { type: () => ProvisionFilter, nullable: true }) filter?: ProvisionFilter,
    @Args('orderBy', { type: () => ProvisionOrder, nullable: true }) orderBy?: ProvisionOrder,
  ) {
    // The provisions' agreement is this one: their pinpoints and `agreement` fields read it from the request's
    // loader instead of reading the agreements again (a loaded agreement has its slug; a bare reference does not).
    if (agreement.slug) ctx.loaders.get(agreementById).prime(agreement.id, agreement);
    return ctx.loaders.nestedConnection(
      'agreement.provisions',
      { ...page, filter, orderBy },
      agreement.id,
      (ids) => this.service.provisionsOfAgreements(ids, filter, orderBy, page),
    );
  }
}
