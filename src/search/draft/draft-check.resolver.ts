import { Args, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ReadAccess } from '../../auth/access.decorators';
import { RATE_COSTS, RateCost } from '../../auth/rate-limit/rate-cost.decorator';
import { WordDiffResult } from '../dto/similarity.models';
import { diffInTurn } from '../diff/text-comparison.worker';
import { CheckDraftInput, DraftCheck, DraftPrecedent } from './draft-check.models';
import { DraftCheckService } from './draft-check.service';

@Resolver()
@ReadAccess()
@RateCost(RATE_COSTS.draftCheck)
export class DraftCheckResolver {
  constructor(private readonly service: DraftCheckService) {}

  @Query(() => DraftCheck, {
    complexity: ({ childComplexity }) => 200 * Math.max(1, childComplexity),
    description:
      "Checks a draft chapter or agreement against the catalogue: splits it into articles, annotates them with the rules, gives each article's closest precedents (with their family, parties and dates), and lists what the draft lacks compared with the parties' recent agreements and the Convention's expectations, with clauses to borrow. Nothing of the draft is stored or logged. BAD_USER_INPUT for an empty draft, one over 200,000 characters, binary data, a party code the catalogue lacks, a party name that names no party or several (each named), an unknown language.",
  })
  checkDraft(@Args('input') input: CheckDraftInput): Promise<DraftCheck> {
    return this.service.check(input);
  }
}

@Resolver(() => DraftPrecedent)
@ReadAccess()
export class DraftPrecedentResolver {
  @ResolveField(() => WordDiffResult, {
    description: 'The word diff from the precedent to the draft article (INSERT: only in the draft)',
  })
  diff(precedent: DraftPrecedent): Promise<WordDiffResult> {
    // One resolver per precedent, all started together: the diffs take turns (`diffInTurn`).
    return diffInTurn(precedent.precedentText, precedent.draftText);
  }
}

export const DRAFT_CHECK_RESOLVERS = [DraftCheckResolver, DraftPrecedentResolver];
