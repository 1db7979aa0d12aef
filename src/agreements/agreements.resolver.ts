import { selectedFields } from '../common/selection';
import { GraphQLResolveInfo } from 'graphql';
import { ReadAccess } from '../auth/access.decorators';
import { LIST_BOUNDS, listCost } from '../common/list-cost';
import { Args, Context, ID, Info, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionType, PageArgs, connectionCost } from '../common/pagination/connection.types';
import { GraphQLContext } from '../graphql/graphql-context';
import { AgreementLink, LinkDirection } from './agreement-link.model';
import { AgreementStatus, AgreementType } from './agreement.enums';
import { statusOn } from '../bindings/binding';
import { today } from '../common/dates';
import { AgreementParty } from './agreement-party.entity';
import { AgreementExternalIds, FactSource } from './agreement-source.model';
import { Agreement } from './agreement.entity';
import {
  agreementProperties,
  partiesOfAgreement,
  preloadParties,
  provisionRecordOfAgreement,
  relationsOfAgreement,
  typesOfAgreement,
} from './agreement.loaders';
import { AgreementRecordCompleteness } from './agreement-record-completeness.model';
import { recordCompleteness } from './record-completeness';
import { AgreementsService } from './agreements.service';
import { AgreementFilter } from './dto/agreement-filter.input';
import { AgreementOrder } from './dto/agreement-order.input';

export const AgreementConnection = ConnectionType(Agreement);

@Resolver(() => Agreement)
@ReadAccess()
export class AgreementsResolver {
  constructor(private readonly service: AgreementsService) {}

  @Query(() => Agreement, {
    nullable: true,
    description: 'One agreement, by slug or by id (give exactly one); null with NOT_FOUND when none',
  })
  agreement(
    @Info() info: GraphQLResolveInfo,
    @Args('slug', { type: () => String, nullable: true }) slug?: string,
    @Args('id', { type: () => ID, nullable: true }) id?: string,
  ) {
    return this.service.read({ slug, id }, agreementProperties(this.service.em, info, []));
  }

  @Query(() => AgreementConnection, { complexity: connectionCost })
  async agreements(
    @Info() info: GraphQLResolveInfo,
    @Context() ctx: GraphQLContext,
    @Args() page: PageArgs,
    @Args('filter', { type: () => AgreementFilter, nullable: true }) filter?: AgreementFilter,
    @Args('orderBy', { type: () => AgreementOrder, nullable: true }) orderBy?: AgreementOrder,
  ) {
    const connection = await this.service.list(
      filter,
      orderBy,
      { ...page, withCount: selectedFields(info).has('totalCount') },
      agreementProperties(this.service.em, info, ['edges', 'node']),
    );
    await preloadParties(
      ctx.loaders,
      info,
      ['edges', 'node'],
      connection.edges.map((edge) => edge.node),
    );
    return connection;
  }

  @ResolveField('status', () => AgreementStatus, {
    description:
      'Its status today: TERMINATED from its date of termination on, whatever status was recorded before it passed',
  })
  statusToday(@Parent() agreement: Agreement): AgreementStatus {
    return statusOn(agreement, today()) as AgreementStatus;
  }

  @ResolveField(() => [AgreementType], { complexity: listCost(LIST_BOUNDS.agreementTypes) })
  types(agreement: Agreement, _args: unknown, ctx: GraphQLContext) {
    return ctx.loaders.get(typesOfAgreement).load(agreement.id);
  }

  @ResolveField(() => [AgreementParty], {
    complexity: listCost(LIST_BOUNDS.agreementParties),
    description:
      "The record's party rows, as the agreement lists them: a bloc, not its members, but a member state listed beside its bloc in a mixed agreement too (Croatia in EU-Korea, bound through the EU); where each stands among the agreement's parties, as the comparison and the exports list them: `standing`",
  })
  parties(agreement: Agreement, _args: unknown, ctx: GraphQLContext, info: GraphQLResolveInfo) {
    return ctx.loaders.loadNow(partiesOfAgreement(ctx.loaders, info), agreement.id);
  }

  @ResolveField(() => AgreementRecordCompleteness, {
    description:
      'What the catalogue holds of this agreement (main text, annexes, ...), so that absences can be judged',
  })
  async record(
    agreement: Agreement,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<AgreementRecordCompleteness> {
    const { provisions, locations } = await ctx.loaders.get(provisionRecordOfAgreement).load(agreement.id);
    return recordCompleteness(agreement.recordCoverage, agreement.recordParts, provisions, locations);
  }

  @ResolveField(() => AgreementExternalIds)
  externalIds(agreement: Agreement): AgreementExternalIds {
    return agreement.externalIds;
  }

  @ResolveField(() => [FactSource], {
    complexity: listCost(LIST_BOUNDS.factSources),
    description: 'Where each fact of this record comes from',
  })
  factSources(agreement: Agreement): FactSource[] {
    return Object.entries(agreement.factSources ?? {}).map(([fact, source]) => ({ fact, source }));
  }

  @ResolveField(() => [AgreementLink], {
    complexity: listCost(LIST_BOUNDS.agreementLinks),
    description: 'Protocols, amendments, successors and the like',
  })
  async related(agreement: Agreement, _args: unknown, ctx: GraphQLContext): Promise<AgreementLink[]> {
    const relations = await ctx.loaders.get(relationsOfAgreement).load(agreement.id);
    return relations.map((r) =>
      r.from.id === agreement.id
        ? { kind: r.kind, direction: LinkDirection.OUTGOING, agreement: r.to }
        : { kind: r.kind, direction: LinkDirection.INCOMING, agreement: r.from },
    );
  }
}
