import { RATE_COSTS, RateCost } from '../auth/rate-limit/rate-cost.decorator';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuditActor } from '../audit/audit.service';
import { RolesAllowed } from '../auth/access.decorators';
import { Actor } from '../auth/actor.decorator';
import { Role } from '../auth/role.enum';
import {
  AddProvisionInput,
  RemoveProvisionInput,
  UpdateProvisionInput,
} from './dto/provision-mutation.inputs';
import { ProvisionMutationsService } from './provision-mutations.service';
import { Provision } from './provision.entity';

@Resolver(() => Provision)
@RolesAllowed(Role.EDITOR)
@RateCost(RATE_COSTS.write)
export class ProvisionMutationsResolver {
  constructor(private readonly service: ProvisionMutationsService) {}

  @Mutation(() => Provision, { description: 'EDITOR: add a provision to an agreement' })
  addProvision(@Args('input') input: AddProvisionInput, @Actor() actor: AuditActor) {
    return this.service.add(input, actor);
  }

  @Mutation(() => Provision, { description: 'EDITOR: change a provision (send the version you read)' })
  updateProvision(@Args('input') input: UpdateProvisionInput, @Actor() actor: AuditActor) {
    return this.service.update(input, actor);
  }

  @Mutation(() => Provision, {
    description: 'EDITOR: remove a provision and its annotations (the audit log keeps them)',
  })
  removeProvision(@Args('input') input: RemoveProvisionInput, @Actor() actor: AuditActor) {
    return this.service.remove(input, actor);
  }
}
