import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { LocalDate } from '../../graphql/scalars';
import { Agreement } from '../../agreements/agreement.entity';
import { Provision } from '../../provisions/provision.entity';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { SimilarityMeasure } from '../wording/clause-index';

@ObjectType({ description: 'One clause of a family, in order of signature' })
export class FamilyMember {
  @Field(() => Provision)
  provision!: Provision;

  @Field(() => Agreement)
  agreement!: Agreement;

  @Field(() => LocalDate, { nullable: true, description: "The agreement's signature date" })
  dateSigned!: string | null;

  @Field(() => [String], {
    description:
      "Who wrote the agreement's text: its parties in their own right (ISO 3166-1 alpha-3 codes, EUN for the EU; a member state bound through its bloc is its bloc), whether the agreement ever bound them or not: the TPP's twelve signatories, though it never entered into force (see `signatoriesOnly`)",
  })
  parties!: string[];

  @Field(() => [String], {
    description:
      'Of `parties`, those that signed the agreement but were never bound by it (the TPP, never in force: all twelve)',
  })
  signatoriesOnly!: string[];

  @Field(() => [TaxonomyCodeId], {
    description: 'Taxonomy codes of the provision (annotations not rejected)',
  })
  codes!: TaxonomyCodeId[];

  @Field(() => [TaxonomyCodeId], {
    description:
      'Of `codes`, those only proposed: no reviewer has accepted an annotation of the code on this provision',
  })
  proposedCodes!: TaxonomyCodeId[];

  @Field(() => Provision, {
    nullable: true,
    description:
      "The probable source: the member signed before this one that it is closest to by word-sequence similarity (its words read in order, not `score`, which may rank another earlier member higher), or, among those within 0.05 of it, the one whose agreement has the most parties in common with this one's; an estimate, wrong for about one member in eight to one in four where sources were traced by hand; none for the template, nor where no member was signed before it (an agreement signed the same day as the earliest is not its source), its signature date is not recorded, or it shares less than 0.1 of its wording with the closest earlier member (the member then begins a line of its own)",
  })
  source!: Provision | null;

  @Field(() => Float, { nullable: true, description: "Similarity to `source` under the family's measure" })
  score!: number | null;

  @Field(() => Float, { description: 'Similarity to the template; 1 for the template' })
  templateScore!: number;

  @Field(() => Int, {
    description:
      'Steps along the sources from the first member of its line (the template, for the template and its descendants): 0 for a member without a source',
  })
  generation!: number;

  @Field({
    description:
      "The source is one of the same parties' agreements: its `parties` and this member's have one in common, signatories never bound included (the CPTPP's members and the TPP's)",
  })
  sameParties!: boolean;

  /** Texts for the diff field (not exposed). */
  sourceText!: string | null;
  text!: string;
}

@InputType({
  description: 'Which members of a family to list (the family itself, its template and sources stay whole)',
})
export class ClauseFamilyFilter {
  @Field(() => [String], {
    nullable: true,
    description:
      'Members whose agreement has at least one of these parties (ISO alpha-3, EUN), as `FamilyMember.parties` says them (signatories never bound included)',
  })
  parties?: string[] | null;

  @Field(() => [TaxonomyCodeId], {
    nullable: true,
    description: 'Members with at least one of these codes (annotations not rejected)',
  })
  codes?: TaxonomyCodeId[] | null;
}

@ObjectType({
  description:
    'The clauses that descend from a common template: every provision joined to the one asked about by a chain of links, in both time directions (similar provisions, and under WORDING a longer article quoting a member nearly whole, at least 0.8 of its features, or at least 0.7 of an earlier one), so that the family is the same whichever member it is asked from, unless it is cut at its size bound (truncated); ordered by signature date',
})
export class ClauseFamily {
  @Field(() => Provision, { description: 'The provision asked about' })
  provision!: Provision;

  @Field(() => SimilarityMeasure)
  measure!: SimilarityMeasure;

  @Field(() => Float, {
    description:
      'The least similarity of a link in the family, but for the links from a member to a longer article that quotes it nearly whole (WORDING), which score lower',
  })
  minScore!: number;

  @Field(() => Provision, {
    description:
      'The template of the whole family: its earliest member by signature date (among members signed the same day, the one most members are closest to, then the greatest summed similarity), the same whichever member the family is asked from unless it is truncated',
  })
  template!: Provision;

  @Field(() => Int, { description: 'Members of the whole family, before the filter' })
  size!: number;

  @Field(() => [FamilyMember], { description: 'The members the filter keeps, earliest first' })
  members!: FamilyMember[];

  @Field({
    description:
      'The family was cut at its size bound: it has more members than those given, which are the ones nearest (in links) to the provision asked about, so that another member may be given another list',
  })
  truncated!: boolean;

  @Field({
    description:
      'False when the text is too short (under 12 words) to compare: the family is the provision alone',
  })
  comparable!: boolean;
}
