import { ReadAccess } from '../auth/access.decorators';
import { LIST_BOUNDS, listCost } from '../common/list-cost';
import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionType, connectionCost } from '../common/pagination/connection.types';
import { PageArgs } from '../common/pagination/connection.types';
import { GraphQLContext } from '../graphql/graphql-context';
import { BlocMember } from './bloc-member.model';
import { ConventionStatus } from './convention-status.model';
import { PartyFilter } from './dto/party-filter.input';
import { PartyOrder } from './dto/party-order.input';
import { PartiesService } from './parties.service';
import { membershipsOfBloc, membershipsOfMember } from './party.loaders';
import { Party } from './party.entity';
import { conventionInForceBy } from './convention-dates';

export const PartyConnection = ConnectionType(Party);

@Resolver(() => Party)
@ReadAccess()
export class PartiesResolver {
  constructor(private readonly service: PartiesService) {}

  @Query(() => Party, {
    nullable: true,
    description:
      'A party by its code (ISO 3166-1 alpha-3, or EUN for the European Union); null with NOT_FOUND when none',
  })
  party(@Args('code') code: string) {
    return this.service.get(code);
  }

  @Query(() => PartyConnection, { complexity: connectionCost })
  parties(
    @Args() page: PageArgs,
    @Args('filter', { type: () => PartyFilter, nullable: true }) filter?: PartyFilter,
    @Args('orderBy', { type: () => PartyOrder, nullable: true }) orderBy?: PartyOrder,
  ) {
    return this.service.list(filter, orderBy, page);
  }

  @ResolveField(() => ConventionStatus)
  conventionStatus(party: Party): ConventionStatus {
    return {
      status: party.conventionStatusKind,
      instrumentType: party.conventionInstrument,
      dateDeposited: party.conventionDeposited,
      inForce: party.conventionInForce,
      depositYear: party.conventionDepositYear,
      inForceBy: conventionInForceBy(party.conventionInForce, party.conventionDepositYear),
      asOf: party.conventionAsOf,
      confidence: party.conventionConfidence,
      source: party.conventionSource,
    };
  }

  @ResolveField(() => [BlocMember], {
    complexity: listCost(LIST_BOUNDS.blocMembers),
    description: 'Members of a bloc, with their dates (empty for a country)',
  })
  async members(party: Party, _args: unknown, ctx: GraphQLContext): Promise<BlocMember[]> {
    const memberships = await ctx.loaders.get(membershipsOfBloc).load(party.code);
    return memberships.map((m) => ({
      party: m.member,
      dateJoined: m.dateJoined,
      dateLeft: m.dateLeft,
      dateBoundUntil: m.dateBoundUntil,
      note: m.note,
    }));
  }

  @ResolveField(() => [BlocMember], {
    complexity: listCost(LIST_BOUNDS.memberships),
    description: 'Blocs the party belongs or belonged to, with the dates',
  })
  async memberOf(party: Party, _args: unknown, ctx: GraphQLContext): Promise<BlocMember[]> {
    const memberships = await ctx.loaders.get(membershipsOfMember).load(party.code);
    return memberships.map((m) => ({
      party: m.bloc,
      dateJoined: m.dateJoined,
      dateLeft: m.dateLeft,
      dateBoundUntil: m.dateBoundUntil,
      note: m.note,
    }));
  }
}
