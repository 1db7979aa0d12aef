import { IsFreeText } from '../../common/free-text.validator';
import { Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsOptional,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { BindingForce } from '../annotation.enums';

export enum ReviewDecision {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
}
registerEnumType(ReviewDecision, { name: 'ReviewDecision' });

@InputType({ description: 'A span of the provision text: [start, end) in UTF-16 code units' })
export class EvidenceInput {
  @Field(() => Int)
  @Min(0)
  start!: number;

  @Field(() => Int)
  @Min(0)
  end!: number;
}

@InputType({ isAbstract: true })
export abstract class AnnotationFieldsInput {
  @Field(() => [String], { nullable: true, description: 'Mechanism or e-commerce subtypes (main first)' })
  @IsOptional()
  @ArrayMaxSize(12)
  @MaxLength(64, { each: true })
  detail?: string[] | null;

  @Field(() => BindingForce, { nullable: true })
  bindingForce?: BindingForce | null;

  @Field(() => EvidenceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => EvidenceInput)
  evidence?: EvidenceInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  @IsFreeText()
  note?: string | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(1)
  confidence?: number | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Party codes the provision protects or binds, when it names some parties only; null for all',
  })
  @IsOptional()
  @ArrayMaxSize(60)
  @Matches(/^[A-Z]{3}$/, { each: true, message: 'each party code must be 3 capital letters' })
  partyScope?: string[] | null;
}

/**
 * The longest reason a review gives: the review page's box says so (maxlength). Until 7 December 2026 the box said
 * 500 and cut a longer reason the API takes without a word.
 */
export const REVIEW_REASON_MAX_LENGTH = 5000;

@InputType()
export class CreateAnnotationInput extends AnnotationFieldsInput {
  @Field({ description: 'The provision: <agreement slug>/<key>' })
  @MinLength(3)
  @MaxLength(300)
  pinpoint!: string;

  @Field(() => TaxonomyCodeId)
  code!: TaxonomyCodeId;
}

@InputType()
export class UpdateAnnotationInput extends AnnotationFieldsInput {
  @Field(() => ID)
  @MaxLength(20)
  id!: string;

  @Field(() => Int, { description: 'The version you read' })
  version!: number;

  @Field(() => TaxonomyCodeId, { nullable: true })
  code?: TaxonomyCodeId | null;
}

@InputType()
export class ReviewAnnotationInput {
  @Field(() => ID)
  @MaxLength(20)
  id!: string;

  @Field(() => Int, { description: 'The version you read' })
  version!: number;

  @Field(() => ReviewDecision)
  decision!: ReviewDecision;

  @Field(() => String, { nullable: true, description: 'Why (required to reject)' })
  @IsOptional()
  @MaxLength(REVIEW_REASON_MAX_LENGTH)
  @IsFreeText()
  reason?: string | null;
}

@InputType()
export class WithdrawAnnotationInput {
  @Field(() => ID)
  @MaxLength(20)
  id!: string;

  @Field(() => Int, { description: 'The version you read' })
  version!: number;
}
