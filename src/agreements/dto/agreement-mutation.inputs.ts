import { IsTitle } from '../../common/title.validator';
import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsFreeText } from '../../common/free-text.validator';
import { AGREEMENT_MAX_SOURCES } from '../agreement-record.schema';
import {
  ArrayMaxSize,
  IsOptional,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LocalDate } from '../../graphql/scalars';
import {
  AgreementKind,
  AgreementStatus,
  AgreementType,
  ConcludedBy,
  DatePrecision,
  PartyRole,
  SourceKind,
} from '../agreement.enums';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

@InputType()
export class AgreementPartyInput {
  @Field({ description: 'Party code (ISO 3166-1 alpha-3, or EUN)' })
  @Matches(/^[A-Za-z]{3}$/, { message: 'code must be a 3-letter party code' })
  code!: string;

  @Field(() => PartyRole, { defaultValue: PartyRole.ORIGINAL })
  role: PartyRole = PartyRole.ORIGINAL;

  @Field(() => LocalDate, { nullable: true })
  dateJoined?: string | null;

  @Field(() => LocalDate, { nullable: true })
  dateWithdrawn?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'The party has left the agreement. Follows from dateWithdrawn when that is given (leave it out then: false ' +
      'beside a date is refused); true alone says it left on a date nobody recorded',
  })
  @IsOptional()
  withdrawn?: boolean | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "The party signed but neither applies the agreement nor is bound by it: the agreement's dates do not reach it",
  })
  signatoryOnly: boolean = false;

  @Field(() => LocalDate, {
    nullable: true,
    description: "This party's own date of signature, where the sources give one",
  })
  dateSigned?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      "When the agreement began to apply provisionally to this party, where it differs from the agreement's. On an agreement of three or more sides, give it even if it is the agreement's date: a party with no date of its own is said to be dated by the agreement's first date (agreementFirstDates)",
  })
  dateProvisionallyApplied?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      "When the agreement entered into force for this party, where it differs from the agreement's. On an agreement of three or more sides, give it even if it is the agreement's date: a party with no date of its own is said to be dated by the agreement's first date (agreementFirstDates)",
  })
  dateInForce?: string | null;

  @Field(() => DatePrecision, {
    nullable: true,
    description:
      'How precise dateInForce is: EXACT (its day; the default) or AT_LATEST (a bound the sources agree on: in force for the party on that day at the latest, its own day not known); AT_LATEST needs dateInForce',
  })
  dateInForcePrecision?: DatePrecision | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      "The party's rights and obligations under the agreement are suspended from this date: not bound meanwhile",
  })
  suspendedFrom?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day the suspension was lifted; null while it lasts',
  })
  suspendedUntil?: string | null;

  @Field(() => String, { nullable: true, description: 'Where the suspension is stated' })
  @IsOptional()
  @MaxLength(2000)
  suspensionSource?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The side of the agreement the party is of, where its text applies it only between sides ('EFTA States', 'Colombia'): parties of one side are no partners of each other under it. Given for one party, given for all, at least two sides",
  })
  @IsOptional()
  @MaxLength(200)
  side?: string | null;
}

@InputType()
export class AgreementSourceInput {
  @Field({ description: 'An http(s) URL' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'url must be an http(s) URL' })
  @MaxLength(2000)
  url!: string;

  @Field(() => String, { nullable: true, description: 'ISO 639-1' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be an ISO 639 code such as en' })
  language?: string | null;

  @Field(() => SourceKind)
  kind!: SourceKind;
}

/** Fields an editor may set on an agreement (all optional in an update; null clears a nullable one). */
@InputType({ isAbstract: true })
export abstract class AgreementFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  @MinLength(1)
  @MaxLength(2000)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  @MaxLength(255)
  shortTitle?: string | null;

  @Field(() => AgreementKind, { nullable: true })
  kind?: AgreementKind | null;

  @Field(() => [AgreementType], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(11)
  types?: AgreementType[] | null;

  @Field(() => AgreementStatus, { nullable: true })
  status?: AgreementStatus | null;

  @Field(() => LocalDate, { nullable: true })
  dateSigned?: string | null;

  @Field(() => LocalDate, { nullable: true })
  dateProvisionallyApplied?: string | null;

  @Field(() => LocalDate, { nullable: true })
  dateInForce?: string | null;

  @Field(() => LocalDate, { nullable: true })
  dateTerminated?: string | null;

  @Field(() => ConcludedBy, {
    nullable: true,
    description:
      "Who concluded it on a bloc's side (null: no source says); BLOC_ONLY is refused beside a member state listed as the bloc's",
  })
  concludedBy?: ConcludedBy | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be an ISO 639 code such as en' })
  language?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  @MaxLength(32)
  wtoRtaId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsTitle()
  @MaxLength(32)
  destaNumber?: string | null;

  @Field(() => [AgreementSourceInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(AGREEMENT_MAX_SOURCES)
  @ValidateNested({ each: true })
  @Type(() => AgreementSourceInput)
  sources?: AgreementSourceInput[] | null;
}

@InputType()
export class CreateAgreementInput extends AgreementFieldsInput {
  @Field()
  @Matches(SLUG_PATTERN, { message: 'slug must be lower-case words joined by hyphens, e.g. eu-korea-fta' })
  @MaxLength(120)
  slug!: string;

  @Field(() => [AgreementPartyInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => AgreementPartyInput)
  parties?: AgreementPartyInput[] | null;
}

@InputType()
export class UpdateAgreementInput extends AgreementFieldsInput {
  @Field({ description: 'The agreement to change' })
  @MaxLength(120)
  slug!: string;

  @Field(() => Int, { description: 'The version you read' })
  version!: number;
}

@InputType()
export class ArchiveAgreementInput {
  @Field()
  @MaxLength(120)
  slug!: string;

  @Field(() => Int, { description: 'The version you read' })
  version!: number;

  @Field({ description: 'Why it is archived' })
  @MinLength(1)
  @MaxLength(2000)
  @IsFreeText()
  reason!: string;
}

@InputType()
export class SetAgreementPartiesInput {
  @Field()
  @MaxLength(120)
  slug!: string;

  @Field(() => Int, { description: 'The version you read' })
  version!: number;

  @Field(() => [AgreementPartyInput])
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => AgreementPartyInput)
  parties!: AgreementPartyInput[];
}
