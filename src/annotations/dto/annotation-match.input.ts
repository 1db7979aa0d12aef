import { Field, InputType } from '@nestjs/graphql';
import { MatchMode } from '../../common/sort-direction.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AnnotationStatus } from '../annotation.enums';

export const DEFAULT_MATCH_STATUSES = [AnnotationStatus.ACCEPTED, AnnotationStatus.PROPOSED];

@InputType({ description: 'Has annotations with these codes (and statuses)' })
export class AnnotationMatch {
  @Field(() => [TaxonomyCodeId], {
    description:
      'Any of these codes (or all of them, by `match`); an empty list is no condition, as in every filter',
  })
  codes!: TaxonomyCodeId[];

  @Field(() => [AnnotationStatus], {
    nullable: true,
    description: 'Statuses that count (default ACCEPTED and PROPOSED: anything not rejected)',
  })
  statuses?: AnnotationStatus[] | null;

  @Field(() => MatchMode, { defaultValue: MatchMode.ANY, description: 'ANY code, or ALL codes' })
  match: MatchMode = MatchMode.ANY;
}
