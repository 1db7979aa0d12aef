import { RATE_COSTS, RateCost } from '../../auth/rate-limit/rate-cost.decorator';
import { Args, Float, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { ReadAccess } from '../../auth/access.decorators';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../common/pagination/connection.types';
import { ProvisionComparison, ProvisionLineage, SimilarProvision } from '../dto/similarity.models';
import {
  DEFAULT_MIN_SCORE,
  LINEAGE_MAX_DEPTH,
  LINEAGE_MAX_MEMBERS,
  SimilarityService,
} from './similarity.service';

const minScoreArg = {
  type: () => Float,
  defaultValue: DEFAULT_MIN_SCORE,
  description:
    'Least similarity (0 to 1] of a hit. The candidate search is tuned for 0.5 and above: it finds about 87% of pairs at 0.5, 99% at 0.6, and few under 0.3',
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
      'Near-duplicates and reused text anywhere in the catalogue, most similar first (MinHash and LSH candidates, checked exactly). Texts under 12 words have none.',
  })
  similarProvisions(
    @Args('id', { type: () => ID }) id: string,
    @Args('minScore', minScoreArg) minScore: number,
    @Args('first', {
      type: () => Int,
      nullable: true,
      description: `1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`,
    })
    first?: number | null,
  ) {
    return this.service.similar(id, minScore, first);
  }

  @Query(() => ProvisionLineage, {
    complexity: ({ childComplexity }) => LINEAGE_MAX_MEMBERS * Math.max(1, childComplexity),
    description: `The family of clauses that share text with this one (similar to it, or to a member, up to ${LINEAGE_MAX_DEPTH} steps and ${LINEAGE_MAX_MEMBERS} members), ordered by signature date: the first is the probable template`,
  })
  lineage(@Args('id', { type: () => ID }) id: string, @Args('minScore', minScoreArg) minScore: number) {
    return this.service.lineage(id, minScore);
  }

  @Query(() => ProvisionComparison, {
    description: 'A word-level diff of two provisions, for side-by-side reading',
  })
  compareProvisions(@Args('a', { type: () => ID }) a: string, @Args('b', { type: () => ID }) b: string) {
    return this.service.compare(a, b);
  }
}
