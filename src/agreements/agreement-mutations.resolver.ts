import { RATE_COSTS, RateCost } from '../auth/rate-limit/rate-cost.decorator';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuditActor } from '../audit/audit.service';
import { RolesAllowed } from '../auth/access.decorators';
import { Actor } from '../auth/actor.decorator';
import { Role } from '../auth/role.enum';
import { AgreementMutationsService } from './agreement-mutations.service';
import { Agreement } from './agreement.entity';
import {
  ArchiveAgreementInput,
  CreateAgreementInput,
  SetAgreementPartiesInput,
  UpdateAgreementInput,
} from './dto/agreement-mutation.inputs';

@Resolver(() => Agreement)
@RolesAllowed(Role.EDITOR)
@RateCost(RATE_COSTS.write)
export class AgreementMutationsResolver {
  constructor(private readonly service: AgreementMutationsService) {}

  @Mutation(() => Agreement, { description: 'EDITOR: add an agreement to the catalogue' })
  createAgreement(@Args('input') input: CreateAgreementInput, @Actor() actor: AuditActor) {
    return this.service.create(input, actor);
  }

  @Mutation(() => Agreement, {
    description: 'EDITOR: change the facts of an agreement (send the version you read)',
  })
  updateAgreement(@Args('input') input: UpdateAgreementInput, @Actor() actor: AuditActor) {
    return this.service.update(input, actor);
  }

  @Mutation(() => Agreement, {
    description: 'EDITOR: archive an agreement (it leaves the lists; nothing is deleted)',
  })
  archiveAgreement(@Args('input') input: ArchiveAgreementInput, @Actor() actor: AuditActor) {
    return this.service.archive(input, actor);
  }

  @Mutation(() => Agreement, { description: "EDITOR: replace an agreement's parties" })
  setAgreementParties(@Args('input') input: SetAgreementPartiesInput, @Actor() actor: AuditActor) {
    return this.service.setParties(input, actor);
  }
}
