import { ResolveField, Resolver } from '@nestjs/graphql';
import { ReadAccess } from '../auth/access.decorators';
import { GraphQLContext } from '../graphql/graphql-context';
import { LocalDate } from '../graphql/scalars';
import { PartyBindingDates } from '../bindings/repository/binding.repository';
import { AgreementParty } from './agreement-party.entity';
import { AgreementPartyStanding, DatePrecision } from './agreement.enums';
import { partyBindingDatesOfAgreement } from './agreement.loaders';

/** The party's dates as the binding rule (`computeBindings`, the one rule) gives them; one statement per request. */
@Resolver(() => AgreementParty)
@ReadAccess()
export class AgreementPartyResolver {
  private async binding(party: AgreementParty, ctx: GraphQLContext): Promise<PartyBindingDates | undefined> {
    const byCode = await ctx.loaders.get(partyBindingDatesOfAgreement).load(party.agreement.id);
    return byCode.get(party.party.code);
  }

  @ResolveField(() => Boolean, {
    description:
      "No date of its own is recorded for this original party on an agreement of three or more sides: the agreement's dates (dateInForce, dateProvisionallyApplied) are its first, perhaps for other parties only, and this party's own is not known (it was not bound before them)",
  })
  async agreementFirstDates(party: AgreementParty, _args: unknown, ctx: GraphQLContext): Promise<boolean> {
    return (await this.binding(party, ctx))?.agreementFirstDates ?? false;
  }

  @ResolveField(() => AgreementPartyStanding, {
    nullable: true,
    description:
      "Where the party stands today among the agreement's parties, by the one rule the comparison, the exports and the pages read (`partyStanding`): a member state listed beside its bloc (Croatia in EU-Korea) is THROUGH_BLOC, not a party of its own. Null: a territory (never a party), or a member of a listed bloc that signed only or is suspended (its bloc is named)",
  })
  async standing(
    party: AgreementParty,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<AgreementPartyStanding | null> {
    const standing = (await this.binding(party, ctx))?.standing;
    return standing ? AgreementPartyStanding[standing] : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The code of the bloc through which this listed member state is bound (a mixed agreement: EUN for Croatia in EU-Korea), as `standing` THROUGH_BLOC says; null for a party in its own right',
  })
  async boundThrough(party: AgreementParty, _args: unknown, ctx: GraphQLContext): Promise<string | null> {
    return (await this.binding(party, ctx))?.via ?? null;
  }

  @ResolveField(() => LocalDate, {
    nullable: true,
    description:
      "The date the agreement entered into force for this party, by the binding rule: its own date, the day its accession took effect (dateJoined, or the agreement's entry into force if later), or the agreement's where that stands for the party's. Null where no date is known: signed only, not in force, agreementFirstDates (the party's own is not recorded), or an agreement recorded as in force with no date",
  })
  async inForceFrom(party: AgreementParty, _args: unknown, ctx: GraphQLContext): Promise<string | null> {
    return knownDates(await this.binding(party, ctx)).inForceFrom;
  }

  @ResolveField(() => DatePrecision, {
    nullable: true,
    description:
      'How precise inForceFrom and appliedFrom are, by the binding rule: EXACT, or AT_LATEST, a bound (in force for the party on that day at the latest, its own day not recorded, and before it whether the agreement bound the party is not known: AANZFTA for Cambodia and Lao PDR, 2011-02-01). Null where they are null',
  })
  async inForceFromPrecision(
    party: AgreementParty,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<DatePrecision | null> {
    const b = await this.binding(party, ctx);
    const known = knownDates(b);
    if (known.inForceFrom === null && known.appliedFrom === null) return null;
    return b?.inForceFromPrecision === 'AT_LATEST' ? DatePrecision.AT_LATEST : DatePrecision.EXACT;
  }

  @ResolveField(() => LocalDate, {
    nullable: true,
    description:
      'The date the agreement began to apply to this party, provisionally or in force, by the binding rule; null where no date is known (as for inForceFrom)',
  })
  async appliedFrom(party: AgreementParty, _args: unknown, ctx: GraphQLContext): Promise<string | null> {
    return knownDates(await this.binding(party, ctx)).appliedFrom;
  }
}

/**
 * The binding's dates that are the party's: none where they are the agreement's first dates (another party's,
 * perhaps), and no entry into force where the signature date stands in for an unrecorded one (inForceInferred).
 */
function knownDates(b: PartyBindingDates | undefined): {
  inForceFrom: string | null;
  appliedFrom: string | null;
} {
  if (!b || b.agreementFirstDates) return { inForceFrom: null, appliedFrom: null };
  if (!b.inForceInferred) return { inForceFrom: b.inForceFrom, appliedFrom: b.appliedFrom };
  return { inForceFrom: null, appliedFrom: b.appliedFrom === b.inForceFrom ? null : b.appliedFrom };
}
