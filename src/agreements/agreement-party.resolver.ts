import { ResolveField, Resolver } from '@nestjs/graphql';
import { ReadAccess } from '../auth/access.decorators';
import { GraphQLContext } from '../graphql/graphql-context';
import { AgreementParty } from './agreement-party.entity';
import { agreementFirstDatesOfAgreement } from './agreement.loaders';

@Resolver(() => AgreementParty)
@ReadAccess()
export class AgreementPartyResolver {
  /** From the binding (`computeBindings`, the one rule), one statement per request for every party asked. */
  @ResolveField(() => Boolean, {
    description:
      "No date of its own is recorded for this original party on an agreement of three or more sides: the agreement's dates (dateInForce, dateProvisionallyApplied) are its first, perhaps for other parties only, and this party's own is not known (it was not bound before them)",
  })
  async agreementFirstDates(party: AgreementParty, _args: unknown, ctx: GraphQLContext): Promise<boolean> {
    const codes = await ctx.loaders.get(agreementFirstDatesOfAgreement).load(party.agreement.id);
    return codes.has(party.party.code);
  }
}
