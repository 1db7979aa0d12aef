import { ReadAccess } from '../auth/access.decorators';
import { BadUserInputError } from '../common/errors';
import { Args, Context, Info, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { PageArgs, connectionCost } from '../common/pagination/connection.types';
import { selectedFields } from '../common/selection';
import { LocalDate } from '../graphql/scalars';
import { GraphQLContext } from '../graphql/graphql-context';
import { Party } from '../parties/party.entity';
import { agreementProperties } from './agreement.loaders';
import { AgreementConnection } from './agreements.resolver';
import { AgreementsService } from './agreements.service';
import { AgreementFilter } from './dto/agreement-filter.input';
import { AgreementOrder } from './dto/agreement-order.input';

@Resolver(() => Party)
@ReadAccess()
export class PartyAgreementsResolver {
  constructor(private readonly service: AgreementsService) {}

  @ResolveField(() => AgreementConnection, {
    complexity: connectionCost,
    description: "The party's agreements, including those of the blocs it belongs to",
  })
  async agreements(
    @Parent() party: Party,
    @Context() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgs,
    @Args('inForceOn', {
      type: () => LocalDate,
      nullable: true,
      description: 'In force on this date: the same as filter.inForceOn (give one date, in either place)',
    })
    inForceOn?: string,
    @Args('filter', { type: () => AgreementFilter, nullable: true }) filter?: AgreementFilter,
    @Args('orderBy', { type: () => AgreementOrder, nullable: true }) orderBy?: AgreementOrder,
  ) {
    // One date: the argument silently replacing filter.inForceOn answered for a date the client did not mean.
    if (inForceOn && filter?.inForceOn && filter.inForceOn !== inForceOn)
      throw new BadUserInputError(
        'inForceOn',
        `is ${inForceOn} but filter.inForceOn is ${filter.inForceOn}: give one date`,
      );
    const merged: AgreementFilter | undefined = inForceOn
      ? { ...(filter ?? new AgreementFilter()), inForceOn }
      : filter;
    await this.service.checkFilter(merged);
    const properties = agreementProperties(this.service.em, info, ['edges', 'node']);
    const withCount = selectedFields(info).has('totalCount');
    return ctx.loaders.nestedConnection(
      `party.agreements:${withCount ? 'counted:' : ''}${properties?.join() ?? '*'}`,
      { ...page, merged, orderBy },
      party.code,
      (codes) => this.service.agreementsOfParties(codes, merged, orderBy, { ...page, withCount }, properties),
    );
  }
}
