import { RATE_COSTS, RateCost } from '../auth/rate-limit/rate-cost.decorator';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { ReadAccess } from '../auth/access.decorators';
import { InputErrors } from '../common/input-errors';
import { connectionCost, PageArgs } from '../common/pagination/connection.types';
import { ProvisionFilter } from '../provisions/dto/provision-filter.input';
import { ProvisionSearchConnection, SnippetInput } from './dto/provision-search.models';
import { SearchService } from './search.service';
import { DEFAULT_SNIPPET, SnippetOptions } from './snippet/snippet';

const MAX_MARK_LENGTH = 20;
const MAX_SNIPPET_WORDS = 200;

@Resolver()
@ReadAccess()
@RateCost(RATE_COSTS.search)
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => ProvisionSearchConnection, {
    complexity: connectionCost,
    description:
      'Ranked full-text search over provision texts, summaries and titles. Syntax: words (all must match), "exact phrases", prefix*, OR, NOT or -word, parentheses; case and accents are ignored.',
  })
  async searchProvisions(
    @Args('query', { description: 'e.g. "cultural industries" OR audiovis* -film' }) query: string,
    @Args() page: PageArgs,
    @Args('filter', { type: () => ProvisionFilter, nullable: true }) filter?: ProvisionFilter,
    @Args('snippet', { type: () => SnippetInput, nullable: true }) snippet?: SnippetInput,
  ) {
    // The hits carry their agreements (read with them), which Provision.agreement uses as they are.
    return this.service.search(query, filter, page, snippetOptions(snippet));
  }
}

function snippetOptions(input: SnippetInput | null | undefined): SnippetOptions {
  const options: SnippetOptions = {
    open: input?.open ?? DEFAULT_SNIPPET.open,
    close: input?.close ?? DEFAULT_SNIPPET.close,
    words: input?.words ?? DEFAULT_SNIPPET.words,
  };
  const errors = new InputErrors();
  errors.check(
    options.open.length <= MAX_MARK_LENGTH,
    'snippet.open',
    `at most ${MAX_MARK_LENGTH} characters`,
  );
  errors.check(
    options.close.length <= MAX_MARK_LENGTH,
    'snippet.close',
    `at most ${MAX_MARK_LENGTH} characters`,
  );
  errors.check(
    Number.isInteger(options.words) && options.words >= 1 && options.words <= MAX_SNIPPET_WORDS,
    'snippet.words',
    `must be an integer from 1 to ${MAX_SNIPPET_WORDS}`,
  );
  errors.throwIfAny();
  return options;
}
