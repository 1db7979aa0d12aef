import { RATE_COSTS, RateCost } from '../../auth/rate-limit/rate-cost.decorator';
import { Args, Float, ID, Int, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReadAccess } from '../../auth/access.decorators';
import { BoundedCache } from '../../common/bounded-cache';
import { diffInTurn } from '../diff/text-comparison.worker';
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
    description: `The family of a clause: the clauses that descend from a common template (every clause joined to it by a chain of similarity or quoting links, in both time directions, up to ${FAMILY_MAX_MEMBERS} members), ordered by signature date, each with its probable source, the similarity and the word diff to it, its agreement, parties, date and taxonomy codes. The same members and template whichever member it is asked from (unless truncated): see ClauseFamily.template and ClauseFamily.truncated.`,
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

/**
 * Word diffs kept between requests, by source and member: a family of 60 members has 59 of them, about a third of
 * the time of a provision page on the corpus, and the next visitor of the page (or of a page of the same family)
 * asks the same ones. Each entry holds its two texts and is used only while they are unchanged.
 */
const DIFFS_KEPT = 1000;

@Resolver(() => FamilyMember)
@ReadAccess()
export class FamilyMemberResolver {
  private readonly diffs = new BoundedCache<string, { from: string; to: string; diff: WordDiffResult }>(
    DIFFS_KEPT,
  );

  @ResolveField(() => WordDiffResult, {
    nullable: true,
    description:
      'The word diff from the source to this member (DELETE: only in the source); none for the template',
  })
  async diff(member: FamilyMember): Promise<WordDiffResult | null> {
    const { source, sourceText: from, text: to } = member;
    if (from === null || source === null) return null;
    const key = `${source.id}>${member.provision.id}`;
    const kept = this.diffs.get(key);
    if (kept && kept.from === from && kept.to === to) return kept.diff;
    const diff = await diffInTurn(from, to);
    this.diffs.set(key, { from, to, diff });
    return diff;
  }
}
