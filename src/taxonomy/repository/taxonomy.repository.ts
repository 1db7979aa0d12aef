import { EntityManager } from '@mikro-orm/knex';
import { readEntities } from '../../common/row-mapper';
import { TaxonomyCode } from '../taxonomy-code.entity';

/** The read statements of taxonomy codes (read-only entities, see rowMapper). */
export class TaxonomyRepository {
  constructor(private readonly em: EntityManager) {}

  byCodes(codes: readonly string[]): Promise<TaxonomyCode[]> {
    return readEntities(this.em, TaxonomyCode, 'byCodes', codes, (qb, codes) =>
      qb.whereIn('code', [...codes]),
    );
  }
}
