import type { Text } from '../common/report-texts';
import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { ReportFileLink } from '../common/report.types';

// The one declaration of the trends' shapes: what `trends-compute.ts` returns and what GraphQL serves.

export enum TrendGroupBy {
  YEAR = 'YEAR',
  REGION = 'REGION',
  AGREEMENT_TYPE = 'AGREEMENT_TYPE',
  PARTY = 'PARTY',
}
registerEnumType(TrendGroupBy, {
  name: 'TrendGroupBy',
  description:
    'YEAR of signature; REGION (UN M49) of the parties an agreement binds; AGREEMENT_TYPE; PARTY: every party an agreement binds, directly or through a bloc (the EU and each of its member states; dependent territories are not parties). An agreement counts once in every group it belongs to.',
});

@ObjectType({ description: 'Agreements of a group that have a code, accepted and proposed apart' })
export class TrendCount {
  @Field(() => TaxonomyCodeId)
  code!: TaxonomyCodeId;

  /** Counted as evidence: accepted, plus proposed with includeProposed. */
  @Field(() => Int, {
    description: 'Agreements with the code counted as evidence: accepted, plus proposed with includeProposed',
  })
  agreements!: number;

  @Field(() => Float, { description: 'agreements with the code / agreements of the group' })
  share!: number;

  @Field(() => Int, { description: 'Agreements with an ACCEPTED annotation of the code' })
  accepted!: number;

  @Field(() => Int, {
    description: 'Agreements with the code in PROPOSED annotations only: awaiting review',
  })
  proposed!: number;

  @Field(() => Float, { description: 'accepted / agreements of the group' })
  acceptedShare!: number;

  @Field(() => Float, { description: '(accepted + proposed) / agreements of the group' })
  shareWithProposed!: number;
}

@ObjectType({ description: 'One group of a trends report: a year, region, agreement type or party' })
export class TrendGroup {
  @Field({ description: 'The year, region, type or party code' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int, { description: 'Agreements in the group' })
  agreements!: number;

  @Field(() => Int, {
    description:
      'Agreements of the group whose record holds only selected provisions or no text (EXCERPTS, METADATA_ONLY): a code missing there is not known to be absent, so a share over them is a floor',
  })
  partialRecords!: number;

  @Field(() => [TrendCount], { description: 'One per code asked, in taxonomy order' })
  counts!: TrendCount[];
}

@ObjectType({ description: 'How many agreements have each code, per group' })
export class TrendsReport {
  @Field(() => TrendGroupBy)
  groupBy!: TrendGroupBy;

  @Field(() => Int, { nullable: true, description: 'First year of signature counted' })
  from!: number | null;

  @Field(() => Int, { nullable: true, description: 'Last year of signature counted' })
  to!: number | null;

  @Field(() => [TaxonomyCodeId])
  codes!: TaxonomyCodeId[];

  @Field()
  includeProposed!: boolean;

  @Field(() => [String])
  notes!: string[];

  /** The notes before they are put in a language (reports/common/report-texts.ts); not in GraphQL. */
  noteTexts!: Text[];

  /**
   * When the range counts no agreement: the first and last years of signature in the catalogue, so that an empty
   * range is said to be empty beside what there is (`/trends?from=2021` said "0 agreements" and no more).
   */
  @Field(() => Int, {
    nullable: true,
    description:
      'When the range counts no agreement: the first year of signature in the whole catalogue (null otherwise, or when no agreement has a signature date)',
  })
  catalogueFirstYear!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'When the range counts no agreement: the last year of signature in the whole catalogue (null otherwise, or when no agreement has a signature date)',
  })
  catalogueLastYear!: number | null;

  /** Agreements signed in the range (each counted once). */
  @Field(() => Int, { description: 'Agreements signed in the range' })
  agreements!: number;

  @Field(() => [TrendGroup], { description: 'YEAR: by year; otherwise largest group first' })
  groups!: TrendGroup[];

  @Field(() => [ReportFileLink])
  files!: ReportFileLink[];
}

/** What the computation returns: the report without its file links (the resolver adds them). */
export type TrendsResult = Omit<TrendsReport, 'files'>;
