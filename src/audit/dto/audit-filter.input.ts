import { Field, InputType, Int } from '@nestjs/graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { AuditOutcome } from '../audit-event.entity';

@InputType({ description: 'Conditions on audit events; all given conditions must hold' })
export class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Agreement, Provision, Annotation, ...' })
  @IsOptional()
  @MaxLength(40)
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'e.g. annotation.review' })
  @IsOptional()
  @MaxLength(80)
  action?: string | null;

  @Field(() => Int, { nullable: true, description: 'The API key that acted' })
  actorKeyId?: number | null;

  @Field(() => AuditOutcome, { nullable: true })
  outcome?: AuditOutcome | null;

  @Field(() => Date, { nullable: true, description: 'At or after' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before' })
  to?: Date | null;
}
