import { RATE_COSTS, RateCost } from '../../auth/rate-limit/rate-cost.decorator';
import { Args, Float, ID, Int, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReadAccess } from '../../auth/access.decorators';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination/connection.types';
import { ClauseFamily, ClauseFamilyFilter, FamilyMember } from '../dto/family.models';
import {
  ProvisionComparison,
  ProvisionLineage,
  SimilarProvision,
  WordDiffResult,
} from '../dto/similarity.models';
import { SimilarityMeasure } from '../wording/clause-index';
import {
  DEFAULT_MIN_SCORE,
  diffOf,
  FAMILY_MAX_DEPTH,
  FAMILY_MAX_MEMBERS,
  LOWEST_MIN_SCORE,
  SimilarityService,
} from './similarity.service';

const measureArg = {
  type: () => SimilarityMeasure,
  defaultValue: SimilarityMeasure.WORDING,
  description: 'WORDING (shared wording, tolerant of rewording; the default) or VERBATIM (5-word shingles)',
};

const minScoreArg = {
  type: () => Float,
  nullable: true,
  description: `Least similarity of a hit, ${LOWEST_MIN_SCORE} to 1; default ${DEFAULT_MIN_SCORE.WORDING} for WORDING, ${DEFAULT_MIN_SCORE.VERBATIM} for VERBATIM. Every pair at or above it is found (the WORDING index is exact; VERBATIM candidates are measured in the README)`,
};

@Resolver()
@ReadAccess()
@RateCost(RATE_COSTS.search)
export class SimilarityResolver {
  constructor(private readonly service: SimilarityService) {}

  @Query(() => [SimilarProvision], {
    complexity: ({ args, childComplexity }) =>
      Math.min(args.first ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) * Math.max(1, childComplexity),
    description:
      'Clauses anywhere in the catalogue that share wording (WORDING) or reuse the very words (VERBATIM) of this one, most similar first. Texts under 12 words have none.',
  })
  similarProvisions(
    @Args('id', { type: () => ID }) id: string,
    @Args('measure', measureArg) measure: SimilarityMeasure,
    @Args('minScore', minScoreArg) minScore: number | null,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
    })
    first?: number | null,
  ) {
    return this.service.similar(id, measure, minScore, first);
  }

  @Query(() => ClauseFamily, {
    complexity: ({ childComplexity }) => FAMILY_MAX_MEMBERS * Math.max(1, childComplexity),
    description: `The family of a clause: the clauses that descend from a common template (similar to it, or to a member, up to ${FAMILY_MAX_DEPTH} steps and ${FAMILY_MAX_MEMBERS} members), ordered by signature date, each with its probable source, the similarity and the word diff to it, its agreement, parties, date and taxonomy codes. The template is the earliest member.`,
  })
  clauseFamily(
    @Args('id', { type: () => ID }) id: string,
    @Args('measure', measureArg) measure: SimilarityMeasure,
    @Args('minScore', minScoreArg) minScore: number | null,
    @Args('filter', { type: () => ClauseFamilyFilter, nullable: true }) filter: ClauseFamilyFilter | null,
  ) {
    return this.service.family(id, measure, minScore, filter);
  }

  @Query(() => ProvisionLineage, {
    complexity: ({ childComplexity }) => FAMILY_MAX_MEMBERS * Math.max(1, childComplexity),
    description:
      'The lineage of a clause: its clauseFamily in brief (members in order of signature, each with its probable source and the similarity to it and to the template)',
  })
  lineage(
    @Args('id', { type: () => ID }) id: string,
    @Args('measure', measureArg) measure: SimilarityMeasure,
    @Args('minScore', minScoreArg) minScore: number | null,
  ) {
    return this.service.lineage(id, measure, minScore);
  }

  @Query(() => ProvisionComparison, {
    description: 'A word-level diff of two provisions, for side-by-side reading, with both similarities',
  })
  compareProvisions(
    @Args('a', { type: () => ID }) a: string,
    @Args('b', { type: () => ID }) b: string,
    @Args('measure', measureArg) measure: SimilarityMeasure,
  ) {
    return this.service.compare(a, b, measure);
  }
}

@Resolver(() => FamilyMember)
@ReadAccess()
export class FamilyMemberResolver {
  @ResolveField(() => WordDiffResult, {
    nullable: true,
    description:
      'The word diff from the source to this member (DELETE: only in the source); none for the template',
  })
  diff(member: FamilyMember): WordDiffResult | null {
    return member.sourceText === null ? null : diffOf(member.sourceText, member.text);
  }
}
