import { LIST_BOUNDS, listCost } from '../common/list-cost';
import { ReadAccess } from '../auth/access.decorators';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { TaxonomyCodeId } from './taxonomy-code.enum';
import { TaxonomyCode } from './taxonomy-code.entity';
import { TaxonomyService } from './taxonomy.service';

@Resolver(() => TaxonomyCode)
@ReadAccess()
export class TaxonomyResolver {
  constructor(private readonly service: TaxonomyService) {}

  @Query(() => [TaxonomyCode], {
    complexity: listCost(LIST_BOUNDS.taxonomyCodes),
    description: 'Every code of the clause taxonomy, in the order of the spec',
  })
  taxonomy() {
    return this.service.all();
  }

  @Query(() => TaxonomyCode)
  taxonomyCode(@Args('code', { type: () => TaxonomyCodeId }) code: TaxonomyCodeId) {
    return this.service.get(code);
  }
}
