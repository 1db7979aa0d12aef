import { RATE_COSTS, RateCost } from '../auth/rate-limit/rate-cost.decorator';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AuditActor } from '../audit/audit.service';
import { RolesAllowed } from '../auth/access.decorators';
import { Actor } from '../auth/actor.decorator';
import { Role } from '../auth/role.enum';
import { AnnotationMutationsService } from './annotation-mutations.service';
import { Annotation } from './annotation.entity';
import {
  CreateAnnotationInput,
  ReviewAnnotationInput,
  UpdateAnnotationInput,
  WithdrawAnnotationInput,
} from './dto/annotation-mutation.inputs';

/** Who may accept or reject an annotation (ADMIN always): the mutation's rule, and the review page's. */
export const REVIEW_ROLES: readonly Role[] = [Role.REVIEWER];

@Resolver(() => Annotation)
@RateCost(RATE_COSTS.write)
export class AnnotationMutationsResolver {
  constructor(private readonly service: AnnotationMutationsService) {}

  @Mutation(() => Annotation, {
    description: 'ANNOTATOR or REVIEWER: propose an annotation (PROPOSED, MANUAL)',
  })
  @RolesAllowed(Role.ANNOTATOR, Role.REVIEWER)
  createAnnotation(@Args('input') input: CreateAnnotationInput, @Actor() actor: AuditActor) {
    return this.service.create(input, actor);
  }

  @Mutation(() => Annotation, {
    description:
      'ANNOTATOR or REVIEWER: edit your own annotation (send the version you read); it goes back to PROPOSED',
  })
  @RolesAllowed(Role.ANNOTATOR, Role.REVIEWER)
  updateAnnotation(@Args('input') input: UpdateAnnotationInput, @Actor() actor: AuditActor) {
    return this.service.update(input, actor);
  }

  @Mutation(() => Annotation, {
    description: 'REVIEWER: accept or reject any annotation (a reason is required to reject)',
  })
  @RolesAllowed(...REVIEW_ROLES)
  reviewAnnotation(@Args('input') input: ReviewAnnotationInput, @Actor() actor: AuditActor) {
    return this.service.review(input, actor);
  }

  @Mutation(() => Annotation, { description: 'ANNOTATOR or REVIEWER: withdraw (delete) your own annotation' })
  @RolesAllowed(Role.ANNOTATOR, Role.REVIEWER)
  withdrawAnnotation(@Args('input') input: WithdrawAnnotationInput, @Actor() actor: AuditActor) {
    return this.service.withdraw(input, actor);
  }
}
