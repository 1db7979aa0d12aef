import { EntityManager } from '@mikro-orm/knex';
import { selectEntities } from '../../common/row-mapper';
import { inList } from '../../common/sql';
import { TaxonomyCode } from '../taxonomy-code.entity';

/** The read statements of taxonomy codes (read-only entities, see rowMapper). */
export class TaxonomyRepository {
  constructor(private readonly em: EntityManager) {}

  byCodes(codes: readonly string[]): Promise<TaxonomyCode[]> {
    const list = inList(codes);
    return selectEntities(this.em, TaxonomyCode, `"code" in ${list.sql}`, list.params);
  }
}
