import { IsFreeText } from '../../common/free-text.validator';
import { IsTitle } from '../../common/title.validator';
import { isSafeProvisionKey, PROVISION_KEY_RULE } from '../provision-key';
import { articleNumberForm } from '../article-number';
import { Transform } from 'class-transformer';
import { Field, InputType, Int } from '@nestjs/graphql';
import {
  IsOptional,
  Matches,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { ProvisionLocation } from '../provision-location.enum';
import { PROVISION_TEXT_MAX_CHARACTERS } from '../../common/text-rules';

@InputType({ isAbstract: true })
export abstract class ProvisionFieldsInput {
  @Field(() => ProvisionLocation, { nullable: true })
  location?: ProvisionLocation | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  @MaxLength(64)
  chapterNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  @MaxLength(2000)
  chapterTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  @MaxLength(64)
  sectionNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  @MaxLength(2000)
  sectionTitle?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  @Transform(({ value }) => (typeof value === 'string' ? articleNumberForm(value) : value))
  @MaxLength(64)
  articleNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  @MaxLength(2000)
  articleTitle?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(0)
  position?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be an ISO 639 code such as en' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'The text, where it may be stored' })
  @IsOptional()
  @MaxLength(PROVISION_TEXT_MAX_CHARACTERS)
  @IsFreeText()
  text?: string | null;

  @Field(() => String, { nullable: true, description: 'A summary in our own words' })
  @IsOptional()
  @MaxLength(10_000)
  @IsFreeText()
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  @MaxLength(64)
  externalId?: string | null;
}

@ValidatorConstraint({ name: 'safeProvisionKey' })
class SafeProvisionKey implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isSafeProvisionKey(value);
  }

  defaultMessage(): string {
    return `key ${PROVISION_KEY_RULE}`;
  }
}

@InputType()
export class AddProvisionInput extends ProvisionFieldsInput {
  @Field({ description: 'The agreement (slug)' })
  @MaxLength(120)
  agreement!: string;

  @Field({ description: 'Unique in the agreement, e.g. art-7.4; the pinpoint is <slug>/<key>' })
  @Validate(SafeProvisionKey)
  key!: string;
}

@InputType()
export class UpdateProvisionInput extends ProvisionFieldsInput {
  @Field({ description: 'The provision: <agreement slug>/<key>' })
  @MinLength(3)
  @MaxLength(300)
  pinpoint!: string;

  @Field(() => Int, { description: 'The version you read' })
  version!: number;
}

@InputType()
export class RemoveProvisionInput {
  @Field({ description: 'The provision: <agreement slug>/<key>' })
  @MinLength(3)
  @MaxLength(300)
  pinpoint!: string;

  @Field(() => Int, { description: 'The version you read' })
  version!: number;
}
