import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Provision } from '../../provisions/provision.entity';
import { SimilarityMeasure } from '../wording/clause-index';
import { DEFAULT_MAX_EDIT_LENGTH } from '../diff/word-diff';

registerEnumType(SimilarityMeasure, {
  name: 'SimilarityMeasure',
  description:
    'How two clauses are compared (both Jaccard similarities, 0 to 1). VERBATIM: sets of 5-word shingles, reuse of the very words in the same order. WORDING: sets of content words and adjacent content-word pairs, after dropping grammatical words, numbers and cross-references, reducing plurals and repairing OCR damage: it keeps a reworded descendant (reordered, with inserted qualifiers, with other article numbers) at about 0.3 to 0.6 where VERBATIM falls to 0 to 0.2.',
  valuesMap: {
    VERBATIM: { description: 'Reuse of the very words: 5-word shingles' },
    WORDING: { description: 'Shared wording: content words and word pairs (the default)' },
  },
});

@ObjectType({ description: 'A provision that shares text with the one asked about' })
export class SimilarProvision {
  @Field(() => Provision)
  provision!: Provision;

  @Field(() => Float, { description: 'Similarity under the measure asked for (0 to 1)' })
  score!: number;

  @Field(() => SimilarityMeasure)
  measure!: SimilarityMeasure;
}

@ObjectType({ description: 'One clause of a family, in order of signature' })
export class LineageMember {
  @Field(() => Provision)
  provision!: Provision;

  @Field(() => Provision, {
    nullable: true,
    description:
      'Its probable source, as `clauseFamily` gives it (FamilyMember.source: closest by word sequence, an agreement with parties in common preferred when close, so not always the earlier member with the highest `score`) (none for the template, nor where no member was signed before it, its signature date is not recorded, or it shares less than 0.1 of its wording with the closest earlier member)',
  })
  source!: Provision | null;

  @Field(() => Float, { nullable: true, description: 'Similarity to `source` under the measure asked for' })
  score!: number | null;

  @Field(() => Float, { description: 'Similarity to the template; 1 for the template' })
  templateScore!: number;
}

@ObjectType({
  description:
    'The family of clauses that share wording with a provision, earliest first (clauseFamily, in brief)',
})
export class ProvisionLineage {
  @Field(() => Provision, { description: 'The provision asked about' })
  provision!: Provision;

  @Field(() => Provision, {
    description:
      "The template: the earliest member of the family (clauseFamily's template), the same whichever member it is asked from unless the family is truncated",
  })
  template!: Provision;

  @Field(() => [LineageMember], {
    description:
      "Ordered by their agreements' signature dates (undated last), then position; the provision asked about is one of them",
  })
  members!: LineageMember[];

  @Field({ description: 'The family was cut at the size or depth bound' })
  truncated!: boolean;

  @Field({
    description:
      'False when the text is too short (under 12 words) to compare: the family is then the provision alone',
  })
  comparable!: boolean;
}

export enum DiffKindEnum {
  EQUAL = 'EQUAL',
  INSERT = 'INSERT',
  DELETE = 'DELETE',
}
registerEnumType(DiffKindEnum, {
  name: 'DiffKind',
  description: 'EQUAL: in both; DELETE: only in `a`; INSERT: only in `b`',
});

@ObjectType()
export class DiffSegment {
  @Field(() => DiffKindEnum)
  kind!: DiffKindEnum;

  @Field()
  text!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'For an EQUAL segment whose words `a` writes otherwise (compared OCR-repaired: "prov1s10ns" in a, "provisions" in b), the segment as `a` writes it; null when both write it alike',
  })
  aText?: string | null;
}

@ObjectType()
export class DiffStats {
  @Field(() => Int)
  equalWords!: number;

  @Field(() => Int)
  insertedWords!: number;

  @Field(() => Int)
  deletedWords!: number;

  @Field(() => Float, { description: 'equalWords / words of the longer text' })
  similarity!: number;

  @Field({
    description: `True when the texts differ in more than ${DEFAULT_MAX_EDIT_LENGTH.toLocaleString('en')} words and punctuation marks: the diff is then coarse, their common beginning and end EQUAL and everything between one DELETE and one INSERT (words they share in between are not found, so equalWords and similarity are lower than a word-by-word diff would give)`,
  })
  coarse!: boolean;
}

@ObjectType({ description: 'A word-level diff of two provisions, from `a` to `b`' })
export class ProvisionComparison {
  @Field(() => Provision)
  a!: Provision;

  @Field(() => Provision)
  b!: Provision;

  @Field(() => [DiffSegment], {
    description:
      'Joining EQUAL (their aText where given) and DELETE texts gives a, EQUAL and INSERT texts gives b (white space normalised)',
  })
  segments!: DiffSegment[];

  @Field(() => DiffStats)
  stats!: DiffStats;

  @Field(() => Float, { description: 'Similarity under the measure asked for' })
  score!: number;

  @Field(() => Float, { description: 'VERBATIM similarity (5-word shingles)' })
  verbatimScore!: number;

  @Field(() => Float, { description: 'WORDING similarity (content words and word pairs)' })
  wordingScore!: number;
}

@ObjectType({ description: 'A word-level diff from one text to another' })
export class WordDiffResult {
  @Field(() => [DiffSegment], {
    description: 'EQUAL: in both; DELETE: only in the earlier text; INSERT: only in the later one',
  })
  segments!: DiffSegment[];

  @Field(() => DiffStats)
  stats!: DiffStats;
}
